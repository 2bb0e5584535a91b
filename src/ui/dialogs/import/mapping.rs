//! The import dialog's mapping side: mapping profiles, the column for each field, the ICB
//! the rows belong to, and what the salary column holds.

use super::ImportDialog;
use crate::edit::Document;
use crate::files::import::{Field, SalaryBasis, Table, load_profiles, profiles_path, save_profile};
use crate::model::Scenario;

/// The mapping side of the dialog: profiles, the column for each field, the ICB, and
/// what the salary column holds. `changed` is set when the mapping changes.
pub(super) fn show(ui: &mut egui::Ui, d: &mut ImportDialog, t: &Table, doc: &Document, changed: &mut bool) {
    profiles(ui, d, changed);
    ui.label(
        "Check which column holds each field. Unused fields are left as they are for people already in the scenario.",
    );
    columns(ui, d, t, changed);
    icb(ui, d, doc, changed);
    salary_basis(ui, d, changed);
}

/// Apply a saved mapping, or save this one.
fn profiles(ui: &mut egui::Ui, d: &mut ImportDialog, changed: &mut bool) {
    ui.horizontal(|ui| {
        let l = ui.label("Mapping profile:");
        egui::ComboBox::from_id_salt("import-profile")
            .selected_text("apply a saved mapping…")
            .show_ui(ui, |ui| {
                if d.profiles.is_empty() {
                    ui.label("No saved profiles yet");
                }
                for p in &d.profiles {
                    if ui.selectable_label(false, &p.name).clicked() {
                        d.mapping = p.mapping.clone();
                        d.profile_name.clone_from(&p.name);
                        *changed = true;
                    }
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text("Mappings saved for earlier extracts, kept on this computer");
        let l = ui.label("Save as:");
        ui.add(egui::TextEdit::singleline(&mut d.profile_name).desired_width(160.0).hint_text("e.g. ESR monthly"))
            .labelled_by(l.id);
        if ui
            .add_enabled(!d.profile_name.trim().is_empty(), egui::Button::new("Save profile"))
            .on_hover_text("Keep this mapping under that name for the next extract")
            .clicked()
        {
            let path = d.profiles_path.clone().unwrap_or_else(profiles_path);
            d.profile_message = Some(match save_profile(&path, &d.profile_name, &d.mapping) {
                Ok(()) => {
                    d.profiles = load_profiles(&path).unwrap_or_default();
                    (format!("Saved the mapping as \"{}\"", d.profile_name.trim()), false)
                }
                Err(e) => (e, true),
            });
        }
    });
    if let Some((m, error)) = &d.profile_message {
        let c = if *error { ui.visuals().error_fg_color } else { ui.visuals().weak_text_color() };
        ui.colored_label(c, m);
    }
}

/// The column of the file for each field, with its first value.
fn columns(ui: &mut egui::Ui, d: &mut ImportDialog, t: &Table, changed: &mut bool) {
    egui::Grid::new("import-mapping").num_columns(3).striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
        ui.strong("Field");
        ui.strong("Column in the file");
        ui.strong("First value");
        ui.end_row();
        for f in Field::ALL {
            if f == Field::Org && d.mapping.org.is_some() {
                continue;
            }
            let l = ui.label(f.label()).on_hover_text(f.help());
            let current = d.mapping.columns.get(&f).cloned();
            let mut chosen = current.clone();
            egui::ComboBox::from_id_salt(("import-map", f))
                .selected_text(current.clone().unwrap_or_else(|| "— not used —".into()))
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "— not used —");
                    for h in &t.headers {
                        ui.selectable_value(&mut chosen, Some(h.clone()), h);
                    }
                })
                .response
                .labelled_by(l.id)
                .on_hover_text(f.help());
            if chosen != current {
                match chosen {
                    Some(h) => {
                        // A column serves one field: take it from any other.
                        d.mapping.columns.retain(|_, v| *v != h);
                        d.mapping.columns.insert(f, h);
                    }
                    None => {
                        d.mapping.columns.remove(&f);
                    }
                }
                *changed = true;
            }
            let sample = current.as_deref().and_then(|h| t.column(h)).and_then(|c| t.sample(c)).unwrap_or("");
            if sample.chars().count() > 28 {
                let short: String = sample.chars().take(27).collect();
                ui.label(format!("{short}…")).on_hover_text(sample);
            } else {
                ui.label(sample);
            }
            ui.end_row();
        }
    });
}

/// The ICB the rows belong to: from a column, or one for every row.
fn icb(ui: &mut egui::Ui, d: &mut ImportDialog, doc: &Document, changed: &mut bool) {
    ui.horizontal(|ui| {
        ui.label("ICB:");
        let from_column = d.mapping.org.is_none();
        if ui.radio(from_column, "From the ICB column").on_hover_text("Each row says which ICB it belongs to").clicked()
            && !from_column
        {
            d.mapping.org = None;
            *changed = true;
        }
        let all_rows = ui.radio(!from_column, "All rows belong to");
        if all_rows.clicked() && from_column {
            d.mapping.org = doc.scenario.organisations.first().map(|o| o.code.clone());
            *changed = true;
        }
        if let Some(code) = d.mapping.org.clone() {
            let mut chosen = code.clone();
            egui::ComboBox::from_id_salt("import-org")
                .selected_text(org_label(&doc.scenario, &code))
                .width(300.0)
                .show_ui(ui, |ui| {
                    for o in &doc.scenario.organisations {
                        ui.selectable_value(&mut chosen, o.code.clone(), org_label(&doc.scenario, &o.code));
                    }
                })
                .response
                .labelled_by(all_rows.id)
                .on_hover_text("The ICB every row of this file belongs to");
            if chosen != code {
                d.mapping.org = Some(chosen);
                *changed = true;
            }
        }
    });
}

/// Whether the salary column holds the full-time salary or actual pay.
fn salary_basis(ui: &mut egui::Ui, d: &mut ImportDialog, changed: &mut bool) {
    ui.horizontal(|ui| {
        ui.label("Salary is:");
        let before = d.mapping.salary_basis;
        ui.radio_value(&mut d.mapping.salary_basis, SalaryBasis::FullTime, "the full-time salary")
            .on_hover_text("As ESR's Annual Salary: what the post pays at 1.0 WTE");
        ui.radio_value(&mut d.mapping.salary_basis, SalaryBasis::Actual, "actual pay (divided by WTE)")
            .on_hover_text("What the person is paid a year; £30,000 at 0.6 WTE is £50,000 full-time");
        if d.mapping.salary_basis != before {
            *changed = true;
        }
    });
}

fn org_label(s: &Scenario, code: &str) -> String {
    s.organisation(code)
        .map_or_else(|| code.to_owned(), |o| format!("{} {}", o.code, crate::report::short_name(&o.name)))
}
