//! The hasher of the recognizers' word tables (FNV-1a), in one place.
//!
//! The tables are looked up several times per token; SipHash (the standard
//! library's default) spends more time on a ten-byte Arabic word than FNV.
//! Tried (2026-11-23): a multiply-per-eight-bytes hasher (rustc-hash style)
//! made the whole analysis 4 % slower: its low bits spread worse, and the
//! date lexicon's 16,384-slot ending filter ([`crate::recognize::date_words`])
//! then let more words through. Not resistant to chosen collisions: the keys
//! are the crate's own tables; the text only looks them up.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// 64-bit FNV-1a.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with the [`WordHasher`].
pub type WordHashMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash + ?Sized>(v: &T) -> u64 {
        BuildHasherDefault::<WordHasher>::default().hash_one(v)
    }

    #[test]
    fn distinct_words_hash_apart_and_maps_work() {
        let words = [
            "في",
            "فى",
            "اللجنه",
            "اللجنة",
            "",
            "a",
            "a\0",
            "الامم المتحده",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(hash(*a), hash(*b), "{a:?} {b:?}");
            }
        }
        let map: WordHashMap<String, usize> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), i))
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(*w), Some(&i));
        }
        assert_eq!(map.get("غير"), None);
    }
}
