#!/usr/bin/env python3
"""Derives the table of person-name words of the names layer from annotated news and Wikipedia.

A word goes into the table when the annotators tagged it as (part of) a person's name far more
often than not: at least MIN_COUNT person occurrences and a person share of at least MIN_SHARE of
all its occurrences. Words that are names this often *alone* (ALONE_COUNT, ALONE_SHARE) are marked
`alone`: a single such word is reported as a person (بوش, أنان); the others (`name`) need a second
name word or a title next to them; `first` words (given names: محمد) take the next name word along.
Words seen at least COMMON_COUNT times and never inside any annotated entity are `common`: they end
a name and never start one (اختيار, تجاوز, وجه).

Sources (third-party, outside the repository; see each folder's SOURCE.md):
  ../shared/data/anercorp-train/ANERCorp_train.txt   ANERcorp (Benajiba, Rosso, Benedí 2007;
                                                     CAMeL Lab release CC BY-SA 4.0), training part
  ../shared/data/aqmar/articles/*.txt                AQMAR Arabic Wikipedia NER corpus
                                                     (Mohit et al. 2012, CC BY-SA 3.0)

Writes crates/core/data/names-person-words.tsv (from all of both). Run from the repository root:
    python3 scripts/gen-person-names.py
`scripts/eval/eval_names.py --cv` imports `derive` to score the table honestly: derived on some
folds, scored on the others.
"""

import collections
import glob
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DATA = os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "crates", "core", "data", "names-person-words.tsv")

MIN_COUNT = 2
MIN_SHARE = 0.8
ALONE_COUNT = 4
ALONE_SHARE = 0.9
FIRST_COUNT = 3
FIRST_SHARE = 0.8
COMMON_COUNT = 8
# Function words and name particles (بن, عبد, الدين: the rules read them) never enter the table.
STOP_FILES = [os.path.join(ROOT, "crates", "core", "data", f) for f in ("names-stopwords.txt", "names-particles.txt")]

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_ARABIC = re.compile("^[\u0621-\u064a]+$")


def fold(word):
    """The search form of a word, as far as the table needs it (alef, ta marbuta, alef maqsura, marks)."""
    return _DIACRITICS.sub("", word).translate(_FOLD)


def stopwords():
    """The folded stop words and particles of the names layer."""
    words = set()
    for path in STOP_FILES:
        with open(path, encoding="utf-8") as f:
            words |= {fold(l.split("\t")[0].strip()) for l in f if l.strip() and not l.startswith("#")}
    return words


def is_plural_nisba(w):
    """A definite plural of a relational noun (الفرنسيون, العلويين): a group, not a person."""
    return w.startswith("ال") and (w.endswith("يون") or w.endswith("يين"))


def is_person(tag):
    """True for a person tag of ANERcorp (PERS) or AQMAR (PER)."""
    return tag.partition("-")[2] in ("PERS", "PER")


def derive(sentences):
    """The table as {folded word: 'alone' | 'first' | 'name' | 'common'} from sentences of (token, tag)."""
    total, person, entity = collections.Counter(), collections.Counter(), collections.Counter()
    alone, first = collections.Counter(), collections.Counter()
    for s in sentences:
        for i, (tok, tag) in enumerate(s):
            w = fold(tok)
            if not _ARABIC.match(w) or len(w) < 2:
                continue
            total[w] += 1
            entity[w] += tag != "O"
            if is_person(tag):
                person[w] += 1
                goes_on = i + 1 < len(s) and s[i + 1][1].startswith("I-")
                alone[w] += tag.startswith("B-") and not goes_on
                first[w] += tag.startswith("B-") and goes_on
    stop = stopwords()
    table = {w: "common" for w, n in total.items() if n >= COMMON_COUNT and entity[w] == 0 and w not in stop}
    for w, n in person.items():
        if w in stop or is_plural_nisba(w) or n < MIN_COUNT or n < MIN_SHARE * total[w]:
            continue
        if first[w] >= FIRST_COUNT and first[w] >= FIRST_SHARE * (first[w] + alone[w]):
            table[w] = "first"
        elif alone[w] >= ALONE_COUNT and n >= ALONE_SHARE * total[w]:
            table[w] = "alone"
        else:
            table[w] = "name"
    return table


# The sources' credits and terms, in the header of every table derived from them (also gen-entity-names.py).
ATTRIBUTION = (
    "# ANERcorp: Benajiba, Rosso, Benedí 2007 (CAMeL Lab release, CC BY-SA 4.0);\n"
    "# AQMAR: Mohit et al. 2012 (CC BY-SA 3.0). This table is a derived work under CC BY-SA.\n"
)


def write(table, path, sources):
    """Writes the table with its header (attribution and thresholds)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "# Person-name words, derived by scripts/gen-person-names.py (do not edit by hand).\n"
            f"# From: {sources}.\n"
            + ATTRIBUTION
            + f"# A word is here when tagged as a person >= {MIN_COUNT} times and in >= {MIN_SHARE:.0%} of its uses;\n"
            f"# `first`: the first word of a longer name >= {FIRST_COUNT} times and in >= {FIRST_SHARE:.0%} of the names it starts;\n"
            f"# `alone`: else a person by itself >= {ALONE_COUNT} times and in >= {ALONE_SHARE:.0%} of its uses;\n"
            f"# `common`: seen >= {COMMON_COUNT} times, never inside an annotated entity: no name word.\n"
            "# word\tclass\n"
        )
        for w in sorted(table):
            f.write(f"{w}\t{table[w]}\n")


def read_conll(path):
    """Sentences of (token, tag) of a CoNLL file; blank lines and `.` end sentences."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 2:
                if not line.strip() and current:
                    sentences.append(current)
                    current = []
                continue
            current.append((parts[0], parts[1]))
            if parts[0] in (".", "؟", "!"):
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


def corpus_sentences():
    """The sentences of ANERcorp's training part and of all 28 AQMAR articles, or None when
    ../shared/data is absent (also used by gen-entity-names.py)."""
    aner = os.path.join(DATA, "anercorp-train", "ANERCorp_train.txt")
    if not os.path.exists(aner):
        return None
    sentences = read_conll(aner)
    for path in sorted(glob.glob(os.path.join(DATA, "aqmar", "articles", "*.txt"))):
        sentences += read_conll(path)
    return sentences


SOURCES = "ANERcorp training part and all 28 AQMAR articles"


def main():
    sentences = corpus_sentences()
    if sentences is None:
        print(f"skipped: {os.path.normpath(DATA)} is absent")
        return 0
    table = derive(sentences)
    write(table, OUT, SOURCES)
    counts = collections.Counter(table.values())
    print(f"{len(table)} words ({dict(counts)}) -> {os.path.relpath(OUT, ROOT)}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
