//! Where each person is in the staff list, by id, so that an edit of a few people's
//! outcomes finds them without reading every person's id (at 200,000 people, reading them
//! all takes longer than the rest of the edit). Kept by the document while only outcomes
//! and dates change, which never move anyone; built again after any other edit.

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use crate::model::Person;

/// Positions in `people` by the hash of the id; every answer is checked against the id
/// itself, so two ids with the same hash are told apart.
#[derive(Debug, Default, Clone)]
pub struct PeopleAt {
    /// hash of an id -> the last position with an id of that hash
    last: FxHashMap<u64, usize>,
    /// the position before, with an id of the same hash (`usize::MAX`: none)
    before: Vec<usize>,
}

impl PeopleAt {
    #[must_use]
    pub fn new(people: &[Person]) -> PeopleAt {
        let mut at = PeopleAt { last: FxHashMap::default(), before: vec![usize::MAX; people.len()] };
        at.last.reserve(people.len());
        for (i, p) in people.iter().enumerate() {
            if let Some(prev) = at.last.insert(FxBuildHasher.hash_one(p.id.as_str()), i) {
                at.before[i] = prev;
            }
        }
        at
    }

    /// Whether this was built for a staff list of `n` people.
    #[must_use]
    pub fn covers(&self, n: usize) -> bool {
        self.before.len() == n
    }

    /// The positions of the people with these ids, in the file's order.
    fn find(&self, people: &[Person], ids: &[&str]) -> Vec<usize> {
        let mut out = Vec::new();
        for id in ids {
            let mut at = self.last.get(&FxBuildHasher.hash_one(*id)).copied().unwrap_or(usize::MAX);
            while let Some(p) = people.get(at) {
                if p.id == *id {
                    out.push(at);
                }
                at = self.before.get(at).copied().unwrap_or(usize::MAX);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The positions of the people with these ids, in the file's order: from `at` when it is
/// given (and was built for this list), else by reading every id.
#[must_use]
pub fn positions(people: &[Person], ids: &[&str], at: Option<&PeopleAt>) -> Vec<usize> {
    match at {
        Some(at) if at.covers(people.len()) => at.find(people, ids),
        _ => {
            let wanted: FxHashSet<&str> = ids.iter().copied().collect();
            people.iter().enumerate().filter(|(_, p)| wanted.contains(p.id.as_str())).map(|(i, _)| i).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_same_people_as_reading_every_id() {
        let mut s = crate::examples::england_stress_of(500);
        // A duplicated id: both people are found, in the file's order.
        let twin = s.people[7].clone();
        s.people.insert(300, twin);
        let at = PeopleAt::new(&s.people);
        let last = s.people.len() - 1;
        assert!(last > 300);
        let owned = [s.people[7].id.clone(), s.people[42].id.clone(), "no such id".into(), s.people[last].id.clone()];
        let ids: Vec<&str> = owned.iter().map(String::as_str).collect();
        let by_index = positions(&s.people, &ids, Some(&at));
        assert_eq!(by_index, vec![7, 42, 300, last]);
        assert_eq!(positions(&s.people, &ids, None), by_index);
        // Built for another list: not used.
        s.people.pop();
        assert!(!at.covers(s.people.len()));
        assert_eq!(positions(&s.people, &ids, Some(&at)), vec![7, 42, 300]);
    }
}
