//! The recognizers: one module per entity family.
//!
//! Every recognizer reads the same [`Document`] (the search-normalized text
//! and its tokens) and pushes [`Candidate`]s with spans in the normalized
//! text. Candidates may overlap; [`crate::analysis`] maps them to the original
//! text and one resolver keeps the longest, most specific reading.

pub mod acronym;
pub mod date;
pub mod date_words;
pub mod decade;
pub mod duration;
pub mod email;
pub mod hijri;
pub mod money;
pub mod names;
pub mod number;
pub mod number_words;
pub mod ordinal;
pub mod percent;
pub mod period;
pub mod phone;
pub mod range;
pub mod ratio;
pub mod reference;
pub mod relative;
pub mod time;
pub mod url;

use crate::entity::{EntityKind, Value};
use crate::normalize::{is_diacritic, NormalizedText};
use crate::span::Span;
use crate::tokenize::{Token, TokenKind};
use crate::word_hash::WordInterner;

/// The word id ([`Document::word_id`]) of a token that is no word.
const NOT_A_WORD: u32 = u32::MAX;

/// The text a recognizer reads.
pub struct Document<'a> {
    /// The search-normalized text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Per token, the id of its text among the document's distinct words
    /// ([`NOT_A_WORD`] for digits and punctuation): a table asked about
    /// every token is asked once per distinct word ([`Document::per_word`]).
    word_ids: Vec<u32>,
    /// The distinct words of the document, by id.
    words: Vec<&'a str>,
    /// The digit tokens, in order: where the recognizers that start at
    /// digits look, instead of walking every token ([`walk`]).
    digit_tokens: Vec<u32>,
    /// The word tokens that start with an ASCII letter (`DCCI`, `www`), in order.
    latin_tokens: Vec<u32>,
    /// The punctuation and symbol tokens, in order.
    punct_tokens: Vec<u32>,
    /// The text before normalization and its normalization, when known
    /// ([`Document::set_original`]): what the search form folded
    /// (`على` the preposition and `علي` the name read the same).
    original: Option<(&'a str, &'a NormalizedText)>,
    /// Per distinct word, what the date lexicon says of it (may a phrase
    /// start there, what can a phrase starting with it mean), and per
    /// recognizer of the date family the tokens where it may start:
    /// computed once for all of them ([`date_words::DateStarts`]).
    date_starts: std::cell::OnceCell<date_words::DateStarts>,
    /// Per distinct word, what the number family's tables say of it, and the
    /// word tokens where each of its recognizers may start
    /// ([`number_words::WordTables`]), computed once for the recognizers that ask.
    number_word_bits: std::cell::OnceCell<number_words::WordTables>,
    /// Per token, the cardinal in words starting there, computed once for
    /// the recognizers that read them ([`number_words::cardinal_at`]).
    cardinals: std::cell::OnceCell<SparseTokenMemo<number_words::WordNumber>>,
    /// The number read at each digit token, parsed once for the recognizers
    /// that read them ([`number::parse_number_at`]).
    digit_numbers: std::cell::OnceCell<number::DigitNumbers>,
}

