//! The word tables of the date, period, duration, time and relative-date
//! recognizers (month names, day ordinals, clock hours,
//! weekdays, time units, relative phrases), loaded from `crates/core/data/`
//! and folded to the search form once, plus a phrase matcher over tokens.

use super::Document;
use crate::entity::{Calendar, TimeUnit};
use crate::normalize::search_form;
use crate::tokenize::TokenKind;
use std::hash::Hasher;
use std::sync::{Arc, OnceLock};

/// Month names (`data/months.tsv`).
const MONTHS_TSV: &str = data_table!(include_str!("../../data/months.tsv"));
/// Day ordinals, clock hours, weekdays (`data/date_words.tsv`).
const DATE_WORDS_TSV: &str = data_table!(include_str!("../../data/date_words.tsv"));
/// Units of durations (`data/time_units.tsv`).
const TIME_UNITS_TSV: &str = data_table!(include_str!("../../data/time_units.tsv"));
/// Relative dates (`data/relative_dates.tsv`).
const RELATIVE_DATES_TSV: &str = data_table!(include_str!("../../data/relative_dates.tsv"));

/// Clitics that may be glued before the first word of a phrase; they stay
/// outside the entity's span. Longest first.
const CLITICS: &[&str] = &["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

/// The word `يوم` ("day") before a weekday or a date (`يوم الجمعة`,
/// `يوم 5/6`), bare or with a clitic (outside the span: its length is that
/// of `و`), in search form.
pub const DAY_WORDS: &[&str] = &["يوم", "ويوم", "فيوم", "بيوم", "ليوم"];

/// How a time-unit word counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitForm {
    /// Singular: after a number (`21 يوماً`) or alone after `لمدة` (one unit).
    Singular,
    /// Dual: a count of two by itself (`شهرين`).
    Dual,
    /// Plural: after a number (`5 سنوات`).
    Plural,
}

/// What a phrase of the tables means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWord {
    /// A month name.
    Month {
        /// Its calendar.
        calendar: Calendar,
        /// 1–12.
        month: u8,
        /// True when the name alone is a date.
        standalone: bool,
    },
    /// An ordinal day of the month in words (`الثاني`, `الحادي والعشرين`).
    Day(u8),
    /// A clock hour in words (`التاسعة`).
    Hour(u8),
    /// A weekday (ISO: 1 = Monday).
    Weekday(u8),
    /// A unit of time, and how many of it one word counts (10 for a
    /// decade, `عقد`; 100 for a century, `قرن`; else 1).
    Unit(TimeUnit, UnitForm, u8),
    /// A relative date (`أمس`, `العام الماضي`).
    Relative(TimeUnit, i64),
    /// A word before a year (`عام`, `سنة`).
    YearMarker,
    /// An era after a year (`م`, `هـ`), giving its calendar.
    Era(Calendar),
    /// A preposition after which a bare four-digit year is a date (`في`, `منذ`).
    YearPreposition,
    /// An event named by its year (`حرب 1948`), also across up to two
    /// definite words (`الحرب العالمية الثانية 1939`, `كأس العالم 2022`).
    YearEvent,
    /// A part of a year named by an ordinal (`الربع الأول من 2024`).
    YearPart,
    /// A part of the day after a clock time (`صباحاً` 1, `مساءً` 2, `ظهراً` 3, `ليلاً` 4).
    DayPeriod(u8),
    /// Minutes added to a clock hour in words (`والنصف` 30, `إلا ربعاً` −15).
    Minutes(i32),
    /// A fraction of one unit, in hundredths (`نصف` 50, `ربع` 25).
    Fraction(u8),
    /// A word that opens a period (`من`, `بين`, `الفترة`).
    RangeWord,
    /// A clock time by name (`منتصف الليل` 0, `منتصف النهار` 12).
    NamedTime(u8),
}

/// A phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    /// What it means.
    pub word: DateWord,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
    /// Bytes of clitic glued before it in the first token (outside the span).
    pub clitic: usize,
}

/// Phrases (as search-form word sequences) keyed by their first word.
type PhraseMap = crate::word_hash::WordHashMap<String, Vec<Phrase>>;

