//! Functions: the Model ICB Blueprint catalogue, each function's disposition, and the people
//! and cost that work in it and that move out with it.

use crate::edit::Document;
use crate::edit::Edit;
use crate::model::Disposition;
use crate::model::money::{Wte, format_count, format_pounds};
use crate::ui::command::Commands;

pub fn show(ui: &mut egui::Ui, doc: &Document, cmds: &mut Commands) {
    let s = &doc.scenario;
    ui.label("Set what happens to each function. People who transfer out with a function are set on the People tab; their cost is moved, not saved.");
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("functions").striped(true).num_columns(6).show(ui, |ui| {
            ui.strong("Function");
            ui.strong("Disposition");
            columns(ui, ["People", "WTE", "Cost today", "Moved out"].map(str::to_owned), true);
            ui.end_row();
            for (i, f) in s.functions.iter().enumerate() {
                let name = ui.label(&f.name).on_hover_text(&f.notes);
                egui::ComboBox::from_id_salt(("disposition", i))
                    .selected_text(f.disposition.label())
                    .show_ui(ui, |ui| {
                        for d in Disposition::ALL {
                            if ui.selectable_label(f.disposition == d, d.label()).clicked() && f.disposition != d {
                                cmds.edit(Edit::SetDisposition { function: i, disposition: d, date: f.date });
                            }
                        }
                    })
                    .response
                    .labelled_by(name.id);
                let fig = doc.summary.functions.get(i);
                figures(ui, fig.map_or((0, 0, 0, 0), |x| (x.people, x.wte, x.baseline_cost, x.transferred_out)), false);
                ui.end_row();
            }
            // The whole column, so the moved-out figure on the Overview can be checked here.
            let f = &doc.summary.functions;
            ui.strong("All functions");
            ui.label("");
            let total = (
                f.iter().map(|x| x.people).sum(),
                f.iter().map(|x| x.wte).sum(),
                f.iter().map(|x| x.baseline_cost).sum(),
                f.iter().map(|x| x.transferred_out).sum(),
            );
            figures(ui, total, true);
            ui.end_row();
        });
    });
}

/// People, WTE, cost today and moved out, standing right as figures do.
fn figures(ui: &mut egui::Ui, (people, wte, cost, moved): (u32, u64, i64, i64), strong: bool) {
    let texts = [
        format_count(people as usize),
        Wte(u32::try_from(wte).unwrap_or(u32::MAX)).to_string(),
        format_pounds(cost),
        format_pounds(moved),
    ];
    columns(ui, texts, strong);
}

/// Four texts in the figure columns' widths, standing right.
fn columns(ui: &mut egui::Ui, texts: [String; 4], strong: bool) {
    for (t, w) in texts.into_iter().zip([70.0, 90.0, 120.0, 120.0]) {
        let h = ui.spacing().interact_size.y;
        ui.allocate_ui_with_layout(egui::vec2(w, h), egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if strong {
                ui.strong(t);
            } else {
                ui.label(t);
            }
        });
    }
}
