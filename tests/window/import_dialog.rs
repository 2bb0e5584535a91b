//! The import dialog in the window: a staff list dropped or opened, its mapping, problems
//! and changes, the import and its undo, profiles, the keyboard, and small windows.

use crate::common;

use std::path::Path;

use cluster_planner::ui::ClusterPlannerApp;
use common::{harness, settle_import};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn import_a_staff_list_through_the_dialog_and_undo_it() {
    let mut h = harness(common::on_new_scenario());
    h.run();
    // File ▸ Import people… asks for a file (a native dialog); a dropped file, or this,
    // starts the same dialog.
    h.get_by_label("File").click();
    h.run();
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with("Import people… ")));
    h.key_press(egui::Key::Escape);
    h.run();
    // Dropping a staff list on the window starts the import (a .ron would open instead).
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/esr-llr-messy.csv");
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path.clone())));
    h.step();
    assert!(h.state().import.open);
    assert_eq!(h.state().import.path.as_deref(), Some(path.as_path()));
    settle_import(&mut h);
    // The guessed mapping, each field's control labelled by the field, with its first value.
    h.get_by_label("Import people");
    h.get_by_label("CSV, UTF-8, comma-separated. Column names on row 5; 10 rows of data.");
    h.get_by_label("Position title");
    h.get_by_label("Ada Lovelace");
    h.get_by_label("5 of 10 rows ready; 5 left out with errors; 1 warnings.");
    // The problems, row by row.
    h.get_by_label(
        "row 13, Assignment Number: error: assignment number 10000002-1 is also on row 7; only the first is imported",
    );
    // The preview shows the people as they will be imported.
    h.get_by_label("Preview").click();
    h.run();
    // Grace ("£58,487.00") and Alan ("58,487") at the same salary.
    assert_eq!(h.get_all_by_label("£58,487.00").count(), 2);
    h.get_by_label("Import 5 people").click();
    h.run();
    assert!(!h.state().import.open);
    assert_eq!(h.state().session.doc.scenario.people.len(), 5);
    assert!(h.state().session.doc.dirty);
    let notice = h.state().notice.clone().unwrap();
    assert!(notice.text.starts_with("Imported 5 people from esr-llr-messy.csv: 5 added"), "{}", notice.text);
    // The Overview shows them: LLR's baseline is now the cost of its 5 people.
    let baseline = h.state().session.doc.summary.org("QK1").unwrap().line.baseline;
    assert_eq!(baseline, h.state().session.doc.summary.person_cost.iter().sum::<i64>());
    assert_eq!(
        h.state().session.doc.history.undo_label().as_deref(),
        Some("Undo import 5 people from esr-llr-messy.csv")
    );
    h.state_mut().commands.push(cluster_planner::ui::Command::Undo);
    h.run();
    assert!(h.state().session.doc.scenario.people.is_empty());
}

/// A file that is slow to read (a network drive, a big workbook) first shows the dialog
/// small, with "Reading the file…". When the rows arrive the dialog must take its full size
/// in the next frame and then stand still: it used to grow 32 px a frame (so creep up the
/// screen 16 px a frame) for five frames, and a click aimed at a tab landed on the list.
/// A named pipe holds the read back until the test writes the rows.
#[cfg(unix)]
#[test]
fn the_import_dialog_stands_still_after_a_slow_read() {
    let mut h = harness(common::on_new_scenario());
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("esr-llr-messy.csv");
    assert!(std::process::Command::new("mkfifo").arg(&path).status().unwrap().success());
    h.state_mut().import.start(&path);
    h.step();
    h.step();
    // Still reading: the dialog shows the file's name and a progress bar, no rows yet.
    assert!(h.state().import.busy() && h.state().import.table.is_none());
    h.get_by_label("Import people");
    let rows = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/esr-llr-messy.csv")).unwrap();
    std::fs::write(&path, rows).unwrap();
    {
        let app = h.state_mut();
        app.import.wait(&app.session.doc);
    }
    h.step();
    let place = |h: &Harness<'static, ClusterPlannerApp>| {
        (
            h.get_by_label("Import people").rect(),
            h.get_by_label("Preview").rect(),
            h.get_by_label("Import 5 people").rect(),
        )
    };
    let first = place(&h);
    for frame in 2..=6 {
        h.step();
        assert_eq!(place(&h), first, "the dialog moved in frame {frame} after the rows arrived");
    }
    // And a click lands where it was aimed.
    h.get_by_label("Preview").click();
    h.run();
    assert_eq!(h.get_all_by_label("£58,487.00").count(), 2);
}

/// The whole import by keyboard: Cmd/Ctrl+I would ask for a file (a native dialog), then
/// Tab moves through the dialog's controls to *Import 5 people*, and Enter imports.
#[test]
fn the_import_dialog_can_be_used_from_the_keyboard() {
    let mut h = harness(common::on_new_scenario());
    h.run();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/esr-llr-messy.csv");
    h.state_mut().import.start(&path);
    settle_import(&mut h);
    let mut presses = 0;
    while !h.get_by_label("Import 5 people").accesskit_node().is_focused() {
        presses += 1;
        assert!(presses <= 60, "Tab never reached the Import button");
        h.key_press(egui::Key::Tab);
        h.run();
    }
    // Past the profile box and the twelve field combo boxes, at least.
    assert!(presses > 12, "{presses}");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(!h.state().import.open);
    assert_eq!(h.state().session.doc.scenario.people.len(), 5);
}

