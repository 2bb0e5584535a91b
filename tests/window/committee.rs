//! The committee's loop, through the window from start to end: File ▸ New, a cluster of two
//! ICBs, an ICB's figures, a team and a post, the people from a staff list, an outcome with
//! a date, and the board pack that results.

use crate::common;

use std::path::Path;

use chrono::NaiveDate;
use cluster_planner::model::money::format_pounds;
use cluster_planner::model::{Outcome, OutcomeKind};
use cluster_planner::report::pack::{PackOptions, board_pack_pages};
use cluster_planner::ui::{ClusterPlannerApp, Command, Tab};
use common::{harness, settle_import};
use egui_kittest::kittest::Queryable;

#[test]
fn from_file_new_to_the_board_pack() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    // File ▸ New on the 2025/26 map: the 42 ICBs, nothing in scope yet.
    common::file_new(&mut h, "2025/26");
    assert_eq!(h.state().session.doc.scenario.organisations.len(), 42);
    h.get_by_label("No ICB is in this plan's scope yet: put ICBs in a cluster on the Clusters tab.");

    // A cluster of Northamptonshire and LLR.
    h.get_by_label("Clusters").click();
    h.run();
    h.get_by_label("New cluster:").click();
    h.get_by_label("New cluster:").type_text("Northants + LLR");
    h.key_press(egui::Key::Enter);
    h.run();
    for code in ["QPM", "QK1"] {
        let s = &h.state().session.doc.scenario;
        let nth =
            s.organisations.iter().filter(|o| !s.clusters[0].members.contains(&o.code)).position(|o| o.code == code);
        h.get_all_by_label("Add to cluster…").nth(nth.unwrap()).unwrap().click();
        h.run();
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Northants + LLR").click();
        h.run();
    }

    // LLR's baseline non-pay, typed in the ICBs tab: £10,000,000.
    h.get_by_label("ICBs").click();
    h.run();
    h.get_by_label("QK1 Baseline non-pay").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("QK1 Baseline non-pay").type_text("10,000,000");
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(h.state().session.doc.scenario.organisation("QK1").unwrap().baseline_non_pay_pence, 1_000_000_000);
    // The cell then reads as money, and the population with its thousands: 1,238,148.
    h.run();
    let value = |h: &egui_kittest::Harness<'_, _>, label: &str| h.get_by_label(label).value().unwrap_or_default();
    assert_eq!(value(&h, "QK1 Baseline non-pay"), "£10,000,000");
    assert_eq!(value(&h, "QK1 Population"), "1,238,148");
    // Leaving a cell as it reads changes nothing (no edit, nothing to undo).
    let undo_before = h.state().session.doc.history.undo_label();
    h.get_by_label("QK1 Population").click();
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(h.state().session.doc.history.undo_label(), undo_before);

    // A team and a post (band 8a point 1, £55,690, hosted by the first member, QPM).
    h.get_by_label("Teams").click();
    h.run();
    h.get_by_label("New team:").click();
    h.get_by_label("New team:").type_text("Cluster executive");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Title:").click();
    h.get_by_label("Title:").type_text("Chief Finance Officer");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().session.doc.scenario.posts().count(), 1);

    // The people of LLR from a messy ESR extract: 5 of its 10 rows import.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/esr-llr-messy.csv");
    h.state_mut().commands.push(Command::ImportPath(path));
    h.run();
    settle_import(&mut h);
    h.get_by_label("Import 5 people").click();
    h.run();
    assert_eq!(h.state().session.doc.scenario.people.len(), 5);

    // One of them takes voluntary redundancy from 31 October 2025.
    let id = h.state().session.doc.scenario.people[0].id.clone();
    {
        let app = h.state_mut();
        app.tab = Tab::People;
        app.people.selected = std::iter::once(id.clone()).collect();
        app.people.bulk_kind = Some(OutcomeKind::VoluntaryRedundancy);
        app.people.bulk_dated = true;
        app.people.bulk_date = NaiveDate::from_ymd_opt(2025, 10, 31);
    }
    h.run();
    h.get_by_label("Apply to 1 selected").click();
    h.run();
    let doc = &h.state().session.doc;
    let p = doc.scenario.people.iter().find(|p| p.id == id).unwrap();
    assert_eq!((&p.outcome, p.effective), (&Outcome::VoluntaryRedundancy, NaiveDate::from_ymd_opt(2025, 10, 31)));

    // The figures reconcile: LLR's baseline is the £10,000,000 typed plus its 5 people's
    // costs; the total covers the two ICBs in scope only; the leaver's payment is the
    // one-off cost.
    let sum = &doc.summary;
    let people: i64 = sum.person_cost.iter().sum();
    assert_eq!(sum.org("QK1").unwrap().line.baseline, 1_000_000_000 + people);
    assert_eq!(sum.totals.baseline, sum.org("QK1").unwrap().line.baseline + sum.org("QPM").unwrap().line.baseline);
    assert_eq!(sum.totals.one_off, sum.one_off.redundancy + sum.one_off.mars);

    // The board pack says the same: the cluster, its two ICBs and the total of the two.
    let pages = board_pack_pages(&doc.scenario, sum, &PackOptions::new("Untitled.ron"));
    let table = &pages[1];
    assert!(table.contains("Northants + LLR"));
    assert!(table.contains("Total of 2 ICBs in scope"));
    assert!(table.contains(&format!(">{}</text>", format_pounds(sum.totals.baseline))));
    assert!(pages.iter().any(|p| p.contains("Exits register")), "the leaver is on the exits register");
    assert!(h.query_by_label("Not saved to a file").is_some(), "never saved yet");
}
