//! People, found by the conventions of news writing:
//! - a title or an office before the name (`الرفيق لي هوو كوي`,
//!   `الرئيس الفرنسي إيمانويل ماكرون`, `رئيس لجنة الشؤون الداخلية ... لي هوو كوي`);
//! - the role stated after the name, behind a comma or a dash
//!   (`فو داي ثانغ، عضو اللجنة المركزية للحزب`);
//! - lists after `الرفاق:` (`تونغ ثانه هاي - عضو ...؛ لو فان هونغ - ...`);
//! - bylines (`المقال والصور: دوك نجيا`);
//! - later mentions of a name found by these rules.
//!
//! A name is a run of proper-name words (see [`View::is_name_word`]), with
//! particles (`بن`, `عبد`, `أبو`) inside and at most one word with the
//! article, which closes it (`بشار الأسد`).

use super::lexicon::{flag, FastMap};
use super::organization::{extend_chain, is_place, is_place_or_organization, is_title, BALL_GAMES};
use super::{clitics, NameCandidate, Source, StartCursor, View};
use crate::entity::{EntityKind, Value};
use crate::tokenize::TokenKind;

/// Confidence of a name after a title or office.
pub const TITLE_CONFIDENCE: f32 = 0.8;
/// Confidence of a name after a title that no clear boundary closes
/// (below [`super::MIN_CONFIDENCE`]: kept for a later tagger, not reported).
pub const UNBOUNDED_CONFIDENCE: f32 = 0.45;
/// Confidence of a name in a list or a byline.
pub const LIST_CONFIDENCE: f32 = 0.8;
/// Confidence of a later mention of a name found by the rules.
pub const REPEAT_CONFIDENCE: f32 = 0.7;
/// Confidence of a run of words of the learned person-name table.
pub const NAME_WORDS_CONFIDENCE: f32 = 0.7;
/// Confidence of a single word that the table knows as a name by itself.
pub const ALONE_CONFIDENCE: f32 = 0.6;

/// Confidence of the subject of a verb of saying.
pub const SPEECH_CONFIDENCE: f32 = 0.7;

/// Tokens around a name in full within which its family name alone names
/// the same person (about an article's length).
pub const SURNAME_REACH: usize = 1000;

/// Most name words in one name (particles not counted).
const MAX_NAME_WORDS: usize = 4;

/// A title or office before a name.
struct TitleMatch {
    /// Last token of the title (with its demonym and modifiers).
    last: usize,
    /// The honorific (`الرفيق`, `الرئيس الفرنسي`), normalized text.
    title: Option<String>,
    /// The office with its complement (`وزير الخارجية`), normalized text.
    role: Option<String>,
    /// A title that is also a plain noun (`الملك`, `وزير الخارجية`): a
    /// one-word name after it is too often no name (`الملك يعلم`,
    /// `اللاعب طعن`; 41 % right on ANERcorp): refused.
    weak: bool,
}

/// The title or office at token `i`, if any.
fn title_at(view: &View<'_, '_>, i: usize) -> Option<TitleMatch> {
    if !view.is_known(i) || !(view.may_have(i, flag::OFFICE) || view.starts_title(i)) {
        return None;
    }
    let (skip, mut last, is_office) =
        if let Some((skip, last, _)) = view.phrase_at(i, true, is_title) {
            (skip, last, false)
        } else {
            let skip = view
                .known_readings(i)
                .iter()
                .find(|r| r.flags() & flag::OFFICE != 0)?
                .skip;
            let last = extend_chain(view, i);
            // `رئيس اتحاد [كرة القدم]`, `مدرب نادي [مانشستر]`: a head word in
            // construct ends the office; what follows names the body.
            let head_in_construct = |k: usize| {
                view.free_word(k).is_some_and(|w| {
                    !w.starts_with("ال") && view.word_is(k, flag::ORG_HEAD | flag::PLACE_HEAD)
                })
            };
            let ends_at_head = head_in_construct(last);
            // `نائب رئيس نادي أرسنال الإنجليزي`: a head in construct before a
            // proper name (no article) inside the chain names the body too.
            let names_a_body = (i + 1..last).any(|k| {
                head_in_construct(k) && view.free_word(k + 1).is_some_and(|w| !w.starts_with("ال"))
            });
            if last == i || ends_at_head || names_a_body {
                return None;
            }
            (skip, last, true)
        };
    let core_last = last;
    // Demonyms and modifiers: `الرئيس الأمريكي السابق`.
    while let Some(w) = view.free_word(last + 1) {
        let is_demonym = w.starts_with("ال") && view.lex.demonym(w).is_some();
        if is_demonym || view.word_is(last + 1, flag::MODIFIER) {
            last += 1;
        } else {
            break;
        }
    }
    // Offices and multi-word titles are weak too: `رئيس الحكومة أطلق`.
    let weak = is_office
        || core_last > i
        || view
            .known_readings(i)
            .iter()
            .any(|r| r.flags() & flag::WEAK_TITLE != 0);
    let start = view.span(i, i, skip).start;
    // `للرئيس`: the title is `الرئيس` (the alef of the article is not written).
    let alef = if view.span_skip(i, skip) == skip {
        ""
    } else {
        "ا"
    };
    let text_of = |end_tok: usize| {
        let end = view.span(end_tok, end_tok, 0).end;
        format!("{alef}{}", &view.doc.text[start..end])
    };
    Some(if is_office {
        TitleMatch {
            last,
            title: None,
            role: Some(text_of(core_last)),
            weak,
        }
    } else {
        TitleMatch {
            last,
            title: Some(text_of(last)),
            role: None,
            weak,
        }
    })
}

