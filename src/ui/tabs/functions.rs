//! Functions: the Model ICB Blueprint catalogue, each function's disposition, and the people
//! and cost that work in it and that move out with it.

use crate::edit::Document;
use crate::edit::Edit;
use crate::model::Disposition;
use crate::model::money::{Wte, format_pounds};
use crate::ui::command::Commands;

pub fn show(ui: &mut egui::Ui, doc: &Document, cmds: &mut Commands) {
    let s = &doc.scenario;
    ui.label("Set what happens to each function. People who transfer out with a function are set on the People tab; their cost is moved, not saved.");
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("functions").striped(true).num_columns(6).show(ui, |ui| {
            for h in ["Function", "Disposition", "People", "WTE", "Cost today", "Moved out"] {
                ui.strong(h);
            }
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
                ui.label(fig.map_or(0, |x| x.people).to_string());
                ui.label(fig.map_or_else(String::new, |x| Wte(u32::try_from(x.wte).unwrap_or(u32::MAX)).to_string()));
                ui.label(fig.map_or_else(String::new, |x| format_pounds(x.baseline_cost)));
                ui.label(fig.map_or_else(String::new, |x| format_pounds(x.transferred_out)));
                ui.end_row();
            }
        });
    });
}
