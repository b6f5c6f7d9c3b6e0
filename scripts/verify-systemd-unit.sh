#!/usr/bin/env bash
# Checks deploy/castbot.service with `systemd-analyze verify`. The unit names
# /usr/local/bin/castbot, which verify requires to exist; a copy of the unit pointing at a built
# binary (CASTBOT_BIN, default: the release build) is checked instead, unchanged otherwise.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v systemd-analyze >/dev/null || { echo "systemd-analyze is not installed (apt-get install systemd)" >&2; exit 2; }
binary=${CASTBOT_BIN:-$root/.build/release/castbot}
[[ -x $binary ]] || { echo "no castbot binary at $binary; build with swift build -c release or set CASTBOT_BIN" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s#^ExecStart=/usr/local/bin/castbot #ExecStart=$binary #" "$root/deploy/castbot.service" > "$work/castbot.service"
grep -q "^ExecStart=$binary serve$" "$work/castbot.service" || { echo "ExecStart line not found in the unit" >&2; exit 2; }
# verify exits 0 on unknown keys and other warnings; any output at all counts as a failure.
output=$(systemd-analyze verify "$work/castbot.service" 2>&1) || { echo "$output" >&2; exit 1; }
[[ -z $output ]] || { echo "$output" >&2; exit 1; }
echo "deploy/castbot.service: systemd-analyze verify passed ($(systemd-analyze --version | head -1))"
