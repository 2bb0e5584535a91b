//! Checks of each person: id, employer, salary, WTE, function, the post their outcome
//! names, service for an exit payment, and dates; then each post's holders and pools.

use rustc_hash::FxHashMap as HashMap;

use super::Severity::{Error, Info, Warning};
use super::{Context, Finding, Findings, Subject};
use crate::engine::Lookup;
use crate::model::money::{Wte, format_pounds};
use crate::model::{Assumptions, Grade, Outcome, Person, Post};

/// Who holds each post and how many are ring-fenced for it, for the checks across people,
/// kept between checks and brought up to date person by person. By the post's place among
/// the listings (its first listing: see [`crate::engine::PostAt`]), so counting a person
/// is one lookup of their post's id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Seen {
    /// who holds each post (slotted or appointed), by position in the file's order (kept
    /// inside the list for up to two: most posts have one holder or none)
    holders: Vec<smallvec::SmallVec<[usize; 2]>>,
    /// how many are ring-fenced for each post
    pools: Vec<u32>,
    /// What each person was counted in: the post their outcome names (one that exists) and
    /// whether they hold it.
    counted: Vec<Option<(usize, bool)>>,
}

impl Seen {
    fn new(cx: &Context<'_>) -> Seen {
        let posts = cx.ix.listings.len();
        Seen {
            holders: vec![smallvec::SmallVec::new(); posts],
            pools: vec![0; posts],
            counted: vec![None; cx.s.people.len()],
        }
    }

    fn count(&mut self, i: usize, what: Option<(usize, bool)>, sign: i8) {
        let Some((post, holds)) = what else { return };
        if holds {
            let Some(list) = self.holders.get_mut(post) else { return };
            match (list.binary_search(&i), sign > 0) {
                (Err(at), true) => list.insert(at, i),
                (Ok(at), false) => {
                    list.remove(at);
                }
                _ => {}
            }
        } else if let Some(n) = self.pools.get_mut(post) {
            *n = if sign > 0 { *n + 1 } else { n.saturating_sub(1) };
        }
    }

    /// Person `i` counted again as they are now.
    fn recount(&mut self, cx: &Context<'_>, i: usize) {
        let old = self.counted[i].take();
        self.count(i, old, -1);
        let now = counted_in(cx, &cx.s.people[i]);
        self.count(i, now, 1);
        self.counted[i] = now;
    }
}

/// The post a person's outcome names, when it exists, and whether they hold it.
fn counted_in(cx: &Context<'_>, p: &Person) -> Option<(usize, bool)> {
    let n = cx.ix.posts.get(p.outcome.post()?)? as usize;
    Some((n, p.outcome.holds_post().is_some()))
}

/// The checks of people, kept so that a change to some people's outcomes re-checks those
/// people alone: each person's own findings, the person before each with the same id (a
/// duplicate id is reported on the later one, in words that depend on both), who holds and
/// is ring-fenced for each post, and the findings across people made from them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleChecks {
    pub(super) each: Vec<Vec<Finding>>,
    previous_same_id: Vec<Option<usize>>,
    next_same_id: Vec<Option<usize>>,
    seen: Seen,
    /// Who is proposed for dismissal, where and when, for the consultation check.
    register: crate::engine::consultation::Register,
    pub(super) across: Vec<Finding>,
}

/// Every person checked, in one pass over the staff list (in chunks on threads for a large
/// one: `engine::parallel`), each person's record read once: their own findings as if their
/// id were unique, their id's hash, their post and their part of the register. Then the
/// people whose ids are written more than once (few) are found, while who holds each post
/// and the checks across people are worked out, and checked again knowing it. The result
/// is the one-thread result. `beside` (the
/// checks that do not look at people, as much work as `beside_work` people) is done on the
/// thread of the last chunk, which is that much shorter.
pub(super) fn check_all<R: Send>(
    cx: &Context<'_>,
    beside_work: usize,
    beside: impl FnOnce() -> R + Send,
) -> (PeopleChecks, R) {
    check_all_in(cx, &crate::engine::parallel_chunks_beside(cx.s.people.len(), beside_work), beside)
}

