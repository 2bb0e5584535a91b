//! Collective consultation and HR1 (TULRCA 1992 s188, s193): the duty per employer and site,
//! its dates and the findings, every date worked by hand. Not legal advice.

use chrono::NaiveDate;
use cluster_planner::engine::compute;
use cluster_planner::engine::consultation::{Employer, establishments, notice_weeks};
use cluster_planner::model::{Band, Consultation, Grade, Outcome, Scenario};
use cluster_planner::validate::validate;

use crate::engine::person;
use crate::years_and_mergers::two_icbs;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// `n` people of ICB `org` at `site`, leaving on `outcome` on `exit`: £36,500 a year
/// (£100 a day), band 5 (8 weeks' notice), 3 years' service (3 weeks statutory).
fn leaving(s: &mut Scenario, org: &str, site: &str, n: usize, outcome: Outcome, exit: NaiveDate) {
    let first = s.people.len();
    for k in 0..n {
        let mut p = person(&format!("{org}-{site}-{}", first + k), org, 36_500, 3, outcome.clone());
        p.grade = Grade::AfC(Band::Band5);
        p.site = Some(site.into());
        p.effective = Some(exit);
        s.people.push(p);
    }
}

fn findings(s: &Scenario) -> Vec<String> {
    validate(s).into_iter().filter(|f| f.kind == "Collective consultation and HR1").map(|f| f.to_string()).collect()
}

/// 25 compulsory redundancies at one site of A, the first on 1 March 2027. Band 5's 8 weeks'
/// notice is given on 1 March − 56 days = 4 January 2027, and no notice may be given before
/// the minimum 30 days of consultation have run: consultation must start by 4 January − 30
/// days = 5 December 2026 (earlier than 1 March − 30 = 30 January). HR1 is due by the day
/// before the first notice, 3 January 2027. A protective award could reach 180 days × £100 ×
/// 25 = £450,000 (dismissals after 6 April 2026).
///
/// Consultation from 2 February 2027: 1 March − 2 February = 27 days, under 30 (25 exits
/// fall before 4 March); notices from 4 January would come before it; HR1 on 2 February is
/// late. From 2 December 2026, HR1 that day, notices from 4 January: lawful (2 December + 30
/// = 1 January). Notices from 11 January: 8 weeks run to 8 March, after the exits.
#[test]
fn twenty_five_at_one_site_with_27_days_of_consultation_is_too_short() {
    let mut s = two_icbs(None);
    leaving(&mut s, "AAA", "HQ", 25, Outcome::CompulsoryRedundancy, d(2027, 3, 1));
    let e = &establishments(&s)[0];
    assert_eq!((e.employer.clone(), e.site.as_deref()), (Employer::Icb("AAA".into()), Some("HQ")));
    assert_eq!((e.most_in_90_days, e.min_days, e.decided), (25, 30, 25));
    assert_eq!(e.first_dismissal, Some(d(2027, 3, 1)));
    assert_eq!(e.first_notice, Some(d(2027, 1, 4)));
    assert_eq!(e.consult_by, Some(d(2026, 12, 5)));
    assert_eq!(e.hr1_by, Some(d(2027, 1, 3)));
    assert_eq!((e.exposure, e.award_days), (45_000_000, 180));
    // Nothing recorded: a warning saying by when.
    let f = findings(&s);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].starts_with("warning: ICB AAA: 25 proposed redundancies at HQ (25 within 90 days, on 1 Mar 2027)"),
        "{f:#?}"
    );
    assert!(
        f[0].contains("must start by 5 Dec 2026 and HR1 be filed by 3 Jan 2027")
            && f[0].contains("£450,000 (180 days' pay each)")
    );

    // Consultation from 2 February, HR1 the same day: too short, notices before it, HR1 late.
    s.organisations[0].consultation =
        Some(Consultation { start: d(2027, 2, 2), hr1: Some(d(2027, 2, 2)), notices_from: None });
    let f = findings(&s);
    assert_eq!(f.len(), 3, "{f:#?}");
    assert!(f.iter().any(|x| x.starts_with("error") && x.contains("consultation from 2 Feb 2027 gives 27 days before the first dismissal on 1 Mar 2027; at least 30 are required, so 25 of the exits fall before 4 Mar 2027")), "{f:#?}");
    assert!(f.iter().any(|x| x.starts_with("error") && x.contains("the first notice of dismissal would be given on 4 Jan 2027, before the 30 days of consultation from 2 Feb 2027 have run")), "{f:#?}");
    assert!(
        f.iter().any(|x| x.starts_with("error")
            && x.contains("HR1 filed on 2 Feb 2027 is late")
            && x.contains("by 3 Jan 2027")),
        "{f:#?}"
    );

    // From 2 December 2026 with HR1 that day and notices from 4 January 2027: lawful.
    s.organisations[0].consultation =
        Some(Consultation { start: d(2026, 12, 2), hr1: Some(d(2026, 12, 2)), notices_from: Some(d(2027, 1, 4)) });
    assert!(findings(&s).is_empty(), "{:#?}", findings(&s));
    // Notices from 11 January: 8 weeks run to 8 March, after the exits of 1 March.
    s.organisations[0].consultation.as_mut().unwrap().notices_from = Some(d(2027, 1, 11));
    let f = findings(&s);
    assert!(
        f.len() == 1 && f[0].contains("25 people leave before their notice, given from 11 Jan 2027, can run out"),
        "{f:#?}"
    );
}

