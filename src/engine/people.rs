//! Costing the people: each person's annual cost and one-off exit cost, the tallies by
//! outcome and function, who holds or is ring-fenced for each post, and what each ICB's
//! people cost at baseline and in the plan.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::index::{Index, Lookup};
use super::pay::{mars_pay, pay_cost, redundancy_pay};
use super::summary::{FunctionFigures, OneOff, OrgFigures, Protection, Tally};
use super::trajectory::Months;
use crate::model::money::Pence;
use crate::model::{Assumptions, Outcome, OutcomeKind, Person, Scenario};

/// What costing the people gives, for the summary and for costing the posts.
#[derive(Debug)]
pub(super) struct People {
    /// Each person's annual cost to the ICB, aligned with `scenario.people` (a chunk's
    /// are written in place: see [`cost_people_in`]).
    pub cost: Vec<Pence>,
    /// Each person's one-off exit cost (0 when none).
    pub one_off_each: Vec<Pence>,
    pub one_off: OneOff,
    pub protection: Protection,
    /// Indexed by `OutcomeKind as usize` (the order of `OutcomeKind::ALL`).
    pub tallies: [Tally; OutcomeKind::ALL.len()],
    /// Who holds or is ring-fenced for a post, in the file's order of people: the post by
    /// its place `n` among the scenario's posts (the first listing of its id: see
    /// [`super::index::PostAt`]) and the person's place. Listed here, one entry a person,
    /// and handed to the posts at the end ([`super::posts::hold`]): a list a post for each
    /// chunk of people would be 60,000 lists to fill and join at national scale.
    pub holders: super::posts::Holders,
    pub functions: Vec<FunctionFigures>,
}

/// What one person adds to the figures. A full recompute adds every person's part; an
/// update after a change to a few people takes each one's part out as it was and adds it
/// back as it is (`update.rs`), through this same arithmetic.
#[derive(Debug)]
pub(super) struct Part {
    /// Annual cost to the ICB.
    pub cost: Pence,
    /// One-off exit cost (0 when none), and this person's counts towards the one-off totals.
    pub exit: Pence,
    pub one_off: OneOff,
    pub kind: OutcomeKind,
    pub wte: u64,
    /// The post the outcome names, by its place among the scenario's posts, when it
    /// exists, and whether the person holds it (or is ring-fenced).
    pub post: Option<(usize, bool)>,
    pub function: Option<usize>,
    /// The ICB, when it is one of the scenario's.
    pub org: Option<usize>,
    /// Leaves their current role (so out of the plan), and in which month of the run-rate
    /// (`None`: after its last month).
    pub leaves: bool,
    pub month: Option<usize>,
    /// Pay protection: what this person keeps, a time-limited cost paid on top of the
    /// planned running cost (not in it: the plan is the structure's recurrent cost).
    pub protection: Protection,
}

impl Part {
    /// Whether the person's cost is in their ICB's run-rate at the end of month `j`.
    pub(super) fn in_run_rate(&self, j: usize) -> bool {
        !self.leaves || self.month.is_none_or(|k| j < k)
    }
}

/// One person's part of the figures.
#[inline(always)]
pub(super) fn part<'s>(a: &Assumptions, ix: &Index, months: &Months, look: &mut Lookup<'s>, p: &'s Person) -> Part {
    let cost = pay_cost(a, p.salary_pence, p.wte).to_icb();
    let mut one_off = OneOff::default();
    let exit = exit_cost(a, p, &mut one_off);
    let org = look.org(ix, &p.org);
    if org.is_none() && exit != 0 {
        one_off.no_icb += exit;
        one_off.no_icb_people += 1;
    }
    let post = p.outcome.post().and_then(|id| ix.posts.get(id)).map(|n| n as usize);
    let leaves = p.outcome.leaves_current_role(post.is_some());
    let held = post.filter(|_| p.outcome.holds_post().is_some());
    let protection = protect(a, months, p, cost, held.and_then(|n| ix.salaries.get(n).copied().flatten()));
    Part {
        cost,
        exit,
        one_off,
        kind: p.outcome.kind(),
        wte: u64::from(p.wte.0),
        post: post.map(|n| (n, p.outcome.holds_post().is_some())),
        function: p.function.as_deref().and_then(|f| look.function(f)),
        org,
        leaves,
        month: if leaves { months.land(p.effective) } else { None },
        protection,
    }
}

