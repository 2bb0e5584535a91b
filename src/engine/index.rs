//! Lookups shared by the engine and validation (codes and ids to positions), and how a
//! cluster's shared posts are split across its members.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Apportionment, Scenario};

/// Lookups shared by the engine and validation. Where a code is duplicated, the first wins.
#[derive(Debug, Default)]
pub struct Index<'a> {
    pub orgs: HashMap<&'a str, usize>,
    /// post id -> the place of its first listing in `listings` (small, so the table
    /// stays in the processor's cache at national scale: see [`Index::post`])
    pub posts: HashMap<&'a str, u32>,
    /// org code -> first cluster listing it
    pub cluster_of: HashMap<&'a str, usize>,
    /// Every listing of a post, in the order of [`Scenario::posts`] (and of the summary's
    /// posts): where it is, with `n` the place of the first listing of its id. A listing
    /// is the first of its id when `listings[n].n == n` ([`Index::first_listing`]); holders
    /// are counted on the first listing only.
    pub listings: Vec<PostAt>,
    /// Each cluster's members as positions in `organisations` (`None`: not a known ICB).
    pub members: Vec<Vec<Option<usize>>>,
    /// Each listing's full-time salary (`None`: a pay point not in the table), aligned with
    /// `listings`: what a person placed in it is paid, for pay protection.
    pub salaries: Vec<Option<crate::model::money::Pence>>,
}

/// Where a post is: its cluster, team and place in the team, and `n`, its place among all
/// the scenario's posts (the order of [`Scenario::posts`] and of the summary's posts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostAt {
    pub cluster: usize,
    pub team: usize,
    pub index: usize,
    pub n: usize,
}

impl<'a> Index<'a> {
    #[must_use]
    pub fn new(s: &'a Scenario) -> Index<'a> {
        let n_posts: usize = s.clusters.iter().flat_map(|c| &c.teams).map(|t| t.posts.len()).sum();
        let mut ix = Index::default();
        ix.posts.reserve(n_posts);
        ix.orgs.reserve(s.organisations.len());
        for (i, o) in s.organisations.iter().enumerate() {
            ix.orgs.entry(o.code.as_str()).or_insert(i);
        }
        ix.listings.reserve(n_posts);
        ix.salaries.reserve(n_posts);
        for (ci, c) in s.clusters.iter().enumerate() {
            for m in &c.members {
                ix.cluster_of.entry(m.as_str()).or_insert(ci);
            }
            let members = c.members.iter().map(|m| ix.orgs.get(m.as_str()).copied()).collect();
            ix.members.push(members);
            for (ti, t) in c.teams.iter().enumerate() {
                for (pi, p) in t.posts.iter().enumerate() {
                    let n = ix.listings.len();
                    let first = *ix.posts.entry(p.id.as_str()).or_insert(u32::try_from(n).unwrap_or(u32::MAX));
                    ix.listings.push(PostAt { cluster: ci, team: ti, index: pi, n: first as usize });
                    ix.salaries.push(super::pay::post_salary(&s.assumptions, &p.pay));
                }
            }
        }
        ix
    }

    /// Where the post with this id is (its first listing).
    #[must_use]
    pub fn post(&self, id: &str) -> Option<PostAt> {
        self.posts.get(id).and_then(|n| self.listings.get(*n as usize)).copied()
    }

    /// Whether the post listed `n`th is the first listing of its id.
    #[must_use]
    pub fn first_listing(&self, n: usize) -> bool {
        self.listings.get(n).is_some_and(|at| at.n == n)
    }
}

/// Weights for splitting a shared post across a cluster's members (aligned with
/// `members`). Members that are not known organisations get nothing. A rule that gives
/// every known member nothing (no populations, percentages all zero) falls back to equal
/// shares, so no cost is ever lost; validation reports the cause.
#[must_use]
pub fn apportion_weights(s: &Scenario, ix: &Index<'_>, cluster: usize) -> Vec<u64> {
    let c = &s.clusters[cluster];
    let known = &ix.members[cluster];
    let basis = s.assumptions.population_basis;
    let mut w: Vec<u64> = match &c.apportionment {
        Apportionment::Population => {
            let pops: Vec<Option<u64>> =
                known.iter().map(|k| k.and_then(|i| s.organisations[i].population_on(basis))).collect();
            if known.iter().zip(&pops).any(|(k, p)| k.is_some() && p.is_none()) {
                vec![0; c.members.len()]
            } else {
                pops.iter().map(|p| p.unwrap_or(0)).collect()
            }
        }
        Apportionment::Equal => known.iter().map(|k| u64::from(k.is_some())).collect(),
        Apportionment::Custom(shares) => c
            .members
            .iter()
            .zip(known)
            .map(|(m, k)| {
                if k.is_none() {
                    return 0;
                }
                shares.iter().filter(|sh| &sh.org == m).map(|sh| u64::from(sh.percent.0)).sum()
            })
            .collect(),
    };
    if w.iter().all(|x| *x == 0) {
        w = known.iter().map(|k| u64::from(k.is_some())).collect();
    }
    w
}
