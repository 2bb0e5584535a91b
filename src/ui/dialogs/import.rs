//! File ▸ Import people…: read a staff list, confirm how its columns map, see every problem
//! and every change against the scenario, then import the good rows in one undoable step.
//! Reading and checking run on a worker thread with a progress bar and Cancel, so a
//! 25,000-row extract never freezes the window. All the work is in `crate::files::import`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use crate::edit::Document;
use crate::edit::Edit;
use crate::files::import::{
    Field, ImportError, Level, Mapping, Plan, Prepared, Profile, SalaryBasis, Table, guess, load_profiles, prepare,
    profiles_path, reconcile, save_profile,
};
use crate::model::Scenario;
use crate::model::money::{format_count as n, format_pounds_pence};
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

fn org_label(s: &Scenario, code: &str) -> String {
    s.organisation(code)
        .map_or_else(|| code.to_owned(), |o| format!("{} {}", o.code, crate::report::short_name(&o.name)))
}

/// Draws the dialog; pushes the import as an edit when the user confirms.
#[allow(clippy::too_many_lines)] // one dialog, top to bottom
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
    let wide = width >= 1000.0;
    let body_h = (screen.height() - 250.0).max(200.0);
    egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
        ui.set_width(width);
        ui.heading("Import people");
        let file = d.path.as_deref().map(|p| p.display().to_string()).unwrap_or_default();
        ui.label(&file);
        if let Some(e) = &d.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let Some(t) = d.table.clone() else { return };
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
                                reread = Some(s.clone());
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id)
                    .on_hover_text("The sheet the staff list is on");
            }
        });
        ui.separator();
        if wide {
            let col_w = (width - 32.0) / 2.0;
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(col_w);
                    scrolled(ui, "import-mapping-scroll", body_h, |ui| mapping_ui(ui, d, &t, doc, &mut changed));
                });
                ui.add_space(16.0);
                ui.vertical(|ui| {
                    ui.set_width(col_w);
                    report_ui(ui, d, body_h - 110.0);
                });
            });
        } else {
            scrolled(ui, "import-mapping-scroll", body_h * 0.5, |ui| mapping_ui(ui, d, &t, doc, &mut changed));
            ui.separator();
            report_ui(ui, d, (body_h * 0.5 - 110.0).max(80.0));
        }
        ui.separator();
        if let Some(job) = &d.job {
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
        ui.horizontal(|ui| {
            let count = d.prepared.as_ref().map_or(0, |p| p.people.len());
            let label = format!("Import {} people", n(count));
            let button = ui
                .add_enabled(d.job.is_none() && d.can_import(), egui::Button::new(label))
                .on_hover_text("Replace this ICB's people with the good rows, keeping every decision already made. Undo takes it back.");
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

/// The Problems and Changes lists: their full height at once, as [`scrolled`] explains.
fn list_area(id: &str, list_h: f32) -> egui::ScrollArea {
    let h = list_h.max(80.0);
    egui::ScrollArea::vertical().id_salt(id).max_height(h).min_scrolled_height(h)
}

fn mapping_ui(ui: &mut egui::Ui, d: &mut ImportDialog, t: &Table, doc: &Document, changed: &mut bool) {
    // Profiles: apply a saved mapping, or save this one.
    ui.horizontal(|ui| {
        let l = ui.label("Mapping profile:");
        egui::ComboBox::from_id_salt("import-profile")
            .selected_text("apply a saved mapping…")
            .show_ui(ui, |ui| {
                if d.profiles.is_empty() {
                    ui.label("No saved profiles yet");
                }
                for p in &d.profiles {
                    if ui.selectable_label(false, &p.name).clicked() {
                        d.mapping = p.mapping.clone();
                        d.profile_name.clone_from(&p.name);
                        *changed = true;
                    }
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text("Mappings saved for earlier extracts, kept on this computer");
        let l = ui.label("Save as:");
        ui.add(egui::TextEdit::singleline(&mut d.profile_name).desired_width(160.0).hint_text("e.g. ESR monthly"))
            .labelled_by(l.id);
        if ui
            .add_enabled(!d.profile_name.trim().is_empty(), egui::Button::new("Save profile"))
            .on_hover_text("Keep this mapping under that name for the next extract")
            .clicked()
        {
            let path = d.profiles_path.clone().unwrap_or_else(profiles_path);
            d.profile_message = Some(match save_profile(&path, &d.profile_name, &d.mapping) {
                Ok(()) => {
                    d.profiles = load_profiles(&path).unwrap_or_default();
                    (format!("Saved the mapping as \"{}\"", d.profile_name.trim()), false)
                }
                Err(e) => (e, true),
            });
        }
    });
    if let Some((m, error)) = &d.profile_message {
        let c = if *error { ui.visuals().error_fg_color } else { ui.visuals().weak_text_color() };
        ui.colored_label(c, m);
    }
    ui.label(
        "Check which column holds each field. Unused fields are left as they are for people already in the scenario.",
    );
    egui::Grid::new("import-mapping").num_columns(3).striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
        ui.strong("Field");
        ui.strong("Column in the file");
        ui.strong("First value");
        ui.end_row();
        for f in Field::ALL {
            if f == Field::Org && d.mapping.org.is_some() {
                continue;
            }
            let l = ui.label(f.label()).on_hover_text(f.help());
            let current = d.mapping.columns.get(&f).cloned();
            let mut chosen = current.clone();
            egui::ComboBox::from_id_salt(("import-map", f))
                .selected_text(current.clone().unwrap_or_else(|| "— not used —".into()))
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "— not used —");
                    for h in &t.headers {
                        ui.selectable_value(&mut chosen, Some(h.clone()), h);
                    }
                })
                .response
                .labelled_by(l.id)
                .on_hover_text(f.help());
            if chosen != current {
                match chosen {
                    Some(h) => {
                        // A column serves one field: take it from any other.
                        d.mapping.columns.retain(|_, v| *v != h);
                        d.mapping.columns.insert(f, h);
                    }
                    None => {
                        d.mapping.columns.remove(&f);
                    }
                }
                *changed = true;
            }
            let sample = current.as_deref().and_then(|h| t.column(h)).and_then(|c| t.sample(c)).unwrap_or("");
            if sample.chars().count() > 28 {
                let short: String = sample.chars().take(27).collect();
                ui.label(format!("{short}…")).on_hover_text(sample);
            } else {
                ui.label(sample);
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label("ICB:");
        let from_column = d.mapping.org.is_none();
        if ui.radio(from_column, "From the ICB column").on_hover_text("Each row says which ICB it belongs to").clicked()
            && !from_column
        {
            d.mapping.org = None;
            *changed = true;
        }
        let all_rows = ui.radio(!from_column, "All rows belong to");
        if all_rows.clicked() && from_column {
            d.mapping.org = doc.scenario.organisations.first().map(|o| o.code.clone());
            *changed = true;
        }
        if let Some(code) = d.mapping.org.clone() {
            let mut chosen = code.clone();
            egui::ComboBox::from_id_salt("import-org")
                .selected_text(org_label(&doc.scenario, &code))
                .width(300.0)
                .show_ui(ui, |ui| {
                    for o in &doc.scenario.organisations {
                        ui.selectable_value(&mut chosen, o.code.clone(), org_label(&doc.scenario, &o.code));
                    }
                })
                .response
                .labelled_by(all_rows.id)
                .on_hover_text("The ICB every row of this file belongs to");
            if chosen != code {
                d.mapping.org = Some(chosen);
                *changed = true;
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("Salary is:");
        let before = d.mapping.salary_basis;
        ui.radio_value(&mut d.mapping.salary_basis, SalaryBasis::FullTime, "the full-time salary")
            .on_hover_text("As ESR's Annual Salary: what the post pays at 1.0 WTE");
        ui.radio_value(&mut d.mapping.salary_basis, SalaryBasis::Actual, "actual pay (divided by WTE)")
            .on_hover_text("What the person is paid a year; £30,000 at 0.6 WTE is £50,000 full-time");
        if d.mapping.salary_basis != before {
            *changed = true;
        }
    });
}

fn report_ui(ui: &mut egui::Ui, d: &mut ImportDialog, list_h: f32) {
    let (Some(p), Some(plan)) = (d.prepared.clone(), d.plan.clone()) else {
        return;
    };
    if !p.blocking.is_empty() {
        ui.colored_label(ui.visuals().error_fg_color, "Nothing can be imported yet:");
        for b in &p.blocking {
            ui.colored_label(ui.visuals().error_fg_color, format!("• {b}"));
        }
        return;
    }
    let errors = p.count(Level::Error);
    let warnings = p.count(Level::Warning);
    ui.strong(format!(
        "{} of {} rows ready; {} left out with errors; {} warnings.",
        n(p.people.len()),
        n(p.rows),
        n(p.skipped),
        n(warnings)
    ));
    ui.label(format!("Against the scenario: {}.", plan.headline()));
    if !plan.left.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} people of {} who are not in this file will be removed (see Changes).",
                plan.left.len(),
                p.orgs.join(", ")
            ),
        );
    }
    if !plan.kept_leavers.is_empty() {
        ui.label(format!(
            "{} people not in this extract are kept because their exit is already recorded (its cost stays in the figures).",
            plan.kept_leavers.len()
        ));
    }
    ui.horizontal(|ui| {
        ui.selectable_value(&mut d.show, Show::Problems, format!("Problems ({})", n(errors + warnings)));
        ui.selectable_value(
            &mut d.show,
            Show::Changes,
            format!("Changes ({})", n(plan.changed.len() + plan.left.len())),
        );
        ui.selectable_value(&mut d.show, Show::Preview, "Preview");
    });
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    match d.show {
        Show::Problems => {
            if p.issues.is_empty() {
                ui.label("No problems: every row reads cleanly.");
            }
            list_area("import-problems", list_h).show_rows(ui, row_h, p.issues.len(), |ui, range| {
                for i in &p.issues[range] {
                    let c = match i.level {
                        Level::Error => ui.visuals().error_fg_color,
                        Level::Warning => ui.visuals().warn_fg_color,
                    };
                    let text = i.to_string();
                    ui.add(egui::Label::new(egui::RichText::new(&text).color(c)).truncate()).on_hover_text(text);
                }
            });
        }
        Show::Changes => {
            // Changed people, then those who left; only the rows in view are written out.
            let total = plan.changed.len() + plan.left.len();
            if total == 0 {
                ui.label("No one already in the scenario changes or leaves.");
            }
            list_area("import-changes", list_h).show_rows(ui, row_h, total, |ui, range| {
                for i in range {
                    let l = match plan.changed.get(i) {
                        Some(c) => format!("{}: {}", c.id, c.what.join("; ")),
                        None => format!("{}: left (not in this extract)", plan.left[i - plan.changed.len()]),
                    };
                    ui.add(egui::Label::new(&l).truncate()).on_hover_text(l);
                }
            });
        }
        Show::Preview => {
            egui::Grid::new("import-preview").striped(true).num_columns(8).show(ui, |ui| {
                for h in ["Row", "Assignment number", "Name", "ICB", "Position title", "Grade", "WTE", "Salary"] {
                    ui.strong(h);
                }
                ui.end_row();
                for (person, line) in p.people.iter().zip(&p.lines).take(15) {
                    ui.label(line.to_string());
                    ui.label(&person.id);
                    ui.label(person.name.as_deref().unwrap_or(""));
                    ui.label(&person.org);
                    ui.label(&person.title);
                    ui.label(person.grade.to_string());
                    ui.label(person.wte.to_string());
                    ui.label(format_pounds_pence(person.salary_pence));
                    ui.end_row();
                }
            });
        }
    }
}
