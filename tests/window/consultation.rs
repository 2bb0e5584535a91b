//! The Consultation tab, driven by accessible labels: an employer's consultation recorded
//! from the tab, the check that follows it, and a site set for people on the People tab.

use crate::common::harness;

use cluster_planner::engine::consultation::Employer;
use cluster_planner::ui::ClusterPlannerApp;
use egui_kittest::kittest::Queryable;

/// LLR's headquarters has 60 people proposed for redundancy (37 decided, 23 at risk or
/// ring-fenced) on 31 December 2025: 30 days' consultation, run before the first 12-week
/// notice (8 October), so starting by 8 September; HR1 by 7 October. With its consultation
/// taken out of the example and the day before those dates, the check asks for it; ticking
/// "recorded" starts it on the last lawful day, 8 September, with no HR1, still to record;
/// HR1 ticked lands on the same day: in time. On a later day, unrecorded, it is too late.
#[test]
fn an_employers_consultation_is_recorded_and_checked_in_the_tab() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.doc.scenario.organisations.iter_mut().find(|o| o.code == "QK1").unwrap().consultation = None;
    app.session.doc.changed();
    app.consultation.today = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    let mut h = harness(app);
    h.run();
    h.get_by_label("Consultation").click();
    h.run();
    assert_eq!(h.query_all_by_label("⚠ to record").count(), 2, "LLR's two sites");
    assert!(h.query_all_by_label("8 Sep 2025").count() >= 2);
    assert!(h.query_all_by_label("7 Oct 2025").count() >= 2);
    // LLR's tick box is named by its employer. (Inside the tab's scrolling area a pointer
    // rests on a box before it clicks.)
    let llr = "QK1 Leicester, Leicestershire and Rutland";
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, llr).hover();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, llr).click();
    h.run();
    let c = cluster_planner::engine::consultation::consultation_of(
        &h.state().session.doc.scenario,
        &Employer::Icb("QK1".into()),
    )
    .cloned()
    .unwrap();
    assert_eq!(c.start, chrono::NaiveDate::from_ymd_opt(2025, 9, 8).unwrap());
    assert_eq!(c.hr1, None);
    assert_eq!(h.query_all_by_label("⚠ to record").count(), 2);
    // HR1 recorded: the first "recorded" (LLR's row comes first), on the day it starts.
    h.get_all_by_label("recorded").next().unwrap().hover();
    h.run();
    h.get_all_by_label("recorded").next().unwrap().click();
    h.run();
    assert_eq!(
        h.query_all_by_label("✔ in time").count(),
        3,
        "every site with the duty: LLR's two and Northamptonshire's headquarters"
    );
    // Both are one step each: undo twice, and LLR has no consultation again; on 1 December
    // 2025 it is too late to start in time.
    for _ in 0..2 {
        h.state_mut().commands.push(cluster_planner::ui::command::Command::Undo);
        h.run();
    }
    assert!(
        h.state().session.doc.scenario.organisations.iter().find(|o| o.code == "QK1").unwrap().consultation.is_none()
    );
    h.state_mut().consultation.today = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    h.run();
    assert_eq!(h.query_all_by_label("✖ too late to start in time").count(), 2);
}

/// On the People tab, the selected people are given a site in one undoable step.
#[test]
fn a_site_is_set_for_the_selected_people() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("People").click();
    h.run();
    let ids: Vec<String> = h.state().session.doc.scenario.people.iter().take(3).map(|p| p.id.clone()).collect();
    h.state_mut().people.selected = ids.iter().cloned().collect();
    h.run();
    h.get_by_label("Site, reason and offer for the 3 selected").click();
    h.run();
    h.get_by_label("Site:").click();
    h.get_by_label("Site:").type_text("County Hall");
    h.run();
    h.get_by_label("Set site").click();
    h.run();
    let people = &h.state().session.doc.scenario.people;
    assert!(ids.iter().all(|id| people.iter().find(|p| &p.id == id).unwrap().site.as_deref() == Some("County Hall")));
    let label = h.state().session.doc.history.undo_label().unwrap_or_default();
    assert!(label.contains("set the site of 3 people to County Hall"), "{label}");
}

/// On the Teams tab, a selection pool is made of two posts, by label.
#[test]
fn a_selection_pool_is_made_on_the_teams_tab() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("Teams").click();
    h.run();
    h.get_by_label("Selection pools (0)").hover();
    h.run();
    h.get_by_label("Selection pools (0)").click();
    h.run();
    let posts: Vec<(String, String)> = h.state().session.doc.scenario.clusters[0].teams[0]
        .posts
        .iter()
        .take(2)
        .map(|p| (p.id.to_string(), format!("{} {}", p.id, p.title)))
        .collect();
    for (_, label) in &posts {
        h.get_by_label(label).hover();
        h.run();
        h.get_by_label(label).click();
        h.run();
    }
    h.get_by_label("New pool:").click();
    h.get_by_label("New pool:").type_text("Executive");
    h.run();
    h.get_by_label("Create pool of 2 posts").click();
    h.run();
    let pool = &h.state().session.doc.scenario.clusters[0].pools[0];
    assert_eq!(pool.name, "Executive");
    assert_eq!(pool.posts, posts.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
    h.get_by_label("Executive — 0 : 2 (candidates : posts), 0 appointed");
}

/// An ICB's sites are typed in the Consultation tab, ";" between, and kept with Enter; a
/// person's site that is not one of them is then a finding.
#[test]
fn an_icbs_sites_are_listed_in_the_tab() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.doc.scenario.organisations.iter_mut().for_each(|o| o.sites.clear());
    app.session.doc.changed();
    let mut h = harness(app);
    h.run();
    h.get_by_label("Consultation").click();
    h.run();
    let llr = "QK1 Leicester, Leicestershire and Rutland";
    let field = || egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(field(), llr).hover();
    h.run();
    h.get_by_role_and_label(field(), llr).click();
    h.run();
    h.get_by_role_and_label(field(), llr).type_text("County Hall; Loughborough");
    h.key_press(egui::Key::Enter);
    h.run();
    let doc = &h.state().session.doc;
    assert_eq!(doc.scenario.organisation("QK1").unwrap().sites, ["County Hall", "Loughborough"]);
    // LLR's people are at its headquarters and locality office: not its listed sites.
    assert!(doc.findings().iter().any(|f| f.kind == "Sites"
        && f.message.contains("which is not one of QK1 Leicester, Leicestershire and Rutland's sites")));
}
