//! Numbers written in words: cardinals (`ثلاثة وعشرين`, `مائتان وخمسون`,
//! `خمسة ملايين`, `نصف مليون`), duals of counted nouns (`بلديتان`) and
//! ordinals (`الخامس عشر`, `الخامسة والتسعين`, `الأولى`).
//!
//! The stable API other recognizers call (dates, durations, times, money):
//! [`cardinal_at`], [`ordinal_at`] and [`scale_at`], each reading a
//! [`Document`] at a token index and returning a [`WordNumber`] (first and
//! last token, byte span without leading clitics, value). The word tables
//! are compiled once per process ([`NumberWords::shared`]).

use super::number::{minus_word_before, smaller_part_after};
use super::range::far_end_after;
use super::{Candidate, Document, Recognizer, SparseTokenMemo};
use crate::entity::{EntityKind, Num, Value};
use crate::normalize::search_form;
use crate::span::Span;
use crate::tokenize::TokenKind;
use std::sync::OnceLock;

/// A number read from words in tokens `first..=last` of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordNumber {
    /// Index of the first token (its leading clitics, if any, are outside `span`).
    pub first: usize,
    /// Index of the last token.
    pub last: usize,
    /// Byte span in the normalized text, without leading clitics (`و ب ل ف ك`).
    pub span: Span,
    /// The value.
    pub value: f64,
}

/// Cardinal words: units, the teen leads (`أحد`, `اثنا`) and ten itself.
/// `(word, value, kind)`: kind 0 = unit, 1 = lead that needs `عشر` after it.
const UNITS: &[(&str, u8, u8)] = &[
    ("صفر", 0, 0),
    ("واحد", 1, 0),
    ("واحدة", 1, 0),
    ("أحد", 1, 1),
    ("إحدى", 1, 1),
    ("اثنان", 2, 0),
    ("اثنين", 2, 0),
    ("اثنتان", 2, 0),
    ("اثنتين", 2, 0),
    ("إثنين", 2, 0),
    ("اثنا", 2, 1),
    ("اثني", 2, 1),
    ("اثنتا", 2, 1),
    ("اثنتي", 2, 1),
    ("ثلاث", 3, 0),
    ("ثلاثة", 3, 0),
    ("أربع", 4, 0),
    ("أربعة", 4, 0),
    ("خمس", 5, 0),
    ("خمسة", 5, 0),
    ("ست", 6, 0),
    ("ستة", 6, 0),
    ("سبع", 7, 0),
    ("سبعة", 7, 0),
    ("ثمان", 8, 0),
    ("ثماني", 8, 0),
    ("ثمانية", 8, 0),
    ("تسع", 9, 0),
    ("تسعة", 9, 0),
    ("عشر", 10, 0),
    ("عشرة", 10, 0),
    // Accusative forms of the feminine-counted units (`خمسًا وأربعين`).
    ("ثلاثا", 3, 0),
    ("أربعا", 4, 0),
    ("خمسا", 5, 0),
    ("ستا", 6, 0),
    ("سبعا", 7, 0),
    ("ثمانيا", 8, 0),
    ("تسعا", 9, 0),
    ("عشرا", 10, 0),
];

/// Units that may take the article (`الأشهر التسعة`, `السنوات الثلاث`).
const UNITS_WITH_ARTICLE: &[&str] = &[
    "ثلاث",
    "ثلاثة",
    "أربع",
    "أربعة",
    "خمس",
    "خمسة",
    "ستة",
    "سبعة",
    "ثماني",
    "ثمانية",
    "تسع",
    "تسعة",
    "عشرة",
];

/// The second word of 11–19 (`خمسة عشر`, `إحدى عشرة`).
const TEEN_WORDS: &[&str] = &["عشر", "عشرة"];

