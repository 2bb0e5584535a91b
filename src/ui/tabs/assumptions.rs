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
    /// The plan's name, year and notes as typed.
    details: [String; 3],
}

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut AssumptionsView, cmds: &mut Commands) {
    let a = &doc.scenario.assumptions;
    if view.loaded_for != doc.revision || view.text.len() != SETTINGS.len() {
        view.text = SETTINGS.iter().map(|s| s.text(a)).collect();
        let s = &doc.scenario;
        view.details = [s.name.clone(), s.year.clone(), s.notes.clone()];
        view.choices = CHOICES.iter().map(|c| (c.get)(a)).collect();
        view.loaded_for = doc.revision;
        view.error = None;
    }
    // One scroll for the whole tab, so every field and button can be reached on a small screen.
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        plan_details(ui, doc, view, cmds);
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.heading("Assumptions");
            apply_buttons(ui, doc, view, cmds);
        });
        ui.label(format!(
            "As at {}; pay table {}. Change a figure and press Apply: the whole change is one undo step.",
            a.as_at, a.pay_year
        ));
        if let Some(e) = &view.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let mut enter = false;
        egui::Grid::new("assumptions").striped(true).num_columns(4).show(ui, |ui| {
            for (s, text) in SETTINGS.iter().zip(view.text.iter_mut()) {
                let l = ui.label(s.label);
                // Wide enough for a date or a salary: never "202!" for 2025-12-31.
                let r = ui
                    .add(egui::TextEdit::singleline(text).min_size(egui::vec2(120.0, 0.0)).desired_width(120.0))
                    .labelled_by(l.id);
                // Enter in a figure applies them all, as Apply does.
                enter |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.label(s.unit.label());
                ui.label(egui::RichText::new(s.source).weak());
                ui.end_row();
            }
        });
        for (c, on) in CHOICES.iter().zip(view.choices.iter_mut()) {
            ui.checkbox(on, c.label).on_hover_text(c.help);
        }
        if enter {
            apply(doc, view, cmds);
        }
    });
}

/// Apply (every figure as typed, one undoable step) and Reset, beside the heading so they
/// are always in view.
fn apply_buttons(ui: &mut egui::Ui, doc: &Document, view: &mut AssumptionsView, cmds: &mut Commands) {
    if ui.button("Apply").on_hover_text("Recompute every figure with these assumptions").clicked() {
        apply(doc, view, cmds);
    }
    if ui.button("Reset").on_hover_text("Go back to the figures in the scenario").clicked() {
        view.loaded_for = 0;
    }
}

/// Every figure as typed, as one undoable step; or what is wrong with them.
fn apply(doc: &Document, view: &mut AssumptionsView, cmds: &mut Commands) {
    let a = &doc.scenario.assumptions;
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

/// The plan's name, the financial year it plans, and its notes (shown on the board pack's
/// cover); Apply makes them one undoable step.
fn plan_details(ui: &mut egui::Ui, doc: &Document, view: &mut AssumptionsView, cmds: &mut Commands) {
    ui.heading("The plan");
    egui::Grid::new("plan-details").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        let l = ui.label("Plan name:");
        ui.add(egui::TextEdit::singleline(&mut view.details[0]).desired_width(420.0)).labelled_by(l.id);
        ui.end_row();
        let l = ui.label("Financial year:");
        ui.add(egui::TextEdit::singleline(&mut view.details[1]).desired_width(100.0).hint_text("not said"))
            .labelled_by(l.id)
            .on_hover_text("The financial year the plan is for");
        ui.end_row();
        let l = ui.label("Notes:");
        ui.add(egui::TextEdit::multiline(&mut view.details[2]).desired_width(420.0).desired_rows(3))
            .labelled_by(l.id)
            .on_hover_text("Provenance and caveats: printed on the board pack's cover");
        ui.end_row();
    });
    let s = &doc.scenario;
    let [name, year, notes] = &view.details;
    let changed = (name.trim(), year.trim(), notes.as_str()) != (s.name.as_str(), s.year.as_str(), s.notes.as_str());
    if ui.add_enabled(changed, egui::Button::new("Apply plan details")).clicked() {
        if name.trim().is_empty() {
            view.error = Some("Plan name: a plan needs a name".into());
        } else {
            cmds.edit(Edit::SetDetails {
                name: name.trim().to_owned(),
                year: year.trim().to_owned(),
                notes: notes.clone(),
            });
        }
    }
}
