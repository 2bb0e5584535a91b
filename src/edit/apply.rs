//! Applying each kind of edit: one function each, returning the edit that undoes it, or why
//! it is refused (then the scenario is unchanged).

use chrono::NaiveDate;

use super::edits::PersonDetail;
use super::people_at::{PeopleAt, positions};
use super::{Edit, Refused};
use crate::engine::consultation::Employer;
use crate::model::{
    Apportionment, Cluster, Consultation, Disposition, Merger, Organisation, Outcome, Person, Pool, Post, Scenario,
    Team,
};

fn cluster_mut(s: &mut Scenario, c: usize) -> Result<&mut Cluster, Refused> {
    s.clusters.get_mut(c).ok_or_else(|| Refused("that cluster no longer exists".into()))
}

fn org_mut<'a>(s: &'a mut Scenario, org: &str) -> Result<&'a mut Organisation, Refused> {
    s.organisations.iter_mut().find(|o| o.code == org).ok_or_else(|| Refused(format!("no ICB {org}")))
}

fn team_mut(s: &mut Scenario, c: usize, t: usize) -> Result<&mut Team, Refused> {
    cluster_mut(s, c)?.teams.get_mut(t).ok_or_else(|| Refused("that team no longer exists".into()))
}

/// The outcome (and its date) of the people with these ids; the inverse restores each one's.
pub(super) fn set_outcomes(
    s: &mut Scenario,
    ids: Vec<String>,
    outcome: Outcome,
    effective: Option<NaiveDate>,
    at: Option<&PeopleAt>,
) -> Result<Edit, Refused> {
    if let Some(post) = outcome.post()
        && !s.posts().any(|(_, _, p)| p.id == post)
    {
        return Err(Refused(format!("there is no post {post}")));
    }
    let mut changes = Vec::with_capacity(ids.len());
    for i in named(s, &ids, at) {
        let p = &mut s.people[i];
        changes.push((p.id.clone(), std::mem::replace(&mut p.outcome, outcome.clone()), p.effective));
        p.effective = effective;
    }
    if changes.is_empty() {
        return Err(Refused("no one was selected".into()));
    }
    Ok(Edit::RestoreOutcomes { changes })
}

/// The positions of the people with these ids, in the file's order.
fn named(s: &Scenario, ids: &[String], at: Option<&PeopleAt>) -> Vec<usize> {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    positions(&s.people, &ids, at)
}

/// Each person's own outcome and date back.
pub(super) fn restore_outcomes(
    s: &mut Scenario,
    changes: Vec<(String, Outcome, Option<NaiveDate>)>,
    at: Option<&PeopleAt>,
) -> Result<Edit, Refused> {
    let mut inverse = Vec::with_capacity(changes.len());
    // Each id's outcomes as recorded, in the file's order: two people sharing an id (a
    // finding, but it happens in real staff lists) each get their own back, the first
    // recorded to the first in the file.
    let mut by_id: rustc_hash::FxHashMap<&str, std::collections::VecDeque<(&Outcome, Option<NaiveDate>)>> =
        rustc_hash::FxHashMap::default();
    for (id, o, d) in &changes {
        by_id.entry(id.as_str()).or_default().push_back((o, *d));
    }
    let ids: Vec<&str> = changes.iter().map(|(id, _, _)| id.as_str()).collect();
    for i in positions(&s.people, &ids, at) {
        let p = &mut s.people[i];
        if let Some((o, d)) = by_id.get_mut(p.id.as_str()).and_then(std::collections::VecDeque::pop_front) {
            inverse.push((p.id.clone(), std::mem::replace(&mut p.outcome, o.clone()), p.effective));
            p.effective = d;
        }
    }
    Ok(Edit::RestoreOutcomes { changes: inverse })
}

