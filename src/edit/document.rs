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
    pub dirty: bool,
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
        Ok(())
    }

    /// Applies an edit (undoable), recomputes, and returns its label.
    pub fn apply(&mut self, edit: Edit) -> Result<String, Refused> {
        let label = self.history.apply(&mut self.scenario, edit)?;
        self.changed();
        Ok(label)
    }

    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.scenario)?;
        self.changed();
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.scenario)?;
        self.changed();
        Some(label)
    }

    /// Recomputes figures and findings after the scenario changed.
    pub fn changed(&mut self) {
        self.dirty = true;
        self.revision = next_revision();
        self.summary = compute(&self.scenario);
        self.findings = validate(&self.scenario);
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
