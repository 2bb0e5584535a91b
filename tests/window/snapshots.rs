//! Image snapshots of every tab, on the 2-ICB example and on the 42-ICB, 25,000-person
//! stress file, at a laptop's 1024 × 700 and at 1400 × 900, drawn by wgpu (Mesa's CPU
//! renderer where there is no GPU) and compared with the images in `tests/snapshots/`. A
//! change that moves what is drawn fails here; look at the `.diff.png` beside the image.
//! When the change is meant, regenerate them all with
//! `UPDATE_SNAPSHOTS=1 cargo test --test window snapshots` and look at each before committing.

use cluster_planner::ui::{ClusterPlannerApp, Tab};
use egui_kittest::{Harness, SnapshotOptions};

fn snapshots_of(make: fn() -> ClusterPlannerApp, name: &str) {
    let mut failed = Vec::new();
    // A colour difference a rendering library's rounding can make, and no more than a few
    // dozen such pixels: any real change of layout moves thousands.
    let options = SnapshotOptions::new().threshold(2.0).max_failed_pixels(60);
    for (w, h) in [(1024.0, 700.0), (1400.0, 900.0)] {
        let mut harness = Harness::builder().with_size(egui::vec2(w, h)).wgpu().build_ui_state(
            |ui, app: &mut ClusterPlannerApp| app.show(ui),
            {
                // The consultation timeline marks today: a fixed day, so the pictures keep.
                let mut app = make();
                app.consultation.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
                app
            },
        );
        for tab in Tab::ALL {
            harness.state_mut().tab = tab;
            for _ in 0..3 {
                harness.step();
            }
            harness.run();
            let image = format!("{name}-{}-{w}x{h}", tab.label().to_lowercase());
            if let Err(e) = harness.try_snapshot_options(&image, &options) {
                failed.push(format!("{image}: {e}"));
            }
        }
    }
    assert!(failed.is_empty(), "{} of the snapshots differ:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn every_tab_of_the_two_icb_example_looks_as_it_did() {
    snapshots_of(ClusterPlannerApp::with_built_in_example, "lnr");
}

#[test]
fn every_tab_of_the_stress_file_looks_as_it_did() {
    snapshots_of(
        || {
            ClusterPlannerApp::new(cluster_planner::edit::Document::new(
                cluster_planner::examples::england_stress(),
                None,
                "england-stress-25k.ron",
            ))
        },
        "stress",
    )
}

/// The help dialogs at 1024 × 700, over the example. (The app's own file chooser shows the
/// machine's folders, so it is tested by what it does, in `help_and_files.rs`.)
#[test]
fn the_help_dialogs_look_as_they_did() {
    use cluster_planner::ui::command::Command;
    use cluster_planner::ui::dialogs::help::HelpPage;
    let options = SnapshotOptions::new().threshold(2.0).max_failed_pixels(60);
    let app = ClusterPlannerApp::with_built_in_example();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut ClusterPlannerApp| app.show(ui), app);
    let mut failed = Vec::new();
    for (name, command) in
        [("dialog-guide", Command::Help(HelpPage::Guide)), ("dialog-glossary", Command::Help(HelpPage::Glossary))]
    {
        harness.state_mut().commands.push(command);
        for _ in 0..4 {
            harness.step();
        }
        harness.run();
        if let Err(e) = harness.try_snapshot_options(name, &options) {
            failed.push(format!("{name}: {e}"));
        }
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
