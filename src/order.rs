//! Sorting through one routine. Every distinct `sort_by` closure instantiates the standard
//! library's sorts afresh (two to nine kilobytes of WebAssembly each, measured with twiggy),
//! so the crate's sorts go through these two functions and the browser bundles carry the
//! sort code once.

use std::cmp::Ordering;

/// Numbers in IEEE total order (`f64::total_cmp`); equal numbers are bit for bit the same, so
/// this is the order of a stable sort too.
pub fn floats(v: &mut [f64]) {
    v.sort_unstable_by(f64::total_cmp);
}

/// `v` sorted, each value once. Each value goes into its place in a sorted list (a binary
/// search, then a move): quadratic, for the short lists it serves (source ids), and without
/// a sort's code, which the widget's bundle then does without.
pub fn unique<T: Ord>(v: &mut Vec<T>) {
    let mut sorted: Vec<T> = Vec::with_capacity(v.len());
    for x in v.drain(..) {
        if let Err(at) = sorted.binary_search(&x) {
            sorted.insert(at, x);
        }
    }
    *v = sorted;
}

/// A stable sort of `v` by `cmp`: the same order as [`slice::sort_by`].
pub fn stable_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    by_index(&mut order, &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Indices ordered by `cmp`, ties by index (which makes the unstable sort stable). Not
/// generic: one instance of the sort serves every caller.
fn by_index(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
}

/// Rearrange `v` in place so that `v[k]` becomes the old `v[order[k]]` (`order` a
/// permutation): the element wanted at `k` was sent on by each earlier swap, so follow
/// `order` from where it started until past `k`.
fn permute<T>(v: &mut [T], order: &[usize]) {
    for k in 0..v.len() {
        let mut from = order[k];
        while from < k {
            from = order[from];
        }
        v.swap(k, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_sorts_and_keeps_each_value_once() {
        let mut v = vec!["c", "a", "c", "b", "a", "d"];
        unique(&mut v);
        assert_eq!(v, ["a", "b", "c", "d"]);
        let mut empty: Vec<u8> = Vec::new();
        unique(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn the_stable_sort_keeps_the_standard_order() {
        // Keys with many ties, in every length up to 40, against `slice::sort_by`.
        let mut seed = 12_345u64;
        for n in 0..40 {
            for _ in 0..25 {
                let v: Vec<(u8, usize)> = (0..n)
                    .map(|i| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        ((seed >> 60) as u8, i)
                    })
                    .collect();
                let mut ours = v.clone();
                stable_by(&mut ours, |a, b| b.0.cmp(&a.0));
                let mut std = v;
                std.sort_by_key(|a| std::cmp::Reverse(a.0));
                assert_eq!(ours, std);
            }
        }
    }

    #[test]
    fn numbers_sort_in_total_order() {
        let mut v = [3.0, -0.0, f64::INFINITY, 0.0, -2.5, 3.0];
        floats(&mut v);
        assert_eq!(
            v.map(f64::to_bits),
            [-2.5, -0.0, 0.0, 3.0, 3.0, f64::INFINITY].map(f64::to_bits)
        );
    }
}
