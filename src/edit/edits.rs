//! Every change to a scenario is an [`Edit`]. Menus, buttons, drags, shortcuts and tests all
//! send edits; [`History`] applies them, keeps the inverse of each for undo and redo, and
//! labels each step ("Assign 3 people to Chief Finance Officer"). No user interface here.

use chrono::NaiveDate;

use super::apply;
use super::people_at::PeopleAt;
use crate::engine::consultation::Employer;
use crate::files::import::{Plan, Prepared};
use crate::model::money::format_count;
use crate::model::{
    AlternativeOffer, Apportionment, Assumptions, Cluster, Consultation, Disposition, Merger, Outcome, Person, Pool,
    Post, Scenario, Selection,
};

/// One change, as the user thinks of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Sets the outcome (and its effective date) of the people with these ids.
    SetOutcomes {
        ids: Vec<String>,
        outcome: Outcome,
        effective: Option<NaiveDate>,
    },
    /// Sets when the outcomes of these people take effect, keeping the outcomes.
    SetDates {
        ids: Vec<String>,
        effective: Option<NaiveDate>,
    },
    /// Restores individual outcomes (the inverse of `SetOutcomes`).
    RestoreOutcomes {
        changes: Vec<(String, Outcome, Option<NaiveDate>)>,
    },
    AddCluster {
        name: String,
    },
    RenameCluster {
        cluster: usize,
        name: String,
    },
    DeleteCluster {
        cluster: usize,
    },
    AddMember {
        cluster: usize,
        org: String,
    },
    RemoveMember {
        cluster: usize,
        org: String,
    },
    SetApportionment {
        cluster: usize,
        rule: Apportionment,
    },
    AddTeam {
        cluster: usize,
        name: String,
    },
    RenameTeam {
        cluster: usize,
        team: usize,
        name: String,
    },
    DeleteTeam {
        cluster: usize,
        team: usize,
    },
    AddPost {
        cluster: usize,
        team: usize,
        post: Post,
    },
    UpdatePost {
        cluster: usize,
        team: usize,
        index: usize,
        post: Post,
    },
    DeletePost {
        cluster: usize,
        team: usize,
        index: usize,
    },
    /// Moves a post to the end of another team of its cluster.
    MovePost {
        cluster: usize,
        team: usize,
        index: usize,
        to_team: usize,
    },
    SetDisposition {
        function: usize,
        disposition: Disposition,
        date: Option<NaiveDate>,
    },
    SetAssumptions(Box<Assumptions>),
    /// The plan's name, the financial year it plans, and its notes.
    SetDetails {
        name: String,
        year: String,
        notes: String,
    },
    SetNonPay {
        org: String,
        baseline_pence: i64,
        planned_pence: Option<i64>,
    },
    /// An ICB's registered and weighted populations, and what they are (their year and source).
    SetPopulation {
        org: String,
        population: Option<u64>,
        basis: String,
        weighted: Option<u64>,
    },
    /// An ICB's running cost allowance (for reference: not used in the gap).
    SetAllowance {
        org: String,
        allowance_pence: Option<i64>,
    },
    /// Makes a cluster a merged ICB from a date (or a cluster again, with `None`).
    SetMerger {
        cluster: usize,
        merger: Option<Merger>,
    },
    /// Puts an ICB in no cluster in the plan's scope, or takes it out.
    SetInScope {
        org: String,
        in_scope: bool,
    },
    SetTarget {
        org: String,
        target_pence: Option<i64>,
        note: String,
    },
    /// Sets a detail of the people with these ids: their site, the reason for their outcome,
    /// or an offer of suitable alternative employment.
    SetPeopleDetail {
        ids: Vec<String>,
        detail: PersonDetail,
    },
    /// Puts people's records back as they were, by id (the inverse of `SetPeopleDetail`).
    RestorePeople(Vec<Person>),
    /// The sites an ICB lists (each an establishment for collective consultation).
    SetSites {
        org: String,
        sites: Vec<String>,
    },
    /// An employer's collective consultation: an ICB's, or a merged ICB's (by its cluster).
    SetConsultation {
        employer: Employer,
        consultation: Option<Consultation>,
    },
    /// Adds a selection pool to a cluster (`index`: its number of pools), changes one, or
    /// (`None`) deletes it.
    SetPool {
        cluster: usize,
        index: usize,
        pool: Option<Pool>,
    },
    /// Several edits as one step: all applied, or (one refused) none.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
    /// Replaces all clusters at once (the inverse of any cluster, team or post edit).
    ReplaceClusters(Vec<Cluster>),
    /// Replaces the whole list of people (an import, and its inverse). `what` is the label:
    /// "import 530 people from esr-llr.csv".
    ReplacePeople {
        people: Vec<Person>,
        what: String,
    },
}

