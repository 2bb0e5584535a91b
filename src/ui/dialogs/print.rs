//! The Print dialog and the exports: board pack PDF, the chart on screen as SVG or PNG.

use crate::edit::Document;
use crate::report::chart::ChartKind;
use crate::report::pack::{self, PackOptions};
use crate::report::print::{Paper, PrintError, open_bytes_in_viewer, print_bytes, printers};
use crate::ui::command::{Command, Commands};

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Pack,
    Chart,
}

#[derive(Debug)]
pub struct PrintDialog {
    pub open: bool,
    pub what: What,
    pub redacted: bool,
    pub marking: String,
    pub printers: Result<(Vec<String>, Option<String>), PrintError>,
    pub printer: Option<String>,
    pub copies: u32,
    pub paper: Paper,
}

impl Default for PrintDialog {
    fn default() -> Self {
        PrintDialog {
            open: false,
            what: What::Pack,
            redacted: false,
            marking: "OFFICIAL-SENSITIVE — DRAFT".to_owned(),
            printers: Ok((Vec::new(), None)),
            printer: None,
            copies: 1,
            paper: Paper::A4,
        }
    }
}

impl PrintDialog {
    /// Opens the dialog and asks CUPS for its printers (a few seconds at most).
    pub fn show_dialog(&mut self) {
        self.open = true;
        self.printers = printers();
        if let Ok((list, default)) = &self.printers
            && self.printer.as_ref().is_none_or(|p| !list.contains(p))
        {
            self.printer = default.clone().or_else(|| list.first().cloned());
        }
    }
}

fn options(doc: &Document, marking: &str, redacted: bool) -> PackOptions {
    let mut o = PackOptions::new(&doc.display_name());
    marking.clone_into(&mut o.marking);
    o.redacted = redacted;
    o
}

/// The PDF the dialog would print.
pub fn pdf_bytes(
    doc: &Document,
    what: What,
    chart: ChartKind,
    marking: &str,
    redacted: bool,
) -> Result<Vec<u8>, String> {
    let o = options(doc, marking, redacted);
    match what {
        What::Pack => pack::board_pack_pdf(&doc.scenario, &doc.summary, &o),
        What::Chart => pack::chart_pdf(chart, &doc.scenario, &doc.summary, &o),
    }
    .map_err(|e| e.to_string())
}

/// Draws the dialog; what happened goes to the status bar as a command.
pub fn show(ctx: &egui::Context, d: &mut PrintDialog, doc: &Document, chart: ChartKind, cmds: &mut Commands) {
    if !d.open {
        return;
    }
    let mut close = false;
    egui::Modal::new(egui::Id::unique("print-dialog")).show(ctx, |ui| {
        ui.heading("Print");
        ui.horizontal(|ui| {
            ui.radio_value(&mut d.what, What::Pack, "Board pack")
                .on_hover_text("Cover, tables, every chart, costs and assumptions");
            ui.radio_value(&mut d.what, What::Chart, "The chart on screen");
        });
        ui.checkbox(&mut d.redacted, "Leave out names and salaries").on_hover_text("For wider circulation");
        ui.horizontal(|ui| {
            let l = ui.label("Marking:");
            ui.add(egui::TextEdit::singleline(&mut d.marking).desired_width(260.0)).labelled_by(l.id);
        });
        ui.separator();
        match &d.printers {
            Ok((list, _)) if !list.is_empty() => {
                let selected = d.printer.clone().unwrap_or_else(|| "choose…".into());
                egui::ComboBox::new("printer", "printer").selected_text(selected).show_ui(ui, |ui| {
                    for p in list {
                        ui.selectable_value(&mut d.printer, Some(p.clone()), p);
                    }
                });
                ui.horizontal(|ui| {
                    ui.add(egui::DragValue::new(&mut d.copies).range(1..=99)).labelled_by(ui.label("Copies:").id);
                    ui.radio_value(&mut d.paper, Paper::A4, "A4");
                    ui.radio_value(&mut d.paper, Paper::Letter, "Letter");
                });
            }
            Ok(_) => {
                ui.label("No printers are set up on this computer. Open the PDF in your viewer and print from there.");
            }
            Err(e) => {
                ui.label(e.to_string());
            }
        }
        ui.separator();
        ui.horizontal(|ui| {
            let can_print = d.printers.as_ref().is_ok_and(|(l, _)| !l.is_empty());
            if ui.add_enabled(can_print, egui::Button::new("Print")).clicked() {
                let (text, error) = match pdf_bytes(doc, d.what, chart, &d.marking, d.redacted) {
                    Err(e) => (e, true),
                    Ok(bytes) => match print_bytes(&bytes, "cluster-planner-", d.printer.as_deref(), d.copies, d.paper)
                    {
                        Ok(msg) => (format!("Sent to {}: {msg}", d.printer.clone().unwrap_or_default()), false),
                        Err(e) => (e.to_string(), true),
                    },
                };
                cmds.push(Command::Say { text, error });
                close = true;
            }
            if ui
                .button("Open in viewer")
                .on_hover_text("Open the PDF in the system's viewer and print from its dialog")
                .clicked()
            {
                let (text, error) = match pdf_bytes(doc, d.what, chart, &d.marking, d.redacted) {
                    Err(e) => (e, true),
                    Ok(bytes) => match open_bytes_in_viewer(&bytes) {
                        Ok(path) => (format!("Opened {} in the PDF viewer", path.display()), false),
                        Err((e, Some(path))) => (format!("{e} The PDF is at {}", path.display()), true),
                        Err((e, None)) => (e.to_string(), true),
                    },
                };
                cmds.push(Command::Say { text, error });
                close = true;
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
    });
    if close {
        d.open = false;
    }
}