/// A new, empty cluster with a name no other has.
pub(super) fn add_cluster(s: &mut Scenario, name: String) -> Result<Edit, Refused> {
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err(Refused("a cluster needs a name".into()));
    }
    if s.clusters.iter().any(|c| c.name == name) {
        return Err(Refused(format!("there is already a cluster called \"{name}\"")));
    }
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    s.clusters.push(Cluster {
        merger: None,
        name,
        members: Vec::new(),
        apportionment: Apportionment::Population,
        teams: Vec::new(),
        notes: String::new(),
        consultation: None,
        pools: Vec::new(),
    });
    Ok(inv)
}

/// A cluster's new name, unique.
pub(super) fn rename_cluster(s: &mut Scenario, cluster: usize, name: String) -> Result<Edit, Refused> {
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err(Refused("a cluster needs a name".into()));
    }
    if s.clusters.iter().enumerate().any(|(i, c)| i != cluster && c.name == name) {
        return Err(Refused(format!("there is already a cluster called \"{name}\"")));
    }
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    cluster_mut(s, cluster)?.name = name;
    Ok(inv)
}

/// A cluster gone, with its teams and posts.
pub(super) fn delete_cluster(s: &mut Scenario, cluster: usize) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    if cluster >= s.clusters.len() {
        return Err(Refused("that cluster no longer exists".into()));
    }
    s.clusters.remove(cluster);
    Ok(inv)
}

/// An ICB into a cluster; an ICB is in one cluster at most.
pub(super) fn add_member(s: &mut Scenario, cluster: usize, org: String) -> Result<Edit, Refused> {
    if s.organisation(&org).is_none() {
        return Err(Refused(format!("{org} is not an ICB in this scenario")));
    }
    if let Some(other) = s.clusters.iter().find(|c| c.members.contains(&org)) {
        return Err(Refused(format!("{org} is already in \"{}\"; remove it from there first", other.name)));
    }
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    cluster_mut(s, cluster)?.members.push(org);
    Ok(inv)
}

/// An ICB out of a cluster.
pub(super) fn remove_member(s: &mut Scenario, cluster: usize, org: String) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    let c = cluster_mut(s, cluster)?;
    let before = c.members.len();
    c.members.retain(|m| m != &org);
    if c.members.len() == before {
        return Err(Refused(format!("{org} is not in that cluster")));
    }
    Ok(inv)
}

/// How a cluster splits its posts.
pub(super) fn set_apportionment(s: &mut Scenario, cluster: usize, rule: Apportionment) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    cluster_mut(s, cluster)?.apportionment = rule;
    Ok(inv)
}

/// A new team in a cluster.
pub(super) fn add_team(s: &mut Scenario, cluster: usize, name: String) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    cluster_mut(s, cluster)?.teams.push(Team { name, posts: Vec::new() });
    Ok(inv)
}

/// A team's new name.
pub(super) fn rename_team(s: &mut Scenario, cluster: usize, team: usize, name: String) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    team_mut(s, cluster, team)?.name = name;
    Ok(inv)
}

/// A team gone, with its posts.
pub(super) fn delete_team(s: &mut Scenario, cluster: usize, team: usize) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    let c = cluster_mut(s, cluster)?;
    if team >= c.teams.len() {
        return Err(Refused("that team no longer exists".into()));
    }
    c.teams.remove(team);
    Ok(inv)
}

/// A new post in a team, with an id no other post has.
pub(super) fn add_post(s: &mut Scenario, cluster: usize, team: usize, post: Post) -> Result<Edit, Refused> {
    post.wte.at_most_full_time().map_err(Refused)?;
    if s.posts().any(|(_, _, p)| p.id == post.id) {
        return Err(Refused(format!("there is already a post {}", post.id)));
    }
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    team_mut(s, cluster, team)?.posts.push(post);
    Ok(inv)
}

