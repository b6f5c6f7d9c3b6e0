#!/usr/bin/env bash
# Crash safety of `castbot import`: imports two different exports of a real guild in turn,
# SIGKILLs the import at random moments, and after every kill checks that playerData.json is
# valid (`castbot verify`) and byte-equal to either the content before that import or the
# content the import was writing. Nothing else is acceptable: no torn file, no third version.
#
# Usage: scripts/crash-safety.sh [KILLS]            (default 1000 kills)
# Environment:
#   CASTBOT_SHARED_DIR   folder holding fixtures/castbot (default: ../shared beside the repo)
#   CASTBOT_BIN          castbot binary to test (default: build release and use it)
#   CASTBOT_SCRATCH_PATH SwiftPM scratch path for the release build (default: .build)
#   CRASH_WORK_DIR       where to run (default: a new temporary folder, kept for inspection)
#   CRASH_SEED           seed for the kill timing (default: this process's id)
set -euo pipefail

kills_wanted=${1:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${CASTBOT_SHARED_DIR:-$root/../shared}
fixtures=$shared/fixtures/castbot
guild=974318870057848842
base_file=$fixtures/playerData-2026-03-14T17-16-30.json
export_a=$fixtures/playerdata-export-$guild-2026-04-05T17-59-09-745Z.json

die() { echo "crash-safety: $*" >&2; exit 2; }
[[ $kills_wanted =~ ^[1-9][0-9]*$ ]] || die "KILLS must be a positive whole number, got '$kills_wanted'"
[[ -f $base_file && -f $export_a ]] || die "fixtures not found under $fixtures (set CASTBOT_SHARED_DIR)"

if [[ -z ${CASTBOT_BIN:-} ]]; then
    scratch=${CASTBOT_SCRATCH_PATH:-$root/.build}
    echo "building castbot (release, scratch path $scratch)…"
    (cd "$root" && swift build -c release --scratch-path "$scratch" --product castbot >&2)
    CASTBOT_BIN=$(cd "$root" && swift build -c release --scratch-path "$scratch" --show-bin-path)/castbot
fi
castbot=$CASTBOT_BIN
[[ -x $castbot ]] || die "no castbot binary at $castbot"

work=${CRASH_WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/castbot-crash-XXXXXX")}
mkdir -p "$work/data" "$work/reference"
data_dir=$work/data
data=$data_dir/playerData.json
RANDOM=${CRASH_SEED:-$$}

sha() { sha256sum "$1" | cut -d' ' -f1; }

# The two exports: CastBot's real export of the guild (A), and this tool's export of the same
# guild from an older data file (B). Their content differs, so every import changes the file.
cp "$base_file" "$data"
cp "$export_a" "$work/export-A.json"
"$castbot" export --data "$base_file" --guild "$guild" --out "$work/export-B.json" 2>/dev/null
cmp -s "$work/export-A.json" "$work/export-B.json" && die "the two exports are identical"

# The data file each export yields, found by clean (unkilled) imports, so every later state can
# be named exactly. Importing the same export twice over must reproduce the same bytes.
reference=$work/reference/playerData.json
cp "$base_file" "$reference"
sha_base=$(sha "$reference")
"$castbot" import --data "$reference" --file "$work/export-A.json" --yes >/dev/null
sha_a=$(sha "$reference")
"$castbot" import --data "$reference" --file "$work/export-B.json" --yes >/dev/null
sha_b=$(sha "$reference")
"$castbot" import --data "$reference" --file "$work/export-A.json" --yes >/dev/null
[[ $(sha "$reference") == "$sha_a" ]] || die "importing export A is not deterministic"
[[ $sha_a != "$sha_b" ]] || die "both exports yield the same data file"

label() {
    case $1 in
        "$sha_a") echo A ;; "$sha_b") echo B ;; "$sha_base") echo base ;; *) echo "unknown($1)" ;;
    esac
}

# Kill moments are spread uniformly over 1.3 × an unkilled import's median run time, so they
# fall on every phase (start-up, planning, backup, temp write, fsync, rename) and some after exit.
timings=()
for _ in 1 2 3 4 5 6 7; do
    start=$(date +%s%N)
    "$castbot" import --data "$reference" --file "$work/export-B.json" --yes >/dev/null
    "$castbot" import --data "$reference" --file "$work/export-A.json" --yes >/dev/null
    timings+=($((($(date +%s%N) - start) / 2000)))
done
median_us=$(printf '%s\n' "${timings[@]}" | sort -n | sed -n 4p)
window_us=$((median_us * 13 / 10))
echo "unkilled import median ${median_us} µs; kill moments uniform over 0-${window_us} µs"

killed=0 completed=0 failed=0 iterations=0
ended_old=0 ended_new=0 corrupt=0 invalid=0 lost=0 bad_backup=0 temp_files=0
temp_data=0 temp_backup=0 temp_backups_dir=0
temp_names=()
declare -A seen_temp=()
temp_most=0
current=$(sha "$data")
[[ $current == "$sha_base" ]] || die "setup: data file is not the base fixture"

