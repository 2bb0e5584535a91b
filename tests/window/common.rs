//! Shared by the window tests.

use cluster_planner::ui::ClusterPlannerApp;
use egui::accesskit::Role;
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

/// The built-in example with a vacant post, "Head of Test" (TEST-001), first in the cluster
/// executive, and its first person not affected paid £50,000 full-time at 1.0 WTE; returns
/// the app and that person's place in the list. Saved state: unchanged.
pub fn with_a_vacant_post_and_a_50k_person() -> (ClusterPlannerApp, usize) {
    let mut app = ClusterPlannerApp::with_built_in_example();
    let s = &mut app.session.doc.scenario;
    let mut post = s.clusters[0].teams[0].posts[0].clone();
    post.id = "TEST-001".into();
    post.title = "Head of Test".into();
    post.reports_to = None;
    s.clusters[0].teams[0].posts.insert(0, post);
    let i = s.people.iter().position(|p| p.outcome == cluster_planner::model::Outcome::NotAffected).unwrap();
    s.people[i].salary_pence = 5_000_000;
    s.people[i].wte = cluster_planner::model::money::Wte::FULL;
    app.session.doc.changed();
    app.session.doc.dirty = false;
    (app, i)
}

/// Lets the import's worker finish, then a few frames for the dialog to take its size
/// (a modal is centred on the size of its last frame).
pub fn settle_import(h: &mut Harness<'static, ClusterPlannerApp>) {
    let app = h.state_mut();
    app.import.wait(&app.session.doc);
    for _ in 0..4 {
        h.step();
    }
    h.run();
}

/// Clicks the first control with this label (of several, e.g. a button on every row).
pub fn click_first(h: &mut Harness<'static, ClusterPlannerApp>, label: &str) {
    h.get_all_by_label(label).next().unwrap_or_else(|| panic!("a control labelled {label}")).click();
    h.run();
}

/// The roles of the controls a user can reach: the accessibility check names each, and the
/// layout check keeps each inside the window and off the others.
pub const INTERACTIVE: [Role; 14] = [
    Role::Button,
    Role::CheckBox,
    Role::RadioButton,
    Role::ComboBox,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SearchInput,
    Role::SpinButton,
    Role::Slider,
    Role::Tab,
    Role::MenuItem,
    Role::MenuItemCheckBox,
    Role::MenuItemRadio,
    Role::Link,
];

/// Runs frames until the file being opened (on its worker thread) is open, for at most 10 s.
pub fn settle_open(h: &mut Harness<'static, ClusterPlannerApp>) {
    h.step();
    for _ in 0..1000 {
        if h.state().opening.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    assert!(h.state().opening.is_none(), "the file opened within 10 s");
    h.run();
}

/// File ▸ New, choosing the year's map ("2025/26", "2026/27", …), then Create.
pub fn file_new(h: &mut Harness<'static, ClusterPlannerApp>, year: &str) {
    click_menu(h, "File", "New");
    h.get_by_label("New scenario");
    h.get_by_label(year).click();
    h.run();
    h.get_by_label("Create").click();
    h.run();
}
