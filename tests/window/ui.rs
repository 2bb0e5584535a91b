//! The window, driven headless through its accessibility tree (egui_kittest): no display
//! and no GPU. Each test starts from the built-in example and checks what a user sees.

use crate::common;

use std::path::Path;

use cluster_planner::ui::{ClusterPlannerApp, Command, Tab};
use common::{click_menu, harness};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

#[test]
fn opens_on_the_built_in_example_with_its_figures() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    // The published LLR + Northamptonshire figures: £53m baseline, £36.3m target, on the
    // cluster's row and on the total row.
    assert_eq!(h.get_all_by_label("£53,000,000").count(), 2);
    assert_eq!(h.get_all_by_label("£36,300,000").count(), 2);
    // Headlines: £53.0m baseline. LLR is £412,000 over its target (£22,689,500 − £22,277,500)
    // and Northamptonshire £86,000 under (£13,936,500 − £14,022,500): still to save £412k and
    // a surplus of £86k beside it, never netted to £326k (the ICBs are separate bodies).
    h.get_by_label("£53.0m");
    h.get_by_label("£412k");
    h.get_by_label("£86k");
    assert!(h.query_by_label("£326k").is_none(), "the surplus is not taken off what is still to save");
    h.get_by_label("£22,277,500");
    h.get_by_label("£14,022,500");
    h.get_by_label("lnr-cluster.ron");
    assert!(!h.state().session.doc.dirty);
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
    let first = h.state().session.doc.scenario.people[0].id.clone();
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
    h.state_mut().open_now(&bad);
    h.run();
    let notice = h.state().notice.clone().unwrap();
    assert!(notice.error);
    assert!(
        notice.text.contains("truncated.ron:") && notice.text.contains("the file ends too soon"),
        "{}",
        notice.text
    );
    // Still the example, with its figures on screen.
    assert_eq!(h.state().session.doc.display_name(), "lnr-cluster.ron");
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
    assert_eq!(h.state().session.doc.display_name(), "plan.ron");
    let saved = h.state().session.doc.scenario.clone();
    let mut h2 = harness(ClusterPlannerApp::with_built_in_example());
    h2.state_mut().open_now(&path);
    h2.run();
    assert_eq!(h2.state().session.doc.scenario, saved);
    h2.get_by_label("plan.ron");
}

#[test]
fn findings_and_assumptions_tabs_show_their_content() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("Assumptions").click();
    h.run();
    h.get_by_label("Running-cost envelope");
    h.get_by_label("£ per head");
    h.get_by_label("Model ICB Blueprint, May 2025");
    h.get_by_label("0 errors, 0 warnings, 69 notes").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Findings);
    let first = h.state().session.doc.findings()[0].clone();
    h.get_by_label(&format!("{}: {}", first.subject, first.message));
}

#[test]
fn build_a_cluster_of_two_icbs_with_a_team_and_a_post() {
    let mut h = harness(common::on_new_scenario());
    h.run();
    h.get_by_label("Clusters").click();
    h.run();
    h.get_by_label("New cluster:").click();
    h.get_by_label("New cluster:").type_text("Northants + LLR");
    h.get_by_label("Add cluster").click();
    h.run();
    assert_eq!(h.state().session.doc.scenario.clusters.len(), 1);
    // Add QPM, then QK1, through the keyboard/menu path ("Add to cluster…").
    for code in ["QPM", "QK1"] {
        let row = h.state().session.doc.scenario.organisations.iter().position(|o| o.code == code).unwrap();
        // The n-th "Add to cluster…" button belongs to the n-th unclustered ICB.
        let loose: Vec<usize> = (0..h.state().session.doc.scenario.organisations.len())
            .filter(|i| {
                !h.state().session.doc.scenario.clusters[0]
                    .members
                    .contains(&h.state().session.doc.scenario.organisations[*i].code)
            })
            .collect();
        let nth = loose.iter().position(|i| *i == row).unwrap();
        h.get_all_by_label("Add to cluster…").nth(nth).unwrap().click();
        h.run();
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Northants + LLR").click();
        h.run();
    }
    assert_eq!(h.state().session.doc.scenario.clusters[0].members, vec!["QPM".to_owned(), "QK1".to_owned()]);

    // A team and an Agenda for Change post (band 8a, point 1, the defaults).
    h.get_by_label("Teams").click();
    h.run();
    h.get_by_label("New team:").click();
    h.get_by_label("New team:").type_text("Cluster executive");
    h.get_by_label("Add team").click();
    h.run();
    h.get_by_label("Title:").click();
    h.get_by_label("Title:").type_text("Head of Finance");
    h.get_by_label("Add post").click();
    h.run();
    // Band 8a point 1 = £55,690: NI 15% x 50,690 = £7,603.50; pension 14.38% = £8,008.22;
    // levy £278.45 -> £71,580.17 a year. By population (848,449 : 1,238,148) QPM pays
    // £29,105.82 and QK1 £42,474.35 (the odd penny to the larger remainder).
    let doc = &h.state().session.doc;
    assert_eq!(doc.summary.posts[0].cost.to_icb(), 7_158_017);
    assert_eq!(doc.summary.posts[0].shares.to_vec(), vec![2_910_582, 4_247_435]);
    assert_eq!(doc.summary.org("QPM").unwrap().line.planned, 2_910_582);
    h.get_by_label("£71,580");
    // Undo the post with the keyboard: the plan goes back to nothing.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.doc.summary.org("QPM").unwrap().line.planned, 0);
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.doc.summary.org("QPM").unwrap().line.planned, 2_910_582);
}

