//! Costing the posts of the single management teams: each post's cost with on-costs, split
//! across the cluster's member ICBs by the apportionment rule (exact to the penny), who
//! holds it, and each cluster's count of posts and vacancies.

use rustc_hash::FxHashMap as HashMap;

use super::index::{Index, apportion_weights};
use super::pay::{pay_cost, post_salary};
use super::summary::{ClusterFigures, Line, OrgFigures, PostCost};
use super::trajectory::Months;
use crate::model::money::{Pence, split_by_weights};
use crate::model::{Funding, Scenario};

/// post id -> (who holds it, how many are ring-fenced for it), from costing the people.
pub(super) type Holders<'a> = HashMap<&'a str, (Vec<usize>, u32)>;

/// Costs every post into its cluster's members (`orgs`, and the run-rate changes in
/// `delta` on each post's effective date); returns the posts and the clusters' figures.
pub(super) fn cost_posts(
    s: &Scenario,
    ix: &Index<'_>,
    months: &Months,
    holders: &Holders<'_>,
    orgs: &mut [OrgFigures],
    delta: &mut [Vec<Pence>],
) -> (Vec<PostCost>, Vec<ClusterFigures>) {
    let mut posts = Vec::new();
    let mut clusters: Vec<ClusterFigures> = Vec::with_capacity(s.clusters.len());
    for ci in 0..s.clusters.len() {
        clusters.push(cost_cluster(s, ix, months, holders, ci, orgs, delta, &mut posts));
    }
    (posts, clusters)
}

#[allow(clippy::too_many_arguments)] // the engine's working state, passed down one level
fn cost_cluster(
    s: &Scenario,
    ix: &Index<'_>,
    months: &Months,
    holders: &Holders<'_>,
    ci: usize,
    orgs: &mut [OrgFigures],
    delta: &mut [Vec<Pence>],
    posts: &mut Vec<PostCost>,
) -> ClusterFigures {
    let a = &s.assumptions;
    let c = &s.clusters[ci];
    let weights = apportion_weights(s, ix, ci);
    let mut cf = ClusterFigures {
        name: c.name.clone(),
        members: c.members.clone(),
        line: Line::start(),
        posts: 0,
        vacant_posts: 0,
        posts_cost: 0,
        weights: Vec::new(),
    };
    for p in c.teams.iter().flat_map(|t| &t.posts) {
        let salary = post_salary(a, &p.pay).unwrap_or(0);
        let cost = pay_cost(a, salary, p.wte);
        let counted = p.funding == Funding::RunningCost || a.count_programme_posts;
        let shares = split_by_weights(if counted { cost.to_icb() } else { 0 }, &weights);
        // A post listed twice under one id is costed each time it is listed (it is in the
        // structure twice); validation flags the duplicate id.
        let (held_by, ring_fenced) = if ix.posts.get(p.id.as_str()).is_some_and(|x| x.0 == ci) {
            holders.get(p.id.as_str()).cloned().unwrap_or_default()
        } else {
            (Vec::new(), 0)
        };
        let n_holders = u32::try_from(held_by.len()).unwrap_or(u32::MAX);
        cf.posts += 1;
        if n_holders == 0 {
            cf.vacant_posts += 1;
        }
        if counted {
            cf.posts_cost += cost.to_icb();
        }
        for (m, share) in c.members.iter().zip(&shares) {
            if let Some(&oi) = ix.orgs.get(m.as_str()) {
                orgs[oi].planned_posts += share;
                if p.funding == Funding::Programme {
                    orgs[oi].planned_programme_posts += share;
                }
                if let Some(k) = months.land(p.effective) {
                    delta[oi][k] += share;
                }
            }
        }
        posts.push(PostCost {
            cluster: ci,
            id: p.id.clone(),
            cost,
            shares,
            counted,
            holders: n_holders,
            held_by,
            ring_fenced,
        });
    }
    cf.weights = weights;
    cf
}
