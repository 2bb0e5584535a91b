//! File ▸ Move to the 2026/27 map…: a 2025/26 scenario onto the 36 ICBs of 1 April 2026.
//! ICBs that merged whole go across on their own; for each of the three split ICBs the
//! user says where its people go, by cost centre, in bulk, with "everyone else" for the
//! rest. Move is offered once everyone is placed; the result opens as a new, unsaved
//! scenario (the one open stays on disk as it was), and the report of every person's old
//! and new ICB can be saved as CSV.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::edit::Document;
use crate::model::Scenario;
use crate::model::migrate::{SPLITS, SplitRules, moves, split_of, whole_successors};
use crate::ui::command::{Command, Commands, Export, ReadyFile};

#[derive(Debug, Default)]
pub struct MigrateDialog {
    pub open: bool,
    pub rules: SplitRules,
    /// After Move: how many people moved, the report to save, and what else was decided.
    pub done: Option<(usize, Arc<String>, Vec<String>)>,
}

/// Whether the scenario is on the map of 2022–2026 (an ICB that did not go on unchanged).
#[must_use]
pub fn on_old_map(s: &Scenario) -> bool {
    let whole = whole_successors();
    s.organisations.iter().any(|o| split_of(&o.code).is_some() || whole.get(&o.code).is_some_and(|to| to != &o.code))
}

/// Each split ICB's people by cost centre: split ICB -> cost centre ("" for none) -> count.
fn cost_centres(s: &Scenario) -> BTreeMap<&'static str, BTreeMap<String, usize>> {
    let mut out: BTreeMap<&'static str, BTreeMap<String, usize>> = BTreeMap::new();
    for p in &s.people {
        if let Some(sp) = split_of(&p.org) {
            *out.entry(sp.predecessor).or_default().entry(p.cost_centre.clone().unwrap_or_default()).or_default() += 1;
        }
    }
    out
}

/// Where a group of a split ICB's people go: one of its successors, or not placed. Named
/// by the group's label (`label`) for screen readers and tests.
fn successor_choice(
    ui: &mut egui::Ui,
    label: egui::Id,
    id: (&str, &str),
    from: &str,
    chosen: Option<&String>,
) -> Option<Option<String>> {
    let sp = split_of(from)?;
    let shown = chosen.map_or_else(|| "not placed".to_owned(), |c| c.clone());
    let mut pick = None;
    let combo =
        egui::ComboBox::from_id_salt(("migrate", id.0, id.1)).selected_text(shown).width(260.0).show_ui(ui, |ui| {
            if ui.selectable_label(chosen.is_none(), "not placed").clicked() {
                pick = Some(None);
            }
            for part in sp.parts {
                let text = format!("{} ({})", part.successor, part.what);
                if ui.selectable_label(chosen.is_some_and(|c| c == part.successor), text).clicked() {
                    pick = Some(Some(part.successor.to_owned()));
                }
            }
        });
    combo.response.labelled_by(label);
    pick
}

/// Draws the dialog; pushes the move when the user presses Move.
pub fn show(ctx: &egui::Context, d: &mut MigrateDialog, doc: &Document, cmds: &mut Commands) {
    if !d.open {
        return;
    }
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("migrate-dialog")).show(ctx, |ui| {
        ui.set_max_width(720.0);
        ui.heading("Move to the 2026/27 map");
        if let Some((n, report, notes)) = &d.done {
            ui.label(format!(
                "{} moved onto the 36 ICBs of 1 April 2026. The result is open as a new scenario, not yet saved; the \
                 scenario you started from is unchanged on disk. Also decided (kept in the scenario's notes):",
                crate::model::money::format_count(*n)
            ));
            egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
                for note in notes {
                    ui.label(format!("• {note}"));
                }
            });
            ui.horizontal(|ui| {
                if ui
                    .button("Save the report (CSV)…")
                    .on_hover_text("Every person's ICB before and after, and why")
                    .clicked()
                {
                    let name = format!("{}-moves.csv", doc.display_name().trim_end_matches(".ron"));
                    let bytes = Arc::new(report.as_bytes().to_vec());
                    cmds.push(Command::Export(Export::Ready(ReadyFile { name, kind: "CSV", ext: "csv", bytes })));
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
            return;
        }
        ui.label(
            "The 36 ICBs from 1 April 2026, with 2026/27 populations. ICBs that merged whole go across on their own. \
             The people of the three ICBs that were split go where you say, by cost centre. The result opens as a new \
             scenario; the one open now stays as it is.",
        );
        let groups = cost_centres(&doc.scenario);
        if groups.is_empty() {
            ui.label("No one works for a split ICB: everyone goes across on their own.");
        }
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            for sp in &SPLITS {
                let Some(ccs) = groups.get(sp.predecessor) else { continue };
                let name = doc.scenario.organisation(sp.predecessor).map_or(sp.predecessor, |o| o.name.as_str());
                let total: usize = ccs.values().sum();
                ui.strong(format!("{} {name}: {total} people", sp.predecessor));
                egui::Grid::new(("migrate-grid", sp.predecessor)).num_columns(2).striped(true).show(ui, |ui| {
                    for (cc, n) in ccs {
                        let label = if cc.is_empty() { "(no cost centre)".to_owned() } else { cc.clone() };
                        let l = ui.label(format!("{} {label}: {n}", sp.predecessor));
                        let key = (sp.predecessor.to_owned(), cc.clone());
                        let chosen = d.rules.by_cost_centre.get(&key);
                        if let Some(pick) = successor_choice(ui, l.id, (sp.predecessor, cc), sp.predecessor, chosen) {
                            match pick {
                                Some(to) => d.rules.by_cost_centre.insert(key, to),
                                None => d.rules.by_cost_centre.remove(&key),
                            };
                        }
                        ui.end_row();
                    }
                    let l = ui.label(format!("{} everyone else", sp.predecessor));
                    let chosen = d.rules.everyone_else.get(sp.predecessor);
                    if let Some(pick) = successor_choice(ui, l.id, (sp.predecessor, "*"), sp.predecessor, chosen) {
                        match pick {
                            Some(to) => d.rules.everyone_else.insert(sp.predecessor.to_owned(), to),
                            None => d.rules.everyone_else.remove(sp.predecessor),
                        };
                    }
                    ui.end_row();
                });
                ui.add_space(6.0);
            }
        });
        let unplaced = moves(&doc.scenario, &d.rules).iter().filter(|m| m.to.is_none()).count();
        if unplaced > 0 {
            ui.colored_label(ui.visuals().warn_fg_color, format!("{unplaced} not placed yet: choose where they go"));
        }
        ui.horizontal(|ui| {
            let go = ui.add_enabled(unplaced == 0, egui::Button::new("Move"));
            if go.on_disabled_hover_text("Place everyone first").clicked() {
                cmds.push(Command::ApplyMigration(d.rules.clone()));
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        d.open = false;
        d.done = None;
    }
}
