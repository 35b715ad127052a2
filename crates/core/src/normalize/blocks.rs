//! The 16-byte block filter of the normalizer's fast path.
//!
//! The fast path (see [`super::Normalizer`]) decides one character at a time
//! whether it can copy it. This filter decides it for 16 bytes at once with
//! SIMD compares (SSE2, part of every x86-64 CPU): a byte passes when it is
//! ASCII that the fast path copies, a lead byte of U+0600–U+067F, or the
//! second byte of a character in one of a few ranges compiled from the
//! normalizer's table (letters it keeps, and letters it replaces by one of
//! the same width, reported apart so that the caller can patch them). The
//! ranges are a subset of what the per-character loop accepts: a byte that
//! fails only sends its character to that loop, so the output is the same.
//! On other targets the filter passes nothing and the loop does it all.

use super::{FAST_MARKISH, FAST_SAME_WIDTH, FAST_SLOW};

/// Continuation ranges `(first, last - first)` tested per lead byte;
/// unused slots are `(0, 0)`, which no continuation byte matches.
type Ranges<const N: usize> = [(u8, u8); N];

/// Ranges of second bytes, compiled for one normalizer.
#[derive(Debug, Clone)]
#[cfg_attr(
    not(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "wasm32", target_feature = "simd128")
    )),
    allow(dead_code)
)]
pub(super) struct BlockFilter {
    /// Fold whitespace: only single spaces and line feeds pass.
    fold_ws: bool,
    /// Per lead byte 0xD8 and 0xD9: characters copied as they are (kept
    /// for the tests; the scan reads `splats`).
    #[cfg_attr(not(test), allow(dead_code))]
    keep: [Ranges<4>; 2],
    /// Per lead byte 0xD8 and 0xD9: characters replaced by one of the
    /// same width (neither marks nor transparent).
    #[cfg_attr(not(test), allow(dead_code))]
    replace: [Ranges<2>; 2],
    /// `keep` then `replace` of each lead, each range as 16 copies of its
    /// first byte and 16 of its span, ready for the compares.
    splats: [[[u8; 16]; 2]; 12],
}

/// What [`BlockFilter::scan`] found in 16 bytes: bit `t` is byte `t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BlockMasks {
    /// Bytes that pass.
    pub(super) pass: u16,
    /// Second bytes of characters to replace (they pass too).
    pub(super) replace: u16,
}