/// A post changed; its id stays unique.
pub(super) fn update_post(
    s: &mut Scenario,
    cluster: usize,
    team: usize,
    index: usize,
    post: Post,
) -> Result<Edit, Refused> {
    post.wte.at_most_full_time().map_err(Refused)?;
    if s.posts().any(|(_, _, p)| p.id == post.id)
        && s.clusters
            .get(cluster)
            .and_then(|c| c.teams.get(team))
            .and_then(|t| t.posts.get(index))
            .is_none_or(|p| p.id != post.id)
    {
        return Err(Refused(format!("there is already a post {}", post.id)));
    }
    let slot =
        team_mut(s, cluster, team)?.posts.get_mut(index).ok_or_else(|| Refused("that post no longer exists".into()))?;
    // Keeping its id (a change of title, pay, WTE, ...), the post as it was is the inverse,
    // and undoing it is updated in place too; otherwise (or when the post as it was could
    // not be put back by this edit: over 1 WTE, from a file) a copy of the clusters.
    if slot.id == post.id && slot.wte.0 <= crate::model::money::Wte::SCALE {
        let was = std::mem::replace(slot, post);
        return Ok(Edit::UpdatePost { cluster, team, index, post: was });
    }
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    let slot =
        team_mut(s, cluster, team)?.posts.get_mut(index).ok_or_else(|| Refused("that post no longer exists".into()))?;
    *slot = post;
    Ok(inv)
}

/// A post gone.
pub(super) fn delete_post(s: &mut Scenario, cluster: usize, team: usize, index: usize) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    let t = team_mut(s, cluster, team)?;
    if index >= t.posts.len() {
        return Err(Refused("that post no longer exists".into()));
    }
    t.posts.remove(index);
    Ok(inv)
}

/// What happens to a function, and when.
pub(super) fn set_disposition(
    s: &mut Scenario,
    function: usize,
    disposition: Disposition,
    date: Option<NaiveDate>,
) -> Result<Edit, Refused> {
    let f = s.functions.get_mut(function).ok_or_else(|| Refused("that function no longer exists".into()))?;
    let inv = Edit::SetDisposition { function, disposition: f.disposition, date: f.date };
    f.disposition = disposition;
    f.date = date;
    Ok(inv)
}

/// An ICB's baseline and planned non-pay; neither negative.
pub(super) fn set_non_pay(
    s: &mut Scenario,
    org: String,
    baseline_pence: i64,
    planned_pence: Option<i64>,
) -> Result<Edit, Refused> {
    if baseline_pence < 0 || planned_pence.is_some_and(|p| p < 0) {
        return Err(Refused("non-pay cannot be negative".into()));
    }
    let o = org_mut(s, &org)?;
    let inv = Edit::SetNonPay { org, baseline_pence: o.baseline_non_pay_pence, planned_pence: o.planned_non_pay_pence };
    o.baseline_non_pay_pence = baseline_pence;
    o.planned_non_pay_pence = planned_pence;
    Ok(inv)
}

/// An ICB's explicit target and its reason, or back to the envelope.
pub(super) fn set_target(
    s: &mut Scenario,
    org: String,
    target_pence: Option<i64>,
    note: String,
) -> Result<Edit, Refused> {
    if target_pence.is_some_and(|p| p < 0) {
        return Err(Refused("a target cannot be negative".into()));
    }
    let o = org_mut(s, &org)?;
    let inv = Edit::SetTarget { org, target_pence: o.target_override_pence, note: std::mem::take(&mut o.target_note) };
    o.target_override_pence = target_pence;
    o.target_note = note;
    Ok(inv)
}

/// The whole list of people (an import).
pub(super) fn replace_people(s: &mut Scenario, people: Vec<Person>, what: String) -> Result<Edit, Refused> {
    Ok(Edit::ReplacePeople { people: std::mem::replace(&mut s.people, people), what })
}

/// An ICB's population and its basis.
pub(super) fn set_population(
    s: &mut Scenario,
    org: String,
    population: Option<u64>,
    basis: String,
    weighted: Option<u64>,
) -> Result<Edit, Refused> {
    let o = org_mut(s, &org)?;
    let inv = Edit::SetPopulation {
        org,
        population: o.population,
        basis: std::mem::take(&mut o.population_basis),
        weighted: o.weighted_population,
    };
    o.population = population;
    o.population_basis = basis;
    o.weighted_population = weighted;
    Ok(inv)
}

