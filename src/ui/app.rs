//! The app: the session, where the user is (tab, selections, dialogs on screen), and the
//! one place where commands are carried out ([`ClusterPlannerApp::run_commands`], once a
//! frame). Drawing is left to the menu, status bar, tabs and dialogs; the eframe glue and
//! `run` are in `window.rs`.

use std::path::{Path, PathBuf};

use super::command::{Command, Commands, Export, Unsaved};
use super::dialogs::file_chooser::{self, FileRequest, Purpose};
use super::dialogs::{compare, confirm, help, import, migrate, new_scenario, print, safety, spreadsheet, unsaved};
use super::files::{Asked, FileDialogs, folder_of};
use super::status::Notice;
use super::tabs::{Tab, assumptions, clusters, consultation, findings, functions, icbs, overview, people, teams};
use super::window::Screenshot;
use crate::edit::{AUTOSAVE_EVERY, Document, Edit, NotSaved, Question, Session};
use crate::report::chart::ChartKind;
use crate::validate::Subject;

#[derive(Debug)]
pub struct ClusterPlannerApp {
    /// The open document as a file: open, save, lock, recovery, recent files.
    pub session: Session,
    pub tab: Tab,
    pub notice: Option<Notice>,
    pub people: people::PeopleView,
    /// The Consultation tab's figures, and today's date on its timeline.
    pub consultation: consultation::ConsultationView,
    pub clusters: clusters::ClustersView,
    pub teams: teams::TeamsView,
    pub assumptions: assumptions::AssumptionsView,
    pub findings: findings::FindingsView,
    pub icbs: icbs::IcbsView,
    pub print: print::PrintDialog,
    pub import: import::ImportDialog,
    pub export_sheet: spreadsheet::ExportDialog,
    /// File ▸ New: which year's map.
    pub new_scenario: new_scenario::NewScenarioDialog,
    /// File ▸ Move to the 2026/27 map.
    pub migrate: migrate::MigrateDialog,
    /// File ▸ Compare options.
    pub compare: compare::CompareView,
    pub safety: safety::Safety,
    pub chart: ChartKind,
    /// A command (New, Open, Quit) waiting for the answer to "Save changes?".
    pub unsaved: Option<Command>,
    /// An edit that takes something away, waiting for the user's yes.
    pub question: Option<Question>,
    /// The operating system's file dialogs, or the app's own chooser where there are none.
    pub files: FileDialogs,
    /// Help ▸ Guide, Glossary or About, when open.
    pub help: help::HelpView,
    /// The file named at start could not be opened: (the file, what is wrong, in words).
    /// Until the user chooses what to open, the window says so instead of showing the
    /// example as if it were their file.
    pub start_problem: Option<(PathBuf, String)>,
    /// What the controls asked for this frame, run at its end.
    pub commands: Commands,
    /// Set once the user has agreed to close (so the close request is let through).
    pub(super) quit_confirmed: bool,
    pub(super) frames: u64,
    pub(super) screenshot: Option<Screenshot>,
    last_title: String,
    /// A file being opened on a worker thread.
    pub opening: Option<PendingOpen>,
}

/// A scenario file being read, checked and costed on a worker thread (a second or more at
/// national scale), so the window stays responsive; Cancel leaves the open document as it
/// was.
#[derive(Debug)]
pub struct PendingOpen {
    pub path: PathBuf,
    read_only: bool,
    rx: std::sync::mpsc::Receiver<Result<Document, crate::files::LoadError>>,
}

impl ClusterPlannerApp {
    /// The app on a document.
    #[must_use]
    pub fn new(doc: Document) -> ClusterPlannerApp {
        ClusterPlannerApp::with_session(Session::new(doc))
    }