/// The last token of a personal name starting at `from`, or `None`. With
/// `open_end` the name may stop before another name word (lists, bylines
/// end at punctuation anyway); without it a run that reaches the maximum
/// and goes on is refused as too uncertain.
pub(super) fn name_run(view: &View<'_, '_>, from: usize, max_words: usize) -> Option<usize> {
    let mut words = 0;
    let mut last = None;
    let mut k = from;
    let mut after_particle = false;
    while let Some(w) = view.free_word(k) {
        if k > from && view.line_start(k) {
            break;
        }
        let particle = view.word_is(k, flag::PARTICLE) && !view.word_is(k, flag::STOP);
        if particle && view.free_word(k + 1).is_some() && !after_particle {
            after_particle = true;
            k += 1;
            continue;
        }
        // `رئيس الاتحاد السعودي [لكرة القدم]`: the ball game of the office.
        let ball_game = w.strip_prefix(['ل', 'ب']) == Some("كره")
            && view
                .free_word(k + 1)
                .is_some_and(|n| BALL_GAMES.contains(&n));
        if ball_game {
            break;
        }
        let article = clitics::split_article(w).is_some();
        // A short syllable of a transliterated name that folds onto a
        // function word (`فام دوك آن،`: `آن` reads `ان`), before punctuation.
        let folded_syllable = words >= 2
            && w.chars().count() == 2
            && view.word_is(k, flag::STOP)
            && view.word(k + 1).is_none()
            && k + 1 < view.len();
        if folded_syllable {
            words += 1;
            last = Some(k);
            break;
        }
        // After the first word, a verb ends the name (`جاك شيراك تناولت`);
        // a long word with a glued `ل` is no name (`اميل لحود لحضور`).
        // `علي` (folded onto `على`) before another name word.
        if view.word_is(k, flag::FOLDED_NAME)
            && view.is_name_word(k + 1, false)
            && !view
                .word(k + 1)
                .is_some_and(|n| n.ends_with('ه') && !n.ends_with("لله"))
        {
            words += 1;
            last = Some(k);
            k += 1;
            after_particle = false;
            continue;
        }
        let later = words > 0 && !after_particle;
        let n = w.chars().count();
        // A particle right after a particle (`بن [أبي] طالب`, `بن [عبد]
        // الله`) takes the next word along, a common or stop word too
        // (`طالب`, "student").
        let chained = after_particle && particle;
        let after_chain = after_particle
            && words > 1
            && view.word_is(k - 1, flag::PARTICLE)
            && view.word_is(k - 2, flag::PARTICLE)
            && (view.word_is(k, flag::STOP) || view.is_name_word(k, true));
        if !(view.is_person_word(k, words > 0 || after_particle) || after_chain)
            || (later
                && looks_like_verb(w)
                && !(n == 4 && (w.starts_with('ي') || w.ends_with('ا'))))
            || (n >= 5 && w.starts_with('ل'))
            || (later && n >= 4 && w.starts_with('ل'))
            || (later && n >= 5 && is_verbal_noun(w))
            || (later
                && view.person_word(k).is_none()
                && has_verb_pattern(w)
                && !name_surely_ends_after(view, k))
            || (later
                && view.person_word(k).is_none()
                && n >= 5
                && w.starts_with("با")
                && !name_ends_after(view, k))
            || (later && is_unknown_noun_ending(view, k, w))
            || is_glued_verbal_noun(w)
            || (later && article && is_place_not_name(view, k))
        {
            break;
        }
        words += 1;
        last = Some(k);
        k += 1;
        // `علي بن أبي طالب [مقاليد]`: the name goes on with a particle only.
        if after_chain && !view.is_person_word(k - 1, true) && !view.free_word_is(k, flag::PARTICLE)
        {
            break;
        }
        // The article closes a name (`بشار الأسد`); a feminine noun with the
        // article is no family name (`حسينة الحكومة`). After a particle it is
        // part of the name (`عبد الله`), and so is `الله` after a name word
        // (`عطاء الله مهاجراني`).
        if article && !after_particle && w.ends_with('ه') && !w.ends_with("لله") {
            words -= 1;
            last = if words > 0 { Some(k - 1) } else { None };
            break;
        }
        let closed = article && !after_particle && !view.word_is(k - 1, flag::COMPOUND);
        after_particle = chained;
        if closed || words == max_words {
            break;
        }
    }
    let last = last?;
    // A regnal ordinal belongs to the name: `عبدالله الثاني`.
    if let Some(regnal) = regnal_after(view, last) {
        return Some(regnal);
    }
    // Refuse a run cut by the maximum while the text goes on with name-like words.
    if words == max_words && view.is_name_word(last + 1, false) {
        return None;
    }
    Some(last)
}

/// The last token of a regnal ordinal after a name ending at `last`
/// (`عبدالله [الثاني]`, `بنديكيت [السادس عشر]`), if one follows.
/// A name that already ends at the ordinal gets its `عشر` only.
fn regnal_after(view: &View<'_, '_>, last: usize) -> Option<usize> {
    let regnal = if view.free_word_is(last + 1, flag::REGNAL) {
        last + 1
    } else if view.free_word_is(last, flag::REGNAL) {
        last
    } else {
        return None;
    };
    // The teens: `السادس عشر`.
    Some(if view.free_word(regnal + 1) == Some("عشر") {
        regnal + 1
    } else {
        regnal
    })
}

/// True when tokens `first..=last` hold one name word, particles aside
/// (`لويس`, `عبد الله`): a name a regnal ordinal may follow.
fn is_single_name(view: &View<'_, '_>, first: usize, last: usize) -> bool {
    (first..=last)
        .filter(|&k| !view.free_word_is(k, flag::PARTICLE))
        .count()
        == 1
}

/// True for a word that reads as a verb or an adverb rather than a name:
/// imperfect (`يعلم`), future (`ستزور`), tenth form (`استطاع`), or an
/// accusative ending in `ا` (`ساكنا`, `استنادا`).
/// or a past tense with the feminine `ت` (`تناولت`).
pub fn looks_like_verb(w: &str) -> bool {
    let n = w.chars().count();
    (n >= 4 && w.starts_with('ي'))
        || (n >= 5 && (w.starts_with("ست") || w.starts_with("سي") || w.starts_with("است")))
        || (n >= 4 && w.ends_with('ا'))
        || (n >= 5 && w.ends_with('ت'))
}

/// True for a verb in the imperfect (`يوسع`): `ي` before three letters or
/// more. (Behind `ل` it is as often a foreign name: `ليبتون`, `ليندون`.)
fn is_imperfect_verb(w: &str) -> bool {
    w.starts_with('ي') && w.chars().count() >= 4
}

/// True for a feminine noun with the article (`الحكومة`, `المحاضرة`,
/// folded: `المحاضره`): no family name after a given name.
fn is_definite_feminine(w: &str) -> bool {
    w.starts_with("ال") && w.ends_with('ه') && !w.ends_with("لله")
}

/// True for a word of a verb's pattern that no name has: the sixth form
/// (`تباحث`, `توافر`), the past of the eighth (`اتفق`), a participle plural
/// (`مبتهلين`). (A verb behind `ف` is not told from a name: `فوصف`,
/// `فياضي`.)
fn has_verb_pattern(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    let sixth = n == 5 && c[0] == 'ت' && c[2] == 'ا';
    let eighth = n == 4 && c[0] == 'ا' && c[1] == 'ت';
    let participles = n >= 6 && c[0] == 'م' && w.ends_with("ين");
    sixth || eighth || participles
}

/// True for `ب` glued to a verbal noun (`بارتكاب`, `بتصريح`, `بتعاون`): "by
/// committing", no name (`اللاعب [بارتكاب] مخالفة`).
fn is_glued_verbal_noun(w: &str) -> bool {
    w.strip_prefix('ب').is_some_and(|bare| {
        let c: Vec<char> = bare.chars().collect();
        let eighth = c.len() == 6 && c[0] == 'ا' && c[2] == 'ت' && c[4] == 'ا';
        // The sixth form (`بتعاون`, `بتبادل`).
        let sixth = c.len() == 5 && c[0] == 'ت' && c[2] == 'ا';
        eighth || sixth || is_verbal_noun(bare)
    })
}

