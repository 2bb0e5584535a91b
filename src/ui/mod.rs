//! The desktop window (eframe/egui). It only shows and edits a [`Document`]; every figure
//! comes from the domain layer.

mod assumptions;
pub mod bench;
mod clusters;
mod functions;
pub mod import;
mod overview;
mod people;
pub mod print;
pub mod safety;
pub mod spreadsheet;
mod teams;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::document::Document;
use crate::examples;
use crate::file;
use crate::validate::{Severity, counts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Clusters,
    Teams,
    People,
    Functions,
    Assumptions,
    Findings,
}

impl Tab {
    const ALL: [Tab; 7] =
        [Tab::Overview, Tab::Clusters, Tab::Teams, Tab::People, Tab::Functions, Tab::Assumptions, Tab::Findings];

    fn label(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Clusters => "Clusters",
            Tab::Teams => "Teams",
            Tab::People => "People",
            Tab::Functions => "Functions",
            Tab::Findings => "Findings",
            Tab::Assumptions => "Assumptions",
        }
    }
}

/// What the user asked for while the document had unsaved changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    New,
    Open(Option<PathBuf>),
    Quit,
}

/// A message in the status bar (errors stay until dismissed or replaced).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

const SHORTCUT_NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const SHORTCUT_OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SHORTCUT_SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SHORTCUT_SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const SHORTCUT_UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const SHORTCUT_REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const SHORTCUT_PRINT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);
const SHORTCUT_FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const SHORTCUT_IMPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::I);
/// Ctrl+Y also redoes on Windows and Linux.
const SHORTCUT_REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::CTRL, Key::Y);

/// Screenshot mode (`--screenshot OUT.png`): render a few frames, save, close.
#[derive(Debug)]
struct Screenshot {
    out: PathBuf,
    /// 0 waiting, 1 requested, 2 saved, 3 failed
    state: Arc<AtomicU8>,
}

#[derive(Debug)]
pub struct ClusterPlannerApp {
    pub doc: Document,
    pub tab: Tab,
    pub notice: Option<Notice>,
    pub people: people::PeopleView,
    pub clusters: clusters::ClustersView,
    pub teams: teams::TeamsView,
    pub assumptions: assumptions::AssumptionsView,
    pub print: print::PrintDialog,
    pub import: import::ImportDialog,
    pub export_sheet: spreadsheet::ExportDialog,
    pub safety: safety::Safety,
    /// This window's lock on the open file (removed when another is opened).
    pub lock: Option<crate::lock::Lock>,
    /// Opened read-only (someone else holds the lock): Save goes to Save As.
    pub read_only: bool,
    /// Recently opened or saved files, most recent first (kept by eframe between runs).
    pub recent: Vec<PathBuf>,
    pub chart: crate::chart::ChartKind,
    /// An action waiting for the answer to "Save changes?".
    pub pending: Option<Pending>,
    /// Set once the user has agreed to close (so the close request is let through).
    quit_confirmed: bool,
    frames: u64,
    screenshot: Option<Screenshot>,
    last_title: String,
}

impl ClusterPlannerApp {
    /// The app on a document.
    #[must_use]
    pub fn new(doc: Document) -> ClusterPlannerApp {
        ClusterPlannerApp {
            doc,
            tab: Tab::Overview,
            notice: None,
            people: people::PeopleView::default(),
            clusters: clusters::ClustersView::default(),
            teams: teams::TeamsView::default(),
            assumptions: assumptions::AssumptionsView::default(),
            print: print::PrintDialog::default(),
            import: import::ImportDialog::default(),
            export_sheet: spreadsheet::ExportDialog::default(),
            safety: safety::Safety::default(),
            lock: None,
            read_only: false,
            recent: Vec::new(),
            chart: crate::chart::ChartKind::CostByIcb,
            pending: None,
            quit_confirmed: false,
            frames: 0,
            screenshot: None,
            last_title: String::new(),
        }
    }

    /// The app on the built-in example (Northamptonshire + LLR).
    #[must_use]
    pub fn with_built_in_example() -> ClusterPlannerApp {
        let doc = match file::parse_str(Path::new(examples::BUILT_IN_NAME), examples::BUILT_IN) {
            Ok(s) => Document::new(s, None, examples::BUILT_IN_NAME),
            // The example is compiled in and tested; should it ever fail, start from the ICBs.
            Err(_) => Document::new(crate::reference::new_scenario(), None, "Untitled.ron"),
        };
        ClusterPlannerApp::new(doc)
    }

