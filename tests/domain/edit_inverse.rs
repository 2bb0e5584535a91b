//! Every kind of edit, followed by the inverse it returns, gives back the same scenario,
//! exactly; a refused edit changes nothing; and any sequence of edits undone in full through
//! the history gives back the scenario it started from. Edits are drawn at random against
//! the LNR example (its clusters, teams, posts, people, functions and ICBs), including
//! ones that must be refused (a post that does not exist, a team index past the end).

use chrono::NaiveDate;
use proptest::prelude::*;

use cluster_planner::edit::{Document, Edit, History, PersonDetail};
use cluster_planner::engine::consultation::Employer;
use cluster_planner::examples;
use cluster_planner::model::money::{Rate, Wte};
use cluster_planner::model::{
    AlternativeOffer, Apportionment, Band, Candidate, Code, Consultation, Disposition, Funding, Outcome, Pay, Pool,
    Post, Scenario, Selection, Share,
};

/// Random numbers that pick what an edit touches and how; turned into an edit by `make`.
#[derive(Debug, Clone)]
struct Pick {
    kind: u8,
    a: usize,
    b: usize,
    c: usize,
    n: i64,
    text: String,
}

fn pick() -> impl Strategy<Value = Pick> {
    (0_u8..35, 0_usize..64, 0_usize..64, 0_usize..400, -5_i64..2_000_000_000, "[A-Za-z ]{0,12}")
        .prop_map(|(kind, a, b, c, n, text)| Pick { kind, a, b, c, n, text })
}

fn date(p: &Pick) -> Option<NaiveDate> {
    (!p.c.is_multiple_of(3)).then(|| NaiveDate::from_ymd_opt(2025, 4, 1).unwrap() + chrono::Days::new(p.c as u64))
}

/// An outcome, sometimes naming a real post and sometimes one that does not exist.
fn outcome(s: &Scenario, p: &Pick) -> Outcome {
    let posts: Vec<Code> = s.posts().map(|(_, _, p)| p.id.clone()).collect();
    let post: Code = if p.b.is_multiple_of(7) || posts.is_empty() {
        "NO-SUCH-POST".into()
    } else {
        posts[p.b % posts.len()].clone()
    };
    match p.a % 10 {
        0 => Outcome::NotAffected,
        1 => Outcome::SlottedInto(post),
        2 => Outcome::RingFencedFor(post),
        3 => Outcome::AppointedTo(post),
        4 => Outcome::AtRisk,
        5 => Outcome::Redeployed,
        6 => Outcome::TransferredOut,
        7 => Outcome::VoluntaryRedundancy,
        8 => Outcome::Mars,
        _ => Outcome::CompulsoryRedundancy,
    }
}

/// Where an edit points: a cluster (sometimes one past the end), a team, some people, an
/// ICB and a post of the scenario.
struct Target {
    cluster: usize,
    clusters: usize,
    team: usize,
    ids: Vec<String>,
    org: String,
    post: Option<Post>,
}

fn target(s: &Scenario, p: &Pick) -> Target {
    let clusters = s.clusters.len().max(1);
    Target {
        cluster: p.a % (clusters + 1),
        clusters,
        team: p.b % 4,
        ids: s.people.iter().skip(p.c % s.people.len().max(1)).take(1 + p.b % 5).map(|x| x.id.clone()).collect(),
        org: s.organisations.get(p.c % s.organisations.len().max(1)).map(|o| o.code.clone()).unwrap_or_default(),
        post: s.posts().nth(p.c % s.posts().count().max(1)).map(|(_, _, post)| post.clone()),
    }
}

/// One edit of each of the 28 kinds (and a SetOutcomes naming nobody), with indexes that
/// sometimes run past the end so the refusals are tried too.
fn make(s: &Scenario, p: &Pick) -> Edit {
    let t = target(s, p);
    match p.kind {
        0 | 1 | 19 | 20 | 24 | 29 | 30 => people_edit(s, p, t),
        2..=10 | 18 | 27 | 32 | 33 => cluster_edit(s, p, t),
        11..=13 | 25 => post_edit(s, p, t),
        _ => settings_edit(s, p, t),
    }
}