/// [`check_all`] in the chunks given (one thread each; consecutive from the first person).
fn check_all_in<R: Send>(
    cx: &Context<'_>,
    parts: &[std::ops::Range<usize>],
    beside: impl FnOnce() -> R + Send,
) -> (PeopleChecks, R) {
    use std::hash::BuildHasher;
    let s = cx.s;
    let n = s.people.len();
    let lookup = function_lookup(s);
    // Each person's id hashed (sorted in each chunk), post and own findings, written in
    // place by the chunk they are in.
    let mut keyed: Vec<(u64, u32)> = vec![(0, 0); n];
    let mut counted: Vec<Option<(usize, bool)>> = vec![None; n];
    let mut each: Vec<Vec<Finding>> = std::iter::repeat_with(Vec::new).take(n).collect();
    let places: Vec<_> = parts
        .iter()
        .cloned()
        .zip(crate::engine::parallel_parts_of(parts, &mut keyed))
        .zip(crate::engine::parallel_parts_of(parts, &mut counted))
        .zip(crate::engine::parallel_parts_of(parts, &mut each))
        .collect();
    // Each chunk's register of people proposed for dismissal.
    let (registers, r) = crate::engine::parallel_each_beside(
        places,
        |(((range, keyed), counted), each)| {
            let mut register = crate::engine::consultation::Register::empty(s);
            register.each.reserve(range.len());
            let mut last = crate::engine::consultation::Last::default();
            let mut look = lookup.clone();
            for (((i, key), post), own) in range.zip(keyed.iter_mut()).zip(counted.iter_mut()).zip(each.iter_mut()) {
                let p = &s.people[i];
                *post = counted_in(cx, p);
                *key = (rustc_hash::FxBuildHasher.hash_one(p.id.as_str()), u32::try_from(i).unwrap_or(u32::MAX));
                *own = check_one(cx, &mut look, None, *post, i);
                register.push(s, p, &mut last);
            }
            // Sorted here, on the chunk's thread: the chunks' sorted runs are merged below.
            keyed.sort_unstable();
            register
        },
        beside,
    );
    let mut register: Option<crate::engine::consultation::Register> = None;
    for next in registers {
        match register.as_mut() {
            Some(r) => r.append(next),
            None => register = Some(next),
        }
    }
    let register = register.unwrap_or_else(|| crate::engine::consultation::Register::empty(s));
    // The people with an id written twice, beside who holds each post and the checks
    // across people (which do not depend on ids).
    let ((previous_same_id, next_same_id), (seen, across)) = crate::engine::parallel_both(
        n,
        || same_ids(s, keyed),
        || {
            let mut seen = Seen::new(cx);
            for (i, what) in counted.iter().enumerate() {
                seen.count(i, *what, 1);
            }
            seen.counted = counted;
            let across = across(cx, &seen, &register);
            (seen, across)
        },
    );
    let mut look = lookup;
    for (i, prev) in previous_same_id.iter().enumerate() {
        if prev.is_some() {
            each[i] = check_one(cx, &mut look, *prev, seen.counted[i], i);
        }
    }
    (PeopleChecks { each, previous_same_id, next_same_id, seen, register, across }, r)
}

/// For each person, the person before and after with the same id, from each id's hash and
/// place (`keyed`, in sorted runs or not): the pairs sorted, and only people whose hashes
/// are equal compared by id. No table of every id, whose lookups miss the processor's cache
/// at national scale.
fn same_ids(s: &crate::model::Scenario, mut keyed: Vec<(u64, u32)>) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let people = &s.people;
    let n = people.len();
    // The chunks come sorted: a stable sort finds their runs and merges them.
    keyed.sort();
    let mut previous_same_id = vec![None; n];
    let mut next_same_id = vec![None; n];
    for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        // Equal hashes, by place (nearly always one id written more than once): each one's
        // previous is the last before it with its id.
        let mut last: HashMap<&str, usize> = HashMap::default();
        for &(_, j) in run {
            let j = j as usize;
            if let Some(prev) = last.insert(people[j].id.as_str(), j) {
                previous_same_id[j] = Some(prev);
                next_same_id[prev] = Some(j);
            }
        }
    }
    (previous_same_id, next_same_id)
}