/// Tens, both cases.
const TENS: &[(&str, u8)] = &[
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("أربعون", 40),
    ("أربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
];

/// Hundreds written as one word.
const HUNDREDS: &[(&str, u16)] = &[
    ("مائة", 100),
    ("مئة", 100),
    ("مائتان", 200),
    ("مئتان", 200),
    ("مائتين", 200),
    ("مئتين", 200),
    ("مائتا", 200),
    ("مئتا", 200),
    ("مائتي", 200),
    ("مئتي", 200),
    ("ثلاثمائة", 300),
    ("ثلاثمئة", 300),
    ("أربعمائة", 400),
    ("أربعمئة", 400),
    ("خمسمائة", 500),
    ("خمسمئة", 500),
    ("ستمائة", 600),
    ("ستمئة", 600),
    ("سبعمائة", 700),
    ("سبعمئة", 700),
    ("ثمانمائة", 800),
    ("ثمانمئة", 800),
    ("ثمانيمائة", 800),
    ("تسعمائة", 900),
    ("تسعمئة", 900),
];

/// Scale words: `(word, multiplier, form)`; form 0 = singular, 1 = dual,
/// 2 = plural (after 3–10), 3 = accusative singular or dual construct
/// (`ألفاً` after a number, `ألفا ريال` alone).
const SCALES: &[(&str, f64, u8)] = &[
    ("ألف", 1e3, 0),
    ("ألفا", 1e3, 3),
    ("ألفان", 1e3, 1),
    ("ألفين", 1e3, 1),
    ("ألفي", 1e3, 1),
    ("آلاف", 1e3, 2),
    ("ألوف", 1e3, 2),
    ("مليون", 1e6, 0),
    ("مليونا", 1e6, 3),
    ("مليونان", 1e6, 1),
    ("مليونين", 1e6, 1),
    ("مليوني", 1e6, 1),
    ("ملايين", 1e6, 2),
    ("مليار", 1e9, 0),
    ("مليارا", 1e9, 3),
    ("ملياران", 1e9, 1),
    ("مليارين", 1e9, 1),
    ("ملياري", 1e9, 1),
    ("مليارات", 1e9, 2),
    ("بليون", 1e9, 0),
    ("بليونا", 1e9, 3),
    ("بلايين", 1e9, 2),
    ("تريليون", 1e12, 0),
    ("تريليونا", 1e12, 3),
    ("تريليونان", 1e12, 1),
    ("تريليونين", 1e12, 1),
    ("تريليونات", 1e12, 2),
    // The spelling without the first ي, as common in the press.
    ("ترليون", 1e12, 0),
    ("ترليونا", 1e12, 3),
    ("ترليونين", 1e12, 1),
    ("ترليونات", 1e12, 2),
];

/// Fractions that multiply a following scale word (`نصف مليون`) or add to
/// a preceding one (`مليون ونصف`).
/// Alone before a noun they are numbers too (`ثلث ثروته`, `ثلثا الأعضاء`).
const FRACTIONS: &[(&str, f64)] = &[
    ("نصف", 0.5),
    ("ربع", 0.25),
    ("ثلث", 1.0 / 3.0),
    ("ثلثا", 2.0 / 3.0),
    ("ثلثي", 2.0 / 3.0),
];

/// Words after `نصف`, `ربع` that make them a round of a contest, a
/// "semi-" adjective or a part of a period of time, not a number (`نصف
/// النهائي`, `ربع نهائي`, `نصف السنوية`, `نصف السنة المالية`), in search form.
const NOT_FRACTION_AFTER: &[&str] = &[
    "النهاءي",
    "نهاءي",
    "النهاءيه",
    "نهاءيه",
    "السنويه",
    "سنويه",
    "الشهريه",
    "شهريه",
    "السنوي",
    "سنوي",
    "الشهري",
    "شهري",
    "السنه",
    "العام",
    "الشهر",
    "الاسبوع",
    "اليوم",
    "الساعه",
    "القرن",
    "العقد",
];

/// The masculine one, `واحد`, which folds like `وأحد` ("and one of").
const ONE: &str = "واحد";

/// Words that may follow the number `واحد` (`واحد من`, `واحد فقط`).
const AFTER_ONE: &[&str] = &[
    "من", "في", "على", "فقط", "أو", "إلى", "مع", "عن", "كل", "منها", "منهم", "لكل", "بعد", "قبل",
    "هو", "هي", "أن", "إن", "لا", "لم", "لن", "قد", "ثم", "حتى", "خلال",
];

/// A sign word before a number.
const NEGATIVE_WORDS: &[&str] = &["سالب", "ناقص"];

/// Ordinal words: `(word, value, lead)`; lead = true for `حادي` (only in
/// `الحادي عشر`). Masculine and feminine.
const ORDINALS: &[(&str, u8, bool)] = &[
    ("أول", 1, false),
    ("أولى", 1, false),
    ("حادي", 1, true),
    ("حادية", 1, true),
    ("ثاني", 2, false),
    ("ثانية", 2, false),
    ("ثالث", 3, false),
    ("ثالثة", 3, false),
    ("رابع", 4, false),
    ("رابعة", 4, false),
    ("خامس", 5, false),
    ("خامسة", 5, false),
    ("سادس", 6, false),
    ("سادسة", 6, false),
    ("سابع", 7, false),
    ("سابعة", 7, false),
    ("ثامن", 8, false),
    ("ثامنة", 8, false),
    ("تاسع", 9, false),
    ("تاسعة", 9, false),
    ("عاشر", 10, false),
    ("عاشرة", 10, false),
    // Adverbs of enumeration: firstly, secondly...
    ("أولاً", 1, false),
    ("ثانياً", 2, false),
    ("ثالثاً", 3, false),
    ("رابعاً", 4, false),
    ("خامساً", 5, false),
    ("سادساً", 6, false),
    ("سابعاً", 7, false),
    ("ثامناً", 8, false),
    ("تاسعاً", 9, false),
    ("عاشراً", 10, false),
];

/// `أول ما` is "as soon as", not an ordinal.
const FIRST_WHAT: (&str, &str) = ("أول", "ما");

/// The feminine `أولى`, which shares its search form with `أوّلي`
/// (preliminary) and `أُولِيَ` (was given): read as an ordinal only after a
/// feminine word.
const FIRST_FEMININE: &str = "أولى";

/// Month names that take an ordinal as part of their name (`تشرين الأول`,
/// `كانون الثاني`, `ربيع الأول`, `جمادى الأولى`): no ordinal after them.
const MONTHS_WITH_ORDINALS: &[&str] = &["تشرين", "كانون", "ربيع", "جمادى"];

/// The feminine `ثانية`, also "a second" (`30 ثانية`): no ordinal right after a number.
const SECOND_FEMININE: &str = "ثانية";

/// Nouns whose dual (`بلديتان`, `مستويين`, `شهرين`) counts two. Only these:
/// any word ending in `ان`/`ين` is not a dual (`لبنان`, `البحرين`).
const DUAL_NOUNS: &str = data_table!(include_str!("../../data/dual_nouns.txt"));

/// Nouns after which a definite tens or hundred word is an ordinal
/// (`القرن العشرين`, `الذكرى الثمانين`, `الدورة المئة`): past nineteen, Arabic
/// writes ordinals with the cardinal. Only after these: `السنوات العشرين`
/// (the twenty years) stays a count.
const ORDINAL_HEADS: &str = data_table!(include_str!("../../data/ordinal_heads.txt"));

/// `بعد` in `الخامسة والثلاثين بعد المائة` (the 135th).
const AFTER: &str = "بعد";

/// Words that look like a clitic + number but are not (`لست` = "I am not").
const NOT_NUMBERS: &[&str] = &["لست", "لستم", "بست", "وست", "فست"];

/// A string-keyed map with the fast [`crate::word_hash::WordHasher`].
pub type WordMap<V> = crate::word_hash::WordHashMap<String, V>;

/// A filter on the last four bytes of a word: every reading of a word
/// (clitics and article stripped) ends like the word itself, so a word whose
/// ending no table word has cannot match, and is skipped without hashing.
#[derive(Clone)]
pub struct Endings([u64; 1024]);

impl std::fmt::Debug for Endings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Endings")
    }
}