    /// The app on a session.
    #[must_use]
    pub fn with_session(session: Session) -> ClusterPlannerApp {
        ClusterPlannerApp {
            session,
            tab: Tab::Overview,
            notice: None,
            people: people::PeopleView::default(),
            consultation: consultation::ConsultationView::default(),
            clusters: clusters::ClustersView::default(),
            teams: teams::TeamsView::default(),
            assumptions: assumptions::AssumptionsView::default(),
            findings: findings::FindingsView::default(),
            icbs: icbs::IcbsView::default(),
            print: print::PrintDialog::default(),
            import: import::ImportDialog::default(),
            export_sheet: spreadsheet::ExportDialog::default(),
            new_scenario: new_scenario::NewScenarioDialog::default(),
            migrate: migrate::MigrateDialog::default(),
            compare: compare::CompareView::default(),
            safety: safety::Safety::default(),
            chart: ChartKind::CostByIcb,
            unsaved: None,
            question: None,
            help: help::HelpView::default(),
            files: FileDialogs::from_env(),
            start_problem: None,
            commands: Commands::default(),
            quit_confirmed: false,
            frames: 0,
            screenshot: None,
            last_title: String::new(),
            opening: None,
        }
    }

    /// The app on the built-in example (Northamptonshire + LLR).
    #[must_use]
    pub fn with_built_in_example() -> ClusterPlannerApp {
        ClusterPlannerApp::with_session(Session::built_in_example())
    }

    /// The open document.
    #[must_use]
    pub fn doc(&self) -> &Document {
        &self.session.doc
    }

    fn say(&mut self, text: String, error: bool) {
        self.notice = Some(Notice { text, error });
    }

    /// Opens the file named at start (before the first frame, so there is nothing to keep
    /// responsive): on failure, the start screen says which file and why.
    pub fn open_at_start(&mut self, path: &Path) {
        self.open_now(path);
        if self.notice.as_ref().is_some_and(|n| n.error) {
            let why = self.notice.take().map(|n| n.text).unwrap_or_default();
            self.start_problem = Some((path.to_owned(), why));
        }
    }

    /// Opens `path` on a worker thread: the window stays responsive and says it is
    /// opening, with Cancel, until the file is read, checked and costed. On failure the
    /// current document stays and the error is shown. If someone else has the file open,
    /// asks first (read-only, anyway, or cancel).
    pub fn open_path(&mut self, path: &Path) {
        match self.session.held_by_other(path) {
            Some(holder) => self.safety.lock_question = Some((path.to_owned(), holder)),
            None => self.start_opening(path, false),
        }
    }

    /// [`ClusterPlannerApp::open_path`], waiting for the file to be open.
    pub fn open_now(&mut self, path: &Path) {
        self.open_path(path);
        self.finish_opening(true);
    }

    fn open_with(&mut self, path: &Path, read_only: bool) {
        self.safety.lock_question = None;
        self.start_opening(path, read_only);
    }

    fn start_opening(&mut self, path: &Path, read_only: bool) {
        let (tx, rx) = std::sync::mpsc::channel();
        let file = path.to_owned();
        std::thread::spawn(move || {
            // The receiver is gone when the user cancelled: nothing to do then.
            let _ = tx.send(Document::open(&file));
        });
        self.opening = Some(PendingOpen { path: path.to_owned(), read_only, rx });
    }

    /// Takes the opened file when the worker has finished (waiting for it when `block`).
    pub fn finish_opening(&mut self, block: bool) {
        let Some(pending) = &self.opening else { return };
        let done = if block { pending.rx.recv().ok() } else { pending.rx.try_recv().ok() };
        let Some(done) = done else {
            if block || matches!(pending.rx.try_recv(), Err(std::sync::mpsc::TryRecvError::Disconnected)) {
                self.opening = None; // the worker stopped without an answer
            }
            return;
        };
        let Some(pending) = self.opening.take() else { return };
        match done {
            Ok(doc) => {
                let text = self.session.adopt(doc, &pending.path, pending.read_only);
                self.say(text, false);
            }
            Err(err) => self.say(err.to_string(), true),
        }
    }

