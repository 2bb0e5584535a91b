//! The map of 2026/27 (the 36 ICBs, registered or weighted populations), merged ICBs, and
//! moving a 2025/26 scenario onto the new map: figures worked out by hand.

use chrono::NaiveDate;
use cluster_planner::engine::compute;
use cluster_planner::model::migrate::{SplitRules, to_2026_map, whole_successors};
use cluster_planner::model::money::Wte;
use cluster_planner::model::reference::ReferenceYear;
use cluster_planner::model::{
    Apportionment, Cluster, Merger, Organisation, Outcome, Pay, Person, PopulationBasis, Post, Scenario, Team,
};
use cluster_planner::validate::{Severity, validate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Every 2026/27 target is the population times the envelope, to the penny, on both bases,
/// for all 36 ICBs.
#[test]
fn every_2026_27_target_is_population_times_the_envelope_on_both_bases() {
    for basis in [PopulationBasis::Registered, PopulationBasis::Weighted] {
        let s = ReferenceYear::Y2026.new_scenario(basis);
        assert_eq!(s.organisations.len(), 36);
        assert_eq!(s.year, "2026/27");
        assert_eq!(s.assumptions.population_basis, basis);
        let sum = compute(&s);
        let mut total_pop = 0_u64;
        for (o, f) in s.organisations.iter().zip(&sum.organisations) {
            let pop = o.population_on(basis).unwrap();
            total_pop += pop;
            assert_eq!(f.line.target, Some(i64::try_from(pop).unwrap() * 1876), "{} on {basis:?}", o.code);
            assert_eq!(f.line.population, Some(pop));
            assert!(o.running_cost_allowance_pence.is_none(), "2026/27 allowances were not published");
        }
        // England on the 36 footprints, 2026/27 (the allocation tool's practice rows summed by
        // ICB, each ICB rounded): 63,916,252 registered, 63,916,251 weighted.
        let england = if basis == PopulationBasis::Registered { 63_916_252 } else { 63_916_251 };
        assert_eq!(total_pop, england);
    }
    // By hand: NHS Central East (S1Y5D), 3,543,687 registered x £18.76 = £66,479,568.12;
    // 3,216,408 weighted x £18.76 = £60,339,814.08.
    let target = |basis| {
        let s = ReferenceYear::Y2026.new_scenario(basis);
        compute(&s).org("S1Y5D").unwrap().line.target
    };
    assert_eq!(target(PopulationBasis::Registered), Some(6_647_956_812));
    assert_eq!(target(PopulationBasis::Weighted), Some(6_033_981_408));
    // Later years: registered populations only (England 64,140,942 in 2027/28, 64,396,795
    // in 2028/29); weighted is not offered, so a new scenario is on the registered basis.
    for (year, england) in [(ReferenceYear::Y2027, 64_140_942_u64), (ReferenceYear::Y2028, 64_396_795)] {
        let s = year.new_scenario(PopulationBasis::Weighted);
        assert_eq!(s.assumptions.population_basis, PopulationBasis::Registered);
        assert_eq!(s.organisations.iter().map(|o| o.population.unwrap()).sum::<u64>(), england);
        assert!(s.organisations.iter().all(|o| o.weighted_population.is_none()));
        assert_eq!(s.assumptions.target_date, d(year.label()[..4].parse::<i32>().unwrap() + 1, 3, 31));
    }
    // 2025/26 is the 42 ICBs, as before.
    assert_eq!(ReferenceYear::Y2025.new_scenario(PopulationBasis::Registered).organisations.len(), 42);
}

pub(crate) fn org(code: &str, population: u64, baseline: i64, planned: i64) -> Organisation {
    let mut o = ReferenceYear::Y2026.icbs().remove(0);
    o.code = code.into();
    o.name = format!("NHS {code}");
    o.population = Some(population);
    o.weighted_population = None;
    o.baseline_non_pay_pence = baseline;
    o.planned_non_pay_pence = Some(planned);
    o
}

/// A (1,000,000 people; non-pay £20m now, £17m planned) and B (600,000; £13m, £12.5m) share
/// one post of £100,000, hosted by A.
pub(crate) fn two_icbs(merger: Option<Merger>) -> Scenario {
    let mut s = Scenario::empty("A + B");
    s.organisations =
        vec![org("AAA", 1_000_000, 2_000_000_000, 1_700_000_000), org("BBB", 600_000, 1_300_000_000, 1_250_000_000)];
    s.clusters = vec![Cluster {
        name: "A + B".into(),
        members: vec!["AAA".into(), "BBB".into()],
        apportionment: Apportionment::Population,
        teams: vec![Team {
            name: "Executive".into(),
            posts: vec![Post {
                id: "CEO".into(),
                title: "Chief executive".into(),
                pay: Pay::Salary { salary_pence: 10_000_000 },
                wte: Wte::FULL,
                host: "AAA".into(),
                funding: Default::default(),
                reports_to: None,
                effective: None,
            }],
        }],
        notes: String::new(),
        merger,
        consultation: None,
        pools: Vec::new(),
    }];
    s
}

fn merger(from: NaiveDate) -> Option<Merger> {
    Some(Merger { from, name: "NHS A and B ICB".into(), status: "proposed".into() })
}

/// Worked by hand (envelope £18.76, target date 31 December 2025):
/// - targets: A 1,000,000 x £18.76 = £18,760,000; B 600,000 x £18.76 = £11,256,000;
///   together 1,600,000 x £18.76 = £30,016,000.
/// - the post: £100,000 + NI 15% of £95,000 (£14,250) + pension 14.38% (£14,380) + levy
///   0.5% (£500) = £129,130; by population A 62.5% = £80,706.25, B £48,423.75.
/// - as a cluster: A plans £17,080,706.25, £1,679,293.75 under; B £12,548,423.75,
///   £1,292,423.75 over. Still to save £1,292,423.75, surplus £1,679,293.75, never netted.
/// - merged from 1 October 2025: one body plans £29,629,130 against £30,016,000: nothing
///   to save, £386,870 under. Per head £29,629,130 / 1,600,000 = £18.5182 → £18.52.
/// - the transfer of staff costs nothing: baseline, planned, one-off and the run-rate are
///   the same either way; only what the one body must still save is netted.
#[test]
fn a_merged_icb_is_one_body_with_one_target_on_the_combined_population() {
    let cluster = compute(&two_icbs(None));
    let c = &cluster.clusters[0];
    assert!(!c.merged);
    assert_eq!(cluster.org("AAA").unwrap().line.surplus, 167_929_375);
    assert_eq!(cluster.org("BBB").unwrap().line.still_to_save, 129_242_375);
    assert_eq!((c.line.still_to_save, c.line.surplus), (129_242_375, 167_929_375));
    assert_eq!((cluster.totals.still_to_save, cluster.totals.surplus), (129_242_375, 167_929_375));

    let merged = compute(&two_icbs(merger(d(2025, 10, 1))));
    let m = &merged.clusters[0];
    assert!(m.merged);
    assert_eq!(m.merger_from, Some(d(2025, 10, 1)));
    assert_eq!(m.line.target, Some(3_001_600_000));
    assert_eq!(m.line.population, Some(1_600_000));
    assert_eq!(m.line.planned, 2_962_913_000);
    assert_eq!((m.line.still_to_save, m.line.surplus), (0, 38_687_000));
    assert_eq!(m.line.planned_per_head(), Some(1852));
    // The totals count the merged ICB once, as one body.
    assert_eq!((merged.totals.still_to_save, merged.totals.surplus), (0, 38_687_000));
    assert_eq!(merged.totals.target, Some(3_001_600_000));
    // A transfer, not a redundancy: nothing else moves.
    assert_eq!(merged.totals.baseline, cluster.totals.baseline);
    assert_eq!(merged.totals.planned, cluster.totals.planned);
    assert_eq!(merged.totals.one_off, 0);
    assert_eq!(merged.totals.net_recurrent_saving(), 337_087_000);
    assert_eq!(merged.trajectory.total, cluster.trajectory.total);
    assert_eq!(merged.trajectory.clusters, cluster.trajectory.clusters);

    // No apportionment: how the post is split changes the predecessors' lines, not the
    // merged ICB's (equal shares: A pays £64,565, not £80,706.25).
    let mut equal = two_icbs(merger(d(2025, 10, 1)));
    equal.clusters[0].apportionment = Apportionment::Equal;
    let e = compute(&equal);
    assert_eq!(e.org("AAA").unwrap().planned_posts, 6_456_500);
    assert_eq!(e.clusters[0].line, m.line);
    assert_eq!(e.totals, merged.totals);

    // Merging after the target date: the figures at the target date are the cluster's,
    // and the findings say so.
    let late = two_icbs(merger(d(2026, 4, 1)));
    let l = compute(&late);
    assert!(!l.clusters[0].merged);
    assert_eq!(l.totals, cluster.totals);
    assert!(validate(&late).iter().any(|f| f.severity == Severity::Info
        && f.message.contains("merges on 1 April 2026, after the target date (31 December 2025)")));
}

/// A merged ICB should serve at least 1.5 million people (a setting).
#[test]
fn a_merged_icb_under_the_smallest_population_is_a_finding() {
    let finding = |s: &Scenario| {
        validate(s).into_iter().find(|f| f.kind == "Merged ICBs" && f.severity == Severity::Warning).map(|f| f.message)
    };
    // 1,000,000 + 600,000 = 1,600,000: enough.
    assert_eq!(finding(&two_icbs(merger(d(2027, 4, 1)))), None);
    // 1,000,000 + 400,000 = 1,400,000: under 1,500,000.
    let mut small = two_icbs(merger(d(2027, 4, 1)));
    small.organisations[1].population = Some(400_000);
    assert_eq!(
        finding(&small).as_deref(),
        Some(
            "the merged ICB would serve 1,400,000 people (registered population), under the 1,500,000 a merged ICB should serve"
        )
    );
    // The threshold is a setting.
    small.assumptions.merged_icb_min_population = 1_000_000;
    assert_eq!(finding(&small), None);
    // A cluster that is not merging is not held to it.
    let mut cluster = two_icbs(None);
    cluster.organisations[1].population = Some(400_000);
    assert_eq!(finding(&cluster), None);
}

/// A person paid £50,000 with 10 years' service, in a cost centre, from 1 December 2025.
fn person(id: &str, org: &str, cost_centre: Option<&str>, outcome: Outcome) -> Person {
    let mut p = crate::engine::person(id, org, 50_000, 10, outcome);
    p.cost_centre = cost_centre.map(Into::into);
    p.effective = Some(d(2025, 12, 1));
    p
}

/// A 2025/26 scenario moved onto the 2026/27 map keeps every person and their decisions:
/// whole ICBs go across on their own, the split ones by the user's rules, and no one is
/// left out silently.
#[test]
fn a_2025_26_scenario_moved_to_the_2026_27_map_keeps_every_person_and_decision() {
    let mut s = ReferenceYear::Y2025.new_scenario(PopulationBasis::Registered);
    // Hertfordshire and West Essex (QM7) is split; Bedfordshire, Luton and Milton Keynes
    // (QHG) merged whole into Central East (S1Y5D); LLR (QK1) is unchanged.
    for o in &mut s.organisations {
        if o.code == "QM7" {
            o.baseline_non_pay_pence = 166_661_800; // £1,666,618: £1 a head
        }
    }
    s.people = vec![
        person("1", "QHG", None, Outcome::VoluntaryRedundancy),
        person("2", "QM7", Some("HERTS-01"), Outcome::AtRisk),
        person("3", "QM7", Some("WESSEX-07"), Outcome::Mars),
        person("4", "QM7", None, Outcome::NotAffected),
        person("5", "QK1", None, Outcome::TransferredOut),
    ];
    // Without rules, the three QM7 people are not placed: nothing is moved.
    let unplaced = to_2026_map(&s, &SplitRules::default()).unwrap_err();
    assert_eq!(unplaced.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["2", "3", "4"]);

    let rules = SplitRules::from_csv("split ICB,cost centre,successor\nQM7,WESSEX-07,D7T5G\nQM7,*,S1Y5D\n").unwrap();
    let m = to_2026_map(&s, &rules).unwrap();
    let moved = &m.scenario;
    assert_eq!(moved.organisations.len(), 36);
    assert_eq!(moved.year, "2026/27");
    // Everyone is there, with their outcome and date; only their ICB changed.
    assert_eq!(moved.people.len(), s.people.len());
    let orgs: Vec<&str> = moved.people.iter().map(|p| p.org.as_str()).collect();
    assert_eq!(orgs, ["S1Y5D", "S1Y5D", "D7T5G", "S1Y5D", "QK1"]);
    for (before, after) in s.people.iter().zip(&moved.people) {
        assert_eq!((&before.id, &before.outcome, before.effective), (&after.id, &after.outcome, after.effective));
    }
    // The report has every person, old and new ICB, and how.
    assert_eq!(m.people.len(), 5);
    let report = m.report_csv();
    assert!(report.contains("3,Person 3,QM7,D7T5G,split: cost centre WESSEX-07"));
    assert!(report.contains("4,Person 4,QM7,S1Y5D,split: everyone else"));
    assert!(report.contains("1,Person 1,QHG,S1Y5D,merged whole"));
    assert!(report.contains("5,Person 5,QK1,QK1,unchanged"));
    // QM7's non-pay follows its parts' populations: Hertfordshire 1,330,756 and West Essex
    // 335,862 of 1,666,618, so £1,330,756 and £335,862 exactly.
    let non_pay = |code: &str| moved.organisations.iter().find(|o| o.code == code).unwrap().baseline_non_pay_pence;
    assert_eq!(non_pay("S1Y5D"), 133_075_600);
    assert_eq!(non_pay("D7T5G"), 33_586_200);
    // The figures follow: one voluntary redundancy and one MARS, as before the move.
    let (before, after) = (compute(&s), compute(moved));
    assert_eq!(after.one_off.redundancy_people, before.one_off.redundancy_people);
    assert_eq!(after.one_off.mars_people, before.one_off.mars_people);
    assert_eq!(after.one_off.redundancy + after.one_off.mars, before.one_off.redundancy + before.one_off.mars);
    // Every 2022–26 ICB that did not split has a successor.
    let whole = whole_successors();
    assert_eq!(whole.len(), 39);
    assert_eq!(whole.get("QRV").map(String::as_str), Some("Z9B2Z"));
}

/// A rule naming an ICB that did not split, or a successor that took no part of it, is
/// refused with its line.
#[test]
fn split_rules_are_checked_line_by_line() {
    assert_eq!(
        SplitRules::from_csv("QK1,*,QK1").unwrap_err(),
        "line 1: QK1 is not one of the split ICBs (QM7, QJG, QNQ)"
    );
    assert_eq!(
        SplitRules::from_csv("QNQ,CC1,S0E4D\nQNQ,*,QK1").unwrap_err(),
        "line 2: QK1 took no part of QNQ (its parts went to S0E4D, QRL, S9B9J)"
    );
}