#[test]
fn the_import_dialog_waits_for_the_icb_and_cancel_changes_nothing() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    let before = h.state().session.doc.scenario.people.clone();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/esr-qpm-1252-semicolon.csv");
    h.state_mut().import.start(&path);
    settle_import(&mut h);
    h.get_by_label("• choose the ICB the rows belong to, or the column that says");
    assert!(h.state().import.edit().is_none());
    // Choose "All rows belong to" (the first ICB), then change it to QPM as the combo would.
    h.get_by_label("All rows belong to").click();
    h.run();
    let mut m = h.state().import.mapping.clone();
    assert!(m.org.is_some());
    m.org = Some("QPM".into());
    {
        let app = h.state_mut();
        app.import.set_mapping(m, &app.session.doc);
    }
    settle_import(&mut h);
    h.get_by_label("2 of 3 rows ready; 1 left out with errors; 0 warnings.");
    h.get_by_label("Import 2 people");
    // The example's QPM people who are not in this file, and have no exit recorded, leave:
    // the Changes list names them.
    let plan = h.state().import.plan.clone().unwrap();
    let qpm_staying = before.iter().filter(|p| p.org == "QPM").count() - plan.kept_leavers.len();
    assert_eq!(plan.left.len(), qpm_staying);
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with("Changes ("))).click();
    settle_import(&mut h);
    h.get_by_label(&format!("{}: left (not in this extract)", plan.left[0]));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().import.open);
    assert_eq!(h.state().session.doc.scenario.people, before);
    assert!(!h.state().session.doc.dirty);
}

#[test]
fn export_to_a_spreadsheet_from_the_file_menu() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Spreadsheet (XLSX or CSV)…").click();
    h.run();
    assert!(h.state().export_sheet.open);
    h.get_by_label("Export to a spreadsheet");
    h.get_by_label("Leave out names").click();
    h.get_by_label("People and outcomes (CSV)").click();
    h.run();
    let d = &h.state().export_sheet;
    let req = cluster_planner::ui::dialogs::spreadsheet::Request { kind: d.kind, redaction: d.redaction };
    assert_eq!(req.file_name(&h.state().session.doc), "lnr-cluster-people-no-names.csv");
    let csv = String::from_utf8(req.bytes(&h.state().session.doc).unwrap()).unwrap();
    // 530 people and a header; assignment numbers, no names.
    assert_eq!(csv.lines().count(), 531);
    let first = h.state().session.doc.scenario.people[0].clone();
    assert!(csv.contains(&first.id) && !csv.contains(first.name.as_deref().unwrap()));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().export_sheet.open);
}

#[test]
fn a_mapping_saved_in_the_dialog_is_offered_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("import-profiles.ron");
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/esr-qpm-1252-semicolon.csv");
    h.state_mut().import.profiles_path = Some(profiles.clone());
    h.state_mut().import.start(&path);
    settle_import(&mut h);
    // This extract has no ICB column: say all rows are the first ICB's, and save the mapping.
    h.get_by_label("All rows belong to").click();
    settle_import(&mut h);
    let saved = h.state().import.mapping.clone();
    assert_eq!(saved.org.as_deref(), Some("QK1"));
    h.get_by_label("Save as:").click();
    h.get_by_label("Save as:").type_text("QPM monthly");
    h.run();
    h.get_by_label("Save profile").click();
    h.run();
    h.get_by_label("Saved the mapping as \"QPM monthly\"");
    assert_eq!(cluster_planner::files::import::load_profiles(&profiles).unwrap()[0].mapping, saved);
    h.get_by_label("Cancel").click();
    h.run();
    // Next time the same extract comes in, the profile is offered and applies in one click.
    h.state_mut().import.start(&path);
    settle_import(&mut h);
    assert_eq!(h.state().import.mapping.org, None);
    h.get_by_label("Mapping profile:").click();
    h.run();
    h.get_by_label("QPM monthly").click();
    settle_import(&mut h);
    assert_eq!(h.state().import.mapping, saved);
    h.get_by_label("Import 2 people");
}

#[test]
fn the_import_dialog_works_in_a_small_window() {
    // Below about 1,060 pixels wide the mapping and the report stack, each scrolling on its own;
    // the buttons stay reachable.
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 600.0))
        .build_ui_state(|ui, app: &mut ClusterPlannerApp| app.show(ui), common::on_new_scenario());
    h.run();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/esr-llr-messy.csv");
    h.state_mut().import.start(&path);
    settle_import(&mut h);
    h.get_by_label("Preview").click();
    settle_import(&mut h);
    assert_eq!(h.state().import.show, cluster_planner::ui::dialogs::import::Show::Preview);
    h.get_by_label("Import 5 people").click();
    h.run();
    assert_eq!(h.state().session.doc.scenario.people.len(), 5);
}

/// A staff list that cannot be read says why, and the dialog still closes: Cancel and Esc.
#[test]
fn an_unreadable_staff_list_leaves_the_dialog_closable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-workbook.xlsx");
    std::fs::write(&path, b"this is not a spreadsheet").unwrap();
    for close_with_esc in [false, true] {
        let mut h = harness(ClusterPlannerApp::with_built_in_example());
        h.run();
        h.state_mut().import.start(&path);
        settle_import(&mut h);
        assert!(h.state().import.error.is_some(), "the dialog says why it cannot read the file");
        if close_with_esc {
            h.key_press(egui::Key::Escape);
        } else {
            h.get_by_label("Cancel").click();
        }
        h.run();
        assert!(!h.state().import.open, "closed with {}", if close_with_esc { "Esc" } else { "Cancel" });
    }
}