/// True when word `w` at token `k`, unknown to the learned table, ends in
/// `ه`: a feminine noun (`عقوبة`, `مصادفة`) or a noun with a pronoun
/// (`حديثه`, `مواقفه`), no later word of a name (`صدام حسين [عقوبة]`).
/// Names of this shape the table knows (`خليفة`, `حمزة`) are kept, and
/// `الله` of `عبد الله` too; `نه` transliterates `-nh` (`تونغ ثانه هاي`,
/// `نينه بينه`), so words with it are kept.
fn is_unknown_noun_ending(view: &View<'_, '_>, k: usize, w: &str) -> bool {
    w.ends_with('ه')
        && !w.ends_with("لله")
        && !w.ends_with("نه")
        && w.chars().count() >= 4
        && view.person_word(k).is_none()
}

/// True for a word of the participle pattern `مفعل` (`مشرف`, `مدرب`,
/// `مسؤول` is not: its long vowel): `م` and three consonants. A noun of an
/// occupation or an adjective (`حل مشرف`, "an honourable solution") when
/// the person table does not know it.
fn is_participle_shape(w: &str) -> bool {
    let mut c = w.chars();
    c.next() == Some('م')
        && c.clone().count() == 3
        && c.all(|ch| !matches!(ch, 'ا' | 'و' | 'ي' | 'ى' | 'ه' | 'ء' | 'ئ' | 'ؤ'))
}

/// True for a verbal noun of the pattern `تفعيل` (`تشكيل`, `تنفيذ`).
fn is_verbal_noun(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() == 5 && c[0] == 'ت' && c[3] == 'ي'
}

/// The role stated after a name ending at token `name_last`: `، عضو ...` or `- نائب ...`.
fn role_after(view: &View<'_, '_>, name_last: usize) -> Option<String> {
    let sep = name_last + 1;
    // The normalizer has folded `،` to `,` and `؛` to `;`.
    if !(view.punct(sep, ",") || view.punct(sep, "-") || view.punct(sep, "–")) {
        return None;
    }
    let start = sep + 1;
    view.free_word(start)?;
    let honorific = view.phrase_at(start, false, is_title);
    let last = if view.word_is(start, flag::OFFICE) {
        extend_chain(view, start)
    } else if let Some((_, last, _)) = honorific {
        // `الأمين العام للحزب`: an honorific used as a role, with its chain.
        extend_chain(view, last)
    } else {
        return None;
    };
    if last == start && honorific.is_none() {
        return None;
    }
    Some(view.text(start, last).to_string())
}

fn person(
    first: usize,
    last: usize,
    title: Option<String>,
    role: Option<String>,
    source: Source,
    confidence: f32,
) -> NameCandidate {
    NameCandidate {
        kind: EntityKind::Person,
        first,
        last,
        skip: 0,
        value: Value::Person { title, role },
        source,
        confidence,
    }
}

/// Adds the people found after titles, in lists and in bylines.
pub fn find(view: &View<'_, '_>, out: &mut Vec<NameCandidate>) {
    let mut i = 0;
    let mut starts = StartCursor::new(&view.starts().person);
    while let Some(k) = starts.next_from(i) {
        i = k;
        // Lists: `الرفاق: NAME - ROLE؛ NAME - ROLE`.
        if view.word(i) == Some("الرفاق") && view.punct(i + 1, ":") {
            i = list_after(view, i + 2, out);
            continue;
        }
        // Bylines: `المقال والصور: دوك نجيا` at the start of a line.
        if view.line_start(i) {
            if let Some(next) = byline_at(view, i, out) {
                i = next;
                continue;
            }
        }
        if let Some(last) = name_after_demonym(view, i) {
            out.push(person(
                i + 1,
                last,
                None,
                None,
                Source::Demonym,
                SPEECH_CONFIDENCE,
            ));
            i = last + 1;
            continue;
        }
        if let Some(last) = name_after_saying(view, i) {
            out.push(person(
                i + 1,
                last,
                None,
                role_after(view, last),
                Source::Speech,
                SPEECH_CONFIDENCE,
            ));
            i = last + 1;
            continue;
        }
        // After `عبد` or `أبو` a title word is part of a name (`عبد الملك`).
        let after_particle = |i: usize| i > 0 && view.word_is(i - 1, flag::PARTICLE);
        let Some(t) = title_at(view, i).filter(|_| !after_particle(i)) else {
            i += 1;
            continue;
        };
        match name_run(view, t.last + 1, MAX_NAME_WORDS) {
            Some(last) if t.weak && last == t.last + 1 && view.person_word(last) != Some(true) => {
                i = last + 1;
            }
            Some(last) if follows_namesake_head(view, i) => i = last + 1,
            Some(last) => {
                let last = trim_after_known_name(view, t.last + 1, last);
                let role = t.role.or_else(|| role_after(view, last));
                out.push(person(
                    t.last + 1,
                    last,
                    t.title,
                    role,
                    Source::Title,
                    TITLE_CONFIDENCE,
                ));
                i = last + 1;
            }
            None => i = t.last + 1,
        }
    }
}

/// The last token of a person's name after the verb of saying at token
/// `i`, read bare or behind `و` (`وقال [جعفر الموسوي] رئيس الادعاء`, `قال
/// [محفوظ] إن`): a run of person's words without the article at its start
/// that `إن`/`أن`, a comma, a colon, a title or an office ends.
fn name_after_saying(view: &View<'_, '_>, i: usize) -> Option<usize> {
    // Cheap tests first: a clear end within five words, then a person's word.
    let clear_end = |k: usize| {
        view.punct(k, ",")
            || view.punct(k, ":")
            || view.free_word(k) == Some("ان")
            || view.word_is(k, flag::OFFICE)
            || view.is_title_word_at(k)
    };
    if !view.may_have(i, flag::SAYING) || !(i + 2..=i + 6).any(clear_end) {
        return None;
    }
    let w = view.word(i)?;
    let wa = 'و'.len_utf8();
    let saying = view.known_readings(i).iter().any(|r| {
        (r.skip == 0 || (r.skip == wa && w.starts_with('و'))) && r.flags() & flag::SAYING != 0
    });
    if !saying || view.line_start(i + 1) || !view.is_person_word(i + 1, false) {
        return None;
    }
    let last = name_run(view, i + 1, 3)?;
    let last = trim_after_known_name(view, i + 1, last);
    // `وأضاف [مستهجنا]`: a participle in the accusative, an adverb;
    // `وأكد [مشرف] شؤون المعلمين`: a participle the table does not know,
    // an occupation.
    let adverb = view.free_word(i + 1).is_some_and(|w| {
        (w.starts_with('م') && w.ends_with('ا') && w.chars().count() >= 5)
            || (is_participle_shape(w) && view.person_word(i + 1).is_none())
    });
    // `وقالت [حركة] حماس`, `وقالت [روسيا]`: a head word, a known place or organization.
    let other_name = |k: usize| {
        view.person_word(k).is_none()
            && (view.may_have(k, flag::ORG_HEAD | flag::PLACE_HEAD)
                || view.phrase_at(k, true, is_place_or_organization).is_some())
    };
    if adverb || (i + 1..=last).any(|k| is_plural_noun_at(view, k) || other_name(k)) {
        return None;
    }
    clear_end(last + 1).then_some(last)
}