    /// Saves a screenshot of the window to `out` after a few frames, then closes.
    #[must_use]
    pub fn screenshot_to(mut self, out: PathBuf) -> ClusterPlannerApp {
        self.screenshot = Some(Screenshot { out, state: Arc::new(AtomicU8::new(0)) });
        self
    }

    /// Opens `path`; on failure the current document stays and the error is shown. If
    /// someone else has the file open, asks first (read-only, anyway, or cancel).
    pub fn open_path(&mut self, path: &Path) {
        // Screenshot checks look and leave: no lock taken, no question asked.
        if self.screenshot.is_some() {
            return self.open_with(path, false);
        }
        match crate::lock::held_by_other(path) {
            Some(holder) => self.safety.lock_question = Some((path.to_owned(), holder)),
            None => self.open_with(path, false),
        }
    }

    /// Opens `path`, taking its lock unless read-only.
    pub fn open_with(&mut self, path: &Path, read_only: bool) {
        match Document::open(path) {
            Ok(doc) => {
                let (e, w, _) = counts(&doc.findings);
                self.doc = doc;
                self.read_only = read_only;
                self.lock = if read_only || self.screenshot.is_some() { None } else { crate::lock::Lock::take(path) };
                self.remember(path);
                self.notice = Some(Notice {
                    text: format!("Opened {} ({e} errors, {w} warnings)", path.display()),
                    error: false,
                });
            }
            Err(err) => self.notice = Some(Notice { text: err.to_string(), error: true }),
        }
    }

    /// Saves to `path`; on failure the document stays open and unsaved, and Save As is
    /// offered. A clean save removes the recovery copy.
    pub fn save_to(&mut self, path: &Path) {
        let before = self.doc.path.clone();
        let same_file = before.as_deref().is_some_and(|b| b == path);
        if self.read_only && same_file {
            self.safety.save_failed = Some(format!(
                "{} is open read-only because someone else has it open. Save a copy under another name.",
                path.display()
            ));
            return;
        }
        match self.doc.save_as(path) {
            Ok(()) => {
                self.notice = Some(Notice { text: format!("Saved {}", path.display()), error: false });
                crate::recovery::remove(before.as_deref());
                crate::recovery::remove(Some(path));
                self.safety.last_autosave = None;
                if !same_file {
                    self.read_only = false;
                    self.lock = crate::lock::Lock::take(path);
                }
                self.remember(path);
            }
            Err(err) => {
                self.notice = Some(Notice { text: err.to_string(), error: true });
                self.safety.save_failed = Some(err.to_string());
            }
        }
    }

