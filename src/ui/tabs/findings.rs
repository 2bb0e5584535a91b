//! The Findings tab: every validation finding, errors first; a click goes to what it is
//! about.

use crate::edit::Document;
use crate::ui::command::{Command, Commands};
use crate::validate::Severity;

pub fn show(ui: &mut egui::Ui, doc: &Document, cmds: &mut Commands) {
    ui.heading("Findings");
    if doc.findings.is_empty() {
        ui.label("No findings: the scenario is consistent.");
        return;
    }
    ui.label("Click a finding to go to what it is about.");
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for f in &doc.findings {
            let color = match f.severity {
                Severity::Error => ui.visuals().error_fg_color,
                Severity::Warning => ui.visuals().warn_fg_color,
                Severity::Info => ui.visuals().weak_text_color(),
            };
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(color, f.severity.label());
                if ui.link(format!("{}: {}", f.subject, f.message)).clicked() {
                    cmds.push(Command::Select(f.subject.clone()));
                }
            });
        }
    });
}
