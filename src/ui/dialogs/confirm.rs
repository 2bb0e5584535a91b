//! "Delete the team …?": what an edit that takes something away does, to whom, and a yes
//! or Cancel (Esc).

use crate::edit::Question;
use crate::ui::command::{Command, Commands};

pub fn show(ctx: &egui::Context, q: &Question, cmds: &mut Commands) {
    egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(&q.title);
        for line in &q.lines {
            ui.label(line);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(&q.confirm).clicked() {
                cmds.push(Command::Answer(true));
            }
            if ui.button("Cancel").on_hover_text("Change nothing").clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                cmds.push(Command::Answer(false));
            }
        });
    });
}