    /// Move in File ▸ Move to the 2026/27 map: the result opens as a new, unsaved document
    /// (the file it came from is untouched), and the dialog offers the report.
    fn move_to_new_map(&mut self, rules: &crate::model::migrate::SplitRules) {
        match crate::model::migrate::to_2026_map(&self.session.doc.scenario, rules) {
            Ok(m) => {
                let name = format!("{} (2026-27 map).ron", self.session.doc.display_name().trim_end_matches(".ron"));
                let n = m.people.len();
                let report = std::sync::Arc::new(m.report_csv());
                let text = self.session.new_document(m.scenario, &name);
                self.migrate.done = Some((n, report, m.notes));
                self.say(text, false);
            }
            Err(unplaced) => self.say(format!("Not moved: {} people are not placed yet", unplaced.len()), true),
        }
    }

    /// Cancel on "Opening…": the open document stays as it was.
    fn cancel_opening(&mut self) {
        if let Some(pending) = self.opening.take() {
            self.say(format!("Did not open {}", pending.path.display()), false);
        }
    }

    /// Saves to `path`; on failure the document stays open and unsaved, and Save As is
    /// offered.
    pub fn save_to(&mut self, path: &Path) {
        match self.session.save_to(path) {
            Ok(text) => self.say(text, false),
            Err(e @ NotSaved::ReadOnly(_)) => self.safety.save_failed = Some(e.to_string()),
            Err(e @ NotSaved::Failed(_)) => {
                self.say(e.to_string(), true);
                self.safety.save_failed = Some(e.to_string());
            }
        }
    }

    fn save(&mut self) {
        match self.session.save_path() {
            Some(p) => self.save_to(&p),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) {
        let mut r = self.scenario_request(Purpose::SaveAs, "Save the scenario as");
        r.file_name = Some(self.session.doc.display_name());
        self.ask_file(r);
    }

    /// A request for a scenario file, starting in the open file's folder.
    fn scenario_request(&self, purpose: Purpose, title: &str) -> FileRequest {
        FileRequest {
            purpose,
            title: title.to_owned(),
            kind: "Cluster Planner scenario".into(),
            extensions: vec!["ron".into()],
            folder: folder_of(self.session.doc.path.as_deref()),
            file_name: None,
        }
    }

    /// Asks for a file, natively or in the app's own chooser, and acts on the answer.
    fn ask_file(&mut self, request: FileRequest) {
        let purpose = request.purpose.clone();
        match self.files.ask(request) {
            Asked::Chosen(p) => self.file_chosen(purpose, &p),
            Asked::NoNativeDialog => self.say(
                "This computer has no file dialog service (xdg-desktop-portal or zenity): Cluster Planner's own file chooser is used instead.".into(),
                false,
            ),
            Asked::Nothing => {}
        }
    }

    /// Does with a chosen file what it was chosen for.
    fn file_chosen(&mut self, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Open => self.open_path(path),
            Purpose::SaveAs => self.save_to(path),
            Purpose::Import => self.import.start(path),
            Purpose::CompareAdd => self.compare.add(path),
            Purpose::CompareBase => self.compare.set_base(path),
            Purpose::Export(what) => {
                let (text, error) = Session::write_export(path, what.bytes(&self.session.doc));
                self.say(text, error);
            }
        }
    }

    /// Selects what a finding is about: its tab, and the item in it.
    pub fn select(&mut self, subject: &Subject) {
        match subject {
            Subject::Person(id) => {
                self.tab = Tab::People;
                self.people.search.clone_from(id);
                self.people.selected = std::iter::once(id.clone()).collect();
            }
            Subject::Post(id) => {
                self.tab = Tab::Teams;
                if let Some((ci, _, _)) = self.session.doc.scenario.posts().find(|(_, _, p)| p.id == id) {
                    self.teams.cluster = ci;
                }
            }
            Subject::Cluster(_) => self.tab = Tab::Clusters,
            Subject::Function(_) => self.tab = Tab::Functions,
            Subject::Organisation(_) | Subject::Scenario => self.tab = Tab::Overview,
        }
    }

    /// Applies an edit; a refused edit is explained in the status bar.
    pub fn edit(&mut self, edit: Edit) {
        match self.session.doc.apply(edit) {
            Ok(_) => self.notice = None,
            Err(r) => self.say(format!("Not done: {r}"), true),
        }
    }

