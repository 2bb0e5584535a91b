//! Checks of each cluster: its name, its members, and how it shares its posts.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Severity::{Error, Info, Warning};
use super::{Context, Findings, Subject};
use crate::model::money::Rate;
use crate::model::{Apportionment, Cluster, Share};

pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    let mut member_of: HashMap<&str, &str> = HashMap::default();
    let mut names = HashSet::default();
    for c in &cx.s.clusters {
        name_is_unique(c, &mut names, out);
        has_members(c, out);
        members_are_known_and_once(cx, c, &mut member_of, out);
        match &c.apportionment {
            Apportionment::Custom(shares) => custom_shares_add_up(c, shares, out),
            Apportionment::Population => populations_known_for_shares(cx, c, out),
            Apportionment::Equal => {}
        }
        if let Some(m) = &c.merger {
            merged_icb_serves_enough_people(cx, c, out);
            merger_by_target_date(cx, c, m, out);
        }
    }
}

/// A merged ICB should serve at least the population NHS England proposed (a setting:
/// 1.5 million by default), on the basis in use.
fn merged_icb_serves_enough_people(cx: &Context<'_>, c: &Cluster, out: &mut Findings) {
    out.kind = "Merged ICBs";
    let a = &cx.s.assumptions;
    let basis = a.population_basis;
    let mut known = Vec::new();
    for m in &c.members {
        let Some(&i) = cx.ix.orgs.get(m.as_str()) else { continue };
        if !known.contains(&i) {
            known.push(i);
        }
    }
    let pops: Option<Vec<u64>> = known.iter().map(|i| cx.s.organisations[*i].population_on(basis)).collect();
    let Some(pops) = pops else { return }; // a missing population is reported on its ICB
    let total: u64 = pops.iter().sum();
    let least = u64::from(a.merged_icb_min_population);
    if total < least {
        let count = |n: u64| crate::model::money::format_count(usize::try_from(n).unwrap_or(usize::MAX));
        out.push(
            Warning,
            subject(c),
            format!(
                "the merged ICB would serve {} people ({}), under the {} a merged ICB should serve",
                count(total),
                basis.label(),
                count(least)
            ),
        );
    }
}

/// A merger after the target date is not in the figures at the target date.
fn merger_by_target_date(cx: &Context<'_>, c: &Cluster, m: &crate::model::Merger, out: &mut Findings) {
    out.kind = "Merged ICBs";
    let target = cx.s.assumptions.target_date;
    if m.from > target {
        out.push(
            Info,
            subject(c),
            format!(
                "merges on {}, after the target date ({}): the figures at the target date are the cluster's",
                m.from.format("%-d %B %Y"),
                target.format("%-d %B %Y")
            ),
        );
    }
    if m.name.trim().is_empty() {
        out.push(Warning, subject(c), "the merged ICB has no name".into());
    }
}

fn subject(c: &Cluster) -> Subject {
    Subject::Cluster(c.name.clone())
}

fn name_is_unique<'a>(c: &'a Cluster, names: &mut HashSet<&'a str>, out: &mut Findings) {
    out.kind = "Cluster names";
    if !names.insert(c.name.as_str()) {
        out.push(Error, subject(c), "two clusters have this name".into());
    }
}

fn has_members(c: &Cluster, out: &mut Findings) {
    out.kind = "Cluster members";
    if c.members.is_empty() {
        let sev = if c.teams.iter().any(|t| !t.posts.is_empty()) { Error } else { Warning };
        out.push(sev, subject(c), "the cluster has no member ICBs, so its posts are not charged to anyone".into());
    }
}

/// Every member is an ICB of the scenario, listed once, and in no other cluster.
fn members_are_known_and_once<'a>(
    cx: &Context<'_>,
    c: &'a Cluster,
    member_of: &mut HashMap<&'a str, &'a str>,
    out: &mut Findings,
) {
    out.kind = "Cluster members";
    let mut here = HashSet::default();
    for m in &c.members {
        if !cx.ix.orgs.contains_key(m.as_str()) {
            out.push(Error, subject(c), format!("member {m} is not an ICB in this scenario"));
        }
        if !here.insert(m.as_str()) {
            out.push(Error, subject(c), format!("{m} is listed twice"));
        } else if let Some(other) = member_of.insert(m.as_str(), c.name.as_str()) {
            out.push(
                Error,
                Subject::Organisation(m.clone()),
                format!("is in two clusters: \"{other}\" and \"{}\"", c.name),
            );
        }
    }
}

/// Custom shares add up to 100%, only for members, and every member has one.
fn custom_shares_add_up(c: &Cluster, shares: &[Share], out: &mut Findings) {
    out.kind = "Custom shares";
    let sum: u64 = shares.iter().map(|sh| u64::from(sh.percent.0)).sum();
    if sum != 10_000 {
        out.push(
            Error,
            subject(c),
            format!("custom shares add up to {}, not 100%", Rate(u32::try_from(sum).unwrap_or(u32::MAX))),
        );
    }
    for sh in shares {
        if !c.members.contains(&sh.org) {
            out.push(Error, subject(c), format!("a custom share is set for {}, which is not a member", sh.org));
        }
    }
    for m in &c.members {
        if !shares.iter().any(|sh| &sh.org == m) {
            out.push(Warning, subject(c), format!("member {m} has no custom share, so pays nothing for shared posts"));
        }
    }
}

fn populations_known_for_shares(cx: &Context<'_>, c: &Cluster, out: &mut Findings) {
    out.kind = "Shares by population";
    let missing: Vec<&str> = c
        .members
        .iter()
        .filter(|m| {
            cx.ix
                .orgs
                .get(m.as_str())
                .is_some_and(|i| cx.s.organisations[*i].population_on(cx.s.assumptions.population_basis).is_none())
        })
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        out.push(
            Warning,
            subject(c),
            format!(
                "shares by population need every member's population ({} missing): equal shares are used",
                missing.join(", ")
            ),
        );
    }
}
