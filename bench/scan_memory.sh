#!/usr/bin/env bash
# Scan memory benchmark: peak RSS of `grondslag scan` on large one-line text files, which must
# stay flat in the input's size (the scan streams plain-text files above 64 MiB). Prints one
# Markdown table row per case. See bench/scan.md ("Memory on large texts").
#
#   bench/scan_memory.sh                  sizes 100 and 500 (MB), both contents, one and two files
#   bench/scan_memory.sh 100              other sizes
#
# Contents (each file is one line, no line breaks at all):
#   plain  — one Dutch sentence about a council budget, repeated: no personal data, so the
#            figure is the pipeline's own memory (read, seal, detect, store).
#   names  — `cargo xtask gen --mb` text (seed 1) with its line breaks turned into spaces:
#            ~17 000 findings per MB, so the stored findings and the subjects resolution show.
# Case "2x": two different files of that size in one scan (two workers at once).
#
# Environment: BENCH_DIR (default /tmp/grondslag-mem-bench; inputs are made once and reused),
# CONTENTS (default "plain names"), CASES (default "1x 2x"), GRONDSLAG_BIN (measure this binary,
# e.g. a build from before a change, instead of building one), CARGO_TARGET_DIR.
#
# Needs /usr/bin/time (apt-get install time), jq, python3. No timings are asserted anywhere:
# this only prints figures to compare across commits.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dir="${BENCH_DIR:-/tmp/grondslag-mem-bench}"
contents=(${CONTENTS:-plain names})
cases=(${CASES:-1x 2x})
sizes=("$@")
if [[ ${#sizes[@]} -eq 0 ]]; then sizes=(100 500); fi
mkdir -p "$dir"

if [[ ! -x /usr/bin/time ]]; then
  echo "scan_memory.sh: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi
if [[ -n "${GRONDSLAG_BIN:-}" ]]; then
  bin="$GRONDSLAG_BIN"
else
  cargo build --release --quiet -p grondslag
  bin="${CARGO_TARGET_DIR:-$root/target}/release/grondslag"
fi

# make_input CONTENT MB VARIANT → path of a one-line file of MB megabytes (made once).
make_input() {
  local content=$1 mb=$2 variant=$3
  local out="$dir/input/$content-$mb-$variant.txt"
  if [[ -f "$out" ]]; then echo "$out"; return; fi
  mkdir -p "$dir/input"
  if [[ $content == names ]]; then
    # One generated text large enough for every size asked for, made once per variant (seed).
    local gen="$dir/gen-$variant"
    if [[ ! -f "$gen/done-$mb" ]]; then
      rm -rf "$gen"
      cargo xtask gen --out "$gen" --mb "$mb" --seed "$variant" >&2
      touch "$gen/done-$mb"
    fi
    python3 - "$gen/text-$mb.txt" "$out" "$mb" <<'EOF'
import sys
src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read().replace(b'\n', b' ')[: mb * 1_000_000]
# Cut at a space: the file stays valid UTF-8.
open(out, 'wb').write(data[: data.rfind(b' ') + 1])
EOF
  else
    python3 - "$out" "$mb" "$variant" <<'EOF'
import sys
out, mb, variant = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = ("De gemeente heeft het beleid voor de komende jaren vastgesteld en de raad stemt in met "
     "het voorstel over de begroting %s. " % variant).encode()
n = mb * 1_000_000
data = (s * (n // len(s) + 1))[:n]
open(out, 'wb').write(data[: data.rfind(b' ') + 1])
EOF
  fi
  echo "$out"
}

echo "| content | case | input MB | documents | findings | wall s | user s | peak RSS MB, read+extract+detect+store | peak RSS MB, whole scan (with subjects) | whole / input |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for mb in "${sizes[@]}"; do
  for content in "${contents[@]}"; do
    for case in "${cases[@]}"; do
      holding="$dir/holding-$content-$mb-$case"
      if [[ ! -d "$holding" ]]; then
        mkdir -p "$holding"
        n=1; [[ $case == 2x ]] && n=2
        for v in $(seq 1 "$n"); do ln "$(make_input "$content" "$mb" "$v")" "$holding/$v.txt"; done
      fi
      home="$dir/home-$content-$mb-$case-$$"
      /usr/bin/time -v -o "$dir/time.txt" "$bin" scan --home "$home" "$holding" 2> "$dir/scan.stderr" &
      tpid=$!
      # The pipeline's peak (read, extract, detect, seal, store): the high-water mark when the
      # scan says everything is stored ("scan-stored"). After it comes the subjects
      # resolution, whose memory grows with the number of person findings, not with the file.
      pipeline=0
      stored=""
      started=$SECONDS
      killed=""
      while kill -0 "$tpid" 2>/dev/null; do
        gpid=$(pgrep -P "$tpid" | head -1 || true)
        if [[ -n "$gpid" ]]; then
          hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$gpid/status" 2>/dev/null || true)
          hwm=${hwm:-0}
          if [[ -z "$stored" ]]; then
            if (( hwm > pipeline )); then pipeline=$hwm; fi
            if grep -qE "documenten opgeslagen|documents stored" "$dir/scan.stderr" 2>/dev/null; then
              stored=yes
            fi
          fi
          # MAX_SECONDS bounds a run (the subjects resolution can take long on millions of
          # person findings); such a row says "killed".
          if (( SECONDS - started > ${MAX_SECONDS:-3600} )) && [[ -z "$killed" ]]; then
            kill "$gpid" 2>/dev/null || true
            killed=" (killed after ${MAX_SECONDS:-3600} s)"
          fi
        fi
        sleep 0.1
      done
      wait "$tpid" || true
      summary=$("$bin" summary --home "$home" --json || echo '{"documents":0,"findings":0}')
      rm -rf "$home"
      input=$(du -bc "$holding"/*.txt | tail -1 | cut -f1)
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$dir/time.txt")
      user=$(awk -F': ' '/User time/ {print $2}' "$dir/time.txt")
      rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
      awk -v c="$content" -v k="$case" -v inb="$input" -v d="$(jq -r .documents <<<"$summary")" \
          -v f="$(jq -r .findings <<<"$summary")" -v w="$wall" -v u="$user" -v r="$rss" -v p="$pipeline" -v x="$killed" 'BEGIN {
        printf "| %s | %s | %.0f | %d | %d | %.1f%s | %.1f | %.0f | %.0f | %.2f |\n", c, k, inb/1e6, d, f, w, x, u, p/1024, r/1024, r*1024/inb
      }'
    done
  done
done
