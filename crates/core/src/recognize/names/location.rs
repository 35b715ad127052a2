//! Places named by a head word (`مقاطعة`, `مدينة`, `منطقة`, `محافظة` ...)
//! and a proper name after it: `مقاطعة كوانغ نينه`, `مدينة نينه بينه`,
//! `منطقة ين خانه`. The place is the name after the head, without it
//! (`مدينة [مشهد]`, `مقاطعة [كوانغ نينه]`), as ANERcorp and AQMAR annotate
//! places: with the head kept, 11 of 85 such places matched the annotation
//! on ANERcorp and AQMAR, without it 60. Before a place the gazetteer knows
//! (`مدينة باريس`) the gazetteer's candidate is left alone.

use super::lexicon::PhraseKind;
use super::organization::{place_head_at, proper_run};
use super::{NameCandidate, Source, View};
use crate::entity::{EntityKind, Value};

/// Confidence of a place found by its head word.
pub const CONFIDENCE: f32 = 0.75;

/// Longest proper name after a place head, in words.
const MAX_NAME_WORDS: usize = 3;

/// True when the word after a place head can start its name: not an
/// Arabic feminine noun or adjective (`مدينة مأهولة`, `ولاية تابعة`: a
/// final `ة`, except the `nh` of transliterations, `نينه`), no hamza
/// (`منطقة جزاء`), no verb (`منطقة تسمى`).
fn looks_like_place_name(w: &str) -> bool {
    let feminine = w.ends_with('ه') && !(w.ends_with("نه") && w.chars().count() <= 5);
    !feminine && !w.contains('ء') && !super::person::looks_like_verb(w)
}

/// Adds a candidate for each place head word followed by a proper name.
pub fn find(view: &View<'_, '_>, out: &mut Vec<NameCandidate>) {
    let mut i = 0;
    while i < view.len() {
        let Some((_, article)) = place_head_at(view, i) else {
            i += 1;
            continue;
        };
        if article
            || view
                .phrase_at(i + 1, false, |k| matches!(k, PhraseKind::Place { .. }))
                .is_some()
        {
            i += 1;
            continue;
        }
        let last = proper_run(view, i + 1, MAX_NAME_WORDS);
        if last > i && looks_like_place_name(view.word(i + 1).unwrap_or("")) {
            out.push(NameCandidate {
                kind: EntityKind::Location,
                first: i + 1,
                last,
                skip: 0,
                value: Value::Location { country: None },
                source: Source::HeadWord,
                confidence: CONFIDENCE,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
}
