//! Keeping work safe in the window: the recovery offer at start, the lock-file question,
//! and Save As when a save fails. The copies, locks and saves themselves are the session's.

use std::path::PathBuf;

use crate::edit::Session;
use crate::files::lock::Holder;
use crate::ui::command::{Command, Commands};

/// The questions on screen, if any.
#[derive(Debug, Default)]
pub struct Safety {
    /// "Show what differs" for the recovery copy on offer.
    pub offer_diff: Option<Vec<String>>,
    /// A file someone else has open: (its path, who).
    pub lock_question: Option<(PathBuf, Holder)>,
    /// A save that failed, with its message: Save As is offered.
    pub save_failed: Option<String>,
}

impl Safety {
    /// Whether one of the dialogs is on screen.
    #[must_use]
    pub fn asking(&self, session: &Session) -> bool {
        !session.offers.is_empty() || self.lock_question.is_some() || self.save_failed.is_some()
    }
}

/// Shows whichever dialog is due; the answer is pushed as a command.
pub fn show(ctx: &egui::Context, safety: &Safety, session: &Session, cmds: &mut Commands) {
    if let Some(copy) = session.offers.first() {
        egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
            ui.heading("Recover unsaved work?");
            let what = copy
                .original
                .as_ref()
                .map_or_else(|| format!("a new scenario, \"{}\"", copy.scenario.name), |p| p.display().to_string());
            ui.label(format!("Cluster Planner kept a copy of unsaved changes to {what}, written {}.", copy.written));
            ui.label("Restore opens that copy (unsaved, so you can check it and save it). Discard deletes it.");
            if let Some(lines) = &safety.offer_diff {
                ui.separator();
                // Full height at once: a modal only has the room its last frame used, so
                // without this the dialog would grow and move a step a frame.
                egui::ScrollArea::vertical().max_height(240.0).min_scrolled_height(240.0).show(ui, |ui| {
                    if lines.is_empty() {
                        ui.label("The copy is the same as the file.");
                    }
                    for l in lines {
                        ui.label(l);
                    }
                });
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    cmds.push(Command::RestoreRecovery);
                }
                if ui.button("Discard").on_hover_text("Delete the recovery copy").clicked() {
                    cmds.push(Command::DiscardRecovery);
                }
                if safety.offer_diff.is_none() && ui.button("Show what differs").clicked() {
                    cmds.push(Command::ShowRecoveryDifferences);
                }
            });
        });
    } else if let Some((path, holder)) = &safety.lock_question {
        egui::Modal::new(egui::Id::unique("lock-question")).show(ctx, |ui| {
            ui.heading("Someone else has this file open");
            ui.label(format!("{} is open by {holder}.", path.display()));
            ui.label(
                "If you both save, one of you will lose changes. Open it read-only to look without saving over it.",
            );
            ui.horizontal(|ui| {
                if ui.button("Open read-only").clicked() {
                    cmds.push(Command::OpenReadOnly(path.clone()));
                }
                if ui.button("Open anyway").on_hover_text("Take over the file (for example after a crash)").clicked() {
                    cmds.push(Command::OpenAnyway(path.clone()));
                }
                if ui.button("Cancel").clicked() {
                    cmds.push(Command::DismissQuestion);
                }
            });
        });
    } else if let Some(msg) = &safety.save_failed {
        egui::Modal::new(egui::Id::unique("save-failed")).show(ctx, |ui| {
            ui.heading("Not saved");
            ui.label(msg);
            ui.label(format!("{} is still open with its changes.", session.doc.display_name()));
            ui.horizontal(|ui| {
                if ui.button("Save As…").clicked() {
                    cmds.push(Command::SaveAs);
                }
                if ui.button("Close").clicked() {
                    cmds.push(Command::DismissQuestion);
                }
            });
        });
    }
}