/// A phrase (its words, in search form) and what it means.
type Phrase = (Vec<String>, DateWord);

/// Every word table of the date recognizers, folded and indexed.
#[derive(Debug)]
pub struct DateLexicon {
    /// Phrases by first word; within a key, longest phrase first.
    phrases: PhraseMap,
    /// The same, for first words that start with `ال`, keyed without the
    /// `ا`: `للعام` is ل + `لعام`.
    lam_phrases: PhraseMap,
    /// For each slot of hashed word endings ([`ending_slot`]), true when
    /// some table word (or a short one with a clitic) has that ending: a
    /// clitic changes a word's start, never its end, so most words stop at
    /// this test ([`DateLexicon::may_start`]).
    ending_index: Vec<bool>,
    /// Every written form of a phrase's first word, bare or with a clitic
    /// (`عام`, `لعام`, `للعام`), and 1 + its index in `first_words`.
    first_word_forms: crate::word_hash::WordHashMap<String, u32>,
    /// What a phrase starting with each form can mean.
    first_words: Vec<FirstWord>,
}

/// What a phrase starting with one written word can mean: the word as it
/// stands (`bare`), or also with a clitic glued before it taken off (`any`,
/// which starts with `bare`). [`DateLexicon::find`] returns only these meanings.
#[derive(Debug, Default)]
struct FirstWord {
    bare: Vec<DateWord>,
    any: Vec<DateWord>,
}

/// Bit of [`WordStarts::starts`]: some table word has the word's ending ([`DateLexicon::may_start`]).
const MAY_START: u8 = 1;

/// The recognizers of the date family, each with its own list of the
/// tokens where it can start ([`DateLexicon::start_tokens`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFamily {
    /// Calendar dates (`super::date`).
    Date = 1,
    /// Clock times (`super::time`).
    Time = 2,
    /// Relative dates (`super::relative`).
    Relative = 3,
    /// Durations (`super::duration`).
    Duration = 4,
    /// Periods (`super::period`).
    Period = 5,
}

/// The family members, in the order of their bits and lists.
const FAMILY: [DateFamily; 5] = [
    DateFamily::Date,
    DateFamily::Time,
    DateFamily::Relative,
    DateFamily::Duration,
    DateFamily::Period,
];

/// What the date lexicon says of one distinct word of a document.
#[derive(Debug, Clone, Copy, Default)]
struct WordStarts {
    /// 1 + the index of the word in [`DateLexicon::first_words`], or 0 when
    /// no phrase starts with it (or [`MAY_START`] is off).
    first_word: u32,
    /// [`MAY_START`], and bit `1 << f` for each [`DateFamily`] `f` that may
    /// start at the word.
    starts: u8,
}

/// The date lexicon's answers for one document, computed once for the whole
/// date family in one pass over its distinct words and one over its tokens.
#[derive(Debug, Default)]
pub struct DateStarts {
    /// By word id ([`Document::word_id`]).
    words: Vec<WordStarts>,
    /// Per [`DateFamily`] (in [`FAMILY`] order), the tokens where it may
    /// start, in order: digits (but for relative dates) and the words its
    /// `may_start_word` accepts.
    lists: [Vec<u32>; 5],
}

/// Slots in [`DateLexicon::ending_index`].
const ENDING_SLOTS: usize = 1 << 14;

/// The slot of a word's ending (its last three characters, or the whole word).
#[inline]
fn ending_slot(word: &str) -> usize {
    // The start of the third character from the end (0 for shorter words),
    // found on the bytes: UTF-8 continuation bytes are `10xxxxxx`.
    let bytes = word.as_bytes();
    let mut start = bytes.len();
    for _ in 0..3 {
        if start == 0 {
            break;
        }
        start -= 1;
        while start > 0 && bytes[start] & 0xC0 == 0x80 {
            start -= 1;
        }
    }
    let mut h = crate::word_hash::WordHasher::default();
    h.write(&word.as_bytes()[start..]);
    (h.finish() as usize) & (ENDING_SLOTS - 1)
}