/// The last token of a person's name after a demonym with the article at
/// token `i` (`تأهل السويسري [روجيه فيدرر]`, `الإسباني [طومي روبريدو]`):
/// two person's words without the article, no place, organization or head
/// word, that punctuation, a function word, a title or an office ends.
fn name_after_demonym(view: &View<'_, '_>, i: usize) -> Option<usize> {
    // Cheap tests first (most demonyms are adjectives of the noun before):
    // two words without the article and a clear end after them.
    let bare = |k: usize| view.free_word(k).is_some_and(|w| !w.starts_with("ال"));
    if !(bare(i + 1) && bare(i + 2))
        || !(view.punct(i + 3, ",") || name_ends_after(view, i + 2))
        || !(view.is_person_word(i + 1, false) && view.is_person_word(i + 2, true))
    {
        return None;
    }
    let w = view.free_word(i)?;
    if !(w.starts_with("ال") && view.lex.demonym(w).is_some()) || view.line_start(i + 1) {
        return None;
    }
    let last = name_run(view, i + 1, 3)?;
    let last = trim_after_known_name(view, i + 1, last);
    let plain = (i + 1..=last).any(|k| {
        is_plural_noun_at(view, k)
            || view.readings(k).own_flags & flag::FOLDED_NAME != 0
            || view.free_word(k).is_some_and(|w| {
                looks_like_verb(w) || w.starts_with("ال") || is_glued_verbal_noun(w)
            })
            || (view.person_word(k).is_none()
                && (view.may_have(k, flag::ORG_HEAD | flag::PLACE_HEAD)
                    || view.phrase_at(k, true, is_place_or_organization).is_some()))
    });
    let ends = view.punct(last + 1, ",") || name_ends_after(view, last);
    // Two words exactly: one is as often a verb or a noun (`الثورة الصينية
    // [غيرت]`), three a name and a noun (`[صامويل إيتو بتمزق]`).
    (!plain && ends && last == i + 2).then_some(last)
}

/// True when token `k`, unknown to the learned table, reads as a plural
/// noun, the subject of a verb of saying that is no name (`وقال
/// [دبلوماسيون] إن`, `[مسؤولون أمميون]`, `[متمردو] دارفور`): a nisba plural
/// (`-يون`, `-يين`), a sound plural before another (the noun and its
/// adjective), or a plural in construct (`-و`) before a definite word.
fn is_plural_noun_at(view: &View<'_, '_>, k: usize) -> bool {
    let Some(w) = view.free_word(k).filter(|_| view.person_word(k).is_none()) else {
        return false;
    };
    let n = w.chars().count();
    let sound = |w: &str| w.chars().count() >= 5 && (w.ends_with("ون") || w.ends_with("ين"));
    (n >= 5 && (w.ends_with("يون") || w.ends_with("يين")))
        || (sound(w) && view.free_word(k + 1).is_some_and(sound))
        || (n >= 4
            && w.ends_with('و')
            && (view.free_word(k + 1).is_some_and(|n| n.starts_with("ال"))
                || is_place_not_name(view, k + 1)))
}

/// True when the word before token `first` is a building, place or prize
/// that takes the name after it (`جامع [عمرو بن العاص]`, `مطار [محمد
/// الخامس]`, `جائزة [مبارك]`): the name is the building's, not a person.
fn follows_namesake_head(view: &View<'_, '_>, first: usize) -> bool {
    let Some(p) = first.checked_sub(1) else {
        return false;
    };
    // `أبو جبل [ومحمود محمود]`: the head word is itself part of a name.
    let in_name = p > 0 && view.word_is(p - 1, flag::PARTICLE);
    // A head with the article is no construct (`البطولة [محمد الشربيني]`).
    let construct = view.word(p).is_some_and(|w| {
        let tail = &w[w.chars().next().map_or(0, char::len_utf8)..];
        !(w.starts_with("ال") || tail.starts_with("ال") || w.starts_with("لل"))
    });
    !in_name
        && construct
        && view.may_have(
            p,
            flag::NAMESAKE | flag::PLACE_HEAD | flag::BEFORE_PLACE_EVENT,
        )
}

/// True when the run `first..=last` is counted or numbered: right after a
/// number (`85 ألف [مارك]`, a currency) or with digits glued to its end
/// (`سورة يوسف آية105`).
fn is_counted(view: &View<'_, '_>, first: usize, last: usize) -> bool {
    let tokens = view.doc.tokens;
    let number_before = first.checked_sub(1).is_some_and(|p| {
        tokens[p].kind == TokenKind::Digits
            || view
                .word(p)
                .is_some_and(|w| matches!(w, "الف" | "مليون" | "مليار" | "الاف"))
    });
    let digits_after = tokens
        .get(last + 1)
        .is_some_and(|t| t.kind == TokenKind::Digits && !t.space_before);
    number_before || digits_after
}

/// The end of a name run `first..=last` without the words that follow a
/// complete name (`بوش` of `بوش تجاوز صلاحياته`, `صدام حسين` of `صدام حسين
/// يشكل`): when the last word the learned table knows is a name by itself,
/// or a later word of a name that is no given name, the unknown words after
/// it are cut (particles and regnal ordinals after it keep the run whole).
fn trim_after_known_name(view: &View<'_, '_>, first: usize, last: usize) -> usize {
    let Some(known) = (first..=last)
        .rev()
        .find(|&k| view.person_word(k).is_some())
    else {
        return last;
    };
    let keeps_going =
        (known + 1..=last).any(|k| view.free_word_is(k, flag::PARTICLE | flag::REGNAL));
    let complete = match view.person_word(known) {
        Some(true) => true,
        Some(false) => known > first && !view.free_word_is(known, flag::PERSON_FIRST),
        None => false,
    };
    if !complete || keeps_going {
        last
    } else if last == known + 1
        && view.person_word(known) != Some(true)
        && (is_family_name_with_article(view, last)
            || family_name_after(view, known, known > first) == Some(last))
    {
        // `السيد فيصل [السويدي] نائب`: a family name, not a noun after the name.
        last
    } else {
        known
    }
}

/// True when token `k` reads as a family name with the article
/// (`السويدي`, `الخطابي`) because the name clearly ends after it: a person's
/// word with the article, no verb, place or ordinal, followed by
/// punctuation, a function word, a title or an office, or for a nisba by
/// any sure boundary ([`View::is_boundary`]: `عبد العزيز [الدوري] بطرح`).
fn is_family_name_with_article(view: &View<'_, '_>, k: usize) -> bool {
    view.free_word(k).is_some_and(|w| {
        clitics::split_article(w).is_some()
            && view.person_word(k).is_none()
            && view.is_person_word(k, true)
            && !is_plain_word(view, k, w)
            && (name_ends_after(view, k) || (w.ends_with('ي') && view.is_boundary(k + 1)))
    })
}

