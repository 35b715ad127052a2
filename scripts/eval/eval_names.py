#!/usr/bin/env python3
"""Scores the names layer (person, organization, location) against CoNLL NER corpora.

Corpora (third-party, outside the repository, see each folder's SOURCE.md):
  ../shared/data/anercorp-train/ANERCorp_train.txt   token tag per line, tags PERS/LOC/ORG/MISC
  ../shared/data/aqmar/articles/*.txt                 token tag per line, blank line between sentences, PER/LOC/ORG/MIS*

Each sentence becomes one line of text (tokens joined by single spaces); the analyzer runs over all of
them at once (`tahlil analyze FILE --format jsonl`); every entity is mapped back to the tokens it
overlaps, and scored CoNLL-style: a prediction counts only when its kind and its first and last token
equal a gold entity's. Precision, recall and F1 per kind (PERS=person, LOC=location, ORG=organization).

Usage (from the repository root, after `cargo build --release -p tahlil-cli`):
    python3 scripts/eval/eval_names.py                   # both corpora, markdown table
    python3 scripts/eval/eval_names.py --errors aqmar    # also list false positives and misses
    python3 scripts/eval/eval_names.py --errors aqmar-dev   # the same for AQMAR's dev split alone (or aqmar-test)
    python3 scripts/eval/eval_names.py --cv              # the learned person-name table cross-validated
    python3 scripts/eval/eval_names.py --cv --errors aqmar   # its person errors by source and category
    python3 scripts/eval/eval_names.py --cv --no-learned # the same without learned organization and place names
With --cv the learned tables, person-name words (scripts/gen-person-names.py) and organization and
place names (scripts/gen-entity-names.py), are derived on some data and scored on other data:
ANERcorp in 5 contiguous folds of sentences (tables from the 4 others plus all of AQMAR), AQMAR's test
split with tables from ANERcorp and AQMAR's dev split. It runs the names layer alone
(`cargo build --release -p tahlil-core --example names_cv`), which reads the tables from files; the
same runner with the shipped tables is scored first, to compare with the full analysis.
Skips with a message when ../shared/data is absent.
"""

import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import importlib.util
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "..", "shared", "data")
TAHLIL = os.path.join(ROOT, "target", "release", "tahlil")
NAMES_CV = os.path.join(ROOT, "target", "release", "examples", "names_cv")
SHIPPED_TABLE = os.path.join(ROOT, "crates", "core", "data", "names-person-words.tsv")
SHIPPED_LEARNED = os.path.join(ROOT, "crates", "core", "data", "names-learned.tsv")
CV_FOLDS = 5
KINDS = {"person": "PERS", "location": "LOC", "organization": "ORG"}
GOLD_KIND = {"PERS": "PERS", "PER": "PERS", "LOC": "LOC", "ORG": "ORG"}
AQMAR_DEV = {"Damascus", "Atom", "Raul_Gonzales", "Linux", "Imam_Hussein_Shrine", "Nuclear_Power", "Real_Madrid", "Solaris"}
MAX_SENTENCE_TOKENS = 120
DOCS = False  # --docs: several sentences a document (repeats of names found earlier in it count)
DOC_SENTENCES = 20  # ANERcorp's document size with --docs (it marks no article breaks)
DOC_SIZES = {}  # id(sentence list) -> sentence counts of its documents (AQMAR's articles)