impl DateLexicon {
    /// The lexicon, built once per process and shared by the recognizers.
    pub fn shared() -> Arc<DateLexicon> {
        static LEXICON: OnceLock<Arc<DateLexicon>> = OnceLock::new();
        LEXICON
            .get_or_init(|| Arc::new(DateLexicon::build()))
            .clone()
    }

    /// Builds the lexicon from the data files.
    fn build() -> DateLexicon {
        let mut phrases = PhraseMap::default();
        let mut add = |phrase: &str, word: DateWord| {
            let words: Vec<String> = search_form(phrase)
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if let Some(first) = words.first() {
                phrases
                    .entry(first.clone())
                    .or_default()
                    .push((words, word));
            }
        };
        for f in rows(MONTHS_TSV) {
            let calendar = match f[1] {
                "hijri" => Calendar::Hijri,
                _ => Calendar::Gregorian,
            };
            add(
                f[0],
                DateWord::Month {
                    calendar,
                    month: f[2].parse().expect("month number"),
                    standalone: f[3] == "1",
                },
            );
        }
        for f in rows(DATE_WORDS_TSV) {
            let v: u32 = f[2].parse().unwrap_or(0);
            let word = match f[1] {
                "day" => DateWord::Day(v as u8),
                "hour" => DateWord::Hour(v as u8),
                "weekday" => DateWord::Weekday(v as u8),
                "year_marker" => DateWord::YearMarker,
                "era" if v == 2 => DateWord::Era(Calendar::Hijri),
                "era" => DateWord::Era(Calendar::Gregorian),
                "year_preposition" => DateWord::YearPreposition,
                "year_event" => DateWord::YearEvent,
                "year_part" => DateWord::YearPart,
                "day_period" => DateWord::DayPeriod(v as u8),
                "minutes" => DateWord::Minutes(f[2].parse().expect("minutes")),
                "fraction" => DateWord::Fraction(v as u8),
                "range_word" => DateWord::RangeWord,
                "named_time" => DateWord::NamedTime(v as u8),
                other => panic!("date_words.tsv: unknown category {other}"),
            };
            add(f[0], word);
        }
        for f in rows(TIME_UNITS_TSV) {
            let form = match f[2] {
                "1" => UnitForm::Singular,
                "2" => UnitForm::Dual,
                _ => UnitForm::Plural,
            };
            let factor = f.get(3).map_or(1, |n| n.parse().expect("unit factor"));
            add(f[0], DateWord::Unit(parse_unit(f[1]), form, factor));
        }
        for f in rows(RELATIVE_DATES_TSV) {
            add(
                f[0],
                DateWord::Relative(parse_unit(f[1]), f[2].parse().expect("offset")),
            );
        }
        for list in phrases.values_mut() {
            crate::sort::sort_by_u64_key(list, |(words, _)| {
                crate::sort::longest_first(words.len())
            });
        }
        let mut ending_index = vec![false; ENDING_SLOTS];
        let mut lam_phrases = PhraseMap::default();
        for first in phrases.keys() {
            ending_index[ending_slot(first)] = true;
            // A clitic changes the ending of a short word (`من` → `ومن`).
            if first.chars().count() < 3 {
                for c in CLITICS {
                    ending_index[ending_slot(&format!("{c}{first}"))] = true;
                }
            }
        }
        for (first, list) in &phrases {
            if let Some(rest) = first.strip_prefix('ا').filter(|r| r.starts_with('ل')) {
                lam_phrases.insert(rest.to_string(), list.clone());
            }
        }
        let mut lexicon = DateLexicon {
            phrases,
            lam_phrases,
            ending_index,
            first_word_forms: Default::default(),
            first_words: Vec::new(),
        };
        lexicon.index_first_words();
        lexicon
    }