#[test]
fn assign_a_person_to_a_post_and_undo_from_the_edit_menu() {
    // One person at £50,000 full time costs £64,190 a year (NI 15% x 45,000 = £6,750;
    // pension 14.38% = £7,190; levy 0.5% = £250); a vacant post first in the list, so it
    // is at the top of the post menu.
    let (app, i) = common::with_a_vacant_post_and_a_50k_person();
    let id = app.session.doc.scenario.people[i].id.clone();
    let org = app.session.doc.scenario.people[i].org.clone();
    let vacant = "TEST-001".to_owned();
    let before = app.session.doc.summary.org(&org).unwrap().line;
    let mut h = harness(app);
    h.run();
    h.get_by_label("People").click();
    h.run();
    h.get_by_label("Search:").click();
    h.get_by_label("Search:").type_text(&id);
    h.run();
    h.get_by_label(&id).click(); // the row's checkbox
    h.run();
    assert!(h.state().people.selected.contains(&id));
    h.get_by_label("outcome").click();
    h.run();
    h.get_by_label("Slotted in").click();
    h.run();
    assert_eq!(h.state().people.bulk_kind, Some(cluster_planner::model::OutcomeKind::Slotted));
    h.get_by_label("post").click();
    h.run();
    let title = {
        let s = &h.state().session.doc.scenario;
        let (_, t, p) = s.posts().find(|(_, _, p)| p.id == vacant).unwrap();
        format!("{} — {} ({})", p.id, p.title, t.name)
    };
    h.get_by_label(&title).click();
    h.run();
    assert_eq!(h.state().people.bulk_post.as_deref(), Some(vacant.as_str()));
    h.get_by_label("Apply to 1 selected").click();
    h.run();
    let after = h.state().session.doc.summary.org(&org).unwrap().line;
    assert_eq!(before.planned - after.planned, 6_419_000);
    assert_eq!(before.gap().unwrap() - after.gap().unwrap(), 6_419_000);
    assert!(h.state().session.doc.dirty);
    let post_title = h.state().session.doc.scenario.posts().find(|(_, _, p)| p.id == vacant).unwrap().2.title.clone();
    click_menu(&mut h, "Edit", &format!("Undo assign 1 person to {post_title}"));
    assert_eq!(h.state().session.doc.summary.org(&org).unwrap().line, before);
}

#[test]
fn unsaved_changes_are_guarded() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.state_mut().edit(cluster_planner::edit::Edit::RenameCluster { cluster: 0, name: "Renamed".into() });
    h.run();
    assert!(h.state().session.doc.dirty);
    assert!(h.state().session.doc.title().ends_with("lnr-cluster.ron • — Cluster Planner"));
    // New asks first; Cancel keeps the document and its change.
    click_menu(&mut h, "File", "New");
    assert!(matches!(h.state().unsaved, Some(cluster_planner::ui::Command::New)));
    h.get_by_label("Save changes?");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().unsaved.is_none());
    assert_eq!(h.state().session.doc.scenario.clusters[0].name, "Renamed");
    // Don't save: the new scenario replaces it (on the 2026/27 map, the year offered first).
    click_menu(&mut h, "File", "New");
    h.get_by_label("Don't save").click();
    h.run();
    h.get_by_label("New scenario");
    h.get_by_label("Create").click();
    h.run();
    assert_eq!(h.state().session.doc.display_name(), "Untitled.ron");
    assert_eq!(h.state().session.doc.scenario.organisations.len(), 36);
    assert_eq!(h.state().session.doc.scenario.year, "2026/27");
    assert!(!h.state().session.doc.dirty);
}

#[test]
fn people_sort_by_a_column_header() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("People").click();
    h.run();
    h.get_by_label("Salary").click();
    h.run();
    // Lowest full-time salary first: the band 2 point, £24,465 in the 2025/26 table.
    let s = h.state();
    let salaries: Vec<i64> = s.people.rows().iter().map(|i| s.session.doc.scenario.people[*i].salary_pence).collect();
    assert_eq!(salaries[0], 2_446_500);
    assert!(salaries.windows(2).all(|w| w[0] <= w[1]));
    assert!(h.get_all_by_label("£24,465").count() >= 1, "the first rows on screen are the lowest paid");
    h.get_by_label("Salary ↑").click();
    h.run();
    // Salary, the eighth column (after ID, Name, ICB, Site, Title, Function, Grade), now down.
    assert_eq!(h.state().people.sort, Some((7, true)));
    let s = h.state();
    let salaries: Vec<i64> = s.people.rows().iter().map(|i| s.session.doc.scenario.people[*i].salary_pence).collect();
    assert!(salaries.windows(2).all(|w| w[0] >= w[1]), "highest paid first");
}

