//! Lookups shared by the engine and validation (codes and ids to positions), and how a
//! cluster's shared posts are split across its members.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Apportionment, Scenario};

/// Lookups shared by the engine and validation. Where a code is duplicated, the first wins.
/// It reads only the ICBs, the clusters and their posts, and the pay table: an edit of
/// people's outcomes or dates leaves it as it was, so the document keeps it between them.
#[derive(Debug, Default, Clone)]
pub struct Index {
    pub orgs: HashMap<String, usize>,
    /// post id -> the place of its first listing in `listings` (see [`Index::post`])
    pub posts: PostIds,
    /// org code -> first cluster listing it
    pub cluster_of: HashMap<String, usize>,
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

/// Finds a person's ICB and function by name, for the engine and validation. Staff lists
/// come grouped by ICB, so the last answer is kept and usually serves the next person
/// without a hash. Function names are long, and people who name the same one share its
/// text ([`crate::model::Scenario::share_names`]), so a function is also found by where its
/// text is, without reading it: every name looked up lives as long as the lookup (`'s`), so
/// two names at the same place and of the same length are the same name.
#[derive(Debug, Clone)]
pub struct Lookup<'s> {
    functions: HashMap<&'s str, usize>,
    last_org: Option<(&'s str, Option<usize>)>,
    last_function: Option<(&'s str, Option<usize>)>,
    /// Functions found, by the place of their text: (address, length, place), in a slot
    /// chosen by the address.
    by_address: [(usize, usize, Option<usize>); 64],
}

impl<'s> Lookup<'s> {
    #[must_use]
    pub fn new(functions: HashMap<&'s str, usize>) -> Self {
        Lookup { functions, last_org: None, last_function: None, by_address: [(0, 0, None); 64] }
    }

    /// The ICB with this code, by its place among the scenario's organisations.
    pub fn org(&mut self, ix: &Index, code: &'s str) -> Option<usize> {
        kept(&mut self.last_org, code, |c| ix.orgs.get(c).copied())
    }

    /// The function with this name, by its place in the map given to [`Lookup::new`].
    pub fn function(&mut self, name: &'s str) -> Option<usize> {
        let address = name.as_ptr() as usize;
        let slot = &mut self.by_address[(address >> 4) % 64];
        if slot.0 == address && slot.1 == name.len() {
            return slot.2;
        }
        let functions = &self.functions;
        let found = kept(&mut self.last_function, name, |f| functions.get(f).copied());
        *slot = (address, name.len(), found);
        found
    }
}

/// The answer for `key`: the last one when it was for the same key, else `find`'s (kept).
fn kept<'s>(
    last: &mut Option<(&'s str, Option<usize>)>,
    key: &'s str,
    find: impl FnOnce(&str) -> Option<usize>,
) -> Option<usize> {
    match *last {
        Some((k, found)) if k == key => found,
        _ => {
            let found = find(key);
            *last = Some((key, found));
            found
        }
    }
}

/// Post ids to the place of their first listing. The table holds only places, and each
/// listing's id is kept, inside its entry (post ids are short: see [`crate::model::Code`]),
/// in a list aligned with the listings: at national scale (60,000 posts looked up for
/// 200,000 people) a lookup reads a small table and one entry of a compact list, instead of
/// a wide table and each post's record scattered across memory (the lookups were a third
/// of a full recompute).
#[derive(Debug, Default, Clone)]
pub struct PostIds {
    /// The first listing of each id, by the id's hash.
    table: hashbrown::HashTable<u32>,
    /// Every listing's id (aligned with the listings).
    ids: Vec<crate::model::Code>,
}

impl PostIds {
    fn with_capacity(n: usize) -> PostIds {
        PostIds { table: hashbrown::HashTable::with_capacity(n), ids: Vec::with_capacity(n) }
    }

    fn hash(id: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(id)
    }

    /// The id of the listing at `n`.
    fn id(ids: &[crate::model::Code], n: u32) -> &str {
        ids.get(n as usize).map_or("", crate::model::Code::as_str)
    }

    /// The next listing, `n`, has this id: the place of the id's first listing (`n` when it
    /// is the first).
    fn add(&mut self, id: &crate::model::Code, n: u32) -> u32 {
        self.ids.push(id.clone());
        let PostIds { table, ids } = self;
        let hash = Self::hash(id);
        if let Some(first) = table.find(hash, |m| Self::id(ids, *m) == id) {
            return *first;
        }
        table.insert_unique(hash, n, |m| Self::hash(Self::id(ids, *m)));
        n
    }

    /// The place of the first listing of the post with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<u32> {
        self.table.find(Self::hash(id), |m| Self::id(&self.ids, *m) == id).copied()
    }

    #[must_use]
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// How many ids (posts listed twice count once).
    #[must_use]
    pub fn len(&self) -> usize {
        self.table.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
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

impl Index {
    #[must_use]
    pub fn new(s: &Scenario) -> Index {
        Index::without_posts(s).with_posts(s)
    }

    /// The ICBs and the clusters' members only, with no posts: quick to make (a few dozen
    /// of each), and all that costing the posts needs, so the engine costs them while the
    /// posts are indexed for the people ([`Index::with_posts`]).
    #[must_use]
    pub fn without_posts(s: &Scenario) -> Index {
        let mut ix = Index::default();
        ix.orgs.reserve(s.organisations.len());
        for (i, o) in s.organisations.iter().enumerate() {
            ix.orgs.entry(o.code.clone()).or_insert(i);
        }
        for (ci, c) in s.clusters.iter().enumerate() {
            for m in &c.members {
                ix.cluster_of.entry(m.clone()).or_insert(ci);
            }
            let members = c.members.iter().map(|m| ix.orgs.get(m.as_str()).copied()).collect();
            ix.members.push(members);
        }
        ix
    }

    /// These ICBs and clusters with every post of the scenario's single management teams
    /// (`self` made by [`Index::without_posts`] from the same scenario).
    #[must_use]
    pub fn with_posts(mut self, s: &Scenario) -> Index {
        let n_posts: usize = s.clusters.iter().flat_map(|c| &c.teams).map(|t| t.posts.len()).sum();
        let ix = &mut self;
        ix.posts = PostIds::with_capacity(n_posts);
        ix.listings = Vec::with_capacity(n_posts);
        ix.salaries = Vec::with_capacity(n_posts);
        for (ci, c) in s.clusters.iter().enumerate() {
            for (ti, t) in c.teams.iter().enumerate() {
                for (pi, p) in t.posts.iter().enumerate() {
                    let n = ix.listings.len();
                    let first = ix.posts.add(&p.id, u32::try_from(n).unwrap_or(u32::MAX));
                    ix.listings.push(PostAt { cluster: ci, team: ti, index: pi, n: first as usize });
                    ix.salaries.push(super::pay::post_salary(&s.assumptions, &p.pay));
                }
            }
        }
        self
    }

    /// Where the post with this id is (its first listing).
    #[must_use]
    pub fn post(&self, id: &str) -> Option<PostAt> {
        self.posts.get(id).and_then(|n| self.listings.get(n as usize)).copied()
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
pub fn apportion_weights(s: &Scenario, ix: &Index, cluster: usize) -> Vec<u64> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Code;

    /// A function is found by its name wherever its text is: shared by several people (as
    /// a file read leaves it), a copy of its own, or kept inside the record (short); and a
    /// name not in the catalogue is found nowhere, also right after a known one.
    #[test]
    fn a_function_is_found_by_its_name_wherever_its_text_is() {
        // 58 bytes: too long to keep inside a record, so shared when read from a file.
        let long = "Commissioning neighbourhood health and end-to-end pathways";
        let mut functions: HashMap<&str, usize> = HashMap::default();
        functions.insert(long, 0);
        functions.insert("Finance", 1);
        let shared = Code::new(long);
        let names = [
            shared.clone(),
            shared.clone(),
            Code::new(long),
            Code::new("Finance"),
            Code::new("Commissioning of something not in the catalogue"),
            shared.clone(),
            Code::new("Finance"),
            Code::new("Finance and contracting"),
        ];
        assert!(names[0].is_heap_allocated() && names[0].as_ptr() == names[1].as_ptr(), "one text, shared");
        assert_ne!(names[0].as_ptr(), names[2].as_ptr(), "a copy of its own");
        let mut look = Lookup::new(functions);
        let found: Vec<Option<usize>> = names.iter().map(|n| look.function(n.as_str())).collect();
        assert_eq!(found, vec![Some(0), Some(0), Some(0), Some(1), None, Some(0), Some(1), None]);
    }
}
