//! Updating the figures after a change to some people's outcomes or dates, instead of
//! costing everyone again. Each changed person's part (`people::part`, the arithmetic a full
//! recompute uses) is taken out as it was and added as it is now; then each ICB's line, the
//! clusters, the totals and the run-rate series are closed again from their parts. A debug
//! build checks every update against a full recompute, and a property test does the same
//! over random sequences of edits (tests/domain/edit_inverse.rs).

use rustc_hash::FxHashSet as HashSet;

use super::index::Index;
use super::people::{Part, function_figures, into_function, into_organisation, part};
use super::summary::Summary;
use super::trajectory::{self, Months};
use crate::model::{Person, Scenario};

/// Brings `sum` (the figures of the scenario before the change) up to date with `s`, where
/// only the people at the given positions changed, and only in their outcome or its date;
/// `before` holds each as it was; `ix` is the scenario's index. Anything else changed
/// needs [`super::compute`].
pub fn update_people(s: &Scenario, ix: &Index<'_>, sum: &mut Summary, before: &[(usize, Person)]) {
    let months = Months::new(&s.assumptions);
    let (fn_index, _) = function_figures(s);
    let a = &s.assumptions;
    let mut orgs_touched: HashSet<usize> = HashSet::default();
    let mut posts_touched: HashSet<String> = HashSet::default();
    for (pi, old) in before {
        let Some(now) = s.people.get(*pi) else { continue };
        let was = part(a, ix, &months, &fn_index, old);
        let is = part(a, ix, &months, &fn_index, now);
        for (p, sign) in [(&was, -1), (&is, 1)] {
            add_part(sum, p, sign);
            if let Some(oi) = p.org {
                orgs_touched.insert(oi);
            }
            if let Some((post, _)) = p.post {
                posts_touched.insert(post.to_owned());
            }
        }
        if let Some(c) = sum.person_cost.get_mut(*pi) {
            *c = is.cost;
        }
        if let Some(e) = sum.person_one_off.get_mut(*pi) {
            *e = is.exit;
        }
    }
    holders_again(s, ix, sum, &posts_touched);
    close_again(ix, sum, &orgs_touched);
}

/// One person's part added (`sign` 1) or taken out (-1): tallies, function, one-off
/// counts, their ICB's figures and run-rate, and the post they hold or are ring-fenced for
/// (its holders are listed again in `holders_again`).
fn add_part(sum: &mut Summary, p: &Part<'_>, sign: i64) {
    if let Some((_, t)) = sum.outcomes.iter_mut().find(|(k, _)| *k == p.kind) {
        t.count = super::people::add_u32(t.count, sign);
        t.wte = super::people::add_u64(t.wte, p.wte, sign);
    }
    if let Some(f) = p.function.and_then(|fi| sum.functions.get_mut(fi)) {
        into_function(p, f, sign);
    }
    sum.one_off.add(&p.one_off, sign);
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

/// Lists again who holds and who is ring-fenced for each post a changed person named,
/// before or after, and recounts the vacancies of those posts' clusters. As in a full
/// recompute, the holders are counted on the posts of the cluster the id first names.
fn holders_again(s: &Scenario, ix: &Index<'_>, sum: &mut Summary, posts: &HashSet<String>) {
    if posts.is_empty() {
        return;
    }
    let mut held: rustc_hash::FxHashMap<&str, (Vec<usize>, u32)> = rustc_hash::FxHashMap::default();
    for (pi, p) in s.people.iter().enumerate() {
        let Some(post) = p.outcome.post() else { continue };
        if !posts.contains(post) {
            continue;
        }
        let e = held.entry(post).or_default();
        if p.outcome.holds_post().is_some() {
            e.0.push(pi);
        } else {
            e.1 += 1;
        }
    }
    let mut clusters: HashSet<usize> = HashSet::default();
    for pc in &mut sum.posts {
        if !posts.contains(pc.id.as_str()) {
            continue;
        }
        let first = ix.posts.get(pc.id.as_str()).is_some_and(|x| x.0 == pc.cluster);
        let (held_by, ring_fenced) =
            if first { held.get(pc.id.as_str()).cloned().unwrap_or_default() } else { (Vec::new(), 0) };
        pc.holders = u32::try_from(held_by.len()).unwrap_or(u32::MAX);
        pc.held_by = held_by;
        pc.ring_fenced = ring_fenced;
        clusters.insert(pc.cluster);
    }
    for ci in clusters {
        let vacant = sum.posts.iter().filter(|pc| pc.cluster == ci && pc.holders == 0).count();
        if let Some(cf) = sum.clusters.get_mut(ci) {
            cf.vacant_posts = u32::try_from(vacant).unwrap_or(u32::MAX);
        }
    }
}

/// Closes again the lines of the ICBs touched, then every cluster, the totals and the
/// series that add them up (a few dozen lines: no need to pick).
fn close_again(ix: &Index<'_>, sum: &mut Summary, orgs: &HashSet<usize>) {
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
    sum.totals = trajectory::totals(&sum.organisations);
    sum.trajectory.total = trajectory::total_series(&sum.organisations, &sum.trajectory.orgs, n);
}
