//! File ▸ Import people…: read a staff list, confirm how its columns map, see every problem
//! and every change against the scenario, then import the good rows in one undoable step.
//! Reading and checking run on a worker thread with a progress bar and Cancel, so a
//! 25,000-row extract never freezes the window. All the work is in `crate::files::import`.

mod mapping;
mod report;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use crate::edit::Document;
use crate::edit::Edit;
use crate::files::import::{
    ImportError, Level, Mapping, Plan, Prepared, Profile, Table, guess, load_profiles, prepare, profiles_path,
    reconcile,
};
use crate::model::Scenario;
use crate::model::money::format_count as n;
use crate::ui::command::{Command, Commands};

/// The extensions the importer reads (for the file dialog and dropped files).
pub const EXTENSIONS: [&str; 8] = ["csv", "txt", "tsv", "xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Whether a dropped file is a staff list rather than a scenario.
#[must_use]
pub fn is_staff_list(path: &Path) -> bool {
    path.extension().is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

enum Done {
    Read(Result<Table, ImportError>),
    Checked(Box<(Prepared, Plan)>),
}

/// Work running on a worker thread.
struct Job {
    what: &'static str,
    done: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
    rx: mpsc::Receiver<Done>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job").field("what", &self.what).field("total", &self.total).finish_non_exhaustive()
    }
}

/// Which list the report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    Problems,
    Changes,
    Preview,
}

#[derive(Debug, Default)]
pub struct ImportDialog {
    pub open: bool,
    pub path: Option<PathBuf>,
    pub table: Option<Arc<Table>>,
    pub mapping: Mapping,
    pub prepared: Option<Arc<Prepared>>,
    pub plan: Option<Arc<Plan>>,
    pub error: Option<String>,
    pub show: Show,
    pub profiles: Vec<Profile>,
    pub profile_name: String,
    pub profile_message: Option<(String, bool)>,
    /// Where the mapping profiles are kept (the app's data folder unless set, as tests do).
    pub profiles_path: Option<PathBuf>,
    job: Option<Job>,
    /// The document revision the plan was made against.
    revision: u64,
}

impl ImportDialog {
    /// Opens the dialog on a file and starts reading it.
    pub fn start(&mut self, path: &Path) {
        self.cancel_job();
        let profiles_at = self.profiles_path.take().unwrap_or_else(profiles_path);
        *self = ImportDialog { open: true, path: Some(path.to_owned()), ..ImportDialog::default() };
        self.profiles = load_profiles(&profiles_at).unwrap_or_else(|e| {
            self.profile_message = Some((e, true));
            Vec::new()
        });
        self.profiles_path = Some(profiles_at);
        self.read(None);
    }

    /// Whether work is under way (reading or checking).
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    fn cancel_job(&mut self) {
        if let Some(j) = self.job.take() {
            j.cancel.store(true, Ordering::SeqCst);
        }
    }

    fn read(&mut self, sheet: Option<String>) {
        let Some(path) = self.path.clone() else { return };
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        std::thread::spawn(move || {
            let _ = tx.send(Done::Read(crate::files::import::read_table(&path, sheet.as_deref())));
        });
        self.job = Some(Job { what: "Reading the file", done: Arc::new(AtomicUsize::new(0)), total: 0, cancel, rx });
    }

    /// Checks every row with the current mapping, on a worker thread.
    fn check(&mut self, doc: &Document) {
        self.cancel_job();
        let Some(table) = self.table.clone() else { return };
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let (c, d) = (cancel.clone(), done.clone());
        let mapping = self.mapping.clone();
        let scenario: Scenario = doc.scenario.clone();
        let total = table.rows.len();
        std::thread::spawn(move || {
            let mut progress = |n: usize| {
                d.store(n, Ordering::Relaxed);
                !c.load(Ordering::Relaxed)
            };
            if let Some(p) = prepare(&table, &mapping, &scenario, &mut progress) {
                let plan = reconcile(&scenario, &p);
                let _ = tx.send(Done::Checked(Box::new((p, plan))));
            }
        });
        self.revision = doc.revision;
        self.job = Some(Job { what: "Checking rows", done, total, cancel, rx });
    }

