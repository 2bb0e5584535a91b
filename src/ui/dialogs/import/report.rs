//! The import dialog's report side: what blocks the import, how many rows are ready, and the
//! problems, the changes against the scenario, or a preview of the rows.

use super::{ImportDialog, Show};
use crate::files::import::Level;
use crate::model::money::{format_count as n, format_pounds_pence};

/// What the mapping gives: what blocks the import, the counts, and the problems, changes
/// or a preview of the rows, in lists `list_h` high.
pub(super) fn show(ui: &mut egui::Ui, d: &mut ImportDialog, list_h: f32) {
    let (Some(p), Some(plan)) = (d.prepared.clone(), d.plan.clone()) else {
        return;
    };
    if !p.blocking.is_empty() {
        ui.colored_label(ui.visuals().error_fg_color, "Nothing can be imported yet:");
        for b in &p.blocking {
            ui.colored_label(ui.visuals().error_fg_color, format!("• {b}"));
        }
        return;
    }
    let errors = p.count(Level::Error);
    let warnings = p.count(Level::Warning);
    ui.strong(format!(
        "{} of {} rows ready; {} left out with errors; {} warnings.",
        n(p.people.len()),
        n(p.rows),
        n(p.skipped),
        n(warnings)
    ));
    ui.label(format!("Against the scenario: {}.", plan.headline()));
    if !plan.left.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} people of {} who are not in this file will be removed (see Changes).",
                plan.left.len(),
                p.orgs.join(", ")
            ),
        );
    }
    if !plan.kept_leavers.is_empty() {
        ui.label(format!(
            "{} people not in this extract are kept because their exit is already recorded (its cost stays in the figures).",
            plan.kept_leavers.len()
        ));
    }
    ui.horizontal(|ui| {
        ui.selectable_value(&mut d.show, Show::Problems, format!("Problems ({})", n(errors + warnings)));
        ui.selectable_value(
            &mut d.show,
            Show::Changes,
            format!("Changes ({})", n(plan.changed.len() + plan.left.len())),
        );
        ui.selectable_value(&mut d.show, Show::Preview, "Preview");
    });
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    match d.show {
        Show::Problems => {
            if p.issues.is_empty() {
                ui.label("No problems: every row reads cleanly.");
            }
            list_area("import-problems", list_h).show_rows(ui, row_h, p.issues.len(), |ui, range| {
                for i in &p.issues[range] {
                    let c = match i.level {
                        Level::Error => ui.visuals().error_fg_color,
                        Level::Warning => ui.visuals().warn_fg_color,
                    };
                    let text = i.to_string();
                    ui.add(egui::Label::new(egui::RichText::new(&text).color(c)).truncate()).on_hover_text(text);
                }
            });
        }
        Show::Changes => {
            // Changed people, then those who left; only the rows in view are written out.
            let total = plan.changed.len() + plan.left.len();
            if total == 0 {
                ui.label("No one already in the scenario changes or leaves.");
            }
            list_area("import-changes", list_h).show_rows(ui, row_h, total, |ui, range| {
                for i in range {
                    let l = match plan.changed.get(i) {
                        Some(c) => format!("{}: {}", c.id, c.what.join("; ")),
                        None => format!("{}: left (not in this extract)", plan.left[i - plan.changed.len()]),
                    };
                    ui.add(egui::Label::new(&l).truncate()).on_hover_text(l);
                }
            });
        }
        Show::Preview => {
            egui::Grid::new("import-preview").striped(true).num_columns(8).show(ui, |ui| {
                for h in ["Row", "Assignment number", "Name", "ICB", "Position title", "Grade", "WTE", "Salary"] {
                    ui.strong(h);
                }
                ui.end_row();
                for (person, line) in p.people.iter().zip(&p.lines).take(15) {
                    ui.label(line.to_string());
                    ui.label(&person.id);
                    ui.label(person.name.as_deref().unwrap_or(""));
                    ui.label(person.org.as_str());
                    ui.label(&person.title);
                    ui.label(person.grade.to_string());
                    ui.label(person.wte.to_string());
                    ui.label(format_pounds_pence(person.salary_pence));
                    ui.end_row();
                }
            });
        }
    }
}

/// The Problems and Changes lists: their full height at once, as [`scrolled`] explains.
fn list_area(id: &str, list_h: f32) -> egui::ScrollArea {
    let h = list_h.max(80.0);
    egui::ScrollArea::vertical().id_salt(id).max_height(h).min_scrolled_height(h)
}