/// Dismissals before 6 April 2026 risk an award of at most 90 days' pay: 25 at £100 a day
/// on 1 March 2026 is £225,000.
#[test]
fn the_award_before_6_april_2026_is_at_most_90_days_pay() {
    let mut s = two_icbs(None);
    leaving(&mut s, "AAA", "HQ", 25, Outcome::CompulsoryRedundancy, d(2026, 3, 1));
    let e = &establishments(&s)[0];
    assert_eq!((e.exposure, e.award_days), (22_500_000, 90));
}

/// The people proposed are not only those decided: 19 compulsory redundancies and 3 at
/// risk at one site are 22 proposed, so the duty applies (the proposal, not the decision,
/// starts it). A site written "HQ", "hq " and "Hq" is one establishment. 17 leaving is near
/// the 20: a note says so.
#[test]
fn people_at_risk_count_and_a_site_is_one_however_it_is_written() {
    let mut s = two_icbs(None);
    leaving(&mut s, "AAA", "HQ", 19, Outcome::CompulsoryRedundancy, d(2027, 3, 1));
    leaving(&mut s, "AAA", "hq ", 2, Outcome::AtRisk, d(2027, 3, 1));
    leaving(&mut s, "AAA", "Hq", 1, Outcome::RingFencedFor("CEO".into()), d(2027, 3, 1));
    let all = establishments(&s);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].dismissals.len(), all[0].decided, all[0].min_days), (22, 19, 30));
    assert_eq!(all[0].site.as_deref(), Some("HQ"), "shown as first written");
    assert!(findings(&s)[0].contains("22 proposed redundancies (19 decided; 3 at risk or ring-fenced) at HQ"));
    let mut near = two_icbs(None);
    leaving(&mut near, "AAA", "HQ", 17, Outcome::CompulsoryRedundancy, d(2027, 3, 1));
    let f = findings(&near);
    assert!(f.len() == 1 && f[0].starts_with("note") && f[0].contains("17 within 90 days is near the 20"), "{f:#?}");
}

/// A consultation recorded more than a year before the first dismissal is taken to be an
/// earlier wave's: a warning asks for this wave's.
#[test]
fn a_consultation_a_year_before_the_dismissals_is_an_earlier_waves() {
    let mut s = two_icbs(None);
    leaving(&mut s, "AAA", "HQ", 25, Outcome::CompulsoryRedundancy, d(2027, 3, 1));
    s.organisations[0].consultation =
        Some(Consultation { start: d(2025, 9, 1), hr1: Some(d(2025, 9, 1)), notices_from: None });
    let f = findings(&s);
    assert!(
        f.len() == 1
            && f[0].starts_with("warning")
            && f[0].contains("started on 1 Sep 2025, 546 days before the first dismissal"),
        "{f:#?}"
    );
}

