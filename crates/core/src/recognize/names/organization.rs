//! Organizations named by a head word (`لجنة`, `مجلس`, `وزارة`, `حزب` ...)
//! and the genitive and adjective chain that belongs to the name:
//! `لجنة الحزب الإقليمية`, `اللجنة الشعبية الإقليمية`, `جبهة الوطن الفيتنامية`,
//! `اللجنة الدائمة للحزب الإقليمي`, `لجنة حزب مدينة نينه بينه`. The chain stops
//! at a conjunction, a preposition, punctuation, an indefinite word or a
//! word that follows names without belonging to them (`السابق`, `التابعة`).

use super::lexicon::{flag, PhraseKind};
use super::{clitics, NameCandidate, Source, StartCursor, View};
use crate::entity::{EntityKind, Value};

/// Confidence of an organization found by its head word.
pub const CONFIDENCE: f32 = 0.75;

/// Longest chain, in tokens after the head.
const MAX_CHAIN: usize = 9;

/// How an organization head reads at token `i`: `(clitic bytes, has article)`.
fn head_at(view: &View<'_, '_>, i: usize, bits: u32) -> Option<(usize, bool)> {
    if !view.may_have(i, bits) {
        return None;
    }
    view.free_word(i)
        .or_else(|| view.word(i).filter(|_| i == 0))?;
    view.known_readings(i).iter().find_map(|r| {
        if r.flags() & bits != 0 {
            Some((r.skip, false))
        } else {
            (r.stem_flags() & bits != 0).then_some((r.skip, true))
        }
    })
}

