//! One stable sort for the app's lists. `slice::sort_by` compiles a copy of the sort (about
//! 4 KB of wasm) for every element type and order, so the lists are put in order through one
//! sort of their positions instead (see docs/PERFORMANCE.md, "Bundle size").

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions `0..n` in the order `cmp` gives them (stable).
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_like_the_standard_stable_sort() {
        let items: Vec<(u8, u32)> = (0..200u32).map(|i| ((i * 37 % 11) as u8, i)).collect();
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = items;
        std.sort_by_key(|a| a.0);
        assert_eq!(ours, std);
    }
}