/// An ICB's running cost allowance (the 2026/27 ones were not published: typed in).
pub(super) fn set_allowance(s: &mut Scenario, org: String, allowance_pence: Option<i64>) -> Result<Edit, Refused> {
    let o = org_mut(s, &org)?;
    let inv = Edit::SetAllowance { org, allowance_pence: o.running_cost_allowance_pence };
    o.running_cost_allowance_pence = allowance_pence;
    Ok(inv)
}

/// A cluster made a merged ICB from a date, or a cluster again. Its teams, posts and
/// members carry over unchanged.
pub(super) fn set_merger(s: &mut Scenario, cluster: usize, merger: Option<Merger>) -> Result<Edit, Refused> {
    if let Some(m) = &merger
        && m.name.trim().is_empty()
    {
        return Err(Refused("a merged ICB needs a name".into()));
    }
    let c = cluster_mut(s, cluster)?;
    let inv = Edit::SetMerger { cluster, merger: c.merger.clone() };
    c.merger = merger;
    Ok(inv)
}

/// An ICB in no cluster chosen to be in the plan's scope, or not.
pub(super) fn set_in_scope(s: &mut Scenario, org: String, in_scope: bool) -> Result<Edit, Refused> {
    let o = org_mut(s, &org)?;
    let inv = Edit::SetInScope { org, in_scope: o.in_scope };
    o.in_scope = in_scope;
    Ok(inv)
}

/// When the outcomes of these people take effect; the inverse restores each one's.
pub(super) fn set_dates(
    s: &mut Scenario,
    ids: Vec<String>,
    effective: Option<NaiveDate>,
    at: Option<&PeopleAt>,
) -> Result<Edit, Refused> {
    let mut changes = Vec::with_capacity(ids.len());
    for i in named(s, &ids, at) {
        let p = &mut s.people[i];
        changes.push((p.id.clone(), p.outcome.clone(), std::mem::replace(&mut p.effective, effective)));
    }
    if changes.is_empty() {
        return Err(Refused("no one was selected".into()));
    }
    Ok(Edit::RestoreOutcomes { changes })
}

/// A post moved to the end of another team of its cluster.
pub(super) fn move_post(
    s: &mut Scenario,
    cluster: usize,
    team: usize,
    index: usize,
    to_team: usize,
) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    let c = cluster_mut(s, cluster)?;
    if to_team >= c.teams.len() {
        return Err(Refused("that team no longer exists".into()));
    }
    let from = c.teams.get_mut(team).ok_or_else(|| Refused("that team no longer exists".into()))?;
    if index >= from.posts.len() {
        return Err(Refused("that post no longer exists".into()));
    }
    let post = from.posts.remove(index);
    c.teams[to_team].posts.push(post);
    Ok(inv)
}