/// Extends the chain of a name whose head is token `head`; returns the last
/// token of the name (`head` itself when nothing follows that belongs to it).
pub fn extend_chain(view: &View<'_, '_>, head: usize) -> usize {
    let lex = view.lex;
    let mut last = head;
    let mut j = head + 1;
    // After a definite word, another definite word can only be its adjective
    // (`اللجنة الشعبية`), never a genitive (`اللجنة الجهات`).
    let mut definite = view.word(head).is_some_and(|w| reads_definite(view, w));
    // An office takes a nominalized nisba as its complement (`وزير
    // الخارجية`, `وزير المالية`): only an organization head is checked.
    let head_masculine =
        view.word(head).is_some_and(|w| !w.ends_with('ه')) && !view.word_is(head, flag::OFFICE);
    // The last word taken is a definite genitive (`المحاكاة` of `مجلس المحاكاة`).
    let mut genitive = false;
    while j <= head + MAX_CHAIN {
        let after_genitive = std::mem::take(&mut genitive);
        let Some(w) = view.free_word(j) else { break };
        if view.word_is(j, flag::STOP) {
            break;
        }
        // A known place or organization inside the chain (`جامعة القاهرة`).
        if !definite {
            if let Some((0, end, _)) = view.phrase_at(j, false, is_place_or_organization) {
                last = end;
                j = end + 1;
                definite = true;
                continue;
            }
        }
        if let Some(stem) = clitics::split_article(w) {
            // A Latin name behind the Arabic article (`منظمة الFIFA`) is written
            // apart from the chain; the corpora tag it alone, if at all.
            if lex.is(stem, flag::STOP)
                || view.word_is(j, flag::OFFICE)
                || stem.bytes().any(|b| b.is_ascii_alphabetic())
            {
                break;
            }
            // Named after a person: `جامعة الملك فهد`, `مستشفى الملك عبدالعزيز`.
            if !definite && view.is_title_word(w) {
                if let Some(end) = super::person::name_run(view, j + 1, 3)
                    .and_then(|end| name_before_place(view, j + 1, end))
                {
                    last = end;
                    j = end + 1;
                    definite = true;
                    continue;
                }
            }
            // A person's title after the name starts another phrase
            // (`اللجنة المحلية للانتخابات [المهندس] عادل`, `حزب الوفد [المستشار]`);
            // a nisba that is also a title is the name's adjective
            // (`مؤسسة اليمامة الصحفية`).
            if definite && is_person_title(view, w) {
                break;
            }
            // An ordinal after the name is no part of it (`المكتب السياسي
            // الثاني عشر`): leave it to the ordinal recognizer.
            if crate::recognize::number_words::ordinal_at(view.doc, j).is_some() {
                break;
            }
            // A known place (or organization) of masculine nisba shape is no adjective (`اتحاد
            // كرة القدم العالمي [الأورغواي]`); `السعودية` after a feminine
            // or plural noun is (`الخطوط السعودية`).
            let adjective = is_adjective(view, w)
                && !(definite
                    && w.ends_with('ي')
                    && view.phrase_at(j, false, is_place_or_organization).is_some());
            if (definite && !adjective) || DESCRIPTIONS.contains(&w) {
                break;
            }
            // A feminine adjective right after a masculine head belongs to
            // the noun before it (`لجان الحزب القاعدية`).
            if j == head + 1 && head_masculine && adjective && w.ends_with("يه") {
                break;
            }
            // After an indefinite word, a definite one is its genitive.
            genitive = !definite;
            definite = true;
            last = j;
            j += 1;
            continue;
        }
        // The genitive with `ل`: `للحزب` (definite), `لهيئة`, `للجنة` (construct).
        if let Some(rest) = w.strip_prefix('ل') {
            let stem = rest.strip_prefix('ل').unwrap_or(rest);
            // `وزارة الصحة الفلسطينية [لوكالة] فرانس برس`: a complete name
            // before `ل` + `وكالة` tells a news agency (the dative of
            // `قال لوكالة`), not its own genitive; an office goes on
            // (`المدير العام لوكالة الأنباء`).
            if rest == "وكاله" && definite && !view.word_is(head, flag::OFFICE) {
                break;
            }
            if lex.is(rest, flag::ORG_HEAD | flag::PLACE_HEAD) {
                definite = false;
                last = j;
                j += 1;
                continue;
            }
            if lex.is(stem, flag::ORG_HEAD | flag::PLACE_HEAD) {
                definite = true;
                last = j;
                j += 1;
                continue;
            }
            // `للملكية الفكرية`: a definite genitive with its adjective.
            let next_is_adjective = view.free_word(j + 1).is_some_and(|n| {
                n.starts_with("ال") && is_adjective(view, n) && !is_person_title(view, n)
            });
            if rest.starts_with('ل')
                && next_is_adjective
                && !lex.is(w, flag::STOP)
                && !view.word_is(j + 1, flag::STOP)
            {
                last = j + 1;
                j += 2;
                definite = true;
                continue;
            }
        }
        // Construct chain of head words: `لجنة حزب مدينة نينه بينه`, and
        // of offices: `نائب أمين اللجنة`.
        if !definite
            && (lex.is(w, flag::ORG_HEAD)
                || (last == j - 1
                    && lex.is(w, flag::OFFICE)
                    && lex.is(view.word(j - 1).unwrap_or(""), flag::OFFICE)))
        {
            last = j;
            j += 1;
            continue;
        }
        if !definite && lex.is(w, flag::PLACE_HEAD) {
            let run = proper_run(view, j + 1, 3);
            if run == j {
                // An indefinite place word needs a definite complement.
                if clitics::split_article(view.free_word(j + 1).unwrap_or("")).is_some() {
                    last = j;
                    j += 1;
                    continue;
                }
                break;
            }
            last = run;
            j = run + 1;
            definite = true;
            continue;
        }
        // A sport after a federation: `اتحاد [كرة القدم]`, `مجلس اتحاد [كرة القدم] الدولية`.
        if !definite && is_ball_game(view, j) {
            last = j + 1;
            j += 2;
            definite = true;
            continue;
        }
        if after_genitive && last == j - 1 && coordinated_genitive(view, head, j) {
            last = j + 1;
            j += 2;
            continue;
        }
        break;
    }
    last
}