/// After a change to the outcomes or dates of the people at `changed` (and nothing else):
/// those people, and the next with the same id as any of them, checked again; the checks
/// across people again.
pub(super) fn recheck(cx: &Context<'_>, checks: &mut PeopleChecks, changed: &[usize]) {
    let mut look = function_lookup(cx.s);
    let mut again: Vec<usize> = changed.iter().copied().filter(|i| *i < checks.each.len()).collect();
    again.extend(changed.iter().filter_map(|i| checks.next_same_id.get(*i).copied().flatten()));
    again.sort_unstable();
    again.dedup();
    let n = checks.seen.counted.len();
    for &i in changed.iter().filter(|i| **i < n) {
        checks.seen.recount(cx, i);
    }
    // After the recount: a person's own checks read the post they were counted in.
    for i in again {
        checks.each[i] = check_one(cx, &mut look, checks.previous_same_id[i], checks.seen.counted[i], i);
    }
    checks.register.update(cx.s, changed);
    checks.across = across(cx, &checks.seen, &checks.register);
}

/// Finds each person's ICB and function (where a name is listed twice, the last listing).
fn function_lookup(s: &crate::model::Scenario) -> Lookup<'_> {
    Lookup::new(s.functions.iter().enumerate().map(|(i, f)| (f.name.as_str(), i)).collect())
}

/// One person's own checks, in order.
/// `previous`: the person before with the same id; `counted`: the post they are counted in.
fn check_one<'s>(
    cx: &Context<'s>,
    look: &mut Lookup<'s>,
    previous: Option<usize>,
    counted: Option<(usize, bool)>,
    i: usize,
) -> Vec<Finding> {
    let s = cx.s;
    let a = &s.assumptions;
    let p = &s.people[i];
    let mut out = Findings::default();
    has_id(i, p, &mut out);
    id_is_unique(cx, previous, p, &mut out);
    employer_is_known(cx, look, p, &mut out);
    salary_is_plausible(a, p, &mut out);
    wte_is_plausible(p, &mut out);
    function_is_known(cx, look, p, &mut out);
    post_named_exists_in_their_cluster(cx, counted, p, &mut out);
    service_enough_for_exit_pay(a, p, &mut out);
    takes_effect_by_target_date(a, p, &mut out);
    offer_before_they_leave(a, p, &mut out);
    out.list
}

/// An offer of suitable alternative employment made after the person has left is no offer.
fn offer_before_they_leave(a: &Assumptions, p: &Person, out: &mut Findings) {
    out.kind = "Offers of suitable alternative employment";
    let Some(o) = &p.offer else { return };
    let leaves = p.effective.unwrap_or(a.target_date);
    if p.outcome.kind().is_exit() && o.offered > leaves {
        out.push(
            Warning,
            subject(p),
            format!(
                "offered {} on {}, after they leave on {}: an offer must come before the dismissal",
                o.post,
                o.offered.format("%-d %b %Y"),
                leaves.format("%-d %b %Y")
            ),
        );
    }
}

/// The checks across people: posts filled twice, each ring-fenced pool, and collective
/// consultation (`consultation.rs`: it counts people by employer, site and date).
fn across(cx: &Context<'_>, seen: &Seen, register: &crate::engine::consultation::Register) -> Vec<Finding> {
    let mut out = Findings::default();
    posts_filled_once(cx, seen, &mut out);
    ring_fenced_pools(cx, seen, &mut out);
    super::consultation::check(cx, register, &mut out);
    super::pools::check(cx, &mut out);
    out.list
}

fn subject(p: &Person) -> Subject {
    Subject::Person(p.id.clone())
}

fn has_id(i: usize, p: &Person, out: &mut Findings) {
    out.kind = "Ids of people";
    if p.id.trim().is_empty() {
        out.push(Error, subject(p), format!("person {} ({}) has no id", i + 1, p.title));
    }
}

fn id_is_unique(cx: &Context<'_>, previous: Option<usize>, p: &Person, out: &mut Findings) {
    out.kind = "Ids of people";
    if let Some(first) = previous {
        let both_in_posts = cx.s.people[first].outcome.holds_post().is_some() && p.outcome.holds_post().is_some();
        if both_in_posts {
            out.push(Error, subject(p), "this person is in two posts (the id appears twice, each in a post)".into());
        } else {
            out.push(Error, subject(p), "two people have this id".into());
        }
    }
}

fn employer_is_known<'s>(cx: &Context<'s>, look: &mut Lookup<'s>, p: &'s Person, out: &mut Findings) {
    out.kind = "Employers";
    if look.org(cx.ix, &p.org).is_none() {
        out.push(
            Error,
            subject(p),
            format!(
                "employer {} is not an ICB in this scenario, so their cost is in no ICB's figures; any one-off cost of theirs is counted apart (the Overview shows it beside the one-off costs)",
                p.org
            ),
        );
    }
}