impl Endings {
    /// The endings of `words`.
    pub fn of<'a>(words: impl IntoIterator<Item = &'a String>) -> Self {
        let mut bits = [0u64; 1024];
        for w in words {
            let k = Self::key(w);
            bits[k / 64] |= 1 << (k % 64);
        }
        Endings(bits)
    }

    /// The last four bytes (two Arabic letters), hashed to 16 bits.
    fn key(word: &str) -> usize {
        let b = word.as_bytes();
        let n = b.len();
        let mut last = [0u8; 4];
        let take = n.min(4);
        last[4 - take..].copy_from_slice(&b[n - take..]);
        (u32::from_le_bytes(last).wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    /// True when some table word ends like `word`.
    pub fn may_match(&self, word: &str) -> bool {
        let k = Self::key(word);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// One word of a cardinal number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    /// 0–10.
    Unit(u8),
    /// `أحد`/`اثنا`: the first word of 11 or 12.
    Lead(u8),
    /// 20–90.
    Ten(u8),
    /// 100–900.
    Hundred(u16),
    /// A scale word with its multiplier and form (see [`SCALES`]).
    Scale(f64, u8),
    /// `نصف`, `ربع`, `ثلث`.
    Fraction(f64),
}

/// What the previous word of a cardinal was, for the grammar.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Unit,
    Teen,
    Ten,
    Hundred,
    Scale,
    Fraction,
}

/// The compiled word tables (search-normalized).
#[derive(Debug)]
pub struct NumberWords {
    cardinals: WordMap<Piece>,
    cardinal_endings: Endings,
    ordinal_endings: Endings,
    dual_endings: Endings,
    /// Units allowed after the article (bare form).
    with_article: WordMap<()>,
    teen: WordMap<()>,
    ordinals: WordMap<(u8, bool)>,
    first_feminine: String,
    second_feminine: String,
    first_what: (String, String),
    months_with_ordinals: WordMap<()>,
    negative: Vec<String>,
    one: String,
    after_one: WordMap<()>,
    not_numbers: WordMap<()>,
    /// Dual forms of counted nouns.
    duals: WordMap<()>,
    /// Heads of definite tens ordinals, with the article ([`ORDINAL_HEADS`]).
    ordinal_heads: WordMap<()>,
    /// [`AFTER`], folded.
    after: String,
}

impl NumberWords {
    /// Compiles the tables.
    pub fn new() -> Self {
        let mut cardinals = WordMap::default();
        for &(w, v, kind) in UNITS {
            let p = if kind == 1 {
                Piece::Lead(v)
            } else {
                Piece::Unit(v)
            };
            cardinals.insert(search_form(w), p);
        }
        for &(w, v) in TENS {
            cardinals.insert(search_form(w), Piece::Ten(v));
        }
        for &(w, v) in HUNDREDS {
            cardinals.insert(search_form(w), Piece::Hundred(v));
        }
        for &(w, m, form) in SCALES {
            cardinals.insert(search_form(w), Piece::Scale(m, form));
        }
        for &(w, f) in FRACTIONS {
            cardinals.insert(search_form(w), Piece::Fraction(f));
        }
        let set = |words: &[&str]| -> WordMap<()> {
            words.iter().map(|w| (search_form(w), ())).collect()
        };
        let mut ordinals = WordMap::default();
        for &(w, v, lead) in ORDINALS {
            ordinals.insert(search_form(w), (v, lead));
        }
        let mut duals = WordMap::default();
        for line in DUAL_NOUNS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (noun, only_an) = match line.split_once('|') {
                Some((n, _)) => (n, true),
                None => (line, false),
            };
            let noun = search_form(noun);
            // `بلدية` → `بلديتان`/`بلديتين`; `شهر` → `شهران`/`شهرين`;
            // `مستوى` → `مستويان`/`مستويين`.
            let stem = if let Some(s) = noun.strip_suffix('ه') {
                format!("{s}ت")
            } else {
                noun.clone()
            };
            for end in ["ان", "ين"] {
                if only_an && end == "ين" {
                    continue;
                }
                duals.insert(format!("{stem}{end}"), ());
            }
        }
        NumberWords {
            cardinal_endings: Endings::of(cardinals.keys()),
            ordinal_endings: Endings::of(ordinals.keys()),
            dual_endings: Endings::of(duals.keys()),
            cardinals,
            with_article: set(UNITS_WITH_ARTICLE),
            teen: set(TEEN_WORDS),
            ordinals,
            first_feminine: search_form(FIRST_FEMININE),
            second_feminine: search_form(SECOND_FEMININE),
            first_what: (search_form(FIRST_WHAT.0), search_form(FIRST_WHAT.1)),
            months_with_ordinals: set(MONTHS_WITH_ORDINALS),
            one: search_form(ONE),
            after_one: set(AFTER_ONE),
            negative: NEGATIVE_WORDS.iter().map(|w| search_form(w)).collect(),
            not_numbers: set(NOT_NUMBERS),
            duals,
            ordinal_heads: ORDINAL_HEADS
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|w| (search_form(w), ()))
                .collect(),
            after: search_form(AFTER),
        }
    }

    /// The tables, compiled on first use and shared by every analyzer.
    pub fn shared() -> &'static NumberWords {
        static SHARED: OnceLock<NumberWords> = OnceLock::new();
        SHARED.get_or_init(NumberWords::new)
    }

    /// The cardinal piece of a bare word (no clitic), optionally behind the article.
    fn piece(&self, word: &str, article: bool) -> Option<Piece> {
        let p = *self.cardinals.get(word)?;
        if article && !self.with_article.contains_key(word) {
            return None;
        }
        Some(p)
    }

    /// Reads the first word of a number at token `i`: the byte length of its
    /// leading clitics and its piece.
    fn first_piece(&self, doc: &Document<'_>, i: usize) -> Option<(usize, Piece)> {
        self.first_piece_of(word_at(doc, i)?)
    }

    /// [`NumberWords::first_piece`] of the word `word`.
    fn first_piece_of(&self, word: &str) -> Option<(usize, Piece)> {
        self.scan_first(word).0
    }

    /// [`NumberWords::first_piece_of`] `word`, and whether `word` is a scale
    /// word with the article and no clitic (`المليون`, see
    /// [`NumberWords::definite_scale_and_half`]), in one pass of lookups.
    fn scan_first(&self, word: &str) -> (Option<(usize, Piece)>, bool) {
        if !self.cardinal_endings.may_match(word) || self.not_numbers.contains_key(word) {
            return (None, false);
        }
        let mut definite_scale = false;
        let found = split_clitics(word).find_map(|(clitic, article, bare)| {
            let p = *self.cardinals.get(bare)?;
            if article && !self.with_article.contains_key(bare) {
                definite_scale |= clitic == 0 && matches!(p, Piece::Scale(_, 0));
                return None;
            }
            Some((clitic, p))
        });
        (found, definite_scale)
    }

    /// The word bits ([`ORDINAL_WORD`], [`DUAL_WORD`], ...) of token `i`.
    fn word_bits(&self, doc: &Document<'_>, i: usize) -> u8 {
        doc.word_id(i)
            .map_or(0, |id| self.tables(doc).bits.get(id).copied().unwrap_or(0))
    }

    /// The word tables of the document, computed once, on the first call:
    /// one pass over the distinct words for every table the number family
    /// asks, then one pass over the tokens for all its start lists.
    #[inline]
    fn tables<'d>(&self, doc: &'d Document<'_>) -> &'d WordTables {
        doc.number_word_tables(|| {
            let bits: Vec<u8> = doc.words().iter().map(|w| self.bits_of(w)).collect();
            let lists = doc.word_tokens_by_bit(&bits);
            WordTables { bits, lists }
        })
    }

    /// The tokens where a cardinal ([`NumberWords::cardinal_at`]) or a dual
    /// ([`NumberWords::dual_at`]) may start, in order.
    fn cardinal_or_dual_tokens(&self, doc: &Document<'_>) -> Vec<u32> {
        super::merge_tokens(self.cardinal_tokens(doc), word_tokens(doc, DUAL_WORD))
    }

    /// The value of a scale word with the article (`المليون`, `الألف`), or `None`.
    fn definite_scale(&self, w: &str) -> Option<f64> {
        let bare = w.strip_prefix("ال")?;
        match self.cardinals.get(bare)? {
            Piece::Scale(m, 0) => Some(*m),
            _ => None,
        }
    }

    /// `المليون ونصف المليون` (1,500,000) at token `i`: a scale word with the
    /// article, `ونصف` and the same scale word, with or without the article.
    fn definite_scale_and_half(&self, doc: &Document<'_>, i: usize) -> Option<WordNumber> {
        let m = self.definite_scale(word_at(doc, i)?)?;
        if word_at(doc, i + 1)? != "ونصف" || doc.tokens[i + 1].newline_before {
            return None;
        }
        let again = word_at(doc, i + 2)?;
        let same = self.definite_scale(again) == Some(m)
            || matches!(self.cardinals.get(again), Some(Piece::Scale(x, 0)) if *x == m);
        if !same || doc.tokens[i + 2].newline_before {
            return None;
        }
        Some(WordNumber {
            first: i,
            last: i + 2,
            span: Span::new(doc.tokens[i].span.start, doc.tokens[i + 2].span.end),
            value: 1.5 * m,
        })
    }

    /// The word bits of the word `w`: the table lookups of
    /// [`NumberWords::ordinal_at`], [`NumberWords::dual_at`], of the start of
    /// a cardinal or an ordinal, and the start tests of money, references
    /// and URLs.
    fn bits_of(&self, w: &str) -> u8 {
        let anchor = super::money::MoneyRecognizer::shared().is_anchor_word(w);
        let document = super::reference::ReferenceRecognizer::shared().is_document_word(w);
        let others = (u8::from(anchor) * MONEY_ANCHOR)
            | (u8::from(anchor || w == super::money::ONE) * MONEY_START)
            | (u8::from(document) * DOCUMENT_WORD)
            | (u8::from(w.bytes().any(|b| b.is_ascii_alphabetic())) * ASCII_LETTER);
        if !is_arabic_word(w) {
            return others;
        }
        let ordinal = self.ordinal_endings.may_match(w)
            && split_clitics(w).any(|(_, _, bare)| self.ordinals.contains_key(bare));
        let dual = self.dual_endings.may_match(w)
            && split_clitics(w).any(|(_, _, bare)| self.duals.contains_key(bare));
        // Only a word that is a number or `سالب` starts a cardinal.
        let (first, definite_scale) = self.scan_first(w);
        let cardinal = self.negative.iter().any(|n| n == w) || first.is_some() || definite_scale;
        let tens = self.definite_tens_value(w).is_some();
        others
            | (u8::from(ordinal) * ORDINAL_WORD)
            | (u8::from(dual) * DUAL_WORD)
            | (u8::from(cardinal) * CARDINAL_START)
            | (u8::from(ordinal || tens) * ORDINAL_START)
    }

    /// Parses a cardinal starting at token `i`; see [`cardinal_at`]. Three
    /// recognizers ask at every token: the answers for all tokens are
    /// computed once per document, on the first call.
    pub fn cardinal_at(&self, doc: &Document<'_>, i: usize) -> Option<WordNumber> {
        self.cardinals(doc).get(i)
    }

    /// The tokens where a cardinal in words starts, in order.
    pub fn cardinal_tokens<'d>(&self, doc: &'d Document<'_>) -> &'d [u32] {
        self.cardinals(doc).present()
    }

    /// The cardinals of every token, computed on the first call.
    fn cardinals<'d>(&self, doc: &'d Document<'_>) -> &'d SparseTokenMemo<WordNumber> {
        doc.cardinals(|| {
            // Only a word that is a number or `سالب` starts one: asked once per distinct word.
            let starts = word_tokens(doc, CARDINAL_START);
            SparseTokenMemo::from_starts(doc.tokens.len(), starts, |k| {
                self.parse_cardinal_at(doc, k)
            })
        })
    }

    /// Parses a cardinal starting at token `i`.
    fn parse_cardinal_at(&self, doc: &Document<'_>, i: usize) -> Option<WordNumber> {
        let mut negative = false;
        let mut start = i;
        if let Some(w) = word_at(doc, i) {
            if self.negative.iter().any(|n| n == w) && word_at(doc, i + 1).is_some() {
                negative = true;
                start = i + 1;
            }
        }
        let Some((clitic, first)) = self.first_piece(doc, start) else {
            return if negative {
                None
            } else {
                self.definite_scale_and_half(doc, i)
            };
        };
        if negative && clitic != 0 {
            return None;
        }
        let mut total = 0.0f64;
        let mut group = 0.0f64;
        let mut last_scale = f64::INFINITY;
        let mut end = start;
        let mut last = match first {
            Piece::Unit(v) => {
                group = v as f64;
                Last::Unit
            }
            Piece::Lead(v) => {
                if !self.is_teen_word(doc, start + 1) {
                    return None;
                }
                end = start + 1;
                group = 10.0 + v as f64;
                Last::Teen
            }
            Piece::Ten(v) => {
                group = v as f64;
                Last::Ten
            }
            Piece::Hundred(v) => {
                group = v as f64;
                Last::Hundred
            }
            Piece::Scale(m, form) => {
                if form == 2 {
                    return None; // `آلاف` alone: "thousands", no value
                }
                // `1.5 مليار`: the scale word belongs to the digits before it.
                if start > 0
                    && doc.tokens[start - 1].kind == TokenKind::Digits
                    && !doc.tokens[start].newline_before
                {
                    return None;
                }
                // `مليونا` is the dual before its noun (`مليونا دولار`, two
                // million) but the singular with tanween elsewhere
                // (`مليونًا ونصف`, `تجاوز مليونًا.`): the diacritic is gone.
                let noun_after = doc.tokens.get(start + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !t.newline_before
                        && !doc.token_text(start + 1).starts_with('و')
                });
                let n = if form == 1 || form == 3 && noun_after {
                    2.0
                } else {
                    1.0
                };
                total = n * m;
                last_scale = m;
                Last::Scale
            }
            Piece::Fraction(f) => {
                // Before a scale word, a part of it: `نصف مليون`.
                match self.piece_at(doc, start + 1) {
                    Some(Piece::Scale(m, 0 | 3)) => {
                        total = f * m;
                        last_scale = m;
                        end = start + 1;
                        Last::Scale
                    }
                    Some(_) => return None,
                    // Before a noun, a number of its own: `ثلث ثروته`, `ربع السكان`.
                    None if Self::lone_fraction_fits(doc, start, clitic) => {
                        total = f;
                        Last::Fraction
                    }
                    None => return None,
                }
            }
        };
        // A unit followed by `عشر`: a teen.
        if last == Last::Unit && (3.0..=9.0).contains(&group) && self.is_teen_word(doc, end + 1) {
            group += 10.0;
            end += 1;
            last = Last::Teen;
        }
        while let Some((conj, token, piece)) = self.next_piece(doc, end + 1) {
            let accepted = match (last, conj, piece) {
                // `ثلاثة وعشرون`
                (Last::Unit, true, Piece::Ten(t)) if group % 100.0 < 10.0 => {
                    group += t as f64;
                    Some(Last::Ten)
                }
                // `ثلاث مائة`
                (Last::Unit, false, Piece::Hundred(100)) if (3.0..=9.0).contains(&group) => {
                    group *= 100.0;
                    Some(Last::Hundred)
                }
                // `مائة وخمسون`, `مائة وخمسة`, `مائة وخمسة عشر`
                (Last::Hundred, true, Piece::Unit(u)) if u > 0 => {
                    group += u as f64;
                    Some(Last::Unit)
                }
                (Last::Hundred, true, Piece::Ten(t)) => {
                    group += t as f64;
                    Some(Last::Ten)
                }
                (Last::Hundred, true, Piece::Lead(v)) if self.is_teen_word(doc, token + 1) => {
                    group += 10.0 + v as f64;
                    end = token; // the teen word is consumed below
                    Some(Last::Teen)
                }
                // `مليون ومائتان`, `ألف وخمسة`, `مليون وألف`
                (Last::Scale, true, Piece::Unit(u)) if u > 0 => {
                    group = u as f64;
                    Some(Last::Unit)
                }
                (Last::Scale, true, Piece::Lead(v)) if self.is_teen_word(doc, token + 1) => {
                    group = 10.0 + v as f64;
                    end = token;
                    Some(Last::Teen)
                }
                (Last::Scale, true, Piece::Ten(t)) => {
                    group = t as f64;
                    Some(Last::Ten)
                }
                (Last::Scale, true, Piece::Hundred(h)) => {
                    group = h as f64;
                    Some(Last::Hundred)
                }
                (Last::Scale, true, Piece::Scale(m, 0)) if m < last_scale => {
                    total += m;
                    last_scale = m;
                    Some(Last::Scale)
                }
                // `مليون ونصف`
                (Last::Scale, true, Piece::Fraction(f)) => {
                    total += f * last_scale;
                    Some(Last::Fraction)
                }
                // `خمسة آلاف`, `ثلاثة عشر ألفًا`, `مئتان وخمسون ألف`
                (
                    Last::Unit | Last::Teen | Last::Ten | Last::Hundred,
                    false,
                    Piece::Scale(m, form),
                ) if m < last_scale && group >= 1.0 && form != 1 => {
                    let plural_ok = (3.0..=10.0).contains(&group);
                    if form == 2 && !plural_ok {
                        None
                    } else {
                        total += group * m;
                        group = 0.0;
                        last_scale = m;
                        Some(Last::Scale)
                    }
                }
                _ => None,
            };
            let Some(next_last) = accepted else {
                break;
            };
            if next_last == Last::Teen {
                end = token + 1;
            } else {
                end = token;
            }
            last = next_last;
            // A unit after `و` may itself start a teen: `وخمسة عشر`.
            if last == Last::Unit && self.is_teen_word(doc, end + 1) {
                let unit = group % 10.0;
                if (3.0..=9.0).contains(&unit) {
                    group += 10.0;
                    end += 1;
                    last = Last::Teen;
                }
            }
            if last == Last::Fraction {
                // `مليونين ونصف المليون`: the scale word again, with the article.
                // Also without it: `مليون ونصف مليون`.
                let again = word_at(doc, end + 1)
                    .map(|w| w.strip_prefix("ال").unwrap_or(w))
                    .and_then(|w| self.piece(w, false));
                if matches!(again, Some(Piece::Scale(m, _)) if m == last_scale) {
                    end += 1;
                }
                break;
            }
        }
        // `مليون و500 ألف`: digits after the last scale word.
        if last == Last::Scale && group == 0.0 {
            if let Some((part, part_last)) = smaller_part_after(doc, end, last_scale) {
                total += part;
                end = part_last;
            }
        }
        // `شهر صفر` is the Hijri month Safar, not zero.
        if end == start && first == Piece::Unit(0) && start > 0 {
            let month_word = word_at(doc, start - 1).is_some_and(|p| p == "شهر" || p == "الشهر");
            if month_word {
                return None;
            }
        }
        // `وأحد المسؤولين`, `وأحد أسرار` ("and one of ...") fold to `واحد`
        // like the number one. A lone `واحد` is the number after its counted
        // noun (`نموذج واحد على الأقل`): an Arabic word before it, and after it
        // no word, a particle or a new clause (`و...`).
        if end == start && clitic == 0 && word_at(doc, start) == Some(self.one.as_str()) {
            let prev_word =
                start > 0 && !doc.tokens[start].newline_before && word_at(doc, start - 1).is_some();
            let next_ok = match word_at(doc, start + 1) {
                None => true,
                Some(n) => n.starts_with('و') || self.after_one.contains_key(n),
            };
            if !(prev_word && next_ok) {
                return None;
            }
        }
        let mut value = total + group;
        if negative {
            value = -value;
        }
        let first_span = doc.tokens[i].span;
        let span_start = if negative {
            first_span.start
        } else {
            first_span.start + clitic
        };
        Some(WordNumber {
            first: i,
            last: end,
            span: Span::new(span_start, doc.tokens[end].span.end),
            value,
        })
    }

    /// True when the fraction word at token `i` (after `clitic` bytes of
    /// clitic) is a number by itself: without the article (`النصف الأول` is a
    /// half of a year or a match), before a noun on its line, not a round of a
    /// contest, a "semi-" adjective or a part of a period (`نصف النهائي`, `نصف
    /// السنوية`, `نصف السنة`), and not after `و` (`5 ونصف`, `متر ونصف`: a
    /// half added to what precedes).
    fn lone_fraction_fits(doc: &Document<'_>, i: usize, clitic: usize) -> bool {
        let with_article = doc.token_text(i)[clitic..].starts_with("ال");
        // `و` before it adds a half to what precedes (`5 ونصف`, `متر ونصف`).
        let after_and = doc.token_text(i).starts_with('و') && clitic > 0;
        let noun_after = word_at(doc, i + 1)
            .is_some_and(|w| !doc.tokens[i + 1].newline_before && !NOT_FRACTION_AFTER.contains(&w));
        !with_article && !after_and && noun_after
    }

    /// The piece of the bare word at token `i` (no clitic, no article).
    fn piece_at(&self, doc: &Document<'_>, i: usize) -> Option<Piece> {
        self.cardinals.get(word_at(doc, i)?).copied()
    }

    /// The next piece of a number at token `i`: `(after و, token index, piece)`.
    /// The conjunction is either glued (`وعشرون`) or a word of its own (`و عشرون`).
    fn next_piece(&self, doc: &Document<'_>, i: usize) -> Option<(bool, usize, Piece)> {
        let word = word_at(doc, i)?;
        if doc.tokens[i].newline_before {
            return None;
        }
        if word == "و" {
            let p = self.piece_at(doc, i + 1)?;
            return Some((true, i + 1, p));
        }
        if let Some(p) = self.cardinals.get(word) {
            // `واحد` starts with و but is a unit itself.
            return Some((false, i, *p));
        }
        let rest = word.strip_prefix('و')?;
        let p = self.cardinals.get(rest)?;
        Some((true, i, *p))
    }

    /// True when token `i` is `عشر`/`عشرة` (the second word of 11–19).
    fn is_teen_word(&self, doc: &Document<'_>, i: usize) -> bool {
        word_at(doc, i).is_some_and(|w| self.teen.contains_key(w)) && !doc.tokens[i].newline_before
    }

    /// Parses an ordinal starting at token `i`; see [`ordinal_at`].
    pub fn ordinal_at(&self, doc: &Document<'_>, i: usize) -> Option<WordNumber> {
        let word = word_at(doc, i)?;
        if self.word_bits(doc, i) & ORDINAL_WORD == 0 {
            return self.definite_tens_ordinal_at(doc, i, word);
        }
        let Some((clitic, bare, value, lead)) = split_clitics(word).find_map(|(c, _, bare)| {
            let &(v, lead) = self.ordinals.get(bare)?;
            Some((c, bare, v, lead))
        }) else {
            return self.definite_tens_ordinal_at(doc, i, word);
        };
        if i > 0 && !doc.tokens[i].newline_before {
            // `تشرين الأول` is a month.
            // `آل ثاني` (a family name) folds to `ال ثاني`.
            let family_before = word_at(doc, i - 1) == Some("ال");
            let month_before = family_before
                || word_at(doc, i - 1).is_some_and(|p| {
                    self.months_with_ordinals.contains_key(p)
                        || p.strip_prefix('و')
                            .is_some_and(|r| self.months_with_ordinals.contains_key(r))
                });
            if month_before {
                return None;
            }
            // `30 ثانية`, `كل ثانية`: seconds.
            let after_number = doc.tokens[i - 1].kind == TokenKind::Digits
                || word_at(doc, i - 1).is_some_and(|p| {
                    self.cardinals.contains_key(p) || p == "كل" || p.ends_with("كل") && p.len() == 6
                });
            if bare == self.second_feminine && clitic == 0 && word == bare && after_number {
                return None;
            }
        }
        if word == self.first_what.0 && word_at(doc, i + 1) == Some(self.first_what.1.as_str()) {
            return None;
        }
        // `أولى` / `أوّلي` (preliminary) / `أُولِيَ` (was given): only after a
        // feminine word (`المرحلة الأولى`, `خطوة أولى`).
        if bare == self.first_feminine {
            let prev_feminine = i > 0
                && !doc.tokens[i].newline_before
                && word_at(doc, i - 1)
                    .is_some_and(|p| p.ends_with('ه') || p.ends_with("ات") || p.ends_with("تين"));
            if !prev_feminine {
                return None;
            }
        }
        let mut end = i;
        let mut total = value as f64;
        if (2..=9).contains(&value) || lead {
            // `الخامس عشر`, `الحادية عشرة`
            if self.is_teen_word(doc, i + 1) {
                total += 10.0;
                end = i + 1;
            } else if let Some((_, t, Piece::Ten(ten))) = self.next_piece_definite(doc, i + 1) {
                // `الخامسة والتسعين`, `الحادي والعشرون`
                total += ten as f64;
                end = t;
            } else if lead {
                return None;
            }
        }
        // `الخامسة والثلاثين بعد المائة`: the 135th.
        if let Some((t, hundreds)) = self.after_hundreds(doc, end + 1) {
            total += hundreds;
            end = t;
        }
        Some(WordNumber {
            first: i,
            last: end,
            span: Span::new(doc.tokens[i].span.start + clitic, doc.tokens[end].span.end),
            value: total,
        })
    }

    /// `بعد المائة` (or `بعد الألف`) at token `i`: its last token and the
    /// hundreds it adds to an ordinal.
    fn after_hundreds(&self, doc: &Document<'_>, i: usize) -> Option<(usize, f64)> {
        if word_at(doc, i)? != self.after || doc.tokens[i].newline_before {
            return None;
        }
        let bare = word_at(doc, i + 1)?.strip_prefix("ال")?;
        match self.cardinals.get(bare)? {
            Piece::Hundred(h) => Some((i + 1, *h as f64)),
            Piece::Scale(m, 0) if *m == 1000.0 => Some((i + 1, 1000.0)),
            _ => None,
        }
    }

    /// The value of `word` when it is a definite tens or hundred word
    /// (`العشرين`, `المئة`), what [`NumberWords::definite_tens_ordinal_at`] reads.
    fn definite_tens_value(&self, word: &str) -> Option<f64> {
        let bare = word.strip_prefix("ال")?;
        if !self.cardinal_endings.may_match(word) {
            return None;
        }
        match self.cardinals.get(bare)? {
            Piece::Ten(t) => Some(*t as f64),
            Piece::Hundred(100) => Some(100.0),
            _ => None,
        }
    }

    /// The word tokens where an ordinal ([`NumberWords::ordinal_at`]) may
    /// start, in order: words of the ordinal table and definite tens.
    pub fn ordinal_tokens(&self, doc: &Document<'_>) -> Vec<u32> {
        word_tokens(doc, ORDINAL_START).to_vec()
    }

    /// A definite tens or hundred word after an ordinal head (`القرن العشرين`,
    /// `الذكرى الثمانين`, `الدورة المئة`), at token `i` (which reads `word`).
    fn definite_tens_ordinal_at(
        &self,
        doc: &Document<'_>,
        i: usize,
        word: &str,
    ) -> Option<WordNumber> {
        let value = self.definite_tens_value(word)?;
        if i == 0 || doc.tokens[i].newline_before {
            return None;
        }
        let head = word_at(doc, i - 1)?;
        // The head may carry a clitic: `والذكرى`, `بالدورة`, `للقرن`.
        let head_bare = split_clitics(head)
            .filter(|(_, article, _)| *article)
            .map(|(_, _, b)| b)
            .find(|b| self.ordinal_heads.contains_key(&format!("ال{b}")));
        head_bare?;
        let mut end = i;
        let mut total = value;
        if let Some((t, hundreds)) = self.after_hundreds(doc, i + 1) {
            total += hundreds;
            end = t;
        }
        Some(WordNumber {
            first: i,
            last: end,
            span: Span::new(doc.tokens[i].span.start, doc.tokens[end].span.end),
            value: total,
        })
    }

    /// Like [`Self::next_piece`] after `و`, allowing the article on the
    /// number (`والعشرين`).
    fn next_piece_definite(&self, doc: &Document<'_>, i: usize) -> Option<(bool, usize, Piece)> {
        let word = word_at(doc, i)?;
        if doc.tokens[i].newline_before {
            return None;
        }
        let (t, rest) = if word == "و" {
            (i + 1, word_at(doc, i + 1)?)
        } else {
            (i, word.strip_prefix('و')?)
        };
        let bare = rest.strip_prefix("ال").unwrap_or(rest);
        let p = self.cardinals.get(bare)?;
        Some((true, t, *p))
    }

    /// Reads a scale word at token `i` (`ألف`, `ملايين`, `مليار`, `مليارات`):
    /// its multiplier. Duals (`مليونين`) are not scale words here.
    pub fn scale_at(&self, doc: &Document<'_>, i: usize) -> Option<f64> {
        match self.piece_at(doc, i) {
            Some(Piece::Scale(m, 0 | 2 | 3)) => Some(m),
            Some(_) => None,
            None => latin_scale_at(doc, i),
        }
    }

    /// Reads the dual of a counted noun at token `i` (`بلديتان`, `مستويين`):
    /// the value 2, spanning the word without its clitics.
    pub fn dual_at(&self, doc: &Document<'_>, i: usize) -> Option<WordNumber> {
        let word = word_at(doc, i)?;
        if self.word_bits(doc, i) & DUAL_WORD == 0 {
            return None;
        }
        let (clitic, _, _) =
            split_clitics(word).find(|&(_, _, bare)| self.duals.contains_key(bare))?;
        Some(WordNumber {
            first: i,
            last: i,
            span: Span::new(doc.tokens[i].span.start + clitic, doc.tokens[i].span.end),
            value: 2.0,
        })
    }
}