/// True when the token after `k` ends a name whatever `k` is: punctuation,
/// the end of the text or line, `إن`/`أن`, a title or an office. (A
/// preposition follows a verb as often: `تباحث [مع]`; `ترامب [إن]` is a name.)
fn name_surely_ends_after(view: &View<'_, '_>, k: usize) -> bool {
    let next = k + 1;
    view.word(next).is_none()
        || view.line_start(next)
        || view.free_word(next) == Some("ان")
        || view.word_is(next, flag::OFFICE)
        || view.is_title_word_at(next)
}

/// True when the token after `k` ends a name: punctuation, the end of the
/// text or line, a function word, a title or an office. `علي` after it may
/// be the preposition or the next name (`بيعة علي`): no end.
fn name_ends_after(view: &View<'_, '_>, k: usize) -> bool {
    view.word(k + 1).is_none() || {
        let next = k + 1;
        view.line_start(next)
            || (view.word_is(next, flag::STOP | flag::OFFICE)
                && !view.word_is(next, flag::FOLDED_NAME))
            || view.is_title_word_at(next)
    }
}

/// The first word of a run of the learned table at token `i`: `(clitic
/// bytes, its flags)`. It is read without clitics or behind `و` only
/// (`لصالح` is "in favour of", not `صالح`); a given name folded onto a function word
/// (`علي`) starts a run when a particle or a known name follows.
fn name_words_start(view: &View<'_, '_>, i: usize) -> Option<(usize, u32)> {
    let w = view.word(i)?;
    if i > 0 && view.doc.tokens[i].space_before && view.word_is(i - 1, flag::PARTICLE) {
        return None;
    }
    let next_is_particle = view.free_word(i + 1).is_some() && view.word_is(i + 1, flag::PARTICLE);
    let next_is_name =
        next_is_particle || view.person_word(i + 1).is_some() || view.is_person_word(i + 1, true);
    // `علي محمد جيدي`: a given name and another known word after `علي`.
    let next_is_known_run = view.free_word_is(i + 1, flag::PERSON_FIRST)
        && (view.person_word(i + 2).is_some() || view.is_person_word(i + 2, true));
    view.known_readings(i).iter().find_map(|r| {
        // Behind `ب`, `ل` or `ك` a table word is more often a common word
        // (`لصالح` "in favour of", `لجان` "committees" read as `جان`).
        if r.skip > 0 && !(r.skip == 'و'.len_utf8() && w.starts_with('و')) {
            return None;
        }
        let f = r.flags();
        let alone = f & flag::PERSON_ALONE != 0;
        let known_start = f & flag::PERSON_NAME != 0 && (alone || next_is_name);
        let folded_start = f & flag::FOLDED_NAME != 0
            && !view.doc.ends_in_alef_maqsura(i)
            && (next_is_particle || next_is_known_run);
        (known_start || folded_start).then_some((r.skip, f))
    })
}

/// A kunya at token `i`, `أبو` or `أبي` and a word of the learned table
/// (`[أبو بكر] محمد بن يحيى الرازي`, `أبو مازن`): a name's start.
/// Returns `(clitic bytes, 0)` as [`name_words_start`] does; the kunya ends at `i + 1`.
fn kunya_at(view: &View<'_, '_>, i: usize) -> Option<(usize, u32)> {
    let w = view.word(i)?;
    let skip = if w.starts_with("وابو") {
        'و'.len_utf8()
    } else {
        0
    };
    (is_kunya_word(w) && view.person_word(i + 1).is_some()).then_some((skip, 0))
}

/// True when `word` (search form) is the kunya `أبو` / `أبي`, or `وأبو`.
pub(super) fn is_kunya_word(word: &str) -> bool {
    matches!(word, "ابو" | "ابي" | "وابو")
}

/// True when token `k` is a nisba with the article (`المصري`, `الأشعري`).
fn is_nisba_at(view: &View<'_, '_>, k: usize) -> bool {
    !view.line_start(k)
        && view
            .free_word(k)
            .is_some_and(|w| w.starts_with("ال") && w.ends_with('ي') && w.chars().count() >= 5)
}

/// After particles from token `k` (`بن`, `عبد`, `بن عبد`), the token that
/// ends the name part they introduce (`عبد العزيز`, `بن طولون`), if any.
fn after_particles(view: &View<'_, '_>, k: usize) -> Option<usize> {
    let mut m = k;
    while view.free_word_is(m, flag::PARTICLE) && !view.word_is(m, flag::STOP) {
        m += 1;
    }
    if m == k || view.line_start(m) {
        return None;
    }
    let w = view.free_word(m)?;
    let fits = view.person_word(m).is_some()
        || view.is_person_word(m, true)
        || (w.starts_with("ال") && !view.word_is(m, flag::STOP));
    fits.then_some(m)
}

/// True when token `k` is `الله` closing a theophoric name after a name
/// word at `last` of a run starting at `first` (`حسن نصر [الله]`, `رضا
/// العبد [الله]`, `عطاء [الله]`): after two words of a name, or after one
/// the table knows; not after a particle (`عبد الله` is read with it).
fn is_theophoric_end(view: &View<'_, '_>, first: usize, last: usize, k: usize) -> bool {
    view.free_word(k) == Some("الله")
        && !view.free_word_is(last, flag::PARTICLE)
        && (last > first || view.person_word(last).is_some())
}

/// True when token `k` is `و` glued to a name word or a particle of the
/// learned table (`ومحمد`, `وعبد`): the start of the next name of a list,
/// not a part of the one before it.
fn starts_coordinated_name(view: &View<'_, '_>, k: usize) -> bool {
    view.free_word(k)
        .and_then(|w| w.strip_prefix('و'))
        .is_some_and(|bare| {
            bare.chars().count() >= 2 && view.lex.is(bare, flag::PERSON_NAME | flag::PARTICLE)
        })
}

/// True when word `w` at token `k` reads as no part of a name after one: a
/// verb (`يعلم`, `تتواصل`), a verbal noun (`تشكيل`), a word
/// with a glued preposition (`بتصريح`), a place (`لندن`) or an
/// ordinal (`العاشر`).
fn is_plain_word(view: &View<'_, '_>, k: usize, w: &str) -> bool {
    let n = w.chars().count();
    let glued_or_verb = (n >= 4 && (w.starts_with('ب') || w.starts_with('ل')))
        || (n >= 5 && (w.starts_with('ف') || w.starts_with('ت')));
    looks_like_verb(w)
        || is_verbal_noun(w)
        || has_verb_pattern(w)
        || glued_or_verb
        || view.word_is(k, flag::REGNAL)
        || view.phrase_at(k, false, is_place).is_some()
}

/// True when token `k` is a place of the gazetteer (`الجزائر`, `الولايات
/// المتحدة`) and no word of the person table: after a name it is the
/// verb's object or a place, not a family name (`زار الرئيس إيمانويل ماكرون
/// [الجزائر]`).
fn is_place_not_name(view: &View<'_, '_>, k: usize) -> bool {
    view.person_word(k).is_none() && view.phrase_at(k, false, is_place).is_some()
}

