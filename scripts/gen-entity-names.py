#!/usr/bin/env python3
"""Derives the table of learned organization and place names of the names layer from annotated text.

A name (one to MAX_WORDS words, search-folded) goes into the table when the annotators tagged exactly
that sequence of words as an organization (or a place) at least MIN_COUNT times and in at least
MIN_SHARE of its uses, in at least MIN_PASSAGES passages. A use is the sequence anywhere in the text, its first word read with or without
the attached clitics the names layer strips (`و ف ب ل ك`, `ل` + the article written `لل`; see
`crates/core/src/recognize/names/clitics.rs`): `للجزيرة` and `بالبنك التجاري` are uses of
`الجزيرة` and `البنك التجاري`. A use inside a longer annotated name, or untagged, counts against it.
Names the gazetteer or the organization table already know, and one-word names that are stop words,
head words or person-name words of the other tables, are left out.

Sources (third-party, outside the repository; see each folder's SOURCE.md):
  ../shared/data/anercorp-train/ANERCorp_train.txt   ANERcorp (Benajiba, Rosso, Benedí 2007;
                                                     CAMeL Lab release CC BY-SA 4.0), training part
  ../shared/data/aqmar/articles/*.txt                AQMAR Arabic Wikipedia NER corpus
                                                     (Mohit et al. 2012, CC BY-SA 3.0)

Writes crates/core/data/names-learned.tsv (from all of both). Run from the repository root:
    python3 scripts/gen-entity-names.py
`scripts/eval/eval_names.py --cv` imports `derive` and `write` to score the table honestly: derived
on some folds, scored on the others.
"""

import collections
import importlib.util
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DATA = os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "crates", "core", "data", "names-learned.tsv")
CORE_DATA = os.path.join(ROOT, "crates", "core", "data")

# Per kind of the table, chosen by cross-validation (`eval_names.py --cv`).
MIN_COUNT = {"place": 2, "org": 3}
MIN_SHARE = {"place": 0.9, "org": 0.8}
MAX_WORDS = 3
# A name tagged in one passage only (PASSAGE_SENTENCES sentences in a row) is the topic of one article
# (`البيمارستان المعتضدي`), not a name of the news: it must be tagged in MIN_PASSAGES passages.
PASSAGE_SENTENCES = 10
MIN_PASSAGES = 2
KINDS = {"LOC": "place", "ORG": "org"}
# Tables whose entries are no learned names: phrases the gazetteer and the organization table already
# find, and words that are function words, head words or titles by themselves.
PHRASE_TABLES = ("gazetteer-places.tsv", "names-organizations.tsv", "names-people.tsv")
# ANERcorp's conventions (the reference; AQMAR differs): a place's head word (`مدينة`), a compass word
# (`جنوب`, organization.rs), `نادي` and the word before a team's or event's place (`منتخب`, `كأس`) stay
# outside the name; a name after an organization head is no place (`جامعة`), one after a place head no
# organization.
COMPASS = {"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"}
WORD_TABLES = ("names-stopwords.txt", "names-particles.txt", "names-org-heads.txt", "names-place-heads.txt", "names-titles.tsv", "names-adjectives.txt")


