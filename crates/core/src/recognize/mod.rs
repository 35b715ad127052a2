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
pub mod ratio;
pub mod reference;
pub mod relative;
pub mod time;
pub mod url;

use crate::entity::{EntityKind, Value};
use crate::span::Span;
use crate::tokenize::{Token, TokenKind};

/// The text a recognizer reads.
pub struct Document<'a> {
    /// The search-normalized text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Per token, whether a phrase of the date lexicon may start there,
    /// computed once for all the date recognizers ([`date_words::DateLexicon::may_start`]).
    date_starts: std::cell::OnceCell<Vec<bool>>,
    /// Per token, the cardinal in words starting there, computed once for
    /// the recognizers that read them ([`number_words::cardinal_at`]).
    cardinals: std::cell::OnceCell<Vec<Option<number_words::WordNumber>>>,
}

impl<'a> Document<'a> {
    /// The document of `text` (search-normalized) and its `tokens`.
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        Document {
            text,
            tokens,
            date_starts: std::cell::OnceCell::new(),
            cardinals: std::cell::OnceCell::new(),
        }
    }

    /// The per-token memo of cardinals in words, computed by `compute` on first use.
    pub(crate) fn cardinals(
        &self,
        compute: impl FnOnce() -> Vec<Option<number_words::WordNumber>>,
    ) -> &[Option<number_words::WordNumber>] {
        self.cardinals.get_or_init(compute)
    }

    /// The per-token memo of the date lexicon, computed by `compute` on first use.
    pub(crate) fn date_starts(&self, compute: impl FnOnce() -> Vec<bool>) -> &[bool] {
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