/// The first person of each id, by place.
fn places(s: &Scenario, ids: &[String]) -> Vec<usize> {
    let wanted: rustc_hash::FxHashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut seen = rustc_hash::FxHashSet::default();
    s.people
        .iter()
        .enumerate()
        .filter(|(_, p)| wanted.contains(p.id.as_str()) && seen.insert(p.id.as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// A site, reason or offer set for some people; the inverse puts their records back.
pub(super) fn set_people_detail(s: &mut Scenario, ids: &[String], detail: &PersonDetail) -> Result<Edit, Refused> {
    let at = places(s, ids);
    if at.is_empty() {
        return Err(Refused("none of these people is in the plan".into()));
    }
    if let PersonDetail::Site(Some(site)) = detail
        && site.trim().is_empty()
    {
        return Err(Refused("a site needs a name".into()));
    }
    let before: Vec<Person> = at.iter().map(|&i| s.people[i].clone()).collect();
    // One copy of the site for all of them (a long name is shared, as a file read shares it).
    let site: Option<crate::model::Code> = match detail {
        PersonDetail::Site(site) => site.as_ref().map(|x| x.trim().into()),
        _ => None,
    };
    for &i in &at {
        let p = &mut s.people[i];
        match detail {
            PersonDetail::Site(_) => p.site.clone_from(&site),
            PersonDetail::Reason(r) => p.reason = r.trim().to_owned(),
            PersonDetail::Offer(o) => p.offer = o.clone().map(Box::new),
        }
    }
    Ok(Edit::RestorePeople(before))
}

/// People's records put back as they were, by id; the inverse is the records as they are.
pub(super) fn restore_people(s: &mut Scenario, list: Vec<Person>) -> Result<Edit, Refused> {
    let ids: Vec<String> = list.iter().map(|p| p.id.clone()).collect();
    let at = places(s, &ids);
    if at.len() != list.len() {
        return Err(Refused("some of these people are no longer in the plan".into()));
    }
    let mut now = Vec::with_capacity(list.len());
    for p in list {
        let Some(&i) = at.iter().find(|&&i| s.people[i].id == p.id) else { continue };
        now.push(std::mem::replace(&mut s.people[i], p));
    }
    Ok(Edit::RestorePeople(now))
}

/// An employer's consultation recorded, changed or cleared.
pub(super) fn set_consultation(
    s: &mut Scenario,
    employer: &Employer,
    consultation: Option<Consultation>,
) -> Result<Edit, Refused> {
    if let Some(c) = &consultation
        && let Some(hr1) = c.hr1
        && hr1 > crate::engine::consultation::plus(c.start, 3650)
    {
        return Err(Refused(format!("HR1 on {hr1} is years after the consultation starts")));
    }
    let slot = match employer {
        Employer::Icb(code) => {
            &mut s
                .organisations
                .iter_mut()
                .find(|o| &o.code == code)
                .ok_or_else(|| Refused(format!("{code} is not an ICB of the plan")))?
                .consultation
        }
        Employer::Merged(ci) => {
            let c = s.clusters.get_mut(*ci).ok_or_else(|| Refused("no such cluster".into()))?;
            if c.merger.is_none() {
                return Err(Refused(format!("{} is a cluster, not a merged ICB: each of its ICBs consults", c.name)));
            }
            &mut c.consultation
        }
    };
    let before = std::mem::replace(slot, consultation);
    Ok(Edit::SetConsultation { employer: employer.clone(), consultation: before })
}

/// A selection pool added, changed or deleted. Its posts must be posts of the cluster's
/// teams; the inverse puts the clusters back as they were.
pub(super) fn set_pool(s: &mut Scenario, cluster: usize, index: usize, pool: Option<Pool>) -> Result<Edit, Refused> {
    let inv = Edit::ReplaceClusters(s.clusters.clone());
    let c = cluster_mut(s, cluster)?;
    match pool {
        Some(p) => {
            if p.name.trim().is_empty() {
                return Err(Refused("a selection pool needs a name".into()));
            }
            if p.posts.is_empty() {
                return Err(Refused("a selection pool needs at least one post".into()));
            }
            let here: rustc_hash::FxHashSet<&str> =
                c.teams.iter().flat_map(|t| t.posts.iter().map(|q| q.id.as_str())).collect();
            if let Some(missing) = p.posts.iter().find(|id| !here.contains(id.as_str())) {
                return Err(Refused(format!("{missing} is not a post of {}", c.name)));
            }
            match index.cmp(&c.pools.len()) {
                std::cmp::Ordering::Less => c.pools[index] = p,
                std::cmp::Ordering::Equal => c.pools.push(p),
                std::cmp::Ordering::Greater => return Err(Refused("no such selection pool".into())),
            }
        }
        None if index < c.pools.len() => {
            c.pools.remove(index);
        }
        None => return Err(Refused("no such selection pool".into())),
    }
    Ok(inv)
}

/// Several edits as one step: each applied in turn; if one is refused, those already
/// applied are undone and the scenario is as it was.
pub(super) fn batch(s: &mut Scenario, label: String, edits: Vec<Edit>) -> Result<Edit, Refused> {
    let mut inverses = Vec::with_capacity(edits.len());
    for e in edits {
        match e.apply(s) {
            Ok(inv) => inverses.push(inv),
            Err(why) => {
                for inv in inverses.into_iter().rev() {
                    let _ = inv.apply(s);
                }
                return Err(why);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch { label, edits: inverses })
}
