#!/usr/bin/env bash
# Bootstrapper: ./build.sh <Target> [--options]. Restores the pinned Cake tool, builds the pipeline library when its
# sources changed (clearing Cake's script cache, which is keyed on the script text only), then runs build.cake.
# Without a target it lists the targets and exits 0: nothing runs by default.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

lib=build/Sparkify.Pipeline
dll=$lib/bin/Release/net10.0/Sparkify.Pipeline.dll
cache=tools/cache   # Cake's script cache (cake.config enables it)

if [ ! -d "${NUGET_PACKAGES:-$HOME/.nuget/packages}/cake.tool/7.0.0" ]; then
  dotnet tool restore >/dev/null
fi

# Stale when a source is newer than the dll, or when the set of sources changed since the last build (a deleted or
# renamed file leaves no newer timestamp behind): the sorted list is kept beside the dll. Without that list (a build
# from before it existed, or a copied bin folder) the timestamps decide and the list is recorded.
sources() { find "$lib" \( -name '*.cs' -o -name '*.csproj' -o -name '*.py' \) -not -path '*/bin/*' -not -path '*/obj/*' "$@"; }
list="$lib/bin/Release/net10.0/sources.list"
now=$(sources | LC_ALL=C sort)
if [ ! -f "$dll" ] || [ -n "$(sources -newer "$dll" -print -quit)" ] || { [ -f "$list" ] && [ "$(cat "$list")" != "$now" ]; }; then
  echo "Building the pipeline library..."
  if ! out=$(dotnet build "$lib" -c Release -nologo -v quiet -clp:NoSummary 2>&1); then
    echo "$out" >&2
    echo "build.sh: the pipeline library did not build" >&2
    exit 1
  fi
  touch "$dll"
fi
[ -f "$list" ] && [ "$(cat "$list")" = "$now" ] || printf '%s\n' "$now" >"$list"
if [ -d "$cache" ] && [ "$dll" -nt "$cache" ]; then rm -rf "$cache"; fi

# The JIT of a run (issue 29): the values and why are in build/jit.sh, shared with bench/run.sh.
source build/jit.sh

# The process this script started must be the pipeline itself: `dotnet tool run` would start Cake as a child, so a
# kill, a timeout or Ctrl+C of this pid would leave the worker running (issue 11). exec the pinned tool's Cake.dll.
cake="${NUGET_PACKAGES:-$HOME/.nuget/packages}/cake.tool/7.0.0/tools/net10.0/any/Cake.dll"
if [ -f "$cake" ]; then run=(dotnet "$cake"); else run=(dotnet tool run dotnet-cake --); fi
# A shell without job control starts background commands with SIGINT ignored, and the .NET runtime never handles a
# signal that was ignored when it started, so `kill -INT` of a backgrounded ./build.sh did nothing. env (coreutils
# 8.31+) restores the default before exec, keeping the pid: SIGINT always cancels the run like Ctrl+C.
if env --default-signal=INT true 2>/dev/null; then run=(env --default-signal=INT "${run[@]}"); fi

# No colour (no ANSI escape bytes, Cake's lines included) when the output is not a terminal; NO_COLOR set by the
# caller is kept either way (https://no-color.org).
if [ ! -t 1 ] || [ ! -t 2 ]; then export NO_COLOR="${NO_COLOR:-1}"; fi

# --help anywhere prints the pipeline's own help (targets and declared options); Cake would print its own usage.
args=()
for a in "$@"; do
  case "$a" in
    --help|-h|-\?) args+=("--pipeline-help") ;;
    *) args+=("$a") ;;
  esac
done
set -- ${args[@]+"${args[@]}"}

if [ $# -eq 0 ]; then
  echo "Usage: ./build.sh <Target> [--profile=local|aws] [--options]   (./build.sh --help lists every option)"
  exec "${run[@]}" build.cake --description
fi
if [[ "$1" == -* ]]; then
  exec "${run[@]}" build.cake "$@"
fi
target="$1"
shift
jit_for_runs
exec "${run[@]}" build.cake --target="$target" "$@"
