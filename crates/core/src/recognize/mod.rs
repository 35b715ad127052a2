//! The recognizers: one module per entity family.
//!
//! Every recognizer reads the same [`Document`] (the search-normalized text
//! and its tokens) and pushes [`Candidate`]s with spans in the normalized
//! text. Candidates may overlap; [`crate::analysis`] maps them to the original
//! text and one resolver keeps the longest, most specific reading.

pub mod acronym;
pub mod date;
pub mod date_words;
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
    /// Per token, what the date lexicon says of its word (bits of
    /// [`date_words::DateLexicon`]: may a phrase start there, is some reading
    /// of it a phrase's first word), computed once for all the date recognizers.
    date_starts: std::cell::OnceCell<Vec<u8>>,
    /// Per token, what the number-word tables say of its word (bits of
    /// [`number_words`]: is some reading of it an ordinal, a dual),
    /// computed once for the recognizers that ask.
    number_word_bits: std::cell::OnceCell<Vec<u8>>,
    /// Per token, the cardinal in words starting there, computed once for
    /// the recognizers that read them ([`number_words::cardinal_at`]).
    cardinals: std::cell::OnceCell<SparseTokenMemo<number_words::WordNumber>>,
}

impl<'a> Document<'a> {
    /// The document of `text` (search-normalized) and its `tokens`.
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        let mut interner = WordInterner::with_capacity(1024);
        let word_ids = tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => interner.intern(&text[t.span.range()]),
                _ => NOT_A_WORD,
            })
            .collect();
        let words = interner.into_words();
        Document {
            text,
            tokens,
            word_ids,
            words,
            date_starts: std::cell::OnceCell::new(),
            number_word_bits: std::cell::OnceCell::new(),
            cardinals: std::cell::OnceCell::new(),
        }
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

    /// The per-token memo of the number-word tables, computed by `compute` on first use.
    pub(crate) fn number_word_bits(&self, compute: impl FnOnce() -> Vec<u8>) -> &[u8] {
        self.number_word_bits.get_or_init(compute)
    }

    /// The per-token memo of the date lexicon, computed by `compute` on first use.
    pub(crate) fn date_starts(&self, compute: impl FnOnce() -> Vec<u8>) -> &[u8] {
        self.date_starts.get_or_init(compute)
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

/// A value per token that most tokens lack (a cardinal in words starting
/// there): four bytes per token and the values present, not an `Option<T>`
/// per token (48 bytes for a cardinal: 48 MB of fresh pages for 10 MB of text).
pub(crate) struct SparseTokenMemo<T> {
    /// Per token, 1 + the index of its value in `values`, or 0.
    index: Vec<u32>,
    /// The values present, in token order.
    values: Vec<T>,
}

impl<T: Copy> SparseTokenMemo<T> {
    /// `f(i)` for each token `i` of `n`.
    pub(crate) fn from_fn(n: usize, mut f: impl FnMut(usize) -> Option<T>) -> Self {
        let mut values = Vec::new();
        let index = (0..n)
            .map(|i| match f(i) {
                Some(v) => {
                    values.push(v);
                    values.len() as u32
                }
                None => 0,
            })
            .collect();
        SparseTokenMemo { index, values }
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
