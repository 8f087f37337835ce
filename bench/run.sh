#!/usr/bin/env bash
# The load benchmark of issue 4, without Cake: ./bench/run.sh --scale=100 [--seed=42] [--methods=a,b,c,d,e] [--row-limit=100000]
# Starts its own PostgreSQL and moto on free ports in a temp folder and removes them at the end (README.md, Benchmark).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The same JIT setting as build.sh (build/jit.sh), so the loader is timed as StageCopy runs it; set for the run only.
if ! out=$(dotnet build bench/Sparkify.Bench -c Release -nologo -v quiet -clp:NoSummary 2>&1); then echo "$out" >&2; exit 1; fi
source build/jit.sh
jit_for_runs
exec dotnet run -c Release --no-build --project bench/Sparkify.Bench -- --root="$PWD" "$@"