/// Not negative, not £0, and within the pay band the person is graded at.
fn salary_is_plausible(a: &Assumptions, p: &Person, out: &mut Findings) {
    out.kind = "Salaries";
    if p.salary_pence < 0 {
        out.push(Error, subject(p), "salary is negative".into());
    } else if p.salary_pence == 0 {
        out.push(Warning, subject(p), "salary is £0".into());
    } else if let Grade::AfC(band) = &p.grade
        && let Some(scale) = a.afc_pay.iter().find(|s| s.band == *band)
    {
        let lo = scale.points_pence.iter().min().copied().unwrap_or(0);
        let hi = scale.points_pence.iter().max().copied().unwrap_or(0);
        if p.salary_pence < lo || p.salary_pence > hi {
            out.push(
                Info,
                subject(p),
                format!(
                    "full-time salary {} is outside {band} ({} to {})",
                    format_pounds(p.salary_pence),
                    format_pounds(lo),
                    format_pounds(hi)
                ),
            );
        }
    }
}

fn wte_is_plausible(p: &Person, out: &mut Findings) {
    out.kind = "WTE of people";
    if p.wte == Wte(0) {
        out.push(Warning, subject(p), "WTE is 0".into());
    } else if let Err(why) = p.wte.at_most_full_time() {
        // One assignment is at most full-time: more is a typing error (often hours a week).
        out.push(Error, subject(p), why);
    }
}

/// The function is in the catalogue; someone in a function marked for transfer is
/// transferred out (or placed in a post).
fn function_is_known<'s>(cx: &Context<'s>, look: &mut Lookup<'s>, p: &'s Person, out: &mut Findings) {
    out.kind = "Functions";
    let Some(f) = &p.function else { return };
    match look.function(f).and_then(|i| cx.s.functions.get(i)) {
        None => out.push(Warning, subject(p), format!("function \"{f}\" is not in the catalogue")),
        Some(func) => {
            if func.disposition.is_transfer()
                && !matches!(p.outcome, Outcome::TransferredOut)
                && p.outcome.holds_post().is_none()
            {
                out.push(
                    Info,
                    subject(p),
                    format!(
                        "works in \"{f}\", marked {}, but is not transferred out",
                        func.disposition.label().to_lowercase()
                    ),
                );
            }
        }
    }
}

/// The post an outcome names exists, in a cluster the person's ICB is in. `counted`: the
/// post the person was counted in (`Seen`), when it exists.
fn post_named_exists_in_their_cluster(
    cx: &Context<'_>,
    counted: Option<(usize, bool)>,
    p: &Person,
    out: &mut Findings,
) {
    out.kind = "Placements in posts";
    let Some(post) = p.outcome.post() else { return };
    match counted {
        None => out.push(
            Error,
            subject(p),
            format!(
                "outcome names post {post}, which does not exist; the person is still costed in their current role"
            ),
        ),
        Some((n, _)) => {
            let c = &cx.s.clusters[cx.ix.listings[n].cluster];
            if !c.members.iter().any(|m| *m == p.org) {
                out.push(
                    Error,
                    subject(p),
                    format!(
                        "is from {} but placed in post {post} of cluster \"{}\", which {} is not in",
                        p.org, c.name, p.org
                    ),
                );
            }
        }
    }
}

/// Section 16 redundancy and MARS need a number of years' service; below it no payment is
/// costed, which the committee should know.
fn service_enough_for_exit_pay(a: &Assumptions, p: &Person, out: &mut Findings) {
    out.kind = "Service for exit pay";
    match p.outcome {
        Outcome::VoluntaryRedundancy | Outcome::CompulsoryRedundancy
            if p.service_years < a.redundancy.min_service_years =>
        {
            out.push(
                Info,
                subject(p),
                format!(
                    "has {} complete years' service, under the {} needed for Section 16 redundancy pay, so none is costed",
                    p.service_years, a.redundancy.min_service_years
                ),
            );
        }
        Outcome::Mars if p.service_years < a.mars.min_service_years => {
            out.push(Info, subject(p), "has too little service for MARS, so no payment is costed".into());
        }
        _ => {}
    }
}

