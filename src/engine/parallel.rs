//! Splitting the work over the people across threads, for the engine and validation. Only
//! a large staff list is split (a thread costs more to start than a few thousand people
//! take); each chunk is consecutive, so results added or joined in chunk order are exactly
//! the one-thread results.

use std::ops::Range;

/// From this many people, the work is shared between threads.
const THREADED_FROM: usize = 20_000;

/// At most this many threads (the work is bound by memory as much as by the processor).
const MOST_THREADS: usize = 4;

/// The consecutive chunks `0..n` is worked in: one, unless `n` is large and the machine
/// has more than one core.
#[must_use]
pub fn chunks(n: usize) -> Vec<Range<usize>> {
    let threads = if n < THREADED_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(MOST_THREADS)
    };
    split(n, threads)
}

/// `0..n` in `parts` consecutive chunks of (nearly) equal size; never an empty list.
#[must_use]
pub fn split(n: usize, parts: usize) -> Vec<Range<usize>> {
    let size = n.div_ceil(parts.max(1)).max(1);
    let mut out: Vec<Range<usize>> = (0..n).step_by(size).map(|from| from..(from + size).min(n)).collect();
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// `f` applied to every position of `0..n`, in order, the chunks on threads of their own.
pub fn map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let parts = chunks(n);
    if parts.len() == 1 {
        return (0..n).map(f).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let rest: Vec<_> =
            parts[1..].iter().cloned().map(|r| scope.spawn(move || r.map(f).collect::<Vec<T>>())).collect();
        let mut out: Vec<T> = Vec::with_capacity(n);
        out.extend(parts[0].clone().map(f));
        for handle in rest {
            // A panic on a thread is a bug: carry it on as one.
            out.extend(handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        out
    })
}

/// `a()` and `b()`, at the same time on two threads when `n` (the people they go over) is
/// large, else one after the other.
pub fn join<A: Send, B: Send>(n: usize, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if chunks(n).len() == 1 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let a = scope.spawn(a);
        let b = b();
        // A panic on a thread is a bug: carry it on as one.
        (a.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_position_once_in_order() {
        // 10 in 3: chunks of ceil(10/3) = 4, 4 and 2.
        assert_eq!(split(10, 3), vec![0..4, 4..8, 8..10]);
        assert_eq!(split(0, 2), vec![0..0]);
        assert_eq!(split(5, 1), vec![0..5]);
        let n = 50_001;
        let squares = map(n, |i| i * i);
        assert_eq!(squares.len(), n);
        assert!(squares.iter().enumerate().all(|(i, v)| *v == i * i));
    }
}
