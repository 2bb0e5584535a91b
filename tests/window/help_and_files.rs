//! Help in the app (F1, the glossary) and the app's own file chooser, for a desktop with
//! no native file dialog, driven by their accessible labels.

use crate::common::{self, harness};

use cluster_planner::ui::ClusterPlannerApp;
use egui_kittest::kittest::Queryable;

#[test]
fn f1_opens_the_guide_and_the_glossary_says_what_mars_is() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.key_press(egui::Key::F1);
    h.run();
    h.get_by_label("Guide: the committee's loop");
    h.get_by_label("2. Build the clusters");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Guide: the committee's loop").is_none(), "Esc closes the guide");

    common::click_menu(&mut h, "Help", "Glossary");
    h.get_by_label("Slotted in");
    // A dialog is centred on its size of the frame before: let it settle before clicking.
    for _ in 0..4 {
        h.step();
    }
    h.get_by_label("Find a term:").click();
    h.run();
    h.get_by_label("Find a term:").type_text("MARS");
    h.run();
    h.get_by_label("MARS");
    assert!(h.query_by_label_contains("Mutually agreed resignation scheme").is_some());
    assert_eq!(h.state().help.filter, "MARS");
    assert!(h.query_by_label("Slotted in").is_none(), "the search narrows the list");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Glossary").is_none() || h.state().help.page.is_none());

    common::click_menu(&mut h, "Help", "About Cluster Planner");
    h.get_by_label(env!("CARGO_PKG_VERSION"));
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().help.page.is_none());
}

/// With no native dialog, File ▸ Save As… and File ▸ Open… use the app's own chooser: a
/// name typed (here a whole path) is saved to, a second save over it asks again first, and
/// the file opens back as it was saved.
#[test]
fn the_app_s_own_file_chooser_saves_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.files.built_in = true;
    let mut h = harness(app);
    h.run();
    common::click_menu(&mut h, "File", "Save As…");
    h.get_by_label("Save the scenario as");
    h.get_by_label("File name:").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    // Without ".ron": the chooser adds it.
    h.get_by_label("File name:").type_text(dir.path().join("plan").to_str().unwrap());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(path.is_file(), "saved to the name typed, with .ron added");
    assert_eq!(h.state().session.doc.display_name(), "plan.ron");
    let saved = h.state().session.doc.scenario.clone();

    // Saving over it asks first: the first click only warns.
    common::click_menu(&mut h, "File", "Save As…");
    h.get_by_label("File name:").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("File name:").type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(h.query_by_label_contains("exists. Choose Save again to replace it.").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().files.chooser.is_none(), "Cancel leaves the chooser");

    let mut app = ClusterPlannerApp::with_built_in_example();
    app.files.built_in = true;
    let mut h = harness(app);
    h.run();
    common::click_menu(&mut h, "File", "Open…");
    h.get_by_label("Open a scenario");
    h.get_by_label("File name:").click();
    h.get_by_label("File name:").type_text(path.to_str().unwrap());
    h.key_press(egui::Key::Enter);
    common::settle_open(&mut h);
    assert_eq!(h.state().session.doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().session.doc.scenario, saved);
}

/// A folder's scenario files are listed; a click names one, Open opens it; a name that is
/// not there is said plainly and nothing changes.
#[test]
fn the_app_s_own_file_chooser_lists_a_folder_and_says_when_a_file_is_not_there() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("older plans")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a scenario").unwrap();
    let s = cluster_planner::examples::lnr_cluster();
    std::fs::write(dir.path().join("lnr.ron"), cluster_planner::files::to_string(&s)).unwrap();
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.files.built_in = true;
    app.session.doc.path = Some(dir.path().join("current.ron"));
    let mut h = harness(app);
    h.run();
    common::click_menu(&mut h, "File", "Open…");
    h.get_by_label("older plans/");
    assert!(h.query_by_label("notes.txt").is_none(), "only folders and scenario files");
    h.get_by_label("File name:").click();
    h.get_by_label("File name:").type_text("missing.ron");
    h.run();
    h.get_by_label("Open").click();
    h.run();
    assert!(h.query_by_label_contains("There is no file").is_some());
    h.get_by_label("lnr.ron").click();
    h.run();
    h.get_by_label("Open").click();
    common::settle_open(&mut h);
    assert_eq!(h.state().session.doc.display_name(), "lnr.ron");
}

/// Opening a file happens on a worker thread: the window says "Opening …" with Cancel
/// until the file is read, checked and costed, then shows it. Cancel (or Esc) keeps the
/// scenario that was open, and the file opened late is not swapped in after.
#[test]
fn a_file_opens_on_a_worker_with_the_window_responsive_and_cancel_keeps_the_open_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("national.ron");
    // Large enough to take a while in a debug build (generated, not committed).
    let s = cluster_planner::examples::england_stress_of(3_000);
    std::fs::write(&path, cluster_planner::files::to_string(&s)).unwrap();

    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    let before = h.state().session.doc.scenario.clone();
    h.state_mut().open_path(&path);
    assert!(shows_opening(&mut h), "the window says it is opening the file");
    h.get_by_label("Cancel").click();
    h.step();
    h.step();
    assert!(h.state().opening.is_none(), "Cancel stops waiting");
    std::thread::sleep(std::time::Duration::from_millis(300));
    h.step();
    assert_eq!(h.state().session.doc.scenario, before, "the open scenario is kept");
    assert!(h.query_by_label_contains("Did not open").is_some());

    h.state_mut().open_path(&path);
    assert!(shows_opening(&mut h));
    common::settle_open(&mut h);
    assert_eq!(h.state().session.doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().session.doc.scenario.people.len(), s.people.len());
    assert!(h.query_by_label_contains("Opening national.ron").is_none());
}

/// Runs frames until "Opening national.ron…" is on screen (a modal is sized in its first
/// frame and shown in the next); false if the file opened first.
fn shows_opening(h: &mut egui_kittest::Harness<'static, ClusterPlannerApp>) -> bool {
    for _ in 0..10 {
        h.step();
        if h.query_by_label("Opening national.ron…").is_some() {
            return true;
        }
    }
    false
}
