//! A session: one open document as a file on disk. Opening (asking first when someone else
//! has the file open), saving and Save As, the lock file, recovery copies (written every
//! minute while there are unsaved changes, offered back at start), the recent list and
//! read-only mode. The window, the command line and the tests all drive the same session;
//! nothing here knows about the window.

use crate::model::PopulationBasis;
use crate::model::reference::ReferenceYear;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::Document;
use crate::files::lock::{self, Holder, Lock};
use crate::files::recovery::{self, RecoveryCopy};
use crate::files::{self, LoadError, SaveError};
use crate::model::Scenario;

/// How often a document with unsaved changes is copied to the recovery folder.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

/// How many files the recent list keeps.
pub const RECENT_LIMIT: usize = 10;

/// What came of asking to open a file.
#[derive(Debug)]
pub enum Opening {
    /// Opened; the words for the status bar.
    Opened(String),
    /// Someone else has it open: ask whether to open it read-only, anyway, or not at all.
    HeldBy(Holder),
}

/// Why a save did not happen. The document stays open with its changes.
#[derive(Debug)]
pub enum NotSaved {
    /// The file is open read-only here: save a copy under another name.
    ReadOnly(PathBuf),
    Failed(SaveError),
}

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotSaved::ReadOnly(p) => write!(
                f,
                "{} is open read-only because someone else has it open. Save a copy under another name.",
                p.display()
            ),
            NotSaved::Failed(e) => e.fmt(f),
        }
    }
}

/// Background recovery copies: when the last was started, and what the last one said.
#[derive(Debug, Default)]
struct Autosave {
    /// When the last copy was started (`None`: not since the last save).
    last: Option<Instant>,
    result: Arc<Mutex<Option<Result<PathBuf, String>>>>,
}

#[derive(Debug)]
pub struct Session {
    pub doc: Document,
    /// This session's lock on its file (none when read-only or only looking).
    lock: Option<Lock>,
    /// Opened read-only (someone else holds the lock): Save goes to Save As.
    pub read_only: bool,
    /// Recently opened or saved files, most recent first.
    pub recent: Vec<PathBuf>,
    /// Screenshot checks and the command line: no locks taken, no questions asked, no
    /// recovery copies written or removed.
    pub look_only: bool,
    /// The user chose "Don't save" on quitting: no recovery copy then.
    pub discarded: bool,
    /// Recovery copies found at start, offered one at a time.
    pub offers: Vec<RecoveryCopy>,
    autosave: Autosave,
}

impl Session {
    #[must_use]
    pub fn new(doc: Document) -> Session {
        Session {
            doc,
            lock: None,
            read_only: false,
            recent: Vec::new(),
            look_only: false,
            discarded: false,
            offers: Vec::new(),
            autosave: Autosave::default(),
        }
    }

    /// A session for the command line: it opens and saves files but takes no locks and
    /// leaves recovery copies alone.
    #[must_use]
    pub fn command_line() -> Session {
        let mut s = Session::new(Document::new(Scenario::empty(""), None, ""));
        s.look_only = true;
        s
    }

    /// A session on the built-in example (Northamptonshire + LLR).
    #[must_use]
    pub fn built_in_example() -> Session {
        let name = crate::examples::BUILT_IN_NAME;
        let doc = match files::parse_str(Path::new(name), crate::examples::BUILT_IN) {
            Ok(s) => Document::new(s, None, name),
            // The example is compiled in and tested; should it ever fail, start from the ICBs.
            Err(_) => Document::new(crate::model::reference::new_scenario(), None, "Untitled.ron"),
        };
        Session::new(doc)
    }

    /// File ▸ New on the 2025/26 map: the 42 ICBs, no clusters. Returns the words for the
    /// status bar.
    pub fn new_scenario(&mut self) -> String {
        self.new_scenario_for(ReferenceYear::Y2025, PopulationBasis::Registered)
    }

    /// A scenario made here (moved to another map, say) as the open document: untitled,
    /// unsaved, no lock. Returns the words for the status bar.
    pub fn new_document(&mut self, s: Scenario, name: &str) -> String {
        let mut doc = Document::new(s, None, name);
        doc.mark_unsaved();
        self.doc = doc;
        self.lock = None;
        self.read_only = false;
        format!("{name}: the scenario on the 36 ICBs of 2026/27, not yet saved")
    }

    /// File ▸ New on a year's map and population basis, no clusters. Returns the words for
    /// the status bar.
    pub fn new_scenario_for(&mut self, year: ReferenceYear, basis: PopulationBasis) -> String {
        let s = year.new_scenario(basis);
        let n = s.organisations.len();
        let basis = s.assumptions.population_basis.label();
        self.doc = Document::new(s, None, "Untitled.ron");
        self.lock = None;
        self.read_only = false;
        format!("New {} scenario: the {n} ICBs, targets per head of {basis}, no clusters yet", year.label())
    }

    /// Opens `path` unless someone else has it open (then says who, to ask the user). On
    /// failure the current document stays.
    pub fn open(&mut self, path: &Path) -> Result<Opening, LoadError> {
        if let Some(holder) = self.held_by_other(path) {
            return Ok(Opening::HeldBy(holder));
        }
        self.open_with(path, false).map(Opening::Opened)
    }

    /// Who else has `path` open, if anyone (looking only: no one is asked about).
    #[must_use]
    pub fn held_by_other(&self, path: &Path) -> Option<Holder> {
        if self.look_only { None } else { lock::held_by_other(path) }
    }

    /// Opens `path`, taking its lock unless read-only. Returns the words for the status bar.
    pub fn open_with(&mut self, path: &Path, read_only: bool) -> Result<String, LoadError> {
        let doc = Document::open(path)?;
        Ok(self.adopt(doc, path, read_only))
    }