/// True when token `j`, after a definite genitive of the chain (no head
/// word: `لجنة الحزب [والنظام السياسي]` joins two bodies), is `و` + a
/// definite noun followed by a nisba adjective that closes the name: a
/// second genitive joined to the first (`مجلس المحاكاة [والمكافأة الإقليمي]`,
/// `لجنة الدعاية [والتعبئة الجماهيرية]`, `وزارة الزراعة [والثروة السمكية]`).
/// Without the adjective, `و` starts a new phrase (`مجلس الأمن والجمعية`), as
/// it does before a head word (`مجلس الشعب [واللجنة الشعبية الإقليمية]`) or
/// a plural (`جبهة الوطن [والمنظمات الاجتماعية]`);
/// after a club (`نادي النصر والاتفاق السعودي`) it joins two names.
fn coordinated_genitive(view: &View<'_, '_>, head: usize, j: usize) -> bool {
    if head_at(view, head, flag::ORG_HEAD_OUTSIDE).is_some() {
        return false;
    }
    let Some(noun) = view
        .free_word(j)
        .and_then(|w| w.strip_prefix('و'))
        .and_then(clitics::split_article)
    else {
        return false;
    };
    let previous_is_head = view
        .free_word(j - 1)
        .and_then(clitics::split_article)
        .is_some_and(|stem| view.lex.is(stem, flag::ORG_HEAD | flag::PLACE_HEAD));
    let adjective_follows = view
        .free_word(j + 1)
        .and_then(clitics::split_article)
        .is_some_and(is_nisba);
    !previous_is_head
        && adjective_follows
        && !is_nisba(noun)
        && !noun.ends_with("ات")
        && !view.lex.is(
            noun,
            flag::STOP | flag::ORG_HEAD | flag::PLACE_HEAD | flag::OFFICE | flag::ADJECTIVE,
        )
        && view.phrase_at(j, true, is_place_or_organization).is_none()
}

/// True when the definite word `w` is a person's title that is no nisba
/// (`المهندس`, `المستشار`; not `الصحفية`, also an adjective).
fn is_person_title(view: &View<'_, '_>, w: &str) -> bool {
    view.is_title_word(w) && !clitics::split_article(w).is_some_and(is_nisba)
}

/// True when `stem` (without the article) ends like a relational adjective
/// (nisba): `السياسي`, `الإقليمية`.
fn is_nisba(stem: &str) -> bool {
    stem.ends_with('ي') || stem.ends_with("يه")
}

/// Games played with a ball, search-normalized: the genitive of `كرة` in
/// the name of a federation or team (`اتحاد كرة القدم`).
pub(super) const BALL_GAMES: [&str; 4] = ["القدم", "السله", "اليد", "الطاءره"];

/// True when tokens `j`, `j + 1` read `كرة` + a ball game (`كرة القدم`).
fn is_ball_game(view: &View<'_, '_>, j: usize) -> bool {
    view.free_word(j) == Some("كره")
        && view
            .free_word(j + 1)
            .is_some_and(|w| BALL_GAMES.contains(&w))
}

/// The last token of the person's name `from..=end` inside an organization's
/// chain, cut before a word with a glued `ب` ("in") that the person-name
/// table does not know (`مستشفى الملك فهد [بتبوك]` is the hospital in Tabuk;
/// `بندر` is a name). `None` when no word of the name is left.
fn name_before_place(view: &View<'_, '_>, from: usize, end: usize) -> Option<usize> {
    for t in from..=end {
        let w = view.word(t).unwrap_or("");
        if w.starts_with('ب') && w.chars().count() >= 4 && !view.lex.is(w, flag::PERSON_NAME) {
            return t.checked_sub(1).filter(|&last| last >= from);
        }
    }
    Some(end)
}

/// Participles, search-normalized, that describe an organization after its
/// name without belonging to it (`جبهة الخلاص الوطني [المتمردة]`,
/// `اتحاد المحاكم الإسلامية [المدججة] بالسلاح`, `الحزب [الحاكم]`).
const DESCRIPTIONS: [&str; 14] = [
    "المتمرده",
    "المتمرد",
    "المعارضه",
    "المعارض",
    "الحاكم",
    "الحاكمه",
    "المسلحه",
    "المسلح",
    "المدججه",
    "المحظوره",
    "المحظور",
    "المنحله",
    "المنحل",
    "المتشدده",
];