    /// Picks up finished work; with `block`, waits for it.
    fn poll(&mut self, doc: &Document, block: bool) {
        let Some(job) = &self.job else { return };
        let done = if block { job.rx.recv().map_err(|_| mpsc::TryRecvError::Disconnected) } else { job.rx.try_recv() };
        let done = match done {
            Ok(d) => d,
            Err(mpsc::TryRecvError::Empty) => return,
            // The worker stopped without an answer (cancelled).
            Err(mpsc::TryRecvError::Disconnected) => {
                self.job = None;
                return;
            }
        };
        self.job = None;
        match done {
            Done::Read(Ok(table)) => {
                let keep = self.table.as_ref().is_some_and(|t| t.headers == table.headers);
                if !keep {
                    self.mapping = guess(&table);
                }
                self.table = Some(Arc::new(table));
                self.error = None;
                self.check(doc);
            }
            Done::Read(Err(e)) => {
                self.error = Some(e.to_string());
                self.table = None;
            }
            Done::Checked(b) => {
                let (p, plan) = *b;
                if p.issues.iter().any(|i| i.level == Level::Error) || !p.blocking.is_empty() {
                    self.show = Show::Problems;
                }
                self.prepared = Some(Arc::new(p));
                self.plan = Some(Arc::new(plan));
            }
        }
    }

    /// Waits for any work to finish (tests use it instead of waiting frame by frame).
    pub fn wait(&mut self, doc: &Document) {
        while self.job.is_some() {
            self.poll(doc, true);
        }
    }

    /// Changes the mapping and checks the rows again (as the controls do).
    pub fn set_mapping(&mut self, mapping: Mapping, doc: &Document) {
        self.mapping = mapping;
        self.check(doc);
    }

    /// Whether there are good rows and nothing blocks the import.
    #[must_use]
    pub fn can_import(&self) -> bool {
        self.plan.is_some() && self.prepared.as_ref().is_some_and(|p| p.blocking.is_empty() && !p.people.is_empty())
    }

    /// The import as an edit, when there is something to import.
    #[must_use]
    pub fn edit(&self) -> Option<(Edit, String)> {
        if !self.can_import() {
            return None;
        }
        let (p, plan, table) = (self.prepared.as_ref()?, self.plan.as_ref()?, self.table.as_ref()?);
        Some(Edit::import(&table.file, p, plan))
    }
}

/// Draws the dialog; pushes the import as an edit when the user confirms.
pub fn show(ctx: &egui::Context, d: &mut ImportDialog, doc: &Document, cmds: &mut Commands) {
    if !d.open {
        return;
    }
    d.poll(doc, false);
    if d.job.is_none() && d.table.is_some() && d.revision != doc.revision {
        d.check(doc); // the scenario changed under the plan: check again
    }
    if d.job.is_some() {
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }
    let mut close = false;
    let mut changed = false;
    let mut reread: Option<String> = None;
    let screen = ctx.content_rect();
    // Two columns (the mapping, and what it gives) when the window is wide enough; one
    // above the other when not. Each part scrolls on its own, so the buttons stay in view.
    let width = (screen.width() - 60.0).clamp(400.0, 1200.0);
    let body_h = (screen.height() - 250.0).max(200.0);
    egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
        ui.set_width(width);
        let Some(t) = heading(ui, d, &mut reread) else {
            // Nothing read (yet, or the file could not be read): Cancel and Esc still close.
            progress(ui, d);
            if ui.button("Cancel").on_hover_text("Stop, and change nothing").clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                close = true;
            }
            return;
        };
        ui.separator();
        body(ui, d, &t, doc, width, body_h, &mut changed);
        ui.separator();
        progress(ui, d);
        close = buttons(ui, d, cmds);
    });
    if let Some(sheet) = reread {
        d.prepared = None;
        d.plan = None;
        d.read(Some(sheet));
    } else if changed {
        d.check(doc);
    }
    if close {
        d.cancel_job();
        d.open = false;
    }
}

