//! Assumptions: every rate and parameter of the cost engine, with its unit and source (from
//! the one catalogue in `model/assumptions.rs`), edited as text and applied in one undoable
//! step.

use crate::edit::{Document, Edit};
use crate::model::{CHOICES, SETTINGS};
use crate::ui::command::Commands;

#[derive(Debug, Default)]
pub struct AssumptionsView {
    text: Vec<String>,
    choices: Vec<bool>,
    loaded_for: u64,
    pub error: Option<String>,
}

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut AssumptionsView, cmds: &mut Commands) {
    let a = &doc.scenario.assumptions;
    if view.loaded_for != doc.revision || view.text.len() != SETTINGS.len() {
        view.text = SETTINGS.iter().map(|s| s.text(a)).collect();
        view.choices = CHOICES.iter().map(|c| (c.get)(a)).collect();
        view.loaded_for = doc.revision;
        view.error = None;
    }
    ui.heading("Assumptions");
    ui.label(format!(
        "As at {}; pay table {}. Change a figure and press Apply: the whole change is one undo step.",
        a.as_at, a.pay_year
    ));
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("assumptions").striped(true).num_columns(4).show(ui, |ui| {
            for (s, text) in SETTINGS.iter().zip(view.text.iter_mut()) {
                let l = ui.label(s.label);
                ui.add(egui::TextEdit::singleline(text).desired_width(110.0)).labelled_by(l.id);
                ui.label(s.unit.label());
                ui.label(egui::RichText::new(s.source).weak());
                ui.end_row();
            }
        });
        for (c, on) in CHOICES.iter().zip(view.choices.iter_mut()) {
            ui.checkbox(on, c.label).on_hover_text(c.help);
        }
        ui.horizontal(|ui| {
            if ui.button("Apply").on_hover_text("Recompute every figure with these assumptions").clicked() {
                let mut next = a.clone();
                let mut problems = Vec::new();
                for (s, text) in SETTINGS.iter().zip(&view.text) {
                    if let Err(e) = s.set_text(&mut next, text) {
                        problems.push(format!("{}: {e}", s.label));
                    }
                }
                for (c, on) in CHOICES.iter().zip(&view.choices) {
                    (c.set)(&mut next, *on);
                }
                if problems.is_empty() {
                    if next != *a {
                        cmds.edit(Edit::SetAssumptions(Box::new(next)));
                    }
                    view.error = None;
                } else {
                    view.error = Some(problems.join("\n"));
                }
            }
            if ui.button("Reset").on_hover_text("Go back to the figures in the scenario").clicked() {
                view.loaded_for = 0;
            }
        });
        if let Some(e) = &view.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    });
}