impl BlockFilter {
    /// The filter runs on this target (SSE2); elsewhere the per-character
    /// loop does everything and callers skip the filter.
    pub(super) const ENABLED: bool = cfg!(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "wasm32", target_feature = "simd128")
    ));

    /// Compiles the filter from the fast path's classes of U+0600–U+06FF
    /// (`FAST_*` bits).
    pub(super) fn new(classes: &[u8; 256], fold_ws: bool) -> Self {
        let mut keep = [[(0, 0); 4]; 2];
        let mut replace = [[(0, 0); 2]; 2];
        for lead in 0..2 {
            let class = |cont: usize| classes[(lead << 6) | cont];
            let kept = |c: u8| c & (FAST_SLOW | FAST_MARKISH) == 0;
            // A replaced base (`أ` → `ا`) may pass: the caller checks what
            // follows the last character passed.
            let replaced = |c: u8| {
                c & (FAST_SLOW | FAST_SAME_WIDTH | FAST_MARKISH) == FAST_SLOW | FAST_SAME_WIDTH
            };
            keep[lead] = best_runs(lead, |cont| kept(class(cont)));
            replace[lead] = best_runs(lead, |cont| replaced(class(cont)));
        }
        let mut splats = [[[0; 16]; 2]; 12];
        let ranges = (0..2).flat_map(|l| keep[l].into_iter().chain(replace[l]));
        for (splat, (first, span)) in splats.iter_mut().zip(ranges) {
            *splat = [[first; 16], [span; 16]];
        }
        BlockFilter {
            fold_ws,
            keep,
            replace,
            splats,
        }
    }

    /// Tests `bytes[i..i + 16]`; `bytes[i - 1]` must exist, be copied by the
    /// fast path, and `i` must be a character boundary.
    #[inline]
    pub(super) fn scan(&self, bytes: &[u8], i: usize) -> BlockMasks {
        let block: &[u8; 17] = bytes[i - 1..i + 16].try_into().expect("17 bytes");
        self.scan_block(block)
    }

    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    #[inline]
    fn scan_block(&self, block: &[u8; 17]) -> BlockMasks {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is enabled (cfg above); both loads read 16 bytes
        // inside `block` (offsets 0 and 1 of 17 bytes), unaligned loads.
        unsafe {
            let prev = _mm_loadu_si128(block.as_ptr().cast());
            let cur = _mm_loadu_si128(block.as_ptr().add(1).cast());
            let splat = |b: u8| _mm_set1_epi8(b as i8);
            let zero = _mm_setzero_si128();
            let in_range = |[first, span]: &[[u8; 16]; 2]| {
                let offset = _mm_sub_epi8(cur, _mm_loadu_si128(first.as_ptr().cast()));
                let over = _mm_subs_epu8(offset, _mm_loadu_si128(span.as_ptr().cast()));
                _mm_cmpeq_epi8(over, zero)
            };
            let ascii = if self.fold_ws {
                // Printable ASCII, a line feed, or a space after no space.
                let printable = _mm_cmpgt_epi8(cur, splat(b' '));
                let line_feed = _mm_cmpeq_epi8(cur, splat(b'\n'));
                let space = _mm_cmpeq_epi8(cur, splat(b' '));
                let after_space = _mm_cmpeq_epi8(prev, splat(b' '));
                _mm_or_si128(
                    _mm_or_si128(printable, line_feed),
                    _mm_andnot_si128(after_space, space),
                )
            } else {
                _mm_cmpgt_epi8(cur, splat(0xFF)) // 0x00–0x7F: signed > -1
            };
            let lead = _mm_or_si128(
                _mm_cmpeq_epi8(cur, splat(0xD8)),
                _mm_cmpeq_epi8(cur, splat(0xD9)),
            );
            let mut keep = zero;
            let mut replace = zero;
            for (l, tests) in self.splats.chunks_exact(6).enumerate() {
                let after = _mm_cmpeq_epi8(prev, splat(0xD8 + l as u8));
                let k = tests[..4]
                    .iter()
                    .fold(zero, |acc, t| _mm_or_si128(acc, in_range(t)));
                keep = _mm_or_si128(keep, _mm_and_si128(after, k));
                let r = tests[4..]
                    .iter()
                    .fold(zero, |acc, t| _mm_or_si128(acc, in_range(t)));
                replace = _mm_or_si128(replace, _mm_and_si128(after, r));
            }
            let pass = _mm_or_si128(_mm_or_si128(ascii, lead), _mm_or_si128(keep, replace));
            BlockMasks {
                pass: _mm_movemask_epi8(pass) as u16,
                replace: _mm_movemask_epi8(replace) as u16,
            }
        }
    }

    /// The same compares in wasm SIMD, when the build enables `simd128`.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    fn scan_block(&self, block: &[u8; 17]) -> BlockMasks {
        use std::arch::wasm32::*;
        // SAFETY: both loads read 16 bytes inside `block` (offsets 0 and 1
        // of 17 bytes); v128_load has no alignment requirement.
        let (prev, cur) = unsafe {
            (
                v128_load(block.as_ptr().cast()),
                v128_load(block.as_ptr().add(1).cast()),
            )
        };
        let zero = u8x16_splat(0);
        let in_range = |[first, span]: &[[u8; 16]; 2]| {
            let offset = u8x16_sub(cur, u8x16_splat(first[0]));
            u8x16_eq(u8x16_sub_sat(offset, u8x16_splat(span[0])), zero)
        };
        let ascii = if self.fold_ws {
            let printable = i8x16_gt(cur, i8x16_splat(b' ' as i8));
            let line_feed = u8x16_eq(cur, u8x16_splat(b'\n'));
            let space = u8x16_eq(cur, u8x16_splat(b' '));
            let after_space = u8x16_eq(prev, u8x16_splat(b' '));
            v128_or(
                v128_or(printable, line_feed),
                v128_andnot(space, after_space),
            )
        } else {
            i8x16_gt(cur, i8x16_splat(-1))
        };
        let lead = v128_or(
            u8x16_eq(cur, u8x16_splat(0xD8)),
            u8x16_eq(cur, u8x16_splat(0xD9)),
        );
        let mut keep = zero;
        let mut replace = zero;
        for (l, tests) in self.splats.chunks_exact(6).enumerate() {
            let after = u8x16_eq(prev, u8x16_splat(0xD8 + l as u8));
            let k = tests[..4]
                .iter()
                .fold(zero, |acc, t| v128_or(acc, in_range(t)));
            keep = v128_or(keep, v128_and(after, k));
            let r = tests[4..]
                .iter()
                .fold(zero, |acc, t| v128_or(acc, in_range(t)));
            replace = v128_or(replace, v128_and(after, r));
        }
        let pass = v128_or(v128_or(ascii, lead), v128_or(keep, replace));
        BlockMasks {
            pass: u8x16_bitmask(pass),
            replace: u8x16_bitmask(replace),
        }
    }

    #[cfg(not(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "wasm32", target_feature = "simd128")
    )))]
    #[inline]
    fn scan_block(&self, _block: &[u8; 17]) -> BlockMasks {
        BlockMasks {
            pass: 0,
            replace: 0,
        }
    }
}

