//! Edits, undo and redo on a document: the figures move by the hand-worked amounts and come
//! back exactly.

use cluster_planner::edit::Document;
use cluster_planner::edit::Edit;
use cluster_planner::examples;
use cluster_planner::model::money::Wte;
use cluster_planner::model::reference;
use cluster_planner::model::{Apportionment, Funding, Outcome, Pay, Post};

fn post(id: &str, host: &str, salary_pounds: i64) -> Post {
    Post {
        id: id.into(),
        title: "Director of Finance".into(),
        pay: Pay::Salary { salary_pence: salary_pounds * 100 },
        wte: Wte::FULL,
        host: host.into(),
        funding: Funding::RunningCost,
        reports_to: None,
        effective: None,
    }
}

#[test]
fn build_a_cluster_add_a_post_assign_people_undo_and_redo() {
    let mut doc = Document::new(reference::new_scenario(), None, "Untitled.ron");
    // Give QPM and QK1 one person each: £50,000 -> £64,190 a year to the ICB
    // (NI 15% x 45,000 = 6,750; pension 14.38% = 7,190; levy 0.5% = 250).
    for (id, org) in [("1", "QPM"), ("2", "QK1")] {
        doc.scenario.people.push(cluster_planner::model::Person {
            id: id.into(),
            name: None,
            org: org.into(),
            title: "Director".into(),
            grade: cluster_planner::model::Grade::Vsm,
            salary_pence: 5_000_000,
            wte: Wte::FULL,
            service_years: 10,
            function: None,
            cost_centre: None,
            outcome: Outcome::NotAffected,
            effective: None,
            site: None,
            reason: String::new(),
            offer: None,
        });
    }
    doc.changed();
    let qpm_before = doc.summary.org("QPM").unwrap().line.planned;
    assert_eq!(qpm_before, 6_419_000);

    doc.apply(Edit::AddCluster { name: "Northants + LLR".into() }).unwrap();
    let c = doc.scenario.clusters.len() - 1;
    doc.apply(Edit::AddMember { cluster: c, org: "QPM".into() }).unwrap();
    doc.apply(Edit::AddMember { cluster: c, org: "QK1".into() }).unwrap();
    doc.apply(Edit::SetApportionment { cluster: c, rule: Apportionment::Equal }).unwrap();
    doc.apply(Edit::AddTeam { cluster: c, name: "Cluster executive".into() }).unwrap();
    // A £120,000 post: NI 15% x 115,000 = 17,250; pension 17,256; levy 600 -> £155,106;
    // equal shares: £77,553 each.
    doc.apply(Edit::AddPost { cluster: c, team: 0, post: post("DOF", "QPM", 120_000) }).unwrap();
    assert_eq!(doc.summary.org("QPM").unwrap().line.planned, 6_419_000 + 7_755_300);
    assert_eq!(doc.summary.org("QK1").unwrap().line.planned, 6_419_000 + 7_755_300);

    // Appoint person 1 to the post: QPM no longer pays their £64,190.
    let label = doc
        .apply(Edit::SetOutcomes {
            ids: vec!["1".into()],
            outcome: Outcome::AppointedTo("DOF".into()),
            effective: None,
        })
        .unwrap();
    assert_eq!(label, "assign 1 person to Director of Finance");
    assert_eq!(doc.summary.org("QPM").unwrap().line.planned, 7_755_300);
    assert_eq!(doc.history.undo_label().unwrap(), "Undo assign 1 person to Director of Finance");
    // The gap moves by the same amount: target = 848,449 x £18.76 = £15,916,903.24
    assert_eq!(doc.summary.org("QPM").unwrap().line.target, Some(1_591_690_324));
    assert_eq!(doc.summary.org("QPM").unwrap().line.gap(), Some(7_755_300 - 1_591_690_324));
    assert!(doc.dirty);

    // Undo, then redo.
    assert_eq!(doc.undo().unwrap(), "assign 1 person to Director of Finance");
    assert_eq!(doc.summary.org("QPM").unwrap().line.planned, 6_419_000 + 7_755_300);
    assert_eq!(doc.scenario.people[0].outcome, Outcome::NotAffected);
    doc.redo().unwrap();
    assert_eq!(doc.summary.org("QPM").unwrap().line.planned, 7_755_300);

    // Undo everything: back to no clusters, planned as at the start.
    while doc.undo().is_some() {}
    assert!(doc.scenario.clusters.is_empty());
    assert_eq!(doc.summary.org("QPM").unwrap().line.planned, qpm_before);
}

