#!/usr/bin/env python3
"""Throughput of `tahlil analyze --format jsonl` on 10 MB of real news.

Builds /tmp/tahlil-corpus-10mb.txt from ../shared/data/saudinewsnet-sample
(one article per line, repeated up to 10,000,000 bytes; nothing is written in
the repository), runs the release CLI three times and prints MB/s of CPU
(user) time and of wall time. Usage, from the repository root:

  cargo build --release -p tahlil-cli && python3 scripts/eval/throughput.py [TAHLIL_BINARY]
"""
import glob
import json
import os
import resource
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "data", "saudinewsnet-sample")
CORPUS = "/tmp/tahlil-corpus-10mb.txt"
SIZE = 10_000_000


def build_corpus():
    archive = glob.glob(os.path.join(DATA, "*.zip"))[0]
    lines = []
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            if name.endswith(".json"):
                d = json.loads(zf.read(name))
                for a in d if isinstance(d, list) else [d]:
                    text = " ".join(a.get("content", "").split())
                    if text:
                        lines.append(text)
    out, size = [], 0
    while size < SIZE:
        for line in lines:
            out.append(line)
            size += len(line.encode()) + 1
            if size >= SIZE:
                break
    with open(CORPUS, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    if not os.path.isdir(DATA):
        print(f"skipped: {DATA} is absent")
        return 0
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "tahlil")
    if not os.path.exists(CORPUS):
        build_corpus()
    mb = os.path.getsize(CORPUS) / 1e6
    for run in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        start = time.perf_counter()
        subprocess.run([binary, "analyze", CORPUS, "--format", "jsonl"], stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        user = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
        print(f"run {run + 1}: {mb:.1f} MB, user {user:.2f} s = {mb / user:.1f} MB/s CPU, wall {wall:.2f} s = {mb / wall:.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
