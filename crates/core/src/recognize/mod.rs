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
}

impl<'a> Document<'a> {
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