    /// Acts on the answer to a safety dialog.
    fn safety_answer(&mut self, a: safety::Answer) {
        use safety::Answer;
        match a {
            Answer::Restore => {
                let copy = self.safety.offers.remove(0);
                let mut doc = Document::new(copy.scenario.clone(), copy.original.clone(), "Recovered.ron");
                doc.dirty = true;
                self.doc = doc;
                self.lock = copy.original.as_deref().and_then(crate::lock::Lock::take);
                self.read_only = false;
                crate::recovery::discard(&copy);
                self.safety.offer_diff = None;
                self.notice = Some(Notice {
                    text: format!("Restored unsaved work from {}: check it and save", copy.written),
                    error: false,
                });
            }
            Answer::Discard => {
                let copy = self.safety.offers.remove(0);
                crate::recovery::discard(&copy);
                self.safety.offer_diff = None;
            }
            Answer::OpenReadOnly(p) => {
                self.safety.lock_question = None;
                self.open_with(&p, true);
            }
            Answer::OpenAnyway(p) => {
                self.safety.lock_question = None;
                self.open_with(&p, false);
            }
            Answer::SaveAs => {
                self.safety.save_failed = None;
                self.save_as_dialog();
            }
            Answer::Dismiss => {
                self.safety.lock_question = None;
                self.safety.save_failed = None;
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(10);
    }

    /// Selects what a finding is about: its tab, and the item in it.
    pub fn select(&mut self, subject: &crate::validate::Subject) {
        use crate::validate::Subject;
        match subject {
            Subject::Person(id) => {
                self.tab = Tab::People;
                self.people.search.clone_from(id);
                self.people.selected = std::iter::once(id.clone()).collect();
            }
            Subject::Post(id) => {
                self.tab = Tab::Teams;
                if let Some((ci, _, _)) = self.doc.scenario.posts().find(|(_, _, p)| &p.id == id) {
                    self.teams.cluster = ci;
                }
            }
            Subject::Cluster(_) => self.tab = Tab::Clusters,
            Subject::Function(_) => self.tab = Tab::Functions,
            Subject::Organisation(_) | Subject::Scenario => self.tab = Tab::Overview,
        }
    }

    /// Applies an edit from any control; a refused edit is explained in the status bar.
    pub fn edit(&mut self, edit: crate::edit::Edit) {
        match self.doc.apply(edit) {
            Ok(_) => self.notice = None,
            Err(r) => self.notice = Some(Notice { text: format!("Not done: {r}"), error: true }),
        }
    }

    pub fn undo(&mut self) {
        if let Some(label) = self.doc.undo() {
            self.notice = Some(Notice { text: format!("Undid {label}"), error: false });
        }
    }

    pub fn redo(&mut self) {
        if let Some(label) = self.doc.redo() {
            self.notice = Some(Notice { text: format!("Redid {label}"), error: false });
        }
    }

    /// New, Open and Quit go through here: with unsaved changes they ask first.
    pub fn request(&mut self, action: Pending, ctx: &egui::Context) {
        if self.doc.dirty {
            self.pending = Some(action);
        } else {
            self.carry_out(action, ctx);
        }
    }

    fn carry_out(&mut self, action: Pending, ctx: &egui::Context) {
        match action {
            Pending::New => self.new_scenario(),
            Pending::Open(Some(p)) => self.open_path(&p),
            Pending::Open(None) => self.open_dialog(),
            Pending::Quit => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// The answer to "Save changes?": Some(true) save, Some(false) don't save, None cancel.
    pub fn answer_pending(&mut self, save: Option<bool>, ctx: &egui::Context) {
        let Some(action) = self.pending.take() else { return };
        match save {
            None => {}
            Some(false) => {
                // "Don't save": the changes are meant to go, so is their recovery copy.
                crate::recovery::remove(self.doc.path.as_deref());
                self.safety.discarded = action == Pending::Quit;
                self.carry_out(action, ctx);
            }
            Some(true) => {
                self.save();
                // Only go on if the save worked (a failed save leaves the document dirty).
                if !self.doc.dirty {
                    self.carry_out(action, ctx);
                }
            }
        }
    }

    fn new_scenario(&mut self) {
        self.doc = Document::new(crate::reference::new_scenario(), None, "Untitled.ron");
        self.lock = None;
        self.read_only = false;
        self.notice = Some(Notice { text: "New scenario: the 42 ICBs, no clusters yet".into(), error: false });
    }

    fn open_dialog(&mut self) {
        if let Some(path) = ron_dialog(self.doc.path.as_deref()).pick_file() {
            self.open_path(&path);
        }
    }

    fn save(&mut self) {
        match self.doc.path.clone() {
            Some(p) if !self.read_only => self.save_to(&p),
            _ => self.save_as_dialog(),
        }
    }

    /// Asks where to save an export and writes it.
    fn export_dialog(
        &mut self,
        name: &str,
        kind: &str,
        ext: &str,
        make: impl FnOnce(&Document) -> Result<Vec<u8>, String>,
    ) {
        let mut d = rfd::FileDialog::new().add_filter(kind, &[ext]).set_file_name(name);
        if let Some(dir) = self.doc.path.as_deref().and_then(Path::parent).filter(|p| !p.as_os_str().is_empty()) {
            d = d.set_directory(dir);
        }
        if let Some(path) = d.save_file() {
            let (text, error) = print::write_export(&path, make(&self.doc));
            self.notice = Some(Notice { text, error });
        }
    }

    fn import_dialog(&mut self) {
        let mut d = rfd::FileDialog::new().add_filter("Staff list", &import::EXTENSIONS);
        if let Some(dir) = self.doc.path.as_deref().and_then(Path::parent).filter(|p| !p.as_os_str().is_empty()) {
            d = d.set_directory(dir);
        }
        if let Some(path) = d.pick_file() {
            self.import.start(&path);
        }
    }

    fn save_as_dialog(&mut self) {
        if let Some(path) = ron_dialog(self.doc.path.as_deref()).set_file_name(self.doc.display_name()).save_file() {
            self.save_to(&path);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        // Save As first: Ctrl+Shift+S also matches Ctrl+S when modifiers are not exact.
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE_AS)) {
            self.save_as_dialog();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE)) {
            self.save();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_OPEN)) {
            self.request(Pending::Open(None), ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_NEW)) {
            self.request(Pending::New, ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_PRINT)) {
            self.print.show_dialog();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_IMPORT)) {
            self.import_dialog();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_FIND)) {
            self.tab = Tab::People;
            ctx.memory_mut(|m| m.request_focus(people::search_id()));
        }
        // Undo and redo of the scenario, unless a text field is being edited (it has its own).
        if !ctx.egui_wants_keyboard_input() {
            let redo = ctx.input_mut(|i| {
                i.consume_shortcut(&SHORTCUT_REDO)
                    || (!cfg!(target_os = "macos") && i.consume_shortcut(&SHORTCUT_REDO_Y))
            });
            if redo {
                self.redo();
            } else if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_UNDO)) {
                self.undo();
            }
        }
        // A .ron dropped on the window opens it.
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        // A dropped staff list (CSV, XLSX...) is imported; anything else is opened.
        if let Some(p) = dropped.into_iter().next() {
            if import::is_staff_list(&p) {
                self.import.start(&p);
            } else {
                self.request(Pending::Open(Some(p)), ctx);
            }
        }
        // The window's close button: ask first when there are unsaved changes.
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.dirty && !self.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Quit);
        }
    }

    fn unsaved_dialog(&mut self, ctx: &egui::Context) {
        if self.pending.is_none() {
            return;
        }
        let mut answer: Option<Option<bool>> = None;
        egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading("Save changes?");
            ui.label(format!("{} has unsaved changes. Save them before you go on?", self.doc.display_name()));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(Some(true));
                }
                if ui.button("Don't save").on_hover_text("Discard the changes").clicked() {
                    answer = Some(Some(false));
                }
                if ui.button("Cancel").on_hover_text("Go back to the document").clicked()
                    || ui.input(|i| i.key_pressed(Key::Escape))
                {
                    answer = Some(None);
                }
            });
        });
        if let Some(a) = answer {
            self.answer_pending(a, ctx);
        }
    }

    fn menu(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("New").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_NEW))).clicked() {
                    self.request(Pending::New, &ui.ctx().clone());
                }
                if ui.add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_OPEN))).clicked()
                {
                    self.request(Pending::Open(None), &ui.ctx().clone());
                }
                ui.menu_button("Open Recent", |ui| {
                    if self.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    let mut chosen = None;
                    for r in &self.recent {
                        if ui.button(r.display().to_string()).clicked() {
                            chosen = Some(r.clone());
                        }
                    }
                    if let Some(r) = chosen {
                        self.request(Pending::Open(Some(r)), &ui.ctx().clone());
                    }
                });
                ui.separator();
                if ui.add(egui::Button::new("Save").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_SAVE))).clicked() {
                    self.save();
                }
                if ui
                    .add(egui::Button::new("Save As…").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_SAVE_AS)))
                    .clicked()
                {
                    self.save_as_dialog();
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Import people…").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_IMPORT)))
                    .on_hover_text("Bring in a staff list (ESR or finance extract) from CSV, Excel or OpenDocument")
                    .clicked()
                {
                    self.import_dialog();
                }
                ui.menu_button("Export", |ui| {
                    if ui
                        .button("Spreadsheet (XLSX or CSV)…")
                        .on_hover_text("The figures, structure, people and outcomes for Excel")
                        .clicked()
                    {
                        self.export_sheet.open = true;
                    }
                    ui.separator();
                    let chart = self.chart;
                    if ui.button("Board pack (PDF)…").clicked() {
                        self.export_dialog("board-pack.pdf", "PDF", "pdf", |d| {
                            print::pdf_bytes(d, print::What::Pack, chart, "OFFICIAL-SENSITIVE — DRAFT", false)
                        });
                    }
                    if ui.button("Board pack, no names or salaries (PDF)…").clicked() {
                        self.export_dialog("board-pack-redacted.pdf", "PDF", "pdf", |d| {
                            print::pdf_bytes(d, print::What::Pack, chart, "OFFICIAL-SENSITIVE — DRAFT", true)
                        });
                    }
                    ui.separator();
                    if ui.button("Chart on screen (SVG)…").clicked() {
                        self.export_dialog(&format!("{}.svg", chart.name()), "SVG image", "svg", |d| {
                            Ok(crate::export::chart_svg(chart, &d.scenario, &d.summary).into_bytes())
                        });
                    }
                    for width in [1000, 2000, 4000] {
                        if ui.button(format!("Chart on screen (PNG, {width} px wide)…")).clicked() {
                            self.export_dialog(&format!("{}.png", chart.name()), "PNG image", "png", |d| {
                                crate::export::chart_png(chart, &d.scenario, &d.summary, width)
                                    .map_err(|e| e.to_string())
                            });
                        }
                    }
                });
                if ui
                    .add(egui::Button::new("Print…").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_PRINT)))
                    .clicked()
                {
                    self.print.show_dialog();
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    self.request(Pending::Quit, &ui.ctx().clone());
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = self.doc.history.undo_label();
                let redo = self.doc.history.redo_label();
                let b = egui::Button::new(undo.clone().unwrap_or_else(|| "Undo".into()))
                    .shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_UNDO));
                if ui.add_enabled(undo.is_some(), b).clicked() {
                    self.undo();
                }
                let b = egui::Button::new(redo.clone().unwrap_or_else(|| "Redo".into()))
                    .shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_REDO));
                if ui.add_enabled(redo.is_some(), b).clicked() {
                    self.redo();
                }
            });
            ui.menu_button("View", |ui| {
                if ui
                    .add(egui::Button::new("Find people…").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_FIND)))
                    .clicked()
                {
                    self.tab = Tab::People;
                    ui.ctx().memory_mut(|m| m.request_focus(people::search_id()));
                }
                ui.separator();
                for tab in Tab::ALL {
                    if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                        self.tab = tab;
                    }
                }
                ui.separator();
                // Our own words: egui's theme buttons draw a 💻 that no bundled font has (a box).
                ui.label("Colours");
                let mut theme = ui.options(|o| o.theme_preference);
                let before = theme;
                ui.radio_value(&mut theme, egui::ThemePreference::System, "As the computer is set")
                    .on_hover_text("Light or dark, following the operating system's setting");
                ui.radio_value(&mut theme, egui::ThemePreference::Light, "Light");
                ui.radio_value(&mut theme, egui::ThemePreference::Dark, "Dark");
                if theme != before {
                    ui.ctx().set_theme(theme);
                }
            });
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(self.doc.display_name());
            if self.read_only {
                ui.label("(read-only)")
                    .on_hover_text("Someone else has this file open: Save writes a copy under another name");
            }
            ui.separator();
            ui.label(if self.doc.dirty { "Unsaved changes" } else { "Saved" });
            if self.doc.dirty
                && let Some((text, error)) = self.safety.status()
            {
                let color = if error { ui.visuals().error_fg_color } else { ui.visuals().weak_text_color() };
                ui.colored_label(color, text);
            }
            ui.separator();
            let (e, w, _) = counts(&self.doc.findings);
            let findings = ui.add(egui::Button::new(format!("{e} errors, {w} warnings")).frame(false));
            if findings.on_hover_text("Show the validation findings").clicked() {
                self.tab = Tab::Findings;
            }
            if let Some(n) = &self.notice {
                ui.separator();
                let color = if n.error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
                ui.colored_label(color, &n.text);
                if n.error && ui.small_button("Dismiss").on_hover_text("Hide this message").clicked() {
                    self.notice = None;
                }
            }
        });
    }

    fn findings(&mut self, ui: &mut egui::Ui) {
        ui.heading("Findings");
        if self.doc.findings.is_empty() {
            ui.label("No findings: the scenario is consistent.");
            return;
        }
        ui.label("Click a finding to go to what it is about.");
        let mut chosen = None;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for f in &self.doc.findings {
                let color = match f.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                    Severity::Info => ui.visuals().weak_text_color(),
                };
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(color, f.severity.label());
                    if ui.link(format!("{}: {}", f.subject, f.message)).clicked() {
                        chosen = Some(f.subject.clone());
                    }
                });
            }
        });
        if let Some(s) = chosen {
            self.select(&s);
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(shot) = &self.screenshot else { return };
        ctx.request_repaint();
        match shot.state.load(Ordering::SeqCst) {
            0 if self.frames >= 5 && !self.import.busy() => {
                shot.state.store(1, Ordering::SeqCst);
                let state = shot.state.clone();
                let out = shot.out.clone();
                ctx.request_screenshot(move |image| {
                    let ok = write_png(&out, &image).is_ok();
                    state.store(if ok { 2 } else { 3 }, Ordering::SeqCst);
                });
            }
            2 | 3 => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            _ if self.frames > 600 => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            _ => {}
        }
    }

    /// The whole window, for one frame.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.frames += 1;
        let ctx = ui.ctx().clone();
        if self.frames == 1 {
            install_fonts(&ctx);
        }
        // For the check that a panic keeps the work (.ci/run): fail on purpose at frame N.
        if std::env::var("CLUSTER_PLANNER_PANIC_AT_FRAME").ok().and_then(|v| v.parse::<u64>().ok()) == Some(self.frames)
        {
            panic!("a deliberate failure for the crash check");
        }
        if self.frames == 2 && std::env::var_os("CLUSTER_PLANNER_TIMING").is_some() {
            // Frame 1 lays out; frame 2 is the first drawn with the fonts in place.
            eprintln!(
                "first frames drawn {:.0} ms after start",
                STARTED.get().map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0)
            );
        }
        self.shortcuts(&ctx);
        let title = self.doc.title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::top("tabs").show(ui, |ui| {
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    ui.selectable_value(&mut self.tab, tab, tab.label());
                }
                ui.separator();
                ui.label(&self.doc.scenario.name);
            });
        });
        let mut edits = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| match self.tab {
            Tab::Overview => overview::show(ui, &self.doc, &mut self.chart),
            Tab::Clusters => clusters::show(ui, &self.doc, &mut self.clusters, &mut edits),
            Tab::Teams => teams::show(ui, &self.doc, &mut self.teams, &mut edits),
            Tab::People => people::show(ui, &self.doc, &mut self.people, &mut edits),
            Tab::Functions => functions::show(ui, &self.doc, &mut edits),
            Tab::Assumptions => assumptions::show(ui, &self.doc, &mut self.assumptions, &mut edits),
            Tab::Findings => self.findings(ui),
        });
        // Every change made in this frame goes through the one place that applies edits.
        if !edits.is_empty() {
            for e in edits {
                self.edit(e);
            }
            ctx.request_repaint(); // show the new figures at once
        }
        self.unsaved_dialog(&ctx);
        self.safety.tick(&ctx, &self.doc);
        if let Some(a) = safety::dialogs(&ctx, &mut self.safety, &self.doc) {
            self.safety_answer(a);
        }
        if let Some((text, error)) = print::show(&ctx, &mut self.print, &self.doc, self.chart) {
            self.notice = Some(Notice { text, error });
        }
        if let Some(import::Action::Apply(edit, text)) = import::show(&ctx, &mut self.import, &self.doc) {
            self.edit(edit);
            if self.notice.is_none() {
                self.notice = Some(Notice { text, error: false });
            }
        }
        if let Some(req) = spreadsheet::show(&ctx, &mut self.export_sheet) {
            let (name, kind, ext) = match req.kind {
                spreadsheet::Kind::Workbook => (req.file_name(&self.doc), "Excel workbook", "xlsx"),
                spreadsheet::Kind::PeopleCsv => (req.file_name(&self.doc), "CSV", "csv"),
            };
            self.export_dialog(&name, kind, ext, |d| req.bytes(d));
        }
        self.screenshot_step(&ctx);
    }
}