/// 19 at one site and 19 at another of the same employer, the same day: each establishment
/// stands alone, so neither reaches 20: no duty and no finding. MARS is a resignation, not a
/// dismissal: 19 compulsory and 1 MARS at one site is no duty; 19 and 1 voluntary
/// redundancy is 20, and the duty applies.
#[test]
fn each_site_counts_alone_and_volunteers_count_but_mars_does_not() {
    let mut s = two_icbs(None);
    leaving(&mut s, "AAA", "HQ", 19, Outcome::CompulsoryRedundancy, d(2027, 3, 1));
    leaving(&mut s, "AAA", "Locality", 19, Outcome::CompulsoryRedundancy, d(2027, 3, 1));
    assert!(establishments(&s).iter().all(|e| !e.duty()));
    // No duty; each site is near it, and a note says so.
    assert!(findings(&s).iter().all(|f| f.starts_with("note")));
    leaving(&mut s, "AAA", "HQ", 1, Outcome::Mars, d(2027, 3, 1));
    assert!(establishments(&s).iter().all(|e| !e.duty()), "MARS is not counted");
    leaving(&mut s, "AAA", "HQ", 1, Outcome::VoluntaryRedundancy, d(2027, 3, 1));
    let e = establishments(&s).into_iter().find(|e| e.site.as_deref() == Some("HQ")).unwrap();
    assert_eq!((e.most_in_90_days, e.min_days), (20, 30));
    // And the other ICB's 19 at a site called HQ too are another employer's.
    leaving(&mut s, "BBB", "HQ", 19, Outcome::CompulsoryRedundancy, d(2027, 3, 1));
    assert!(establishments(&s).iter().filter(|e| e.employer == Employer::Icb("BBB".into())).all(|e| !e.duty()));
}

/// A rolling 90 days: 60 leave on 1 March 2027 and 50 on 29 May 2027. 1 March and the 89
/// days after run to 29 May (30 + 30 + 29 days in March to May): all 110 fall in one 90
/// days, so 45 days' consultation before 1 March. With the 50 on 30 May instead, no 90 days
/// hold more than 60: 30 days, and each group is its own proposal.
#[test]
fn a_rolling_ninety_days_that_crosses_one_hundred() {
    let mut s = two_icbs(None);
    leaving(&mut s, "AAA", "HQ", 60, Outcome::CompulsoryRedundancy, d(2027, 3, 1));
    leaving(&mut s, "AAA", "HQ", 50, Outcome::VoluntaryRedundancy, d(2027, 5, 29));
    let e = &establishments(&s)[0];
    assert_eq!((e.most_in_90_days, e.min_days), (110, 45));
    assert_eq!(e.busiest, Some((d(2027, 3, 1), d(2027, 5, 29))));
    // 45 days before the first notice (8 weeks before 1 March: 4 January): 20 November 2026.
    assert_eq!(e.consult_by, Some(d(2026, 11, 20)), "4 January less 45 days");
    for p in s.people.iter_mut().filter(|p| p.effective == Some(d(2027, 5, 29))) {
        p.effective = Some(d(2027, 5, 30));
    }
    let e = &establishments(&s)[0];
    assert_eq!((e.most_in_90_days, e.min_days), (60, 30));
    assert_eq!(e.covered.len(), 110, "both groups reach 20 on their own");
}

/// A merged ICB is one employer from its merger date: 12 at A's HQ and 12 at B's HQ leaving
/// on 1 June 2027 are 24 at the merged ICB's HQ (a duty); on 1 March 2027, before the
/// merger of 1 April, they are two employers' 12 (none).
#[test]
fn a_merged_icb_is_one_employer_from_its_date() {
    let merger =
        cluster_planner::model::Merger { from: d(2027, 4, 1), name: "NHS A and B ICB".into(), status: String::new() };
    let mut s = two_icbs(Some(merger));
    leaving(&mut s, "AAA", "HQ", 12, Outcome::CompulsoryRedundancy, d(2027, 6, 1));
    leaving(&mut s, "BBB", "HQ", 12, Outcome::CompulsoryRedundancy, d(2027, 6, 1));
    let all = establishments(&s);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].employer.clone(), all[0].most_in_90_days, all[0].min_days), (Employer::Merged(0), 24, 30));
    assert!(all[0].employer_name.starts_with("NHS A and B ICB"));
    for p in &mut s.people {
        p.effective = Some(d(2027, 3, 1));
    }
    assert!(establishments(&s).iter().all(|e| !e.duty() && matches!(e.employer, Employer::Icb(_))));
}