/// The family name the learned table does not know after a name ending at
/// `last` (`يوسف بطرس [غالي] وزير`, `محمد سليم [العوا] ،`): one word that
/// can be a person's word, is no verb, place or ordinal and carries no
/// preposition, followed
/// by punctuation, a function word, a title or an office. Only after a name
/// of two words or a given name (`may_extend`) whose last word is not a
/// name by itself (`جورج بوش [سلطاته]`) and has no article.
fn family_name_after(view: &View<'_, '_>, last: usize, may_extend: bool) -> Option<usize> {
    let k = last + 1;
    let w = view.free_word(k).filter(|w| !is_definite_feminine(w))?;
    let open = view
        .free_word(last)
        .is_some_and(|l| clitics::split_article(l).is_none());
    // With the article and a clear end, also after a compound given name
    // (`محمد بن عبد الكريم [الخطابي] (`, `عفيف الدين [التلمساني]`), not
    // after `بن` and a family name (`خالد بن الوليد [الجيش]`). Not after a
    // name by itself: an adjective follows it as often (`أينشتاين الطفل`).
    let after_compound = view.free_word_is(last, flag::COMPOUND)
        || (last > 0 && view.free_word(last - 1) == Some("عبد"));
    if may_extend
        && view.person_word(last) != Some(true)
        && (open || after_compound)
        && !view.line_start(k)
        && is_family_name_with_article(view, k)
    {
        return Some(k);
    }
    let ends_name = name_ends_after(view, k);
    let fits = may_extend
        && open
        && view.person_word(last) != Some(true)
        && !view.line_start(k)
        && view.person_word(k).is_none()
        && view.is_person_word(k, true)
        && !is_plain_word(view, k, w)
        && !is_unknown_noun_ending(view, k, w)
        && !view.word_is(k, flag::PARTICLE)
        && ends_name;
    fits.then_some(k)
}

/// True when the word at token `i` has the article and a relational
/// adjective with the article follows it (`الأسد الآسيوي`, `الحكيم المقدس`):
/// a noun and its description (the Asian lion), not a name by itself.
fn is_described_noun(view: &View<'_, '_>, i: usize) -> bool {
    let has_article = |w: &str| clitics::split_article(w).is_some();
    view.word(i).is_some_and(has_article)
        && view.free_word(i + 1).is_some_and(|n| {
            has_article(n)
                && (view.lex.demonym(n).is_some()
                    || view.word_is(i + 1, flag::ADJECTIVE)
                    || (n.chars().count() >= 5 && n.ends_with('ي')))
        })
}

/// The given name behind a preposition before a run starting at token
/// `first` (`لـ[كوفي] أنان`, `بـ[ايهود] اولمرت`): `(its token, clitic bytes)`
/// when the word before is `ب`, `ل` or `ك` glued to a given name of the table.
fn glued_given_name_before(
    view: &View<'_, '_>,
    first: usize,
    not_before: usize,
) -> Option<(usize, usize)> {
    let p = first.checked_sub(1).filter(|&p| p >= not_before)?;
    let w = view.free_word(p)?;
    if !view.doc.tokens[first].space_before || view.line_start(first) {
        return None;
    }
    let bare = w.strip_prefix(['ب', 'ل', 'ك'])?;
    let skip = w.len() - bare.len();
    (bare.chars().count() >= 2 && view.lex.is(bare, flag::PERSON_FIRST)).then_some((p, skip))
}

/// Adds the people named by words of the learned person-name table: a run
/// of two or more (`جورج بوش`, `خالد بن الوليد`), or one the table knows as
/// a name by itself (`أنان`). The first word may carry clitics (`وبوش`).
pub fn find_by_name_words(view: &View<'_, '_>, out: &mut Vec<NameCandidate>) {
    let mut i = 0;
    // The first token after the previous name.
    let mut free_from = 0;
    let mut starts = StartCursor::new(&view.starts().name_words);
    while let Some(k) = starts.next_from(i) {
        i = k;
        if !view.may_have(i, flag::PERSON_NAME | flag::FOLDED_NAME | flag::PARTICLE) {
            i += 1;
            continue;
        }
        let kunya = kunya_at(view, i);
        let Some((skip, start_flags)) = kunya.or_else(|| name_words_start(view, i)) else {
            i += 1;
            continue;
        };
        let alone = start_flags & flag::PERSON_ALONE != 0;
        let is_first = |k: usize| {
            if k == i {
                start_flags & flag::PERSON_FIRST != 0
            } else {
                view.free_word_is(k, flag::PERSON_FIRST)
            }
        };
        let mut last = if kunya.is_some() { i + 1 } else { i };
        let mut after_particle_part = false;
        loop {
            let k = last + 1;
            if view.line_start(k) {
                break;
            }
            // A family name with the article may follow a particle part
            // that has none (`بن عبدالرحمن الحذيفي`, not `بن الوليد الجيش`).
            let was_particle_part = std::mem::take(&mut after_particle_part);
            if starts_coordinated_name(view, k) {
                // `ومحمد سعد [ومحمد هنيدي]`: the conjunction begins the next name.
                break;
            } else if view.person_word(k).is_some() || is_theophoric_end(view, i, last, k) {
                last = k;
            } else if let Some(end) = after_particles(view, k) {
                last = end;
                after_particle_part = view.free_word(end).is_some_and(|w| !w.starts_with("ال"));
            } else if was_particle_part
                && view.free_word(k).is_some_and(|w| w.starts_with("ال"))
                && view.is_person_word(k, true)
            {
                // The family name after `بن ...` (`علي بن عبدالرحمن الحذيفي`).
                last = k;
                break;
            } else if is_first(last)
                && view.is_person_word(k, true)
                && !view.free_word_is(k, flag::REGNAL)
                && !view.free_word(k).is_some_and(|w| {
                    is_definite_feminine(w)
                        || is_imperfect_verb(w)
                        || is_unknown_noun_ending(view, k, w)
                        || is_glued_verbal_noun(w)
                })
            {
                // The family name after a given name (`محمد فاضل`), not a
                // feminine noun with the article (`حسن المحاضرة` "the good lecture").
                last = k;
            } else {
                break;
            }
        }
        // A name never ends at a particle (`[سعد] بن أبي وقاص`, when the
        // rest is not read): the particle and what it introduces are left out.
        while last > i && view.free_word_is(last, flag::PARTICLE) {
            last -= 1;
        }
        if let Some(regnal) = regnal_after(view, last).filter(|_| is_single_name(view, i, last)) {
            // `لويس [السابع] وكونراد`: the ordinal closes the name. Not
            // after a given and a family name: a rank in sports news
            // (`فرناندو غونزاليز [الثالث]`).
            last = regnal;
        } else if let Some(family) = family_name_after(view, last, is_first(last) || last > i) {
            last = family;
        } else if kunya.is_some() && last == i + 1 && is_nisba_at(view, last + 1) {
            // `أبو حمزة [المصري]`, `أبو موسى [الأشعري]`: a kunya's nisba.
            last += 1;
        }
        if (last > i || (alone && !is_described_noun(view, i)))
            && !follows_namesake_head(view, i)
            && !is_counted(view, i, last)
        {
            let confidence = if last > i {
                NAME_WORDS_CONFIDENCE
            } else {
                ALONE_CONFIDENCE
            };
            let (first, skip) = match glued_given_name_before(view, i, free_from) {
                Some(before) if skip == 0 => before,
                _ => (i, skip),
            };
            out.push(NameCandidate {
                skip,
                ..person(first, last, None, None, Source::NameWords, confidence)
            });
            free_from = last + 1;
        }
        i = last + 1;
    }
}

