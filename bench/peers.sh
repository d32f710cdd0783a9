#!/usr/bin/env bash
# Peer comparison: grondslag against deduce and presidio-analyzer on the annotated dev corpus
# (accuracy) and on generated text (throughput). See bench/README.md.
#
#   bench/peers.sh            100 MB for grondslag, a 1 MB slice for the peers
#   bench/peers.sh --quick    1 MB for grondslag, 100 KB for the peers
#
# Other arguments are passed to bench/peers.py (--corpus DIR, --systems a,b,...).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv=bench/.venv
out=bench/out
mkdir -p "$out"

mb=100
for arg in "$@"; do
  if [[ "$arg" == "--quick" ]]; then mb=1; fi
done

# 1. The Python peers, pinned. The venv is made once and reused (it is git-ignored).
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import deduce, presidio_analyzer, spacy' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r bench/requirements.txt
fi
# No spaCy model can be downloaded here: presidio gets a blank Dutch pipeline (tokenizer only).
if [[ ! -d "$venv/nl_blank" ]]; then
  "$venv/bin/python" -c 'import spacy, sys; spacy.blank("nl").to_disk(sys.argv[1])' "$venv/nl_blank"
fi

# 2. grondslag and the generator.
# A failing build (the workspace is shared) leaves the last good binary in place; peers.py
# leaves grondslag's row empty when there is none.
if ! cargo build --release --quiet -p grondslag; then
  echo "peers.sh: building grondslag failed; using the last release binary as it is" >&2
fi
cargo build --release --quiet -p xtask

# 3. Throughput text: deterministic and fast (100 MB in seconds), so always regenerated and
#    never stale after a change to the generator.
cargo xtask gen --out "$out" --mb "$mb" --seed 1

# 4. Run, score, report (the table is also written to bench/out/peers.md).
# The binary cargo just built, wherever CARGO_TARGET_DIR puts it.
bin="${CARGO_TARGET_DIR:-$root/target}/release/grondslag"
"$venv/bin/python" bench/peers.py --grondslag "$bin" --text "$out/text-$mb.txt" "$@"
