//! The session outside the window: open, save, Save As, the lock file, read-only, recovery
//! copies and the recent list, driven without egui, as the command line and the window both
//! drive it. One test, in order, because the recovery folder is set for the whole process.

use std::path::Path;

use cluster_planner::edit::{Edit, NotSaved, Opening, Session};
use cluster_planner::examples;
use cluster_planner::files::{self, lock, recovery};

fn rename(s: &mut Session, name: &str) {
    s.doc.apply(Edit::RenameCluster { cluster: 0, name: name.into() }).unwrap();
}

fn canonical(p: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(p).unwrap()
}

#[test]
fn a_session_opens_saves_locks_and_keeps_work() {
    let data = tempfile::tempdir().unwrap();
    recovery::set_data_dir(data.path());
    let docs = tempfile::tempdir().unwrap();
    let (a, b) = (docs.path().join("plan.ron"), docs.path().join("plan-v2.ron"));
    files::save(&examples::lnr_cluster(), &a).unwrap();

    // Opening takes the file's lock and puts it first in the recent list.
    let mut s = Session::built_in_example();
    let Opening::Opened(said) = s.open(&a).unwrap() else { panic!("no one else has the file open") };
    assert_eq!(said, format!("Opened {} (0 errors, 0 warnings, 69 notes)", a.display()));
    assert!(lock::lock_path(&a).exists());
    assert_eq!(s.recent, [canonical(&a)]);
    assert_eq!(s.save_path(), Some(a.clone()));

    // Unsaved work is kept in a recovery copy, away from the user's file; a save removes it.
    rename(&mut s, "Renamed by the committee");
    let copy = s.write_recovery_now().unwrap();
    assert!(copy.starts_with(data.path()), "{}", copy.display());
    s.save_to(&a).unwrap();
    assert!(!copy.exists(), "a clean save removes the recovery copy");
    assert!(!s.doc.dirty);
    assert_eq!(files::load(&a).unwrap().clusters[0].name, "Renamed by the committee");

    // Save As moves the lock to the new file and puts it first in the recent list.
    s.save_to(&b).unwrap();
    assert!(lock::lock_path(&b).exists());
    assert!(!lock::lock_path(&a).exists(), "the old file's lock goes with it");
    assert_eq!(s.recent, [canonical(&b), canonical(&a)]);

    // Work left unsaved (a crash) is offered back at the next start, unsaved.
    rename(&mut s, "Not yet saved");
    s.write_recovery_now().unwrap();
    drop(s);
    let mut next = Session::built_in_example();
    next.find_offers();
    assert_eq!(next.offers.len(), 1);
    // The same members under a new name read as the cluster renamed.
    assert_eq!(
        next.offer_differences().unwrap(),
        [
            "Clusters renamed (1):",
            "  Leicester, Leicestershire and Rutland, Northamptonshire: Renamed by the committee → Not yet saved"
        ]
    );
    next.restore_offer().unwrap();
    assert_eq!(next.doc.scenario.clusters[0].name, "Not yet saved");
    assert!(next.doc.dirty, "restored work is unsaved until the user saves it");
    assert!(recovery::pending().is_empty(), "the copy is used up");
    // "Don't save" means it: the changes' recovery copy goes too.
    next.write_recovery_now().unwrap();
    next.discard_changes();
    assert!(recovery::pending().is_empty());
    drop(next);

    // Someone else has the file open: opening it asks first; read-only never saves over it.
    let other = lock::Holder {
        user: "jsmith".into(),
        machine: "FINANCE-PC-07".into(),
        since: "22 November 2026 09:14".into(),
        pid: 1,
    };
    std::fs::write(lock::lock_path(&a), ron::to_string(&other).unwrap()).unwrap();
    let mut s = Session::built_in_example();
    let Opening::HeldBy(holder) = s.open(&a).unwrap() else { panic!("jsmith has the file open") };
    assert_eq!(holder.user, "jsmith");
    s.open_with(&a, true).unwrap();
    assert!(s.read_only);
    assert_eq!(s.save_path(), None, "Save asks where, read-only");
    rename(&mut s, "Mine");
    let before = std::fs::read(&a).unwrap();
    assert!(matches!(s.save_to(&a), Err(NotSaved::ReadOnly(_))));
    assert_eq!(std::fs::read(&a).unwrap(), before, "their file is untouched");
    assert!(s.doc.dirty);
    std::fs::remove_file(lock::lock_path(&a)).unwrap();

    // The command line opens and saves without locks or recovery copies.
    let mut cli = Session::command_line();
    cli.open_with(&a, false).unwrap();
    assert!(!lock::lock_path(&a).exists());
    rename(&mut cli, "From the command line");
    let out = docs.path().join("out.ron");
    cli.save_to(&out).unwrap();
    assert!(!lock::lock_path(&out).exists());
    assert_eq!(files::load(&out).unwrap().clusters[0].name, "From the command line");
}