/// DejaVu Sans (shipped in assets/fonts with its licence) as a fallback after egui's own
/// font, so symbols such as arrows and bullets draw on every OS instead of as boxes.
pub fn install_fonts(ctx: &egui::Context) {
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        ctx.add_font(egui::epaint::text::FontInsert {
            name: format!("DejaVu Sans ({family:?})"),
            data: egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
            families: vec![egui::epaint::text::InsertFontFamily {
                family,
                priority: egui::epaint::text::FontPriority::Lowest,
            }],
        });
    }
}

fn ron_dialog(near: Option<&Path>) -> rfd::FileDialog {
    let d = rfd::FileDialog::new().add_filter("Cluster Planner scenario", &["ron"]);
    match near.and_then(Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => d.set_directory(dir),
        _ => d,
    }
}

fn write_png(out: &Path, image: &egui::ColorImage) -> Result<(), Box<dyn std::error::Error>> {
    let f = std::fs::File::create(out)?;
    let w = std::io::BufWriter::new(f);
    let mut enc = png::Encoder::new(w, u32::try_from(image.size[0])?, u32::try_from(image.size[1])?);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header()?;
    writer.write_image_data(image.as_raw())?;
    writer.finish()?;
    Ok(())
}

const RECENT_KEY: &str = "recent_files";