/// The title, the file, any error reading it, what was read, and the sheet to read (sets
/// `reread` when another is chosen). `None` until the file has been read.
fn heading(ui: &mut egui::Ui, d: &ImportDialog, reread: &mut Option<String>) -> Option<Arc<Table>> {
    ui.heading("Import people");
    let file = d.path.as_deref().map(|p| p.display().to_string()).unwrap_or_default();
    ui.label(&file);
    if let Some(e) = &d.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    let t = d.table.clone()?;
    ui.horizontal(|ui| {
        ui.label(format!("{}. Column names on row {}; {} rows of data.", t.format, t.header_line, n(t.rows.len())));
        if t.sheets.len() > 1 {
            let current = t.sheet.clone().unwrap_or_default();
            let l = ui.label("Sheet:");
            egui::ComboBox::from_id_salt("import-sheet")
                .selected_text(&current)
                .show_ui(ui, |ui| {
                    for s in &t.sheets {
                        if ui.selectable_label(*s == current, s).clicked() && *s != current {
                            *reread = Some(s.clone());
                        }
                    }
                })
                .response
                .labelled_by(l.id)
                .on_hover_text("The sheet the staff list is on");
        }
    });
    Some(t)
}

/// The mapping and what it gives: side by side when wide enough, else one above the other.
fn body(
    ui: &mut egui::Ui,
    d: &mut ImportDialog,
    t: &Table,
    doc: &Document,
    width: f32,
    body_h: f32,
    changed: &mut bool,
) {
    if width >= 1000.0 {
        let col_w = (width - 32.0) / 2.0;
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(col_w);
                scrolled(ui, "import-mapping-scroll", body_h, |ui| mapping::show(ui, d, t, doc, changed));
            });
            ui.add_space(16.0);
            ui.vertical(|ui| {
                ui.set_width(col_w);
                report::show(ui, d, body_h - 110.0);
            });
        });
    } else {
        scrolled(ui, "import-mapping-scroll", body_h * 0.5, |ui| mapping::show(ui, d, t, doc, changed));
        ui.separator();
        report::show(ui, d, (body_h * 0.5 - 110.0).max(80.0));
    }
}

/// The progress bar while a file is read or checked.
fn progress(ui: &mut egui::Ui, d: &ImportDialog) {
    let Some(job) = &d.job else { return };
    let done = job.done.load(Ordering::Relaxed);
    #[allow(clippy::cast_precision_loss)]
    let frac = if job.total == 0 { 0.0 } else { done as f32 / job.total as f32 };
    let text = if job.total == 0 {
        format!("{}…", job.what)
    } else {
        format!("{}: {} of {}", job.what, n(done), n(job.total))
    };
    ui.add(egui::ProgressBar::new(frac).text(text).animate(true));
}

/// Import and Cancel (or Esc); returns whether the dialog closes.
fn buttons(ui: &mut egui::Ui, d: &ImportDialog, cmds: &mut Commands) -> bool {
    let mut close = false;
    ui.horizontal(|ui| {
        let count = d.prepared.as_ref().map_or(0, |p| p.people.len());
        let label = format!("Import {} people", n(count));
        let button = ui.add_enabled(d.job.is_none() && d.can_import(), egui::Button::new(label)).on_hover_text(
            "Replace this ICB's people with the good rows, keeping every decision already made. Undo takes it back.",
        );
        // The edit carries a copy of every person: made on the click, not every frame.
        if button.clicked()
            && let Some((edit, notice)) = d.edit()
        {
            cmds.push(Command::EditSaying(edit, notice));
            close = true;
        }
        if ui.button("Cancel").on_hover_text("Stop, and change nothing").clicked()
            || ui.input(|i| i.key_pressed(egui::Key::Escape))
        {
            close = true;
        }
    });
    close
}

/// A scrolling part of the dialog: by wheel or scroll bar, never by dragging the content
/// (a drag there is meant for the controls inside).
///
/// It takes its full height at once. A scroll area is otherwise no taller than the room
/// left in the modal, and a modal only has the room its last frame used, so the dialog grew
/// 32 px a frame and crept up the screen for several frames after a slow read — moving its
/// buttons from under the pointer (CI caught a click that missed).
fn scrolled(ui: &mut egui::Ui, id: &str, max_h: f32, add: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(max_h)
        .min_scrolled_height(max_h)
        .auto_shrink([false, true])
        .scroll_source(egui::scroll_area::ScrollSource {
            drag: egui::scroll_area::DragScroll::Never,
            ..Default::default()
        })
        .show(ui, add);
}
