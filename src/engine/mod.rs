//! The cost engine: pure functions from a scenario to its figures, exact to the penny.
//!
//! Rules (each has a hand-worked test in tests/domain/engine.rs):
//! - A person's annual cost to the ICB = pay (full-time salary x WTE) + employer NI
//!   (rate x pay above the threshold) + local employer pension + apprenticeship levy.
//!   "Full cost" adds the centrally paid pension. Each on-cost is rounded to the penny.
//! - **Baseline** per ICB = the cost of its people + its baseline non-pay.
//! - **Planned** per ICB = its people who stay in their current role (not affected, at
//!   risk, ring-fenced and not yet appointed) + its share of every post of its cluster's
//!   single management teams (split by the cluster's rule, exact to the penny) + planned
//!   non-pay. People who are slotted or appointed are costed through their post; people who
//!   leave (redeployed, VR, MARS, compulsory redundancy) or transfer out drop out.
//! - **Transferred out** (moved, not saved) = the cost of people who transfer with a function.
//! - **Target** = population x envelope per head, or the ICB's explicit override. The
//!   population is registered or weighted, as the assumptions say (`population_basis`).
//! - **A merged ICB** (a cluster with a merger dated by the target date) is one statutory
//!   body: its line is its members' added up (one target on the combined population; its
//!   posts need no split, so how they are apportioned changes none of its figures) and
//!   netted, and the totals count it once instead of its members. Staff transfer to it by
//!   statute: no outcome, no cost.
//! - **Gap** = planned − target: above zero, the ICB is still over its target.
//! - One-off costs: Section 16 redundancy for voluntary and compulsory redundancy, and the
//!   MARS parameters for MARS. Net recurrent saving = baseline − planned − transferred out.
//!   Payback = one-off cost / (saving / 12), rounded up to a whole month.
//! - Trajectory: the annualised run-rate at the end of each month, from the trajectory start
//!   to the target date; each change lands on its effective date (undated ones on the
//!   target date).

pub mod consultation;
mod index;
mod parallel;
mod pay;
mod people;
mod posts;
mod summary;
mod trajectory;
mod update;

pub use index::{Index, Lookup, PostAt, apportion_weights};
pub use parallel::{
    both as parallel_both, chunks_beside as parallel_chunks_beside, each_beside as parallel_each_beside,
    parts_of as parallel_parts_of, split as split_in, split_beside,
};
pub use pay::{PayCost, mars_pay, pay_cost, post_salary, redundancy_pay};
pub use summary::*;
pub use update::{update_organisations, update_people, update_post};

use crate::model::{OutcomeKind, Scenario};

/// Computes every figure of a scenario. Never panics on inconsistent data: dangling
/// references and duplicates are handled conservatively and reported by validation.
///
/// In steps: each ICB's starting figures; the people (`people.rs`); the posts, split
/// across each cluster's members (`posts.rs`); then the lines and run-rate series are
/// closed, ICB by ICB and cluster by cluster (`trajectory.rs`).
#[must_use]
pub fn compute(s: &Scenario) -> Summary {
    let posts: usize = s.clusters.iter().flat_map(|c| &c.teams).map(|t| t.posts.len()).sum();
    let beside = posts * (POST_COSTED - POST_INDEXED) / 8;
    compute_in(s, &parallel::chunks_beside(s.people.len(), beside))
}

/// What costing one post takes, and indexing one for the people, in eighths of costing a
/// person (measured at national scale: 63,696 posts costed in 3.6 ms and indexed in
/// 2.4 ms, while a person takes about 90 ns on one core). The posts are costed on the
/// thread of the last chunk of people while the first thread indexes them, so the last
/// chunk is shorter by the difference and the threads finish together. Only the time
/// depends on them, never a figure.
const POST_COSTED: usize = 5;
const POST_INDEXED: usize = 3;