impl<'a> Document<'a> {
    /// The document of `text` (search-normalized) and its `tokens`.
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        // About one distinct word in twenty tokens on news text.
        let mut interner = WordInterner::with_capacity((tokens.len() / 16).max(1024));
        let mut digit_tokens = Vec::new();
        let mut latin_tokens = Vec::new();
        let mut punct_tokens = Vec::new();
        let word_ids = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| match t.kind {
                TokenKind::Word => {
                    if text.as_bytes()[t.span.start].is_ascii() {
                        latin_tokens.push(i as u32);
                    }
                    interner.intern_in(text, t.span.start, t.span.end)
                }
                TokenKind::Digits => {
                    digit_tokens.push(i as u32);
                    NOT_A_WORD
                }
                TokenKind::Punct => {
                    punct_tokens.push(i as u32);
                    NOT_A_WORD
                }
            })
            .collect();
        let words = interner.into_words();
        Document {
            text,
            tokens,
            word_ids,
            words,
            digit_tokens,
            latin_tokens,
            punct_tokens,
            original: None,
            date_starts: std::cell::OnceCell::new(),
            number_word_bits: std::cell::OnceCell::new(),
            cardinals: std::cell::OnceCell::new(),
            digit_numbers: std::cell::OnceCell::new(),
        }
    }

    /// Gives the document the text before normalization (`normalized` is
    /// the normalization of `original`, and the document's text is
    /// `normalized.text`), for questions about the original spelling
    /// ([`Document::ends_in_alef_maqsura`]). Costs nothing until asked.
    pub fn set_original(&mut self, original: &'a str, normalized: &'a NormalizedText) {
        self.original = Some((original, normalized));
    }

    /// True when word token `i` ends in `ى` (alef maqsura) in the original
    /// text, which the search form folds onto `ي`: `على` the preposition, not
    /// the name `علي`. False without [`Document::set_original`].
    pub fn ends_in_alef_maqsura(&self, i: usize) -> bool {
        let (Some((original, normalized)), Some(t)) = (self.original, self.tokens.get(i)) else {
            return false;
        };
        t.kind == TokenKind::Word
            && self.text[..t.span.end].ends_with('ي')
            && original
                .get(normalized.to_original(t.span).range())
                .is_some_and(|w| w.trim_end_matches(is_diacritic).ends_with('ى'))
    }

    /// Per token, `f` of its text when it is a word, else `default`; `f`
    /// runs once per distinct word of the document, not once per token.
    pub fn per_word<T: Clone>(&self, default: T, mut f: impl FnMut(&'a str) -> T) -> Vec<T> {
        let by_word: Vec<T> = self.words.iter().map(|w| f(w)).collect();
        self.word_ids
            .iter()
            .map(|&id| match by_word.get(id as usize) {
                Some(v) => v.clone(),
                None => default.clone(),
            })
            .collect()
    }

    /// The id of token `i` among the document's distinct words, or `None`
    /// for digits, punctuation and a token past the end. Ids run from 0 to
    /// [`Document::distinct_words`] (excluded).
    pub fn word_id(&self, i: usize) -> Option<usize> {
        self.word_ids
            .get(i)
            .filter(|&&id| id != NOT_A_WORD)
            .map(|&id| id as usize)
    }

    /// The distinct words of the document, by id ([`Document::word_id`]).
    pub fn words(&self) -> &[&'a str] {
        &self.words
    }

    /// How many distinct words the document has.
    pub fn distinct_words(&self) -> usize {
        self.words.len()
    }

    /// The per-token memo of cardinals in words, computed by `compute` on first use.
    pub(crate) fn cardinals(
        &self,
        compute: impl FnOnce() -> SparseTokenMemo<number_words::WordNumber>,
    ) -> &SparseTokenMemo<number_words::WordNumber> {
        self.cardinals.get_or_init(compute)
    }

    /// The memo of the number family's word tables, computed by `compute` on first use.
    pub(crate) fn number_word_tables(
        &self,
        compute: impl FnOnce() -> number_words::WordTables,
    ) -> &number_words::WordTables {
        self.number_word_bits.get_or_init(compute)
    }

    /// The memo of the digit tokens' numbers, computed by `compute` on first use.
    pub(crate) fn digit_numbers(
        &self,
        compute: impl FnOnce() -> number::DigitNumbers,
    ) -> &number::DigitNumbers {
        self.digit_numbers.get_or_init(compute)
    }

    /// The memo of the date lexicon, computed by `compute` on first use.
    pub(crate) fn date_starts(
        &self,
        compute: impl FnOnce() -> date_words::DateStarts,
    ) -> &date_words::DateStarts {
        self.date_starts.get_or_init(compute)
    }

    /// The digit tokens, in order.
    pub fn digit_tokens(&self) -> &[u32] {
        &self.digit_tokens
    }

    /// The word tokens that start with an ASCII letter, in order.
    pub fn latin_tokens(&self) -> &[u32] {
        &self.latin_tokens
    }

    /// The punctuation and symbol tokens, in order.
    pub fn punct_tokens(&self) -> &[u32] {
        &self.punct_tokens
    }

    /// The word tokens whose text `f` accepts, in order; `f` runs once per
    /// distinct word of the document, not once per token.
    pub fn tokens_where_word(&self, mut f: impl FnMut(&'a str) -> bool) -> Vec<u32> {
        let accepted: Vec<bool> = self.words.iter().map(|w| f(w)).collect();
        let mut out = Vec::new();
        for (k, &id) in self.word_ids.iter().enumerate() {
            if accepted.get(id as usize).copied().unwrap_or(false) {
                out.push(k as u32);
            }
        }
        out
    }

    /// For each bit `b` of `by_word` (one `u8` per distinct word, by
    /// [`Document::word_id`]), the word tokens whose word has bit `b`, in
    /// order: eight start lists in one pass over the tokens.
    pub fn word_tokens_by_bit(&self, by_word: &[u8]) -> [Vec<u32>; 8] {
        let mut out: [Vec<u32>; 8] = Default::default();
        for (k, &id) in self.word_ids.iter().enumerate() {
            let mut bits = by_word.get(id as usize).copied().unwrap_or(0);
            while bits != 0 {
                out[bits.trailing_zeros() as usize].push(k as u32);
                bits &= bits - 1;
            }
        }
        out
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span.range()]
    }

    /// True when token `i` exists, is punctuation and reads `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.tokens.len() && self.tokens[i].kind == TokenKind::Punct && self.token_text(i) == p
    }
}

