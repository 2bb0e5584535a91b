//! Shared by the window tests.

use cluster_planner::ui::ClusterPlannerApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The real app in a 1280 x 800 window, driven through its accessibility tree.
pub fn harness(app: ClusterPlannerApp) -> Harness<'static, ClusterPlannerApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut ClusterPlannerApp| app.show(ui), app)
}

/// The app on a new scenario: the 42 ICBs, no clusters and no people.
pub fn on_new_scenario() -> ClusterPlannerApp {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.doc =
        cluster_planner::edit::Document::new(cluster_planner::model::reference::new_scenario(), None, "Untitled.ron");
    app
}

/// Opens a menu and clicks an item. An item's accessible label carries its shortcut
/// ("New Ctrl+N" here, "New ⌘N" on a Mac), so match the words before it.
pub fn click_menu(h: &mut Harness<'static, ClusterPlannerApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    let item_words = item.to_owned();
    h.get_by(move |n| n.label().is_some_and(|l| l == item_words || l.starts_with(&format!("{item_words} ")))).click();
    h.run();
}
