//! File ▸ New by year and population basis, and a cluster made a merged ICB, driven by
//! accessible labels.

use crate::common::{self, click_menu, harness};

use cluster_planner::model::PopulationBasis;
use cluster_planner::ui::ClusterPlannerApp;
use egui_kittest::kittest::{NodeT, Queryable};

/// File ▸ New offers the years; weighted populations only where the reference data has
/// them (2026/27); Cancel changes nothing; Create makes the 36 ICBs on the basis chosen.
#[test]
fn file_new_asks_the_year_and_the_population_basis() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    click_menu(&mut h, "File", "New");
    h.get_by_label("New scenario");
    h.get_by_label("2027/28").click();
    h.run();
    assert!(
        h.get_by_label("Weighted population").accesskit_node().is_disabled(),
        "no weighted populations for 2027/28"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().session.doc.scenario.organisations.len(), 2, "Cancel keeps the example");

    click_menu(&mut h, "File", "New");
    h.get_by_label("2026/27").click();
    h.run();
    h.get_by_label("Weighted population").click();
    h.run();
    h.get_by_label("Create").click();
    h.run();
    let doc = &h.state().session.doc;
    assert_eq!(doc.scenario.organisations.len(), 36);
    assert_eq!(doc.scenario.assumptions.population_basis, PopulationBasis::Weighted);
    // NHS Central East: 3,216,408 weighted x £18.76 = £60,339,814.08.
    assert_eq!(doc.summary.org("S1Y5D").unwrap().line.target, Some(6_033_981_408));
    // The ICBs tab says which population the targets use, and lists the weighted one.
    h.get_by_label("ICBs").click();
    h.run();
    h.get_by_label(
        "Targets are £18.76 per head of weighted population (Assumptions), or the explicit target where one is set.",
    );
    assert!(h.query_by_label("S1Y5D Weighted population").is_some());
}

/// "Make a merged ICB…" on a cluster, with its date: the cluster is one body from then.
/// After the target date the figures stay the cluster's (and a note says so); from a date
/// before it, the Overview shows one merged ICB, its predecessors until the date, and what
/// the one body must still save (LLR's £412,000 less Northamptonshire's £86,000).
#[test]
fn a_cluster_becomes_a_merged_icb_from_a_date() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("Clusters").click();
    h.run();
    h.get_by_label("Make a merged ICB…").click();
    h.run();
    h.get_by_label("Merged from (date):");
    h.get_by_label("Make it a merged ICB").click();
    h.run();
    let doc = &h.state().session.doc;
    let m = doc.scenario.clusters[0].merger.as_ref().expect("a merger");
    assert_eq!(m.from.to_string(), "2027-04-01");
    assert!(!doc.summary.clusters[0].merged, "after the target date of 31 December 2025");
    assert_eq!(doc.summary.totals.still_to_save, 41_200_000);
    assert!(doc.findings().iter().any(|f| f.message.contains("after the target date")));

    h.get_by_label("Change merger").click();
    h.run();
    h.get_by_label("Merged from (date):").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Merged from (date):").type_text("2025-10-01");
    h.run();
    h.get_by_label("Make it a merged ICB").click();
    h.run();
    let doc = &h.state().session.doc;
    assert!(doc.summary.clusters[0].merged);
    // £412,000 still to save in LLR, £86,000 under in Northamptonshire: one body, £326,000.
    assert_eq!(doc.summary.totals.still_to_save, 32_600_000);
    h.get_by_label("Overview").click();
    h.run();
    assert!(
        h.query_by_label_contains(
            "Northamptonshire + Leicester, Leicestershire & Rutland: one merged ICB from 1 Oct 2025"
        )
        .is_some()
    );
    assert!(h.query_by_label_contains("QPM Northamptonshire (until 1 Oct 2025)").is_some());
    h.get_by_label("Total of 2 ICBs in scope, 1 after mergers");

    // Undo twice: a cluster again.
    click_menu(
        &mut h,
        "Edit",
        "Undo make \"Northamptonshire + Leicester, Leicestershire & Rutland\" a merged ICB from 1 October 2025",
    );
    click_menu(
        &mut h,
        "Edit",
        "Undo make \"Northamptonshire + Leicester, Leicestershire & Rutland\" a merged ICB from 1 April 2027",
    );
    assert!(h.state().session.doc.scenario.clusters[0].merger.is_none());
}