def read_conll(path, split_on_period):
    """Sentences as lists of (token, tag); malformed lines skipped."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split(" ")
            if len(parts) != 2 or not parts[0]:
                continue
            token, tag = parts
            current.append((token, tag))
            if split_on_period and (token in {".", "؟", "!"} or len(current) >= MAX_SENTENCE_TOKENS):
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


def gold_spans(sentence):
    """Gold entities as (kind, first, last) with kinds PERS/LOC/ORG (MISC and malformed tags ignored)."""
    spans, start, kind = [], None, None
    for i, (_, tag) in enumerate(sentence + [("", "O")]):
        prefix, _, label = tag.partition("-")
        label = GOLD_KIND.get(label.lstrip("-"))
        continues = prefix == "I" and label is not None and label == kind and start is not None
        if start is not None and not continues:
            spans.append((kind, start, i - 1))
            start, kind = None, None
        if label is not None and prefix in ("B", "I") and start is None:
            start, kind = i, label
    return spans


def documents(sentences):
    """The sentence counts of the documents `sentences` make with --docs: AQMAR's articles are marked
    by `doc_sizes` (set in main); ANERcorp has no article breaks and is cut every DOC_SENTENCES."""
    sizes = DOC_SIZES.get(id(sentences))
    if sizes is not None:
        return sizes
    n = len(sentences)
    return [min(DOC_SENTENCES, n - k) for k in range(0, n, DOC_SENTENCES)]


def analyze(sentences, table=None, learned=None):
    """Predicted entities per sentence as (kind, first token, last token, text): by the CLI, or with
    `table` (a person-name table file; `learned`, a table of organization and place names, when
    given) by the names layer alone. Each sentence is one document, or
    with --docs (DOCS) each document is several sentences, one a line (see `documents`)."""
    lines, offsets = [], []
    for s in sentences:
        pos, starts = 0, []
        for tok, _ in s:
            starts.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        lines.append(" ".join(t for t, _ in s))
        offsets.append(starts)
    sizes = documents(sentences) if DOCS else [1] * len(lines)
    # Documents as one line each for the runners: sentences joined by U+2028 (a line break
    # for the tokenizer, one code point like the newline), or by "\n" in files of the CLI.
    texts, k = [], 0
    for n in sizes:
        texts.append("\u2028".join(lines[k : k + n]))
        k += n
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n".join(texts) + "\n")
        path = f.name
    try:
        if table is None and DOCS:
            # One CLI run a document, its sentences on lines of their own.
            out = []
            for text in texts:
                with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
                    f.write(text.replace("\u2028", "\n"))
                try:
                    run = subprocess.run([TAHLIL, "analyze", f.name, "--format", "json"], check=True, capture_output=True, text=True)
                    out.append(json.dumps(json.loads(run.stdout)))
                finally:
                    os.unlink(f.name)
            out = "\n".join(out)
        elif table is None:
            out = subprocess.run([TAHLIL, "analyze", path, "--format", "jsonl"], check=True, capture_output=True, text=True).stdout
        else:
            with open(path, encoding="utf-8") as f:
                out = subprocess.run([NAMES_CV, table] + ([learned] if learned else []), stdin=f, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    results = []
    docs = out.splitlines()
    assert len(docs) == len(texts), f"{len(docs)} analyses for {len(texts)} documents"
    k = 0
    for doc, n in zip(docs, sizes):
        entities = json.loads(doc)["entities"]
        base = 0
        for line, starts in zip(lines[k : k + n], offsets[k : k + n]):
            end = base + len(line)
            preds = []
            for e in entities:
                kind = KINDS.get(e["kind"])
                if kind is None or not (base <= e["char_start"] < end):
                    continue
                a0, b0 = e["char_start"] - base, e["char_end"] - base
                toks = [t for t, (a, b) in enumerate(starts) if a < b0 and a0 < b]
                if toks:
                    v = e["value"]
                    preds.append((kind, toks[0], toks[-1], v.get("source") or v.get("title") or v.get("role") or ""))
            results.append(preds)
            base = end + 1
        k += n
    return results


def score(sentences, predictions, errors=False):
    counts = {k: collections.Counter() for k in ("PERS", "LOC", "ORG")}
    fps, fns = collections.Counter(), collections.Counter()
    for s, preds in zip(sentences, predictions):
        gold = set(gold_spans(s))
        pred = {(k, a, b) for k, a, b, _ in preds}
        cue = {(k, a, b): t for k, a, b, t in preds}
        for k, a, b in pred:
            counts[k]["pred"] += 1
            if (k, a, b) in gold:
                counts[k]["tp"] += 1
            elif errors:
                context = " ".join(t for t, _ in s[max(0, a - 2) : a])
                fps[(k, f"{context} <{' '.join(t for t, _ in s[a : b + 1])}>", " ".join(tag for _, tag in s[a : b + 1]))] += 1
        for k, a, b in gold:
            counts[k]["gold"] += 1
            if errors and (k, a, b) not in pred:
                fns[(k, " ".join(t for t, _ in s[a : b + 1]))] += 1
    return counts, fps, fns


def prf(c):
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(name, sentences, errors, preds=None):
    preds = analyze(sentences) if preds is None else preds
    counts, fps, fns = score(sentences, preds, errors)
    tokens = sum(len(s) for s in sentences)
    print(f"\n### {name} ({len(sentences)} sentences, {tokens} tokens)\n")
    print("| kind | gold | predicted | correct | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    total = collections.Counter()
    for k in ("PERS", "LOC", "ORG"):
        c = counts[k]
        total.update(c)
        p, r, f = prf(c)
        print(f"| {k} | {c['gold']} | {c['pred']} | {c['tp']} | {p:.3f} | {r:.3f} | {f:.3f} |")
    p, r, f = prf(total)
    print(f"| all | {total['gold']} | {total['pred']} | {total['tp']} | {p:.3f} | {r:.3f} | {f:.3f} |")
    if errors:
        for kind in ("PERS", "LOC", "ORG"):
            print(f"\nfalse positives {kind} (text, gold tags):")
            for (k, t, g), n in [x for x in fps.most_common() if x[0][0] == kind][:60]:
                print(f"  {n:4d} {k} {t}  [{g}]")
            print(f"\nmisses {kind}:")
            for (k, t), n in [x for x in fns.most_common() if x[0][0] == kind][:25]:
                print(f"  {n:4d} {k} {t}")


def overlap_category(sentence, gold, a, b):
    """What a false person prediction on tokens a..b is: a boundary error on a person's name (too
    short, too long, shifted), another kind of entity (LOC, ORG, MISC), or no entity at all."""
    for k, ga, gb in gold:
        if k == "PERS" and ga <= b and a <= gb:
            if ga <= a and b <= gb:
                return "person, cut short"
            if a <= ga and gb <= b:
                return "person, run on"
            return "person, shifted"
    tags = {tag.partition("-")[2] for _, tag in sentence[a : b + 1]} - {""}
    if tags:
        return "other entity " + "/".join(sorted(tags))
    return "no entity"


def person_errors(sentences, predictions, limit=200):
    """Person precision per source and false positives by category (cross-validated predictions)."""
    by_source = collections.defaultdict(collections.Counter)
    categories = collections.Counter()
    fps = []
    for s, preds in zip(sentences, predictions):
        gold = set(gold_spans(s))
        for k, a, b, source in preds:
            if k != "PERS":
                continue
            c = by_source[(source, "1 word" if a == b else "2 words" if b == a + 1 else "3+ words")]
            c["pred"] += 1
            if (k, a, b) in gold:
                c["tp"] += 1
                continue
            cat = overlap_category(s, gold, a, b)
            categories[cat] += 1
            context = " ".join(t for t, _ in s[max(0, a - 3) : a])
            after = " ".join(t for t, _ in s[b + 1 : b + 3])
            fps.append((cat, source, f"{context} <{' '.join(t for t, _ in s[a : b + 1])}> {after}", " ".join(tag for _, tag in s[max(0, a - 1) : b + 2])))
    print("\n| source | length | predicted | correct | precision |\n|---|---|---:|---:|---:|")
    for (source, length), c in sorted(by_source.items()):
        print(f"| {source} | {length} | {c['pred']} | {c['tp']} | {c['tp'] / c['pred']:.3f} |")
    print("\nfalse positives by category:")
    for cat, n in categories.most_common():
        print(f"  {n:5d} {cat}")
    for cat, _ in categories.most_common():
        print(f"\n{cat}:")
        for _, source, text, tags in [f for f in fps if f[0] == cat][:limit]:
            print(f"  {source:9s} {text}  [{tags}]")


def org_category(sentence, gold, a, b):
    """What a false organization prediction on tokens a..b is, by the annotation conventions the
    corpora disagree on: a club whose head word the gold name includes (`[نادي ريال مدريد]`), a
    university tagged LOC, a product or event tagged MISC, a boundary error on a gold
    organization, another kind, or no entity."""
    tags = [tag for _, tag in sentence[a : b + 1]]
    labels = {t.partition("-")[2] for t in tags} - {""}
    for k, ga, gb in gold:
        if k == "ORG" and ga <= b and a <= gb:
            if ga == a - 1 and gb == b:
                return "ORG with its head word before (club, team)"
            return "ORG, boundary"
    first = sentence[a][0]
    if "LOC" in labels and ("جامع" in first or "جامعة" in first):
        return "university tagged LOC"
    if any(l.startswith("MIS") for l in labels):
        return "MISC (product, event, work)"
    if labels:
        return "other entity " + "/".join(sorted(labels))
    return "no entity"


def org_errors(sentences, predictions, limit=80):
    """Organization false positives by category (see org_category)."""
    categories = collections.Counter()
    fps = []
    for s, preds in zip(sentences, predictions):
        gold = set(gold_spans(s))
        for k, a, b, _ in preds:
            if k != "ORG" or (k, a, b) in gold:
                continue
            cat = org_category(s, gold, a, b)
            categories[cat] += 1
            context = " ".join(t for t, _ in s[max(0, a - 2) : a])
            after = " ".join(t for t, _ in s[b + 1 : b + 2])
            fps.append((cat, f"{context} <{' '.join(t for t, _ in s[a : b + 1])}> {after}", " ".join(tag for _, tag in s[max(0, a - 1) : b + 2])))
    print("\norganization false positives by category:")
    for cat, n in categories.most_common():
        print(f"  {n:5d} {cat}")
    for cat, _ in categories.most_common():
        print(f"\n{cat}:")
        for _, text, tags in [f for f in fps if f[0] == cat][:limit]:
            print(f"  {text}  [{tags}]")


def load_generator(name="gen-person-names"):
    """The module scripts/NAME.py (its name has dashes): gen-person-names or gen-entity-names."""
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), os.path.join(ROOT, "scripts", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict_with_table(gens, derive_from, sentences):
    """Predictions on `sentences` with the learned tables derived from `derive_from` only: `gens` is
    the person-name generator, then the organization and place one or None (no learned names)."""
    paths = []
    try:
        for gen in gens:
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".tsv", delete=False) as f:
                paths.append(f.name)
            if gen is not None:
                gen.write(gen.derive(derive_from), f.name, "cross-validation fold")
        return analyze(sentences, *paths)
    finally:
        for path in paths:
            os.unlink(path)


def entity_errors(sentences, predictions, kinds=("LOC", "ORG"), limit=40):
    """Precision of the learned organization and place names, and their false positives."""
    counts, fps = collections.Counter(), collections.Counter()
    for s, preds in zip(sentences, predictions):
        gold = set(gold_spans(s))
        for k, a, b, source in preds:
            if source != "Learned" or k not in kinds:
                continue
            counts[(k, "pred")] += 1
            if (k, a, b) in gold:
                counts[(k, "tp")] += 1
            else:
                tags = " ".join(tag for _, tag in s[a : b + 1])
                fps[(k, " ".join(t for t, _ in s[a : b + 1]), tags)] += 1
    for k in kinds:
        print(f"\nlearned {k}: {counts[(k, 'tp')]} right of {counts[(k, 'pred')]}; false positives:")
        for (kind, text, tags), n in [x for x in fps.most_common() if x[0][0] == k][:limit]:
            print(f"  {n:4d} {text}  [{tags}]")


def cross_validate(aner, aqmar_dev, aqmar_test, errors=None, learned=True):
    """Scores of the learned tables on data they were not derived from; with `errors` ("anercorp"
    or "aqmar") also that corpus' person errors by source and category and the learned
    organization and place names' false positives. Without `learned`, no learned
    organization and place names."""
    if not os.path.exists(NAMES_CV):
        print("build the runner first: cargo build --release -p tahlil-core --example names_cv", file=sys.stderr)
        return 1
    gens = (load_generator(), load_generator("gen-entity-names") if learned else None)
    shipped = (SHIPPED_TABLE, SHIPPED_LEARNED if learned else os.devnull)
    report("ANERcorp train, names layer alone, shipped tables (in-sample)", aner, False, analyze(aner, *shipped))
    n = len(aner)
    preds = []
    for k in range(CV_FOLDS):
        lo, hi = k * n // CV_FOLDS, (k + 1) * n // CV_FOLDS
        preds += predict_with_table(gens, aner[:lo] + aner[hi:] + aqmar_dev + aqmar_test, aner[lo:hi])
    report(f"ANERcorp train, {CV_FOLDS}-fold cross-validated tables", aner, False, preds)
    if errors == "anercorp":
        person_errors(aner, preds)
        entity_errors(aner, preds)
    report("AQMAR test split, names layer alone, shipped tables (in-sample)", aqmar_test, False, analyze(aqmar_test, *shipped))
    preds = predict_with_table(gens, aner + aqmar_dev, aqmar_test)
    report("AQMAR test split, tables from ANERcorp + AQMAR dev", aqmar_test, False, preds)
    if errors == "aqmar":
        person_errors(aqmar_test, preds)
        entity_errors(aqmar_test, preds)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", choices=["anercorp", "aqmar", "aqmar-dev", "aqmar-test"], help="list false positives and misses of one corpus (aqmar-dev, aqmar-test: one split of AQMAR alone)")
    ap.add_argument("--cv", action="store_true", help="cross-validate the learned tables (person-name words, organization and place names)")
    ap.add_argument("--no-learned", action="store_true", help="with --cv: without the learned organization and place names (the score before them)")
    ap.add_argument("--docs", action="store_true", help=f"score documents of several sentences (AQMAR's articles, ANERcorp cut every {DOC_SENTENCES} sentences) instead of one a sentence")
    args = ap.parse_args()
    global DOCS
    DOCS = args.docs
    if not os.path.isdir(DATA):
        print(f"skipped: {os.path.normpath(DATA)} is absent (the corpora live outside the repository)")
        return 0
    if not os.path.exists(TAHLIL):
        print("build the CLI first: cargo build --release -p tahlil-cli", file=sys.stderr)
        return 1
    aner = read_conll(os.path.join(DATA, "anercorp-train", "ANERCorp_train.txt"), split_on_period=True)
    test, dev, allsents = [], [], []
    sizes = {"test": [], "dev": [], "all": []}
    for path in sorted(glob.glob(os.path.join(DATA, "aqmar", "articles", "*.txt"))):
        sents = read_conll(path, split_on_period=False)
        allsents += sents
        split = "dev" if os.path.basename(path)[:-4] in AQMAR_DEV else "test"
        (dev if split == "dev" else test).extend(sents)
        sizes[split].append(len(sents))
        sizes["all"].append(len(sents))
    DOC_SIZES.update({id(test): sizes["test"], id(dev): sizes["dev"], id(allsents): sizes["all"]})
    if args.cv:
        return cross_validate(aner, dev, test, args.errors, not args.no_learned)
    preds = analyze(aner)
    report("ANERcorp train", aner, args.errors == "anercorp", preds)
    if args.errors == "anercorp":
        org_errors(aner, preds)
    report("AQMAR, all 28 articles", allsents, args.errors == "aqmar")
    # The dev split (8 articles) is for choosing rules; the test split (20) for reporting them.
    report(f"AQMAR, dev split ({len(AQMAR_DEV)} articles)", dev, args.errors == "aqmar-dev")
    preds = analyze(test)
    report("AQMAR, test split (20 articles)", test, args.errors == "aqmar-test", preds)
    if args.errors in ("aqmar", "aqmar-test"):
        org_errors(test, preds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