/// When the process started (set by `run`), for the start-up timing.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Marks the start of the process, for `CLUSTER_PLANNER_TIMING=1`.
pub fn mark_start() {
    let _ = STARTED.set(std::time::Instant::now());
}

impl ClusterPlannerApp {
    /// Writes the recovery copy now (on quit with unsaved changes, or after a panic).
    pub fn write_recovery_now(&self) -> Option<PathBuf> {
        if !self.doc.dirty || self.safety.discarded || self.screenshot.is_some() {
            return None;
        }
        crate::recovery::write(&self.doc.scenario, self.doc.path.as_deref()).ok()
    }
}

impl eframe::App for ClusterPlannerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // A bug in a frame must not take the committee's work with it: keep a recovery
        // copy, say where, and stop.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.show(ui)));
        if let Err(panic) = result {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let saved = crate::recovery::write(&self.doc.scenario, self.doc.path.as_deref());
            let text = match &saved {
                Ok(p) => format!(
                    "Cluster Planner hit a problem it cannot recover from ({what}).\n\nYour unsaved work is kept at\n{}\nand will be offered back when you start Cluster Planner again.",
                    p.display()
                ),
                Err(e) => format!(
                    "Cluster Planner hit a problem it cannot recover from ({what}), and could not keep a copy: {e}"
                ),
            };
            eprintln!("{text}");
            if self.screenshot.is_none() {
                let _ = rfd::MessageDialog::new()
                    .set_title("Cluster Planner")
                    .set_description(&text)
                    .set_level(rfd::MessageLevel::Error)
                    .show();
            }
            std::process::exit(101);
        }
    }

    fn on_exit(&mut self) {
        let _ = self.write_recovery_now();
    }

    /// Only the window's own state is kept between runs (recent files; eframe keeps the
    /// window size and zoom). The scenario lives only in the user's file.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, RECENT_KEY, &self.recent);
        }
    }
}

