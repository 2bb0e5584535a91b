//! Everything the user can ask of the window is one [`Command`]. Menus, keyboard shortcuts,
//! buttons, tabs and dialogs only push commands; the app runs them once a frame, in one
//! place (`App::run_commands`). Each command knows its label, tooltip and shortcut (Cmd on
//! macOS, Ctrl elsewhere), so the menus and the shortcuts come from one list and cannot
//! drift apart.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::dialogs::spreadsheet;
use super::tabs::Tab;
use crate::edit::{Document, Edit, Question};
use crate::report::chart::ChartKind;
use crate::report::render;
use crate::validate::Subject;

/// The protective marking on a board pack exported from the File menu.
pub const DEFAULT_MARKING: &str = "OFFICIAL-SENSITIVE — DRAFT";

/// A file the user can export: what it holds and how it is made.
#[derive(Debug, Clone, PartialEq)]
pub enum Export {
    /// The board pack as a PDF, with or without names and salaries.
    Pack { redacted: bool },
    /// The chart on screen as SVG.
    ChartSvg(ChartKind),
    /// The chart on screen as a PNG this many pixels wide.
    ChartPng(ChartKind, u32),
    /// The workbook or the people CSV, as chosen in the spreadsheet dialog.
    Sheet(spreadsheet::Request),
    /// A file already made (the report of a move to the 2026/27 map, a comparison's
    /// workbook): its name, kind and bytes.
    Ready(ReadyFile),
}

/// A file made before the user chose where to save it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadyFile {
    pub name: String,
    /// The kind's name in the save dialog ("CSV") and its extension ("csv").
    pub kind: &'static str,
    pub ext: &'static str,
    pub bytes: std::sync::Arc<Vec<u8>>,
}

impl Export {
    /// The name offered in the save dialog, its filter's name and extension.
    #[must_use]
    pub fn file(&self, doc: &Document) -> (String, &'static str, &'static str) {
        match self {
            Export::Pack { redacted } => {
                let today = chrono::Local::now().date_naive();
                (crate::report::pack::pack_file_name(&doc.display_name(), *redacted, today), "PDF", "pdf")
            }
            Export::ChartSvg(c) => (format!("{}.svg", c.name()), "SVG image", "svg"),
            Export::ChartPng(c, _) => (format!("{}.png", c.name()), "PNG image", "png"),
            Export::Sheet(r) => match r.kind {
                spreadsheet::Kind::Workbook => (r.file_name(doc), "Excel workbook", "xlsx"),
                spreadsheet::Kind::PeopleCsv => (r.file_name(doc), "CSV", "csv"),
            },
            Export::Ready(f) => (f.name.clone(), f.kind, f.ext),
        }
    }

    /// The bytes to write.
    pub fn bytes(&self, doc: &Document) -> Result<Vec<u8>, String> {
        match self {
            Export::Pack { redacted } => super::dialogs::print::pdf_bytes(
                doc,
                super::dialogs::print::What::Pack,
                ChartKind::CostByIcb,
                DEFAULT_MARKING,
                *redacted,
            ),
            Export::ChartSvg(c) => Ok(render::chart_svg(*c, &doc.scenario, &doc.summary).into_bytes()),
            Export::ChartPng(c, width) => {
                render::chart_png(*c, &doc.scenario, &doc.summary, *width).map_err(|e| e.to_string())
            }
            Export::Sheet(r) => r.bytes(doc),
            Export::Ready(f) => Ok(f.bytes.to_vec()),
        }
    }
}

/// The answer to "Save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsaved {
    Save,
    DontSave,
    Cancel,
}

