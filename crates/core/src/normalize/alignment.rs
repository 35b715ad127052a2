//! The map from a normalized text back to the original it came from.
//!
//! The map is a list of segments. Inside a segment every normalized *unit* of
//! `norm_unit` bytes came from one original unit of `orig_unit` bytes, in
//! order: a stretch of text copied or changed letter for letter (`أ` to `ا`,
//! both two bytes) is one segment with units of 1:1, a run of Arabic-Indic
//! digits turned ASCII is one segment of 1:2, and a ligature expanded to
//! several letters (`ﷲ` to `الله`) is one segment of a single 8:3 unit.
//! Original bytes that produced nothing (removed diacritics, tatweel,
//! invisible marks) fall in the gaps between segments.
//!
//! Memory is one 16-byte segment per change of shape, not per character:
//! plain text costs nothing, and the worst case (an edit every character)
//! stays under 8 bytes per input byte.

use crate::span::Span;

/// One run of the alignment (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    norm_start: u32,
    orig_start: u32,
    norm_unit: u32,
    orig_unit: u32,
}

/// Maps spans of a normalized text to spans of its original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    segments: Vec<Segment>,
    norm_len: u32,
    orig_len: u32,
}

impl Alignment {
    /// Maps a byte span of the normalized text to the byte span of the
    /// original that produced it. The result always lies on char boundaries
    /// of the original; a span that cuts through an expansion (one original
    /// character that became several) widens to cover that whole character.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.orig_start_of(span.start as u32);
        if span.is_empty() {
            return Span::new(start as usize, start as usize);
        }
        let end = self.orig_end_of(span.end as u32).max(start);
        Span::new(start as usize, end as usize)
    }

    /// Number of segments (for memory accounting in benchmarks).
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// Bytes of heap the alignment holds.
    pub fn heap_bytes(&self) -> usize {
        self.segments.capacity() * std::mem::size_of::<Segment>()
    }

    /// The end (exclusive) in normalized bytes of segment `i`.
    fn norm_end(&self, i: usize) -> u32 {
        self.segments
            .get(i + 1)
            .map_or(self.norm_len, |s| s.norm_start)
    }

    /// Original byte where normalized byte `pos` begins.
    fn orig_start_of(&self, pos: u32) -> u32 {
        if pos >= self.norm_len {
            return self
                .segments
                .last()
                .map_or(0, |_| self.orig_end_of(self.norm_len));
        }
        // Last segment starting at or before `pos`.
        let i = self.segments.partition_point(|s| s.norm_start <= pos) - 1;
        let s = self.segments[i];
        s.orig_start + (pos - s.norm_start) / s.norm_unit * s.orig_unit
    }

    /// Original byte where the normalized text ending at byte `pos` ends.
    fn orig_end_of(&self, pos: u32) -> u32 {
        if pos == 0 {
            return self.segments.first().map_or(0, |s| s.orig_start);
        }
        // Segment holding byte `pos - 1`.
        let i = self.segments.partition_point(|s| s.norm_start < pos) - 1;
        let s = self.segments[i];
        let units = (pos - s.norm_start).div_ceil(s.norm_unit);
        s.orig_start + units * s.orig_unit
    }

    /// Checks the internal invariants; used by tests.
    pub fn check(&self) -> Result<(), String> {
        let mut orig_end = 0;
        for (i, s) in self.segments.iter().enumerate() {
            let len = self.norm_end(i) - s.norm_start;
            if len == 0 || len % s.norm_unit != 0 {
                return Err(format!("segment {i} has a partial unit"));
            }
            if s.orig_start < orig_end {
                return Err(format!("segment {i} goes back in the original"));
            }
            orig_end = s.orig_start + len / s.norm_unit * s.orig_unit;
        }
        if orig_end > self.orig_len {
            return Err("alignment runs past the original".into());
        }
        Ok(())
    }
}

/// Builds a normalized string and its [`Alignment`] together.
///
/// Every change to the output goes through [`AlignedBuilder::emit`], which
/// records where the emitted text came from; nothing else writes the output.
#[derive(Debug)]
pub(crate) struct AlignedBuilder {
    out: String,
    segments: Vec<Segment>,
    /// Original byte just past the last emitted unit.
    last_orig_end: u32,
    orig_len: u32,
}

