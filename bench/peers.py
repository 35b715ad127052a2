#!/usr/bin/env python3
"""Peers on the benchmark corpus, in MB/s of UTF-8 input (CPU time of this
process, best of RUNS runs): CAMeL Tools normalization, PyArabic
normalization and number-phrase extraction, dateparser's `search_dates`
(Arabic). Run by scripts/bench.sh inside bench/out/venv:

  bench/out/venv/bin/python bench/peers.py [RUNS]

Prints one tab-separated line per measurement: name, input file, bytes,
seconds, MB/s. The slow peers read a smaller slice so that the whole suite
stays within minutes; MB/s are comparable across slices.
"""
import os
import sys
import time

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3


def read(name):
    with open(os.path.join(OUT, name), encoding="utf-8") as f:
        return f.read()


def measure(name, file, fn):
    text = read(file)
    size = len(text.encode("utf-8"))
    best = float("inf")
    for _ in range(RUNS):
        t0 = time.process_time()
        fn(text)
        best = min(best, time.process_time() - t0)
    print(f"{name}\t{file}\t{size}\t{best:.4f}\t{size / 1e6 / best:.3f}", flush=True)


def main():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )
    import pyarabic.araby as araby
    import pyarabic.number as pynumber
    from dateparser.search import search_dates

    def camel(t):
        # The same folds as tahlil's search preset, as far as CAMeL Tools has them.
        return normalize_teh_marbuta_ar(
            normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(t))))
        )

    def pyarabic_norm(t):
        return araby.normalize_hamza(
            araby.normalize_ligature(araby.strip_tatweel(araby.strip_tashkeel(t)))
        )

    def pyarabic_numbers(t):
        # Number phrases written in words (`ثلاثة آلاف`), per line.
        return [pynumber.extract_number_phrases(line) for line in t.split("\n") if line]

    def dates(t):
        # Per paragraph, as a caller would; `search_dates` on 1 MB at once is far slower.
        settings = {"RETURN_AS_TIMEZONE_AWARE": False}
        return [search_dates(p, languages=["ar"], settings=settings) for p in t.split("\n") if p.strip()]

    measure("CAMeL Tools normalization (unicode+dediac+alef+maksura+teh)", "corpus.txt", camel)
    measure("PyArabic normalization (tashkeel+tatweel+ligature+hamza)", "corpus.txt", pyarabic_norm)
    measure("PyArabic number phrases (extract_number_phrases)", "corpus-1m.txt", pyarabic_numbers)
    measure("dateparser search_dates (ar)", "corpus-100k.txt", dates)


if __name__ == "__main__":
    main()