    /// Fills [`DateLexicon::first_words`]: for every first word of a phrase,
    /// bare and with each clitic (and ل + `ال` written `لل`), what the
    /// phrases [`DateLexicon::find`] would look up for it can mean.
    fn index_first_words(&mut self) {
        let mut forms: Vec<(String, bool, &[Phrase])> = Vec::new();
        for (first, list) in &self.phrases {
            forms.push((first.clone(), true, list));
            forms.extend(
                CLITICS
                    .iter()
                    .map(|c| (format!("{c}{first}"), false, &list[..])),
            );
        }
        for (rest, list) in &self.lam_phrases {
            for c in CLITICS.iter().filter(|c| c.ends_with('ل')) {
                forms.push((format!("{c}{rest}"), false, &list[..]));
            }
        }
        let mut index = crate::word_hash::WordHashMap::<String, u32>::default();
        let mut first_words: Vec<FirstWord> = Vec::new();
        for (form, bare, list) in forms {
            let k = *index.entry(form).or_insert_with(|| {
                first_words.push(FirstWord::default());
                first_words.len() as u32
            });
            let entry = &mut first_words[k as usize - 1];
            for (_, word) in list {
                if bare && !entry.bare.contains(word) {
                    entry.bare.push(*word);
                }
            }
        }
        // `any` is `bare`, then the meanings with a clitic off.
        for (form, k) in &index {
            let entry = &mut first_words[*k as usize - 1];
            entry.any = entry.bare.clone();
            let mut add = |list: Option<&Vec<Phrase>>| {
                for (_, word) in list.into_iter().flatten() {
                    if !entry.any.contains(word) {
                        entry.any.push(*word);
                    }
                }
            };
            for c in CLITICS {
                let Some(rest) = form.strip_prefix(c).filter(|r| !r.is_empty()) else {
                    continue;
                };
                add(self.phrases.get(rest));
                if c.ends_with('ل') && rest.starts_with('ل') {
                    add(self.lam_phrases.get(rest));
                }
            }
        }
        self.first_word_forms = index;
        self.first_words = first_words;
    }

    /// False when no phrase of the tables can start at token `i` (a word
    /// whose ending no table word has, or not a word): a cheap test that
    /// lets the recognizers skip most words. Every word the recognizers
    /// compare directly (`يوم`, `شهر`, `قبل`, `الساعة`) is in the tables too.
    #[inline]
    pub fn may_start(&self, doc: &Document<'_>, i: usize) -> bool {
        self.word_starts(doc, i).starts & MAY_START != 0
    }

    /// The tokens where `family` may start, in order (computed once per
    /// document for the whole family): digits (not for relative dates,
    /// which start with words) and the words [`DateLexicon::may_start`]
    /// accepts and the family's own test of a word (`may_start_word` of its
    /// module: the first words of its patterns) accepts.
    pub fn start_tokens<'d>(&self, doc: &'d Document<'_>, family: DateFamily) -> &'d [u32] {
        &self.document_starts(doc).lists[family as usize - 1]
    }

    /// What the lexicon says of token `i`'s word (nothing for other tokens).
    #[inline]
    fn word_starts(&self, doc: &Document<'_>, i: usize) -> WordStarts {
        let words = &self.document_starts(doc).words;
        doc.word_id(i)
            .and_then(|id| words.get(id).copied())
            .unwrap_or_default()
    }

    /// The memo of the document: one pass over its distinct words, one over its tokens.
    fn document_starts<'d>(&self, doc: &'d Document<'_>) -> &'d DateStarts {
        doc.date_starts(|| {
            let words: Vec<WordStarts> = doc.words().iter().map(|w| self.starts_of(w)).collect();
            let mut lists: [Vec<u32>; 5] = Default::default();
            for k in 0..doc.tokens.len() {
                let Some(id) = doc.word_id(k) else {
                    continue;
                };
                let starts = words[id].starts;
                if starts > MAY_START {
                    for f in FAMILY {
                        if starts & (1 << f as u8) != 0 {
                            lists[f as usize - 1].push(k as u32);
                        }
                    }
                }
            }
            for f in FAMILY {
                if f != DateFamily::Relative {
                    let list = &mut lists[f as usize - 1];
                    *list = super::merge_tokens(doc.digit_tokens(), list);
                }
            }
            DateStarts { words, lists }
        })
    }

