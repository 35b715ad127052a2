//! Word lists and tables compiled in without their comments.
//!
//! The tables under `data/` start with `#` comment lines (sources, licenses,
//! how each column is read): about 9 KB of the gzipped wasm package. Every
//! reader of these tables skips comment lines and empty lines, so
//! [`data_table!`] empties each line that starts with `#` at compile time,
//! keeping its line break (line numbers stay those of the file). The comments
//! stay in the repository, beside the data they describe.

/// Walks `raw`, keeping every byte but the text of the lines that start with
/// `#` (their line breaks are kept); writes the kept bytes into `out` as far
/// as it reaches, and returns how many there are.
const fn keep_uncommented(raw: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    let mut at_line_start = true;
    let mut in_comment = false;
    while i < raw.len() {
        let b = raw[i];
        if at_line_start {
            in_comment = b == b'#';
        }
        if !in_comment || b == b'\n' {
            if n < out.len() {
                out[n] = b;
            }
            n += 1;
        }
        at_line_start = b == b'\n';
        i += 1;
    }
    n
}

/// The length of `raw` once its comment lines are emptied (see [`strip`]).
pub(crate) const fn stripped_len(raw: &[u8]) -> usize {
    keep_uncommented(raw, &mut [])
}

/// `raw` with the text of every line that starts with `#` removed (its line
/// break kept); `N` is [`stripped_len`] of `raw`.
pub(crate) const fn strip<const N: usize>(raw: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    keep_uncommented(raw, &mut out);
    out
}

/// A table as a `&'static str` without its comment lines, computed at compile
/// time: `data_table!(include_str!("../../data/months.tsv"))`.
macro_rules! data_table {
    ($raw:expr) => {{
        const RAW: &[u8] = $raw.as_bytes();
        const N: usize = $crate::data_table::stripped_len(RAW);
        const BYTES: [u8; N] = $crate::data_table::strip::<N>(RAW);
        const TEXT: &str = match ::core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("a data table is not UTF-8"),
        };
        TEXT
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strips `raw` as [`data_table!`] does, at run time.
    fn stripped(raw: &str) -> String {
        const MAX: usize = 64;
        assert!(raw.len() <= MAX);
        let n = stripped_len(raw.as_bytes());
        let out = strip::<MAX>(raw.as_bytes());
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn comment_lines_are_emptied_and_their_breaks_kept() {
        assert_eq!(
            stripped("# head\na\tb\n#x\nc # not a comment\n"),
            "\na\tb\n\nc # not a comment\n"
        );
        assert_eq!(stripped("a\n# last, no break"), "a\n");
        assert_eq!(stripped(""), "");
        assert_eq!(stripped("#"), "");
        assert_eq!(stripped(" # indented stays\n"), " # indented stays\n");
    }

    #[test]
    fn every_table_keeps_its_data_lines() {
        // The compiled tables equal their files with the comment lines emptied.
        let tables = [
            (
                data_table!(include_str!("../data/months.tsv")),
                include_str!("../data/months.tsv"),
            ),
            (
                data_table!(include_str!("../data/names-person-words.tsv")),
                include_str!("../data/names-person-words.tsv"),
            ),
            (
                data_table!(include_str!("../data/currencies.tsv")),
                include_str!("../data/currencies.tsv"),
            ),
        ];
        for (compiled, file) in tables {
            let expected: Vec<&str> = file
                .split('\n')
                .map(|l| if l.starts_with('#') { "" } else { l })
                .collect();
            assert_eq!(compiled.split('\n').collect::<Vec<_>>(), expected);
            assert!(
                compiled.len() < file.len(),
                "each of these tables has comments"
            );
            assert!(!compiled.lines().any(|l| l.starts_with('#')));
        }
    }
}
