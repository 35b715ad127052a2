//! Gazetteer matches: countries, regions and cities (generated from Unicode
//! CLDR by `scripts/gen-gazetteer.py`) and known organizations (a curated
//! table), and a few well-known people, read with and without attached
//! clitics (`بالرياض` → `الرياض`). A one-word organization is not read
//! behind `ب` or `ك` (`بحماس` is "with enthusiasm").

use super::clitics;
use super::lexicon::{flag, PhraseKind};
use super::{NameCandidate, Source, StartCursor, View};
use crate::entity::{EntityKind, Value};

/// Confidence of a gazetteer match.
pub const CONFIDENCE: f32 = 0.9;

/// Demonstratives, search-normalized.
const DEMONSTRATIVES: [&str; 5] = ["هذه", "هذا", "تلك", "ذلك", "هولاء"];

/// True when a definite word at token `i` follows a demonstrative: a common
/// noun (`هذه الإمارات` "these emirates"), not the place of that name.
fn after_demonstrative(view: &View<'_, '_>, i: usize) -> bool {
    i > 0
        && view.free_word(i).is_some_and(|w| w.starts_with("ال"))
        && view
            .word(i - 1)
            .is_some_and(|p| DEMONSTRATIVES.contains(&p))
}

/// True when the name `first..=last` stands alone between quotation marks
/// (`« الشرق الأوسط »`, `صحيفة " القدس "`): in news, mostly the title of a
/// newspaper named after a place (ANERcorp tags 11 such of 16 as organizations,
/// 4 as the place), not the place.
fn quoted(view: &View<'_, '_>, first: usize, last: usize) -> bool {
    let opens = first > 0 && (view.punct(first - 1, "\"") || view.punct(first - 1, "«"));
    opens && (view.punct(last + 1, "\"") || view.punct(last + 1, "»"))
}

/// True when the company at token `i` (clitic bytes `skip`) is followed by a
/// product's name (`مايكروسوفت ويندوز`, `أبل ليزا`): the pair names the
/// product, not the company. A product's name is a word right after it
/// (`وورد` keeps its `و`) without the article or a glued preposition (`للباحثين`) that starts no known phrase
/// and is no function word, common word, person's name or verb
/// (`مايكروسوفت أعلنت`).
fn names_product(view: &View<'_, '_>, i: usize, skip: usize) -> bool {
    let company = view
        .word(i)
        .is_some_and(|w| view.lex.is(&w[skip..], flag::COMPANY));
    company
        && !view.line_start(i + 1)
        && !view.starts_name(i + 1)
        && view.free_word(i + 1).is_some_and(|w| {
            w.chars().count() >= 3
                && w.chars().all(super::is_alphabetic)
                && !w.starts_with("ال")
                && (!w.starts_with(['ب', 'ل']) || w.chars().count() < 5)
                && !view
                    .lex
                    .is(w, flag::STOP | flag::COMMON_WORD | flag::PERSON_NAME)
                && !super::person::looks_like_verb(w)
        })
}

/// Adds a candidate for every gazetteer phrase in the document.
pub fn find(view: &View<'_, '_>, out: &mut Vec<NameCandidate>) {
    let mut i = 0;
    // Without a phrase starting at a token nothing below adds a candidate.
    let mut starts = StartCursor::new(&view.starts().gazetteer);
    while let Some(k) = starts.next_from(i) {
        i = k;
        let found = view.phrase_at(i, true, |k| {
            matches!(
                k,
                PhraseKind::Place { .. } | PhraseKind::Organization | PhraseKind::Person
            )
        });
        let glued_preposition =
            |skip: usize| skip > 0 && view.word(i).is_some_and(|w| w.starts_with(['ب', 'ك']));
        // `كرة القدم السعودية`: a place name that is also a demonym, after a
        // definite word, is that word's adjective.
        let adjective = |skip: usize| {
            skip == 0
                && i > 0
                && view.lex.demonym(view.word(i).unwrap_or("")).is_some()
                && view.free_word(i).is_some()
                && view
                    .word(i - 1)
                    .is_some_and(|p| p.starts_with("ال") && !view.lex.is(p, flag::STOP))
        };
        let found = found.filter(|&(skip, last, kind)| {
            let one_word = last == i;
            let organization_behind_preposition =
                *kind == PhraseKind::Organization && glued_preposition(skip);
            // `ميناء ليفربول`, `مدينة ليفربول`: after a place head, a club
            // named after its city is the city.
            let organization_after_place_head = *kind == PhraseKind::Organization
                && i > 0
                && super::organization::place_head_at(view, i - 1)
                    .is_some_and(|(_, article)| !article);
            !(one_word
                && (organization_behind_preposition
                    || organization_after_place_head
                    || adjective(skip)
                    || after_demonstrative(view, i)
                    || names_product(view, i, skip)))
        });
        // The word before a place may change what it is (`منتخب`, `كأس`, `جمهورية`).
        let before = if found.is_some() {
            super::organization::flags_before(
                view,
                i,
                flag::BEFORE_PLACE_TEAM | flag::BEFORE_PLACE_EVENT | flag::BEFORE_PLACE_PART,
            )
        } else {
            0
        };
        match found {
            // `كأس الاتحاد الإفريقي`, `بطولة مجلس التعاون`: part of an event's name.
            Some((0, last, PhraseKind::Organization)) if before & flag::BEFORE_PLACE_EVENT != 0 => {
                i = last + 1;
            }
            Some((skip, last, PhraseKind::Place { country })) if before != 0 && skip == 0 => {
                if before & flag::BEFORE_PLACE_EVENT == 0 {
                    let mut prefix = 0;
                    clitics::for_each_reading(view.word(i - 1).unwrap_or(""), |s, bare| {
                        prefix = s;
                        view.lex.flags(bare) & before != 0
                    });
                    let team = before & flag::BEFORE_PLACE_TEAM != 0;
                    // `جمهورية مصر العربية`: a relational adjective closes the name.
                    let last = match view.free_word(last + 1) {
                        Some(w) if !team && view.lex.is(w, flag::ADJECTIVE) => last + 1,
                        _ => last,
                    };
                    out.push(NameCandidate {
                        kind: if team {
                            EntityKind::Organization
                        } else {
                            EntityKind::Location
                        },
                        first: i - 1,
                        last,
                        skip: prefix,
                        value: if team {
                            Value::Empty {}
                        } else {
                            Value::Location {
                                country: country.clone(),
                            }
                        },
                        source: Source::Gazetteer,
                        confidence: CONFIDENCE,
                    });
                }
                i = last + 1;
            }
            Some((skip, last, kind)) => {
                let (kind, value) = match kind {
                    // `« الشرق الأوسط »`: a newspaper named after a place.
                    PhraseKind::Place { .. } if quoted(view, i, last) => {
                        (EntityKind::Organization, Value::Empty {})
                    }
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