/// The best runs of consecutive continuation bytes (0x80–0xBF after lead
/// `0xD8 + lead`) where `ok` holds, as `(first, span)`: runs holding Arabic
/// letters (U+0620–U+064A) first, then the longest.
fn best_runs<const N: usize>(lead: usize, ok: impl Fn(usize) -> bool) -> Ranges<N> {
    let mut runs: Vec<(usize, usize)> = Vec::new(); // (first, last) of cont & 0x3F
    for cont in 0..64 {
        if !ok(cont) {
            continue;
        }
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == cont => *last = cont,
            _ => runs.push((cont, cont)),
        }
    }
    let letters = |&(first, last): &(usize, usize)| {
        let (lo, hi) = (0x600 + (lead << 6) + first, 0x600 + (lead << 6) + last);
        hi >= 0x620 && lo <= 0x64A
    };
    // Letters first, then longer runs (one shared sort routine: crate::sort).
    crate::sort::sort_by_u64_key(&mut runs, |r| {
        u64::MAX - (u64::from(letters(r)) << 32 | (r.1 - r.0) as u64)
    });
    let mut out = [(0, 0); N];
    for (slot, &(first, last)) in out.iter_mut().zip(&runs) {
        *slot = (0x80 + first as u8, (last - first) as u8);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Normalizer, Preset};
    use super::BlockMasks;

    #[test]
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    fn passes_letters_and_reports_replacements() {
        let n = Normalizer::new(Preset::Search.options());
        // Byte t + 1 of the text is bit t; "ة" is bytes 14-15.
        let m = n.blocks.scan(" كب مدرسة جديدة".as_bytes(), 1);
        assert_eq!(
            m,
            BlockMasks {
                pass: 0xFFFF,
                replace: 1 << 14
            }
        );
        // A second space, a haraka and a digit do not pass.
        for (text, passed) in [
            (" كب  مدرسة جديدة", 5),
            (" كَب مدرسة جديدة", 3),
            (" كب ٣ مدرسة جديدة", 6),
        ] {
            let m = n.blocks.scan(text.as_bytes(), 1);
            assert_eq!(m.pass.trailing_ones(), passed, "{text}");
        }
    }

    #[test]
    fn ranges_hold_only_what_the_loop_copies() {
        use super::super::{FAST_MARKISH, FAST_SAME_WIDTH, FAST_SLOW};
        for preset in Preset::ALL {
            let n = Normalizer::new(preset.options());
            for lead in 0..2 {
                let class = |cont: u8| n.arabic_fast[(lead << 6) | usize::from(cont & 0x3F)];
                for (first, span) in n.blocks.keep[lead] {
                    for cont in (first..=first + span).filter(|_| first != 0) {
                        assert_eq!(class(cont) & (FAST_SLOW | FAST_MARKISH), 0);
                    }
                }
                for (first, span) in n.blocks.replace[lead] {
                    for cont in (first..=first + span).filter(|_| first != 0) {
                        let c = class(cont);
                        assert_eq!(
                            c & (FAST_SLOW | FAST_SAME_WIDTH | FAST_MARKISH),
                            FAST_SLOW | FAST_SAME_WIDTH
                        );
                    }
                }
            }
        }
        // Search: every letter U+062A–U+063F passes; ة and أ إ آ ؤ ئ are replaced.
        let n = Normalizer::new(Preset::Search.options());
        assert!(n.blocks.keep[0].contains(&(0xAA, 0xBF - 0xAA)));
        assert!(n.blocks.replace[0].contains(&(0xA2, 4)));
    }
}