#[test]
fn clicking_a_finding_selects_what_it_is_about() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.doc.scenario.people[0].outcome = cluster_planner::model::Outcome::SlottedInto("NO-SUCH-POST".into());
    app.session.doc.changed();
    let id = app.session.doc.scenario.people[0].id.clone();
    let mut h = harness(app);
    h.run();
    // The status bar counts the checks without listing them; the list says the same.
    let counts = h.state().session.doc.counts_text();
    assert_eq!(counts, cluster_planner::validate::counts_text(h.state().session.doc.findings()));
    assert!(counts.starts_with("1 error, 0 warnings, "), "{counts}");
    h.get_by_label(&counts).click();
    h.run();
    let text = format!(
        "person {id}: outcome names post NO-SUCH-POST, which does not exist; the person is still costed in their current role"
    );
    h.get_by_label(&text).click();
    h.run();
    assert_eq!(h.state().tab, Tab::People);
    assert!(h.state().people.selected.contains(&id));
    h.get_by_label("1 of 530 people");
}

#[test]
fn changing_the_envelope_moves_every_target() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.doc =
        cluster_planner::edit::Document::new(cluster_planner::examples::west_midlands(), None, "west-midlands.ron");
    let mut h = harness(app);
    h.run();
    h.get_by_label("Assumptions").click();
    h.run();
    // £18.76 -> £20.00 per head: Birmingham and Solihull's target goes from
    // 1,643,663 x £18.76 = £30,835,117.88 to 1,643,663 x £20 = £32,873,260.
    assert_eq!(h.state().session.doc.summary.org("QHL").unwrap().line.target, Some(3_083_511_788));
    h.get_by_label("Running-cost envelope").click();
    h.run();
    // Select the old figure and type over it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Running-cost envelope").type_text("20");
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    assert_eq!(h.state().session.doc.scenario.assumptions.envelope_per_head_pence, 2000);
    assert_eq!(h.state().session.doc.summary.org("QHL").unwrap().line.target, Some(3_287_326_000));
    assert_eq!(h.state().session.doc.history.undo_label().unwrap(), "Undo change assumptions");
}

#[test]
fn a_function_disposition_is_one_undoable_edit() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("Functions").click();
    h.run();
    let name = h.state().session.doc.scenario.functions[0].name.clone();
    h.get_by_label(&name).hover();
    let before = h.state().session.doc.scenario.functions[0].disposition;
    assert_ne!(before, cluster_planner::model::Disposition::Retain);
    h.state_mut().edit(cluster_planner::edit::Edit::SetDisposition {
        function: 0,
        disposition: cluster_planner::model::Disposition::Retain,
        date: None,
    });
    h.run();
    assert_eq!(h.state().session.doc.scenario.functions[0].disposition, cluster_planner::model::Disposition::Retain);
    assert_eq!(h.state().session.doc.history.undo_label().unwrap(), format!("Undo set \"{name}\" to retain and adapt"));
    h.state_mut().commands.push(cluster_planner::ui::Command::Undo);
    h.run();
    assert_eq!(h.state().session.doc.scenario.functions[0].disposition, before);
}

