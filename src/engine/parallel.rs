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
    split(n, threads(n))
}

/// How many threads `n` people are worked on.
fn threads(n: usize) -> usize {
    if n < THREADED_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(MOST_THREADS)
    }
}

/// The chunks `0..n` is worked in when the last chunk's thread has `extra` more to do
/// beside (in the same units as the chunks): see [`split_beside`].
#[must_use]
pub fn chunks_beside(n: usize, extra: usize) -> Vec<Range<usize>> {
    split_beside(n, threads(n), extra)
}

/// `0..n` in `parts` consecutive chunks for threads that finish together when the last
/// has `extra` more to do beside: the last is that much shorter, and empty when `extra`
/// is a thread's share or more (its thread then does only the work beside). One part is
/// all of `0..n`.
#[must_use]
pub fn split_beside(n: usize, parts: usize, extra: usize) -> Vec<Range<usize>> {
    if parts <= 1 {
        return split(n, 1);
    }
    let size = (n + extra).div_ceil(parts).max(1);
    let mut out: Vec<Range<usize>> = (0..parts).map(|k| (k * size).min(n)..((k + 1) * size).min(n)).collect();
    let last = out.pop().map_or(n..n, |r| r.start..n);
    out.retain(|r| !r.is_empty());
    out.push(last);
    out
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

/// `f` applied to each chunk of `0..n`, the chunks on threads of their own: the chunks'
/// results in order, for the caller to join.
pub fn fold<T: Send>(n: usize, f: impl Fn(Range<usize>) -> T + Sync) -> Vec<T> {
    fold_in(&chunks(n), f)
}

/// [`fold`] over the chunks given.
fn fold_in<T: Send>(parts: &[Range<usize>], f: impl Fn(Range<usize>) -> T + Sync) -> Vec<T> {
    each_beside(parts.to_vec(), f, || ()).0
}

/// `f` applied to each part, the parts on threads of their own (the first on this one), and
/// `beside` done on the thread of the last part before it: the parts' results in order,
/// for the caller to join, and `beside`'s. One part (or none) is done here, `beside` first.
pub fn each_beside<P: Send, T: Send, R: Send>(
    parts: Vec<P>,
    f: impl Fn(P) -> T + Sync,
    beside: impl FnOnce() -> R + Send,
) -> (Vec<T>, R) {
    if parts.len() <= 1 {
        let r = beside();
        return (parts.into_iter().map(f).collect(), r);
    }
    let f = &f;
    let mut parts = parts.into_iter();
    let first = parts.next();
    let mut rest: Vec<P> = parts.collect();
    let last = rest.pop();
    std::thread::scope(|scope| {
        let middle: Vec<_> = rest.into_iter().map(|p| scope.spawn(move || f(p))).collect();
        let last = last.map(|p| {
            scope.spawn(move || {
                let r = beside();
                (f(p), r)
            })
        });
        let mut out: Vec<T> = Vec::with_capacity(middle.len() + 2);
        out.extend(first.map(f));
        for handle in middle {
            out.push(joined(handle));
        }
        // More than one part: the last exists and did `beside`.
        let (t, r) = joined(last.expect("a last part"));
        out.push(t);
        (out, r)
    })
}

/// Each chunk's part of `v`, for the chunks' threads to write in place: the chunks are
/// consecutive from 0 and cover `v` (as every split here makes them).
pub fn parts_of<'v, T>(chunks: &[Range<usize>], mut v: &'v mut [T]) -> Vec<&'v mut [T]> {
    let mut out = Vec::with_capacity(chunks.len());
    let mut at = 0;
    for r in chunks {
        debug_assert_eq!(r.start, at, "chunks are consecutive from 0");
        let len = r.len().min(v.len());
        let (part, rest) = std::mem::take(&mut v).split_at_mut(len);
        (v, at) = (rest, r.end);
        out.push(part);
    }
    debug_assert!(v.is_empty(), "the chunks cover every place");
    out
}

/// `a` and `b` done at once, `b` on a thread of its own when `n` people are worked on more
/// than one (else one after the other, here).
pub fn both<A: Send, B: Send>(n: usize, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    if threads(n) <= 1 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let b = scope.spawn(b);
        let a = a();
        (a, joined(b))
    })
}

/// A thread's result; a panic on it is a bug, carried on as one.
pub(super) fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_with_work_beside_gets_that_many_fewer_people() {
        // 100 people and 20 more of work beside on 2 threads: 120 / 2 = 60 each, so the
        // first takes 60 people and the last the other 40 and the work beside.
        assert_eq!(split_beside(100, 2, 20), vec![0..60, 60..100]);
        // 3 threads, 90 + 30 = 120: 40 each; the last has 10 people.
        assert_eq!(split_beside(90, 3, 30), vec![0..40, 40..80, 80..90]);
        // More beside than a thread's share: 10 + 30 on 2 threads is 20 each, so the first
        // takes all 10 people and the last only the work beside.
        assert_eq!(split_beside(10, 2, 30), vec![0..10, 10..10]);
        // One thread does everything; nothing beside is an even split.
        assert_eq!(split_beside(10, 1, 30), vec![0..10]);
        assert_eq!(split_beside(10, 2, 0), split(10, 2));
    }

    #[test]
    fn each_chunk_writes_its_own_part() {
        // 10 places in chunks of 4, 4 and 2: each chunk's part is its places, in order.
        let mut v = [0; 10];
        for (k, part) in parts_of(&split(10, 3), &mut v).into_iter().enumerate() {
            part.fill(k + 1);
        }
        assert_eq!(v, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3]);
        // An empty chunk (the last, when the work beside is a thread's share) gets nothing.
        let mut w = [0; 4];
        let parts = parts_of(&split_beside(4, 2, 10), &mut w);
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), vec![4, 0]);
    }

    #[test]
    fn work_beside_is_done_once_and_handed_back() {
        // Three parts: each doubled, in order, and the work beside done once.
        let (out, beside) = each_beside(vec![1, 2, 3], |x| x * 2, || "beside");
        assert_eq!((out, beside), (vec![2, 4, 6], "beside"));
        let (out, beside) = each_beside(vec![5], |x| x + 1, || 7);
        assert_eq!((out, beside), (vec![6], 7));
        assert_eq!(both(50_000, || 1, || 2), (1, 2));
    }

    #[test]
    fn chunks_cover_every_position_once_in_order() {
        // 10 in 3: chunks of ceil(10/3) = 4, 4 and 2.
        assert_eq!(split(10, 3), vec![0..4, 4..8, 8..10]);
        assert_eq!(split(0, 2), vec![0..0]);
        assert_eq!(split(5, 1), vec![0..5]);
        // The chunks' results come in the chunks' order, covering every position once.
        let n = 50_001;
        let ranges = fold(n, |r| r);
        assert_eq!(ranges.first().map(|r| r.start), Some(0));
        assert_eq!(ranges.last().map(|r| r.end), Some(n));
        assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
    }
}