fn people_edit(s: &Scenario, p: &Pick, t: Target) -> Edit {
    match p.kind {
        0 => Edit::SetOutcomes { ids: t.ids, outcome: outcome(s, p), effective: date(p) },
        1 => Edit::RestoreOutcomes { changes: t.ids.into_iter().map(|id| (id, outcome(s, p), date(p))).collect() },
        24 => Edit::SetDates { ids: t.ids, effective: date(p) },
        29 => Edit::SetPeopleDetail {
            ids: t.ids,
            detail: match p.b % 4 {
                0 => PersonDetail::Site(Some(p.text.clone())),
                1 => PersonDetail::Site(None),
                2 => PersonDetail::Reason(p.text.clone()),
                _ => PersonDetail::Offer(date(p).map(|offered| AlternativeOffer {
                    post: p.text.clone(),
                    offered,
                    refused: p.a.is_multiple_of(2),
                })),
            },
        },
        30 => {
            let mut list: Vec<_> = s.people.iter().skip(p.c % s.people.len().max(1)).take(2).cloned().collect();
            for x in &mut list {
                x.site = Some(p.text.as_str().into());
            }
            Edit::RestorePeople(list)
        }
        19 => {
            let mut people = s.people.clone();
            people.truncate(p.c);
            Edit::ReplacePeople { people, what: p.text.clone() }
        }
        _ => Edit::SetOutcomes { ids: vec!["NOBODY".into()], outcome: Outcome::AtRisk, effective: None },
    }
}

fn cluster_edit(s: &Scenario, p: &Pick, t: Target) -> Edit {
    let cluster = t.cluster;
    match p.kind {
        2 => Edit::AddCluster { name: p.text.clone() },
        32 => Edit::SetPool {
            cluster,
            index: p.b % 3,
            pool: (!p.c.is_multiple_of(4)).then(|| Pool {
                name: p.text.clone(),
                posts: t.post.iter().map(|q| q.id.to_string()).collect(),
                candidates: t
                    .ids
                    .iter()
                    .map(|id| Candidate { person: id.clone(), result: Selection::Pending })
                    .collect(),
            }),
        },
        // Several edits as one: a pool and the outcomes, or one refused and none applied.
        33 => Edit::Batch {
            label: p.text.clone(),
            edits: vec![
                Edit::AddCluster { name: p.text.clone() },
                Edit::SetOutcomes { ids: t.ids.clone(), outcome: outcome(s, p), effective: date(p) },
                Edit::RenameCluster { cluster, name: format!("{}{}", p.text, p.a) },
            ],
        },
        3 => Edit::RenameCluster { cluster, name: p.text.clone() },
        4 => Edit::DeleteCluster { cluster },
        5 => Edit::AddMember { cluster, org: t.org },
        6 => Edit::RemoveMember { cluster, org: t.org },
        7 => Edit::SetApportionment {
            cluster,
            rule: match p.b % 3 {
                0 => Apportionment::Population,
                1 => Apportionment::Equal,
                _ => Apportionment::Custom(vec![Share { org: t.org, percent: Rate(10_000) }]),
            },
        },
        8 => Edit::AddTeam { cluster, name: p.text.clone() },
        9 => Edit::RenameTeam { cluster, team: t.team, name: p.text.clone() },
        10 => Edit::DeleteTeam { cluster, team: t.team },
        27 => Edit::SetMerger {
            cluster,
            merger: (!p.b.is_multiple_of(3)).then(|| cluster_planner::model::Merger {
                from: NaiveDate::from_ymd_opt(2027, 4, 1).unwrap() - chrono::Days::new(p.c as u64),
                // An empty name is refused.
                name: p.text.clone(),
                status: "proposed".into(),
            }),
        },
        _ => {
            let mut c = s.clusters.clone();
            c.truncate(p.b % (t.clusters + 1));
            Edit::ReplaceClusters(c)
        }
    }
}