/// A detail of a person that is not an outcome or a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonDetail {
    /// The site the person is based at (`None`: not recorded).
    Site(Option<String>),
    /// Why their outcome was decided (empty: none recorded).
    Reason(String),
    /// An offer of suitable alternative employment, and whether it was refused.
    Offer(Option<AlternativeOffer>),
}

/// Why an edit could not be applied (the scenario is unchanged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Edit {
    /// Changes only ICBs' own figures (populations, non-pay, targets set by hand,
    /// allowances, whether an ICB in no cluster is in scope) or the plan's name, year and
    /// notes: nothing a person, post, cluster, assumption or ICB code holds, so the figures
    /// can be closed again from each ICB's kept parts (`engine::update_organisations`).
    #[must_use]
    pub fn changes_icb_figures_only(&self) -> bool {
        matches!(
            self,
            Edit::SetNonPay { .. }
                | Edit::SetPopulation { .. }
                | Edit::SetAllowance { .. }
                | Edit::SetTarget { .. }
                | Edit::SetInScope { .. }
                | Edit::SetDetails { .. }
        )
    }

    /// Whether the edit may change a figure a person's record holds (salary, service): only
    /// then is every person read for a figure out of range after it. Every kind is named, so
    /// a new kind of edit has to say.
    #[must_use]
    pub fn may_change_people_figures(&self) -> bool {
        match self {
            Edit::RestorePeople(_) | Edit::ReplacePeople { .. } => true,
            Edit::Batch { edits, .. } => edits.iter().any(Edit::may_change_people_figures),
            Edit::SetOutcomes { .. }
            | Edit::SetDates { .. }
            | Edit::RestoreOutcomes { .. }
            | Edit::SetPeopleDetail { .. }
            | Edit::AddCluster { .. }
            | Edit::RenameCluster { .. }
            | Edit::DeleteCluster { .. }
            | Edit::AddMember { .. }
            | Edit::RemoveMember { .. }
            | Edit::SetApportionment { .. }
            | Edit::AddTeam { .. }
            | Edit::RenameTeam { .. }
            | Edit::DeleteTeam { .. }
            | Edit::AddPost { .. }
            | Edit::UpdatePost { .. }
            | Edit::DeletePost { .. }
            | Edit::MovePost { .. }
            | Edit::SetDisposition { .. }
            | Edit::SetAssumptions(_)
            | Edit::SetDetails { .. }
            | Edit::SetNonPay { .. }
            | Edit::SetPopulation { .. }
            | Edit::SetAllowance { .. }
            | Edit::SetMerger { .. }
            | Edit::SetInScope { .. }
            | Edit::SetTarget { .. }
            | Edit::SetSites { .. }
            | Edit::SetConsultation { .. }
            | Edit::SetPool { .. }
            | Edit::ReplaceClusters(_) => false,
        }
    }

    /// An import of a staff list (the window's dialog and the command line alike): the
    /// people the plan keeps, and the words for the status bar.
    #[must_use]
    pub fn import(file: &str, prepared: &Prepared, plan: &Plan) -> (Edit, String) {
        let n = format_count(prepared.people.len());
        let what = format!("import {n} people from {file}");
        let notice = format!("Imported {n} people from {file}: {}", plan.headline());
        (Edit::ReplacePeople { people: plan.people.clone(), what }, notice)
    }

    /// A label for the Edit menu: "Assign 3 people to Chief Finance Officer".
    #[must_use]
    pub fn label(&self, s: &Scenario) -> String {
        let cluster =
            |c: &usize| s.clusters.get(*c).map_or_else(|| "cluster".to_owned(), |c| format!("\"{}\"", c.name));
        let people = |n: usize| {
            if n == 1 { "1 person".to_owned() } else { format!("{n} people") }
        };
        let post_title = |id: &str| {
            s.posts().find(|(_, _, p)| p.id == id).map_or_else(|| id.to_owned(), |(_, _, p)| p.title.clone())
        };
        match self {
            Edit::SetOutcomes { ids, outcome, .. } => match outcome {
                Outcome::SlottedInto(p) | Outcome::AppointedTo(p) => {
                    format!("assign {} to {}", people(ids.len()), post_title(p))
                }
                Outcome::RingFencedFor(p) => {
                    format!("ring-fence {} for {}", people(ids.len()), post_title(p))
                }
                o => format!("set {} to {}", people(ids.len()), o.kind().label().to_lowercase()),
            },
            Edit::SetDates { ids, effective } => {
                let when =
                    effective.map_or_else(|| "the target date".to_owned(), |d| d.format("%-d %B %Y").to_string());
                format!("set the date of {} to {when}", people(ids.len()))
            }
            Edit::RestoreOutcomes { changes } => {
                format!("restore the outcomes of {}", people(changes.len()))
            }
            Edit::AddCluster { name } => format!("add cluster \"{name}\""),
            Edit::RenameCluster { cluster: c, name } => {
                format!("rename {} to \"{name}\"", cluster(c))
            }
            Edit::DeleteCluster { cluster: c } => format!("delete {}", cluster(c)),
            Edit::AddMember { cluster: c, org } => format!("add {org} to {}", cluster(c)),
            Edit::RemoveMember { cluster: c, org } => format!("remove {org} from {}", cluster(c)),
            Edit::SetApportionment { cluster: c, .. } => {
                format!("change how {} shares posts", cluster(c))
            }
            Edit::AddTeam { name, .. } => format!("add team \"{name}\""),
            Edit::RenameTeam { name, .. } => format!("rename team to \"{name}\""),
            Edit::DeleteTeam { .. } => "delete team".to_owned(),
            Edit::AddPost { post, .. } => format!("add post \"{}\"", post.title),
            Edit::UpdatePost { post, .. } => format!("change post \"{}\"", post.title),
            Edit::DeletePost { .. } => "delete post".to_owned(),
            Edit::MovePost { cluster: c, to_team, .. } => format!(
                "move a post to \"{}\"",
                s.clusters.get(*c).and_then(|c| c.teams.get(*to_team)).map_or("another team", |t| t.name.as_str())
            ),
            Edit::SetDisposition { function, disposition, .. } => format!(
                "set \"{}\" to {}",
                s.functions.get(*function).map_or("function", |f| f.name.as_str()),
                disposition.label().to_lowercase()
            ),
            Edit::SetAssumptions(_) => "change assumptions".to_owned(),
            Edit::SetDetails { .. } => "change the plan's name, year or notes".to_owned(),
            Edit::SetNonPay { org, .. } => format!("change non-pay of {org}"),
            Edit::SetTarget { org, .. } => format!("change the target of {org}"),
            Edit::SetPopulation { org, .. } => format!("change the population of {org}"),
            Edit::SetAllowance { org, .. } => format!("change the running cost allowance of {org}"),
            Edit::SetMerger { cluster: c, merger: Some(m) } => {
                format!("make {} a merged ICB from {}", cluster(c), m.from.format("%-d %B %Y"))
            }
            Edit::SetMerger { cluster: c, merger: None } => format!("make {} a cluster again", cluster(c)),
            Edit::SetInScope { org, in_scope: true } => format!("bring {org} into the plan's scope"),
            Edit::SetInScope { org, in_scope: false } => format!("take {org} out of the plan's scope"),
            Edit::SetPeopleDetail { ids, detail } => match detail {
                PersonDetail::Site(Some(site)) => format!("set the site of {} to {site}", people(ids.len())),
                PersonDetail::Site(None) => format!("clear the site of {}", people(ids.len())),
                PersonDetail::Reason(_) => format!("record the reason for {}", people(ids.len())),
                PersonDetail::Offer(Some(o)) if o.refused => {
                    format!("record that {} refused {}", people(ids.len()), o.post)
                }
                PersonDetail::Offer(Some(o)) => format!("offer {} to {}", o.post, people(ids.len())),
                PersonDetail::Offer(None) => format!("clear the offer to {}", people(ids.len())),
            },
            Edit::RestorePeople(list) => format!("restore the details of {}", people(list.len())),
            Edit::SetSites { org, sites } => format!("set the sites of {org} ({})", sites.len()),
            Edit::SetConsultation { employer, consultation } => {
                let who = crate::engine::consultation::employer_name(s, employer);
                match consultation {
                    Some(c) => format!("consult at {who} from {}", c.start.format("%-d %B %Y")),
                    None => format!("clear the consultation of {who}"),
                }
            }
            Edit::SetPool { pool: Some(p), .. } => format!("set the selection pool \"{}\"", p.name),
            Edit::SetPool { .. } => "delete a selection pool".to_owned(),
            Edit::Batch { label, .. } => label.clone(),
            Edit::ReplaceClusters(_) => "change clusters".to_owned(),
            Edit::ReplacePeople { what, .. } => what.clone(),
        }
    }

    /// Applies the edit and returns its inverse. On refusal the scenario is unchanged. Each
    /// kind of edit is one function in `apply.rs`.
    pub fn apply(self, s: &mut Scenario) -> Result<Edit, Refused> {
        self.apply_at(s, None)
    }

    /// [`Edit::apply`], finding the people an edit of outcomes names through `at` (where
    /// each person is, by id) when it is given.
    pub fn apply_at(self, s: &mut Scenario, at: Option<&PeopleAt>) -> Result<Edit, Refused> {
        match self {
            Edit::SetOutcomes { ids, outcome, effective } => apply::set_outcomes(s, ids, outcome, effective, at),
            Edit::RestoreOutcomes { changes } => apply::restore_outcomes(s, changes, at),
            Edit::AddCluster { name } => apply::add_cluster(s, name),
            Edit::RenameCluster { cluster, name } => apply::rename_cluster(s, cluster, name),
            Edit::DeleteCluster { cluster } => apply::delete_cluster(s, cluster),
            Edit::AddMember { cluster, org } => apply::add_member(s, cluster, org),
            Edit::RemoveMember { cluster, org } => apply::remove_member(s, cluster, org),
            Edit::SetApportionment { cluster, rule } => apply::set_apportionment(s, cluster, rule),
            Edit::AddTeam { cluster, name } => apply::add_team(s, cluster, name),
            Edit::RenameTeam { cluster, team, name } => apply::rename_team(s, cluster, team, name),
            Edit::DeleteTeam { cluster, team } => apply::delete_team(s, cluster, team),
            Edit::AddPost { cluster, team, post } => apply::add_post(s, cluster, team, post),
            Edit::UpdatePost { cluster, team, index, post } => apply::update_post(s, cluster, team, index, post),
            Edit::DeletePost { cluster, team, index } => apply::delete_post(s, cluster, team, index),
            Edit::SetDisposition { function, disposition, date } => {
                apply::set_disposition(s, function, disposition, date)
            }
            Edit::SetAssumptions(a) => Ok(Edit::SetAssumptions(Box::new(std::mem::replace(&mut s.assumptions, *a)))),
            Edit::SetNonPay { org, baseline_pence, planned_pence } => {
                apply::set_non_pay(s, org, baseline_pence, planned_pence)
            }
            Edit::SetTarget { org, target_pence, note } => apply::set_target(s, org, target_pence, note),
            Edit::SetDates { ids, effective } => apply::set_dates(s, ids, effective, at),
            Edit::SetDetails { name, year, notes } => {
                if name.trim().is_empty() {
                    return Err(Refused("a plan needs a name".into()));
                }
                let inv = Edit::SetDetails {
                    name: std::mem::replace(&mut s.name, name),
                    year: std::mem::replace(&mut s.year, year),
                    notes: std::mem::replace(&mut s.notes, notes),
                };
                Ok(inv)
            }
            Edit::MovePost { cluster, team, index, to_team } => apply::move_post(s, cluster, team, index, to_team),
            Edit::SetPopulation { org, population, basis, weighted } => {
                apply::set_population(s, org, population, basis, weighted)
            }
            Edit::SetAllowance { org, allowance_pence } => apply::set_allowance(s, org, allowance_pence),
            Edit::SetMerger { cluster, merger } => apply::set_merger(s, cluster, merger),
            Edit::SetInScope { org, in_scope } => apply::set_in_scope(s, org, in_scope),
            Edit::SetPeopleDetail { ids, detail } => apply::set_people_detail(s, &ids, &detail),
            Edit::RestorePeople(list) => apply::restore_people(s, list),
            Edit::SetConsultation { employer, consultation } => apply::set_consultation(s, &employer, consultation),
            Edit::SetSites { org, sites } => {
                let sites: Vec<String> = sites.iter().map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect();
                let o = s
                    .organisations
                    .iter_mut()
                    .find(|o| o.code == org)
                    .ok_or_else(|| Refused(format!("{org} is not an ICB of the plan")))?;
                Ok(Edit::SetSites { sites: std::mem::replace(&mut o.sites, sites), org })
            }
            Edit::SetPool { cluster, index, pool } => apply::set_pool(s, cluster, index, pool),
            Edit::Batch { label, edits } => apply::batch(s, label, edits),
            Edit::ReplaceClusters(clusters) => Ok(Edit::ReplaceClusters(std::mem::replace(&mut s.clusters, clusters))),
            Edit::ReplacePeople { people, what } => apply::replace_people(s, people, what),
        }
    }
}