/// Reads a list of names from token `i`; returns the token after it.
fn list_after(view: &View<'_, '_>, mut i: usize, out: &mut Vec<NameCandidate>) -> usize {
    while i < view.len() {
        let Some(last) = name_run(view, i, 5) else {
            break;
        };
        let role = role_after(view, last);
        if role.is_none() && !(view.punct(last + 1, ";") || view.punct(last + 1, ",")) {
            break;
        }
        out.push(person(
            i,
            last,
            Some("الرفاق".into()),
            role,
            Source::List,
            LIST_CONFIDENCE,
        ));
        // Next item after `؛` (folded to `;`), within the sentence.
        let mut k = last + 1;
        while k < view.len() && !view.punct(k, ";") && !view.punct(k, ".") && !view.line_start(k) {
            k += 1;
        }
        if !view.punct(k, ";") {
            return k;
        }
        i = k + 1;
    }
    i
}

/// A byline at the start of a line: byline words, `:`, then the name up to the end of the line.
fn byline_at(view: &View<'_, '_>, i: usize, out: &mut Vec<NameCandidate>) -> Option<usize> {
    view.word(i)?;
    if !view.word_is(i, flag::BYLINE) {
        return None;
    }
    let mut k = i + 1;
    while k < i + 4 && !view.punct(k, ":") {
        let w = view.word(k)?;
        let bare = w.strip_prefix('و').unwrap_or(w);
        if !view.lex.is(bare, flag::BYLINE) {
            return None;
        }
        k += 1;
    }
    if !view.punct(k, ":") {
        return None;
    }
    let last = name_run(view, k + 1, 4)?;
    if !(last + 1 >= view.len() || view.line_start(last + 1)) {
        return None;
    }
    out.push(person(
        k + 1,
        last,
        None,
        None,
        Source::Byline,
        LIST_CONFIDENCE,
    ));
    Some(last + 1)
}

/// A name found by the rules, as [`find_repeats`] keeps it: its index in
/// the list of names of its first word, and its words' ids.
type NumberedName = (usize, Vec<usize>);

/// The sort key of a name (its words' ids) by its second word: the id, or
/// `u64::MAX` for a name of one word.
fn second_word_key(name: &[usize]) -> u64 {
    name.get(1).map_or(u64::MAX, |&id| id as u64)
}

/// True when token `k`, the last word of a person's name of two words or
/// more, may name the person alone later in the document (`ماكرون` after
/// `إيمانويل ماكرون`): a separate word of three letters or more without
/// the article, no word of the tables but a family name (no given name,
/// `عمر`; no `فريق`), no feminine noun (`قوة`), common word or place, and not the name
/// after a particle (`طولون` of `ابن طولون`, `بكر` of `أبو بكر`).
fn is_surname(view: &View<'_, '_>, k: usize) -> bool {
    view.free_word(k).is_some_and(|w| {
        w.chars().count() >= 3
            && !w.ends_with('ه')
            && view.word_flags(k) & !(flag::PERSON_NAME | flag::PERSON_ALONE) == 0
            && !follows_particle(view, k)
            && clitics::split_article(w).is_none()
            && view.is_person_word(k, false)
            && !view.word_is(k, flag::PARTICLE | flag::REGNAL)
            && !(k > 0 && view.word_is(k - 1, flag::REGNAL))
            && !is_place_not_name(view, k)
    })
}

/// True when the word before token `k` is a particle or kunya (`ابن`, `أبي`).
fn follows_particle(view: &View<'_, '_>, k: usize) -> bool {
    k > 0 && view.word_is(k - 1, flag::PARTICLE)
}

/// True when token `i`, a family name found alone ([`is_surname`]) with
/// `skip` bytes of clitics, names the person: bare or behind `و` (`لكرة`,
/// `بمانشستر` are no mentions), after no particle or other name's word
/// (`أبي [بكر]`, `ريتشارد ماثيو [ستولمان]`), before no particle (`نصر
/// الله`), and, when the word reads as a verb or verbal noun (`تباحث`,
/// `ترامب`), before a clear end of the name.
fn surname_mention(view: &View<'_, '_>, i: usize, skip: usize) -> bool {
    let Some(w) = view.word(i) else {
        return false;
    };
    let bare = &w[skip..];
    let clitic_ok = skip == 0 || (skip == 'و'.len_utf8() && w.starts_with('و'));
    let name_before = i > 0
        && !view.line_start(i)
        && view.is_person_word(i - 1, false)
        && !view.may_have(i - 1, flag::SAYING)
        && !view.is_title_word_at(i - 1);
    let verb_shape = looks_like_verb(bare) || has_verb_pattern(bare) || is_verbal_noun(bare);
    let verb_ok = !verb_shape || name_ends_after(view, i);
    // A participle the table does not know (`مشرف`) is an adjective or a
    // noun after a noun (`حل [مشرف]`, `بشكل [مشرف]`): a name only after a
    // clear start (`وقال مشرف`, `أن مشرف`, `، مشرف`).
    let participle_ok = !is_participle_shape(bare)
        || view.person_word(i).is_some()
        || i == 0
        || view.line_start(i)
        || skip > 0
        || view.word(i - 1).is_none()
        || view.word_is(i - 1, flag::STOP)
        || view.may_have(i - 1, flag::SAYING)
        || view.is_title_word_at(i - 1);
    clitic_ok
        && !follows_particle(view, i)
        && !name_before
        && !view.free_word_is(i + 1, flag::PARTICLE | flag::COMPOUND)
        && verb_ok
        && participle_ok
}

