//! Attached clitics: the conjunctions `و ف` and prepositions `ب ل ك` written
//! joined to the next word. A name's span leaves them out (`بالرياض`
//! highlights `الرياض`); `لل` is `ل` + `ال` with the alef dropped, so
//! `للجنة` reads `اللجنة` and highlights `لجنة`.

/// Prefixes tried, longest first (search-normalized letters): a word has at
/// most one of the two-letter ones (its first two letters) and one of the
/// one-letter ones (its first letter), read in this order.
#[cfg(test)]
const PREFIXES: [&str; 11] = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"];

/// The UTF-8 bytes of `و ف ب ل ك` (all two bytes).
const WA: [u8; 2] = [0xD9, 0x88];
const FA: [u8; 2] = [0xD9, 0x81];
const BA: [u8; 2] = [0xD8, 0xA8];
const LAM: [u8; 2] = [0xD9, 0x84];
const KAF: [u8; 2] = [0xD9, 0x83];

/// Calls `f(prefix_bytes, bare)` for each reading of `word`: the word as it
/// is, then without each attached prefix that leaves at least two letters.
/// `prefix_bytes` is how many bytes of `word` the span must skip. Stops
/// early when `f` returns `true`; returns whether it did.
///
/// The prefixes are read from the word's first four bytes (no loop over
/// the prefixes: this runs for every distinct word of a document, twice).
pub fn for_each_reading(word: &str, mut f: impl FnMut(usize, &str) -> bool) -> bool {
    if f(0, word) {
        return true;
    }
    let b = word.as_bytes();
    let first = [
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
    ];
    if !matches!(first, WA | FA | BA | LAM | KAF) {
        return false;
    }
    // The two-letter prefix (a conjunction and a preposition), then the one-letter one.
    if matches!(first, WA | FA) && b.len() >= 4 && matches!([b[2], b[3]], BA | LAM | KAF) {
        let lam = [b[2], b[3]] == LAM;
        if without_prefix(word, 4, lam, &mut f) {
            return true;
        }
    }
    without_prefix(word, 2, first == LAM, &mut f)
}

/// The readings of `word` without its first `n` bytes (a prefix, ending
/// with `ل` when `lam`), when at least two letters are left.
fn without_prefix(
    word: &str,
    n: usize,
    lam: bool,
    f: &mut impl FnMut(usize, &str) -> bool,
) -> bool {
    let rest = &word[n..];
    if rest.chars().nth(1).is_none() {
        return false;
    }
    // `ل` + `ال...`: the alef of the article is not written (`للحزب`
    // is `ل` + `الحزب`), nor the article's lam before a lam (`للجنة`
    // is `ل` + `اللجنة`).
    if lam
        && rest.starts_with('ل')
        && !rest.starts_with("ال")
        && (with_prefix("ا", rest, |w| f(n, w)) || with_prefix("ال", rest, |w| f(n, w)))
    {
        return true;
    }
    f(n, rest)
}

/// A 16-bit key of the last two letters of `word` (of its only letter when
/// it has one): every reading [`for_each_reading`] gives of a word has the
/// word's key (a reading is the word, or a suffix of two letters or more,
/// or `ا`/`ال` before such a suffix). A set of these keys rejects at once a
/// word none of whose readings can be in a set of words.
pub fn tail_key(word: &str) -> u16 {
    let mut chars = word.chars().rev();
    let last = chars.next().map_or(0, |c| c as u32 & 0xFF);
    let before = chars.next().map_or(0, |c| c as u32 & 0xFF);
    (before << 8 | last) as u16
}

/// Calls `f` with `prefix` + `rest`, joined in a buffer on the stack when
/// they fit (this runs for every word starting with `لل`: no allocation).
fn with_prefix<R>(prefix: &str, rest: &str, f: impl FnOnce(&str) -> R) -> R {
    let n = prefix.len() + rest.len();
    let mut buf = [0u8; 64];
    if n > buf.len() {
        return f(&format!("{prefix}{rest}"));
    }
    buf[..prefix.len()].copy_from_slice(prefix.as_bytes());
    buf[prefix.len()..n].copy_from_slice(rest.as_bytes());
    // SAFETY: `buf[..n]` is the bytes of two `str`s one after the other,
    // so UTF-8 (checking it cost a scan of every `لل` word's bytes).
    f(unsafe { std::str::from_utf8_unchecked(&buf[..n]) })
}

/// Splits the article off a bare word: `("ال", "لجنه")` for `اللجنه`.
/// Returns `None` for a word that has no article or would be too short without it.
pub fn split_article(word: &str) -> Option<&str> {
    word.strip_prefix("ال")
        .filter(|r| r.chars().nth(1).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(word: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for_each_reading(word, |p, bare| {
            out.push((p, bare.to_string()));
            false
        });
        out
    }

    #[test]
    fn strips_conjunctions_and_prepositions() {
        let r = readings("بالرياض");
        assert!(r.contains(&(2, "الرياض".into())), "{r:?}");
        let r = readings("وللجنه");
        assert!(r.contains(&(4, "اللجنه".into())), "{r:?}");
        assert_eq!(readings("باريس")[0], (0, "باريس".into()));
        assert_eq!(readings("في"), [(0, "في".into())]);
        assert_eq!(split_article("اللجنه"), Some("لجنه"));
        assert_eq!(split_article("الي"), None);
    }

    /// The readings as the loop over [`PREFIXES`] gave them.
    fn readings_by_prefix_loop(word: &str) -> Vec<(usize, String)> {
        let mut out = vec![(0, word.to_string())];
        if !matches!(word.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) {
            return out;
        }
        for p in PREFIXES {
            let Some(rest) = word.strip_prefix(p) else {
                continue;
            };
            if rest.chars().count() < 2 {
                continue;
            }
            if p.ends_with('ل') && rest.starts_with('ل') && !rest.starts_with("ال") {
                out.push((p.len(), format!("ا{rest}")));
                out.push((p.len(), format!("ال{rest}")));
            }
            out.push((p.len(), rest.to_string()));
        }
        out
    }

    #[test]
    fn readings_are_those_of_the_prefix_loop() {
        let words = [
            "وبالرياض",
            "وللجنه",
            "للحزب",
            "فكلمه",
            "و",
            "في",
            "ولي",
            "لل",
            "للا",
            "ولل",
            "وب",
            "وبه",
            "فلان",
            "كتب",
            "بلد",
            "لبنان",
            "ولبنان",
            "فللجنه",
            "كل",
            "ك",
            "بي",
            "abc",
            "",
            "وك",
            "وكان",
            "فكان",
            "ب😀",
            "وب😀x",
            "لالا",
            "للالة",
            "ولالب",
        ];
        for word in words {
            assert_eq!(readings(word), readings_by_prefix_loop(word), "{word}");
        }
        // Early stop: the second reading of `للحزب` ends the walk.
        let mut seen = 0;
        assert!(for_each_reading("للحزب", |_, _| {
            seen += 1;
            seen == 2
        }));
        assert_eq!(seen, 2);
    }

    #[test]
    fn every_reading_has_the_tail_key_of_its_word() {
        for word in ["بالرياض", "وللجنه", "للحزب", "فكلمه", "و", "في", "ولي"]
        {
            let key = tail_key(word);
            for (_, bare) in readings(word) {
                assert_eq!(tail_key(&bare), key, "{word} {bare}");
            }
        }
        assert_ne!(tail_key("لجنه"), tail_key("لجنة"));
    }
}