def _person_module():
    """scripts/gen-person-names.py (its folding and CoNLL reader)."""
    spec = importlib.util.spec_from_file_location("gen_person_names", os.path.join(ROOT, "scripts", "gen-person-names.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_PERSON = _person_module()
fold = _PERSON.fold
_ARABIC = _PERSON._ARABIC


def readings(word):
    """The readings of a folded word as the names layer's `clitics::for_each_reading` gives them:
    the word, then without a two-letter prefix (conjunction + preposition), then without a one-letter
    one, each leaving two letters at least; behind `ل` a word starting with `ل` is also read with the
    article's alef (`للحزب` -> `الحزب`) and with the whole article (`للجنه` -> `اللجنه`)."""
    out = [word]

    def without(n):
        rest = word[n:]
        if len(rest) < 2:
            return
        if word[n - 1] == "ل" and rest.startswith("ل") and not rest.startswith("ال"):
            out.extend(("ا" + rest, "ال" + rest))
        out.append(rest)

    if word[:1] in ("و", "ف") and len(word) >= 2 and word[1] in ("ب", "ل", "ك"):
        without(2)
    if word[:1] in ("و", "ف", "ب", "ل", "ك"):
        without(1)
    return out


def _table_words(names):
    """The first column of data tables of crates/core/data, folded."""
    rows = set()
    for name in names:
        with open(os.path.join(CORE_DATA, name), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    rows.add(" ".join(fold(w) for w in line.split("\t")[0].split()))
    return rows


def heads():
    """{folded head word: 'place' | 'org' | 'outside'} of the names layer's tables (no article)."""
    out = {}
    for name, kind in (("names-place-heads.txt", "place"), ("names-org-heads.txt", "org"), ("names-place-context.tsv", "outside")):
        with open(os.path.join(CORE_DATA, name), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    cols = line.rstrip("\n").split("\t")
                    out[fold(cols[0])] = "outside" if len(cols) > 1 and cols[1] == "outside" else kind
    out.update({w: "outside" for w in COMPASS})
    return out


def against_conventions(key, kind, head_words):
    """True when the name `key` (folded words) of `kind` breaks ANERcorp's conventions (see COMPASS)."""
    # With the article (`المدينة المنورة`, `الجزيرة نت`) the first word is no head.
    head = head_words.get(key[0]) if len(key) > 1 else None
    # A word that stays outside does so with the article too (`المنتخب البرتغالي`: O in ANERcorp).
    bare = key[0][2:] if len(key) > 1 and key[0].startswith("ال") else None
    return head in ("outside", "place") or (head == "org" and kind == "place") or head_words.get(bare) == "outside"


def known():
    """(phrases the other tables find, words no one-word name can be)."""
    words = _table_words(WORD_TABLES)
    words |= {w for w in words if " " not in w for w in (w, "ال" + w)}
    with open(os.path.join(CORE_DATA, "names-person-words.tsv"), encoding="utf-8") as f:
        words |= {l.split("\t")[0] for l in f if not l.startswith("#") and l.strip()}
    return _table_words(PHRASE_TABLES), words


def entity_kind(tag):
    """'LOC' or 'ORG' for a tag of ANERcorp or AQMAR, else None."""
    kind = tag.partition("-")[2]
    return kind if kind in KINDS else None


def spans(sentence):
    """Gold organizations and places as (kind, first, last)."""
    out, start, kind = [], None, None
    for i, (_, tag) in enumerate(sentence + [("", "O")]):
        k = entity_kind(tag)
        if start is not None and not (tag.startswith("I-") and k == kind):
            out.append((kind, start, i - 1))
            start, kind = None, None
        if k is not None and start is None:
            start, kind = i, k
    return out


def derive(sentences, min_count=None, min_share=None):
    """The table as {folded name (words joined by spaces): 'org' | 'place'} from sentences of (token, tag);
    `min_count` and `min_share` ({kind: threshold}) replace MIN_COUNT and MIN_SHARE."""
    min_count, min_share = min_count or MIN_COUNT, min_share or MIN_SHARE
    folded = [[fold(t) for t, _ in s] for s in sentences]
    bare = collections.Counter(w for s in folded for w in s)
    tagged = collections.Counter()
    passages = collections.defaultdict(set)
    for k, (s, words) in enumerate(zip(sentences, folded)):
        for kind, a, b in spans(s):
            if b - a + 1 > MAX_WORDS or not all(_ARABIC.match(w) and len(w) >= 2 for w in words[a : b + 1]):
                continue
            # The reading of the first word the text has most often by itself (`للجزيره` is `الجزيره`).
            first = max(readings(words[a]), key=lambda r: bare[r])
            key = ((first,) + tuple(words[a + 1 : b + 1]), kind)
            tagged[key] += 1
            passages[key].add(k // PASSAGE_SENTENCES)
    keys = {key for key, _ in tagged}
    by_first = collections.defaultdict(set)
    for key in keys:
        by_first[key[0]].add(key)
    uses = collections.Counter()
    for words in folded:
        for i, w in enumerate(words):
            found = set()
            for r in readings(w):
                for key in by_first.get(r, ()):
                    if tuple(words[i + 1 : i + len(key)]) == key[1:]:
                        found.add(key)
            uses.update(found)
    phrases, single = known()
    head_words = heads()
    table = {}
    for (key, kind), n in tagged.items():
        if len(passages[(key, kind)]) < MIN_PASSAGES:
            continue
        name, kind = " ".join(key), KINDS[kind]
        # Known by the other tables in some reading (`وموريتانيا` is `موريتانيا` of the gazetteer).
        known_phrase = any(" ".join((r,) + key[1:]) in phrases for r in readings(key[0]))
        if n < min_count[kind] or n < min_share[kind] * uses[key] or known_phrase:
            continue
        if (len(key) == 1 and key[0] in single) or against_conventions(key, kind, head_words):
            continue
        table[name] = kind
    return table


def write(table, path, sources):
    """Writes the table with its header (attribution and thresholds)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "# Organization and place names, derived by scripts/gen-entity-names.py (do not edit by hand).\n"
            f"# From: {sources}.\n"
            + _PERSON.ATTRIBUTION
            + "# A name is here when tagged as that kind in enough of its uses: "
            + ", ".join(f"{k} >= {MIN_COUNT[k]} times and >= {MIN_SHARE[k]:.0%}" for k in sorted(MIN_COUNT))
            + "\n"
            "# (its first word with or without attached clitics),\n"
            f"# in >= {MIN_PASSAGES} passages of {PASSAGE_SENTENCES} sentences.\n"
            "# name\tkind (org, place)\n"
        )
        for name in sorted(table):
            f.write(f"{name}\t{table[name]}\n")


def main():
    sentences = _PERSON.corpus_sentences()
    if sentences is None:
        print(f"skipped: {os.path.normpath(DATA)} is absent")
        return 0
    table = derive(sentences)
    write(table, OUT, _PERSON.SOURCES)
    counts = collections.Counter(table.values())
    print(f"{len(table)} names ({dict(counts)}) -> {os.path.relpath(OUT, ROOT)}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
