#!/bin/sh
# as_user.sh USER DIR PATH HIDDEN EXPOSED... -- [NAME=VALUE...] COMMAND...
# Runs COMMAND in DIR as USER (from root) with a clean environment (HOME, USER, PATH and the NAME=VALUEs), in a private
# mount namespace where the 0700 folder HIDDEN (root's home) is covered by an empty tmpfs the user may traverse but
# not list, and only the EXPOSED folders inside it are bound back, read-only, at their own paths. The tools installed
# there (a pyenv Python with moto_server, the NuGet packages with Cake) then run unchanged, their compiled-in paths
# and shebangs intact, while the rest of HIDDEN and the real mount table stay as they are. Processes COMMAND leaves
# running keep the namespace alive; it goes with the last of them.
set -eu
[ "$(id -u)" = 0 ] || { echo "as_user.sh: must run as root" >&2; exit 2; }
exec unshare --mount --propagation private /bin/sh -eu -c '
user=$1; dir=$2; path=$3; hidden=$4; shift 4
stage=$(mktemp -d)
n=0
while [ "$1" != "--" ]; do
  n=$((n + 1)); mkdir "$stage/$n"; mount --bind "$1" "$stage/$n"; echo "$1" >"$stage/$n.path"; shift
done
shift
mount -t tmpfs -o mode=0711,size=1m sparkify-hidden "$hidden"
i=0
while [ $i -lt $n ]; do
  i=$((i + 1)); target=$(cat "$stage/$i.path")
  mkdir -p "$target"; mount --bind -o ro "$stage/$i" "$target"; umount "$stage/$i"
done
rm -r "$stage"
home=$(getent passwd "$user" | cut -d: -f6)
cd "$dir"
exec runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" PATH="$path" "$@"
' as_user "$@"