/// Pay protection for a person placed in a post paid `post_salary` full-time: the difference
/// between their cost today and the post's at their WTE (with on-costs), kept for the
/// policy's months from the day they take the post (undated: the target date), in full, or
/// in full for the first half (rounded up) and half of it for the rest when it steps down.
/// What is still paid at the target date is counted there, beside the planned running cost.
fn protect(a: &Assumptions, months: &Months, p: &Person, cost: Pence, post_salary: Option<Pence>) -> Protection {
    let none = Protection::default();
    let t = &a.people_process;
    // The post pays as much or more: nothing to protect (the on-costs rise with the pay).
    let Some(salary) = post_salary.filter(|s| *s < p.salary_pence) else { return none };
    let diff = cost - pay_cost(a, salary, p.wte).to_icb();
    if diff <= 0 {
        return none;
    }
    let m = t.pay_protection_months;
    // With no protection set, the difference is counted (so the window can say who would
    // be protected) and costs nothing.
    if m == 0 {
        return Protection { people: 1, a_year: diff, at_target: 0, over_period: 0 };
    }
    let start = p.effective.unwrap_or(a.target_date);
    let after = |n: u32| start.checked_add_months(chrono::Months::new(n)).unwrap_or(chrono::NaiveDate::MAX);
    let first = months.land(Some(start));
    // A date beyond the run-rate's last month is not in the figures at the target date.
    let land = |d: chrono::NaiveDate| if d > months.last() { None } else { months.land(Some(d)) };
    let (steps, over) = if t.pay_protection_steps_down {
        let full = m.div_ceil(2);
        let half = diff / 2;
        let over = crate::model::money::mul_div_round(diff, i64::from(full), 12)
            + crate::model::money::mul_div_round(diff - half, i64::from(m - full), 12);
        ([(first, diff), (land(after(full)), -half), (land(after(m)), -(diff - half))], over)
    } else {
        (
            [(first, diff), (land(after(m)), -diff), (None, 0)],
            crate::model::money::mul_div_round(diff, i64::from(m), 12),
        )
    };
    let at_target = if first.is_some() { steps.iter().filter(|(k, _)| k.is_some()).map(|(_, v)| v).sum() } else { 0 };
    Protection { people: 1, a_year: diff, at_target, over_period: over }
}