/// Calls `step(i)` at each token `i` of `starts` (ascending token
/// indices), skipping those before the token the previous call returned:
/// `step` returns where to go on, `i + 1` when nothing starts at `i`, the
/// token after a reading it found. The entry loop of a recognizer that can
/// only start at some tokens (digits, words of a table): it visits those
/// alone, as a walk over every token would when `step` finds nothing elsewhere.
#[inline]
pub fn walk(starts: &[u32], mut step: impl FnMut(usize) -> usize) {
    let mut next = 0;
    for &i in starts {
        let i = i as usize;
        if i >= next {
            next = step(i);
        }
    }
}

/// True when the ascending list `tokens` has a token in `from..=to`.
pub(crate) fn any_token_in(tokens: &[u32], from: usize, to: usize) -> bool {
    let k = tokens.partition_point(|&t| (t as usize) < from);
    tokens.get(k).is_some_and(|&t| t as usize <= to)
}

/// The union of two ascending lists of token indices, ascending.
pub(crate) fn merge_tokens(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        let (p, q) = (a[x], b[y]);
        out.push(p.min(q));
        x += usize::from(p <= q);
        y += usize::from(q <= p);
    }
    out.extend_from_slice(&a[x..]);
    out.extend_from_slice(&b[y..]);
    out
}

/// A value per token that most tokens lack (a cardinal in words starting
/// there): four bytes per token and the values present, not an `Option<T>`
/// per token (48 bytes for a cardinal: 48 MB of fresh pages for 10 MB of text).
pub(crate) struct SparseTokenMemo<T> {
    /// Per token, 1 + the index of its value in `values`, or 0.
    index: Vec<u32>,
    /// The values present, in token order.
    values: Vec<T>,
    /// The tokens that have a value, in order.
    present: Vec<u32>,
}

impl<T: Copy> SparseTokenMemo<T> {
    /// `f(i)` for each token `i` of the ascending list `starts`, of `n`
    /// tokens (`None` at the others): only the starts are visited.
    pub(crate) fn from_starts(
        n: usize,
        starts: &[u32],
        mut f: impl FnMut(usize) -> Option<T>,
    ) -> Self {
        let mut index = vec![0; n];
        let mut values = Vec::new();
        let mut present = Vec::new();
        for &k in starts {
            if let Some(v) = f(k as usize) {
                values.push(v);
                present.push(k);
                index[k as usize] = values.len() as u32;
            }
        }
        SparseTokenMemo {
            index,
            values,
            present,
        }
    }

