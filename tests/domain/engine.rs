//! The cost engine's rules, each checked against figures worked out by hand.

use chrono::NaiveDate;
use cluster_planner::engine::{compute, mars_pay, pay_cost, redundancy_pay};
use cluster_planner::model::money::{Rate, Wte};
use cluster_planner::model::{
    Apportionment, Assumptions, Band, Cluster, Grade, MonthRule, Organisation, Outcome, Pay, Person, Post, Scenario,
    Share, Team,
};
use cluster_planner::validate::{Severity, Subject, validate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn org(code: &str, population: u64, non_pay: i64) -> Organisation {
    Organisation {
        code: code.into(),
        name: format!("NHS {code} Integrated Care Board"),
        region: "Midlands".into(),
        population: Some(population),
        population_basis: "test".into(),
        running_cost_allowance_pence: None,
        baseline_non_pay_pence: non_pay,
        planned_non_pay_pence: None,
        planned_non_pay_from: None,
        target_override_pence: None,
        target_note: String::new(),
        in_scope: false,
        baseline_is_allowance: false,
        weighted_population: None,
        formed_from: String::new(),
        sites: Vec::new(),
        consultation: None,
    }
}

pub(crate) fn person(id: &str, org: &str, salary_pounds: i64, years: u32, outcome: Outcome) -> Person {
    Person {
        id: id.into(),
        name: Some(format!("Person {id}")),
        org: org.into(),
        title: "Manager".into(),
        grade: Grade::Other("local".into()),
        salary_pence: salary_pounds * 100,
        wte: Wte::FULL,
        service_years: years,
        function: None,
        cost_centre: None,
        outcome,
        effective: None,
        site: None,
        reason: String::new(),
        offer: None,
    }
}

fn post(id: &str, host: &str, salary_pounds: i64) -> Post {
    Post {
        id: id.into(),
        title: format!("Post {id}"),
        pay: Pay::Salary { salary_pence: salary_pounds * 100 },
        wte: Wte::FULL,
        host: host.into(),
        funding: Default::default(),
        reports_to: None,
        effective: None,
    }
}

/// Two ICBs, A (300,000 people) and B (100,000), in one cluster split by population, with
/// one shared post of £100,000 and three people. Non-pay: A £1,000,000, B £500,000 (in pence).
fn small() -> Scenario {
    let mut s = Scenario::empty("test");
    s.organisations = vec![org("AAA", 300_000, 100_000_000), org("BBB", 100_000, 50_000_000)];
    s.clusters = vec![Cluster {
        name: "A + B".into(),
        members: vec!["AAA".into(), "BBB".into()],
        apportionment: Apportionment::Population,
        teams: vec![Team { name: "Cluster executive".into(), posts: vec![post("P1", "AAA", 100_000)] }],
        notes: String::new(),
        merger: None,
        consultation: None,
        pools: Vec::new(),
    }];
    s.people = vec![
        person("1", "AAA", 50_000, 10, Outcome::NotAffected),
        person("2", "AAA", 50_000, 10, Outcome::NotAffected),
        person("3", "BBB", 50_000, 10, Outcome::NotAffected),
    ];
    s
}

// £50,000: NI 15% x (50,000 − 5,000) = 6,750; pension 14.38% = 7,190; levy 0.5% = 250
// -> £64,190.00 a year to the ICB.
const PERSON_50K: i64 = 6_419_000;
// £100,000: NI 15% x 95,000 = 14,250; pension 14,380; levy 500 -> £129,130.00.
const POST_100K: i64 = 12_913_000;
// Split 3:1 by population: £96,847.50 to A, £32,282.50 to B.
const POST_A: i64 = 9_684_750;
const POST_B: i64 = 3_228_250;

#[test]
fn band_7_top_point_on_costs_match_the_worked_example() {
    // domain.md §7: £54,710 -> NI £7,456.50, pension at 14.38% £7,867.30, levy £273.55,
    // cost to the ICB ≈ £70,307; the central 9.4% adds £5,142.74.
    let c = pay_cost(&Assumptions::default(), 5_471_000, Wte::FULL);
    assert_eq!(c.pay, 5_471_000);
    assert_eq!(c.employer_ni, 745_650);
    assert_eq!(c.pension_local, 786_730);
    assert_eq!(c.levy, 27_355);
    assert_eq!(c.to_icb(), 7_030_735);
    assert_eq!(c.pension_central, 514_274);
    assert_eq!(c.full(), 7_545_009);
}

#[test]
fn part_time_pay_and_ni_threshold() {
    // 0.6 WTE of band 5 entry £31,049 = £18,629.40; NI 15% x 13,629.40 = £2,044.41
    let c = pay_cost(&Assumptions::default(), 3_104_900, Wte(6000));
    assert_eq!(c.pay, 1_862_940);
    assert_eq!(c.employer_ni, 204_441);
    // Below the £5,000 threshold no NI is due: 0.1 WTE of £24,465 = £2,446.50
    assert_eq!(pay_cost(&Assumptions::default(), 2_446_500, Wte(1000)).employer_ni, 0);
}

#[test]
fn section_16_redundancy_rules() {
    // One twelfth of annual pay a month (a setting, for local schemes that use it).
    let t = cluster_planner::model::RedundancyTerms {
        month_rule: MonthRule::OneTwelfth,
        ..Assumptions::default().redundancy
    };
    // 15 complete years at £54,710: 15 x 54,710 / 12 = £68,387.50
    assert_eq!(redundancy_pay(&t, 5_471_000, Wte::FULL, 15), Some(6_838_750));
    // £20,000 uses the £23,000 floor: 10 x 23,000 / 12 = £19,166.67
    assert_eq!(redundancy_pay(&t, 2_000_000, Wte::FULL, 10), Some(1_916_667));
    // 30 years caps at 24 months: 24 x 54,710 / 12 = £109,420
    assert_eq!(redundancy_pay(&t, 5_471_000, Wte::FULL, 30), Some(10_942_000));
    // £120,000 uses the £80,000 cap: 24 months -> £160,000, the most anyone can get
    assert_eq!(redundancy_pay(&t, 12_000_000, Wte::FULL, 30), Some(16_000_000));
    // Under 2 years' service: not eligible
    assert_eq!(redundancy_pay(&t, 5_471_000, Wte::FULL, 1), None);
    assert_eq!(redundancy_pay(&t, 5_471_000, Wte::FULL, 2), Some(911_833)); // 2 x 4,559.17
    // Part-time: the floor and cap apply to the whole-time salary, then pro rata:
    // 0.5 x 15 x 54,710 / 12 = £34,193.75
    assert_eq!(redundancy_pay(&t, 5_471_000, Wte(5000), 15), Some(3_419_375));
    // The "more beneficial" rule: 4.35 weeks = 54,710 x 4.35 / 52 = £4,576.70 a month,
    // 15 months -> £68,650.53 (rounded once, at the end)
    let weekly = cluster_planner::model::RedundancyTerms { month_rule: MonthRule::GreaterOfTwelfthOrWeekly, ..t };
    assert_eq!(redundancy_pay(&weekly, 5_471_000, Wte::FULL, 15), Some(6_865_053));
    // ...which is the published rule, and so the default (NHS Employers, domain.md §8.1):
    // 4.35 weeks is 0.385% more than a twelfth (4.35 x 12 / 52 = 1.003846).
    let published = Assumptions::default().redundancy;
    assert_eq!(published.month_rule, MonthRule::GreaterOfTwelfthOrWeekly);
    assert_eq!(redundancy_pay(&published, 5_471_000, Wte::FULL, 15), Some(6_865_053));
}

#[test]
fn mars_uses_its_own_parameters() {
    let t = Assumptions::default().mars; // 1 month a year, at most 12, £80,000 cap, 1 year
    // 20 years at £60,000 -> 12 months -> £60,000
    assert_eq!(mars_pay(&t, 6_000_000, Wte::FULL, 20), Some(6_000_000));
    // £90,000 is capped at £80,000: 6 years -> 6 x 80,000 / 12 = £40,000
    assert_eq!(mars_pay(&t, 9_000_000, Wte::FULL, 6), Some(4_000_000));
    assert_eq!(mars_pay(&t, 6_000_000, Wte::FULL, 0), None);
}

#[test]
fn baseline_planned_target_and_gap_by_hand() {
    let s = small();
    let sum = compute(&s);
    let a = sum.org("AAA").unwrap();
    let b = sum.org("BBB").unwrap();
    // Baseline A = 2 people + £1,000,000 non-pay; B = 1 person + £500,000.
    assert_eq!(a.line.baseline, 2 * PERSON_50K + 100_000_000);
    assert_eq!(b.line.baseline, PERSON_50K + 50_000_000);
    // Planned adds each ICB's share of the (vacant) post.
    assert_eq!(a.line.planned, 2 * PERSON_50K + 100_000_000 + POST_A);
    assert_eq!(b.line.planned, PERSON_50K + 50_000_000 + POST_B);
    // Target = population x £18.76: 300,000 x 18.76 = £5,628,000; 100,000 -> £1,876,000
    assert_eq!(a.line.target, Some(562_800_000));
    assert_eq!(b.line.target, Some(187_600_000));
    assert_eq!(a.line.gap(), Some(2 * PERSON_50K + 100_000_000 + POST_A - 562_800_000));
    // The cluster is the sum of its members, to the penny.
    let c = sum.cluster("A + B").unwrap();
    assert_eq!(c.line.planned, a.line.planned + b.line.planned);
    assert_eq!(c.line.target, Some(750_400_000));
    assert_eq!(c.posts_cost, POST_100K);
    assert_eq!(POST_A + POST_B, POST_100K);
    // Per head: A plans £1,225,227.50 / 300,000 = £4.084 -> £4.08
    assert_eq!(a.line.planned, 122_522_750);
    assert_eq!(a.line.planned_per_head(), Some(408));
}

#[test]
fn slotting_a_person_into_a_post_drops_their_current_cost() {
    let mut s = small();
    let before = compute(&s);
    s.people[0].outcome = Outcome::SlottedInto("P1".into());
    let after = compute(&s);
    // A loses person 1's £64,190; the post was already costed; B is unchanged.
    assert_eq!(after.org("AAA").unwrap().line.planned, before.org("AAA").unwrap().line.planned - PERSON_50K);
    assert_eq!(after.org("BBB").unwrap().line.planned, before.org("BBB").unwrap().line.planned);
    assert_eq!(after.clusters[0].vacant_posts, 0);
    // Ring-fenced people stay costed until appointed.
    s.people[0].outcome = Outcome::RingFencedFor("P1".into());
    assert_eq!(compute(&s).org("AAA").unwrap().line.planned, before.org("AAA").unwrap().line.planned);
}

#[test]
fn transfers_are_moved_not_saved_and_exits_carry_one_off_costs() {
    let mut s = small();
    s.people[0].outcome = Outcome::TransferredOut;
    // 10 years, a month being 4.35 weeks of £50,000: 10 x 50,000 x 4.35 / 52 = £41,826.92
    // (more than a twelfth, £41,666.67, so the published rule takes it).
    s.people[1].outcome = Outcome::CompulsoryRedundancy;
    s.people[2].outcome = Outcome::Mars; // 10 months (under the 12 max) -> £41,666.67
    let sum = compute(&s);
    let a = sum.org("AAA").unwrap();
    assert_eq!(a.line.planned, 100_000_000 + POST_A);
    assert_eq!(a.line.transferred_out, PERSON_50K);
    assert_eq!(sum.one_off.redundancy, 4_182_692);
    assert_eq!(sum.one_off.mars, 4_166_667);
    assert_eq!(sum.one_off.total(), 8_349_359);
    // Net recurrent saving = baseline − planned − moved = 3 x 64,190 − 129,130 − 64,190
    let saving = 3 * PERSON_50K - POST_100K - PERSON_50K;
    assert_eq!(sum.totals.net_recurrent_saving(), saving);
    assert_eq!(saving, -(POST_100K - 2 * PERSON_50K)); // the post costs more than it saves
    assert_eq!(sum.payback_months(), None);
    // Without the post: saving £128,380 a year, one-off £83,493.59 -> 7.80 months -> 8
    s.clusters[0].teams.clear();
    let sum = compute(&s);
    assert_eq!(sum.totals.net_recurrent_saving(), 2 * PERSON_50K);
    assert_eq!(sum.payback_months(), Some(8));
}

#[test]
fn equal_and_custom_apportionment() {
    let mut s = small();
    s.clusters[0].apportionment = Apportionment::Equal;
    let sum = compute(&s);
    // £129,130 / 2 = £64,565 each
    assert_eq!(sum.posts[0].shares.to_vec(), vec![6_456_500, 6_456_500]);
    s.clusters[0].apportionment = Apportionment::Custom(vec![
        Share { org: "AAA".into(), percent: Rate(7000) },
        Share { org: "BBB".into(), percent: Rate(3000) },
    ]);
    let sum = compute(&s);
    // 70% = £90,391.00, 30% = £38,739.00
    assert_eq!(sum.posts[0].shares.to_vec(), vec![9_039_100, 3_873_900]);
    assert!(validate(&s).iter().all(|f| f.severity != Severity::Error));
    // Percentages that do not add up to 100 are an error.
    s.clusters[0].apportionment = Apportionment::Custom(vec![Share { org: "AAA".into(), percent: Rate(7000) }]);
    let findings = validate(&s);
    assert!(
        findings.iter().any(|f| f.severity == Severity::Error && f.message.contains("add up to 70%")),
        "{findings:?}"
    );
}

#[test]
fn explicit_target_overrides_population() {
    let mut s = small();
    s.organisations[0].target_override_pence = Some(2_227_750_000);
    assert_eq!(compute(&s).org("AAA").unwrap().line.target, Some(2_227_750_000));
    s.organisations[1].population = None;
    let sum = compute(&s);
    assert_eq!(sum.org("BBB").unwrap().line.target, None);
    assert_eq!(sum.totals.target, None); // a total with an unknown part is unknown
    assert!(
        validate(&s)
            .iter()
            .any(|f| f.subject == Subject::Organisation("BBB".into()) && f.message.contains("population is missing"))
    );
}

#[test]
fn trajectory_lands_each_change_in_its_month() {
    let mut s = small();
    s.assumptions.trajectory_start = d(2025, 4, 1);
    s.assumptions.target_date = d(2025, 12, 31);
    s.clusters[0].teams[0].posts[0].effective = Some(d(2025, 9, 15));
    s.people[0].outcome = Outcome::VoluntaryRedundancy;
    s.people[0].effective = Some(d(2025, 6, 30));
    let sum = compute(&s);
    let t = &sum.trajectory;
    assert_eq!(t.months.len(), 9); // April to December
    assert_eq!(t.months[0], d(2025, 4, 30));
    assert_eq!(t.months[8], d(2025, 12, 31));
    let base = sum.totals.baseline;
    assert_eq!(t.total[0], base); // April, May: nothing yet
    assert_eq!(t.total[1], base);
    assert_eq!(t.total[2], base - PERSON_50K); // June: the leaver goes
    assert_eq!(t.total[4], base - PERSON_50K); // August
    assert_eq!(t.total[5], base - PERSON_50K + POST_100K); // September: the post starts
    assert_eq!(*t.total.last().unwrap(), sum.totals.planned);
    // A's line and B's line add up to the cluster's, month by month.
    for m in 0..9 {
        assert_eq!(t.orgs[0][m] + t.orgs[1][m], t.clusters[0][m]);
    }
}

#[test]
fn validation_finds_the_inconsistencies_a_committee_makes() {
    let mut s = small();
    s.organisations.push(org("CCC", 200_000, 0));
    s.clusters.push(Cluster {
        name: "C".into(),
        members: vec!["CCC".into(), "AAA".into()], // AAA is in two clusters
        apportionment: Apportionment::Population,
        teams: vec![Team { name: "T".into(), posts: vec![post("P2", "BBB", 60_000)] }], // hosted outside
        notes: String::new(),
        merger: None,
        consultation: None,
        pools: Vec::new(),
    });
    s.people[0].outcome = Outcome::SlottedInto("P1".into());
    s.people.push(person("4", "AAA", 50_000, 3, Outcome::SlottedInto("P1".into()))); // post filled twice
    s.people.push(person("5", "BBB", 50_000, 3, Outcome::AppointedTo("P2".into()))); // other cluster
    s.people.push(person("6", "AAA", 50_000, 3, Outcome::SlottedInto("NOPE".into()))); // dangling
    s.people.push(person("1", "AAA", 50_000, 3, Outcome::NotAffected)); // duplicate id
    let f = validate(&s);
    let has = |subject: Subject, text: &str| f.iter().any(|x| x.subject == subject && x.message.contains(text));
    assert!(has(Subject::Organisation("AAA".into()), "is in two clusters"), "{f:#?}");
    assert!(has(Subject::Post("P1".into()), "is filled twice"));
    assert!(has(Subject::Post("P2".into()), "not in cluster"));
    assert!(has(Subject::Person("5".into()), "cluster \"C\", which BBB is not in"));
    assert!(has(Subject::Person("6".into()), "does not exist"));
    assert!(has(Subject::Person("1".into()), "two people have this id"));
    // Errors come first.
    assert_eq!(f[0].severity, Severity::Error);
    // The dangling person keeps their cost in AAA's plan rather than vanishing.
    let sum = compute(&s);
    assert!(sum.person_cost[5] > 0);
}

#[test]
fn afc_posts_cost_their_pay_point() {
    let mut s = small();
    s.clusters[0].teams[0].posts[0].pay = Pay::AfC { band: Band::Band7, point: 3 };
    let sum = compute(&s);
    assert_eq!(sum.posts[0].cost.to_icb(), 7_030_735); // as the band 7 top example
    s.clusters[0].teams[0].posts[0].pay = Pay::AfC { band: Band::Band7, point: 4 };
    assert!(validate(&s).iter().any(|f| f.message.contains("Band 7 has no pay point 4")));
}

mod properties {
    use cluster_planner::engine::compute;
    use cluster_planner::examples;
    use cluster_planner::model::Outcome;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        /// Moving a person from one post of the cluster to another changes who holds which
        /// post, never the cluster's planned total (both posts are costed either way).
        #[test]
        fn moving_a_person_between_posts_of_a_cluster_keeps_its_total(pick in 0usize..10_000, to in 0usize..10_000) {
            let mut s = examples::lnr_cluster();
            let before = compute(&s);
            let holders: Vec<usize> = (0..s.people.len()).filter(|i| s.people[*i].outcome.holds_post().is_some()).collect();
            let posts: Vec<cluster_planner::model::Code> = s.posts().map(|(_, _, p)| p.id.clone()).collect();
            let who = holders[pick % holders.len()];
            s.people[who].outcome = Outcome::SlottedInto(posts[to % posts.len()].clone());
            let after = compute(&s);
            prop_assert_eq!(after.clusters[0].line.planned, before.clusters[0].line.planned);
            prop_assert_eq!(after.totals.planned, before.totals.planned);
        }

        /// Whatever the decisions, every cluster is the sum of its ICBs and the total is
        /// the sum of all ICBs, to the penny, in every month of the trajectory too.
        #[test]
        fn icbs_add_up_to_clusters_and_totals(seed in any::<u64>(), n in 0usize..600) {
            let mut s = examples::west_midlands();
            let mut rng = fastrand::Rng::with_seed(seed);
            let posts: Vec<cluster_planner::model::Code> = s.posts().map(|(_, _, p)| p.id.clone()).collect();
            for _ in 0..n {
                let i = rng.usize(0..s.people.len());
                s.people[i].outcome = match rng.u8(0..6) {
                    0 => Outcome::NotAffected,
                    1 => Outcome::SlottedInto(posts[rng.usize(0..posts.len())].clone()),
                    2 => Outcome::TransferredOut,
                    3 => Outcome::VoluntaryRedundancy,
                    4 => Outcome::AtRisk,
                    _ => Outcome::Mars,
                };
            }
            let sum = compute(&s);
            for c in &sum.clusters {
                let members: Vec<_> = c.members.iter().map(|m| sum.org(m).unwrap()).collect();
                prop_assert_eq!(c.line.planned, members.iter().map(|o| o.line.planned).sum::<i64>());
                prop_assert_eq!(c.line.baseline, members.iter().map(|o| o.line.baseline).sum::<i64>());
            }
            prop_assert_eq!(sum.totals.planned, sum.organisations.iter().map(|o| o.line.planned).sum::<i64>());
            // Each post's shares add up to its cost.
            for p in &sum.posts {
                prop_assert_eq!(p.shares.iter().sum::<i64>(), p.cost.to_icb());
            }
            for (m, total) in sum.trajectory.total.iter().enumerate() {
                prop_assert_eq!(*total, sum.trajectory.clusters.iter().map(|c| c[m]).sum::<i64>());
            }
        }
    }
}