/// One thing the user asked for. Each variant names the method of `App` that carries it out
/// (in `app.rs`, `run_command`).
#[derive(Debug, Clone)]
pub enum Command {
    /// File ▸ New (asks to save changes first).
    New,
    /// File ▸ Open…: asks which file (asks to save changes first).
    Open,
    /// Opens this file (Open Recent, a dropped file; asks to save changes first).
    OpenPath(PathBuf),
    /// Opens the built-in example (from the start screen).
    OpenExample,
    /// Opens a file someone else has open, read-only.
    OpenReadOnly(PathBuf),
    /// Opens a file someone else has open, taking it over.
    OpenAnyway(PathBuf),
    /// Cancel on "Opening…": keep the open scenario.
    CancelOpening,
    /// Create in File ▸ New: a new scenario on that year's map and population basis.
    CreateNew(crate::model::reference::ReferenceYear, crate::model::PopulationBasis),
    Save,
    SaveAs,
    /// File ▸ Import people…: asks which staff list.
    Import,
    /// Starts the import dialog on this staff list (a dropped file, `--import`).
    ImportPath(PathBuf),
    /// File ▸ Export ▸ Spreadsheet…: shows its dialog.
    ExportSpreadsheet,
    /// File ▸ Move to the 2026/27 map…: shows its dialog.
    MoveToNewMap,
    /// File ▸ Compare options…: the open scenario against business as usual, and others.
    Compare,
    /// Add an option… in the comparison: asks which scenario file.
    CompareAdd,
    /// Use a file as the base… in the comparison: asks which scenario file.
    CompareBase,
    /// Several scenario files dropped on the window: the open scenario compared with them.
    CompareFiles(Vec<PathBuf>),
    /// Move in that dialog: the scenario onto the new map with these rules, as a new document.
    ApplyMigration(crate::model::migrate::SplitRules),
    /// Asks where and writes the export.
    Export(Export),
    /// File ▸ Print…: shows the print dialog.
    Print,
    Quit,
    Undo,
    Redo,
    /// View ▸ Find people…: the People tab with the search box focused.
    Find,
    ShowTab(Tab),
    /// Goes to what a finding is about.
    Select(Subject),
    /// Changes the scenario (undoable).
    Edit(Edit),
    /// Changes the scenario, and says this in the status bar when it worked.
    EditSaying(Edit, String),
    /// Says something in the status bar (an error stays until dismissed).
    Say {
        text: String,
        error: bool,
    },
    /// Hides the status bar's message.
    DismissNotice,
    /// The answer to "Save changes?".
    Unsaved(Unsaved),
    /// Opens the recovery copy on offer.
    RestoreRecovery,
    /// Deletes the recovery copy on offer.
    DiscardRecovery,
    /// Shows what the recovery copy on offer changes.
    ShowRecoveryDifferences,
    /// Closes the lock question or the "Not saved" message.
    DismissQuestion,
    /// Light, dark, or as the computer is set.
    Theme(egui::ThemePreference),
    /// Asks before an edit that takes something away (what it does, to whom).
    Ask(Box<Question>),
    /// A file chosen in the app's own file chooser, and what it is for.
    FileChosen(super::dialogs::file_chooser::Purpose, PathBuf),
    /// Help ▸ Guide, Glossary or About.
    Help(super::dialogs::help::HelpPage),
    /// The answer: do it, or not.
    Answer(bool),
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// Ctrl+Y also redoes on Windows and Linux.
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::CTRL, Key::Y);

impl Command {
    /// The commands with a keyboard shortcut, in the order they are tried: Save As before
    /// Save and Redo before Undo, because Ctrl+Shift+S also matches Ctrl+S.
    #[must_use]
    pub fn with_shortcuts() -> [Command; 10] {
        [
            Command::Help(super::dialogs::help::HelpPage::Guide),
            Command::SaveAs,
            Command::Save,
            Command::Open,
            Command::New,
            Command::Print,
            Command::Import,
            Command::Find,
            Command::Redo,
            Command::Undo,
        ]
    }