#[test]
fn refused_edits_change_nothing() {
    let mut doc = Document::new(examples::lnr_cluster(), None, "lnr-cluster.ron");
    let before = doc.scenario.clone();
    // QK1 is already in the cluster.
    let err = doc.apply(Edit::AddMember { cluster: 0, org: "QK1".into() }).unwrap_err();
    assert!(err.0.contains("already in"), "{err}");
    assert!(
        doc.apply(Edit::SetOutcomes {
            ids: vec!["20000001".into()],
            outcome: Outcome::SlottedInto("NOPE".into()),
            effective: None
        })
        .is_err()
    );
    assert!(doc.apply(Edit::AddCluster { name: "  ".into() }).is_err());
    assert_eq!(doc.scenario, before);
    assert!(!doc.dirty);
    assert!(doc.history.undo_label().is_none());
}

#[test]
fn an_absurd_figure_is_refused_at_once() {
    let mut doc = Document::new(examples::lnr_cluster(), None, "lnr-cluster.ron");
    let before = doc.scenario.clone();
    // £1,000,000,000 for one post: beyond the £100m a file may hold for a salary.
    let err = doc.apply(Edit::AddPost { cluster: 0, team: 0, post: post("BIG", "QK1", 1_000_000_000) }).unwrap_err();
    assert!(err.0.contains("the most a scenario may hold there is £100,000,000"), "{err}");
    assert_eq!(doc.scenario, before);
    assert!(doc.history.undo_label().is_none());
    // An ICB's non-pay of £100bn and a penny (10^13 + 1 pence): beyond the £100bn a file
    // may hold for a budget. The range check after an edit of ICBs' figures reads no person, only the
    // ICBs, posts and assumptions, and still refuses it.
    let err = doc
        .apply(Edit::SetNonPay { org: "QK1".into(), baseline_pence: 10_000_000_000_001, planned_pence: None })
        .unwrap_err();
    assert!(err.0.contains("`baseline_non_pay_pence` of ICB QK1"), "{err}");
    assert!(err.0.contains("the most a scenario may hold there is £100,000,000,000"), "{err}");
    assert_eq!(doc.scenario, before);
    assert!(doc.history.undo_label().is_none());
}

#[test]
fn bulk_outcomes_are_one_undo_step() {
    let mut doc = Document::new(examples::lnr_cluster(), None, "lnr-cluster.ron");
    let at_risk: Vec<String> =
        doc.scenario.people.iter().filter(|p| p.outcome == Outcome::AtRisk).map(|p| p.id.clone()).collect();
    let before = doc.summary.totals;
    let one_off_before = doc.summary.one_off.total();
    let n = at_risk.len();
    assert!(n > 1);
    let cost: i64 = doc
        .scenario
        .people
        .iter()
        .zip(&doc.summary.person_cost)
        .filter(|(p, _)| p.outcome == Outcome::AtRisk)
        .map(|(_, c)| c)
        .sum();
    let label =
        doc.apply(Edit::SetOutcomes { ids: at_risk, outcome: Outcome::VoluntaryRedundancy, effective: None }).unwrap();
    assert_eq!(label, format!("set {n} people to voluntary redundancy"));
    // Their whole cost leaves the plan, and their redundancy pay is added.
    assert_eq!(doc.summary.totals.planned, before.planned - cost);
    assert!(doc.summary.one_off.total() > one_off_before);
    doc.undo().unwrap();
    assert_eq!(doc.summary.totals, before);
    assert_eq!(doc.summary.one_off.total(), one_off_before);
}

/// One post or one assignment is at most full-time: an edit adding a post of 1.5 WTE is
/// refused (the scenario unchanged), and a file with a person of 1.5 WTE is an error.
#[test]
fn more_than_one_wte_is_refused_and_an_error_in_a_file() {
    use cluster_planner::model::money::Wte;
    use cluster_planner::validate::{Severity, validate};
    let mut s = examples::lnr_cluster();
    let before = s.clone();
    let mut post = s.posts().next().unwrap().2.clone();
    post.id = "NEW-1".into();
    post.wte = Wte(15_000);
    let refused = Edit::AddPost { cluster: 0, team: 0, post }.apply(&mut s).unwrap_err();
    assert_eq!(
        refused.0,
        "WTE '1.50' is more than 1; if it is hours a week, divide by the full-time hours (37.5 hours = 1.0)"
    );
    assert!(s == before);
    s.people[0].wte = Wte(15_000);
    let id = s.people[0].id.clone();
    let errors: Vec<_> = validate(&s).into_iter().filter(|f| f.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        format!(
            "error: person {id}: WTE '1.50' is more than 1; if it is hours a week, divide by the full-time hours (37.5 hours = 1.0)"
        )
    );
}