    /// Makes `doc`, opened from `path` (on a worker thread, say), the session's document,
    /// taking the file's lock unless read-only. Returns the words for the status bar.
    pub fn adopt(&mut self, doc: Document, path: &Path, read_only: bool) -> String {
        let counts = doc.counts_text();
        self.doc = doc;
        self.read_only = read_only;
        self.lock = if read_only || self.look_only { None } else { Lock::take(path) };
        self.remember(path);
        format!("Opened {} ({counts})", path.display())
    }

    /// Where Save writes, or `None` when it must ask (a new file, or read-only).
    #[must_use]
    pub fn save_path(&self) -> Option<PathBuf> {
        self.doc.path.clone().filter(|_| !self.read_only)
    }

    /// Saves to `path` (atomically). A clean save removes the recovery copy; a save to
    /// another file takes that file's lock. Returns the words for the status bar.
    pub fn save_to(&mut self, path: &Path) -> Result<String, NotSaved> {
        let before = self.doc.path.clone();
        let same_file = before.as_deref().is_some_and(|b| b == path);
        if self.read_only && same_file {
            return Err(NotSaved::ReadOnly(path.to_owned()));
        }
        self.doc.save_as(path).map_err(NotSaved::Failed)?;
        self.autosave.last = None;
        if !self.look_only {
            recovery::remove(before.as_deref());
            recovery::remove(Some(path));
        }
        if !same_file {
            self.read_only = false;
            self.lock = if self.look_only { None } else { Lock::take(path) };
        }
        self.remember(path);
        Ok(format!("Saved {}", path.display()))
    }

    /// "Don't save": the changes are meant to go, and so is their recovery copy.
    pub fn discard_changes(&mut self) {
        recovery::remove(self.doc.path.as_deref());
    }

    /// Opens the first recovery copy on offer, unsaved, so the user can check and save it.
    pub fn restore_offer(&mut self) -> Option<String> {
        if self.offers.is_empty() {
            return None;
        }
        let copy = self.offers.remove(0);
        let mut doc = Document::new(copy.scenario.clone(), copy.original.clone(), "Recovered.ron");
        doc.mark_unsaved();
        self.doc = doc;
        self.lock = copy.original.as_deref().and_then(Lock::take);
        self.read_only = false;
        recovery::discard(&copy);
        Some(format!("Restored unsaved work from {}: check it and save", copy.written))
    }

    /// Deletes the first recovery copy on offer.
    pub fn discard_offer(&mut self) {
        if !self.offers.is_empty() {
            let copy = self.offers.remove(0);
            recovery::discard(&copy);
        }
    }

    /// What the first recovery copy on offer changes against its file on disk (or against
    /// an empty scenario when it never had one).
    #[must_use]
    pub fn offer_differences(&self) -> Option<Vec<String>> {
        let copy = self.offers.first()?;
        let on_disk = copy.original.as_deref().and_then(|p| files::load(p).ok());
        let base = on_disk.unwrap_or_else(|| Scenario::empty(""));
        Some(super::diff::describe(&base, &copy.scenario))
    }

    /// Looks for recovery copies left by an earlier run, to offer them back.
    pub fn find_offers(&mut self) {
        self.offers = recovery::pending();
    }

    /// Writes the recovery copy now (on quit with unsaved changes, or after a panic).
    #[must_use]
    pub fn write_recovery_now(&self) -> Option<PathBuf> {
        if !self.doc.dirty || self.discarded || self.look_only {
            return None;
        }
        recovery::write(&self.doc.scenario, self.doc.path.as_deref()).ok()
    }

    /// Writes a recovery copy at once, whatever the state (after a crash).
    pub fn write_recovery_copy(&self) -> Result<PathBuf, String> {
        recovery::write(&self.doc.scenario, self.doc.path.as_deref())
    }

    /// Copies the document to the recovery folder in the background when it has had unsaved
    /// changes for [`AUTOSAVE_EVERY`]. Cheap to call every frame: one clone of the scenario
    /// a minute.
    pub fn autosave_tick(&mut self) {
        if !self.doc.dirty {
            self.autosave.last = None;
            return;
        }
        let started = *self.autosave.last.get_or_insert_with(Instant::now);
        if started.elapsed() >= AUTOSAVE_EVERY {
            self.autosave.last = Some(Instant::now());
            let s = self.doc.scenario.clone();
            let path = self.doc.path.clone();
            let result = self.autosave.result.clone();
            std::thread::spawn(move || {
                let r = recovery::write(&s, path.as_deref());
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(r);
                }
            });
        }
    }

    /// "Recovery copy kept 12:03" or the error, for the status bar: (words, is an error).
    #[must_use]
    pub fn autosave_status(&self) -> Option<(String, bool)> {
        let slot = self.autosave.result.lock().ok()?;
        match slot.as_ref()? {
            Ok(_) => Some((format!("Recovery copy kept {}", chrono::Local::now().format("%H:%M")), false)),
            Err(e) => Some((format!("No recovery copy: {e}"), true)),
        }
    }

    /// The most recent file, if it is still there (to open on at start).
    #[must_use]
    pub fn last_file(&self) -> Option<PathBuf> {
        self.recent.first().filter(|p| p.is_file()).cloned()
    }

    /// Puts `path` at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Writes an export (a PDF, SVG, PNG, workbook or CSV) atomically; returns the words
    /// for the status bar and whether they report an error.
    #[must_use]
    pub fn write_export(path: &Path, bytes: Result<Vec<u8>, String>) -> (String, bool) {
        match bytes.and_then(|b| files::write_atomic(path, &b).map_err(|e| e.to_string())) {
            Ok(()) => (format!("Exported {}", path.display()), false),
            Err(e) => (e, true),
        }
    }
}
