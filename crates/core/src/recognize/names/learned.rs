//! Learned organization and place names (`names-learned.tsv`, derived by
//! `scripts/gen-entity-names.py` from annotated news and Wikipedia): names
//! the annotators tagged as that kind nearly every time they occur
//! (`الجزيرة` the channel, `فيردر بريمن`). The first word is read with and
//! without attached clitics (`للجزيرة` → `الجزيرة`), the others exactly; a
//! match is a candidate below the rules' confidence, so the resolver
//! prefers a gazetteer entry or a head word's chain of the same length.

use super::clitics;
use super::lexicon::FastMap;
use super::{NameCandidate, Source, View};
use crate::entity::{EntityKind, Value};
use crate::normalize::search_form;
use crate::word_hash::WordFilter;

/// Confidence of a learned name: below the gazetteer (0.9) and the head
/// words' chains (0.75).
pub const CONFIDENCE: f32 = 0.55;

/// The shipped table of learned names.
pub const LEARNED_NAMES: &str = data_table!(include_str!("../../../data/names-learned.tsv"));

/// One learned name: the words after the first and what it names.
#[derive(Debug, Clone)]
struct Name {
    rest: Vec<String>,
    kind: EntityKind,
}

/// The learned names by their first word (search-normalized).
pub struct LearnedNames {
    by_first: FastMap<String, Vec<Name>>,
    /// The first words: most words of a text start no learned name, and
    /// the filter rejects them before their bytes are hashed.
    filter: WordFilter,
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
        let mut by_first: FastMap<String, Vec<Name>> = FastMap::default();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(name), Some(kind)) = (cols.next(), cols.next()) else {
                continue;
            };
            let kind = match kind.trim() {
                "org" => EntityKind::Organization,
                "place" => EntityKind::Location,
                _ => continue,
            };
            let form = search_form(name.trim());
            let mut words = form.split_whitespace();
            let Some(first) = words.next() else { continue };
            let rest = words.map(str::to_string).collect();
            by_first
                .entry(first.to_string())
                .or_default()
                .push(Name { rest, kind });
        }
        for names in by_first.values_mut() {
            crate::sort::sort_by_u64_key(names, |n| crate::sort::longest_first(n.rest.len()));
        }
        let filter = WordFilter::new(by_first.keys().map(String::as_str));
        LearnedNames { by_first, filter }
    }

    /// How many first words the table has.
    pub fn len(&self) -> usize {
        self.by_first.len()
    }

    /// True when the table has no name.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The names starting with the search-normalized word `first`, longest first.
    fn starting_with(&self, first: &str) -> &[Name] {
        if !self.filter.may_contain(first) {
            return &[];
        }
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }

    /// True when some reading of `word` starts a learned name.
    fn may_start(&self, word: &str) -> bool {
        clitics::for_each_reading(word, |_, bare| !self.starting_with(bare).is_empty())
    }

    /// The longest learned name at token `i` (its first word read with or
    /// without clitics, the first reading that matches): `(clitic bytes,
    /// last token, kind)`.
    fn at(&self, view: &View<'_, '_>, i: usize) -> Option<(usize, usize, EntityKind)> {
        let word = view.word(i)?;
        let mut found = None;
        clitics::for_each_reading(word, |skip, bare| {
            found = self.starting_with(bare).iter().find_map(|n| {
                let all = n
                    .rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| view.free_word(i + 1 + k) == Some(w.as_str()));
                all.then_some((skip, i + n.rest.len(), n.kind))
            });
            found.is_some()
        });
        found
    }
}

/// Adds a candidate for every learned name in the document. A one-word
/// organization is not read behind `ب` or `ك`, as in the gazetteer
/// (`بحماس` is "with enthusiasm").
pub fn find(view: &View<'_, '_>, names: &LearnedNames, out: &mut Vec<NameCandidate>) {
    if names.is_empty() {
        return;
    }
    let starts = view.doc.tokens_where_word(|w| names.may_start(w));
    crate::recognize::walk(&starts, |i| {
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

    #[test]
    fn reads_names_kinds_and_comments() {
        let names = LearnedNames::new(
            "# comment\tplace\nالجزيرة\torg\nفيردر بريمن\torg\nقرطبة\tplace\nسطر\tother\nبلا عمود\n",
        );
        assert_eq!(
            names.len(),
            3,
            "comments, unknown kinds and short lines are skipped"
        );
        // Search-normalized: ة is folded to ه.
        assert_eq!(
            names.starting_with("الجزيره")[0].kind,
            EntityKind::Organization
        );
        assert_eq!(names.starting_with("قرطبه")[0].kind, EntityKind::Location);
        assert_eq!(names.starting_with("فيردر")[0].rest, ["بريمن"]);
        assert!(names.starting_with("سطر").is_empty());
        assert!(names.may_start("للجزيره"), "ل + the article written لل");
        assert!(names.may_start("وقرطبه"));
        assert!(!names.may_start("الجزير"));
    }

    #[test]
    fn longest_name_first() {
        let names = LearnedNames::new("منتخب\torg\nمنتخب البرتغال\torg\n");
        assert_eq!(names.starting_with("منتخب")[0].rest, ["البرتغال"]);
    }

    #[test]
    fn shipped_table_is_read() {
        let names = LearnedNames::default();
        assert!(names.len() > 50, "{}", names.len());
        assert!(!names.starting_with("فولكسفاغن").is_empty());
    }
}