impl Default for NumberWords {
    fn default() -> Self {
        Self::new()
    }
}

/// Bit of a word some reading of which is an ordinal ([`NumberWords::ordinal_at`]).
const ORDINAL_WORD: u8 = 1;
/// Bit of a word some reading of which is a dual ([`NumberWords::dual_at`]).
const DUAL_WORD: u8 = 2;
/// Bit of a word a cardinal may start at ([`NumberWords::cardinal_at`]).
const CARDINAL_START: u8 = 4;
/// Bit of a word an ordinal may start at: an ordinal word or a definite
/// tens or hundred word ([`NumberWords::definite_tens_value`]).
const ORDINAL_START: u8 = 8;
/// Bit of a word that is the first word of a currency phrase (money's anchors).
pub(crate) const MONEY_ANCHOR: u8 = 16;
/// Bit of a word an amount of money may start at besides a cardinal: an
/// anchor or `واحد`.
pub(crate) const MONEY_START: u8 = 32;
/// Bit of a document word (`القرار`), where a reference may start.
pub(crate) const DOCUMENT_WORD: u8 = 64;
/// Bit of a word holding an ASCII letter, where a URL may start.
pub(crate) const ASCII_LETTER: u8 = 128;

/// The number family's word tables of one document (a memo of [`Document`]).
pub(crate) struct WordTables {
    /// Per distinct word (by [`Document::word_id`]), its bits ([`ORDINAL_WORD`] to [`ASCII_LETTER`]).
    bits: Vec<u8>,
    /// Per bit, the word tokens whose word has it, in order.
    lists: [Vec<u32>; 8],
}

