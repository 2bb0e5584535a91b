//! Lookups shared by the engine and validation (codes and ids to positions), and how a
//! cluster's shared posts are split across its members.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Apportionment, Scenario};

/// Lookups shared by the engine and validation. Where a code is duplicated, the first wins.
#[derive(Debug, Default)]
pub struct Index<'a> {
    pub orgs: HashMap<&'a str, usize>,
    /// post id -> (cluster, team, post)
    pub posts: HashMap<&'a str, (usize, usize, usize)>,
    /// org code -> first cluster listing it
    pub cluster_of: HashMap<&'a str, usize>,
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
        for (ci, c) in s.clusters.iter().enumerate() {
            for m in &c.members {
                ix.cluster_of.entry(m.as_str()).or_insert(ci);
            }
            for (ti, t) in c.teams.iter().enumerate() {
                for (pi, p) in t.posts.iter().enumerate() {
                    ix.posts.entry(p.id.as_str()).or_insert((ci, ti, pi));
                }
            }
        }
        ix
    }
}

/// Weights for splitting a shared post across a cluster's members (aligned with
/// `members`). Members that are not known organisations get nothing. A rule that gives
/// every known member nothing (no populations, percentages all zero) falls back to equal
/// shares, so no cost is ever lost; validation reports the cause.
#[must_use]
pub fn apportion_weights(s: &Scenario, ix: &Index<'_>, cluster: usize) -> Vec<u64> {
    let c = &s.clusters[cluster];
    let known: Vec<Option<usize>> = c.members.iter().map(|m| ix.orgs.get(m.as_str()).copied()).collect();
    let mut w: Vec<u64> = match &c.apportionment {
        Apportionment::Population => {
            let pops: Vec<Option<u64>> = known.iter().map(|k| k.and_then(|i| s.organisations[i].population)).collect();
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
            .zip(&known)
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
