#!/usr/bin/env python3
"""deduce on real text, for the rows of bench/README.md "Real text": the CoNLL-2002 articles
that `cargo xtask eval --conll FILE --dump DIR` wrote, or the plain texts of an annotated corpus
(`corpus/tools/check_corpus.py --emit DIR`). Writes deduce's findings as contract JSON lines
(`file` = the text's file name), to be scored by the project's scorer:

    cargo xtask eval --conll ../shared/data/conll2002-nl/ned.testa --dump bench/out/testa
    bench/.venv/bin/python bench/real_text.py bench/out/testa > bench/out/deduce-testa.jsonl
    cargo xtask eval --conll ../shared/data/conll2002-nl/ned.testa --predictions bench/out/deduce-testa.jsonl

    python3 corpus/tools/check_corpus.py corpus/gov/heldout --emit bench/out/gov-heldout
    bench/.venv/bin/python bench/real_text.py bench/out/gov-heldout > bench/out/deduce-gov.jsonl
    cargo xtask eval --corpus corpus/gov/heldout --predictions bench/out/deduce-gov.jsonl

The dumped CoNLL texts stay in bench/out/ (git-ignored): the data's licence is for research.
"""
import contextlib
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from peers import deduce_findings, load_deduce  # noqa: E402


def main() -> None:
    folder = pathlib.Path(sys.argv[1])
    # deduce logs its first-run lookup build to stdout; keep stdout for the JSON lines.
    with contextlib.redirect_stdout(sys.stderr):
        engine = load_deduce()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for f in deduce_findings(engine, path.name, text):
            print(json.dumps(f, ensure_ascii=False))


if __name__ == "__main__":
    main()
