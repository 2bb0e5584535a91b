//! File ▸ New: which year's map to start from. 2025/26 is the 42 ICBs of 2022–2026; 2026/27
//! to 2028/29 are the 36 ICBs from 1 April 2026 with that year's populations, registered or
//! weighted (weighted is in the reference data for 2026/27 only).

use crate::model::PopulationBasis;
use crate::model::reference::ReferenceYear;
use crate::ui::command::{Command, Commands};

#[derive(Debug)]
pub struct NewScenarioDialog {
    pub open: bool,
    pub year: ReferenceYear,
    pub basis: PopulationBasis,
}

impl Default for NewScenarioDialog {
    /// The year a committee plans in now (November 2026): the 36 ICBs, 2026/27.
    fn default() -> Self {
        NewScenarioDialog { open: false, year: ReferenceYear::Y2026, basis: PopulationBasis::Registered }
    }
}

/// Draws the dialog; pushes the new scenario to make when the user presses Create.
pub fn show(ctx: &egui::Context, d: &mut NewScenarioDialog, cmds: &mut Commands) {
    if !d.open {
        return;
    }
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("new-scenario-dialog")).show(ctx, |ui| {
        ui.heading("New scenario");
        ui.label("Start from the ICBs of:");
        for year in ReferenceYear::ALL {
            ui.radio_value(&mut d.year, year, year.label()).on_hover_text(year.describe());
        }
        ui.label(egui::RichText::new(d.year.describe()).weak());
        ui.separator();
        ui.label("Targets are the envelope per head of:");
        let weighted = d.year.has_weighted();
        if !weighted {
            d.basis = PopulationBasis::Registered;
        }
        ui.radio_value(&mut d.basis, PopulationBasis::Registered, "Registered population")
            .on_hover_text("GP-registered population: the 2025/26 basis");
        ui.add_enabled_ui(weighted, |ui| {
            ui.radio_value(&mut d.basis, PopulationBasis::Weighted, "Weighted population")
                .on_hover_text("Needs-weighted population: what NHS England used for configuration decisions")
                .on_disabled_hover_text("Weighted populations are in the reference data for 2026/27 only");
        });
        ui.label(egui::RichText::new("Either can be changed later in Assumptions.").weak());
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Create").clicked() {
                cmds.push(Command::CreateNew(d.year, d.basis));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        d.open = false;
    }
}
