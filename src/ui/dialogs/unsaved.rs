//! "Save changes?": asked before New, Open or Quit throws away unsaved changes.

use crate::edit::Document;
use crate::ui::command::{Command, Commands, Unsaved};

pub fn show(ctx: &egui::Context, doc: &Document, cmds: &mut Commands) {
    egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        ui.heading("Save changes?");
        ui.label(format!("{} has unsaved changes. Save them before you go on?", doc.display_name()));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                cmds.push(Command::Unsaved(Unsaved::Save));
            }
            if ui.button("Don't save").on_hover_text("Discard the changes").clicked() {
                cmds.push(Command::Unsaved(Unsaved::DontSave));
            }
            if ui.button("Cancel").on_hover_text("Go back to the document").clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                cmds.push(Command::Unsaved(Unsaved::Cancel));
            }
        });
    });
}
