//! Gazetteer matches: countries, regions and cities (generated from Unicode
//! CLDR by `scripts/gen-gazetteer.py`) and known organizations (a curated
//! table), and a few well-known people, read with and without attached
//! clitics (`بالرياض` → `الرياض`). A one-word organization is not read
//! behind `ب` or `ك` (`بحماس` is "with enthusiasm").

use super::lexicon::PhraseKind;
use super::{NameCandidate, Source, View};
use crate::entity::{EntityKind, Value};

/// Confidence of a gazetteer match.
pub const CONFIDENCE: f32 = 0.9;

/// Adds a candidate for every gazetteer phrase in the document.
pub fn find(view: &View<'_, '_>, out: &mut Vec<NameCandidate>) {
    let mut i = 0;
    while i < view.len() {
        if view.word(i).is_none() {
            i += 1;
            continue;
        }
        let found = view.phrase_at(i, true, |k| {
            matches!(
                k,
                PhraseKind::Place { .. } | PhraseKind::Organization | PhraseKind::Person
            )
        });
        let glued_preposition =
            |skip: usize| skip > 0 && view.word(i).is_some_and(|w| w.starts_with(['ب', 'ك']));
        let found = found.filter(|&(skip, last, kind)| {
            !(*kind == PhraseKind::Organization && last == i && glued_preposition(skip))
        });
        match found {
            Some((skip, last, kind)) => {
                let (kind, value) = match kind {
                    PhraseKind::Place { country } => (
                        EntityKind::Location,
                        Value::Location {
                            country: country.clone(),
                        },
                    ),
                    PhraseKind::Person => (
                        EntityKind::Person,
                        Value::Person {
                            title: None,
                            role: None,
                        },
                    ),
                    _ => (EntityKind::Organization, Value::Empty {}),
                };
                out.push(NameCandidate {
                    kind,
                    first: i,
                    last,
                    skip,
                    value,
                    source: Source::Gazetteer,
                    confidence: CONFIDENCE,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
}
