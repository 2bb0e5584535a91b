//! Shared by the window tests.

use cluster_planner::ui::ClusterPlannerApp;
use egui_kittest::Harness;

/// The real app in a 1280 x 800 window, driven through its accessibility tree.
pub fn harness(app: ClusterPlannerApp) -> Harness<'static, ClusterPlannerApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut ClusterPlannerApp| app.show(ui), app)
}

/// The app on a new scenario: the 42 ICBs, no clusters and no people.
#[allow(dead_code)] // not every test file uses it
pub fn on_new_scenario() -> ClusterPlannerApp {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.doc =
        cluster_planner::edit::Document::new(cluster_planner::model::reference::new_scenario(), None, "Untitled.ron");
    app
}
