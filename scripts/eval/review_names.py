#!/usr/bin/env python3
"""Prints names (person, organization, location) drawn at random from SaudiNewsNet's 2015-08-01 sample
(../shared/data/saudinewsnet-sample, 1,285 unannotated news articles), each with its context, for judging by hand
(docs/accuracy-names.md, "Unannotated news, read by hand").

Usage (from the repo root): python3 scripts/eval/review_names.py target/release/tahlil SEED N
Prints the counts per kind, then N of each kind drawn with random.seed(SEED).
"""
import collections
import json
import os
import random
import subprocess
import sys
import zipfile

ZIP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "saudinewsnet-sample", "2015-08-01.zip")
KINDS = ("person", "organization", "location")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    binary, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if not os.path.exists(ZIP):
        print(f"skipped: {os.path.normpath(ZIP)} is absent (the corpora live outside the repository)")
        return 0
    with zipfile.ZipFile(ZIP) as z:
        articles = [a["content"].replace("\n", " ").replace("\u2028", " ") for a in json.loads(z.read(z.namelist()[0]))]
    # One article a line: the CLI's jsonl mode analyzes each line as one document.
    out = subprocess.run([binary, "analyze", "-", "--format", "jsonl"], input="\n".join(articles) + "\n", capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == len(articles), f"{len(out)} analyses for {len(articles)} articles"
    found = collections.defaultdict(list)
    for k, line in enumerate(out):
        for e in json.loads(line)["entities"]:
            if e["kind"] in KINDS:
                found[e["kind"]].append((k, e["char_start"], e["char_end"]))
    print({kind: len(found[kind]) for kind in KINDS})
    for kind in KINDS:
        random.seed(seed)
        for k, s, t in random.sample(found[kind], min(n, len(found[kind]))):
            a = articles[k]
            print(f"{kind[:3]} [{k}:{s}] ...{a[max(0, s - 40):s]}⟦{a[s:t]}⟧{a[t:t + 40]}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
