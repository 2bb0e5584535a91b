//! What differs between two versions of a scenario, in words a committee reads: used to
//! show what a recovery copy holds that the file does not.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::compute;
use crate::model::Scenario;
use crate::model::money::format_pounds;

/// At most this many example lines per kind of change.
const EXAMPLES: usize = 8;

/// Lines describing how `new` differs from `old`; empty when they are the same.
#[must_use]
pub fn describe(old: &Scenario, new: &Scenario) -> Vec<String> {
    let mut out = Vec::new();
    if old.name != new.name {
        out.push(format!("Name: \"{}\" → \"{}\"", old.name, new.name));
    }
    if old.assumptions != new.assumptions {
        out.push("The assumptions differ.".to_owned());
    }
    let names = |s: &Scenario| s.clusters.iter().map(|c| c.name.clone()).collect::<BTreeSet<_>>();
    let (a, b) = (names(old), names(new));
    for n in b.difference(&a) {
        out.push(format!("Cluster added: {n}"));
    }
    for n in a.difference(&b) {
        out.push(format!("Cluster removed: {n}"));
    }
    for c in &new.clusters {
        if let Some(o) = old.clusters.iter().find(|o| o.name == c.name)
            && o.members != c.members
        {
            out.push(format!("{}: members {} → {}", c.name, o.members.join(", "), c.members.join(", ")));
        }
    }
    let posts = |s: &Scenario| s.posts().map(|(_, _, p)| (p.id.clone(), p.clone())).collect::<BTreeMap<_, _>>();
    let (pa, pb) = (posts(old), posts(new));
    let added = pb.keys().filter(|k| !pa.contains_key(*k)).count();
    let removed = pa.keys().filter(|k| !pb.contains_key(*k)).count();
    let changed = pb.iter().filter(|(k, p)| pa.get(*k).is_some_and(|o| o != *p)).count();
    if added + removed + changed > 0 {
        out.push(format!("Posts: {added} added, {removed} removed, {changed} changed"));
    }
    let (ea, eb) = (people(old), people(new));
    let mut outcome_changes = Vec::new();
    let mut other_changes = 0;
    for (id, p) in &eb {
        if let Some(o) = ea.get(id) {
            if o.outcome != p.outcome {
                outcome_changes.push(format!(
                    "  {} {}: {} → {}",
                    id,
                    p.name.as_deref().unwrap_or(""),
                    describe_outcome(&o.outcome),
                    describe_outcome(&p.outcome)
                ));
            } else if o != p {
                other_changes += 1;
            }
        }
    }
    let joined = eb.keys().filter(|k| !ea.contains_key(*k)).count();
    let left = ea.keys().filter(|k| !eb.contains_key(*k)).count();
    if joined + left > 0 {
        out.push(format!("People: {joined} added, {left} removed"));
    }
    if !outcome_changes.is_empty() {
        out.push(format!("Outcomes changed for {} people:", outcome_changes.len()));
        let more = outcome_changes.len().saturating_sub(EXAMPLES);
        out.extend(outcome_changes.into_iter().take(EXAMPLES));
        if more > 0 {
            out.push(format!("  …and {more} more"));
        }
    }
    if other_changes > 0 {
        out.push(format!("Other details changed for {other_changes} people"));
    }
    if old.organisations != new.organisations {
        out.push("ICB details (non-pay, targets or populations) differ.".to_owned());
    }
    if !out.is_empty() {
        let (so, sn) = (compute(old), compute(new));
        if so.totals.planned != sn.totals.planned {
            out.push(format!(
                "Planned running cost: {} → {}",
                format_pounds(so.totals.planned),
                format_pounds(sn.totals.planned)
            ));
        }
    }
    out
}

fn people(s: &Scenario) -> BTreeMap<&str, &crate::model::Person> {
    s.people.iter().map(|p| (p.id.as_str(), p)).collect()
}

fn describe_outcome(o: &crate::model::Outcome) -> String {
    match o.post() {
        Some(p) => format!("{} {p}", o.kind().label()),
        None => o.kind().label().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Outcome;

    #[test]
    fn the_same_scenario_has_no_differences() {
        let s = crate::examples::lnr_cluster();
        assert!(describe(&s, &s).is_empty());
    }

    #[test]
    fn outcome_changes_are_listed_with_the_new_total() {
        let old = crate::examples::lnr_cluster();
        let mut new = old.clone();
        let i = new.people.iter().position(|p| p.outcome == Outcome::AtRisk).unwrap();
        new.people[i].outcome = Outcome::VoluntaryRedundancy;
        new.clusters[0].name = "Renamed".into();
        let lines = describe(&old, &new);
        assert!(lines.iter().any(|l| l == "Outcomes changed for 1 people:"), "{lines:#?}");
        assert!(lines.iter().any(|l| l.ends_with("At risk → Voluntary redundancy")));
        assert!(lines.iter().any(|l| l == "Cluster added: Renamed"));
        assert!(lines.last().unwrap().starts_with("Planned running cost: £36,626,000 → "));
    }
}
