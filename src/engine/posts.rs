//! Costing the posts of the single management teams: each post's cost with on-costs, split
//! across the cluster's member ICBs by the apportionment rule (exact to the penny), who
//! holds it, and each cluster's count of posts and vacancies.

use super::index::{Index, apportion_weights};
use super::pay::{PayCost, pay_cost, post_salary};
use super::summary::{ClusterFigures, Line, OrgFigures, PostCost};
use super::trajectory::Months;
use crate::model::money::{Parts, Pence, split_by_weights};
use crate::model::{Assumptions, Funding, Post, Scenario};

/// Who holds each post and who is ring-fenced for it, from costing the people: posts by
/// their place among the scenario's posts, people by theirs, in the file's order of people.
#[derive(Debug, Default)]
pub(super) struct Holders {
    /// (post, person) for each person who holds a post.
    pub held: Vec<(u32, u32)>,
    /// The post of each person ring-fenced for one.
    pub ring_fenced: Vec<u32>,
}

/// Costs every post into its cluster's members (`orgs`, and the run-rate changes in
/// `delta` on each post's effective date); returns the posts and the clusters' figures.
/// Of the index, only the ICBs and clusters are read ([`Index::without_posts`] will do).
pub(super) fn cost_posts(
    s: &Scenario,
    ix: &Index,
    months: &Months,
    orgs: &mut [OrgFigures],
    delta: &mut [Vec<Pence>],
) -> (Vec<PostCost>, Vec<ClusterFigures>) {
    let n: usize = s.clusters.iter().flat_map(|c| &c.teams).map(|t| t.posts.len()).sum();
    let mut posts = Vec::with_capacity(n);
    let mut clusters: Vec<ClusterFigures> = Vec::with_capacity(s.clusters.len());
    for ci in 0..s.clusters.len() {
        clusters.push(cost_cluster(s, ix, months, ci, orgs, delta, &mut posts));
    }
    (posts, clusters)
}

/// Who holds each post and how many are ring-fenced for it (`holders`, from costing the
/// people), on the first listing of each id (the only place people name); and each
/// cluster's vacant posts. Each post's holders are in the file's order, as `holders` is.
pub(super) fn hold(holders: &Holders, posts: &mut [PostCost], clusters: &mut [ClusterFigures]) {
    for &(n, pi) in &holders.held {
        if let Some(pc) = posts.get_mut(n as usize) {
            pc.held_by.push(pi as usize);
        }
    }
    for &n in &holders.ring_fenced {
        if let Some(pc) = posts.get_mut(n as usize) {
            pc.ring_fenced += 1;
        }
    }
    for pc in posts.iter_mut() {
        pc.holders = u32::try_from(pc.held_by.len()).unwrap_or(u32::MAX);
        if pc.holders == 0
            && let Some(cf) = clusters.get_mut(pc.cluster)
        {
            cf.vacant_posts += 1;
        }
    }
}

/// One post's cost with on-costs, whether it counts (programme posts can be left out), and
/// its split across the cluster's members by `weights`, exact to the penny.
pub(super) fn cost_of(a: &Assumptions, p: &Post, weights: &[u64]) -> (PayCost, bool, Parts) {
    // A pay point not in the table costs nothing (validation reports it).
    let salary = post_salary(a, &p.pay).unwrap_or(0);
    let cost = pay_cost(a, salary, p.wte);
    let counted = p.funding == Funding::RunningCost || a.count_programme_posts;
    let shares = split_by_weights(if counted { cost.to_icb() } else { 0 }, weights);
    (cost, counted, shares)
}

fn cost_cluster(
    s: &Scenario,
    ix: &Index,
    months: &Months,
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
        merger_from: c.merger.as_ref().map(|m| m.from),
        merged: c.merger.as_ref().is_some_and(|m| m.from <= a.target_date),
    };
    for p in c.teams.iter().flat_map(|t| &t.posts) {
        let (cost, counted, shares) = cost_of(a, p, &weights);
        // A post listed twice under one id is costed each time it is listed (it is in the
        // structure twice); validation flags the duplicate id.
        cf.posts += 1;
        if counted {
            cf.posts_cost += cost.to_icb();
        }
        let landed = months.land(p.effective);
        for (m, share) in ix.members[ci].iter().zip(&shares) {
            if let Some(oi) = *m {
                orgs[oi].planned_posts += share;
                if p.funding == Funding::Programme {
                    orgs[oi].planned_programme_posts += share;
                }
                if let Some(k) = landed {
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
            holders: 0,
            held_by: smallvec::SmallVec::new(),
            ring_fenced: 0,
        });
    }
    cf.weights = weights;
    cf
}