/// [`compute`] with the people costed in the given chunks (one thread each), and the posts
/// on the thread of the last.
fn compute_in(s: &Scenario, chunks: &[std::ops::Range<usize>]) -> Summary {
    let base = Index::without_posts(s);
    let months = trajectory::Months::new(&s.assumptions);
    let mut orgs = starting_figures(s, &base);
    // Per-ICB changes of the run-rate by month; added up when the lines close.
    let mut delta = vec![vec![0_i64; months.len()]; orgs.len()];
    let (ix, people, (mut posts, mut clusters)) = people::cost_people_in(
        s,
        &months,
        &mut orgs,
        &mut delta,
        chunks,
        || base.clone().with_posts(s),
        |orgs, delta| posts::cost_posts(s, &base, &months, orgs, delta),
    );
    posts::hold(&people.holders, &mut posts, &mut clusters);
    let org_series = trajectory::close_organisations(s, &months, &mut orgs, delta);
    let cluster_series = trajectory::close_clusters(&ix, &orgs, &org_series, &mut clusters, months.len());
    let totals = trajectory::totals(&orgs, &clusters);
    let total_series = trajectory::total_series(&orgs, &org_series, months.len());
    let outcomes = OutcomeKind::ALL.iter().map(|k| (*k, people.tallies[*k as usize])).collect();
    Summary {
        organisations: orgs,
        clusters,
        totals,
        one_off: people.one_off,
        pay_protection: people.protection,
        outcomes,
        functions: people.functions,
        posts,
        person_cost: people.cost,
        person_one_off: people.one_off_each,
        trajectory: Trajectory { months: months.ends, orgs: org_series, clusters: cluster_series, total: total_series },
    }
}

/// Each ICB before any person or post: its target (population x envelope, or its explicit
/// target), non-pay, and cluster.
fn starting_figures(s: &Scenario, ix: &Index) -> Vec<OrgFigures> {
    let a = &s.assumptions;
    s.organisations
        .iter()
        .map(|o| {
            let population = o.population_on(a.population_basis);
            let target = o.target_override_pence.or_else(|| {
                population.and_then(|p| i64::try_from(p).ok()).map(|p| p.saturating_mul(a.envelope_per_head_pence))
            });
            OrgFigures {
                code: o.code.clone(),
                name: o.name.clone(),
                line: Line { target, population, ..Line::default() },
                baseline_people: 0,
                baseline_non_pay: o.baseline_non_pay_pence,
                planned_people: 0,
                planned_protection: 0,
                planned_posts: 0,
                planned_programme_posts: 0,
                planned_non_pay: o.planned_non_pay_pence.unwrap_or(o.baseline_non_pay_pence),
                headcount: 0,
                wte: 0,
                cluster: ix.cluster_of.get(o.code.as_str()).copied(),
                in_scope: o.in_scope || ix.cluster_of.contains_key(o.code.as_str()),
                explicit_target: o.target_override_pence.is_some(),
                baseline_is_allowance: o.baseline_is_allowance,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Making the index panicking would be a bug in the engine: the threads waiting for it
    /// stop and the panic is carried on, instead of the window waiting for ever.
    #[test]
    fn a_panic_making_the_index_is_carried_on_not_waited_for() {
        let s = crate::examples::england_stress_of(301);
        let months = trajectory::Months::new(&s.assumptions);
        let mut orgs = starting_figures(&s, &Index::without_posts(&s));
        let mut delta = vec![vec![0_i64; months.len()]; orgs.len()];
        let chunks = parallel::split(s.people.len(), 3);
        let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            people::cost_people_in(&s, &months, &mut orgs, &mut delta, &chunks, || panic!("no index"), |_, _| ())
        }));
        assert!(made.is_err(), "the panic is carried on");
    }

    /// Costing the people in chunks on threads, and the posts beside them, gives exactly the
    /// figures of one thread: on the stress file's make-up (every outcome, every ICB, posts
    /// held and ring-fenced), with chunk edges falling inside ICBs and inside the holders of
    /// a post.
    #[test]
    fn people_costed_in_chunks_give_exactly_the_one_thread_figures() {
        let s = crate::examples::england_stress_of(3_001);
        let one = compute_in(&s, &parallel::split(s.people.len(), 1));
        assert!(one.outcomes.iter().filter(|(_, t)| t.count > 0).count() >= 5, "a mix of outcomes");
        assert!(one.posts.iter().any(|p| p.holders > 0) && one.posts.iter().any(|p| p.ring_fenced > 0));
        for parts in [2, 3, 7] {
            assert_eq!(compute_in(&s, &parallel::split(s.people.len(), parts)), one, "in {parts} chunks");
        }
        // The posts on the last chunk's thread, which has fewer people for it, and on a
        // thread of their own (its chunk of people empty).
        let n = s.people.len();
        for chunks in [
            parallel::split_beside(n, 2, 1_000),
            parallel::split_beside(n, 3, 500),
            parallel::split_beside(n, 2, 2 * n),
        ] {
            assert!(chunks.len() >= 2);
            assert_eq!(compute_in(&s, &chunks), one, "in {chunks:?}");
        }
    }
}