    fn undo(&mut self) {
        if let Some(label) = self.session.doc.undo() {
            self.say(format!("Undid {label}"), false);
        }
    }

    fn redo(&mut self) {
        if let Some(label) = self.session.doc.redo() {
            self.say(format!("Redid {label}"), false);
        }
    }

    /// Asks where to save an export and writes it.
    fn export(&mut self, what: &Export) {
        let (name, kind, ext) = what.file(&self.session.doc);
        self.ask_file(FileRequest {
            purpose: Purpose::Export(what.clone()),
            title: format!("Export {kind}"),
            kind: kind.into(),
            extensions: vec![ext.into()],
            folder: folder_of(self.session.doc.path.as_deref()),
            file_name: Some(name),
        });
    }

    fn import_dialog(&mut self) {
        self.ask_file(FileRequest {
            purpose: Purpose::Import,
            title: "Import people from a staff list".into(),
            kind: "staff list".into(),
            extensions: import::EXTENSIONS.iter().map(|e| (*e).to_owned()).collect(),
            folder: folder_of(self.session.doc.path.as_deref()),
            file_name: None,
        });
    }

    /// Runs every command pushed this frame, in order: the one place where the window acts.
    pub fn run_commands(&mut self, ctx: &egui::Context) {
        let cmds = self.commands.take();
        if cmds.is_empty() {
            return;
        }
        for c in cmds {
            self.run_command(c, ctx);
        }
        ctx.request_repaint(); // show what changed at once
    }

    /// New, Open and Quit ask first when there are unsaved changes; the rest run at once.
    pub fn run_command(&mut self, c: Command, ctx: &egui::Context) {
        // Moving to the new map opens its result in place of the document: asks first too.
        let asks_first = matches!(
            c,
            Command::New
                | Command::Open
                | Command::OpenPath(_)
                | Command::OpenExample
                | Command::Quit
                | Command::ApplyMigration(_)
        );
        if asks_first && self.session.doc.dirty {
            self.unsaved = Some(c);
        } else {
            self.carry_out(c, ctx);
        }
    }

    fn carry_out(&mut self, c: Command, ctx: &egui::Context) {
        // Any choice of what to open, or to start anew, leaves the start screen.
        if matches!(c, Command::New | Command::Open | Command::OpenPath(_) | Command::OpenExample) {
            self.start_problem = None;
        }
        match c {
            Command::OpenExample => {
                self.session = Session::built_in_example();
                self.notice = None;
            }
            Command::New => self.new_scenario.open = true,
            Command::CreateNew(year, basis) => {
                let text = self.session.new_scenario_for(year, basis);
                self.say(text, false);
            }
            Command::Open => self.ask_file(self.scenario_request(Purpose::Open, "Open a scenario")),
            Command::FileChosen(purpose, p) => self.file_chosen(purpose, &p),
            Command::OpenPath(p) => self.open_path(&p),
            Command::OpenReadOnly(p) => self.open_with(&p, true),
            Command::OpenAnyway(p) => self.open_with(&p, false),
            Command::CancelOpening => self.cancel_opening(),
            Command::Save => self.save(),
            Command::SaveAs => {
                self.safety.save_failed = None;
                self.save_as();
            }
            Command::Import => self.import_dialog(),
            Command::ImportPath(p) => self.import.start(&p),
            Command::ExportSpreadsheet => self.export_sheet.open = true,
            Command::MoveToNewMap => {
                self.migrate.open = true;
                self.migrate.done = None;
            }
            Command::ApplyMigration(rules) => self.move_to_new_map(&rules),
            Command::Compare => self.compare.start(&self.session.doc),
            Command::CompareBase => {
                self.ask_file(self.scenario_request(Purpose::CompareBase, "Use a scenario as the base"));
            }
            Command::CompareFiles(paths) => {
                self.compare.start(&self.session.doc);
                for p in paths.iter().take(7) {
                    self.compare.add(p);
                }
            }
            Command::CompareAdd => {
                self.ask_file(self.scenario_request(Purpose::CompareAdd, "Add an option to compare"))
            }
            Command::Export(what) => self.export(&what),
            Command::Print => self.print.show_dialog(),
            Command::Quit => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Find => {
                self.tab = Tab::People;
                ctx.memory_mut(|m| m.request_focus(people::search_id()));
            }
            Command::ShowTab(t) => self.tab = t,
            Command::Select(s) => self.select(&s),
            Command::Edit(e) => self.edit(e),
            Command::EditSaying(e, text) => {
                self.edit(e);
                if self.notice.is_none() {
                    self.say(text, false);
                }
            }
            Command::Say { text, error } => self.say(text, error),
            Command::DismissNotice => self.notice = None,
            Command::Unsaved(answer) => self.answer_unsaved(answer, ctx),
            Command::RestoreRecovery => {
                if let Some(text) = self.session.restore_offer() {
                    self.safety.offer_diff = None;
                    self.say(text, false);
                }
            }
            Command::DiscardRecovery => {
                self.session.discard_offer();
                self.safety.offer_diff = None;
            }
            Command::ShowRecoveryDifferences => self.safety.offer_diff = self.session.offer_differences(),
            Command::DismissQuestion => {
                self.safety.lock_question = None;
                self.safety.save_failed = None;
            }
            Command::Theme(t) => ctx.set_theme(t),
            Command::Ask(q) => self.question = Some(*q),
            Command::Help(page) => self.help.page = Some(page),
            Command::Answer(yes) => {
                if let Some(q) = self.question.take()
                    && yes
                {
                    self.edit(q.then);
                }
            }
        }
    }