/// Costs every person into `orgs` (baseline and planned people, headcount, WTE, one-off,
/// moved out) and lands each change of run-rate in `delta`; and does `beside` (costing the
/// posts) into the same. The people need the posts indexed (`index`, made on this thread)
/// and the posts do not, so they are costed meanwhile. A large staff list is costed in
/// consecutive chunks, one thread each (`parallel.rs`): the first on this thread once the
/// index is made, `beside` on the thread of the last before its chunk (the others wait for
/// the index), and the threads' sums added in order: every figure is a sum of whole pence,
/// so the result is exactly the one-thread result (a test in `engine::tests` checks it).
/// `chunks` are consecutive from the first person to the last.
pub(super) fn cost_people_in<R: Send>(
    s: &Scenario,
    months: &Months,
    orgs: &mut [OrgFigures],
    delta: &mut [Vec<Pence>],
    chunks: &[Range<usize>],
    index: impl FnOnce() -> Index,
    beside: impl FnOnce(&mut [OrgFigures], &mut [Vec<Pence>]) -> R + Send,
) -> (Arc<Index>, People, R) {
    // Each person's cost and exit cost, written in place by the chunk they are in.
    let mut cost = vec![0; s.people.len()];
    let mut exit = vec![0; s.people.len()];
    let mut slices = chunks
        .iter()
        .cloned()
        .zip(super::parallel::parts_of(chunks, &mut cost))
        .zip(super::parallel::parts_of(chunks, &mut exit))
        .map(|((r, c), e)| (r, c, e));
    let Some((first, first_cost, first_exit)) = slices.next().filter(|_| chunks.len() > 1) else {
        let r = beside(orgs, delta);
        let ix = Arc::new(index());
        let range = chunks.first().cloned().unwrap_or(0..0);
        let mut people = cost_chunk(s, &ix, months, range, orgs, delta, (&mut cost, &mut exit));
        (people.cost, people.one_off_each) = (cost, exit);
        return (ix, people, r);
    };
    let blank_orgs: Vec<OrgFigures> = orgs.iter().map(OrgFigures::blank).collect();
    let blank_delta: Vec<Vec<Pence>> = delta.iter().map(|d| vec![0; d.len()]).collect();
    let mut rest: Vec<_> = slices.collect();
    let last = rest.pop();
    let (ix, mut out, r) = std::thread::scope(|scope| {
        // The index reaches the other threads by channel: if making it fails (a bug), the
        // sender is dropped and they stop, instead of waiting for ever.
        let mut senders = Vec::new();
        let mut waiting = || {
            let (tx, rx) = std::sync::mpsc::channel::<Arc<Index>>();
            senders.push(tx);
            (rx, blank_orgs.clone(), blank_delta.clone())
        };
        let middle: Vec<_> = rest
            .into_iter()
            .map(|(range, c, e)| {
                let (rx, mut o, mut d) = waiting();
                scope.spawn(move || {
                    let ix = rx.recv().ok()?;
                    Some((cost_chunk(s, &ix, months, range, &mut o, &mut d, (c, e)), o, d))
                })
            })
            .collect();
        let last = last.map(|(range, c, e)| {
            let (rx, mut o, mut d) = waiting();
            scope.spawn(move || {
                let r = beside(&mut o, &mut d);
                let ix = rx.recv().ok()?;
                Some(((cost_chunk(s, &ix, months, range, &mut o, &mut d, (c, e)), o, d), r))
            })
        });
        let ix = Arc::new(index());
        for tx in senders {
            // A thread that is gone has panicked: its join below carries the panic on.
            let _ = tx.send(Arc::clone(&ix));
        }
        let mut out = cost_chunk(s, &ix, months, first, orgs, delta, (first_cost, first_exit));
        let mut join = |(people, o, d): (People, Vec<OrgFigures>, Vec<Vec<Pence>>)| {
            out.append(people);
            for (into, from) in orgs.iter_mut().zip(&o) {
                into.add_blank(from);
            }
            for (into, from) in delta.iter_mut().zip(&d) {
                for (x, y) in into.iter_mut().zip(from) {
                    *x += y;
                }
            }
        };
        // A panic on a thread is a bug in the engine: carried on as one. A thread ends with
        // nothing only when the index never reached it, which only a panic does.
        let stopped = "a thread costing people stopped without its figures";
        for handle in middle {
            join(super::parallel::joined(handle).expect(stopped));
        }
        let last = last.map(|h| super::parallel::joined(h).expect(stopped));
        let r = last.map(|(chunk, r)| {
            join(chunk);
            r
        });
        (ix, out, r)
    });
    (out.cost, out.one_off_each) = (cost, exit);
    // `chunks.len() > 1`, so there is a last chunk and it ran `beside`.
    (ix, out, r.expect("the posts are costed on the last chunk's thread"))
}

impl People {
    /// Adds the next chunk of people (later in the file) to these.
    fn append(&mut self, next: People) {
        self.one_off.add(&next.one_off, 1);
        self.protection.add(&next.protection, 1);
        for (t, u) in self.tallies.iter_mut().zip(next.tallies) {
            t.count += u.count;
            t.wte += u.wte;
        }
        self.holders.held.extend(next.holders.held);
        self.holders.ring_fenced.extend(next.holders.ring_fenced);
        for (f, g) in self.functions.iter_mut().zip(next.functions) {
            f.people += g.people;
            f.wte += g.wte;
            f.baseline_cost += g.baseline_cost;
            f.transferred_out += g.transferred_out;
        }
    }
}

/// Costs the people at the positions in `range`, each one's cost and exit cost into
/// `each` (in the order of `range`).
fn cost_chunk(
    s: &Scenario,
    ix: &Index,
    months: &Months,
    range: Range<usize>,
    orgs: &mut [OrgFigures],
    delta: &mut [Vec<Pence>],
    each: (&mut [Pence], &mut [Pence]),
) -> People {
    let a = &s.assumptions;
    let (fn_index, functions) = function_figures(s);
    let mut look = Lookup::new(fn_index);
    let mut out = People {
        cost: Vec::new(),
        one_off_each: Vec::new(),
        one_off: OneOff::default(),
        protection: Protection::default(),
        tallies: [Tally::default(); OutcomeKind::ALL.len()],
        holders: super::posts::Holders::default(),
        functions,
    };
    let people = s.people.get(range.clone()).unwrap_or_default();
    for (((pi, p), cost), exit) in range.zip(people).zip(each.0).zip(each.1) {
        let part = part(a, ix, months, &mut look, p);
        *cost = part.cost;
        *exit = part.exit;
        let t = &mut out.tallies[part.kind as usize];
        t.count += 1;
        t.wte += part.wte;
        if let Some((post, holds)) = part.post {
            let n = u32::try_from(post).unwrap_or(u32::MAX);
            if holds {
                out.holders.held.push((n, u32::try_from(pi).unwrap_or(u32::MAX)));
            } else {
                out.holders.ring_fenced.push(n);
            }
        }
        if let Some(fi) = part.function {
            into_function(&part, &mut out.functions[fi], 1);
        }
        // Most people leave with no exit cost and keep no pay: nothing to add.
        if part.one_off != OneOff::default() {
            out.one_off.add(&part.one_off, 1);
        }
        if part.protection.people > 0 {
            out.protection.add(&part.protection, 1);
        }
        if let Some(oi) = part.org {
            into_organisation(&part, &mut orgs[oi], 1);
            if part.leaves
                && let Some(k) = part.month
            {
                delta[oi][k] -= part.cost;
            }
        }
    }
    out
}

