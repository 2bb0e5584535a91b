//! Every change to a scenario is an [`Edit`]. Menus, buttons, drags, shortcuts and tests all
//! send edits; [`History`] applies them, keeps the inverse of each for undo and redo, and
//! labels each step ("Assign 3 people to Chief Finance Officer"). No user interface here.

use chrono::NaiveDate;

use crate::files::import::{Plan, Prepared};
use crate::model::money::format_count;
use crate::model::{Apportionment, Assumptions, Cluster, Disposition, Outcome, Person, Post, Scenario, Team};

/// One change, as the user thinks of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Sets the outcome (and its effective date) of the people with these ids.
    SetOutcomes {
        ids: Vec<String>,
        outcome: Outcome,
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
    SetDisposition {
        function: usize,
        disposition: Disposition,
        date: Option<NaiveDate>,
    },
    SetAssumptions(Box<Assumptions>),
    SetNonPay {
        org: String,
        baseline_pence: i64,
        planned_pence: Option<i64>,
    },
    SetTarget {
        org: String,
        target_pence: Option<i64>,
        note: String,
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

/// Why an edit could not be applied (the scenario is unchanged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn cluster_mut(s: &mut Scenario, c: usize) -> Result<&mut Cluster, Refused> {
    s.clusters.get_mut(c).ok_or_else(|| Refused("that cluster no longer exists".into()))
}

fn team_mut(s: &mut Scenario, c: usize, t: usize) -> Result<&mut Team, Refused> {
    cluster_mut(s, c)?.teams.get_mut(t).ok_or_else(|| Refused("that team no longer exists".into()))
}

impl Edit {
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
            Edit::SetDisposition { function, disposition, .. } => format!(
                "set \"{}\" to {}",
                s.functions.get(*function).map_or("function", |f| f.name.as_str()),
                disposition.label().to_lowercase()
            ),
            Edit::SetAssumptions(_) => "change assumptions".to_owned(),
            Edit::SetNonPay { org, .. } => format!("change non-pay of {org}"),
            Edit::SetTarget { org, .. } => format!("change the target of {org}"),
            Edit::ReplaceClusters(_) => "change clusters".to_owned(),
            Edit::ReplacePeople { what, .. } => what.clone(),
        }
    }

    /// Applies the edit and returns its inverse. On refusal the scenario is unchanged.
    #[allow(clippy::too_many_lines)] // one arm per edit reads best as one match
    pub fn apply(self, s: &mut Scenario) -> Result<Edit, Refused> {
        let before_clusters = || Edit::ReplaceClusters(s.clusters.clone());
        match self {
            Edit::SetOutcomes { ids, outcome, effective } => {
                if let Some(post) = outcome.post()
                    && !s.posts().any(|(_, _, p)| p.id == post)
                {
                    return Err(Refused(format!("there is no post {post}")));
                }
                let mut changes = Vec::with_capacity(ids.len());
                let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
                for p in s.people.iter_mut().filter(|p| wanted.contains(p.id.as_str())) {
                    changes.push((p.id.clone(), std::mem::replace(&mut p.outcome, outcome.clone()), p.effective));
                    p.effective = effective;
                }
                if changes.is_empty() {
                    return Err(Refused("no one was selected".into()));
                }
                Ok(Edit::RestoreOutcomes { changes })
            }
            Edit::RestoreOutcomes { changes } => {
                let mut inverse = Vec::with_capacity(changes.len());
                let by_id: std::collections::HashMap<&str, (&Outcome, Option<NaiveDate>)> =
                    changes.iter().map(|(id, o, d)| (id.as_str(), (o, *d))).collect();
                for p in &mut s.people {
                    if let Some((o, d)) = by_id.get(p.id.as_str()) {
                        inverse.push((p.id.clone(), std::mem::replace(&mut p.outcome, (*o).clone()), p.effective));
                        p.effective = *d;
                    }
                }
                Ok(Edit::RestoreOutcomes { changes: inverse })
            }
            Edit::AddCluster { name } => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(Refused("a cluster needs a name".into()));
                }
                if s.clusters.iter().any(|c| c.name == name) {
                    return Err(Refused(format!("there is already a cluster called \"{name}\"")));
                }
                let inv = before_clusters();
                s.clusters.push(Cluster {
                    name,
                    members: Vec::new(),
                    apportionment: Apportionment::Population,
                    teams: Vec::new(),
                    notes: String::new(),
                });
                Ok(inv)
            }
            Edit::RenameCluster { cluster, name } => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(Refused("a cluster needs a name".into()));
                }
                if s.clusters.iter().enumerate().any(|(i, c)| i != cluster && c.name == name) {
                    return Err(Refused(format!("there is already a cluster called \"{name}\"")));
                }
                let inv = before_clusters();
                cluster_mut(s, cluster)?.name = name;
                Ok(inv)
            }
            Edit::DeleteCluster { cluster } => {
                let inv = before_clusters();
                if cluster >= s.clusters.len() {
                    return Err(Refused("that cluster no longer exists".into()));
                }
                s.clusters.remove(cluster);
                Ok(inv)
            }
            Edit::AddMember { cluster, org } => {
                if s.organisation(&org).is_none() {
                    return Err(Refused(format!("{org} is not an ICB in this scenario")));
                }
                if let Some(other) = s.clusters.iter().find(|c| c.members.contains(&org)) {
                    return Err(Refused(format!("{org} is already in \"{}\"; remove it from there first", other.name)));
                }
                let inv = before_clusters();
                cluster_mut(s, cluster)?.members.push(org);
                Ok(inv)
            }
            Edit::RemoveMember { cluster, org } => {
                let inv = before_clusters();
                let c = cluster_mut(s, cluster)?;
                let before = c.members.len();
                c.members.retain(|m| m != &org);
                if c.members.len() == before {
                    return Err(Refused(format!("{org} is not in that cluster")));
                }
                Ok(inv)
            }
            Edit::SetApportionment { cluster, rule } => {
                let inv = before_clusters();
                cluster_mut(s, cluster)?.apportionment = rule;
                Ok(inv)
            }
            Edit::AddTeam { cluster, name } => {
                let inv = before_clusters();
                cluster_mut(s, cluster)?.teams.push(Team { name, posts: Vec::new() });
                Ok(inv)
            }
            Edit::RenameTeam { cluster, team, name } => {
                let inv = before_clusters();
                team_mut(s, cluster, team)?.name = name;
                Ok(inv)
            }
            Edit::DeleteTeam { cluster, team } => {
                let inv = before_clusters();
                let c = cluster_mut(s, cluster)?;
                if team >= c.teams.len() {
                    return Err(Refused("that team no longer exists".into()));
                }
                c.teams.remove(team);
                Ok(inv)
            }
            Edit::AddPost { cluster, team, post } => {
                if s.posts().any(|(_, _, p)| p.id == post.id) {
                    return Err(Refused(format!("there is already a post {}", post.id)));
                }
                let inv = before_clusters();
                team_mut(s, cluster, team)?.posts.push(post);
                Ok(inv)
            }
            Edit::UpdatePost { cluster, team, index, post } => {
                if s.posts().any(|(_, _, p)| p.id == post.id)
                    && s.clusters
                        .get(cluster)
                        .and_then(|c| c.teams.get(team))
                        .and_then(|t| t.posts.get(index))
                        .is_none_or(|p| p.id != post.id)
                {
                    return Err(Refused(format!("there is already a post {}", post.id)));
                }
                let inv = before_clusters();
                let slot = team_mut(s, cluster, team)?
                    .posts
                    .get_mut(index)
                    .ok_or_else(|| Refused("that post no longer exists".into()))?;
                *slot = post;
                Ok(inv)
            }
            Edit::DeletePost { cluster, team, index } => {
                let inv = before_clusters();
                let t = team_mut(s, cluster, team)?;
                if index >= t.posts.len() {
                    return Err(Refused("that post no longer exists".into()));
                }
                t.posts.remove(index);
                Ok(inv)
            }
            Edit::SetDisposition { function, disposition, date } => {
                let f =
                    s.functions.get_mut(function).ok_or_else(|| Refused("that function no longer exists".into()))?;
                let inv = Edit::SetDisposition { function, disposition: f.disposition, date: f.date };
                f.disposition = disposition;
                f.date = date;
                Ok(inv)
            }
            Edit::SetAssumptions(a) => Ok(Edit::SetAssumptions(Box::new(std::mem::replace(&mut s.assumptions, *a)))),
            Edit::SetNonPay { org, baseline_pence, planned_pence } => {
                if baseline_pence < 0 || planned_pence.is_some_and(|p| p < 0) {
                    return Err(Refused("non-pay cannot be negative".into()));
                }
                let o = s
                    .organisations
                    .iter_mut()
                    .find(|o| o.code == org)
                    .ok_or_else(|| Refused(format!("no ICB {org}")))?;
                let inv = Edit::SetNonPay {
                    org,
                    baseline_pence: o.baseline_non_pay_pence,
                    planned_pence: o.planned_non_pay_pence,
                };
                o.baseline_non_pay_pence = baseline_pence;
                o.planned_non_pay_pence = planned_pence;
                Ok(inv)
            }
            Edit::SetTarget { org, target_pence, note } => {
                if target_pence.is_some_and(|p| p < 0) {
                    return Err(Refused("a target cannot be negative".into()));
                }
                let o = s
                    .organisations
                    .iter_mut()
                    .find(|o| o.code == org)
                    .ok_or_else(|| Refused(format!("no ICB {org}")))?;
                let inv = Edit::SetTarget {
                    org,
                    target_pence: o.target_override_pence,
                    note: std::mem::take(&mut o.target_note),
                };
                o.target_override_pence = target_pence;
                o.target_note = note;
                Ok(inv)
            }
            Edit::ReplaceClusters(clusters) => Ok(Edit::ReplaceClusters(std::mem::replace(&mut s.clusters, clusters))),
            Edit::ReplacePeople { people, what } => {
                Ok(Edit::ReplacePeople { people: std::mem::replace(&mut s.people, people), what })
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Step {
    label: String,
    inverse: Edit,
    redo: Edit,
}

/// Undo and redo: each applied edit keeps its inverse and a label. A new edit drops the
/// redo steps. `limit` bounds memory (cluster edits keep a copy of the clusters).
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History { undo: Vec::new(), redo: Vec::new(), limit: 200 }
    }
}

