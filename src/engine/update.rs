//! Updating the figures after a change to some people's outcomes or dates, instead of
//! costing everyone again. Each changed person's part (`people::part`, the arithmetic a full
//! recompute uses) is taken out as it was and added as it is now; then each ICB's line, the
//! clusters, the totals and the run-rate series are closed again from their parts. A debug
//! build checks every update against a full recompute, and a property test does the same
//! over random sequences of edits (tests/domain/edit_inverse.rs).

use rustc_hash::FxHashSet as HashSet;

use super::index::Index;
use super::index::Lookup;
use super::people::{Part, function_figures, into_function, into_organisation, part};
use super::summary::Summary;
use super::trajectory::{self, Months};
use crate::model::{Person, Scenario};

/// Brings `sum` (the figures of the scenario before the change) up to date with `s`, where
/// only the people at the given positions changed, and only in their outcome or its date;
/// `before` holds each as it was; `ix` is the scenario's index. Anything else changed
/// needs [`super::compute`].
pub fn update_people(s: &Scenario, ix: &Index, sum: &mut Summary, before: &[(usize, Person)]) {
    let months = Months::new(&s.assumptions);
    let (fn_index, _) = function_figures(s);
    let mut look = Lookup::new(fn_index);
    let a = &s.assumptions;
    let mut orgs_touched: HashSet<usize> = HashSet::default();
    for (pi, old) in before {
        let Some(now) = s.people.get(*pi) else { continue };
        let was = part(a, ix, &months, &mut look, old);
        let is = part(a, ix, &months, &mut look, now);
        for (p, sign) in [(&was, -1), (&is, 1)] {
            add_part(sum, p, sign);
            if let Some(oi) = p.org {
                orgs_touched.insert(oi);
            }
            if let Some((n, holds)) = p.post {
                hold(sum, n, *pi, holds, sign);
            }
        }
        if let Some(c) = sum.person_cost.get_mut(*pi) {
            *c = is.cost;
        }
        if let Some(e) = sum.person_one_off.get_mut(*pi) {
            *e = is.exit;
        }
    }
    close_again(ix, sum, &orgs_touched);
}

/// One person's part added (`sign` 1) or taken out (-1): tallies, function, one-off
/// counts, their ICB's figures and run-rate (the post they hold is `hold`'s).
fn add_part(sum: &mut Summary, p: &Part, sign: i64) {
    if let Some((_, t)) = sum.outcomes.iter_mut().find(|(k, _)| *k == p.kind) {
        t.count = super::people::add_u32(t.count, sign);
        t.wte = super::people::add_u64(t.wte, p.wte, sign);
    }
    if let Some(f) = p.function.and_then(|fi| sum.functions.get_mut(fi)) {
        into_function(p, f, sign);
    }
    sum.one_off.add(&p.one_off, sign);
    sum.pay_protection.add(&p.protection, sign);
    if let Some(oi) = p.org {
        if let Some(of) = sum.organisations.get_mut(oi) {
            into_organisation(p, of, sign);
        }
        if let Some(series) = sum.trajectory.orgs.get_mut(oi) {
            for (j, v) in series.iter_mut().enumerate() {
                if p.in_run_rate(j) {
                    *v += sign * p.cost;
                }
            }
        }
    }
}

/// Person `pi` added to (`sign` 1) or taken from (-1) the holders of post `n` (its first
/// listing, where a full recompute counts them), or its ring-fenced count; the cluster's
/// vacancies follow. Holders stay in the file's order, as a full recompute lists them.
fn hold(sum: &mut Summary, n: usize, pi: usize, holds: bool, sign: i64) {
    let Some(pc) = sum.posts.get_mut(n) else { return };
    let was_vacant = pc.holders == 0;
    if !holds {
        pc.ring_fenced = super::people::add_u32(pc.ring_fenced, sign);
        return;
    }
    match (pc.held_by.binary_search(&pi), sign > 0) {
        (Err(at), true) => pc.held_by.insert(at, pi),
        (Ok(at), false) => {
            pc.held_by.remove(at);
        }
        _ => {}
    }
    pc.holders = u32::try_from(pc.held_by.len()).unwrap_or(u32::MAX);
    let vacant = pc.holders == 0;
    if let Some(cf) = sum.clusters.get_mut(pc.cluster) {
        match (was_vacant, vacant) {
            (true, false) => cf.vacant_posts = cf.vacant_posts.saturating_sub(1),
            (false, true) => cf.vacant_posts = cf.vacant_posts.saturating_add(1),
            _ => {}
        }
    }
}

/// Closes again the lines of the ICBs touched, then every cluster, the totals and the
/// series that add them up (a few dozen lines: no need to pick).
fn close_again(ix: &Index, sum: &mut Summary, orgs: &HashSet<usize>) {
    for &oi in orgs {
        if let Some(of) = sum.organisations.get_mut(oi) {
            of.line.baseline = of.baseline_people + of.baseline_non_pay;
            of.line.planned = of.planned_people + of.planned_posts + of.planned_non_pay;
            of.line.split_gap();
        }
    }
    let n = sum.trajectory.months.len();
    sum.trajectory.clusters =
        trajectory::close_clusters(ix, &sum.organisations, &sum.trajectory.orgs, &mut sum.clusters, n);
    sum.totals = trajectory::totals(&sum.organisations, &sum.clusters);
    sum.trajectory.total = trajectory::total_series(&sum.organisations, &sum.trajectory.orgs, n);
}