    /// What the lexicon says of the word `word`.
    fn starts_of(&self, word: &str) -> WordStarts {
        if !self.ending_index[ending_slot(word)] {
            return WordStarts::default();
        }
        let first_word = self.first_word_forms.get(word).copied().unwrap_or(0);
        let (bare, any) = match first_word {
            0 => (&[][..], &[][..]),
            k => {
                let f = &self.first_words[k as usize - 1];
                (&f.bare[..], &f.any[..])
            }
        };
        let mut starts = MAY_START;
        for f in FAMILY {
            let may = match f {
                DateFamily::Date => super::date::may_start_word(word, any),
                DateFamily::Time => super::time::may_start_word(word, bare, any),
                DateFamily::Relative => super::relative::may_start_word(word, any),
                DateFamily::Duration => super::duration::may_start_word(self, word, any),
                DateFamily::Period => super::period::may_start_word(word),
            };
            if may {
                starts |= 1 << f as u8;
            }
        }
        WordStarts { first_word, starts }
    }

    /// The longest phrase starting at token `i` whose meaning passes `accept`.
    /// With `clitics`, the first word may carry a glued clitic (`وفي`, `لعام`,
    /// `للعام`), which is left out of the match.
    pub fn find(
        &self,
        doc: &Document<'_>,
        i: usize,
        clitics: bool,
        accept: impl Fn(DateWord) -> bool,
    ) -> Option<WordMatch> {
        // The meanings a phrase starting here can have: none passes, nothing to look up.
        let first_word = self.word_starts(doc, i).first_word;
        if first_word == 0 {
            return None;
        }
        let meanings = &self.first_words[first_word as usize - 1];
        let meanings = if clitics {
            &meanings.any
        } else {
            &meanings.bare
        };
        if !meanings.iter().any(|w| accept(*w)) {
            return None;
        }
        let word = doc.token_text(i);
        if let Some(m) = self.find_with_first(&self.phrases, doc, i, word, 0, &accept) {
            return Some(m);
        }
        if !clitics {
            return None;
        }
        for c in CLITICS {
            let Some(rest) = word.strip_prefix(c) else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            if let Some(m) = self.find_with_first(&self.phrases, doc, i, rest, c.len(), &accept) {
                return Some(m);
            }
            // ل + ال is written لل: `للعام` is ل + العام; the span then
            // starts after both lams (`عام`).
            if c.ends_with('ل') && rest.starts_with('ل') {
                let skip = c.len() + 'ل'.len_utf8();
                if let Some(m) =
                    self.find_with_first(&self.lam_phrases, doc, i, rest, skip, &accept)
                {
                    return Some(m);
                }
            }
        }
        None
    }

    /// The time unit that the one word `word` (search form, no clitic)
    /// names, with its form and how many of the unit it counts.
    pub fn unit_word(&self, word: &str) -> Option<(TimeUnit, UnitForm, u8)> {
        self.phrases
            .get(word)?
            .iter()
            .find_map(|(words, meaning)| match *meaning {
                DateWord::Unit(unit, form, factor) if words.len() == 1 => {
                    Some((unit, form, factor))
                }
                _ => None,
            })
    }

    /// The weekday (ISO: 1 = Monday) named by a word of `text` (search
    /// form, without clitics: an entity's span leaves them out), if any.
    pub fn weekday_in(&self, text: &str) -> Option<u8> {
        text.split(' ').find_map(|word| {
            self.phrases
                .get(word)?
                .iter()
                .find_map(|(words, meaning)| match meaning {
                    DateWord::Weekday(d) if words.len() == 1 => Some(*d),
                    _ => None,
                })
        })
    }

    /// Phrases whose first word is `first` (token `i` without its clitic).
    fn find_with_first(
        &self,
        map: &PhraseMap,
        doc: &Document<'_>,
        i: usize,
        first: &str,
        clitic: usize,
        accept: &impl Fn(DateWord) -> bool,
    ) -> Option<WordMatch> {
        let list = map.get(first)?;
        for (words, meaning) in list {
            if !accept(*meaning) {
                continue;
            }
            let rest_match = words[1..].iter().enumerate().all(|(k, w)| {
                let t = i + 1 + k;
                t < doc.tokens.len()
                    && doc.tokens[t].kind == TokenKind::Word
                    && doc.token_text(t) == w
            });
            if rest_match {
                return Some(WordMatch {
                    word: *meaning,
                    first: i,
                    last: i + words.len() - 1,
                    clitic,
                });
            }
        }
        None
    }
}

