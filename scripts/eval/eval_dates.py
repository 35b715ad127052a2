#!/usr/bin/env python3
"""Scores tahlil's date, period, duration and time entities on third-party data.

1. dateparser's Arabic test vectors (../shared/data/dateparser-arabic-cases): for
   each case, does tahlil find the date/time/relative offset the case expects,
   with the same value?
2. The Wojood sample (../shared/data/wojood-sample, train+val+test): DATE and TIME
   spans, exact-span and overlap precision/recall. Sentences are rebuilt by
   joining Wojood's tokens with spaces (so `26/4/1947` reads `26 / 4 / 1947`).
   Mapping: date, period, duration of a day or more -> DATE; time and shorter
   durations -> TIME.

Usage (from the repo root):
    cargo build --release -p tahlil-cli
    python3 scripts/eval/eval_dates.py [--bin target/release/tahlil] [--errors N]

Skips with a message when ../shared is absent.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(ROOT, "..", "shared", "data")
SHORT_UNITS = {"second", "minute", "hour"}


def analyze_lines(binary, lines, reference_date=None):
    """Runs `tahlil analyze - --format jsonl` on the lines; one analysis per line."""
    cmd = [binary, "analyze", "-", "--format", "jsonl"]
    if reference_date:
        cmd += ["--reference-date", reference_date]
    out = subprocess.run(
        cmd, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True
    ).stdout
    result = [json.loads(l) for l in out.splitlines() if l.strip()]
    assert len(result) == len(lines), (len(result), len(lines))
    return result


# ---------------------------------------------------------------- dateparser

def find(entities, kind, pred=lambda e: True):
    return [e for e in entities if e["kind"] == kind and pred(e)]


def check_dateparser_case(case, entities):
    """Returns (passed, what was expected, what tahlil found)."""
    kind, inp, exp = case["kind"], case["input"], case["expected"]
    found = [f'{e["kind"]}:{e["text"]}={json.dumps(e["value"], ensure_ascii=False)}' for e in entities]

    def rel(unit, offset):
        return any(
            e["kind"] == "date" and e["value"].get("relative") == {"unit": unit, "offset": offset}
            for e in entities
        )

    def dur(unit, value):
        return any(e["kind"] == "duration" and e["value"] == {"value": value, "unit": unit} for e in entities)

    def has_time(h, m):
        return any(e["kind"] == "time" and e["value"] == {"hour": h, "minute": m} for e in entities)

    def has_date(iso, field=None):
        y, mo, d = (int(x) for x in iso.split("-"))
        for e in entities:
            v = e["value"]
            if e["kind"] != "date":
                continue
            if field == "gregorian" and v.get("gregorian") == iso:
                return True
            if field is None and (v.get("year"), v.get("month"), v.get("day")) == (y, mo, d):
                return True
        return False

    if kind == "hijri_to_gregorian":
        date, time = exp.split("T")
        ok = has_date(date, "gregorian")
        if "هـ" in inp or "صباح" in inp or "مساء" in inp:
            h, m = (int(x) for x in time.split(":"))
            ok = ok and has_time(h, m)
        return ok, exp, found
    if kind == "relative_ago":
        ago = exp["ago"]
        if len(ago) > 1:
            units = {"years": "year", "months": "month", "weeks": "week", "days": "day", "hours": "hour", "minutes": "minute"}
            ok = all(dur(units[k], v) for k, v in ago.items())
            return ok, ago, found
        (k, v), = ago.items()
        unit = k.rstrip("s")
        return rel(unit, -v) or (v == 0 and rel(unit, 0)), ago, found
    if kind == "translate_to_english":
        words = exp.split()
        if exp.endswith(("am", "pm")):
            months = ["january", "february", "march", "april", "may", "june", "july",
                      "august", "september", "october", "november", "december"]
            d, mon, y, hm, ampm = words
            h, m = (int(x) for x in hm.split(":"))
            h = h % 12 + (12 if ampm == "pm" else 0)
            iso = f"{int(y):04d}-{months.index(mon) + 1:02d}-{int(d):02d}"
            return has_date(iso) and has_time(h, m), exp, found
        if words[-1] == "ago":  # "1 day ago", "0 day ago"
            n, unit = int(words[0]), words[1]
            return rel(unit, -n), exp, found
        if words[0] == "ago":  # "ago 2 hour"
            return rel(words[2], -int(words[1])), exp, found
        n, unit = int(words[0]), words[1]
        return dur(unit, n), exp, found
    if kind == "search_dates":
        ok = all(has_date(iso.split("T")[0]) for _, iso in exp)
        return ok, exp, found
    return None, exp, found


def dateparser_eval(binary, show):
    path = os.path.join(SHARED, "dateparser-arabic-cases", "dateparser_ar_cases.json")
    cases = [c for c in json.load(open(path, encoding="utf-8")) if c["kind"] != "language_detect"]
    per_kind = Counter()
    passed = Counter()
    failures = []
    for case in cases:
        ref = None
        if case["kind"] == "relative_ago":
            ref = case["settings"]["now"][:10]
        analysis = analyze_lines(binary, [case["input"].strip()], ref)[0]
        ok, exp, found = check_dateparser_case(case, analysis["entities"])
        per_kind[case["kind"]] += 1
        passed[case["kind"]] += bool(ok)
        if not ok:
            failures.append((case["kind"], case["input"], exp, found))
    print("## dateparser Arabic cases\n")
    print("| group | cases | passed |")
    print("|---|---|---|")
    for k in per_kind:
        print(f"| {k} | {per_kind[k]} | {passed[k]} |")
    print(f"| **all** | {sum(per_kind.values())} | {sum(passed.values())} |\n")
    for f in failures[:show]:
        print("- FAIL", f[0], repr(f[1]), "expected", f[2], "found", f[3])
    print()


# ---------------------------------------------------------------- Wojood

def read_conll(path):
    """Sentences as (tokens, gold spans {(label, start_tok, end_tok_exclusive)})."""
    sentences = []
    tokens, columns = [], []
    for line in list(open(path, encoding="utf-8")) + [""]:
        parts = line.split()
        if not parts:
            if tokens:
                spans = set()
                width = max(len(c) for c in columns)
                for k in range(width):
                    cur = None
                    for i, tags in enumerate(columns + [[]]):
                        tag = tags[k] if k < len(tags) else "O"
                        if cur and not (tag.startswith("I-") and tag[2:] == cur[0]):
                            spans.add((cur[0], cur[1], i))
                            cur = None
                        if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
                            cur = (tag[2:], i)
                spans = {s for s in spans if s[0] in ("DATE", "TIME")}
                sentences.append((tokens, spans))
            tokens, columns = [], []
            continue
        tokens.append(parts[0])
        columns.append(parts[1:])
    return sentences


def predicted_spans(tokens, entities):
    starts, pos = [], 0
    for t in tokens:
        starts.append(pos)
        pos += len(t) + 1
    spans = set()
    for e in entities:
        kind = e["kind"]
        if kind in ("date", "period"):
            label = "DATE"
        elif kind == "time":
            label = "TIME"
        elif kind == "duration":
            label = "TIME" if e["value"]["unit"] in SHORT_UNITS else "DATE"
        else:
            continue
        cs, ce = e["char_start"], e["char_end"]
        toks = [i for i, s in enumerate(starts) if s < ce and s + len(tokens[i]) > cs]
        if toks:
            spans.add((label, toks[0], toks[-1] + 1))
    return spans


def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def wojood_eval(binary, show):
    sentences = []
    for name in ("train.txt", "val.txt", "test.txt"):
        sentences += read_conll(os.path.join(SHARED, "wojood-sample", name))
    lines = [" ".join(toks) for toks, _ in sentences]
    analyses = analyze_lines(binary, lines)
    rows = []
    errors = {"missed": Counter(), "spurious": Counter(), "boundary": []}
    for label in ("DATE", "TIME", "DATE+TIME"):
        labels = {"DATE", "TIME"} if label == "DATE+TIME" else {label}
        n_g = n_p = exact = ov_p = ov_g = 0
        for (toks, gold), a in zip(sentences, analyses):
            pred = predicted_spans(toks, a["entities"])
            g = {s for s in gold if s[0] in labels}
            p = {s for s in pred if s[0] in labels}
            if label == "DATE+TIME":  # type-agnostic
                g = {("X", s, e) for _, s, e in g}
                p = {("X", s, e) for _, s, e in p}
            n_g += len(g)
            n_p += len(p)
            exact += len(g & p)
            overlap = lambda x, y: x[0] == y[0] and x[1] < y[2] and y[1] < x[2]
            ov_p += sum(any(overlap(x, y) for y in g) for x in p)
            ov_g += sum(any(overlap(y, x) for x in p) for y in g)
            if label == "DATE+TIME":
                for y in g:
                    if not any(overlap(y, x) for x in p):
                        errors["missed"][" ".join(toks[y[1]:y[2]])] += 1
                    elif y not in p:
                        x = next(x for x in p if overlap(y, x))
                        errors["boundary"].append((" ".join(toks[y[1]:y[2]]), " ".join(toks[x[1]:x[2]])))
                for x in p:
                    if not any(overlap(x, y) for y in g):
                        errors["spurious"][" ".join(toks[x[1]:x[2]])] += 1
        pe, re_, fe = prf(exact, n_p, exact, n_g)
        po, ro, fo = prf(ov_p, n_p, ov_g, n_g)
        rows.append((label, n_g, n_p, pe, re_, fe, po, ro, fo))
    print(f"## Wojood sample (train+val+test, {len(sentences)} sentences)\n")
    print("| label | gold | found | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | " + " | ".join(f"{x:.3f}" for x in r[3:]) + " |")
    print()
    if show:
        print("Most frequent missed gold spans:", errors["missed"].most_common(show), "\n")
        print("Most frequent spurious spans:", errors["spurious"].most_common(show), "\n")
        print("Boundary differences (gold | found):", errors["boundary"][:show], "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_bin = os.path.join(ROOT, "target", "release", "tahlil")
    if not os.path.exists(default_bin):
        default_bin = os.path.join(ROOT, "target", "debug", "tahlil")
    ap.add_argument("--bin", default=default_bin)
    ap.add_argument("--errors", type=int, default=0, help="show this many error examples")
    args = ap.parse_args()
    if not os.path.isdir(SHARED):
        print(f"skipped: {SHARED} is absent (the third-party data lives outside the repo)")
        return 0
    if not os.path.exists(args.bin):
        print(f"no tahlil binary at {args.bin}: run `cargo build --release -p tahlil-cli`", file=sys.stderr)
        return 1
    dateparser_eval(args.bin, args.errors)
    wojood_eval(args.bin, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