/// How to open the window (from the command line).
#[derive(Debug, Default, Clone)]
pub struct WindowOptions {
    /// Opens this scenario (an unreadable one shows its error over the built-in example).
    pub file: Option<PathBuf>,
    /// Saves the window to this PNG after a few frames and exits (for checks).
    pub screenshot: Option<PathBuf>,
    /// The tab to open on, by its label (any case).
    pub tab: Option<String>,
    /// Opens the import dialog on this staff list.
    pub import: Option<PathBuf>,
    /// The window's inner size in points; 1280 x 800 when not set.
    pub size: Option<[f32; 2]>,
}

/// The window's smallest size: the import dialog and the tabs are laid out for it.
pub const MIN_WINDOW: [f32; 2] = [800.0, 500.0];

/// Runs the window.
pub fn run(o: WindowOptions) -> eframe::Result {
    let mut app = ClusterPlannerApp::with_built_in_example();
    if let Some(t) = o.tab.and_then(|t| Tab::ALL.into_iter().find(|x| x.label().eq_ignore_ascii_case(&t))) {
        app.tab = t;
    }
    let shot = o.screenshot.is_some();
    if let Some(out) = o.screenshot {
        app = app.screenshot_to(out);
    }
    let file = o.file;
    if let Some(f) = &file {
        app.open_path(f);
    }
    if let Some(people) = &o.import {
        app.import.start(people);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(o.size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size(MIN_WINDOW)
            .with_title("Cluster Planner")
            .with_drag_and_drop(true),
        // Checks must not depend on (or change) the user's saved window state.
        persist_window: !shot,
        ..Default::default()
    };
    let opened_file = file.is_some();
    eframe::run_native(
        "Cluster Planner",
        options,
        Box::new(move |cc| {
            if !shot {
                app.safety.offers = crate::recovery::pending();
            }
            if !shot && let Some(storage) = cc.storage {
                app.recent = eframe::get_value(storage, RECENT_KEY).unwrap_or_default();
                // With no file named, open on the last file when it still opens.
                if !opened_file && let Some(last) = app.recent.first().cloned().filter(|p| p.is_file()) {
                    app.open_path(&last);
                }
            }
            Ok(Box::new(app))
        }),
    )
}