/// True when token `i` is glued to a word before it that is more than a
/// one-letter clitic: `COVID19` or `CT2020` (codes), but not `و2025`.
pub fn glued_to_word(doc: &Document<'_>, i: usize) -> bool {
    i > 0
        && i < doc.tokens.len()
        && !doc.tokens[i].space_before
        && doc.tokens[i - 1].kind == TokenKind::Word
        && !["و", "ف", "ب", "ل", "ك"].contains(&doc.token_text(i - 1))
}

/// The data rows of a TSV table: no comments or blank lines, at least 3 fields.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
        .inspect(|f| assert!(f.len() >= 3, "bad table row {f:?}"))
}

/// A unit name of the tables (`day`, `year`, ...).
fn parse_unit(name: &str) -> TimeUnit {
    match name {
        "second" => TimeUnit::Second,
        "minute" => TimeUnit::Minute,
        "hour" => TimeUnit::Hour,
        "day" => TimeUnit::Day,
        "week" => TimeUnit::Week,
        "month" => TimeUnit::Month,
        "year" => TimeUnit::Year,
        other => panic!("unknown time unit {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn find_in(text: &str, i: usize) -> Option<WordMatch> {
        let text = search_form(text);
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        DateLexicon::shared().find(&doc, i, true, |_| true)
    }

    #[test]
    fn months_days_and_clitics() {
        let m = find_in("كانون الأول", 0).unwrap();
        assert_eq!(
            m.word,
            DateWord::Month {
                calendar: Calendar::Gregorian,
                month: 12,
                standalone: true
            }
        );
        assert_eq!(m.last, 1);
        let m = find_in("وأغسطس", 0).unwrap();
        assert_eq!((m.clitic, m.last), ("و".len(), 0));
        assert_eq!(
            find_in("الحادي والعشرين", 0).unwrap().word,
            DateWord::Day(21)
        );
        assert_eq!(
            find_in("للعام الماضي", 0).unwrap().word,
            DateWord::Relative(TimeUnit::Year, -1)
        );
        assert_eq!(
            find_in("شهرين", 0).unwrap().word,
            DateWord::Unit(TimeUnit::Month, UnitForm::Dual, 1)
        );
        assert!(find_in("كتاب", 0).is_none());
    }

    #[test]
    fn each_recognizer_starts_at_its_own_words() {
        let text = search_form("قبل 3 أيام في الساعة التاسعة من يناير");
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        let lex = DateLexicon::shared();
        assert_eq!(lex.start_tokens(&doc, DateFamily::Relative), [0]);
        assert_eq!(lex.start_tokens(&doc, DateFamily::Time), [1, 4, 5]);
        assert_eq!(lex.start_tokens(&doc, DateFamily::Duration), [1]);
        assert_eq!(lex.start_tokens(&doc, DateFamily::Period), [1, 6]);
        assert_eq!(lex.start_tokens(&doc, DateFamily::Date), [1, 7]);
        // `في` may start a phrase (a year's preposition), yet no recognizer starts there.
        assert!(lex.may_start(&doc, 3));
    }

    #[test]
    fn a_clitic_keeps_the_ending_of_the_first_word() {
        // `find` trusts the first-word forms; the ending filter the lexicon
        // had also asked that the form's ending slot hold the meaning. A
        // clitic keeps the ending of a first word of 3 letters or more, and
        // short ones have their clitic forms' slots filled; the forms ل +
        // `ال` + one letter written `لل` (`للا`, from `إلا`) have an ending
        // of their own, whose slot must then stay empty (never looked up).
        let lex = DateLexicon::shared();
        for k in lex.lam_phrases.keys().filter(|k| k.chars().count() < 3) {
            for c in CLITICS.iter().filter(|c| c.ends_with('ل')) {
                assert!(!lex.ending_index[ending_slot(&format!("{c}{k}"))], "{c}{k}");
            }
        }
        assert!(lex.first_word_forms.len() > 1000);
    }
}