/// Adds the other mentions of names of two words or more found by the
/// rules, and of their family names alone ([`is_surname`]).
pub fn find_repeats(view: &View<'_, '_>, out: &mut Vec<NameCandidate>) {
    // Names by their first word, without duplicates; their words by word id.
    let mut names: FastMap<&str, Vec<Vec<usize>>> = FastMap::default();
    // Per family name (word id), the first tokens of its full names.
    let mut surname_at: FastMap<usize, Vec<u32>> = FastMap::default();
    for c in out
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.last > c.first)
    {
        let words: Vec<usize> = (c.first..=c.last)
            .filter_map(|k| view.doc.word_id(k))
            .collect();
        // The family name alone (`ماكرون` after `إيمانويل ماكرون`).
        if let Some(&id) = words.last().filter(|_| is_surname(view, c.last)) {
            let same = names.entry(view.doc.words()[id]).or_default();
            if !same.contains(&vec![id]) {
                same.push(vec![id]);
            }
            surname_at.entry(id).or_default().push(c.first as u32);
        }
        let same_first = names.entry(view.doc.words()[words[0]]).or_default();
        if !same_first.contains(&words) {
            same_first.push(words);
        }
    }
    if names.is_empty() {
        return;
    }
    // Each first word's names by their second word (names of one word
    // last), in their order otherwise: a mention is compared with the names
    // whose second word follows it only, not with every name of a frequent
    // first word (`محمد`). `(index in the first word's list, words)`.
    let names: FastMap<&str, Vec<NumberedName>> = names
        .into_iter()
        .map(|(first, list)| {
            let mut list: Vec<NumberedName> = list.into_iter().enumerate().collect();
            crate::sort::sort_by_u64_key(&mut list, |(_, name)| second_word_key(name));
            (first, list)
        })
        .collect();
    // The tail keys of the first words: a word of another key has no reading among them.
    let mut tails = vec![0u64; 1 << 10];
    for first in names.keys() {
        let key = usize::from(clitics::tail_key(first));
        tails[key >> 6] |= 1 << (key & 63);
    }
    let mut taken = vec![false; view.len()];
    for c in out.iter() {
        taken[c.first..=c.last].iter_mut().for_each(|t| *t = true);
    }
    let mut found = Vec::new();
    let free_word_is =
        |j: usize, id: usize| view.doc.word_id(j) == Some(id) && view.doc.tokens[j].space_before;
    // Per distinct word, its readings that start a name above (clitic
    // bytes, the names), looked up once per word: the walk over the tokens
    // reads word ids only, not the tokens' text.
    let mut first_readings: Vec<(usize, &[NumberedName])> = Vec::new();
    let word_readings: Vec<(u32, u32)> = view
        .doc
        .words()
        .iter()
        .map(|w| {
            let start = first_readings.len() as u32;
            let key = usize::from(clitics::tail_key(w));
            if tails[key >> 6] & 1 << (key & 63) != 0 {
                clitics::for_each_reading(w, |skip, bare| {
                    if let Some(list) = names.get(bare) {
                        first_readings.push((skip, list));
                    }
                    false
                });
            }
            (start, first_readings.len() as u32)
        })
        .collect();
    // The tokens whose word has such readings, in one pass over the tokens.
    let has_readings: Vec<u8> = word_readings
        .iter()
        .map(|&(s, e)| u8::from(s != e))
        .collect();
    let [tokens, ..] = view.doc.word_tokens_by_bit(&has_readings);
    for i in tokens.into_iter().map(|i| i as usize) {
        let Some(id) = view.doc.word_id(i) else {
            continue;
        };
        let (start, end) = word_readings[id];
        let mut matched = None;
        for &(skip, candidates) in &first_readings[start as usize..end as usize] {
            let matches = |name: &[usize]| {
                let last = i + name.len() - 1;
                let rest_matches = name[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, &n)| free_word_is(i + 1 + k, n));
                // Within an article's length of the name in full: in a long
                // text of many articles a word may name another person.
                let near = |id: usize| {
                    surname_at.get(&id).is_some_and(|at| {
                        at.iter()
                            .any(|&a| (a as usize).abs_diff(i) <= SURNAME_REACH)
                    })
                };
                let alone_ok = name.len() > 1 || (near(name[0]) && surname_mention(view, i, skip));
                // No mention right after a particle inside a name: part of
                // a longer name (`عمر بن [عبد العزيز]`; `فإن` reads as the
                // particle `فان` of `فان باستن`).
                let in_name =
                    follows_particle(view, i) && i >= 2 && view.is_person_word(i - 2, false);
                rest_matches
                    && !in_name
                    && alone_ok
                    && taken[i..=last].iter().all(|t| !t)
                    && !view.is_name_word(last + 1, false)
            };
            // The first name of the list that matches: among those whose
            // second word is the next token's, and those of one word.
            let with_second = |key: u64| {
                let from = candidates.partition_point(|(_, n)| second_word_key(n) < key);
                candidates[from..]
                    .iter()
                    .take_while(|(_, n)| second_word_key(n) == key)
                    .find(|(_, n)| matches(n))
            };
            // The next token's word id (its kind and space are read only
            // for a name that has that second word: `free_word_is`).
            let two = view
                .doc
                .word_id(i + 1)
                .and_then(|id| with_second(id as u64));
            let one = with_second(u64::MAX);
            // A name of more words before its family name alone (`عمر
            // الشريف`, not `عمر` of another name).
            let first = match (two, one) {
                (Some(a), Some(b)) if b.1.len() > 1 => Some(if a.0 < b.0 { a } else { b }),
                (a, b) => a.or(b),
            };
            if let Some((_, name)) = first {
                matched = Some((skip, i + name.len() - 1));
                break;
            }
        }
        if let Some((skip, last)) = matched {
            found.push(NameCandidate {
                skip,
                ..person(i, last, None, None, Source::Repeat, REPEAT_CONFIDENCE)
            });
        }
    }
    out.extend(found);
    // A family name alone after a foreign given name the table does not
    // know: the name of another person of the family (`[لورا] بوش` after
    // `جورج بوش`).
    for c in out.iter_mut() {
        let i = c.first;
        if c.kind != EntityKind::Person || c.last != i || c.skip != 0 || i == 0 {
            continue;
        }
        let known = view.doc.word_id(i).is_some_and(|id| {
            surname_at.get(&id).is_some_and(|at| {
                at.iter()
                    .any(|&a| a as usize != i && (a as usize).abs_diff(i) <= SURNAME_REACH)
            })
        });
        if known && !taken[i - 1] && foreign_given_name(view, i - 1) {
            c.first = i - 1;
        }
    }
}

/// True when token `k`, right before a family name, reads as a foreign
/// given name the table does not know (`لورا`, `ماريا`): a separate word of
/// four letters or more ending in `ا` (no `وا`, `ها`, `نا`: verbs and
/// pronouns), without clitics or article, no `ي` of the imperfect, in no
/// table, after a clear start: a feminine verb (`وزارت لورا بوش`), a verb
/// of saying, a function word, a title, punctuation. (Other endings are as
/// often a verb before its subject, `انضم رونالدو`; other words before, a
/// noun in construct, `يلقنون مليشيا صالح`.)
fn foreign_given_name(view: &View<'_, '_>, k: usize) -> bool {
    let shape = view.free_word(k).is_some_and(|w| {
        w.chars().count() >= 4
            && w.ends_with('ا')
            && !(w.ends_with("وا") || w.ends_with("ها") || w.ends_with("نا"))
            && !w.starts_with('ي')
            && !w.starts_with('و')
            && clitics::split_article(w).is_none()
            && !view.line_start(k + 1)
            && view.word_flags(k) == 0
            && !view.is_known(k)
    });
    shape
        && (k == 0
            || view.line_start(k)
            || view.word(k - 1).is_none_or(|p| {
                (p.ends_with('ت') && p.chars().count() >= 4)
                    || view.word_is(k - 1, flag::STOP)
                    || view.may_have(k - 1, flag::SAYING)
                    || view.is_title_word_at(k - 1)
            }))
}