    /// The answer to "Save changes?" for the command waiting on it.
    fn answer_unsaved(&mut self, answer: Unsaved, ctx: &egui::Context) {
        let Some(waiting) = self.unsaved.take() else { return };
        match answer {
            Unsaved::Cancel => {}
            Unsaved::DontSave => {
                self.session.discard_changes();
                self.session.discarded = matches!(waiting, Command::Quit);
                self.carry_out(waiting, ctx);
            }
            Unsaved::Save => {
                self.save();
                // Only go on if the save worked (a failed save leaves the document dirty).
                if !self.session.doc.dirty {
                    self.carry_out(waiting, ctx);
                }
            }
        }
    }

    /// The whole window, for one frame: draw, then run what was asked.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.start_frame(&ctx);
        self.commands.from_keyboard_and_drops(&ctx);
        // The window's close button: ask first when there are unsaved changes.
        if ctx.input(|i| i.viewport().close_requested()) && self.session.doc.dirty && !self.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.unsaved = Some(Command::Quit);
        }
        let title = if self.start_problem.is_some() { "Cluster Planner".to_owned() } else { self.session.doc.title() };
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        egui::Panel::top("menu")
            .show(ui, |ui| super::menu::show(ui, &self.session, self.tab, self.chart, &mut self.commands));
        // The start screen shows no document: no tabs, no file in the status bar.
        if self.start_problem.is_some() {
            self.central(ui);
            self.dialogs(&ctx);
            self.run_commands(&ctx);
            self.finish_opening(false);
            self.screenshot_step(&ctx);
            return;
        }
        egui::Panel::bottom("status")
            .show(ui, |ui| super::status::show(ui, &self.session, self.notice.as_ref(), &mut self.commands));
        egui::Panel::top("tabs").show(ui, |ui| {
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                        self.commands.push(Command::ShowTab(tab));
                    }
                }
                ui.separator();
                ui.label(&self.session.doc.scenario.name);
            });
        });
        self.central(ui);
        self.dialogs(&ctx);
        self.run_commands(&ctx);
        // After drawing: a file opening is shown as opening for at least one frame.
        self.finish_opening(false);
        self.screenshot_step(&ctx);
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        let (doc, cmds) = (&self.session.doc, &mut self.commands);
        if let Some((path, why)) = &self.start_problem {
            egui::CentralPanel::default().show(ui, |ui| start_screen(ui, path, why, cmds));
            return;
        }
        egui::CentralPanel::default().show(ui, |ui| match self.tab {
            Tab::Overview => overview::show(ui, doc, &mut self.chart),
            Tab::Icbs => icbs::show(ui, doc, &mut self.icbs, cmds),
            Tab::Clusters => clusters::show(ui, doc, &mut self.clusters, cmds),
            Tab::Teams => teams::show(ui, doc, &mut self.teams, cmds),
            Tab::People => people::show(ui, doc, &mut self.people, cmds),
            Tab::Consultation => consultation::show(ui, doc, &mut self.consultation, cmds),
            Tab::Functions => functions::show(ui, doc, cmds),
            Tab::Assumptions => assumptions::show(ui, doc, &mut self.assumptions, cmds),
            Tab::Findings => findings::show(ui, doc, &mut self.findings, cmds),
        });
    }

    fn dialogs(&mut self, ctx: &egui::Context) {
        if self.unsaved.is_some() {
            unsaved::show(ctx, &self.session.doc, &mut self.commands);
        }
        if let Some(q) = &self.question {
            confirm::show(ctx, q, &mut self.commands);
        }
        if !self.session.look_only {
            self.session.autosave_tick();
            if self.session.doc.dirty {
                // Wake up in time for the next copy even if nothing else happens.
                ctx.request_repaint_after(AUTOSAVE_EVERY);
            }
        }
        safety::show(ctx, &self.safety, &self.session, &mut self.commands);
        print::show(ctx, &mut self.print, &self.session.doc, self.chart, &mut self.commands);
        import::show(ctx, &mut self.import, &self.session.doc, &mut self.commands);
        spreadsheet::show(ctx, &mut self.export_sheet, &mut self.commands);
        new_scenario::show(ctx, &mut self.new_scenario, &mut self.commands);
        migrate::show(ctx, &mut self.migrate, &self.session.doc, &mut self.commands);
        compare::show(ctx, &self.session.doc, &mut self.compare, &mut self.commands);
        help::show(ctx, &mut self.help);
        file_chooser::show(ctx, &mut self.files.chooser, &mut self.commands);
        if let Some(pending) = &self.opening {
            opening_dialog(ctx, &pending.path, &mut self.commands);
            // Look for the worker's answer again soon, even if nothing else happens.
            ctx.request_repaint_after(std::time::Duration::from_millis(20));
        }
    }

    /// Writes the recovery copy now (on quit with unsaved changes, or after a panic).
    pub fn write_recovery_now(&self) -> Option<PathBuf> {
        self.session.write_recovery_now()
    }
}

