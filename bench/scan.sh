#!/usr/bin/env bash
# Scan benchmark: generates a mixed holding (txt, eml, docx, pdf; seed 7) of N documents with
# `cargo xtask gen`, scans it into a fresh home with the release binary under `/usr/bin/time -v`,
# and prints one Markdown table row per N: documents/s, MB/s, peak RSS, CPU use. See bench/scan.md.
#
#   bench/scan.sh                 N = 2000 and 20000
#   bench/scan.sh 500 5000        other sizes
#
# Environment: BENCH_DIR (default /tmp/grondslag-scan-bench; holdings are generated once and
# reused), FORMATS (default txt,eml,docx,pdf), SCAN_ARGS (extra arguments for `grondslag scan`),
# CARGO_TARGET_DIR (where the release binary is built), GRONDSLAG_BIN (scan with this binary
# instead of building one).
#
# The homes are deleted when the script ends, never right before a measured scan: on ext4 without a journal, creating a file right after tens of thousands were
# deleted is slow (the inode allocator skips recently deleted inodes one by one), which would
# bill the previous run's `rm -rf` to the next scan.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dir="${BENCH_DIR:-/tmp/grondslag-scan-bench}"
formats="${FORMATS:-txt,eml,docx,pdf}"
sizes=("$@")
if [[ ${#sizes[@]} -eq 0 ]]; then sizes=(2000 20000); fi
mkdir -p "$dir"

if [[ ! -x /usr/bin/time ]]; then
  echo "scan.sh: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi
if [[ -n "${GRONDSLAG_BIN:-}" ]]; then
  bin="$GRONDSLAG_BIN" # another build, e.g. the one before a change
else
  cargo build --release --quiet -p grondslag
  bin="${CARGO_TARGET_DIR:-$root/target}/release/grondslag"
fi

echo "| N | scan args | load before | files | input MB | documents | unreadable | findings | wall s | documents/s | MB/s | user s | sys s | CPU % | documents per CPU-s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  # g2: generated PDFs without blank pages. Bump it when `xtask gen`'s output changes, so a
  # holding of an older generator is not reused.
  holding="$dir/holding-$n-${formats//,/-}-g2"
  home="$dir/home-$n-${formats//,/-}-$$"
  # The marker sits next to the holding, not in it (it would be scanned as a document).
  if [[ ! -f "$holding.complete" ]]; then
    rm -rf "$holding"
    cargo xtask gen --out "$holding" --docs "$n" --seed 7 --formats "$formats" >&2
    touch "$holding.complete"
  fi
  files=$(find "$holding" -type f | wc -l)
  bytes=$(find "$holding" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  # The machine is shared: the load before the run says how much of the 2 cores was ours.
  load=$(cut -d' ' -f1 /proc/loadavg)
  # Drop nothing from the page cache: the holding was just written or read, as in a re-run.
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$dir/time-$n.txt" "$bin" scan --home "$home" ${SCAN_ARGS:-} "$holding" \
    2> "$dir/scan-$n.stderr"
  summary=$("$bin" summary --home "$home" --json)
  docs=$(jq -r .documents <<<"$summary")
  unreadable=$(jq -r .unreadable <<<"$summary")
  findings=$(jq -r .findings <<<"$summary")
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:12.34"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$dir/time-$n.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$dir/time-$n.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$dir/time-$n.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time-$n.txt")
  awk -v n="$n" -v args="${SCAN_ARGS:-}" -v load="$load" -v files="$files" -v bytes="$bytes" -v docs="$docs" -v unr="$unreadable" \
      -v fnd="$findings" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss" 'BEGIN {
    printf "| %d | %s | %s | %d | %.1f | %d | %d | %d | %.2f | %.0f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f |\n",
      n, args, load, files, bytes/1e6, docs, unr, fnd, wall, docs/wall, bytes/1e6/wall, user, sys,
      100*(user+sys)/wall, docs/(user+sys), rss/1024
  }'
done
# KEEP_HOMES=1 keeps them (for several invocations in a row; delete them afterwards).
if [[ -z "${KEEP_HOMES:-}" ]]; then rm -rf "$dir"/home-*; fi
