//! An open scenario: the model, where it lives on disk, whether it has unsaved changes, and
//! its figures and findings, recomputed whenever the model changes. No user interface here:
//! the window and the tests drive the same document.

use std::path::{Path, PathBuf};

use crate::edit::people_at::{PeopleAt, positions};
use crate::edit::{Edit, History, Refused};
use crate::engine::{Summary, compute};
use crate::files::{self as file, LoadError, SaveError};
use crate::model::Scenario;
use crate::validate::{Checked, Finding, check, recheck_icbs, recheck_people, recheck_post};

/// What an edit changes, as far as bringing the figures up to date goes.
enum Change {
    /// Some people's outcomes or dates: each as they were, by position.
    People(Vec<(usize, crate::model::Person)>),
    /// ICBs' own figures, or the plan's details.
    Icbs,
    /// The post listed `listing`th, changed in place and keeping its id: as it was.
    Post { listing: usize, old: Box<crate::model::Post> },
    /// Anything else: the figures and checks are worked out again.
    Other,
}

#[derive(Debug)]
pub struct Document {
    pub scenario: Scenario,
    /// Where the document was opened from or last saved to; `None` for a new or built-in one.
    pub path: Option<PathBuf>,
    /// The name shown in the title when there is no path (e.g. the built-in example).
    pub untitled_name: String,
    /// Changed since it was opened, made or saved (undoing back to that state is unchanged).
    pub dirty: bool,
    /// The history's state that matches the file (or the start), when one does.
    clean_state: Option<u64>,
    pub summary: Summary,
    /// The findings in order ([`Document::findings`]), made from `checked` when first asked
    /// for after a change: at national scale copying them out takes longer than the edit
    /// that changed them, and only the Findings tab lists them (the status bar counts them
    /// from `checked`).
    findings: std::cell::OnceCell<Vec<Finding>>,
    /// The checks behind the findings, kept so an edit of some people re-checks them alone.
    checked: Checked,
    /// How many findings there are of each severity (errors, warnings, information), for
    /// the status bar's every frame.
    counts: (usize, usize, usize),
    /// Changes on every edit and for every document, so views can cache what they derive.
    pub revision: u64,
    /// Where each person is, by id: built at the first edit of outcomes, kept while only
    /// outcomes and dates, ICBs' own figures or a post in place change (they move no one),
    /// dropped at any other change.
    people_at: Option<PeopleAt>,
    /// The scenario's index (its ICBs, clusters and posts by code, and each post's pay
    /// from the assumptions' pay table), for the figures and the checks: made at the first
    /// edit of outcomes, kept while only outcomes and dates or ICBs' own figures change (it
    /// reads no person and no ICB's figures) and after a post changed in place (its salary
    /// set by the update), dropped at any other change (an edit of the assumptions too).
    index: Option<crate::engine::Index>,
    /// When the last change was to some people's outcomes or dates alone, or to no person
    /// (an ICB's own figures, a post in place): the revision before it and those people's
    /// positions (none),
    /// so a view can bring what it derived from the people and the clusters' members up to
    /// date for them instead of going over every person again.
    people_changed: Option<(u64, Vec<usize>)>,
    pub history: History,
}

fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Document {
    #[must_use]
    pub fn new(scenario: Scenario, path: Option<PathBuf>, untitled_name: &str) -> Document {
        let summary = compute(&scenario);
        let checked = check(&scenario);
        Document {
            scenario,
            path,
            untitled_name: untitled_name.to_owned(),
            dirty: false,
            clean_state: Some(0),
            summary,
            findings: std::cell::OnceCell::new(),
            counts: checked.counts(),
            checked,
            revision: next_revision(),
            people_at: None,
            index: None,
            people_changed: None,
            history: History::default(),
        }
    }

    /// Opens a file. On error the caller keeps its current document.
    pub fn open(path: &Path) -> Result<Document, LoadError> {
        let s = file::load(path)?;
        Ok(Document::new(s, Some(path.to_owned()), ""))
    }

    /// Saves to `path` (atomically) and makes it the document's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        file::save(&self.scenario, path)?;
        self.path = Some(path.to_owned());
        self.dirty = false;
        self.clean_state = Some(self.history.state());
        Ok(())
    }

    /// Applies an edit (undoable), recomputes, and returns its label.
    pub fn apply(&mut self, edit: Edit) -> Result<String, Refused> {
        let change = self.change(&edit);
        let label = self.history.apply_at(&mut self.scenario, edit, self.people_at.as_ref())?;
        self.stepped(change);
        Ok(label)
    }

    pub fn undo(&mut self) -> Option<String> {
        let change = self.history.next_undo().cloned().map_or(Change::Other, |e| self.change(&e));
        let label = self.history.undo_at(&mut self.scenario, self.people_at.as_ref())?;
        self.stepped(change);
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let change = self.history.next_redo().cloned().map_or(Change::Other, |e| self.change(&e));
        let label = self.history.redo_at(&mut self.scenario, self.people_at.as_ref())?;
        self.stepped(change);
        Some(label)
    }

    /// What an edit is about to change, and what the figures need kept from before it to be
    /// brought up to date instead of worked out again from every person.
    fn change(&mut self, edit: &Edit) -> Change {
        let ids: Vec<&str> = match edit {
            Edit::SetOutcomes { ids, .. } | Edit::SetDates { ids, .. } => ids.iter().map(String::as_str).collect(),
            Edit::RestoreOutcomes { changes } => changes.iter().map(|(id, _, _)| id.as_str()).collect(),
            Edit::UpdatePost { cluster, team, index, post } => {
                let s = &self.scenario;
                let Some(old) =
                    s.clusters.get(*cluster).and_then(|c| c.teams.get(*team)).and_then(|t| t.posts.get(*index))
                else {
                    return Change::Other;
                };
                if old.id != post.id {
                    return Change::Other;
                }
                // Its place among the scenario's posts: those of the clusters and teams before it.
                let before: usize = s.clusters[..*cluster].iter().flat_map(|c| &c.teams).map(|t| t.posts.len()).sum();
                let in_cluster: usize = s.clusters[*cluster].teams[..*team].iter().map(|t| t.posts.len()).sum();
                return Change::Post { listing: before + in_cluster + index, old: Box::new(old.clone()) };
            }
            e if e.changes_icb_figures_only() => return Change::Icbs,
            _ => return Change::Other,
        };
        let people = &self.scenario.people;
        let at = self.people_at.get_or_insert_with(|| PeopleAt::new(people));
        Change::People(positions(people, &ids, Some(at)).into_iter().map(|i| (i, people[i].clone())).collect())
    }

    /// After a step of the history: unsaved unless back at the saved state; new figures,
    /// updated for what changed when that is some people's outcomes or dates, ICBs' own
    /// figures or one post in place; worked out again from everything otherwise.
    fn stepped(&mut self, change: Change) {
        self.dirty = self.clean_state != Some(self.history.state());
        match change {
            Change::Icbs if self.icbs_changed() => {}
            Change::Post { listing, old } if self.post_changed(listing, &old) => {}
            Change::People(before) => {
                let changed: Vec<usize> = before.iter().map(|(i, _)| *i).collect();
                // One index of the scenario serves the figures and the checks.
                let ix = self.index.get_or_insert_with(|| crate::engine::Index::new(&self.scenario));
                crate::engine::update_people(&self.scenario, ix, &mut self.summary, &before);
                recheck_people(&self.scenario, ix, &mut self.checked, &changed);
                self.updated(changed);
            }
            _ => self.recompute(),
        }
    }

    /// After a change to ICBs' own figures alone: the figures closed again from each ICB's
    /// kept parts and the checks that do not look at people made again; `false` (nothing
    /// done) when the change moved how a cluster's posts are split, which needs a full
    /// recompute. At national scale this is a few milliseconds against a full recompute
    /// and check of every person.
    fn icbs_changed(&mut self) -> bool {
        // The index reads ICB codes, clusters, posts and the pay table, none of which such
        // a change touches.
        let ix = self.index.get_or_insert_with(|| crate::engine::Index::new(&self.scenario));
        if !crate::engine::update_organisations(&self.scenario, ix, &mut self.summary) {
            return false;
        }
        recheck_icbs(&self.scenario, ix, &mut self.checked);
        self.updated(Vec::new());
        true
    }

    /// After a post was changed in place, keeping its id: its cost and its holders' figures
    /// updated, the checks that do not look at people and its holders' made again; `false`
    /// (nothing done) when the post is not the first listing of its id, which needs a full
    /// recompute.
    fn post_changed(&mut self, listing: usize, old: &crate::model::Post) -> bool {
        let ix = self.index.get_or_insert_with(|| crate::engine::Index::new(&self.scenario));
        // The index as it was before the change: made before it, or just now after it, when
        // it differs only in the post's salary (its id and place are kept).
        if let Some(salary) = ix.salaries.get_mut(listing) {
            *salary = crate::engine::post_salary(&self.scenario.assumptions, &old.pay);
        }
        if !crate::engine::update_post(&self.scenario, ix, &mut self.summary, listing, old) {
            return false;
        }
        let holders: Vec<usize> = self.summary.posts.get(listing).map(|p| p.held_by.to_vec()).unwrap_or_default();
        recheck_post(&self.scenario, ix, &mut self.checked, &holders);
        self.updated(Vec::new());
        true
    }

    /// After the figures and checks were brought up to date for a change (of the people at
    /// `changed` alone, or of no person): a new revision that says so, and the findings and
    /// counts made again from the checks. Every update is compared with a full recompute and
    /// a full check in a debug build, so in every test that makes such an edit.
    fn updated(&mut self, changed: Vec<usize>) {
        self.people_changed = Some((self.revision, changed));
        self.revision = next_revision();
        self.findings = std::cell::OnceCell::new();
        self.counts = self.checked.counts();
        debug_assert!(self.summary == compute(&self.scenario), "the updated figures differ from a full recompute");
        debug_assert!(self.checked == check(&self.scenario), "the findings re-checked differ from a full check");
    }

    /// The scenario was changed directly, outside the history (tests, set-up): new figures,
    /// and unsaved.
    pub fn changed(&mut self) {
        self.mark_unsaved();
        self.recompute();
    }

    fn recompute(&mut self) {
        self.revision = next_revision();
        self.people_at = None;
        self.index = None;
        self.people_changed = None;
        self.summary = compute(&self.scenario);
        self.checked = check(&self.scenario);
        self.findings = std::cell::OnceCell::new();
        self.counts = self.checked.counts();
    }

    /// The positions of the people whose outcomes or dates alone changed from `revision` to
    /// this one, when that was the last change; none (`Some` of an empty list) when it was a
    /// change to ICBs' own figures or to one post in place, which moves no person, no
    /// outcome and no cluster's members; `None` for any other change (go over everything
    /// again). A person's figures can still change with no person listed (a post's new pay
    /// moves its holders' pay protection): a view of people's figures reads the summary
    /// again at every revision, and trusts this list only for who the people are and what
    /// their outcomes are.
    #[must_use]
    pub fn people_changed_since(&self, revision: u64) -> Option<&[usize]> {
        self.people_changed.as_ref().filter(|(r, _)| *r == revision).map(|(_, v)| v.as_slice())
    }

    /// The validation findings: errors first, then warnings, then information, each group
    /// in the order of the file.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        self.findings.get_or_init(|| self.checked.findings())
    }

    /// "1 error, 0 warnings, 3,668 notes", counted without listing the findings.
    #[must_use]
    pub fn counts_text(&self) -> String {
        crate::validate::say_counts(self.counts)
    }

    /// Marks the document as differing from any file (restored unsaved work), until saved.
    pub fn mark_unsaved(&mut self) {
        self.clean_state = None;
        self.dirty = true;
    }

    /// Never saved to a file (a new scenario, the built-in example, restored work).
    #[must_use]
    pub fn never_saved(&self) -> bool {
        self.path.is_none()
    }

    /// "lnr-cluster.ron" or the untitled name.
    #[must_use]
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| self.untitled_name.clone(), |n| n.to_string_lossy().into_owned())
    }

    /// The window title: file name, an unsaved marker, and the program.
    #[must_use]
    pub fn title(&self) -> String {
        format!("{}{} — Cluster Planner", self.display_name(), if self.dirty { " •" } else { "" })
    }
}