/// File ▸ Move to the 2026/27 map…: the split ICB's people are placed by cost centre and
/// "everyone else"; Move is offered once everyone is placed; the result is a new, unsaved
/// scenario on the 36 ICBs with every person, and the report is offered.
#[test]
fn a_2025_26_scenario_moves_to_the_2026_27_map_in_the_window() {
    use cluster_planner::model::Outcome;
    let mut app = common::on_new_scenario();
    let mut who = cluster_planner::examples::lnr_cluster().people;
    who.truncate(4);
    for (i, p) in who.iter_mut().enumerate() {
        p.org = if i < 3 { "QM7".into() } else { "QHG".into() };
        p.cost_centre = Some(if i == 0 { "WESSEX-07".into() } else { "HERTS-01".into() });
        p.outcome = Outcome::AtRisk;
    }
    app.session.doc.scenario.people = who;
    app.session.doc.changed();
    app.session.doc.dirty = false;
    let mut h = harness(app);
    h.run();
    click_menu(&mut h, "File", "Move to the 2026/27 map…");
    h.get_by_label("Move to the 2026/27 map");
    h.get_by_label("3 not placed yet: choose where they go");
    h.get_by_label("QM7 WESSEX-07: 1").click();
    h.run();
    h.get_by_label("D7T5G (West Essex (07H))").click();
    h.run();
    h.get_by_label("QM7 everyone else").click();
    h.run();
    h.get_by_label("S1Y5D (Hertfordshire (06K East and North Hertfordshire, 06N Herts Valleys))").click();
    h.run();
    assert!(h.query_by_label_contains("not placed yet").is_none());
    h.get_by_label("Move").click();
    h.run();
    let doc = &h.state().session.doc;
    assert_eq!(doc.scenario.organisations.len(), 36);
    let orgs: Vec<&str> = doc.scenario.people.iter().map(|p| p.org.as_str()).collect();
    assert_eq!(orgs, ["D7T5G", "S1Y5D", "S1Y5D", "S1Y5D"]);
    assert!(doc.dirty && doc.path.is_none(), "a new scenario, not yet saved");
    h.get_by_label("Save the report (CSV)…");
    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().migrate.open);
}

/// File ▸ Compare options…: the open scenario against business as usual; Add an option…
/// brings in the merger option; the best option of a row is marked with a star and words;
/// Δ shows differences from the base; "Only rows that differ" hides the rest.
#[test]
fn options_are_compared_side_by_side_in_the_window() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.files.built_in = true;
    let mut h = harness(app);
    h.run();
    click_menu(&mut h, "File", "Compare options…");
    h.get_by_label("Compare options");
    assert_eq!(h.state().compare.comparison.as_ref().unwrap().options.len(), 1);
    h.get_by_label("Add an option…").click();
    h.run();
    h.get_by_label("File name:").click();
    let merger = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/lnr-merger-2027.ron");
    h.get_by_label("File name:").type_text(merger.to_str().unwrap());
    h.key_press(egui::Key::Enter);
    h.run();
    let c = h.state().compare.comparison.as_ref().unwrap();
    assert_eq!(c.options.len(), 2);
    // Still to save: £412,000 as a cluster, £326,000 merged, only because one body nets its
    // parts: no best. The net saving and NPV are the same: no best there either.
    let rows = c.rows();
    let still = rows.iter().find(|r| r.group == "Totals" && r.label == "Still to save").unwrap();
    assert_eq!(still.values[1..], [Some(41_200_000), Some(32_600_000)]);
    assert_eq!(still.best(), None);
    let npv = rows.iter().find(|r| r.label.starts_with("Net present value")).unwrap();
    assert_eq!((npv.values[1], npv.best()), (npv.values[2], None));
    // A lower still to save from netting is not a saving: not starred.
    h.get_by_label("£326,000");
    assert!(h.query_by_label("★ £326,000").is_none());
    h.get_by_label("Δ against the base").click();
    h.run();
    // Business as usual has £16.7m still to save (£53m against £36.3m): −£16,288,000 for the
    // cluster (to £412,000) and −£16,374,000 for the merger (to £326,000); the planned cost
    // falls by £16,374,000 in both.
    h.get_by_label("−£16,288,000");
    assert_eq!(h.query_all_by_label("−£16,374,000").count(), 3);
    h.get_by_label("Only rows that differ").click();
    h.run();
    assert!(h.state().compare.only_differ);
    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().compare.open);
}
