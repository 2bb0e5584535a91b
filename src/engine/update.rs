//! Updating the figures after a change to some people's outcomes or dates, instead of
//! costing everyone again. Each changed person's part (`people::part`, the arithmetic a full
//! recompute uses) is taken out as it was and added as it is now; then each ICB's line, the
//! clusters, the totals and the run-rate series are closed again from their parts. A debug
//! build checks every update against a full recompute, and a property test does the same
//! over random sequences of edits (tests/domain/edit_inverse.rs).

use rustc_hash::FxHashSet as HashSet;

use super::index::{Index, Lookup, apportion_weights};
use super::pay::post_salary;
use super::people::{Part, function_figures, into_function, into_organisation, part};
use super::summary::Summary;
use super::trajectory::{self, Months};
use crate::model::{Funding, Person, Post, Scenario};

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

/// Brings `sum` (the figures before the change) up to date with `s` after the post listed
/// `listing`th (its place among the scenario's posts) was changed in place, keeping its id
/// (its title, pay, WTE, host, funding, line or start date): the post's cost is taken out
/// of its cluster's members as it was (`old`) and added as it is; the people who hold it are
/// costed again (their pay protection reads its pay); and the lines, clusters, totals and
/// run-rate series are closed again. `ix`, the scenario's index from before the change, is
/// brought up to date (the post's salary). Returns `false`, changing nothing, when the post
/// is not the first listing of its id or its id changed: those need [`super::compute`].
#[must_use]
pub fn update_post(s: &Scenario, ix: &mut Index, sum: &mut Summary, listing: usize, old: &Post) -> bool {
    let Some(at) = ix.listings.get(listing).copied() else { return false };
    let new = s.clusters.get(at.cluster).and_then(|c| c.teams.get(at.team)).and_then(|t| t.posts.get(at.index));
    let Some(new) = new.filter(|p| p.id == old.id && at.n == listing) else { return false };
    let (Some(weights), Some(members)) =
        (sum.clusters.get(at.cluster).map(|cf| cf.weights.clone()), ix.members.get(at.cluster).cloned())
    else {
        return false;
    };
    if sum.posts.get(listing).is_none_or(|pc| pc.id != old.id) || ix.salaries.len() <= listing {
        return false;
    }
    let a = &s.assumptions;
    let months = Months::new(a);
    let (fn_index, _) = function_figures(s);
    let mut look = Lookup::new(fn_index);
    let mut orgs_touched: HashSet<usize> = members.iter().flatten().copied().collect();
    // The holders as they were costed with the post's old pay, and as they are with its new.
    let holders: Vec<usize> = sum.posts[listing].held_by.to_vec();
    let was: Vec<Part> =
        holders.iter().filter_map(|&pi| s.people.get(pi)).map(|p| part(a, ix, &months, &mut look, p)).collect();
    ix.salaries[listing] = post_salary(a, &new.pay);
    let is: Vec<Part> =
        holders.iter().filter_map(|&pi| s.people.get(pi)).map(|p| part(a, ix, &months, &mut look, p)).collect();
    for (w, i) in was.iter().zip(&is) {
        add_part(sum, w, -1);
        add_part(sum, i, 1);
        orgs_touched.extend(w.org.iter().chain(&i.org));
    }
    // The post's cost out of its cluster's members as it was, and in as it is.
    for (p, sign) in [(old, -1), (new, 1)] {
        let (cost, counted, shares) = super::posts::cost_of(a, p, &weights);
        let landed = months.land(p.effective);
        if let Some(cf) = sum.clusters.get_mut(at.cluster)
            && counted
        {
            cf.posts_cost += sign * cost.to_icb();
        }
        for (m, share) in members.iter().zip(&shares) {
            let Some(oi) = *m else { continue };
            if let Some(of) = sum.organisations.get_mut(oi) {
                of.planned_posts += sign * share;
                if p.funding == Funding::Programme {
                    of.planned_programme_posts += sign * share;
                }
            }
            if let (Some(k), Some(series)) = (landed, sum.trajectory.orgs.get_mut(oi)) {
                for v in series.iter_mut().skip(k) {
                    *v += sign * share;
                }
            }
        }
        if sign > 0
            && let Some(pc) = sum.posts.get_mut(listing)
        {
            (pc.cost, pc.counted, pc.shares) = (cost, counted, shares);
        }
    }
    close_again(ix, sum, &orgs_touched);
    true
}

/// Brings `sum` (the figures before the change) up to date with `s` after a change to ICBs'
/// own figures alone (populations, non-pay, targets set by hand, allowances, scope) or to
/// the plan's name and notes: every ICB's starting figures are made again, what its people
/// and its share of the posts added is kept, and the lines, clusters, totals and run-rate
/// series are closed again, as [`super::compute`] closes them. Returns `false`, changing
/// nothing, when the change moved how some cluster's posts are split (a population under
/// the population rule): those figures need [`super::compute`].
///
/// Nothing else may have changed: not the people, posts, clusters, assumptions or when an
/// ICB's planned non-pay lands (`ix` is the scenario's index, which such a change keeps).
#[must_use]
pub fn update_organisations(s: &Scenario, ix: &Index, sum: &mut Summary) -> bool {
    let splits_kept = (0..s.clusters.len())
        .all(|ci| sum.clusters.get(ci).is_some_and(|cf| cf.weights == apportion_weights(s, ix, ci)));
    if !splits_kept || sum.organisations.len() != s.organisations.len() {
        return false;
    }
    let months = Months::new(&s.assumptions);
    let mut orgs = super::starting_figures(s, ix);
    let mut delta = Vec::with_capacity(orgs.len());
    for (oi, (of, was)) in orgs.iter_mut().zip(&sum.organisations).enumerate() {
        // What the ICB's people and its share of the posts added, kept.
        of.add_blank(was);
        // The month-by-month changes its people and posts made to its run-rate: its series
        // less the baseline it started from and the planned non-pay landed in it.
        let series = sum.trajectory.orgs.get(oi).map_or(&[][..], Vec::as_slice);
        let mut run = was.line.baseline;
        let mut d: Vec<i64> = series
            .iter()
            .map(|v| {
                let step = v - run;
                run = *v;
                step
            })
            .collect();
        d.resize(months.len(), 0);
        if let Some(k) = s.organisations.get(oi).and_then(|o| months.land(o.planned_non_pay_from)) {
            d[k] -= was.planned_non_pay - was.baseline_non_pay;
        }
        delta.push(d);
    }
    let org_series = trajectory::close_organisations(s, &months, &mut orgs, delta);
    sum.trajectory.clusters = trajectory::close_clusters(ix, &orgs, &org_series, &mut sum.clusters, months.len());
    sum.totals = trajectory::totals(&orgs, &sum.clusters);
    sum.trajectory.total = trajectory::total_series(&orgs, &org_series, months.len());
    sum.trajectory.orgs = org_series;
    sum.organisations = orgs;
    true
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