/// Notice: the longer of the contract's (4, 8 or 12 weeks by band) and the statute's (a
/// week a year of service from 2 years, at most 12; a week before that).
#[test]
fn notice_is_the_longer_of_contract_and_statute() {
    let s = two_icbs(None);
    let mut p = person("1", "AAA", 30_000, 1, Outcome::CompulsoryRedundancy);
    p.grade = Grade::AfC(Band::Band3);
    assert_eq!(notice_weeks(&s, &p), 4);
    p.service_years = 9;
    assert_eq!(notice_weeks(&s, &p), 9, "9 years: 9 weeks, over the contract's 4");
    p.service_years = 30;
    assert_eq!(notice_weeks(&s, &p), 12, "at most 12");
    p.grade = Grade::Vsm;
    p.service_years = 0;
    assert_eq!(notice_weeks(&s, &p), 12);
}

/// Unreasonably refusing suitable alternative employment ends the redundancy payment: 10
/// years at £50,000 was £41,826.92 (the appraisal tests); refused, nothing, and the person
/// is counted as not eligible.
#[test]
fn refusing_suitable_alternative_employment_ends_redundancy_pay() {
    let mut s = two_icbs(None);
    s.people.push(person("1", "AAA", 50_000, 10, Outcome::CompulsoryRedundancy));
    assert_eq!(compute(&s).one_off.redundancy, 4_182_692);
    s.people[0].offer = Some(Box::new(cluster_planner::model::AlternativeOffer {
        post: "Band 7 analyst, Leicester".into(),
        offered: d(2027, 1, 10),
        refused: true,
    }));
    let sum = compute(&s);
    assert_eq!((sum.one_off.redundancy, sum.one_off.not_eligible), (0, 1));
}

/// Pay protection, worked by hand. A person paid £120,000 costs £120,000 + NI 15% of
/// £115,000 (£17,250) + pension 14.38% (£17,256) + levy 0.5% (£600) = £155,106 a year; the
/// chief executive's post, £100,000, costs £129,130. Slotted in from 1 October 2025 they
/// keep the £25,976 difference:
/// - held 12 months (to 1 October 2026): still paid at the target date, 31 December 2025:
///   £25,976 a year on top of the planned running cost (which stays the structure's
///   recurrent cost, unchanged), £25,976 over the period;
/// - held 2 months (to 1 December 2025): ended by the target date; £25,976 × 2 ÷ 12 =
///   £4,329.33 over the period;
/// - stepping down over 4 months: in full for 2 (to 1 December), then half, £12,988, to
///   1 February 2026: £12,988 at the target date; £4,329.33 + £2,164.67 = £6,494 over it.
///
/// With no protection set (the default), the difference is known and costs nothing.
#[test]
fn pay_protection_is_its_own_line_while_it_lasts() {
    let mut s = two_icbs(None);
    let mut p = person("1", "AAA", 120_000, 10, Outcome::SlottedInto("CEO".into()));
    p.effective = Some(d(2025, 10, 1));
    s.people.push(p);
    let base = compute(&s);
    assert_eq!(
        base.pay_protection,
        cluster_planner::engine::Protection { people: 1, a_year: 2_597_600, at_target: 0, over_period: 0 }
    );
    let with = |months: u32, steps: bool| {
        let mut t = s.clone();
        t.assumptions.people_process.pay_protection_months = months;
        t.assumptions.people_process.pay_protection_steps_down = steps;
        compute(&t)
    };
    let held = with(12, false);
    assert_eq!((held.pay_protection.people, held.pay_protection.a_year), (1, 2_597_600));
    assert_eq!((held.pay_protection.at_target, held.pay_protection.over_period), (2_597_600, 2_597_600));
    assert_eq!(held.organisations[0].planned_protection, 2_597_600);
    // Apart from the plan: the planned running cost and the run-rate are the structure's.
    assert_eq!(held.totals.planned, base.totals.planned);
    assert_eq!(held.trajectory.total, base.trajectory.total);

    let short = with(2, false);
    assert_eq!((short.pay_protection.at_target, short.pay_protection.over_period), (0, 432_933));

    let steps = with(4, true);
    assert_eq!((steps.pay_protection.at_target, steps.pay_protection.over_period), (1_298_800, 649_400));
}

