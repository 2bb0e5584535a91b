//! The window, driven headless through its accessibility tree (egui_kittest): no display
//! and no GPU. Each test starts from the built-in example and checks what a user sees.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::Path;

use cluster_planner::ui::{ClusterPlannerApp, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(app: ClusterPlannerApp) -> Harness<'static, ClusterPlannerApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut ClusterPlannerApp| app.show(ui), app)
}

#[test]
fn opens_on_the_built_in_example_with_its_figures() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    // The published LLR + Northamptonshire figures: £53m baseline, £36.3m target, on the
    // cluster's row and on the total row.
    assert_eq!(h.get_all_by_label("£53,000,000").count(), 2);
    assert_eq!(h.get_all_by_label("£36,300,000").count(), 2);
    // Headlines: £53.0m baseline, £326k still to save (£36,626,000 − £36,300,000).
    h.get_by_label("£53.0m");
    h.get_by_label("£326k");
    h.get_by_label("£22,277,500");
    h.get_by_label("£14,022,500");
    h.get_by_label("lnr-cluster.ron");
    assert!(!h.state().doc.dirty);
}

#[test]
fn the_people_tab_lists_and_searches_people() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("People").click();
    h.run();
    assert_eq!(h.state().tab, Tab::People);
    h.get_by_label("530 of 530 people");
    // Search for one person by id: the row count follows.
    let first = h.state().doc.scenario.people[0].id.clone();
    h.get_by_label("Search:").click();
    h.get_by_label("Search:").type_text(&first);
    h.run();
    h.get_by_label("1 of 530 people");
}

#[test]
fn a_bad_file_shows_its_error_and_keeps_the_document() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files/truncated.ron");
    h.state_mut().open_path(&bad);
    h.run();
    let notice = h.state().notice.clone().unwrap();
    assert!(notice.error);
    assert!(
        notice.text.contains("truncated.ron:") && notice.text.contains("the file ends too soon"),
        "{}",
        notice.text
    );
    // Still the example, with its figures on screen.
    assert_eq!(h.state().doc.display_name(), "lnr-cluster.ron");
    assert_eq!(h.get_all_by_label("£53,000,000").count(), 2);
}

#[test]
fn save_as_then_open_gives_the_same_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.state_mut().save_to(&path);
    h.run();
    assert_eq!(h.state().doc.display_name(), "plan.ron");
    let saved = h.state().doc.scenario.clone();
    let mut h2 = harness(ClusterPlannerApp::with_built_in_example());
    h2.state_mut().open_path(&path);
    h2.run();
    assert_eq!(h2.state().doc.scenario, saved);
    h2.get_by_label("plan.ron");
}

#[test]
fn findings_and_assumptions_tabs_show_their_content() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("Assumptions").click();
    h.run();
    h.get_by_label("£18.76");
    h.get_by_label("15% above £5,000.00 a year");
    h.get_by_label("0 errors, 0 warnings").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Findings);
    let first = h.state().doc.findings[0].clone();
    h.get_by_label(&format!("{}: {}", first.subject, first.message));
}
