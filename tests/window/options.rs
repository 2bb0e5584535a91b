//! File ▸ Compare options…: the parts of the comparison, a file as the base, and the change
//! list, driven by accessible labels.

use crate::common::{click_menu, harness};

use cluster_planner::ui::ClusterPlannerApp;
use egui_kittest::kittest::Queryable;

fn saves(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves").join(name).to_string_lossy().into_owned()
}

/// Types a path into the app's own file chooser and chooses it.
fn choose(h: &mut egui_kittest::Harness<'_, ClusterPlannerApp>, path: &str) {
    h.run();
    h.get_by_label("File name:").click();
    h.get_by_label("File name:").type_text(path);
    h.key_press(egui::Key::Enter);
    h.run();
}

/// LNR as a cluster (open) against the merger option: the steps from business as usual, the
/// net present value, what changed from the cluster to the merger, and the cluster file as
/// the base instead of business as usual.
///
/// Worked from the example's figures: business as usual plans £53,000,000; the cluster
/// £36,626,000 (the steps −£11,464,426 placed, +£13,467,122 new posts, −£6,966,502 non-pay,
/// −£11,410,193 leaving add up: 53,000,000 − 11,464,426 + 13,467,122 − 6,966,502 −
/// 11,410,193 = 36,626,001 − 1 for rounding each step to the pound on screen, exactly
/// 36,626,000 in pence). The merger changes the merger date, the target date (31 March
/// 2028) and the year, and no person or post.
#[test]
fn the_parts_of_a_comparison_a_file_as_base_and_the_change_list() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.files.built_in = true;
    let mut h = harness(app);
    h.run();
    click_menu(&mut h, "File", "Compare options…");
    h.get_by_label("Add an option…").click();
    choose(&mut h, &saves("lnr-merger-2027.ron"));
    assert_eq!(h.state().compare.comparison.as_ref().unwrap().options.len(), 2);

    h.get_by_label("Steps from the base").click();
    h.run();
    assert!(h.query_all_by_label("This option's planned running cost").count() == 2);
    assert!(h.query_all_by_label("£36,626,000").count() >= 2);
    h.get_by_label("A step that takes cost out");

    h.get_by_label("Net present value").click();
    h.run();
    // Net saving £11,446,293 a year; NPV £89,791,618 for each (merging saves nothing more).
    assert_eq!(h.query_all_by_label("£89,791,618").count(), 2);
    h.get_by_label("0.966184");

    h.get_by_label("What changed").click();
    h.run();
    h.get_by_label("Posts added — 181 · running cost +£13,467,122 a year");
    // From the cluster to the merger: the merged ICB and the assumptions, nothing else.
    h.state_mut().compare.from = 1;
    h.state_mut().compare.to = 2;
    h.run();
    h.get_by_label("Clusters: Merged ICBs — 1").hover();
    h.run();
    h.get_by_label("Clusters: Merged ICBs — 1").click();
    h.run();
    h.get_by_label("a cluster");
    h.get_by_label("Assumptions — 2");
    assert!(h.query_by_label_contains("People:").is_none(), "no person changes");
    h.get_by_label("Export the changes (CSV)…");

    // The cluster file as the base: the merger's net saving against it is nothing.
    h.get_by_label("Use a file as the base…").click();
    choose(&mut h, &saves("lnr-cluster.ron"));
    let c = h.state().compare.comparison.as_ref().unwrap();
    assert_eq!(c.base.name, "lnr-cluster.ron");
    assert_eq!(c.appraise(&c.options[1]).net_saving, 0);
    h.get_by_label("Back to business as usual").click();
    h.run();
    assert_eq!(h.state().compare.comparison.as_ref().unwrap().base.name, "Business as usual");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().compare.open, "Esc closes the comparison");
}