/// True when token `i` is a word that has `bit` (one of the bits above).
pub(crate) fn word_has(doc: &Document<'_>, i: usize, bit: u8) -> bool {
    NumberWords::shared().word_bits(doc, i) & bit != 0
}

/// The word tokens whose word has `bit` (one of the bits above), in order;
/// the tables are computed once per document, for the whole family.
pub(crate) fn word_tokens<'d>(doc: &'d Document<'_>, bit: u8) -> &'d [u32] {
    &NumberWords::shared().tables(doc).lists[bit.trailing_zeros() as usize]
}

/// The text of token `i` when it is an Arabic word.
fn word_at<'a>(doc: &Document<'a>, i: usize) -> Option<&'a str> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = doc.token_text(i);
    is_arabic_word(w).then_some(w)
}

/// English scale words after digits, as Arabic news writes them beside a
/// currency sign or code (`$2.5 million`, `USD 3 billion`, `$3 bn`).
const LATIN_SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
];

/// The multiplier of an English scale word at token `i`, in any case.
fn latin_scale_at(doc: &Document<'_>, i: usize) -> Option<f64> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Word || !doc.token_text(i).is_ascii() {
        return None;
    }
    let w = doc.token_text(i);
    LATIN_SCALES
        .iter()
        .find(|(s, _)| s.eq_ignore_ascii_case(w))
        .map(|&(_, m)| m)
}

