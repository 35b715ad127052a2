#!/usr/bin/env python3
"""Prints the number, date and time entities of N random articles of bench/out/corpus.txt
(articles are separated by blank lines; duplicates dropped; random.seed(SEED)), each with its
value and context, for reading by hand.

Usage (from the repo root): python3 scripts/eval/review_sample.py target/release/tahlil SEED N
"""
import json, random, subprocess, sys
binary = sys.argv[1]; seed = int(sys.argv[2]); n = int(sys.argv[3])
arts = [a.strip() for a in open('bench/out/corpus.txt', encoding='utf-8').read().split('\n\n') if a.strip()]
arts = sorted(set(arts))
random.seed(seed)
pick = random.sample(arts, n)
KINDS = {"number","ordinal","percent","money","date","period","duration","time","ratio","reference","range"}
for k, a in enumerate(pick):
    text = a.replace('\n', ' ')
    out = json.loads(subprocess.run([binary, 'analyze', '-', '--format', 'json'], input=text, capture_output=True, text=True).stdout)
    print(f"######## article {k} ({len(text)} chars)")
    for e in out['entities']:
        if e['kind'] not in KINDS: continue
        s, t = e['char_start'], e['char_end']
        print(f"[{k}:{s}] {e['kind']:8} «{e['text']}» = {json.dumps(e['value'], ensure_ascii=False)}   ...{text[max(0,s-35):s]}⟦{text[s:t]}⟧{text[t:t+35]}...")