/// A known place or organization (one function, so that the generic
/// [`View::phrase_at`] is compiled once for all its callers here).
pub(super) fn is_place_or_organization(k: &PhraseKind) -> bool {
    matches!(k, PhraseKind::Place { .. } | PhraseKind::Organization)
}

/// A known place (see [`is_place_or_organization`]).
pub(super) fn is_place(k: &PhraseKind) -> bool {
    matches!(k, PhraseKind::Place { .. })
}

/// A known title (see [`is_place_or_organization`]).
pub(super) fn is_title(k: &PhraseKind) -> bool {
    *k == PhraseKind::Title
}

/// A known organization (see [`is_place_or_organization`]).
fn is_organization(k: &PhraseKind) -> bool {
    *k == PhraseKind::Organization
}

/// True when a head word carries the article, behind its clitics:
/// `اللجنة`, `واللجنة`, `بالمجلس`, `للمجلس` (but `للجنة` is `ل` + `لجنة`).
fn reads_definite(view: &View<'_, '_>, w: &str) -> bool {
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    if w.starts_with("ال") || w.starts_with("بال") || w.starts_with("كال") {
        return true;
    }
    w.strip_prefix('ل').is_some_and(|rest| {
        rest.starts_with('ل') && !view.lex.is(rest, flag::ORG_HEAD | flag::PLACE_HEAD)
    })
}

/// True for a definite word that reads as an adjective: a nisba (`الإقليمية`,
/// `السياسي`), a participle (`المتحدة`, `الدائمة`), a listed adjective or a demonym.
fn is_adjective(view: &View<'_, '_>, w: &str) -> bool {
    let stem = w.strip_prefix("ال").unwrap_or(w);
    view.lex.is(w, flag::ADJECTIVE)
        || view.lex.demonym(w).is_some()
        || stem.ends_with('ي')
        || stem.ends_with("يه")
        || (stem.starts_with('م') && stem.chars().count() >= 5)
}

/// The last token of a run of up to `max` proper-name words starting at
/// `from` (no article); `from - 1` when there is none.
/// After the first, the words must be short (transliterated syllables, five
/// letters at most), on the same line and not ending in `ة` (except the
/// `nh` of `نينه`): a longer word is more likely an Arabic noun
/// (`مقاطعة كوانغ نينه مؤتمرًا`, `منطقة كيم سون خطة`). Nor can they be a
/// word that follows a place name without belonging to it: a compass word
/// (`بورتسودان [شرق] البلاد`), a verb (`خراسان [يعطيك]`) or a common word of
/// the learned table (`طوكر [أكبر]`, `خراسان [تصدر]`), except a syllable
/// ending in `ه` (`بينه`). A short word ending in `ا` is no verb here:
/// village names end so (`كفر سابا`, `بيت نبالا`).
pub fn proper_run(view: &View<'_, '_>, from: usize, max: usize) -> usize {
    let mut last = from - 1;
    while last + 1 < from + max && view.is_name_word(last + 1, false) {
        let next = last + 1;
        let word = view.word(next).unwrap_or("");
        let n = word.chars().count();
        let feminine = word.ends_with('ه') && !word.ends_with("نه");
        let syllable = n <= 4 && word.ends_with('ه');
        if next > from
            && (view.line_start(next)
                || n > 5
                || feminine
                || is_compass_word(word)
                || (super::person::looks_like_verb(word) && !(n < 5 && word.ends_with('ا')))
                || (!syllable && view.lex.is(word, flag::COMMON_WORD)))
        {
            break;
        }
        last = next;
    }
    last
}

/// Compass words, search-normalized: they place a name relative to another
/// (`رفح جنوب قطاع غزة`); ANERcorp, a news corpus, leaves them outside the place.
const COMPASS_WORDS: [&str; 9] = [
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
];

/// True when `w` is a compass word, bare or behind `و`, `ب` (`بشمال`).
pub fn is_compass_word(w: &str) -> bool {
    let bare = w.strip_prefix(['و', 'ب']).unwrap_or(w);
    COMPASS_WORDS.contains(&w) || COMPASS_WORDS.contains(&bare)
}

