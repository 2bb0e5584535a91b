//! File ▸ Export ▸ Spreadsheet…: the workbook (XLSX) or people and outcomes (CSV), in full
//! or without names and/or salaries. The sheets are made by `crate::files::workbook`.

use crate::edit::Document;
use crate::files::workbook::{Redaction, people_csv, xlsx};
use crate::ui::command::{Command, Commands, Export};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Workbook,
    PeopleCsv,
}

#[derive(Debug, Default)]
pub struct ExportDialog {
    pub open: bool,
    pub kind: Kind,
    pub redaction: Redaction,
}

/// What to write, once the user has chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub kind: Kind,
    pub redaction: Redaction,
}

impl Request {
    /// A file name to offer: "lnr-cluster.xlsx", "lnr-cluster-people-no-names.csv".
    #[must_use]
    pub fn file_name(&self, doc: &Document) -> String {
        let stem = doc.display_name().trim_end_matches(".ron").to_owned();
        let r = match (self.redaction.names, self.redaction.salaries) {
            (false, false) => "",
            (true, false) => "-no-names",
            (false, true) => "-no-salaries",
            (true, true) => "-no-names-or-salaries",
        };
        match self.kind {
            Kind::Workbook => format!("{stem}{r}.xlsx"),
            Kind::PeopleCsv => format!("{stem}-people{r}.csv"),
        }
    }

    /// The bytes to write.
    pub fn bytes(&self, doc: &Document) -> Result<Vec<u8>, String> {
        match self.kind {
            Kind::Workbook => xlsx(&doc.scenario, &doc.summary, self.redaction),
            Kind::PeopleCsv => Ok(people_csv(&doc.scenario, &doc.summary, self.redaction)),
        }
    }
}

/// Draws the dialog; pushes the export to write when the user presses Export….
pub fn show(ctx: &egui::Context, d: &mut ExportDialog, cmds: &mut Commands) {
    if !d.open {
        return;
    }
    let mut close = false;
    egui::Modal::new(egui::Id::unique("export-sheet-dialog")).show(ctx, |ui| {
        ui.heading("Export to a spreadsheet");
        ui.radio_value(&mut d.kind, Kind::Workbook, "Workbook (XLSX)").on_hover_text(
            "Summary, Structure, People and outcomes, One-off costs and Assumptions: values with £ formats, filters and frozen headings",
        );
        ui.radio_value(&mut d.kind, Kind::PeopleCsv, "People and outcomes (CSV)")
            .on_hover_text("One row a person: the at-risk register, for any spreadsheet or system");
        ui.separator();
        ui.checkbox(&mut d.redaction.names, "Leave out names")
            .on_hover_text("Assignment numbers stay, so those who may can match the rows");
        ui.checkbox(&mut d.redaction.salaries, "Leave out salaries")
            .on_hover_text("No person's salary, cost or payment and no post's cost; totals stay");
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Export…").on_hover_text("Choose where to save it").clicked() {
                cmds.push(Command::Export(Export::Sheet(Request { kind: d.kind, redaction: d.redaction })));
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