/// Presses at `from`, moves to `to` in steps as a hand would, and lets go.
fn drag(h: &mut Harness<'static, ClusterPlannerApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for k in 1..=5 {
        h.hover_at(from + (to - from) * (k as f32 / 5.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

#[test]
fn drag_a_person_onto_a_post() {
    // A vacant post at the top of the cluster executive, and a £50,000 person to place
    // (£64,190 a year to the ICB, as worked out above).
    let (app, i) = common::with_a_vacant_post_and_a_50k_person();
    let id = app.session.doc.scenario.people[i].id.clone();
    let org = app.session.doc.scenario.people[i].org.clone();
    let before = app.session.doc.summary.org(&org).unwrap().line.planned;
    let mut h = harness(app);
    h.run();
    h.get_by_label("Teams").click();
    h.run();
    h.get_by_label("Find:").click();
    h.get_by_label("Find:").type_text(&id);
    h.run();
    h.get_by_label("1 person");
    let from = h.get_by_label(&format!("{id} — drag onto a post")).rect().center();
    let to = h.get_by_label("vacant").rect().center();
    drag(&mut h, from, to);
    assert_eq!(
        h.state().session.doc.scenario.people[i].outcome,
        cluster_planner::model::Outcome::SlottedInto("TEST-001".into())
    );
    assert_eq!(before - h.state().session.doc.summary.org(&org).unwrap().line.planned, 6_419_000);
    assert_eq!(h.state().session.doc.history.undo_label().unwrap(), "Undo assign 1 person to Head of Test");
    // The list of people to place (kept between frames, not rescanned every frame) follows
    // the change, and the undo.
    h.run();
    h.get_by_label("0 people");
    h.state_mut().commands.push(cluster_planner::ui::command::Command::Undo);
    h.run();
    h.get_by_label("1 person");
}

/// The list of people to place is brought up to date for the people an edit changed, not
/// rebuilt from every person: after outcome edits, an undo, a redo and a change of another
/// kind, it says what a fresh look at every person says.
#[test]
fn people_to_place_follow_each_kind_of_change() {
    use cluster_planner::edit::Edit;
    use cluster_planner::model::Outcome;
    let app = ClusterPlannerApp::with_built_in_example();
    // Who a fresh look finds: the cluster's people who hold no post and are not leaving.
    let placeable = |app: &ClusterPlannerApp| {
        let s = &app.session.doc.scenario;
        let members = &s.clusters[0].members;
        s.people
            .iter()
            .filter(|p| members.iter().any(|m| p.org == *m) && p.outcome.holds_post().is_none() && !p.outcome.is_exit())
            .count()
    };
    let said = |n: usize| {
        format!("{} {}", cluster_planner::model::money::format_count(n), if n == 1 { "person" } else { "people" })
    };
    let n = placeable(&app);
    let two: Vec<String> = {
        let s = &app.session.doc.scenario;
        let members = &s.clusters[0].members;
        s.people
            .iter()
            .filter(|p| members.iter().any(|m| p.org == *m) && p.outcome == Outcome::NotAffected)
            .take(2)
            .map(|p| p.id.clone())
            .collect()
    };
    assert_eq!(two.len(), 2);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Teams").click();
    h.run();
    h.get_by_label(&said(n));
    // Two people leave (voluntary redundancy): two fewer to place.
    h.state_mut().edit(Edit::SetOutcomes { ids: two.clone(), outcome: Outcome::VoluntaryRedundancy, effective: None });
    h.run();
    assert_eq!(placeable(h.state()), n - 2);
    h.get_by_label(&said(n - 2));
    // One of them back to at risk: one more to place.
    h.state_mut().edit(Edit::SetOutcomes { ids: vec![two[0].clone()], outcome: Outcome::AtRisk, effective: None });
    h.run();
    h.get_by_label(&said(n - 1));
    h.state_mut().commands.push(cluster_planner::ui::command::Command::Undo);
    h.run();
    h.get_by_label(&said(n - 2));
    h.state_mut().commands.push(cluster_planner::ui::command::Command::Undo);
    h.run();
    h.get_by_label(&said(n));
    h.state_mut().commands.push(cluster_planner::ui::command::Command::Redo);
    h.run();
    h.get_by_label(&said(n - 2));
    // A change of another kind (a cluster renamed) goes over every person again.
    h.state_mut().edit(Edit::RenameCluster { cluster: 0, name: "Renamed".into() });
    h.run();
    assert_eq!(placeable(h.state()), n - 2);
    h.get_by_label(&said(n - 2));
}

#[test]
fn drag_an_icb_onto_a_cluster() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.doc =
        cluster_planner::edit::Document::new(cluster_planner::model::reference::new_scenario(), None, "Untitled.ron");
    app.edit(cluster_planner::edit::Edit::AddCluster { name: "East Midlands".into() });
    let mut h = harness(app);
    h.run();
    h.get_by_label("Clusters").click();
    h.run();
    let from = h
        .get_by(|n| n.label().is_some_and(|l| l.starts_with("NHS Northamptonshire Integrated Care Board — ")))
        .rect()
        .center();
    let to = h.get_by_label("Drop ICBs here").rect().center();
    drag(&mut h, from, to);
    assert_eq!(h.state().session.doc.scenario.clusters[0].members, vec!["QPM".to_owned()]);
    // The cluster's target is now Northamptonshire's: 848,449 x £18.76 = £15,916,903.24.
    assert_eq!(h.state().session.doc.summary.clusters[0].line.target, Some(1_591_690_324));
}

#[test]
fn find_goes_to_the_people_search() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    assert_eq!(h.state().tab, Tab::People);
    assert!(h.get_by_label("Search:").accesskit_node().is_focused(), "the search box has the keyboard focus");
    h.get_by_label("Search:").type_text("Chief");
    h.run();
    assert_eq!(h.state().people.search, "Chief");
}

#[test]
fn print_opens_its_dialog_and_cancel_closes_it() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    h.run();
    assert!(h.state().print.open);
    h.get_by_label("Board pack");
    h.get_by_label("The chart on screen");
    h.get_by_label("Open in viewer");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().print.open);
}

#[test]
fn custom_percentages_split_shared_posts() {
    use cluster_planner::edit::Edit;
    use cluster_planner::model::money::{Rate, Wte};
    use cluster_planner::model::{Apportionment, Funding, Pay, Post, Share};
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.session.doc =
        cluster_planner::edit::Document::new(cluster_planner::model::reference::new_scenario(), None, "Untitled.ron");
    app.edit(Edit::AddCluster { name: "Northants + LLR".into() });
    app.edit(Edit::AddMember { cluster: 0, org: "QPM".into() });
    app.edit(Edit::AddMember { cluster: 0, org: "QK1".into() });
    app.edit(Edit::AddTeam { cluster: 0, name: "Cluster executive".into() });
    let post = Post {
        id: "CEO".into(),
        title: "Chief Executive".into(),
        pay: Pay::Salary { salary_pence: 10_000_000 },
        wte: Wte::FULL,
        host: "QPM".into(),
        funding: Funding::RunningCost,
        reports_to: None,
        effective: None,
    };
    app.edit(Edit::AddPost { cluster: 0, team: 0, post });
    let mut h = harness(app);
    h.run();
    h.get_by_label("Clusters").click();
    h.run();
    h.get_by_label("shared posts split").click();
    h.run();
    h.get_by_label("Custom percentages").click();
    h.run();
    // Custom starts from the population shares: 848,449 : 1,238,148 of 10,000 hundredths of
    // a percent = 4,066.1 : 5,933.9 -> 40.66% and 59.34% (the odd hundredth to the larger remainder).
    let shares =
        |h: &Harness<'static, ClusterPlannerApp>| match &h.state().session.doc.scenario.clusters[0].apportionment {
            Apportionment::Custom(s) => s.clone(),
            other => panic!("{other:?}"),
        };
    assert_eq!(
        shares(&h),
        vec![Share { org: "QPM".into(), percent: Rate(4066) }, Share { org: "QK1".into(), percent: Rate(5934) }]
    );
    // Type 60 and 40.
    for (label, value) in [("QPM %", "60"), ("QK1 %", "40")] {
        h.get_by_label(label).click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_label(label).type_text(value);
        h.run();
    }
    h.get_by_label("Apply shares").click();
    h.run();
    assert_eq!(shares(&h)[0].percent, Rate(6000));
    // £100,000 costs £129,130 a year with on-costs: 60% = £77,478 to QPM, 40% = £51,652 to QK1.
    assert_eq!(h.state().session.doc.summary.posts[0].shares.to_vec(), vec![7_747_800, 5_165_200]);
    // Shares that do not add up to 100 are not applied.
    h.get_by_label("QK1 %").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("QK1 %").type_text("30");
    h.run();
    h.get_by_label("Apply shares").click();
    h.run();
    h.get_by_label("The shares add up to 90%, not 100%.");
    assert_eq!(shares(&h)[1].percent, Rate(4000));
}