    /// Its name in a menu.
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Import => "Import people…",
            Command::ExportSpreadsheet => "Spreadsheet (XLSX or CSV)…",
            Command::MoveToNewMap => "Move to the 2026/27 map…",
            Command::Compare => "Compare options…",
            Command::Export(Export::Pack { redacted: false }) => "Board pack (PDF)…",
            Command::Export(Export::Pack { redacted: true }) => "Board pack, no names or salaries (PDF)…",
            Command::Export(Export::ChartSvg(_)) => "Chart on screen (SVG)…",
            Command::Export(Export::ChartPng(..)) => "Chart on screen (PNG)…",
            Command::Print => "Print…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Find => "Find people…",
            Command::ShowTab(t) => t.label(),
            Command::Help(page) => match page {
                super::dialogs::help::HelpPage::Guide => "Guide to the committee's loop",
                super::dialogs::help::HelpPage::Glossary => "Glossary",
                super::dialogs::help::HelpPage::About => "About Cluster Planner",
            },
            _ => "",
        }
    }

    /// A tooltip, where the label does not say it all.
    #[must_use]
    pub fn tooltip(&self) -> Option<&'static str> {
        match self {
            Command::Import => Some("Bring in a staff list (ESR or finance extract) from CSV, Excel or OpenDocument"),
            Command::ExportSpreadsheet => Some("The figures, structure, people and outcomes for Excel"),
            Command::Compare => Some(
                "This scenario and others side by side against business as usual, with net present value (Green Book)",
            ),
            Command::MoveToNewMap => Some(
                "A 2025/26 scenario onto the 36 ICBs of 1 April 2026: merged ICBs go across on their own; you say where the split ICBs' people go",
            ),
            Command::Help(super::dialogs::help::HelpPage::Glossary) => {
                Some("What the words mean: slotted in, ring-fenced, MARS, moved not saved, apportionment…")
            }
            _ => None,
        }
    }

    /// Its keyboard shortcut (Cmd on macOS, Ctrl elsewhere).
    #[must_use]
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        Some(match self {
            Command::New => cmd(Key::N),
            Command::Open => cmd(Key::O),
            Command::Save => cmd(Key::S),
            Command::SaveAs => cmd_shift(Key::S),
            Command::Print => cmd(Key::P),
            Command::Import => cmd(Key::I),
            Command::Find => cmd(Key::F),
            Command::Undo => cmd(Key::Z),
            Command::Redo => cmd_shift(Key::Z),
            // F1 is help on every desktop.
            Command::Help(super::dialogs::help::HelpPage::Guide) => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            _ => return None,
        })
    }

    /// Whether its shortcut was pressed this frame (and takes the key press). Undo and redo
    /// leave the keys to a text field being edited, which has its own.
    fn pressed(&self, ctx: &egui::Context) -> bool {
        let Some(s) = self.shortcut() else { return false };
        if matches!(self, Command::Undo | Command::Redo) && ctx.egui_wants_keyboard_input() {
            return false;
        }
        let also_y = matches!(self, Command::Redo) && !cfg!(target_os = "macos");
        ctx.input_mut(|i| i.consume_shortcut(&s) || (also_y && i.consume_shortcut(&REDO_Y)))
    }
}

/// The commands pushed during one frame, run by the app at the end of it.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    pub fn push(&mut self, c: Command) {
        self.0.push(c);
    }

    /// Pushes an edit of the scenario.
    pub fn edit(&mut self, e: Edit) {
        self.0.push(Command::Edit(e));
    }

    /// Pushes an edit, or first the question of what it takes away, from whom.
    pub fn edit_or_ask(&mut self, doc: &Document, e: Edit) {
        match crate::edit::question(&doc.scenario, &e) {
            Some(q) => self.0.push(Command::Ask(Box::new(q))),
            None => self.0.push(Command::Edit(e)),
        }
    }

    /// Takes the commands pushed so far, in order.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Pushes the command of each shortcut pressed this frame (one at most for Undo/Redo),
    /// and what was dropped on the window: a staff list is imported, anything else opened.
    pub fn from_keyboard_and_drops(&mut self, ctx: &egui::Context) {
        for c in Command::with_shortcuts() {
            if c.pressed(ctx) {
                let redo = matches!(c, Command::Redo);
                self.push(c);
                if redo {
                    break;
                }
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        let scenarios: Vec<PathBuf> =
            dropped.iter().filter(|p| !super::dialogs::import::is_staff_list(p)).cloned().collect();
        if scenarios.len() > 1 {
            // Several scenarios at once: the options to compare with the open one.
            self.push(Command::CompareFiles(scenarios));
        } else if let Some(p) = dropped.into_iter().next() {
            if super::dialogs::import::is_staff_list(&p) {
                self.push(Command::ImportPath(p));
            } else {
                self.push(Command::OpenPath(p));
            }
        }
    }

    /// A menu button for `c`, with its shortcut and tooltip; a click pushes it.
    pub fn menu_button(&mut self, ui: &mut egui::Ui, c: Command) {
        self.menu_button_enabled(ui, c, true, None);
    }

    /// A menu button that may be greyed out, with `text` in place of its label.
    pub fn menu_button_enabled(&mut self, ui: &mut egui::Ui, c: Command, enabled: bool, text: Option<String>) {
        let mut b = egui::Button::new(text.unwrap_or_else(|| c.label().to_owned()));
        if let Some(s) = c.shortcut() {
            b = b.shortcut_text(ui.ctx().format_shortcut(&s));
        }
        let mut r = ui.add_enabled(enabled, b);
        if let Some(t) = c.tooltip() {
            r = r.on_hover_text(t);
        }
        if r.clicked() {
            self.push(c);
        }
    }
}
