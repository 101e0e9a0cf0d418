//! Divide and conquer with `rayon::join`: a quicksort whose two parts are
//! sorted as two tasks. Each call may create two more tasks, so the program
//! unfolds into a tree of tasks (a task graph) that rayon's work-stealing
//! scheduler spreads over its threads.

// ANCHOR: quicksort
/// Sorts `values` in place. Below `SERIAL_BELOW` elements a task is too
/// small to be worth handing to another thread and is sorted serially.
pub fn parallel_quicksort<T: Ord + Send>(values: &mut [T]) {
    const SERIAL_BELOW: usize = 2048;
    if values.len() < SERIAL_BELOW {
        values.sort_unstable();
        return;
    }
    // values[..less] < pivot, values[less..greater] == pivot, values[greater..] > pivot.
    let (less, greater) = partition(values);
    let (left, rest) = values.split_at_mut(less);
    let right = &mut rest[greater - less..];
    // Two tasks: this thread starts on the left part; the right part waits
    // in this thread's queue, where an idle thread can steal it.
    rayon::join(|| parallel_quicksort(left), || parallel_quicksort(right));
}
// ANCHOR_END: quicksort

/// Three-way partition around the median of the first, middle and last
/// element. Returns `(less, greater)`: afterwards `values[..less]` are smaller
/// than the pivot, `values[less..greater]` equal to it, `values[greater..]`
/// larger. Keeping the equal ones apart means many duplicates cannot make
/// the recursion deep.
fn partition<T: Ord>(values: &mut [T]) -> (usize, usize) {
    let (first, middle, last) = (0, values.len() / 2, values.len() - 1);
    let median = if (values[first] <= values[middle]) == (values[middle] <= values[last]) {
        middle
    } else if (values[middle] <= values[first]) == (values[first] <= values[last]) {
        first
    } else {
        last
    };
    values.swap(0, median);
    // The pivot stays at values[less], the start of the equal region.
    let (mut less, mut i, mut greater) = (0, 1, values.len());
    while i < greater {
        match values[i].cmp(&values[less]) {
            std::cmp::Ordering::Less => {
                values.swap(less, i);
                less += 1;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                greater -= 1;
                values.swap(i, greater);
            }
            std::cmp::Ordering::Equal => i += 1,
        }
    }
    (less, greater)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Xoshiro256pp;

    fn random_values(n: usize, range: u64, stream: u64) -> Vec<u64> {
        let mut rng = Xoshiro256pp::for_stream(5, stream);
        (0..n).map(|_| rng.next_u64() % range).collect()
    }

    #[test]
    fn sorts_like_the_standard_library() {
        for (n, range) in [
            (0, 10),
            (1, 10),
            (100, 1000),
            (50_000, u64::MAX),
            (50_000, 3),
        ] {
            let mut values = random_values(n, range, n as u64);
            let mut expected = values.clone();
            expected.sort_unstable();
            parallel_quicksort(&mut values);
            assert_eq!(values, expected, "n = {n}, range = {range}");
        }
    }

    #[test]
    fn sorted_and_reversed_inputs_do_not_break_it() {
        let mut ascending: Vec<u32> = (0..20_000).collect();
        let mut descending: Vec<u32> = (0..20_000).rev().collect();
        parallel_quicksort(&mut ascending);
        parallel_quicksort(&mut descending);
        assert_eq!(ascending, descending);
        assert!(ascending.is_sorted());
    }

    #[test]
    fn partition_splits_around_the_pivot() {
        let mut values = random_values(999, 50, 1);
        let (less, greater) = partition(&mut values);
        assert!(less < greater, "the pivot itself is in the middle part");
        let pivot = values[less];
        assert!(values[..less].iter().all(|v| *v < pivot));
        assert!(values[less..greater].iter().all(|v| *v == pivot));
        assert!(values[greater..].iter().all(|v| *v > pivot));
    }
}