/// The menus and the keyboard come from one list of commands: every command with a
/// shortcut is on a menu under its own label, showing that shortcut (Cmd on a Mac).
#[test]
fn every_shortcut_is_shown_on_its_menu_item() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    let mut missing = Vec::new();
    for c in Command::with_shortcuts() {
        let shortcut = c.shortcut().expect("a command with a shortcut");
        let text = format!("{} {}", c.label(), h.ctx.format_shortcut(&shortcut));
        let mut found = false;
        for menu in ["File", "Edit", "View", "Help"] {
            h.get_by_label(menu).click();
            h.run();
            found |= h.query_by_label(&text).is_some();
            h.key_press(egui::Key::Escape);
            h.run();
        }
        if !found {
            missing.push(text);
        }
    }
    assert!(missing.is_empty(), "on no menu: {missing:?}");
}

/// File ▸ New and one cluster of two ICBs: the headline and the total cover those two, not
/// the 40 empty ICBs beside them, which are listed apart, out of scope.
#[test]
fn a_one_cluster_plan_has_a_headline_for_its_icbs_only() {
    let mut h = harness(common::on_new_scenario());
    h.run();
    h.get_by_label("No ICB is in this plan's scope yet: put ICBs in a cluster on the Clusters tab.");
    h.get_by_label("Clusters").click();
    h.run();
    h.get_by_label("New cluster:").click();
    h.get_by_label("New cluster:").type_text("Northants + LLR");
    h.get_by_label("Add cluster").click();
    h.run();
    for code in ["QPM", "QK1"] {
        // The n-th "Add to cluster…" button belongs to the n-th ICB in no cluster.
        let s = &h.state().session.doc.scenario;
        let nth = s
            .organisations
            .iter()
            .filter(|o| !s.clusters[0].members.contains(&o.code))
            .position(|o| o.code == code)
            .unwrap();
        h.get_all_by_label("Add to cluster…").nth(nth).unwrap().click();
        h.run();
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Northants + LLR").click();
        h.run();
    }
    h.get_by_label("Overview").click();
    h.run();
    h.get_by_label(
        "The figures cover the 2 ICBs in scope (in a cluster or chosen); the other 40 are listed apart below.",
    );
    // Targets: 1,238,148 x £18.76 = £23,227,656.48 (LLR) and 848,449 x £18.76 =
    // £15,916,903.24 (Northamptonshire): £39,144,559.72 for the two, and nothing else.
    let sum = &h.state().session.doc.summary;
    assert_eq!(sum.totals.target, Some(3_914_455_972));
    assert_eq!(sum.totals.population, Some(1_238_148 + 848_449));
    // Nothing is planned yet, so the headline's surplus is the whole target: £39.1m twice.
    assert_eq!(h.get_all_by_label("£39.1m").count(), 2);
    assert!(h.get_all_by_label("£39,144,560").count() >= 2, "on the cluster's row and the total's");
    h.get_by_label("Total of 2 ICBs in scope");
    // The first ICB out of scope, in the file's order, is listed below the total, saying why.
    let first = h.state().session.doc.summary.organisations.iter().find(|o| !o.in_scope).unwrap();
    let label =
        format!("{} {} (out of scope: in no cluster)", first.code, cluster_planner::report::short_name(&first.name));
    h.get_by_label(&label);
}

