//! Learned organization and place names (`names-learned.tsv`, derived by
//! `scripts/gen-entity-names.py` from annotated news and Wikipedia): names
//! the annotators tagged as that kind nearly every time they occur
//! (`الجزيرة` the channel, `فيردر بريمن`). The first word is read with and
//! without attached clitics (`للجزيرة` → `الجزيرة`), the others exactly; a
//! match is a candidate below the rules' confidence, so the resolver
//! prefers a gazetteer entry or a head word's chain of the same length.

use super::clitics;
use super::lexicon::{Lexicon, Phrase, PhraseKind};
use super::{NameCandidate, Source, View};
use crate::entity::{EntityKind, Value};
use crate::normalize::search_form;

/// Confidence of a learned name: below the gazetteer (0.9) and the head
/// words' chains (0.75).
pub const CONFIDENCE: f32 = 0.55;

/// The shipped table of learned names.
pub const LEARNED_NAMES: &str = data_table!(include_str!("../../../data/names-learned.tsv"));

/// The learned names by their first word (search-normalized).
pub struct LearnedNames {
    /// The names, as phrases of a [`Lexicon`] (an organization, or a place
    /// without its country).
    lex: Lexicon,
    /// A bit per [`tail_bit`] of the names' first words (of their last four
    /// bytes, and of their last six): a word whose bit is not set has no
    /// reading that starts a name (most words are rejected here, before
    /// their readings are looked up).
    tails: Vec<u64>,
}

/// A bit (of 2^16) for the last `n` bytes of `word` (all of it when shorter).
/// Every reading of a word ([`clitics::for_each_reading`]: the word without
/// clitics of two bytes each, or `ا`/`ال` before the rest) ends in the rest,
/// at most four bytes shorter than the word: an Arabic reading (two letters
/// or more) ends in the word's last four bytes, and the readings of a word of
/// ten bytes or more end in its last six.
fn tail_bit(word: &str, n: usize) -> usize {
    let b = word.as_bytes();
    let key = b[b.len().saturating_sub(n)..]
        .iter()
        .fold(n as u64, |k, &x| k << 8 | u64::from(x));
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

impl Default for LearnedNames {
    fn default() -> Self {
        Self::new(LEARNED_NAMES)
    }
}

impl LearnedNames {
    /// Reads a table in the format of `names-learned.tsv`: a name and its
    /// kind (`org` or `place`) a line, `#` comments. Other kinds are skipped.
    pub fn new(table: &str) -> Self {
        let mut names = Vec::new();
        let mut tails = vec![0u64; 1 << 10];
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, kind)) = line.split_once('\t') else {
                continue;
            };
            let kind = match kind.trim() {
                "org" => PhraseKind::Organization,
                "place" => PhraseKind::Place { country: None },
                _ => continue,
            };
            let form = search_form(name.trim());
            let first = form.split(' ').next().unwrap_or("");
            for bit in [tail_bit(first, 4), tail_bit(first, 6)] {
                tails[bit >> 6] |= 1 << (bit & 63);
            }
            names.push((form, kind));
        }
        LearnedNames {
            lex: Lexicon::of_phrases(names),
            tails,
        }
    }

    /// The names starting with the search-normalized word `first`.
    fn starting_with(&self, first: &str) -> &[Phrase] {
        self.lex.get(first).map_or(&[], |info| &info.phrases)
    }

    /// The first reading of `word` (see [`clitics::for_each_reading`]) that
    /// starts learned names: its clitic bytes and those names.
    fn names_at(&self, word: &str) -> Option<(usize, &[Phrase])> {
        let bit = tail_bit(word, if word.len() >= 10 { 6 } else { 4 });
        if self.tails[bit >> 6] & 1 << (bit & 63) == 0 {
            return None;
        }
        let mut found = None;
        clitics::for_each_reading(word, |skip, bare| {
            let names = self.starting_with(bare);
            if !names.is_empty() {
                found = Some((skip, names));
            }
            found.is_some()
        });
        found
    }

    /// True when some reading of `word` starts a learned name (asked once
    /// per distinct word by [`View::with_learned`]).
    pub fn may_start(&self, word: &str) -> bool {
        self.names_at(word).is_some()
    }

    /// The longest learned name at token `i`, its first word read with or
    /// without clitics: `(clitic bytes, last token, kind)`.
    fn at(&self, view: &View<'_, '_>, i: usize) -> Option<(usize, usize, EntityKind)> {
        let (skip, names) = self.names_at(view.word(i)?)?;
        let mut found = None;
        for n in names {
            let all = n
                .rest
                .iter()
                .enumerate()
                .all(|(k, w)| view.free_word(i + 1 + k) == Some(w.as_str()));
            let last = i + n.rest.len();
            if all && found.is_none_or(|(_, l, _)| l < last) {
                let kind = match n.kind {
                    PhraseKind::Organization => EntityKind::Organization,
                    _ => EntityKind::Location,
                };
                found = Some((skip, last, kind));
            }
        }
        found
    }
}

