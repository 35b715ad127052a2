//! Conversion of UTF-8 byte offsets into code-point and UTF-16 offsets.
//!
//! JavaScript strings index by UTF-16 code units, Python by code points and
//! Rust by bytes. The analysis reports all three. The conversion happens once,
//! in a single forward pass over the text, for a whole batch of offsets.

/// One offset in the three units of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextOffset {
    /// UTF-8 byte offset.
    pub byte: usize,
    /// Unicode code point (Rust `char`) offset.
    pub char: usize,
    /// UTF-16 code unit offset (what JavaScript's `String.prototype.slice` takes).
    pub utf16: usize,
}

/// Converts byte offsets to [`TextOffset`]s in one pass.
///
/// Give it the byte offsets in any order; it sorts a copy, walks the text
/// once, and answers in the order given.
pub struct OffsetConverter;

impl OffsetConverter {
    /// Converts every byte offset in `bytes` (each on a char boundary of
    /// `text`, at most `text.len()`). Offsets that are not on a char boundary
    /// are rounded down to one.
    pub fn convert(text: &str, bytes: &[usize]) -> Vec<TextOffset> {
        let order = crate::sort::sorted_order(bytes.iter().map(|&b| b as u64));
        let mut out = vec![TextOffset::default(); bytes.len()];
        let raw = text.as_bytes();
        let (mut pos, mut chars, mut utf16) = (0usize, 0usize, 0usize);
        for i in order {
            let i = i as usize;
            let mut target = bytes[i].min(raw.len()).max(pos);
            // Inside a character: round down to its start.
            while target > pos && target < raw.len() && is_continuation(raw[target]) {
                target -= 1;
            }
            // Code points are the bytes that are no continuation; a four-byte
            // one is two UTF-16 units. Counted without a branch per
            // character (the loop vectorizes).
            let (starts, astral) = count_starts(&raw[pos..target]);
            chars += starts;
            utf16 += starts + astral;
            pos = target;
            out[i] = TextOffset {
                byte: pos,
                char: chars,
                utf16,
            };
        }
        out
    }
}

/// The bytes of `bytes` that start a character, and those that start a
/// four-byte one: counted in blocks with 32-bit sums (four to a vector
/// register, not two).
fn count_starts(bytes: &[u8]) -> (usize, usize) {
    let (mut starts, mut astral) = (0, 0);
    for block in bytes.chunks(1 << 16) {
        let sum = |f: fn(u8) -> bool| block.iter().map(|&b| u32::from(f(b))).sum::<u32>();
        starts += sum(|b| !is_continuation(b)) as usize;
        astral += sum(|b| b >= 0xF0) as usize;
    }
    (starts, astral)
}

/// True for the bytes that continue a UTF-8 sequence (`10xxxxxx`).
#[inline]
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_astral_chars_as_two_utf16_units() {
        let text = "a😀بc";
        let offs = OffsetConverter::convert(text, &[text.len(), 0, 1, 5, 7]);
        assert_eq!(
            offs[0],
            TextOffset {
                byte: 8,
                char: 4,
                utf16: 5
            }
        );
        assert_eq!(
            offs[1],
            TextOffset {
                byte: 0,
                char: 0,
                utf16: 0
            }
        );
        assert_eq!(
            offs[2],
            TextOffset {
                byte: 1,
                char: 1,
                utf16: 1
            }
        );
        assert_eq!(
            offs[3],
            TextOffset {
                byte: 5,
                char: 2,
                utf16: 3
            }
        );
        assert_eq!(
            offs[4],
            TextOffset {
                byte: 7,
                char: 3,
                utf16: 4
            }
        );
    }

    #[test]
    fn agrees_with_std_on_every_boundary() {
        let text = "في 2024 😀 ١٢٫٥٪ e\u{301} 𝔸";
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let offs = OffsetConverter::convert(text, &bounds);
        for (b, o) in bounds.iter().zip(offs) {
            assert_eq!(o.char, text[..*b].chars().count());
            assert_eq!(o.utf16, text[..*b].encode_utf16().count());
        }
    }

    #[test]
    fn rounds_offsets_inside_a_character_down() {
        let text = "aب😀c";
        // 2 is inside `ب` (1..3), 5 and 6 inside `😀` (3..7), 99 past the end.
        let offs = OffsetConverter::convert(text, &[6, 2, 99, 5, 3]);
        let got: Vec<(usize, usize, usize)> =
            offs.iter().map(|o| (o.byte, o.char, o.utf16)).collect();
        assert_eq!(got, [(3, 2, 2), (1, 1, 1), (8, 4, 5), (3, 2, 2), (3, 2, 2)]);
    }
}
