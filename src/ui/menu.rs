//! The menu bar: File, Edit, View, Help. Every item is a [`Command`] with the label and shortcut
//! it carries, so the menus and the keyboard cannot disagree.

use super::command::{Command, Commands, Export};
use super::dialogs::help::HelpPage;
use super::tabs::Tab;
use crate::edit::Session;
use crate::report::chart::ChartKind;

/// Widths offered for a PNG of the chart on screen.
const PNG_WIDTHS: [u32; 3] = [1000, 2000, 4000];

pub fn show(ui: &mut egui::Ui, session: &Session, tab: Tab, chart: ChartKind, cmds: &mut Commands) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, session, chart, cmds));
        ui.menu_button("Edit", |ui| {
            let undo = session.doc.history.undo_label();
            let redo = session.doc.history.redo_label();
            cmds.menu_button_enabled(ui, Command::Undo, undo.is_some(), undo);
            cmds.menu_button_enabled(ui, Command::Redo, redo.is_some(), redo);
        });
        ui.menu_button("View", |ui| view_menu(ui, tab, cmds));
        ui.menu_button("Help", |ui| {
            for page in [HelpPage::Guide, HelpPage::Glossary, HelpPage::About] {
                cmds.menu_button(ui, Command::Help(page));
            }
        });
    });
}

fn file_menu(ui: &mut egui::Ui, session: &Session, chart: ChartKind, cmds: &mut Commands) {
    cmds.menu_button(ui, Command::New);
    cmds.menu_button(ui, Command::Open);
    ui.menu_button("Open Recent", |ui| {
        if session.recent.is_empty() {
            ui.label("No recent files");
        }
        for r in &session.recent {
            if ui.button(r.display().to_string()).clicked() {
                cmds.push(Command::OpenPath(r.clone()));
            }
        }
    });
    ui.separator();
    cmds.menu_button(ui, Command::Save);
    cmds.menu_button(ui, Command::SaveAs);
    ui.separator();
    cmds.menu_button(ui, Command::Import);
    cmds.menu_button(ui, Command::Compare);
    let old_map = crate::ui::dialogs::migrate::on_old_map(&session.doc.scenario);
    cmds.menu_button_enabled(ui, Command::MoveToNewMap, old_map, None);
    ui.menu_button("Export", |ui| {
        cmds.menu_button(ui, Command::ExportSpreadsheet);
        ui.separator();
        cmds.menu_button(ui, Command::Export(Export::Pack { redacted: false }));
        cmds.menu_button(ui, Command::Export(Export::Pack { redacted: true }));
        ui.separator();
        cmds.menu_button(ui, Command::Export(Export::ChartSvg(chart)));
        for width in PNG_WIDTHS {
            let text = format!("Chart on screen (PNG, {width} px wide)…");
            cmds.menu_button_enabled(ui, Command::Export(Export::ChartPng(chart, width)), true, Some(text));
        }
    });
    cmds.menu_button(ui, Command::Print);
    ui.separator();
    cmds.menu_button(ui, Command::Quit);
}

fn view_menu(ui: &mut egui::Ui, tab: Tab, cmds: &mut Commands) {
    cmds.menu_button(ui, Command::Find);
    ui.separator();
    for t in Tab::ALL {
        if ui.selectable_label(tab == t, t.label()).clicked() {
            cmds.push(Command::ShowTab(t));
        }
    }
    ui.separator();
    // Our own words: egui's theme buttons draw a 💻 that no bundled font has (a box).
    ui.label("Colours");
    let mut theme = ui.options(|o| o.theme_preference);
    let before = theme;
    ui.radio_value(&mut theme, egui::ThemePreference::System, "As the computer is set")
        .on_hover_text("Light or dark, following the operating system's setting");
    ui.radio_value(&mut theme, egui::ThemePreference::Light, "Light");
    ui.radio_value(&mut theme, egui::ThemePreference::Dark, "Dark");
    if theme != before {
        cmds.push(Command::Theme(theme));
    }
}
