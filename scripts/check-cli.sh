#!/usr/bin/env bash
# Runs the built castbot binary's export, import and verify commands against the real CastBot
# fixtures and checks exit codes, messages and file contents.
#
#   scripts/check-cli.sh [path/to/castbot]
#
# Default binary: .build/debug/castbot (run `swift build` first). Fixtures come from
# $CASTBOT_SHARED_DIR/fixtures/castbot or ../shared/fixtures/castbot.
set -u
cd "$(dirname "$0")/.."
CASTBOT=$(realpath "${1:-.build/debug/castbot}")
FIXTURES=$(realpath "${CASTBOT_SHARED_DIR:-../shared}/fixtures/castbot")
WHOLE="$FIXTURES/playerData-2026-03-14T17-16-30.json"
EXPORT="$FIXTURES/playerdata-export-974318870057848842-2026-04-05T17-59-09-745Z.json"
WIPED="$FIXTURES/playerData.json.WIPED-2025-09-30"
GUILD=974318870057848842
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
# expect_exit CODE NAME -- command...   (stdout -> $WORK/out, stderr -> $WORK/err)
expect_exit() {
  local code=$1 name=$2; shift 3
  "$@" >"$WORK/out" 2>"$WORK/err"
  local actual=$?
  if [ "$actual" -eq "$code" ]; then pass "$name (exit $actual)"; else fail "$name: exit $actual, expected $code; stderr: $(head -c 300 "$WORK/err")"; fi
}
expect_file_equal() { if cmp -s "$1" "$2"; then pass "$3"; else fail "$3"; fi; }
expect_grep() { if grep -q -- "$1" "$2"; then pass "$3"; else fail "$3: '$1' not in $(head -c 300 "$2")"; fi; }
expect_one_error_line() {
  if [ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q '^castbot: error: ' "$WORK/err"; then pass "$1: one 'castbot: error:' line"; else fail "$1: stderr was: $(cat "$WORK/err")"; fi
}

mkdir -p "$WORK/data" "$WORK/out-dir"
cp "$WHOLE" "$WORK/data/playerData.json"
printf '{\n  "a": NaN\n}' >"$WORK/bad.json"

expect_exit 0 "verify data file" -- "$CASTBOT" verify "$WORK/data/playerData.json"
expect_grep "guilds: 31" "$WORK/out" "verify counts guilds"
expect_grep "players: 233" "$WORK/out" "verify counts players"
expect_exit 0 "verify server export" -- "$CASTBOT" verify "$EXPORT"
expect_grep "valid v1.0 server export" "$WORK/out" "verify recognises an export"
expect_exit 1 "verify invalid JSON" -- "$CASTBOT" verify "$WORK/bad.json"
expect_one_error_line "verify invalid JSON"
expect_grep "line 2, column 8" "$WORK/err" "verify names line and column"
expect_exit 1 "verify missing file" -- "$CASTBOT" verify "$WORK/nope.json"
expect_one_error_line "verify missing file"

expect_exit 0 "export --all" -- "$CASTBOT" export --data "$WORK/data" --all --out "$WORK/all.json"
expect_file_equal "$WORK/all.json" "$WHOLE" "all export equals the data file"
expect_exit 0 "export --guild" -- "$CASTBOT" export --data "$WORK/data/playerData.json" --guild $GUILD --out "$WORK/guild.json" --sha256
expect_grep "sha256 $(sha256sum "$WORK/guild.json" | cut -d' ' -f1)" "$WORK/err" "export prints the SHA-256 of what it wrote"
expect_exit 0 "verify the server export" -- "$CASTBOT" verify "$WORK/guild.json"
expect_exit 0 "export --out -" -- "$CASTBOT" export --data "$WORK/data" --guild $GUILD --out -
expect_grep '"guildId": "974318870057848842"' "$WORK/out" "export to standard output"
(cd "$WORK/out-dir" && "$CASTBOT" export --data ../data --all >/dev/null 2>&1)
if ls "$WORK/out-dir"/playerdata-FULL-export-*Z.json >/dev/null 2>&1; then pass "default output name"; else fail "default output name: $(ls "$WORK/out-dir")"; fi
expect_exit 1 "export unknown guild" -- "$CASTBOT" export --data "$WORK/data" --guild 123456789012345678 --out "$WORK/x.json"
expect_one_error_line "export unknown guild"
expect_exit 64 "export without --guild or --all" -- "$CASTBOT" export --data "$WORK/data"

cp "$WORK/data/playerData.json" "$WORK/original.json"
expect_exit 0 "import dry run" -- "$CASTBOT" import --data "$WORK/data" --file "$EXPORT"
expect_grep "replace guild $GUILD" "$WORK/out" "import prints the plan"
expect_file_equal "$WORK/data/playerData.json" "$WORK/original.json" "a dry run changes nothing"
expect_exit 1 "import invalid file" -- "$CASTBOT" import --data "$WORK/data" --file "$WORK/bad.json" --yes
expect_one_error_line "import invalid file"
expect_exit 1 "import of the wiped file is refused" -- "$CASTBOT" import --data "$WORK/data" --file "$WIPED" --yes
expect_grep "REJECTED" "$WORK/err" "the refusal names the REJECTED file"
expect_file_equal "$WORK/data/playerData.json" "$WORK/original.json" "failed imports change nothing"
expect_exit 0 "import --yes" -- "$CASTBOT" import --data "$WORK/data" --file "$EXPORT" --yes
expect_file_equal "$WORK/data/playerData.json.backup" "$WORK/original.json" "the previous file is kept as .backup"
if [ "$(ls "$WORK/data/backups" | wc -l)" -eq 1 ]; then pass "the replaced guild is backed up"; else fail "backups: $(ls "$WORK/data/backups")"; fi
expect_exit 0 "the backup is an importable export" -- "$CASTBOT" verify "$WORK/data/backups/"*.json
expect_exit 0 "re-export after import" -- "$CASTBOT" export --data "$WORK/data" --guild $GUILD --out "$WORK/after.json"
# The data value must be the fixture's, byte for byte (everything from "data" on).
if cmp -s <(sed -n '/^  "data": /,$p' "$EXPORT") <(sed -n '/^  "data": /,$p' "$WORK/after.json"); then pass "imported data exports back unchanged"; else fail "imported data exports back unchanged"; fi

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