impl History {
    /// Applies `edit` to `s`. On success it can be undone; returns the label.
    pub fn apply(&mut self, s: &mut Scenario, edit: Edit) -> Result<String, Refused> {
        let label = edit.label(s);
        let redo = edit.clone();
        let inverse = edit.apply(s)?;
        // A figure the file could not hold (a typing error such as a £1bn salary) is refused
        // here, not at the next save.
        if let Some(why) = crate::model::limits::out_of_range(s) {
            let _ = inverse.apply(s);
            return Err(Refused(why));
        }
        self.undo.push(Step { label: label.clone(), inverse, redo });
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(label)
    }

    /// "Undo assign 3 people to Chief Finance Officer", when there is something to undo.
    #[must_use]
    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(|s| format!("Undo {}", s.label))
    }

    #[must_use]
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(|s| format!("Redo {}", s.label))
    }

    pub fn undo(&mut self, s: &mut Scenario) -> Option<String> {
        let step = self.undo.pop()?;
        match step.inverse.clone().apply(s) {
            Ok(_) => {
                let label = step.label.clone();
                self.redo.push(step);
                Some(label)
            }
            Err(_) => None,
        }
    }

    pub fn redo(&mut self, s: &mut Scenario) -> Option<String> {
        let step = self.redo.pop()?;
        match step.redo.clone().apply(s) {
            Ok(inverse) => {
                let label = step.label.clone();
                self.undo.push(Step { label: label.clone(), inverse, redo: step.redo });
                Some(label)
            }
            Err(_) => None,
        }
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