/// A person's part of their function's figures, added (`sign` 1) or taken out (-1).
pub(super) fn into_function(part: &Part, f: &mut FunctionFigures, sign: i64) {
    f.people = add_u32(f.people, sign);
    f.wte = add_u64(f.wte, part.wte, sign);
    f.baseline_cost += sign * part.cost;
    if part.kind == OutcomeKind::TransferredOut {
        f.transferred_out += sign * part.cost;
    }
}

/// A person's cost in their ICB's figures, added (`sign` 1) or taken out (-1): in the
/// baseline; in the plan unless they leave their current role (the run-rate is the
/// caller's: a change landing in `delta`, or the series updated).
pub(super) fn into_organisation(part: &Part, of: &mut OrgFigures, sign: i64) {
    of.baseline_people += sign * part.cost;
    of.headcount = add_u32(of.headcount, sign);
    of.wte = add_u64(of.wte, part.wte, sign);
    of.line.one_off += sign * part.exit;
    of.planned_protection += sign * part.protection.at_target;
    if part.leaves {
        if part.kind == OutcomeKind::TransferredOut {
            of.line.transferred_out += sign * part.cost;
        }
    } else {
        of.planned_people += sign * part.cost;
    }
}

pub(super) fn add_u32(v: u32, sign: i64) -> u32 {
    if sign < 0 { v.saturating_sub(1) } else { v.saturating_add(1) }
}

pub(super) fn add_u64(v: u64, by: u64, sign: i64) -> u64 {
    if sign < 0 { v.saturating_sub(by) } else { v.saturating_add(by) }
}

/// The function catalogue's figures, empty, and where each function's name is.
pub(super) fn function_figures(s: &Scenario) -> (HashMap<&str, usize>, Vec<FunctionFigures>) {
    let mut fn_index: HashMap<&str, usize> = HashMap::default();
    let mut functions: Vec<FunctionFigures> = Vec::with_capacity(s.functions.len());
    for f in &s.functions {
        fn_index.entry(f.name.as_str()).or_insert(functions.len());
        functions.push(FunctionFigures {
            name: f.name.clone(),
            people: 0,
            wte: 0,
            baseline_cost: 0,
            transferred_out: 0,
        });
    }
    (fn_index, functions)
}

/// A person's one-off exit cost (Section 16 redundancy or MARS), added to the totals; 0
/// for any other outcome or when they are not eligible (too little service).
fn exit_cost(a: &Assumptions, p: &Person, one_off: &mut OneOff) -> Pence {
    match p.outcome {
        Outcome::VoluntaryRedundancy | Outcome::CompulsoryRedundancy => {
            // Unreasonably refusing suitable alternative employment ends the entitlement
            // (AfC Section 16).
            let refused = p.offer.as_ref().is_some_and(|o| o.refused);
            let v = if refused { None } else { redundancy_pay(&a.redundancy, p.salary_pence, p.wte, p.service_years) };
            if let Some(v) = v {
                one_off.redundancy += v;
                one_off.redundancy_people += 1;
            } else {
                one_off.not_eligible += 1;
            }
            v.unwrap_or(0)
        }
        Outcome::Mars => {
            let v = mars_pay(&a.mars, p.salary_pence, p.wte, p.service_years);
            if let Some(v) = v {
                one_off.mars += v;
                one_off.mars_people += 1;
            } else {
                one_off.not_eligible += 1;
            }
            v.unwrap_or(0)
        }
        _ => 0,
    }
}