impl AlignedBuilder {
    /// A builder for an original text of `orig_len` bytes.
    pub(crate) fn new(orig_len: usize) -> Self {
        assert!(orig_len <= u32::MAX as usize, "text larger than 4 GiB");
        AlignedBuilder {
            out: String::with_capacity(orig_len),
            segments: Vec::new(),
            last_orig_end: 0,
            orig_len: orig_len as u32,
        }
    }

    /// Appends `text` as the normalized form of the original bytes
    /// `orig_start..orig_end` (one original character, or one composed
    /// cluster). Original bytes skipped between two calls are the ones that
    /// produced nothing.
    #[inline]
    pub(crate) fn emit(&mut self, orig_start: usize, orig_end: usize, text: &str) {
        let (n_len, o_len) = (text.len() as u32, (orig_end - orig_start) as u32);
        let single_char = text.chars().nth(1).is_none();
        // A one-character replacement of the same byte length keeps offsets
        // linear; anything else is one indivisible unit.
        let unit = if n_len == o_len && single_char {
            (1, 1)
        } else {
            (n_len, o_len)
        };
        self.push(orig_start as u32, o_len, text, unit);
    }

    /// Appends `text` unchanged: it is the original's own bytes starting at
    /// `orig_start`, so every byte maps to itself.
    #[inline]
    pub(crate) fn copy(&mut self, orig_start: usize, text: &str) {
        self.push(orig_start as u32, text.len() as u32, text, (1, 1));
    }

    /// The one place that writes the output and its alignment.
    #[inline]
    fn push(&mut self, o_start: u32, o_len: u32, text: &str, (norm_unit, orig_unit): (u32, u32)) {
        debug_assert!(
            o_start >= self.last_orig_end,
            "emits must move forward in the original"
        );
        if text.is_empty() {
            return;
        }
        let extend = o_start == self.last_orig_end
            && matches!(self.segments.last(), Some(s) if s.norm_unit == norm_unit && s.orig_unit == orig_unit);
        if !extend {
            let norm_start = self.out.len() as u32;
            self.segments.push(Segment {
                norm_start,
                orig_start: o_start,
                norm_unit,
                orig_unit,
            });
        }
        self.out.push_str(text);
        self.last_orig_end = o_start + o_len;
    }

    /// Finishes: the normalized text and its alignment.
    pub(crate) fn finish(self) -> (String, Alignment) {
        let norm_len = self.out.len() as u32;
        let mut segments = self.segments;
        segments.shrink_to_fit();
        (
            self.out,
            Alignment {
                segments,
                norm_len,
                orig_len: self.orig_len,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_delete_and_expand() {
        // original: "aXbﷲc" where X (1 byte) is deleted and ﷲ (3 bytes) expands.
        let orig = "aXb\u{FDF2}c";
        let mut b = AlignedBuilder::new(orig.len());
        b.copy(0, "a");
        b.copy(2, "b");
        b.emit(3, 6, "الله");
        b.copy(6, "c");
        let (out, al) = b.finish();
        assert_eq!(out, "abاللهc");
        al.check().unwrap();
        assert_eq!(al.to_original(Span::new(0, 2)), Span::new(0, 3));
        assert_eq!(al.to_original(Span::new(1, 2)), Span::new(2, 3));
        // Any part of the expansion maps to the whole ligature.
        assert_eq!(al.to_original(Span::new(2, 4)), Span::new(3, 6));
        assert_eq!(al.to_original(Span::new(4, 10)), Span::new(3, 6));
        assert_eq!(al.to_original(Span::new(10, 11)), Span::new(6, 7));
        assert_eq!(al.to_original(Span::new(11, 11)), Span::new(7, 7));
    }

    #[test]
    fn digit_runs_share_one_segment() {
        let orig = "٢٠٢٤";
        let mut b = AlignedBuilder::new(orig.len());
        for (i, c) in orig.char_indices() {
            let d = char::from(b'0' + (c as u32 - 0x660) as u8);
            b.emit(i, i + 2, d.encode_utf8(&mut [0; 4]));
        }
        let (out, al) = b.finish();
        assert_eq!(out, "2024");
        assert_eq!(al.segment_count(), 1);
        assert_eq!(al.to_original(Span::new(1, 3)), Span::new(2, 6));
    }
}
