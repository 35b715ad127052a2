//! Places named by a head word (`مقاطعة`, `مدينة`, `منطقة`, `محافظة` ...)
//! and a proper name after it: `مقاطعة كوانغ نينه`, `مدينة نينه بينه`,
//! `منطقة ين خانه`. The place is the name after the head, without it
//! (`مدينة [مشهد]`, `مقاطعة [كوانغ نينه]`), as ANERcorp and AQMAR annotate
//! places: of 121 places after `مدينة`, `منطقة`, `محافظة` in both corpora,
//! 11 matched the annotation with the head kept, 82 without it. Before a place the gazetteer knows
//! (`مدينة باريس`) the gazetteer's candidate is left alone.

use super::lexicon::flag;
use super::organization::{is_compass_word, is_place, place_head_at, proper_run};
use super::{NameCandidate, Source, StartCursor, View};
use crate::entity::{EntityKind, Value};

/// Confidence of a place found by its head word.
pub const CONFIDENCE: f32 = 0.75;

/// Longest proper name after a place head, in words.
const MAX_NAME_WORDS: usize = 3;

/// Words that begin a place name and call for the word after them
/// (`سان فرانسيسكو`, `دير الزور`): one a line, search-normalized.
const PLACE_PARTICLES: &str = data_table!(include_str!("../../../data/names-place-particles.txt"));

/// True when `word` is one of [`PLACE_PARTICLES`].
fn is_place_particle(word: &str) -> bool {
    PLACE_PARTICLES.lines().any(|p| p == word)
}

/// The last token of a place name after a head word, starting at `from`:
/// the run of [`proper_run`], and after a word of [`PLACE_PARTICLES`] the
/// word that follows it whatever its length or article (`نيو [أورليانز]`,
/// `دير [الزور]`), when it is a name word on the same line.
fn place_name_end(view: &View<'_, '_>, from: usize) -> usize {
    let mut last = proper_run(view, from, MAX_NAME_WORDS);
    while last >= from
        && last + 1 < from + MAX_NAME_WORDS + 1
        && view.word(last).is_some_and(is_place_particle)
        && !view.line_start(last + 1)
        && view.is_name_word(last + 1, true)
        && !view
            .free_word(last + 1)
            .is_some_and(|w| super::person::looks_like_verb(w) && w.starts_with('ي'))
    {
        last += 1;
    }
    last
}

/// True when the word after a place head can start its name: not an
/// Arabic feminine noun or adjective (`مدينة مأهولة`, `ولاية تابعة`: a
/// final `ة`, except the `nh` of transliterations, `نينه`), no hamza
/// (`منطقة جزاء`), no verb (`منطقة تسمى`), no noun behind the preposition
/// `ك` (`قرية كقرى`: a `ك` before a consonant; transliterations write a
/// vowel after it, `كوانغ`, `كيم`).
fn looks_like_place_name(w: &str) -> bool {
    let feminine = w.ends_with('ه') && !(w.ends_with("نه") && w.chars().count() <= 5);
    let mut chars = w.chars();
    let behind_ka = chars.next() == Some('ك')
        && chars.next().is_some_and(|c| !matches!(c, 'ا' | 'و' | 'ي'))
        && w.chars().count() >= 4;
    // A final `ا` after a consonant transliterates a vowel (`جاوا`, `سومطرا`,
    // `كالاماتا`); the verbs' `ا` follows `و` (`قالوا`) or ends a dual, and
    // `ها` of five letters or more is a pronoun (`منطقة مساحتها`).
    let pronoun = w.ends_with("ها") && w.chars().count() >= 5;
    let vowel = w.ends_with('ا') && !w.ends_with("وا") && !pronoun && !w.starts_with(['ي', 'ت']);
    let verb = super::person::looks_like_verb(w) && !vowel;
    !feminine && !behind_ka && !w.contains('ء') && !verb
}

/// True when token `i` follows a number: a counted head word is a common
/// noun (`12 بلدية تلبي المعايير`), not the start of a name.
fn counted(view: &View<'_, '_>, i: usize) -> bool {
    i > 0 && view.doc.tokens[i - 1].kind == crate::tokenize::TokenKind::Digits
}

/// True when the head word at token `i` carries the preposition `ك` ("as"):
/// `كميناء تجاري`, `كمنطقة جذب` describe what a place is, they name none.
fn behind_ka(view: &View<'_, '_>, i: usize, skip: usize) -> bool {
    skip > 0 && view.word(i).is_some_and(|w| w[..skip].ends_with('ك'))
}

/// Adds a candidate for each place head word followed by a proper name.
/// A name of one word is no common word of the learned table (`منطقة خط`,
/// `شارع مقفر`, `ميناء تجاري`); a longer one may start with a short one, a
/// transliterated syllable (`لاي تشاو`), not a longer one (`مطار دولي حديث`).
pub fn find(view: &View<'_, '_>, out: &mut Vec<NameCandidate>) {
    let mut i = 0;
    let mut starts = StartCursor::new(&view.starts().place);
    while let Some(k) = starts.next_from(i) {
        i = k;
        let Some((skip, article)) = place_head_at(view, i) else {
            i += 1;
            continue;
        };
        if article
            || behind_ka(view, i, skip)
            || counted(view, i)
            || view.phrase_at(i + 1, false, is_place).is_some()
        {
            i += 1;
            continue;
        }
        let last = place_name_end(view, i + 1);
        let first_word = view.word(i + 1).unwrap_or("");
        if last > i
            && looks_like_place_name(first_word)
            && !(view.lex.is(first_word, flag::COMMON_WORD)
                && (last == i + 1 || first_word.chars().count() > 3))
            && !is_compass_word(first_word)
        {
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