    /// The tokens that have a value, in order.
    pub(crate) fn present(&self) -> &[u32] {
        &self.present
    }

    /// The value of token `i`, if it has one (`None` past the end).
    pub(crate) fn get(&self, i: usize) -> Option<T> {
        match self.index.get(i) {
            Some(&k) if k > 0 => Some(self.values[k as usize - 1]),
            _ => None,
        }
    }
}

/// A possible entity found by a recognizer.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// What it would be.
    pub kind: EntityKind,
    /// Byte span in the normalized text.
    pub span: Span,
    /// Its resolved value.
    pub value: Value,
    /// How specific the reading is; among overlapping candidates of the same
    /// length the higher priority wins (a date beats a number).
    pub priority: i32,
}

/// Something that finds candidates in a document.
pub trait Recognizer: Send + Sync {
    /// A short name, for debugging and benchmarks.
    fn name(&self) -> &'static str;
    /// Appends every candidate found in `doc` to `out`.
    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_lists_merge_and_walk_skips_what_a_reading_covers() {
        assert_eq!(
            merge_tokens(&[1, 4, 9], &[0, 4, 5, 12]),
            [0, 1, 4, 5, 9, 12]
        );
        assert_eq!(merge_tokens(&[], &[3]), [3]);
        assert!(any_token_in(&[3, 9], 4, 9) && !any_token_in(&[3, 9], 4, 8));
        assert!(!any_token_in(&[], 0, 100) && any_token_in(&[0], 0, 0));
        // A reading at 1 covers tokens 1-4: 2 and 4 are not visited.
        let mut visited = Vec::new();
        walk(&[1, 2, 4, 5, 7], |i| {
            visited.push(i);
            if i == 1 {
                5
            } else {
                i + 1
            }
        });
        assert_eq!(visited, [1, 5, 7]);
    }

    #[test]
    fn document_lists_digit_and_latin_tokens() {
        let text = "عام 2024 DCCI و 5% www";
        let tokens = crate::tokenize::tokenize(text);
        let doc = Document::new(text, &tokens);
        assert_eq!(doc.digit_tokens(), [1, 4]);
        assert_eq!(doc.latin_tokens(), [2, 6]);
        assert_eq!(doc.punct_tokens(), [5]);
        assert_eq!(doc.tokens_where_word(|w| w == "عام" || w == "و"), [0, 3]);
        let bits: Vec<u8> = doc
            .words()
            .iter()
            .map(|w| (u8::from(*w == "و") * 2) | (u8::from(*w == "عام") * 6))
            .collect();
        let lists = doc.word_tokens_by_bit(&bits);
        assert_eq!(lists[1], [0, 3]);
        assert_eq!(lists[2], [0]);
        assert!(lists[0].is_empty() && lists[3].is_empty());
    }
}

#[cfg(test)]
mod alef_maqsura_tests {
    use super::Document;
    use crate::tokenize::tokenize;
    use crate::{Normalizer, Preset};

    #[test]
    fn words_written_with_alef_maqsura_are_marked() {
        let original = "تغلب على خوان، وقال علي: إلى مصطفى";
        let normalized = Normalizer::new(Preset::Search.options()).normalize(original);
        let tokens = tokenize(&normalized.text);
        let mut doc = Document::new(&normalized.text, &tokens);
        doc.set_original(original, &normalized);
        let marked: Vec<&str> = (0..tokens.len())
            .filter(|&i| doc.ends_in_alef_maqsura(i))
            .map(|i| &normalized.text[tokens[i].span.range()])
            .collect();
        assert_eq!(marked, ["علي", "الي", "مصطفي"]);
    }
}