/// True when the chain `from..=last` holds a strong organization head
/// (`الحزب` of `لجنة الحزب الإقليمية`), a known organization or the
/// title of a person it is named after (`مستشفى الملك عبدالعزيز`).
fn has_strong_head(view: &View<'_, '_>, from: usize, last: usize) -> bool {
    let personal_office = is_personal_office(view, from - 1);
    (from..=last).any(|j| {
        (!personal_office && view.word(j).is_some_and(|w| view.is_title_word(w)))
            || (head_at(view, j, flag::ORG_HEAD).is_some()
                && head_at(view, j, flag::WEAK_ORG_HEAD).is_none())
            || view.phrase_at(j, true, is_organization).is_some()
    })
}

/// Heads, search-normalized, whose genitive of a person's title names that
/// person's office, not an institution named after the person
/// (`مكتب الرئيس`, `مكتب الشيخ محمد يزبك`; but `مستشفى الملك فهد`).
const PERSONAL_OFFICES: [&str; 1] = ["مكتب"];

/// True when the head at token `head` is one of [`PERSONAL_OFFICES`],
/// behind its clitics and article.
fn is_personal_office(view: &View<'_, '_>, head: usize) -> bool {
    let (Some(w), Some((skip, article))) = (view.word(head), head_at(view, head, flag::ORG_HEAD))
    else {
        return false;
    };
    let bare = &w[skip..];
    let stem = if article {
        clitics::split_article(bare).unwrap_or(bare)
    } else {
        bare
    };
    PERSONAL_OFFICES.contains(&stem)
}

/// True when the name ending at `last` is followed by `التابعة ل` + an
/// organization head (`لجنة التفتيش التابعة للجنة الحزب`): a body of a body.
fn attached_to_body(view: &View<'_, '_>, last: usize) -> bool {
    view.word(last + 1)
        .is_some_and(|w| view.lex.is(w, flag::ORG_ATTACHMENT))
        && view.word(last + 2).is_some_and(|w| w.starts_with('ل'))
        && head_at(view, last + 2, flag::ORG_HEAD).is_some()
}

/// True when a word of `from..=last` names the level or role of a governing
/// body (`الشعبية`, `السياسي`, `الشعب`: `names-org-qualifiers.txt`), so that a
/// weak head's chain is one body's name (`المكتب السياسي`, `مجلس الشعب`).
fn has_qualifier(view: &View<'_, '_>, from: usize, last: usize) -> bool {
    (from..=last).any(|j| {
        view.word(j)
            .is_some_and(|w| view.lex.is(w, flag::ORG_QUALIFIER))
    })
}

/// True when every word of `from..=last` is a definite adjective: the
/// chain describes its head (`النادي الإسباني`, `المحكمة العليا`) rather
/// than naming it; the corpora tag such phrases as names in about a third
/// of the cases, mostly the well-known ones the gazetteer lists
/// (`الاتحاد الأوروبي`).
fn only_adjectives(view: &View<'_, '_>, from: usize, last: usize) -> bool {
    (from..=last).all(|j| {
        view.free_word(j)
            .is_some_and(|w| w.starts_with("ال") && is_adjective(view, w))
    })
}

/// True when the chain `from..=last` is exactly one known organization
/// without a head word of its own: a weak head before it is a common noun
/// that introduces the name and stays outside it, as the corpora annotate
/// (`صحيفة [نيويورك تايمز]`, `شركة [مايكروسوفت]`, `مفوضية [الأمم المتحدة]`);
/// the gazetteer reports the name. Before a headed name the weak head names
/// a body of it (`لجنة جبهة الوطن الفيتنامية`); a strong head belongs to
/// the name (`منظمة أوبك`).
fn names_known_organization(view: &View<'_, '_>, from: usize, last: usize) -> bool {
    head_at(view, from, flag::ORG_HEAD).is_none()
        && view
            .phrase_at(from, false, is_organization)
            .is_some_and(|(_, end, _)| end == last)
}