/// True when the word `w` (a word token's text) is Arabic: Arabic letters
/// are two bytes starting 0xD8–0xDB.
fn is_arabic_word(w: &str) -> bool {
    matches!(w.as_bytes()[0], 0xD8..=0xDB)
}

/// The readings of a word as `(clitic bytes, has article, bare word)`, the
/// whole word first: `وبالخمسة` → (0, false, وبالخمسه), (2, false, بالخمسه),
/// (4, false, الخمسه), (4, true, خمسه), ... `للثلاثة` → ل + ال + ثلاثه.
fn split_clitics(word: &str) -> impl Iterator<Item = (usize, bool, &str)> {
    let mut out = Readings::default();
    let mut conj = [(0, word), (0, "")];
    if let Some(r) = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')) {
        conj[1] = (2, r);
    }
    for (c0, w0) in conj {
        if w0.is_empty() {
            continue;
        }
        out.push((c0, false, w0));
        if let Some(r) = w0.strip_prefix("ال") {
            out.push((c0, true, r));
        }
        if let Some(r) = w0.strip_prefix("لل") {
            // ل + ال
            out.push((c0 + 2, true, r));
        } else if let Some(r) = w0
            .strip_prefix('ب')
            .or_else(|| w0.strip_prefix('ل'))
            .or_else(|| w0.strip_prefix('ك'))
        {
            out.push((c0 + 2, false, r));
            if let Some(r2) = r.strip_prefix("ال") {
                out.push((c0 + 2, true, r2));
            }
        }
    }
    let n = out.len;
    out.items
        .into_iter()
        .take(n)
        .filter(|(_, _, w)| !w.is_empty())
}