/// Findings you can work through: grouped by what they check with counts, filtered by
/// severity, searchable; the counts match the status bar.
#[test]
fn findings_are_grouped_filtered_and_searched() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::Findings;
    let mut h = harness(app);
    h.run();
    // LNR's 69 notes: people in functions marked for transfer, people short of the service
    // for exit pay, ring-fenced pools, and a site near the duty to consult; each group says
    // how many.
    let doc = &h.state().session.doc;
    let count = |kind: &str| doc.findings().iter().filter(|f| f.kind == kind).count();
    let (functions, pools) = (count("Functions"), count("Ring-fenced pools"));
    assert!(functions > 0 && pools > 0);
    assert_eq!(doc.findings().len(), 69);
    h.get_by_label(&format!("Ring-fenced pools — {pools} notes"));
    h.get_by_label(&format!("Functions — {functions} notes"));
    // A search keeps the findings about one post.
    h.get_by_label("Search:").click();
    h.get_by_label("Search:").type_text("QK1QPM-MED-003");
    h.run();
    h.get_by_label("Ring-fenced pools — 1 note");
    h.get_by_label("post QK1QPM-MED-003: ring-fenced pool: 2 candidates for the post");
    assert!(h.query_by_label(&format!("Functions — {functions} notes")).is_none());
    // Notes off: nothing of LNR's is left to show.
    h.get_by_label("Notes").click();
    h.run();
    h.get_by_label("No finding matches.");
}

/// A post of 37.5 WTE is refused in the window, with the hint the importer gives: it is
/// hours a week, and 37.5 hours is 1.0.
#[test]
fn a_post_above_one_wte_is_refused_with_the_hours_hint() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::Teams;
    let mut h = harness(app);
    h.run();
    let posts_before = h.state().session.doc.scenario.posts().count();
    h.get_by_label("Title:").click();
    h.get_by_label("Title:").type_text("Head of Finance");
    h.get_by_label("WTE:").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("WTE:").type_text("37.5");
    h.get_by_label("Add post").click();
    h.run();
    h.get_by_label(
        "WTE '37.5' is more than 1; if it is hours a week, divide by the full-time hours (37.5 hours = 1.0)",
    );
    assert_eq!(h.state().session.doc.scenario.posts().count(), posts_before, "nothing added");
}

/// The People tab names posts by their titles, and shows each person's function and years
/// of service.
#[test]
fn the_people_tab_shows_post_titles_function_and_service() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::People;
    // Find someone slotted into a post, by their id.
    let s = &app.session.doc.scenario;
    let p = s.people.iter().find(|p| matches!(p.outcome, cluster_planner::model::Outcome::SlottedInto(_))).unwrap();
    let post = s.posts().find(|(_, _, q)| Some(q.id.as_str()) == p.outcome.post()).unwrap().2.clone();
    let (id, function, service) = (p.id.clone(), p.function.clone().unwrap(), p.service_years);
    app.people.search = id.clone();
    let mut h = harness(app);
    h.run();
    h.get_by_label(&format!("Slotted in: {}", post.title));
    assert!(h.query_by_label(&format!("Slotted in {}", post.id)).is_none(), "not by its id");
    h.get_by_label(&function);
    h.get_by_label("Function");
    h.get_by_label("Service");
    assert!(h.get_all_by_label(&service.to_string()).count() >= 1);
}

/// Enter confirms a one-line form: a new team, and a new post from its title.
#[test]
fn enter_adds_a_team_and_a_post() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::Teams;
    let mut h = harness(app);
    h.run();
    let teams = h.state().session.doc.scenario.clusters[0].teams.len();
    h.get_by_label("New team:").click();
    h.get_by_label("New team:").type_text("Digital directorate");
    h.key_press(egui::Key::Enter);
    h.run();
    let c = &h.state().session.doc.scenario.clusters[0];
    assert_eq!(c.teams.len(), teams + 1);
    assert_eq!(c.teams[teams].name, "Digital directorate");
    let posts = h.state().session.doc.scenario.posts().count();
    h.get_by_label("Title:").click();
    h.get_by_label("Title:").type_text("Head of Digital");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().session.doc.scenario.posts().count(), posts + 1);
    assert!(h.state().session.doc.scenario.posts().any(|(_, _, p)| p.title == "Head of Digital"));
}

/// The Overview shows the people side of the plan: one-off costs, net recurrent saving,
/// payback, and headcount and WTE before and after those leaving have gone.
#[test]
fn the_overview_shows_exit_costs_saving_payback_and_headcount() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    let s = &h.state().session.doc.scenario;
    let leaving = s.people.iter().filter(|p| p.outcome.is_exit()).count();
    assert_eq!(s.people.len(), 530);
    let sum = &h.state().session.doc.summary;
    // LNR's one-off costs: redundancy and MARS of the people leaving with a payment.
    assert_eq!(sum.totals.one_off, sum.one_off.redundancy + sum.one_off.mars);
    let one_off = cluster_planner::model::money::format_headline(sum.totals.one_off);
    let payback = format!("{} months", sum.payback_months().unwrap());
    h.get_by_label("One-off costs");
    h.get_by_label(&one_off);
    h.get_by_label("Net recurrent saving");
    h.get_by_label(&payback);
    h.get_by_label(&format!("530 → {}", 530 - leaving));
}