/// Adds a candidate for each organization head word followed by its chain.
/// A weak head (`وزارة`, `لجنة`) needs a strong head or a known organization
/// in its chain; a definite head followed by adjectives only is left out.
pub fn find(view: &View<'_, '_>, out: &mut Vec<NameCandidate>) {
    let mut i = 0;
    let mut starts = StartCursor::new(&view.starts().organization);
    while let Some(k) = starts.next_from(i) {
        i = k;
        let Some((skip, article)) = head_at(view, i, flag::ORG_HEAD) else {
            i += 1;
            continue;
        };
        let last = extend_chain(view, i);
        // `بطولة درع [اتحاد كرة القدم]`: part of a competition's name.
        if last > i
            && after_event_word(view, i)
            && head_at(view, i, flag::ORG_HEAD_OUTSIDE).is_none()
        {
            i = last + 1;
            continue;
        }
        let weak = head_at(view, i, flag::WEAK_ORG_HEAD).is_some();
        let qualified = has_qualifier(view, i + 1, last) || attached_to_body(view, last);
        let reported = last > i
            && !starts_with_prepositional_phrase(view, i + 1)
            && !(weak && names_known_organization(view, i + 1, last))
            && (!weak || qualified || has_strong_head(view, i + 1, last))
            && !(article && !qualified && only_adjectives(view, i + 1, last));
        if reported {
            // `نادي [مانشستر يونايتد] الإنجليزي`: the head and an adjective after the name stay outside.
            let (first, skip, last) = if head_at(view, i, flag::ORG_HEAD_OUTSIDE).is_some() {
                let demonym_last = last > i + 1
                    && view
                        .word(last)
                        .is_some_and(|w| w.starts_with("ال") && is_adjective(view, w));
                (i + 1, 0, if demonym_last { last - 1 } else { last })
            } else {
                (i, skip, last)
            };
            out.push(NameCandidate {
                kind: EntityKind::Organization,
                first,
                last,
                skip,
                value: Value::Empty {},
                source: Source::HeadWord,
                confidence: CONFIDENCE,
            });
            i = last + 1;
        } else if last > i {
            i = last + 1;
        } else {
            i += 1;
        }
    }
}

/// True when the chain starts at token `j` with `ل` + a definite noun: the
/// head is followed by a prepositional phrase, not by its name (`منظمة
/// [للجهود الأهلية]` "an organization for ...", `وكيل الجامعة [للشؤون
/// التعليمية]` "the university's vice-president for ..."); names put an
/// adjective first (`المنظمة العالمية للملكية الفكرية`).
fn starts_with_prepositional_phrase(view: &View<'_, '_>, j: usize) -> bool {
    view.free_word(j).is_some_and(|w| {
        w.strip_prefix("لل")
            .is_some_and(|rest| !view.lex.is(rest, flag::ORG_HEAD | flag::PLACE_HEAD))
    })
}

/// The bits of `mask` that the word before token `i` carries, read behind
/// its clitics (`بطولة`, `لمنتخب`), when it stands right before `i` (a
/// space between): the context words of `names-place-context.tsv`.
pub(super) fn flags_before(view: &View<'_, '_>, i: usize, mask: u32) -> u32 {
    if i == 0 || !view.doc.tokens[i].space_before {
        return 0;
    }
    view.known_readings(i - 1)
        .iter()
        .map(|r| r.flags() & mask)
        .find(|&bits| bits != 0)
        .unwrap_or(0)
}

/// True when the word before token `i` names a competition or an event
/// (`كأس`, `بطولة`, `درع`: `event` rows of `names-place-context.tsv`), so
/// that the name at `i` is part of the event's name, as the gazetteer reads
/// known organizations (`كأس الاتحاد الإفريقي`).
pub(super) fn after_event_word(view: &View<'_, '_>, i: usize) -> bool {
    flags_before(view, i, flag::BEFORE_PLACE_EVENT) != 0
}

/// Head word test for the place rule (shared so both rules read clitics alike).
pub(super) fn place_head_at(view: &View<'_, '_>, i: usize) -> Option<(usize, bool)> {
    head_at(view, i, flag::PLACE_HEAD)
}