fn takes_effect_by_target_date(a: &Assumptions, p: &Person, out: &mut Findings) {
    out.kind = "Outcome dates";
    if p.outcome != Outcome::NotAffected
        && p.outcome != Outcome::AtRisk
        && p.effective.is_some_and(|d| d > a.target_date)
    {
        out.push(Warning, subject(p), "the outcome takes effect after the target date".into());
    }
}

/// No post has more holders than it has whole posts (a post of more than 1 WTE may be
/// job-shared). Posts in the order of their ids.
fn posts_filled_once(cx: &Context<'_>, seen: &Seen, out: &mut Findings) {
    out.kind = "Posts filled twice";
    let mut twice: Vec<(&str, &Post, &[usize])> = seen
        .holders
        .iter()
        .enumerate()
        .filter(|(_, hs)| hs.len() > 1)
        .map(|(n, hs)| {
            let p = post_listed(cx, n);
            (p.id.as_str(), p, hs.as_slice())
        })
        .collect();
    twice.sort_unstable_by_key(|(id, _, _)| *id);
    for (id, post, hs) in twice {
        let allowed = usize::try_from(post.wte.0.div_ceil(Wte::SCALE)).unwrap_or(1).max(1);
        if hs.len() > allowed {
            let ids: Vec<&str> = hs.iter().map(|&h| cx.s.people[h].id.as_str()).collect();
            out.push(Error, Subject::Post(id.to_owned()), format!("is filled twice: {}", ids.join(", ")));
        }
    }
}

/// The post listed `n`th.
fn post_listed<'a>(cx: &Context<'a>, n: usize) -> &'a Post {
    let at = cx.ix.listings[n];
    &cx.s.clusters[at.cluster].teams[at.team].posts[at.index]
}

/// Each ring-fenced pool, in the order of the posts' ids.
fn ring_fenced_pools(cx: &Context<'_>, seen: &Seen, out: &mut Findings) {
    out.kind = "Ring-fenced pools";
    let mut pools: Vec<(&str, u32)> = seen
        .pools
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(post, n)| (post_listed(cx, post).id.as_str(), *n))
        .collect();
    pools.sort_unstable_by_key(|(id, _)| *id);
    for (id, n) in pools {
        out.push(
            Info,
            Subject::Post(id.to_owned()),
            format!("ring-fenced pool: {n} candidate{} for the post", if n == 1 { "" } else { "s" }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checking the people in chunks on threads gives exactly the one-thread checks: with
    /// an id written three times across chunk edges, another twice, and the register's
    /// establishments met first in different chunks (a merger makes some employers one).
    #[test]
    fn people_checked_in_chunks_give_exactly_the_one_thread_checks() {
        let mut s = crate::examples::england_stress_of(3_001);
        let n = s.people.len();
        for (from, to) in [(5, 1_600), (5, 2_950), (700, 2_200)] {
            let id = s.people[from].id.clone();
            s.people[to].id = id;
        }
        if let Some(c) = s.clusters.first_mut() {
            c.merger = Some(crate::model::Merger {
                name: "Merged".into(),
                from: s.assumptions.target_date - chrono::Days::new(400),
                status: String::new(),
            });
        }
        let ix = crate::engine::Index::new(&s);
        let cx = Context { s: &s, ix: &ix };
        let one = check_all_in(&cx, &crate::engine::split_in(n, 1), || ()).0;
        // The ids found again, each on the later person, naming the one before.
        assert_eq!(one.previous_same_id[1_600], Some(5));
        assert_eq!(one.previous_same_id[2_950], Some(1_600));
        assert_eq!(one.next_same_id[5], Some(1_600));
        assert_eq!(one.previous_same_id[2_200], Some(700));
        assert!(one.each[2_950].iter().any(|f| f.kind == "Ids of people"));
        assert!(one.register.each.iter().flatten().count() > 100, "people proposed for dismissal");
        for parts in [2, 3, 7] {
            assert_eq!(check_all_in(&cx, &crate::engine::split_in(n, parts), || ()).0, one, "in {parts} chunks");
        }
        // With work beside on the last chunk's thread (its chunk shorter, or empty), which
        // is handed back.
        for chunks in [crate::engine::split_beside(n, 2, 1_000), crate::engine::split_beside(n, 2, 2 * n)] {
            let (checks, beside) = check_all_in(&cx, &chunks, || 42);
            assert_eq!((checks, beside), (one.clone(), 42), "in {chunks:?}");
        }
    }
}