/// An ICB's planned non-pay typed in the ICBs tab moves the headline by that amount: LLR
/// (QK1) planning £1,000,000 less non-pay turns its £412,000 still to save
/// into £588,000 under target, so still to save is £0 and the surplus £86,000 + £588,000.
#[test]
fn non_pay_typed_in_the_icb_table_moves_the_headline() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::Icbs;
    let mut h = harness(app);
    h.run();
    let before = h.state().session.doc.summary.totals;
    // QK1 plans £9,409,939.67 of non-pay; £1,000,000 less is £8,409,939.67.
    let qk1 = h.state().session.doc.scenario.organisation("QK1").unwrap().clone();
    assert_eq!(qk1.planned_non_pay_pence, Some(940_993_967));
    h.get_by_label("QK1 Planned non-pay").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("QK1 Planned non-pay").type_text("8409939.67");
    h.key_press(egui::Key::Tab);
    h.run();
    let after = h.state().session.doc.summary.totals;
    assert_eq!(before.planned - after.planned, 100_000_000);
    assert_eq!((before.still_to_save, before.surplus), (41_200_000, 8_600_000));
    assert_eq!((after.still_to_save, after.surplus), (0, 8_600_000 + 58_800_000));
    assert_eq!(h.state().session.doc.history.undo_label().unwrap(), "Undo change non-pay of QK1");
    h.get_by_label("Overview").click();
    h.run();
    h.get_by_label("£674k");
}

/// An outcome with a date: a person not affected who takes voluntary redundancy from 30
/// September 2025 leaves the run-rate in September, not on the target date.
#[test]
fn an_outcome_from_a_date_lands_in_that_month_of_the_trajectory() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::People;
    let p = app
        .session
        .doc
        .scenario
        .people
        .iter()
        .find(|p| p.outcome == cluster_planner::model::Outcome::NotAffected)
        .unwrap();
    let (id, i) = (p.id.clone(), app.session.doc.scenario.people.iter().position(|q| q.id == p.id).unwrap());
    let cost = app.session.doc.summary.person_cost[i];
    app.people.search = id.clone();
    app.people.selected = std::iter::once(id.clone()).collect();
    app.people.bulk_kind = Some(cluster_planner::model::OutcomeKind::VoluntaryRedundancy);
    app.people.bulk_dated = true;
    app.people.bulk_date = chrono::NaiveDate::from_ymd_opt(2025, 9, 30);
    let before = app.session.doc.summary.trajectory.clone();
    let mut h = harness(app);
    h.run();
    h.get_by_label("Apply to 1 selected").click();
    h.run();
    let doc = &h.state().session.doc;
    let p = doc.scenario.people.iter().find(|p| p.id == id).unwrap();
    assert_eq!(p.effective, chrono::NaiveDate::from_ymd_opt(2025, 9, 30));
    // The months run April 2025 (0) to December 2025 (8): September is month 5. Before it the
    // run-rate is unchanged; from it, lower by the person's annual cost.
    let after = &doc.summary.trajectory;
    for m in 0..after.total.len() {
        let drop = before.total[m] - after.total[m];
        assert_eq!(drop, if m < 5 { 0 } else { cost }, "month {m}");
    }
    // "Set the date only" moves it to the target date, keeping the outcome.
    h.get_by_label("From").click();
    h.run();
    h.get_by_label("Set the date only").click();
    h.run();
    let p = h.state().session.doc.scenario.people.iter().find(|p| p.id == id).unwrap().clone();
    assert_eq!((p.outcome, p.effective), (cluster_planner::model::Outcome::VoluntaryRedundancy, None));
    assert_eq!(h.state().session.doc.history.undo_label().unwrap(), "Undo set the date of 1 person to the target date");
}

/// Deleting a team asks first, naming its posts' people; Cancel changes nothing; Delete
/// takes it away, and the Findings name everyone left pointing at a post that is gone.
#[test]
fn deleting_a_team_says_who_it_affects_and_asks_first() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::Teams;
    let s = &app.session.doc.scenario;
    let team = s.clusters[0].teams[0].clone();
    let holders: Vec<String> = s
        .people
        .iter()
        .filter(|p| p.outcome.post().is_some_and(|id| team.posts.iter().any(|q| q.id == id)))
        .map(|p| p.id.clone())
        .collect();
    assert!(!holders.is_empty(), "the executive team's posts are held");
    let mut h = harness(app);
    h.run();
    h.get_all_by_label("Delete team").next().unwrap().click();
    h.run();
    h.get_by_label(&format!("Delete the team \"{}\"?", team.name));
    h.get_by_label(&format!("Its {} posts go.", team.posts.len()));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().session.doc.scenario.clusters[0].teams[0], team, "Cancel changes nothing");
    h.get_all_by_label("Delete team").next().unwrap().click();
    h.run();
    h.get_by_label("Yes, delete the team").click();
    h.run();
    let doc = &h.state().session.doc;
    assert!(doc.scenario.clusters[0].teams.iter().all(|t| t.name != team.name));
    for id in &holders {
        assert!(
            doc.findings()
                .iter()
                .any(|f| f.subject.to_string() == format!("person {id}") && f.message.contains("does not exist")),
            "a finding names {id}"
        );
    }
}