/// What the window shows when the file it was asked to open at start cannot be opened:
/// which file, what is wrong in plain words, and what to do instead.
fn start_screen(ui: &mut egui::Ui, path: &Path, why: &str, cmds: &mut Commands) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.heading("This file could not be opened");
        ui.add_space(8.0);
        ui.label(egui::RichText::new(path.display().to_string()).strong());
        ui.label(why.strip_prefix(&format!("{}: ", path.display())).unwrap_or(why));
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 420.0).max(0.0) / 2.0);
            if ui.button("Open…").on_hover_text("Choose a scenario file").clicked() {
                cmds.push(Command::Open);
            }
            if ui.button("New scenario").on_hover_text("Start from the 42 ICBs, with no clusters").clicked() {
                cmds.push(Command::New);
            }
            if ui
                .button("Open the example")
                .on_hover_text("Northamptonshire + Leicester, Leicestershire & Rutland, built in")
                .clicked()
            {
                cmds.push(Command::OpenExample);
            }
        });
    });
}

/// "Opening FILE…" while the worker reads it, with Cancel (or Esc).
fn opening_dialog(ctx: &egui::Context, path: &Path, cmds: &mut Commands) {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let modal = egui::Modal::new(egui::Id::unique("opening-file")).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.heading(format!("Opening {name}…"));
        });
        ui.label("Reading the file, checking it and working out its figures.");
        if ui.button("Cancel").on_hover_text("Keep the scenario that is open now").clicked() {
            cmds.push(Command::CancelOpening);
        }
    });
    if modal.should_close() {
        cmds.push(Command::CancelOpening);
    }
}
