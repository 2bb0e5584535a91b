//! Never losing work in the window: recovery copies offered back, lock files, failed saves.
//! One test, run in order, because the recovery folder is set for the whole process.

use crate::common;

use cluster_planner::edit::Edit;
use cluster_planner::examples;
use cluster_planner::files::{self as file, lock, recovery};
use cluster_planner::ui::ClusterPlannerApp;
use common::harness;
use egui_kittest::kittest::Queryable;

#[test]
fn recovery_locks_and_failed_saves() {
    let data = tempfile::tempdir().unwrap();
    recovery::set_data_dir(data.path());
    let docs = tempfile::tempdir().unwrap();
    let path = docs.path().join("plan.ron");
    file::save(&examples::lnr_cluster(), &path).unwrap();

    // --- A recovery copy of unsaved work is offered back, with what differs. ---
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.open_now(&path);
    assert!(lock::lock_path(&path).exists(), "opening takes the lock");
    app.edit(Edit::RenameCluster { cluster: 0, name: "Renamed by the committee".into() });
    let copy = app.write_recovery_now().unwrap();
    assert!(copy.starts_with(data.path().join("recovery")), "never next to the user's file: {}", copy.display());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        file::to_string(&examples::lnr_cluster()).into_bytes(),
        "the user's file is untouched"
    );
    drop(app); // as if the app had crashed after the copy (the lock goes with it)

    let offers = recovery::pending();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].scenario.clusters[0].name, "Renamed by the committee");
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.offers = offers;
    let mut h = harness(app);
    h.run();
    h.get_by_label("Recover unsaved work?");
    h.get_by_label("Show what differs").click();
    h.run();
    h.get_by_label("Clusters renamed (1):");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().session.doc.scenario.clusters[0].name, "Renamed by the committee");
    assert!(h.state().session.doc.dirty, "restored work is unsaved until the user saves it");
    assert_eq!(h.state().session.doc.path.as_deref(), Some(std::fs::canonicalize(&path).unwrap().as_path()));
    assert!(recovery::pending().is_empty(), "the copy is used up");
    // A clean save removes any copy.
    recovery::write(&h.state().session.doc.scenario, Some(&path)).unwrap();
    assert_eq!(recovery::pending().len(), 1);
    let p = h.state().session.doc.path.clone().unwrap();
    h.state_mut().save_to(&p);
    h.run();
    assert!(recovery::pending().is_empty());
    assert_eq!(file::load(&path).unwrap().clusters[0].name, "Renamed by the committee");
    drop(h);

    // A copy older than its file (the file was saved after it) is not offered.
    recovery::write(&examples::lnr_cluster(), Some(&path)).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(later).unwrap();
    assert!(recovery::pending().is_empty());

    // --- Someone else has the file open: read-only, and Save will not overwrite it. ---
    let other = lock::Holder {
        user: "jsmith".into(),
        machine: "FINANCE-PC-07".into(),
        since: "22 November 2026 09:14".into(),
        pid: 1,
    };
    std::fs::write(lock::lock_path(&path), ron::to_string(&other).unwrap()).unwrap();
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.state_mut().open_now(&path);
    h.run();
    h.get_by_label("Someone else has this file open");
    h.get_by_label(&format!("{} is open by jsmith on FINANCE-PC-07 since 22 November 2026 09:14.", path.display()));
    h.get_by_label("Open read-only").click();
    common::settle_open(&mut h);
    assert!(h.state().session.read_only);
    assert_eq!(h.state().session.doc.display_name(), "plan.ron");
    h.get_by_label("(read-only)");
    let before = std::fs::read(&path).unwrap();
    h.state_mut().edit(Edit::RenameCluster { cluster: 0, name: "Mine".into() });
    let p = h.state().session.doc.path.clone().unwrap();
    h.state_mut().save_to(&p);
    h.run();
    h.get_by_label("Not saved");
    assert_eq!(std::fs::read(&path).unwrap(), before, "their file is untouched");
    assert!(h.state().session.doc.dirty);
    h.get_by_label("Close").click();
    h.run();
    drop(h);
    std::fs::remove_file(lock::lock_path(&path)).unwrap();

    // --- A save that fails (the folder is gone) keeps the document and offers Save As. ---
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.state_mut().edit(Edit::RenameCluster { cluster: 0, name: "Unsaved".into() });
    let gone = docs.path().join("no-such-folder").join("plan.ron");
    h.state_mut().save_to(&gone);
    h.run();
    h.get_by_label("Not saved");
    h.get_by_label("Save As…");
    assert!(h.state().session.doc.dirty);
    assert_eq!(h.state().session.doc.scenario.clusters[0].name, "Unsaved");
    assert!(h.state().safety.save_failed.as_deref().unwrap().contains("The file on disk is unchanged"));
}