while ((killed < kills_wanted)); do
    iterations=$((iterations + 1))
    if [[ $current == "$sha_a" ]]; then source=B expected=$sha_b; else source=A expected=$sha_a; fi
    delay_us=$(((RANDOM * 32768 + RANDOM) % (window_us + 1)))

    "$castbot" import --data "$data" --file "$work/export-$source.json" --yes >/dev/null 2>"$work/last-import.err" &
    pid=$!
    sleep "$(printf '%d.%06d' $((delay_us / 1000000)) $((delay_us % 1000000)))"
    kill -KILL "$pid" 2>/dev/null || true
    status=0
    # (braces so the shell's own "Killed" job notice goes to /dev/null too)
    { wait "$pid"; } 2>/dev/null || status=$?

    after=$(sha "$data")
    if ! "$castbot" verify "$data" >/dev/null 2>&1; then
        invalid=$((invalid + 1))
        echo "iteration $iterations: playerData.json fails verify" >&2
    fi
    if [[ $after == "$current" ]]; then
        outcome=old
    elif [[ $after == "$expected" ]]; then
        outcome=new
    else
        outcome=corrupt
        corrupt=$((corrupt + 1))
        cp "$data" "$work/corrupt-$iterations.json"
        echo "iteration $iterations: playerData.json is neither the previous nor the new content ($(label "$after"))" >&2
    fi

    case $status in
        137) # killed by SIGKILL while running
            killed=$((killed + 1))
            [[ $outcome == old ]] && ended_old=$((ended_old + 1))
            [[ $outcome == new ]] && ended_new=$((ended_new + 1))
            ;;
        0) # finished before the kill: the import must have been applied
            completed=$((completed + 1))
            if [[ $outcome != new ]]; then
                lost=$((lost + 1))
                echo "iteration $iterations: import reported success but the file is $outcome" >&2
            fi
            ;;
        *)
            failed=$((failed + 1))
            echo "iteration $iterations: import exited $status: $(head -c 300 "$work/last-import.err")" >&2
            ;;
    esac

    # The rolling backup must always be a whole earlier version too.
    if [[ -f $data.backup ]]; then
        case $(label "$(sha "$data.backup")") in A | B | base) ;; *)
            bad_backup=$((bad_backup + 1))
            echo "iteration $iterations: playerData.json.backup is not a known version" >&2
            ;;
        esac
    fi

    # Temp files orphaned by a kill between creating and renaming them. Each is counted once;
    # they are left in place, because the next import must clear those of dead writers itself.
    present=0
    while IFS= read -r -d '' leftover; do
        present=$((present + 1))
        [[ -n ${seen_temp[$leftover]:-} ]] && continue
        seen_temp[$leftover]=1
        temp_files=$((temp_files + 1))
        case $leftover in
            "$data_dir"/backups/*) temp_backups_dir=$((temp_backups_dir + 1)) ;;
            "$data_dir"/.playerData.json.backup.tmp-*) temp_backup=$((temp_backup + 1)) ;;
            *) temp_data=$((temp_data + 1)) ;;
        esac
        ((${#temp_names[@]} < 5)) && temp_names+=("${leftover#"$work/"}")
    done < <(find "$data_dir" -name '.*.tmp-*' -print0)
    ((present > temp_most)) && temp_most=$present

    current=$after
    if ((iterations % 100 == 0)); then
        echo "… $iterations imports: $killed killed ($ended_old old, $ended_new new), $completed completed, $corrupt corrupt"
    fi
done

# Every backup an import wrote before saving must itself be a valid, importable file.
backups_total=0 backups_invalid=0
for backup in "$data_dir"/backups/*.json; do
    [[ -e $backup ]] || continue
    backups_total=$((backups_total + 1))
    "$castbot" verify "$backup" >/dev/null 2>&1 || {
        backups_invalid=$((backups_invalid + 1))
        echo "invalid backup: $backup" >&2
    }
done

cat <<EOF

crash safety of castbot import ($castbot)
  imports started         $iterations
  killed mid-run          $killed  (ended with the previous content: $ended_old, with the new content: $ended_new)
  finished before kill    $completed  (of which not applied: $lost)
  exited with an error    $failed
  corrupt / unknown file  $corrupt
  failed castbot verify   $invalid
  bad .backup             $bad_backup
  backups/ files          $backups_total  (invalid: $backups_invalid)
  orphaned temp files     $temp_files  (playerData.json: $temp_data, .backup: $temp_backup, backups/: $temp_backups_dir)
                          ${temp_names[*]:+e.g. ${temp_names[*]}}
  temp files at once      at most $temp_most; $(find "$data_dir" -name '.*.tmp-*' | wc -l) left at the end (the next import clears those of dead writers)
  versions                base $sha_base
                          A    $sha_a
                          B    $sha_b
  work folder             $work
EOF

((corrupt == 0 && invalid == 0 && lost == 0 && failed == 0 && bad_backup == 0 && backups_invalid == 0))
