#!/usr/bin/env python3
"""Precision/recall of the number-like recognizers on third-party data.

  1. Wojood public sample (../shared/data/wojood-sample): CARDINAL, ORDINAL,
     MONEY, PERCENT spans (nested CoNLL), exact-span and overlap matching,
     against `number`, `ordinal`, `money`, `percent`.
  2. num2words Arabic cases (../shared/data/num2words-arabic-cases), read in
     reverse: words -> value (cardinal, ordinal, currency).

Runs `target/release/tahlil analyze - --format jsonl` (build it first:
`cargo build --release -p tahlil-cli`). Usage, from the repository root:

  python3 scripts/eval/numbers.py [--split test|all] [--errors N]

Skips with a message (exit 0) when ../shared/data is absent.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "data")
TAHLIL = os.path.join(ROOT, "target", "release", "tahlil")
KINDS = {"CARDINAL": "number", "ORDINAL": "ordinal", "MONEY": "money", "PERCENT": "percent"}


def analyze(lines):
    """Analyzes each line (no newlines inside) and returns the entity lists."""
    out = subprocess.run([TAHLIL, "analyze", "-", "--format", "jsonl"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout
    docs = [json.loads(l) for l in out.splitlines() if l.strip()]
    assert len(docs) == len(lines), (len(docs), len(lines))
    return [d["entities"] for d in docs]


def read_wojood(path):
    """Sentences as (text, spans): spans are (start, end, TYPE) in code points, all nesting levels."""
    sents, tokens = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if tokens:
                sents.append(tokens)
            tokens = []
            continue
        parts = line.split()
        tokens.append((parts[0], parts[1:]))
    if tokens:
        sents.append(tokens)
    result = []
    for toks in sents:
        text, offs, pos = [], [], 0
        toks = [t for t in toks if t[0] != "$#$"]  # the corpus's end-of-sentence marker
        for tok, _ in toks:
            offs.append((pos, pos + len(tok)))
            text.append(tok)
            pos += len(tok) + 1
        spans, open_ = [], {}
        for k, (_, tags) in enumerate(toks):
            seen = set()
            for tag in tags:
                if tag == "O" or "-" not in tag:
                    continue
                bio, typ = tag.split("-", 1)
                seen.add(typ)
                if bio == "B" or typ not in open_:
                    if typ in open_:
                        spans.append(open_.pop(typ))
                    open_[typ] = [offs[k][0], offs[k][1], typ]
                else:
                    open_[typ][1] = offs[k][1]
            for typ in list(open_):
                if typ not in seen:
                    spans.append(open_.pop(typ))
        spans.extend(open_.values())
        result.append((" ".join(text), [tuple(s) for s in spans]))
    return result


def wojood(split, show_errors):
    folder = os.path.join(DATA, "wojood-sample")
    files = ["test.txt"] if split == "test" else ["train.txt", "val.txt", "test.txt"]
    sents = []
    for f in files:
        sents.extend(read_wojood(os.path.join(folder, f)))
    preds = analyze([s for s, _ in sents])
    rows = []
    errors = defaultdict(list)
    for typ, kind in KINDS.items():
        n_gold = n_pred = exact_tp_p = exact_tp_g = over_tp_p = over_tp_g = 0
        n_pred_free = over_tp_p_free = 0
        for (text, spans), ents in zip(sents, preds):
            gold = [(s, e) for s, e, t in spans if t == typ]
            other = [(s, e) for s, e, t in spans if t != typ]
            pred = [(x["char_start"], x["char_end"]) for x in ents if x["kind"] == kind]
            n_gold += len(gold)
            n_pred += len(pred)
            exact_tp_p += sum(p in gold for p in pred)
            exact_tp_g += sum(g in pred for g in gold)
            ov = lambda a, b: a[0] < b[1] and b[0] < a[1]
            over_tp_p += sum(any(ov(p, g) for g in gold) for p in pred)
            over_tp_g += sum(any(ov(g, p) for p in pred) for g in gold)
            # Predictions inside another annotated entity (DATE, QUANTITY, LAW...)
            # that is not of this type: the corpus labels them as part of that entity.
            free = [p for p in pred if any(ov(p, g) for g in gold)
                    or not any(o[0] <= p[0] and p[1] <= o[1] for o in other)]
            n_pred_free += len(free)
            over_tp_p_free += sum(any(ov(p, g) for g in gold) for p in free)
            for p in pred:
                if p not in gold and p in free:
                    errors[(kind, "FP outside other entities")].append(f"{text[p[0]:p[1]]!r} in …{text[max(0, p[0]-30):p[1]+30]}…")
            for g in gold:
                if g not in pred:
                    errors[(kind, "FN")].append(f"{text[g[0]:g[1]]!r} in …{text[max(0, g[0]-30):g[1]+30]}…")
        pr = lambda a, b: f"{100 * a / b:.1f}" if b else "–"
        rows.append((typ, kind, n_gold, n_pred, pr(exact_tp_p, n_pred), pr(exact_tp_g, n_gold),
                     pr(over_tp_p, n_pred), pr(over_tp_g, n_gold), n_pred_free, pr(over_tp_p_free, n_pred_free)))
    print(f"## Wojood sample ({'+'.join(files)}, {len(sents)} sentences)\n")
    print("| gold type | kind | gold | predicted | exact P | exact R | overlap P | overlap R | predicted outside other entities | overlap P there |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    if show_errors:
        for key, errs in sorted(errors.items()):
            print(f"\n### {key[0]} {key[1]} ({len(errs)})")
            for e in errs[:show_errors]:
                print("  -", e)


def num2words(show_errors):
    cases = json.load(open(os.path.join(DATA, "num2words-arabic-cases", "num2words_ar_cases.json"), encoding="utf-8"))
    texts = [c["text"].strip() for c in cases]
    preds = analyze(texts)
    by_test = defaultdict(Counter)
    failures = []
    for c, text, ents in zip(cases, texts, preds):
        to = c["kwargs"].get("to", "cardinal")
        value = c["value"]
        if to == "currency":
            code = {"SR": "SAR"}.get(c["kwargs"].get("currency", "SAR"), c["kwargs"].get("currency", "SAR"))
            ok = any(e["kind"] == "money" and abs(e["value"]["amount"] - value) < 1e-6
                     and e["value"]["currency"] == code for e in ents)
            group = "currency"
        elif to in ("ordinal", "ordinal_num"):
            # num2words spells ordinals without the article and some as cardinals (`عشرون`).
            ok = any(e["kind"] in ("ordinal", "number") and abs(e["value"]["value"] - value) < 1e-6 for e in ents)
            group = "ordinal"
        elif to == "year":
            ok = any(abs(e["value"].get("value", e["value"].get("year", -1)) - value) < 1e-6 for e in ents)
            group = "year"
        else:
            ok = any(e["kind"] == "number" and float(e["value"]["value"]) == float(value) for e in ents)
            group = "cardinal"
        # The whole phrase must be one entity (not a part that happens to match).
        full = any(e["char_start"] == 0 and e["char_end"] == len(text) for e in ents)
        by_test[group]["cases"] += 1
        by_test[group]["correct"] += ok and full
        if not (ok and full):
            got = [(e["kind"], e["text"], e["value"]) for e in ents]
            failures.append(f"{group}: {text!r} -> {value}; got {got}")
    print(f"\n## num2words Arabic cases ({len(cases)}), words -> value, whole phrase one entity\n")
    print("| group | cases | correct | accuracy |")
    print("|---|---|---|---|")
    tot = Counter()
    for g, c in sorted(by_test.items()):
        tot.update(c)
        print(f"| {g} | {c['cases']} | {c['correct']} | {100 * c['correct'] / c['cases']:.1f}% |")
    print(f"| all | {tot['cases']} | {tot['correct']} | {100 * tot['correct'] / tot['cases']:.1f}% |")
    if show_errors:
        print("\n### failures")
        for f in failures[:show_errors]:
            print("  -", f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["test", "all"], default="all")
    ap.add_argument("--errors", type=int, default=0, help="show up to N errors per class")
    args = ap.parse_args()
    if not os.path.isdir(DATA):
        print(f"skipped: {DATA} is absent (third-party data lives outside the repository)")
        return 0
    if not os.path.exists(TAHLIL):
        print("build first: cargo build --release -p tahlil-cli", file=sys.stderr)
        return 2
    wojood(args.split, args.errors)
    num2words(args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