/// A selection pool's candidates and their results, as edits of one step each: the pool
/// changed and each person's outcome with it (ring-fenced while pending, appointed, or at
/// risk when not appointed or withdrawn), their dates kept.
impl Edit {
    /// Adds these people to pool `index` of `cluster` as candidates (pending: ring-fenced for
    /// its first post). People already in it are left as they are.
    #[must_use]
    pub fn add_candidates(s: &Scenario, cluster: usize, index: usize, ids: &[String]) -> Option<Edit> {
        let pool = s.clusters.get(cluster)?.pools.get(index)?;
        let first = pool.posts.first()?;
        let mut next = pool.clone();
        let new: Vec<String> =
            ids.iter().filter(|id| !pool.candidates.iter().any(|c| &c.person == *id)).cloned().collect();
        if new.is_empty() {
            return None;
        }
        next.candidates
            .extend(new.iter().map(|id| crate::model::Candidate { person: id.clone(), result: Selection::Pending }));
        Some(Edit::Batch {
            label: format!("add {} to the pool \"{}\"", format_count(new.len()), pool.name),
            edits: vec![
                Edit::SetPool { cluster, index, pool: Some(next) },
                Edit::SetOutcomes { ids: new, outcome: Outcome::RingFencedFor(first.as_str().into()), effective: None },
            ],
        })
    }

    /// Records how the selection went for one candidate of pool `index` of `cluster`.
    #[must_use]
    pub fn record_selection(
        s: &Scenario,
        cluster: usize,
        index: usize,
        person: &str,
        result: Selection,
    ) -> Option<Edit> {
        let pool = s.clusters.get(cluster)?.pools.get(index)?;
        let first = pool.posts.first()?;
        let mut next = pool.clone();
        let c = next.candidates.iter_mut().find(|c| c.person == person)?;
        c.result = result.clone();
        let effective = s.people.iter().find(|p| p.id == person).and_then(|p| p.effective);
        Some(Edit::Batch {
            label: format!("record {person} as {} in \"{}\"", result.label(), pool.name),
            edits: vec![
                Edit::SetPool { cluster, index, pool: Some(next) },
                Edit::SetOutcomes { ids: vec![person.to_owned()], outcome: result.outcome(first), effective },
            ],
        })
    }
}