/// A selection pool of two posts with three candidates ring-fenced for it: 3 : 2,
/// competitive. One appointed to the second post, one not appointed: their outcomes follow
/// (appointed; at risk) in one step each, and the check says one is still to decide. Undo
/// gives back the pool and the outcome together.
#[test]
fn a_selection_pool_records_each_candidates_result_with_their_outcome() {
    use cluster_planner::edit::{Document, Edit};
    use cluster_planner::model::{Pool, Selection};
    let mut s = two_icbs(None);
    let mut second = s.clusters[0].teams[0].posts[0].clone();
    second.id = "CFO".into();
    s.clusters[0].teams[0].posts.push(second);
    for id in ["1", "2", "3"] {
        s.people.push(person(id, "AAA", 90_000, 10, Outcome::RingFencedFor("CEO".into())));
    }
    let mut doc = Document::new(s, None, "pool.ron");
    let pool = Pool { name: "Executive".into(), posts: vec!["CEO".into(), "CFO".into()], candidates: Vec::new() };
    doc.apply(Edit::SetPool { cluster: 0, index: 0, pool: Some(pool) }).unwrap();
    let ids: Vec<String> = ["1", "2", "3"].map(String::from).to_vec();
    doc.apply(Edit::add_candidates(&doc.scenario, 0, 0, &ids).unwrap()).unwrap();
    assert_eq!(doc.scenario.clusters[0].pools[0].candidates.len(), 3);
    let pools = |doc: &Document| -> Vec<String> {
        doc.findings().iter().filter(|f| f.kind == "Selection pools").map(|f| f.message.clone()).collect()
    };
    assert_eq!(pools(&doc), ["pool \"Executive\": 3 candidates for 2 posts (competitive), 3 still to decide"]);

    doc.apply(Edit::record_selection(&doc.scenario, 0, 0, "2", Selection::Appointed("CFO".into())).unwrap()).unwrap();
    doc.apply(Edit::record_selection(&doc.scenario, 0, 0, "3", Selection::NotAppointed).unwrap()).unwrap();
    let outcome = |doc: &Document, id: &str| doc.scenario.people.iter().find(|p| p.id == id).unwrap().outcome.clone();
    assert_eq!(outcome(&doc, "2"), Outcome::AppointedTo("CFO".into()));
    assert_eq!(outcome(&doc, "3"), Outcome::AtRisk);
    assert_eq!(outcome(&doc, "1"), Outcome::RingFencedFor("CEO".into()));
    assert_eq!(pools(&doc), ["pool \"Executive\": 3 candidates for 2 posts (competitive), 1 still to decide"]);
    // The appointee's cost moves into the post they hold: £90,000 a year is their role no more.
    assert_eq!(doc.summary.posts.iter().find(|p| p.id == "CFO").unwrap().holders, 1);

    doc.undo();
    assert_eq!(outcome(&doc, "3"), Outcome::RingFencedFor("CEO".into()));
    assert_eq!(doc.scenario.clusters[0].pools[0].candidates[2].result, Selection::Pending);
    // A result that disagrees with the outcome (set elsewhere) is a warning.
    doc.apply(Edit::SetOutcomes { ids: vec!["2".into()], outcome: Outcome::Mars, effective: None }).unwrap();
    let warn: Vec<_> = doc
        .findings()
        .iter()
        .filter(|f| f.kind == "Selection pools" && f.severity == cluster_planner::validate::Severity::Warning)
        .collect();
    assert_eq!(warn.len(), 1);
    assert!(warn[0].message.contains("records them as appointed to CFO, but their outcome is mars"));
}
