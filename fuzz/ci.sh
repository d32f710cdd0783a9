#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, for CI (issue 14, item 10).
#
# Stable Rust only: cargo-fuzz (from crates.io) builds libFuzzer targets on stable with
# RUSTC_BOOTSTRAP=1 and `--sanitizer none` (AddressSanitizer needs nightly; Rust code needs it
# least). Debug assertions are on (`-a`), so the detector's slicing checks stop the fuzzer too.
# The dev profile (`--dev`): an instrumented release build of the dependency tree (PDF, ZIP, XML
# readers) takes over ten minutes on two cores, the dev build about three; for a bounded CI run
# the build is the cost, not the executions. FUZZ_PROFILE=release for long runs.
# Each target starts from the regression inputs in fuzz/regressions/TARGET, the annotated corpora
# (corpus/dev, corpus/test: real layouts, cue words, markup) and the dictionary fuzz/grondslag.dict
# generated from the detector's rule words (`cargo xtask fuzz-dict`; a test fails when it is
# stale). The corpus libFuzzer grows is thrown away afterwards.
#
#   fuzz/ci.sh                         every target, FUZZ_SECONDS (default 20) each
#   FUZZ_SECONDS=600 fuzz/ci.sh detect one target, longer
#
# A crash leaves its input in fuzz/artifacts/TARGET/ and the exit status non-zero: fix the
# cause, then copy the input into fuzz/regressions/TARGET/ so every later run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-20}"
if [ $# -gt 0 ]; then targets=("$@"); else targets=(detect redact extract); fi

if ! command -v cargo-fuzz >/dev/null; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked --version 0.13.2
fi
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/fuzz/target}"
if [ "${FUZZ_PROFILE:-dev}" = release ]; then profile=--release; else profile=--dev; fi
flags=(--sanitizer none --debug-assertions "$profile")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  echo "== fuzz $t (${seconds}s)"
  mkdir -p "$work/$t" "fuzz/regressions/$t"
  cargo fuzz build "${flags[@]}" "$t"
  status=0
  cargo fuzz run "${flags[@]}" "$t" "$work/$t" "fuzz/regressions/$t" corpus/dev corpus/test -- \
    -dict=fuzz/grondslag.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 >"$work/$t.log" 2>&1 || status=$?
  # The progress lines are many; the summary and any failure are what CI shows.
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb|INFO: seed corpus)' "$work/$t.log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$work/$t.log" >&2
    echo "fuzz target $t failed (exit $status); its input is in fuzz/artifacts/$t/" >&2
    exit "$status"
  fi
done
echo "fuzz: ${#targets[@]} targets, ${seconds}s each: no crash"
