//! One sort routine for every sort by an integer key.
//!
//! Each `sort_by_key` on a new element type compiles its own copy of the
//! standard library's sort, about 6 KB of wasm each; the table builders and
//! resolvers sort by integer keys, so they share the one copy here (sorting
//! `u128` keys that hold key and index) and keep the wasm small.

/// Sorts `items` by `key`, smallest first; items with equal keys keep their
/// order (a stable sort).
pub fn sort_by_u64_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let order = sorted_order(items.iter().map(key));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().map(|&i| {
        slots[i as usize]
            .take()
            .expect("sorted_order lists every index once")
    }));
}

/// The positions of `keys` in ascending key order; equal keys keep their order.
pub fn sorted_order(keys: impl Iterator<Item = u64>) -> Vec<u32> {
    // One `u128` per item, key above index: indices are distinct, so the
    // unstable sort orders equal keys by index. (`analysis::resolve` sorts
    // `u128` keys too: one sort routine in the wasm.)
    let mut keyed: Vec<u128> = keys
        .enumerate()
        .map(|(i, k)| {
            u128::from(k) << 32 | u128::from(u32::try_from(i).expect("fewer than 2^32 items"))
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|key| key as u32).collect()
}

/// The key that sorts longer first: `u64::MAX - len`.
pub fn longest_first(len: usize) -> u64 {
    u64::MAX - len as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_the_order_of_equal_keys() {
        let mut items = vec![("b", 2), ("a", 1), ("c", 2), ("d", 0), ("e", 1)];
        sort_by_u64_key(&mut items, |&(_, k)| k);
        assert_eq!(items, [("d", 0), ("a", 1), ("e", 1), ("b", 2), ("c", 2)]);
    }

    #[test]
    fn longest_first_puts_longer_items_first_and_ties_in_order() {
        let mut words = vec!["ab", "abcd", "xy", "a", "wxyz"];
        sort_by_u64_key(&mut words, |w| longest_first(w.len()));
        assert_eq!(words, ["abcd", "wxyz", "ab", "xy", "a"]);
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        let keys: Vec<u64> = (0..500u64).map(|i| (i * 7919) % 37).collect();
        let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        let mut std_sorted = ours.clone();
        sort_by_u64_key(&mut ours, |&(k, _)| k);
        std_sorted.sort_by_key(|&(k, _)| k);
        assert_eq!(ours, std_sorted);
        assert!(sorted_order(std::iter::empty()).is_empty());
    }
}