/// At most eight readings of a word, without allocating.
#[derive(Default)]
struct Readings<'a> {
    items: [(usize, bool, &'a str); 8],
    len: usize,
}

impl<'a> Readings<'a> {
    fn push(&mut self, r: (usize, bool, &'a str)) {
        if self.len < self.items.len() {
            self.items[self.len] = r;
            self.len += 1;
        }
    }
}

/// Reads a cardinal written in words starting at token `i` (`ثلاثة وعشرين`,
/// `مائتان وخمسون`, `خمسة ملايين`, `نصف مليون`, `التسعة`). Leading clitics
/// (`و ب ل ف ك`) are allowed on the first word and left out of the span.
/// Returns the longest reading, or `None` when token `i` starts no number.
pub fn cardinal_at(doc: &Document<'_>, i: usize) -> Option<WordNumber> {
    NumberWords::shared().cardinal_at(doc, i)
}

/// The tokens where a cardinal in words ([`cardinal_at`]) starts, in order.
pub fn cardinal_tokens<'d>(doc: &'d Document<'_>) -> &'d [u32] {
    NumberWords::shared().cardinal_tokens(doc)
}

/// The word tokens where an ordinal in words ([`ordinal_at`]) may start, in order.
pub fn ordinal_tokens(doc: &Document<'_>) -> Vec<u32> {
    NumberWords::shared().ordinal_tokens(doc)
}

/// Reads an ordinal in words starting at token `i`, masculine or feminine,
/// with or without the article, compound included: `الأول`, `الثاني`,
/// `الخامس عشر`, `الحادية عشرة`, `الخامسة والتسعين`.
pub fn ordinal_at(doc: &Document<'_>, i: usize) -> Option<WordNumber> {
    NumberWords::shared().ordinal_at(doc, i)
}

/// The multiplier of the scale word `word` (`مليون` 1e6), alone.
pub fn scale_of(word: &str) -> Option<f64> {
    match NumberWords::shared().cardinals.get(word)? {
        Piece::Scale(m, 0 | 2 | 3) => Some(*m),
        _ => None,
    }
}

/// The value of a definite ten or hundred (`الأربعين` 40, `المئة` 100), alone.
pub fn definite_tens(word: &str) -> Option<f64> {
    NumberWords::shared().definite_tens_value(word)
}

/// The multiplier of a scale word at token `i` (`ألف` 1e3, `ملايين` 1e6,
/// `مليار` 1e9), for digits followed by a scale (`5 ملايين`).
pub fn scale_at(doc: &Document<'_>, i: usize) -> Option<f64> {
    NumberWords::shared().scale_at(doc, i)
}

/// Reads the dual of a counted noun at token `i` (`بلديتان` = 2).
pub fn dual_at(doc: &Document<'_>, i: usize) -> Option<WordNumber> {
    NumberWords::shared().dual_at(doc, i)
}

/// Finds cardinals written in words, and duals of counted nouns.
#[derive(Debug)]
pub struct WordNumberRecognizer {
    words: &'static NumberWords,
}

impl Default for WordNumberRecognizer {
    fn default() -> Self {
        WordNumberRecognizer {
            words: NumberWords::shared(),
        }
    }
}

impl Recognizer for WordNumberRecognizer {
    fn name(&self) -> &'static str {
        "number_words"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // Only the tokens where a cardinal or a dual may start are visited.
        super::walk(&self.words.cardinal_or_dual_tokens(doc), |i| {
            if let Some(n) = self.words.cardinal_at(doc, i) {
                // `بين ثلاثة وأربعة آلاف`: the near end of a range takes the far end's scale.
                let shared_scale = match scale_at(doc, n.last) {
                    None => far_end_after(doc, n.first, n.last, n.value).map_or(1.0, |f| f.scale),
                    Some(_) => 1.0,
                };
                let n = WordNumber {
                    value: n.value * shared_scale,
                    ..n
                };
                // `سالب خمسة`: minus, as num2words writes negative numbers.
                let (span, value) = match minus_word_before(doc, n.first) {
                    Some(minus) if n.span.start == doc.tokens[n.first].span.start => {
                        (minus.union(&n.span), -n.value)
                    }
                    _ => (n.span, n.value),
                };
                out.push(Candidate {
                    kind: EntityKind::Number,
                    span,
                    value: Value::Scalar { value: Num(value) },
                    priority: 0,
                });
                n.last + 1
            } else if let Some(n) = self.words.dual_at(doc, i) {
                out.push(Candidate {
                    kind: EntityKind::Number,
                    span: n.span,
                    value: Value::Scalar {
                        value: Num(n.value),
                    },
                    priority: -1,
                });
                i + 1
            } else {
                i + 1
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    fn with_doc<T>(text: &str, f: impl FnOnce(&Document<'_>, &str) -> T) -> T {
        let norm = search_form(text);
        let tokens = tokenize(&norm);
        let doc = Document::new(&norm, &tokens);
        f(&doc, &norm)
    }

    fn cardinal(text: &str) -> Option<(String, f64)> {
        with_doc(text, |doc, norm| {
            cardinal_at(doc, 0).map(|n| (norm[n.span.range()].to_string(), n.value))
        })
    }

    fn ordinal(text: &str) -> Option<(String, f64)> {
        with_doc(text, |doc, norm| {
            ordinal_at(doc, 0).map(|n| (norm[n.span.range()].to_string(), n.value))
        })
    }

    fn value(text: &str) -> Option<f64> {
        cardinal(text).map(|(_, v)| v)
    }

    #[test]
    fn cardinals() {
        assert_eq!(value("ثلاثة وعشرين"), Some(23.0));
        assert_eq!(value("ثلاثة و عشرون"), Some(23.0));
        assert_eq!(value("مائتان وخمسون"), Some(250.0));
        assert_eq!(value("خمسة عشر"), Some(15.0));
        assert_eq!(value("إحدى عشرة"), Some(11.0));
        assert_eq!(value("اثنا عشر"), Some(12.0));
        assert_eq!(value("صفر"), Some(0.0));
        assert_eq!(value("سبعمائة و أحد عشر"), Some(711.0));
        assert_eq!(value("ثلاثمائة و أربعة و عشرون"), Some(324.0));
        assert_eq!(value("ثلاث مائة"), Some(300.0));
        assert_eq!(value("خمسة ملايين"), Some(5e6));
        assert_eq!(value("عشرة آلاف"), Some(1e4));
        assert_eq!(value("عشرون ألفاً"), Some(2e4));
        assert_eq!(value("ألفا ريال"), Some(2000.0));
        assert_eq!(value("مليونين"), Some(2e6));
        assert_eq!(value("نصف مليون"), Some(5e5));
        assert_eq!(value("مليون ونصف"), Some(1.5e6));
        assert_eq!(value("خمسًا وأربعين"), Some(45.0));
        // The near end of a range takes the far end's scale word.
        let found = with_doc("بين ثلاثة وأربعة آلاف", |doc, _| {
            let mut out = Vec::new();
            WordNumberRecognizer::default().recognize(doc, &mut out);
            out.iter()
                .map(|c| match c.value {
                    Value::Scalar { value } => value.0,
                    _ => unreachable!(),
                })
                .collect::<Vec<f64>>()
        });
        assert_eq!(found, [3000.0, 4000.0]);
        assert_eq!(
            cardinal("مليونين ونصف المليون"),
            Some((search_form("مليونين ونصف المليون"), 2.5e6))
        );
        assert_eq!(value("مليون و500 ألف"), Some(1.5e6));
        assert_eq!(
            value("تسعمائة و ثلاثة و عشرون ألفاً و أربعمائة و أحد عشر"),
            Some(923411.0)
        );
        assert_eq!(
            value("مليون و مئتان و ثمانية و خمسون ألفاً و ثمانمائة و ثمانية و ثمانون"),
            Some(1258888.0)
        );
        assert_eq!(value("مليار و خمسمائة و واحد و عشرون"), Some(1000000521.0));
        assert_eq!(
            value("سالب ثمانية آلاف و ثلاثمائة و أربعة و عشرون"),
            Some(-8324.0)
        );
    }

    #[test]
    fn cardinal_spans_leave_clitics_and_stop_at_other_words() {
        assert_eq!(cardinal("وخمسة أشخاص"), Some(("خمسه".into(), 5.0)));
        assert_eq!(cardinal("بثلاثة ملايين"), Some(("ثلاثه ملايين".into(), 3e6)));
        assert_eq!(cardinal("للأشهر"), None);
        assert_eq!(cardinal("التسعة"), Some(("التسعه".into(), 9.0)));
        // `أحد` alone is "one of", not a number; `آلاف` alone has no value.
        assert_eq!(cardinal("أحد المسؤولين"), None);
        assert_eq!(cardinal("آلاف المواطنين"), None);
        assert_eq!(cardinal("لست أدري"), None);
        with_doc("من شهر صفر و 2 - صفر", |doc, _| {
            assert_eq!(cardinal_at(doc, 2), None);
            assert_eq!(cardinal_at(doc, 6).map(|n| n.value), Some(0.0));
        });
        // Units then tens, not the reverse: `عشرين وثلاثة` stops at 20.
        assert_eq!(value("عشرين وثلاثة"), Some(20.0));
        // Two numbers joined by و are not one: `خمسة وستة`.
        assert_eq!(value("خمسة وستة"), Some(5.0));
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("الخامس عشر"), Some(("الخامس عشر".into(), 15.0)));
        assert_eq!(
            ordinal("الخامسة والتسعين"),
            Some(("الخامسه والتسعين".into(), 95.0))
        );
        assert_eq!(ordinal("الرابع عشر"), Some(("الرابع عشر".into(), 14.0)));
        assert_eq!(ordinal("الحادية عشرة"), Some(("الحاديه عشره".into(), 11.0)));
        assert_eq!(ordinal("الأول"), Some(("الاول".into(), 1.0)));
        assert_eq!(ordinal("والثاني"), Some(("الثاني".into(), 2.0)));
        assert_eq!(ordinal("الحادي"), None);
        assert_eq!(ordinal("ثانياً"), Some(("ثانيا".into(), 2.0)));
        assert_eq!(ordinal("أول ما وصل"), None);
        with_doc("فكل ثانية ومرة ثانية", |doc, _| {
            assert_eq!(ordinal_at(doc, 1), None);
            assert_eq!(ordinal_at(doc, 3).map(|n| n.value), Some(2.0));
        });
        with_doc("الشيخ حمد آل ثاني", |doc, _| {
            assert_eq!(ordinal_at(doc, 3), None)
        });
        with_doc(
            "المرحلة الأولى والتقرير الأولي",
            |doc, _| {
                assert_eq!(ordinal_at(doc, 1).map(|n| n.value), Some(1.0));
                assert_eq!(ordinal_at(doc, 3), None);
            },
        );
    }

    #[test]
    fn duals_of_counted_nouns_only() {
        with_doc(
            "بلديتان ولبنان والبحرين ومستويين",
            |doc, _| {
                assert!(dual_at(doc, 0).is_some());
                assert!(dual_at(doc, 1).is_none());
                assert!(dual_at(doc, 2).is_none());
                assert_eq!(dual_at(doc, 3).map(|n| n.value), Some(2.0));
            },
        );
    }

    /// Pieces that the recognizers of numbers, money, codes and contacts react to.
    const SOUP: &[&str] = &[
        "و",
        "ب",
        "ال",
        "الـ",
        "5",
        "٥",
        "12",
        "2024",
        "0501234567",
        "00",
        "+",
        "-",
        "/",
        ".",
        ",",
        "،",
        "٫",
        "%",
        "٪",
        "$",
        "€",
        "﷼",
        "(",
        ")",
        "@",
        ":",
        "ثلاثة",
        "وعشرين",
        "عشر",
        "أحد",
        "واحد",
        "مائة",
        "ألف",
        "ألفا",
        "آلاف",
        "ملايين",
        "مليار",
        "نصف",
        "ونصف",
        "سالب",
        "الخامس",
        "الأولى",
        "دولار",
        "ريال",
        "قطري",
        "هللة",
        "في",
        "المائة",
        "بالمئة",
        "القرار",
        "رقم",
        "لسنة",
        "NQ",
        "TU",
        "DCCI",
        "http://",
        "www.",
        "x.com",
        "a",
        "هاتف",
        "بلديتان",
        "\n",
        " ",
        "ـ",
        "\u{200F}",
        "😀",
        "َ",
    ];

    proptest::proptest! {
        #[test]
        fn recognizers_never_panic_and_spans_slice(picks in proptest::collection::vec(0..SOUP.len(), 0..40), spaces in proptest::collection::vec(proptest::bool::ANY, 40)) {
            let mut text = String::new();
            for (k, p) in picks.iter().enumerate() {
                text.push_str(SOUP[*p]);
                if spaces[k] {
                    text.push(' ');
                }
            }
            let a = crate::Analyzer::new()
                .analyze(&text, &crate::AnalyzeOptions::default())
                .unwrap();
            let mut end = 0;
            for e in &a.entities {
                proptest::prop_assert_eq!(&text[e.byte_start..e.byte_end], e.text.as_str());
                proptest::prop_assert!(e.byte_start >= end, "overlap in {:?}", text);
                end = e.byte_end;
            }
        }
    }
}