/// A post is changed after it is made, in its dialog: title, WTE and team (a move), each an
/// undoable step; and a team is renamed in place.
#[test]
fn a_post_is_edited_and_moved_and_a_team_renamed() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::Teams;
    let mut h = harness(app);
    h.run();
    let c = h.state().session.doc.scenario.clusters[0].clone();
    let post = c.teams[0].posts[0].clone();
    let target_team = c.teams[1].name.clone();
    h.get_all_by_label("Edit post").next().unwrap().click();
    h.run();
    h.get_by_label(&format!("Edit post {}", post.id));
    h.get_by_label("Title:").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Title:").type_text("Chief Executive (interim)");
    h.get_by_label("WTE:").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("WTE:").type_text("0.8");
    h.run();
    // Move it to the second team, as the Team combo would.
    h.state_mut().teams.editing.as_mut().unwrap().to_team = 1;
    h.get_by_label("Save").click();
    h.run();
    let s = &h.state().session.doc.scenario;
    let moved = s.clusters[0].teams[1].posts.last().unwrap();
    assert_eq!((moved.id.as_str(), moved.title.as_str()), (post.id.as_str(), "Chief Executive (interim)"));
    assert_eq!(moved.wte, cluster_planner::model::money::Wte(8000));
    assert_eq!(s.clusters[0].teams[0].posts.len(), c.teams[0].posts.len() - 1);
    assert_eq!(h.state().session.doc.history.undo_label().unwrap(), format!("Undo move a post to \"{target_team}\""));
    // Two steps back: the move, then the change.
    for _ in 0..2 {
        h.state_mut().commands.push(cluster_planner::ui::Command::Undo);
        h.run();
    }
    assert_eq!(h.state().session.doc.scenario.clusters[0], c);
    // Rename a team: the field, Enter.
    h.get_all_by_label("Rename team").next().unwrap().click();
    h.run();
    h.get_by_label("Team name:").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Team name:").type_text("Executive team");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().session.doc.scenario.clusters[0].teams[0].name, "Executive team");
}

/// The status bar tells saved from not: a new scenario is "Not saved to a file"; after Save
/// As it is "Saved"; a change is "Unsaved changes", and undoing it is "Saved" again.
#[test]
fn the_status_bar_says_whether_the_work_is_saved() {
    let mut h = harness(common::on_new_scenario());
    h.run();
    h.get_by_label("Not saved to a file");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    h.state_mut().save_to(&path);
    h.run();
    h.get_by_label("Saved");
    h.state_mut().edit(cluster_planner::edit::Edit::AddCluster { name: "North".into() });
    h.run();
    h.get_by_label("Unsaved changes");
    assert!(h.state().session.doc.dirty);
    h.state_mut().commands.push(cluster_planner::ui::Command::Undo);
    h.run();
    h.get_by_label("Saved");
    assert!(!h.state().session.doc.dirty, "undone back to the file's state");
}

/// Started on a file that is not there: the window names the file and the problem in plain
/// words (no "os error 2") and offers Open…, New and the example; it never shows the example
/// under the user's file's name.
#[test]
fn starting_on_a_missing_file_says_so_and_offers_a_way_on() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("board-plan.ron");
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.open_at_start(&missing);
    let mut h = harness(app);
    h.run();
    h.get_by_label("This file could not be opened");
    h.get_by_label(&missing.display().to_string());
    h.get_by_label("cannot read the file: there is no file there (it may have been moved, renamed or deleted)");
    assert!(h.query_by_label_contains("os error").is_none());
    h.get_by_label("New scenario");
    h.get_by_label("Open…");
    h.get_by_label("Open the example").click();
    h.run();
    assert!(h.state().start_problem.is_none());
    assert_eq!(h.state().session.doc.display_name(), "lnr-cluster.ron");
    h.get_by_label("Overview");
}

/// The plan's name, year and notes are typed in the window and applied as one step.
#[test]
fn the_plan_name_year_and_notes_are_set_in_the_window() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::Assumptions;
    let mut h = harness(app);
    h.run();
    h.get_by_label("Plan name:").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Plan name:").type_text("LLR and Northamptonshire: option B");
    h.get_by_label("Financial year:").click();
    h.get_by_label("Financial year:").type_text("2026/27");
    h.run();
    h.get_by_label("Apply plan details").click();
    h.run();
    let s = &h.state().session.doc.scenario;
    assert_eq!((s.name.as_str(), s.year.as_str()), ("LLR and Northamptonshire: option B", "2026/27"));
    assert_eq!(h.state().session.doc.history.undo_label().unwrap(), "Undo change the plan's name, year or notes");
    h.get_by_label("LLR and Northamptonshire: option B"); // beside the tabs
}

/// Enter in an assumption's figure applies the figures, as Apply does.
#[test]
fn enter_applies_the_assumptions() {
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.tab = Tab::Assumptions;
    let mut h = harness(app);
    h.run();
    h.get_by_label("Running-cost envelope").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Running-cost envelope").type_text("20");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().session.doc.scenario.assumptions.envelope_per_head_pence, 2000);
}

/// A cluster's card gives still to save and surplus apart, never netted: LLR is £412,000
/// over its target and Northamptonshire £86,000 under, which is never "£326,000 over". The
/// Functions tab totals its columns, and its moved-out total is the Overview's (every person
/// who transfers out in the example works in a function).
#[test]
fn a_cluster_card_never_nets_and_the_functions_are_totalled() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    h.get_by_label("Clusters").click();
    h.run();
    assert!(h.query_by_label_contains("still to save £412,000, surplus £86,000").is_some());
    assert!(h.query_by_label_contains("£326,000").is_none());
    h.get_by_label("Functions").click();
    h.run();
    h.get_by_label("All functions");
    let moved = h.state().session.doc.summary.totals.transferred_out;
    assert_eq!(moved, 492_770_660, "£4,927,706.60 moved out: the Overview's £4,927,707");
    h.get_by_label(&cluster_planner::model::money::format_pounds(moved));
}