/// Adds a candidate for every learned name in the document (at the start
/// tokens of [`View::with_learned`]). A one-word
/// organization is not read behind `ب` or `ك`, as in the gazetteer
/// (`بحماس` is "with enthusiasm").
pub fn find(view: &View<'_, '_>, names: &LearnedNames, out: &mut Vec<NameCandidate>) {
    crate::recognize::walk(&view.starts().learned, |i| {
        let Some((skip, last, kind)) = names.at(view, i) else {
            return i + 1;
        };
        let behind_preposition =
            skip > 0 && view.word(i).is_some_and(|w| w.starts_with(['ب', 'ك']));
        if last == i && kind == EntityKind::Organization && behind_preposition {
            return i + 1;
        }
        out.push(NameCandidate {
            kind,
            first: i,
            last,
            skip,
            value: match kind {
                EntityKind::Location => Value::Location { country: None },
                _ => Value::Empty {},
            },
            source: Source::Learned,
            confidence: CONFIDENCE,
        });
        last + 1
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::names::lexicon::Lexicon;
    use crate::recognize::Document;
    use crate::tokenize::tokenize;

    /// The learned candidates of `text` (search-normalized) as (kind, text),
    /// their spans as the recognizer reports them.
    fn found(names: &LearnedNames, text: &str) -> Vec<(&'static str, String)> {
        let tokens = tokenize(text);
        let doc = Document::new(text, &tokens);
        let lex = Lexicon::new();
        let view = View::with_learned(&doc, &lex, Some(names));
        let mut out = Vec::new();
        find(&view, names, &mut out);
        out.iter()
            .map(|c| {
                let span = view.span(c.first, c.last, view.span_skip(c.first, c.skip));
                (c.kind.name(), text[span.range()].to_string())
            })
            .collect()
    }

    /// The names starting with `first`, as (the whole name, organization).
    fn starting(names: &LearnedNames, first: &str) -> Vec<(String, bool)> {
        names
            .starting_with(first)
            .iter()
            .map(|p| {
                let name: Vec<&str> = std::iter::once(first)
                    .chain(p.rest.iter().map(String::as_str))
                    .collect();
                (name.join(" "), p.kind == PhraseKind::Organization)
            })
            .collect()
    }

    #[test]
    fn reads_names_kinds_and_comments() {
        let names = LearnedNames::new(
            "# comment\tplace\nالجزيرة\torg\nفيردر  بريمن\torg\nقرطبة\tplace\nسطر\tother\nبلا عمود\n",
        );
        // Comments, unknown kinds and lines without a kind are skipped.
        for word in ["#", "comment", "سطر", "بلا"] {
            assert!(starting(&names, word).is_empty(), "{word}");
        }
        // Search-normalized: ة is folded to ه.
        assert_eq!(starting(&names, "الجزيره"), [("الجزيره".to_string(), true)]);
        assert_eq!(starting(&names, "قرطبه"), [("قرطبه".to_string(), false)]);
        assert_eq!(
            starting(&names, "فيردر"),
            [("فيردر بريمن".to_string(), true)]
        );
        assert!(starting(&names, "سطر").is_empty());
        assert!(
            starting(&names, "بريمن").is_empty(),
            "looked up by the first word"
        );
        assert_eq!(
            names.names_at("للجزيره").map(|(skip, _)| skip),
            Some(2),
            "ل + the article written لل"
        );
        assert!(names.may_start("وقرطبه"));
        assert!(!names.may_start("الجزير"));
        assert!(!LearnedNames::new("").may_start("الجزيره"));
    }

    #[test]
    fn finds_the_longest_name_without_its_clitics() {
        let names = LearnedNames::new(
            "منتخب\torg\nمنتخب البرتغال\torg\nالبنك التجاري\torg\nقرطبه\tplace\nحماس\torg\n",
        );
        assert_eq!(
            found(
                &names,
                "فاز منتخب البرتغال وزار وفد بالبنك التجاري وقرطبه وللبنك التجاري"
            ),
            [
                ("organization", "منتخب البرتغال".to_string()),
                ("organization", "البنك التجاري".to_string()),
                ("location", "قرطبه".to_string()),
                ("organization", "للبنك التجاري".to_string()),
            ]
        );
        // The later words are read exactly; a one-word organization not behind `ب`.
        assert_eq!(
            found(&names, "البنك والتجاري بحماس وحماس"),
            [("organization", "حماس".to_string())]
        );
    }

    #[test]
    fn shipped_table_is_read() {
        let names = LearnedNames::default();
        for first in ["فولكسفاغن", "البنك", "بلنسيه"] {
            assert!(!starting(&names, first).is_empty(), "{first}");
        }
    }
}
