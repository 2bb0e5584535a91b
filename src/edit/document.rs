//! An open scenario: the model, where it lives on disk, whether it has unsaved changes, and
//! its figures and findings, recomputed whenever the model changes. No user interface here:
//! the window and the tests drive the same document.

use std::path::{Path, PathBuf};

use crate::edit::{Edit, History, Refused};
use crate::engine::{Summary, compute};
use crate::files::{self as file, LoadError, SaveError};
use crate::model::Scenario;
use crate::validate::{Finding, validate};

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
    pub findings: Vec<Finding>,
    /// Changes on every edit and for every document, so views can cache what they derive.
    pub revision: u64,
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
        let findings = validate(&scenario);
        Document {
            scenario,
            path,
            untitled_name: untitled_name.to_owned(),
            dirty: false,
            clean_state: Some(0),
            summary,
            findings,
            revision: next_revision(),
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
        let label = self.history.apply(&mut self.scenario, edit)?;
        self.stepped();
        Ok(label)
    }

    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.scenario)?;
        self.stepped();
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.scenario)?;
        self.stepped();
        Some(label)
    }

    /// After a step of the history: unsaved unless back at the saved state; new figures.
    fn stepped(&mut self) {
        self.dirty = self.clean_state != Some(self.history.state());
        self.recompute();
    }

    /// The scenario was changed directly, outside the history (tests, set-up): new figures,
    /// and unsaved.
    pub fn changed(&mut self) {
        self.mark_unsaved();
        self.recompute();
    }

    fn recompute(&mut self) {
        self.revision = next_revision();
        self.summary = compute(&self.scenario);
        self.findings = validate(&self.scenario);
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
