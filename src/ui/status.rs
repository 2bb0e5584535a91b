//! The status bar: the file, saved or not, the recovery copy, the findings count, and the
//! last message.

use super::command::{Command, Commands};
use super::tabs::Tab;
use crate::edit::Session;

/// A message in the status bar (errors stay until dismissed or replaced).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

pub fn show(ui: &mut egui::Ui, session: &Session, notice: Option<&Notice>, cmds: &mut Commands) {
    let doc = &session.doc;
    ui.horizontal(|ui| {
        ui.label(doc.display_name());
        if session.read_only {
            ui.label("(read-only)")
                .on_hover_text("Someone else has this file open: Save writes a copy under another name");
        }
        ui.separator();
        if doc.never_saved() {
            ui.label("Not saved to a file").on_hover_text("This scenario is in no file yet: File ▸ Save As… keeps it");
        } else {
            ui.label(if doc.dirty { "Unsaved changes" } else { "Saved" });
        }
        if doc.dirty
            && let Some((text, error)) = session.autosave_status()
        {
            let color = if error { ui.visuals().error_fg_color } else { ui.visuals().weak_text_color() };
            ui.colored_label(color, text);
        }
        ui.separator();
        let findings = ui.add(egui::Button::new(doc.counts_text()).frame(false));
        if findings.on_hover_text("Show the validation findings").clicked() {
            cmds.push(Command::ShowTab(Tab::Findings));
        }
        if let Some(n) = notice {
            ui.separator();
            let color = if n.error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
            ui.colored_label(color, &n.text);
            if n.error && ui.small_button("Dismiss").on_hover_text("Hide this message").clicked() {
                cmds.push(Command::DismissNotice);
            }
        }
    });
}