fn post_edit(s: &Scenario, p: &Pick, t: Target) -> Edit {
    let (cluster, team) = (t.cluster, t.team);
    // A post changed where it is, keeping its id: its pay (sometimes below what its holders
    // are paid, so their pay protection moves; sometimes a pay point not in the table), WTE,
    // funding and start date. The figures are updated for it alone.
    let here = s.clusters.get(cluster).and_then(|c| c.teams.get(team)).and_then(|t| t.posts.get(p.c % 6));
    if p.kind == 12
        && p.b % 3 == 1
        && let Some(mut post) = here.cloned()
    {
        post.pay = match p.a % 3 {
            0 => Pay::Salary { salary_pence: p.n.rem_euclid(20_000_000) },
            1 => Pay::AfC { band: Band::Band5, point: 1 + u8::try_from(p.a % 5).unwrap() },
            _ => Pay::Vsm { salary_pence: p.n.rem_euclid(30_000_000) },
        };
        post.wte = Wte(1 + u32::try_from(p.c * 37 % 10_000).unwrap());
        post.funding = if p.a.is_multiple_of(2) { Funding::Programme } else { Funding::RunningCost };
        post.effective = date(p);
        return Edit::UpdatePost { cluster, team, index: p.c % 6, post };
    }
    let Some(mut post) = t.post else { return Edit::DeletePost { cluster, team, index: 0 } };
    post.title.clone_from(&p.text);
    match p.kind {
        11 => {
            if p.b.is_multiple_of(2) {
                post.id = format!("NEW-{}", p.c).into();
            }
            Edit::AddPost { cluster, team, post }
        }
        12 => {
            if p.b.is_multiple_of(3) {
                post.id = format!("NEW-{}", p.c).into();
            }
            Edit::UpdatePost { cluster, team, index: p.c % 6, post }
        }
        25 => Edit::MovePost { cluster, team, index: p.c % 6, to_team: p.a % 4 },
        _ => Edit::DeletePost { cluster, team, index: p.c % 6 },
    }
}

fn settings_edit(s: &Scenario, p: &Pick, t: Target) -> Edit {
    match p.kind {
        14 => Edit::SetDisposition {
            function: p.a % (s.functions.len() + 1),
            disposition: match p.b % 4 {
                0 => Disposition::Retain,
                1 => Disposition::Grow,
                2 => Disposition::TransferToRegion,
                _ => Disposition::Review,
            },
            date: date(p),
        },
        15 => {
            let mut a = s.assumptions.clone();
            a.envelope_per_head_pence = p.n.rem_euclid(10_000);
            Edit::SetAssumptions(Box::new(a))
        }
        16 => {
            Edit::SetNonPay { org: t.org, baseline_pence: p.n, planned_pence: p.b.is_multiple_of(2).then_some(p.n / 2) }
        }
        22 => Edit::SetPopulation {
            org: t.org,
            population: p.b.is_multiple_of(3).then(|| u64::try_from(p.n.rem_euclid(3_000_000)).unwrap()),
            basis: p.text.clone(),
            weighted: p.b.is_multiple_of(2).then(|| u64::try_from(p.n.rem_euclid(2_000_000)).unwrap()),
        },
        28 => Edit::SetAllowance { org: t.org, allowance_pence: p.b.is_multiple_of(2).then_some(p.n) },
        23 => Edit::SetInScope { org: t.org, in_scope: p.b.is_multiple_of(2) },
        26 => Edit::SetDetails { name: p.text.clone(), year: "2026/27".into(), notes: p.text.repeat(2) },
        34 => Edit::SetSites { org: t.org, sites: vec![p.text.clone(), format!("{} annex", p.text)] },
        31 => Edit::SetConsultation {
            employer: if p.b.is_multiple_of(3) { Employer::Merged(t.cluster) } else { Employer::Icb(t.org) },
            consultation: date(p).map(|start| Consultation { start, hr1: date(p), notices_from: None }),
        },
        17 => Edit::SetTarget { org: t.org, target_pence: p.b.is_multiple_of(2).then_some(p.n), note: p.text.clone() },
        _ => Edit::AddMember { cluster: t.cluster, org: "XXX".into() },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn an_edit_then_its_inverse_gives_back_the_same_scenario(picks in proptest::collection::vec(pick(), 1..4)) {
        let mut s = examples::lnr_cluster();
        for p in &picks {
            let before = s.clone();
            let edit = make(&s, p);
            match edit.clone().apply(&mut s) {
                Ok(inverse) => {
                    let after = s.clone();
                    inverse.apply(&mut s).unwrap();
                    prop_assert!(s == before, "{edit:?} then its inverse did not give back the scenario");
                    s = after; // go on from the edited scenario
                }
                Err(_) => prop_assert!(s == before, "the refused {edit:?} changed the scenario"),
            }
        }
    }

    #[test]
    fn undoing_every_step_gives_back_the_start(picks in proptest::collection::vec(pick(), 1..6)) {
        let start = examples::lnr_cluster();
        let mut s = start.clone();
        let mut h = History::default();
        let mut done = 0;
        for p in &picks {
            let edit = make(&s, p);
            if h.apply(&mut s, edit).is_ok() {
                done += 1;
            }
        }
        for _ in 0..done {
            prop_assert!(h.undo(&mut s).is_some());
        }
        prop_assert!(s == start, "undoing {done} edits did not give back the start");
    }

    /// After an edit of people's outcomes or dates (and its undo and redo) the figures are
    /// updated and the findings re-checked for those people alone; they must equal a full
    /// recompute and a full check, to the penny and the word, after any sequence, with other
    /// edits (recomputed in full) in between.
    #[test]
    fn figures_and_findings_updated_for_the_people_changed_equal_a_full_recompute(
        picks in proptest::collection::vec(pick(), 1..9)
    ) {
        // With pay protection on (held for 6 months, or stepping down over 9) so that people
        // moved into lower-paid posts carry a difference the update must follow.
        let mut plan = examples::lnr_cluster();
        plan.assumptions.people_process.pay_protection_months = if picks[0].a.is_multiple_of(2) { 6 } else { 9 };
        plan.assumptions.people_process.pay_protection_steps_down = picks[0].b.is_multiple_of(2);
        let mut doc = Document::new(plan, None, "lnr.ron");
        for p in &picks {
            let step = match p.kind % 7 {
                0 => format!("{:?}", doc.apply(Edit::SetOutcomes { ids: target(&doc.scenario, p).ids, outcome: outcome(&doc.scenario, p), effective: date(p) })),
                1 => format!("{:?}", doc.apply(Edit::SetDates { ids: target(&doc.scenario, p).ids, effective: date(p) })),
                2 => format!("{:?}", doc.apply(Edit::RestoreOutcomes {
                    changes: target(&doc.scenario, p).ids.into_iter().map(|id| (id, outcome(&doc.scenario, p), date(p))).collect(),
                })),
                3 => format!("undo {:?}", doc.undo()),
                4 => format!("redo {:?}", doc.redo()),
                _ => format!("{:?}", doc.apply(make(&doc.scenario, p))),
            };
            let full = cluster_planner::engine::compute(&doc.scenario);
            prop_assert!(doc.summary == full, "after {step} the figures differ from a full recompute");
            let checked = cluster_planner::validate::validate(&doc.scenario);
            prop_assert!(doc.findings() == checked, "after {step} the findings differ from a full check");
        }
    }
}

/// The document's figures and findings, however they were brought up to date, are those of
/// a full recompute and a full check of its scenario, to the penny and the word.
fn assert_as_a_full_recompute(doc: &Document) {
    assert_eq!(doc.summary, cluster_planner::engine::compute(&doc.scenario), "the figures");
    assert_eq!(doc.findings(), cluster_planner::validate::validate(&doc.scenario), "the findings");
}

/// Two people with one id (a data error validation reports on the later one, in words that
/// depend on both): an edit of that id re-checks both, as a full check would.
#[test]
fn a_duplicated_id_is_re_checked_with_its_twin() {
    let mut s = examples::lnr_cluster();
    let twin = s.people[4].id.clone();
    s.people[9].id = twin.clone();
    let mut doc = Document::new(s, None, "dup.ron");
    let post = doc.scenario.posts().next().map(|(_, _, p)| p.id.clone()).unwrap();
    for outcome in [Outcome::SlottedInto(post), Outcome::AtRisk] {
        doc.apply(Edit::SetOutcomes { ids: vec![twin.clone()], outcome, effective: None }).unwrap();
        assert_as_a_full_recompute(&doc);
    }
    let said: Vec<&str> =
        doc.findings().iter().filter(|f| f.kind == "Ids of people").map(|f| f.message.as_str()).collect();
    assert_eq!(said, vec!["two people have this id"]);
}

/// Two people sharing an id, with different outcomes and dates: an edit of that id and its
/// undo give each one their own outcome and date back (the undo once gave both the later
/// person's), and the redo sets both again.
#[test]
fn undo_gives_two_people_sharing_an_id_their_own_outcomes_back() {
    let mut s = examples::lnr_cluster();
    let twin = s.people[4].id.clone();
    s.people[9].id = twin.clone();
    let d4 = NaiveDate::from_ymd_opt(2025, 10, 1);
    let d9 = NaiveDate::from_ymd_opt(2025, 11, 30);
    (s.people[4].outcome, s.people[4].effective) = (Outcome::VoluntaryRedundancy, d4);
    (s.people[9].outcome, s.people[9].effective) = (Outcome::Redeployed, d9);
    let before = s.clone();
    let mut doc = Document::new(s, None, "dup.ron");
    doc.apply(Edit::SetOutcomes { ids: vec![twin.clone()], outcome: Outcome::AtRisk, effective: None }).unwrap();
    assert_eq!((&doc.scenario.people[4].outcome, doc.scenario.people[4].effective), (&Outcome::AtRisk, None));
    assert_eq!((&doc.scenario.people[9].outcome, doc.scenario.people[9].effective), (&Outcome::AtRisk, None));
    doc.undo().unwrap();
    assert_eq!(
        (&doc.scenario.people[4].outcome, doc.scenario.people[4].effective),
        (&Outcome::VoluntaryRedundancy, d4)
    );
    assert_eq!((&doc.scenario.people[9].outcome, doc.scenario.people[9].effective), (&Outcome::Redeployed, d9));
    assert_eq!(doc.scenario, before);
    doc.redo().unwrap();
    assert_eq!(doc.scenario.people[4].outcome, Outcome::AtRisk);
    assert_eq!(doc.scenario.people[9].outcome, Outcome::AtRisk);
    // The dates alone, and back.
    doc.undo().unwrap();
    doc.apply(Edit::SetDates { ids: vec![twin], effective: NaiveDate::from_ymd_opt(2025, 12, 31) }).unwrap();
    doc.undo().unwrap();
    assert_eq!(doc.scenario, before);
}

/// The document keeps the scenario's index (ICBs, clusters, posts) between edits of
/// outcomes, which read no post; an edit of the structure drops it. So a post added after
/// one edit of outcomes is found by the next: the person slotted into it holds it (one
/// holder, by hand), and the figures are a full recompute's.
#[test]
fn a_post_added_between_edits_of_outcomes_is_filled_by_the_next() {
    let mut doc = Document::new(examples::lnr_cluster(), None, "lnr.ron");
    let id = doc.scenario.people[0].id.clone();
    doc.apply(Edit::SetOutcomes { ids: vec![id.clone()], outcome: Outcome::AtRisk, effective: None }).unwrap();
    let mut post = doc.scenario.clusters[0].teams[0].posts[0].clone();
    (post.id, post.title) = (Code::new("NEW-POST-1"), "New post".into());
    doc.apply(Edit::AddPost { cluster: 0, team: 0, post }).unwrap();
    let slotted = Outcome::SlottedInto(Code::new("NEW-POST-1"));
    doc.apply(Edit::SetOutcomes { ids: vec![id], outcome: slotted, effective: None }).unwrap();
    let new = doc.summary.posts.iter().find(|p| p.id.as_str() == "NEW-POST-1").expect("the new post is costed");
    assert_eq!(new.holders, 1, "the person slotted in holds it");
    assert_as_a_full_recompute(&doc);
}

/// An edit of an ICB's own figures closes the figures again from each ICB's kept parts,
/// without costing or checking any person again (the document says no person changed), and
/// lands where a full recompute does. Worked by hand on LNR: Northamptonshire's (QK1)
/// baseline non-pay up £1,000.00 (100,000 pence) with its planned non-pay kept moves its
/// baseline, and its run-rate in every month before its non-pay change lands (1 October
/// 2025), up by 100,000 pence; its planned line, its gap and the cluster's still to save do
/// not move, and from October on the run-rate is as it was. A population under the
/// population rule moves the posts' split: that edit is recomputed in full.
#[test]
fn an_edit_of_an_icbs_figures_closes_the_figures_again_without_the_people() {
    let mut doc = Document::new(examples::lnr_cluster(), None, "lnr.ron");
    let before = doc.summary.clone();
    let o = doc.scenario.organisations.iter().find(|o| o.code == "QK1").unwrap().clone();
    let landing = o.planned_non_pay_from.unwrap();
    assert_eq!(landing, NaiveDate::from_ymd_opt(2025, 10, 1).unwrap());
    let rev = doc.revision;
    doc.apply(Edit::SetNonPay {
        org: "QK1".into(),
        baseline_pence: o.baseline_non_pay_pence + 100_000,
        planned_pence: o.planned_non_pay_pence,
    })
    .unwrap();
    assert_eq!(doc.people_changed_since(rev), Some(&[][..]), "no person costed or checked again");
    let (was, now) = (before.org("QK1").unwrap().clone(), doc.summary.org("QK1").unwrap().clone());
    assert_eq!(now.line.baseline, was.line.baseline + 100_000);
    assert_eq!(now.line.planned, was.line.planned);
    assert_eq!(now.line.gap(), was.line.gap());
    assert_eq!(doc.summary.clusters[0].line.still_to_save, before.clusters[0].line.still_to_save);
    let qk1 = doc.scenario.organisations.iter().position(|o| o.code == "QK1").unwrap();
    for (m, end) in doc.summary.trajectory.months.iter().enumerate() {
        let moved = doc.summary.trajectory.orgs[qk1][m] - before.trajectory.orgs[qk1][m];
        assert_eq!(moved, if *end < landing { 100_000 } else { 0 }, "month ending {end}");
    }
    assert_as_a_full_recompute(&doc);
    // Its undo and redo take the same way, back to the figures before and forth again.
    let rev = doc.revision;
    doc.undo().unwrap();
    assert_eq!(doc.people_changed_since(rev), Some(&[][..]));
    assert_eq!(doc.summary, before);
    doc.redo().unwrap();
    assert_eq!(doc.summary.org("QK1").unwrap().line.baseline, was.line.baseline + 100_000);
    // A target set by hand: the ICB's gap is planned less that target, and the finding
    // asking for a note comes and goes with the note.
    doc.apply(Edit::SetTarget { org: "QK1".into(), target_pence: Some(now.line.planned), note: String::new() })
        .unwrap();
    assert_eq!(doc.summary.org("QK1").unwrap().line.gap(), Some(0));
    assert!(doc.findings().iter().any(|f| f.kind == "Targets set by hand"));
    doc.apply(Edit::SetTarget { org: "QK1".into(), target_pence: Some(now.line.planned), note: "board".into() })
        .unwrap();
    assert!(!doc.findings().iter().any(|f| f.kind == "Targets set by hand"));
    assert_as_a_full_recompute(&doc);
    // LNR splits its posts by population: Northamptonshire's population doubled moves
    // its share of the posts, so every figure is worked out again.
    let rev = doc.revision;
    let shares = doc.summary.posts[0].shares.clone();
    doc.apply(Edit::SetPopulation {
        org: "QK1".into(),
        population: o.population.map(|p| p * 2),
        basis: o.population_basis.clone(),
        weighted: o.weighted_population,
    })
    .unwrap();
    assert_eq!(doc.people_changed_since(rev), None, "a full recompute");
    assert_ne!(doc.summary.posts[0].shares, shares);
    assert_as_a_full_recompute(&doc);
}

/// A post's pay changed where it is (its id kept): its cost and its holder's pay protection
/// are updated for it alone, as a full recompute would give them, and its undo does the
/// same. Worked by hand, with on-costs of 15% NI above £5,000, 14.38% pension and 0.5% levy
/// (the LNR assumptions): a holder paid £60,000 full-time in a post paid £70,000 is not
/// protected; the post cut to £50,000 costs (£70,000 - £50,000) x 1.2988 = £25,976.00 less
/// (2,597,600 pence off the cluster's posts and the plan), and the holder keeps
/// (£60,000 - £50,000) x 1.2988 = £12,988.00 a year (1,298,800 pence) of protection.
#[test]
fn a_posts_pay_changed_in_place_updates_its_cost_and_its_holders_protection() {
    let mut s = examples::lnr_cluster();
    let (ci, ti) = (0, 0);
    let id = s.clusters[ci].teams[ti].posts[0].id.clone();
    s.clusters[ci].teams[ti].posts[0].pay = Pay::Salary { salary_pence: 7_000_000 };
    s.clusters[ci].teams[ti].posts[0].wte = Wte::FULL;
    s.clusters[ci].teams[ti].posts[0].funding = Funding::RunningCost;
    for p in &mut s.people {
        if p.outcome.holds_post() == Some(id.as_str()) {
            p.outcome = Outcome::AtRisk;
        }
    }
    let holder = s.people.iter().position(|p| p.outcome.holds_post().is_none()).unwrap();
    (s.people[holder].salary_pence, s.people[holder].wte) = (6_000_000, Wte::FULL);
    s.people[holder].outcome = Outcome::SlottedInto(id.clone());
    let mut doc = Document::new(s, None, "lnr.ron");
    let before = doc.summary.clone();
    assert_eq!(before.pay_protection.a_year, cluster_planner::engine::compute(&doc.scenario).pay_protection.a_year);
    let mut post = doc.scenario.clusters[ci].teams[ti].posts[0].clone();
    post.pay = Pay::Salary { salary_pence: 5_000_000 };
    let rev = doc.revision;
    doc.apply(Edit::UpdatePost { cluster: ci, team: ti, index: 0, post }).unwrap();
    assert_eq!(doc.people_changed_since(rev), Some(&[][..]), "updated for the post alone");
    assert_eq!(doc.summary.clusters[ci].posts_cost, before.clusters[ci].posts_cost - 2_597_600);
    assert_eq!(doc.summary.totals.planned, before.totals.planned - 2_597_600);
    assert_eq!(doc.summary.pay_protection.a_year, before.pay_protection.a_year + 1_298_800);
    assert_eq!(doc.summary.pay_protection.people, before.pay_protection.people + 1);
    assert_as_a_full_recompute(&doc);
    // Undone: the post as it was, updated in place the same way.
    let rev = doc.revision;
    doc.undo().unwrap();
    assert_eq!(doc.people_changed_since(rev), Some(&[][..]));
    assert_eq!(doc.summary, before);
}
