//! The example scenarios in `saves/` and the 25,000-person stress scenario, generated
//! deterministically from a seed. Every generated person is illustrative: names, salaries,
//! service and outcomes are made up, and each file says so in its notes. Published figures
//! (populations, running cost allowances, the LLR + Northamptonshire £53m and £16.7m) are
//! real and sourced in the notes.

use chrono::NaiveDate;

use crate::engine::compute;
use crate::model::money::{Pence, Wte};
use crate::model::reference;
use crate::model::{Band, Cluster, Funding, Grade, Organisation, Outcome, Pay, Person, Post, Scenario, Team};

/// The example the app opens on, compiled in.
pub const BUILT_IN_NAME: &str = "lnr-cluster.ron";
pub const BUILT_IN: &str = include_str!("../../saves/lnr-cluster.ron");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

const FIRST: [&str; 40] = [
    "Aisha", "Ben", "Chloe", "Daniel", "Emma", "Farah", "George", "Hannah", "Imran", "Jade", "Kieran", "Laura",
    "Mohammed", "Niamh", "Oliver", "Priya", "Qasim", "Rachel", "Samuel", "Tara", "Usman", "Victoria", "William",
    "Yasmin", "Zoe", "Amir", "Bethany", "Callum", "Deepa", "Ellis", "Fiona", "Gareth", "Harriet", "Isaac", "Joanne",
    "Kwame", "Lucy", "Marek", "Nadia", "Owen",
];
const LAST: [&str; 40] = [
    "Ahmed",
    "Baker",
    "Clarke",
    "Davies",
    "Evans",
    "Fletcher",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Nowak",
    "Okafor",
    "Patel",
    "Quinn",
    "Roberts",
    "Singh",
    "Taylor",
    "Usher",
    "Walker",
    "Wright",
    "Young",
    "Begum",
    "Chowdhury",
    "Edwards",
    "Foster",
    "Gill",
    "Hall",
    "Jackson",
    "Kaur",
    "Mason",
    "Mistry",
    "Murphy",
    "Osei",
    "Price",
    "Shaw",
    "Thompson",
    "Wilson",
];

/// Roles by band, with how common each band is in an ICB (per 1,000 staff).
const BAND_MIX: [(Option<Band>, u32, &str); 12] = [
    (Some(Band::Band3), 60, "Administrator"),
    (Some(Band::Band4), 110, "Business Support Officer"),
    (Some(Band::Band5), 120, "Commissioning Support Officer"),
    (Some(Band::Band6), 150, "Project Officer"),
    (Some(Band::Band7), 180, "Commissioning Manager"),
    (Some(Band::Band8a), 150, "Senior Commissioning Manager"),
    (Some(Band::Band8b), 90, "Head of Service"),
    (Some(Band::Band8c), 60, "Associate Director"),
    (Some(Band::Band8d), 40, "Deputy Director"),
    (Some(Band::Band9), 20, "Director"),
    (None, 15, "Executive Director"),
    (Some(Band::Band2), 5, "Clerical Assistant"),
];

fn pick_band(rng: &mut fastrand::Rng) -> (Option<Band>, &'static str) {
    let total: u32 = BAND_MIX.iter().map(|b| b.1).sum();
    let mut r = rng.u32(0..total);
    for (b, w, t) in BAND_MIX {
        if r < w {
            return (b, t);
        }
        r -= w;
    }
    (Some(Band::Band5), "Officer")
}

/// Generates `n` illustrative people for one ICB.
fn people_for(s: &Scenario, org: &str, n: usize, first_id: u32, rng: &mut fastrand::Rng) -> Vec<Person> {
    let funcs: Vec<&str> = s.functions.iter().map(|f| f.name.as_str()).collect();
    (0..n)
        .map(|i| {
            let (band, title) = pick_band(rng);
            let (grade, salary) = match band {
                Some(b) => {
                    let pts = s
                        .assumptions
                        .afc_pay
                        .iter()
                        .find(|x| x.band == b)
                        .map(|x| x.points_pence.clone())
                        .unwrap_or_default();
                    let p = pts.get(rng.usize(0..pts.len().max(1))).copied().unwrap_or(3_000_000);
                    (Grade::AfC(b), p)
                }
                None => (Grade::Vsm, i64::from(rng.u32(150..=210)) * 100_000),
            };
            let wte = match rng.u32(0..10) {
                0 => Wte(6000),
                1 => Wte(8000),
                2 if band.is_some() => Wte(5000),
                _ => Wte::FULL,
            };
            let id = first_id + u32::try_from(i).unwrap_or(0);
            Person {
                id: format!("{id:08}"),
                name: Some(format!("{} {}", FIRST[rng.usize(0..FIRST.len())], LAST[rng.usize(0..LAST.len())])),
                org: org.into(),
                title: title.to_owned(),
                grade,
                salary_pence: salary,
                wte,
                service_years: rng.u32(0..=34),
                function: funcs.get(rng.usize(0..funcs.len().max(1))).map(|f| (*f).into()),
                cost_centre: None,
                outcome: Outcome::NotAffected,
                effective: None,
                site: None,
                reason: String::new(),
                offer: None,
            }
        })
        .collect()
}

/// The single management teams of a cluster, sized to its staff (`scale` = directorate
/// posts per band step).
fn management_teams(prefix: &str, members: &[String], scale: u32) -> Vec<Team> {
    let host = |i: usize| members[i % members.len()].clone();
    let exec = [
        ("CEO", "Chief Executive", 24_000_000),
        ("DOF", "Chief Finance Officer", 18_500_000),
        ("CNO", "Chief Nursing Officer", 17_500_000),
        ("CMO", "Chief Medical Officer", 19_000_000),
        ("DOS", "Director of Strategy and Commissioning", 16_000_000),
        ("DCA", "Director of Corporate Affairs and People", 15_000_000),
    ];
    let mut teams = vec![Team {
        name: "Cluster executive".to_owned(),
        posts: exec
            .iter()
            .map(|(code, title, pay)| Post {
                id: format!("{prefix}-EXE-{code}").into(),
                title: (*title).to_owned(),
                pay: Pay::Vsm { salary_pence: *pay },
                wte: Wte::FULL,
                host: host(0),
                funding: Funding::RunningCost,
                reports_to: (*code != "CEO").then(|| format!("{prefix}-EXE-CEO")),
                effective: Some(date(2025, 11, 1)),
            })
            .collect(),
    }];
    let directorates = [
        ("FIN", "Finance directorate", "DOF", "Finance"),
        ("STR", "Strategy and commissioning directorate", "DOS", "Commissioning"),
        ("NUR", "Nursing and quality directorate", "CNO", "Quality"),
        ("MED", "Medical directorate", "CMO", "Clinical Effectiveness"),
        ("COR", "Corporate affairs and people directorate", "DCA", "Corporate"),
    ];
    let shape: [(Band, u32, &str); 8] = [
        (Band::Band8d, 0, "Deputy Director of"),
        (Band::Band8c, 1, "Associate Director of"),
        (Band::Band8b, 2, "Head of"),
        (Band::Band8a, 3, "Senior Manager,"),
        (Band::Band7, 4, "Manager,"),
        (Band::Band6, 3, "Senior Officer,"),
        (Band::Band5, 2, "Officer,"),
        (Band::Band4, 2, "Support Officer,"),
    ];
    for (di, (code, name, director, area)) in directorates.iter().enumerate() {
        let mut posts = Vec::new();
        let mut n = 0;
        for (band, per_scale, title) in shape {
            let count = if per_scale == 0 { 1 } else { per_scale * scale };
            for _ in 0..count {
                n += 1;
                let reports_to = match band {
                    Band::Band8d => format!("{prefix}-EXE-{director}"),
                    Band::Band8c => format!("{prefix}-{code}-001"),
                    _ => format!("{prefix}-{code}-002"),
                };
                posts.push(Post {
                    id: format!("{prefix}-{code}-{n:03}").into(),
                    title: format!("{title} {area}"),
                    // Band 4 has two points; senior posts are costed at the middle point.
                    pay: Pay::AfC { band, point: if band == Band::Band4 || band >= Band::Band8a { 2 } else { 3 } },
                    wte: Wte::FULL,
                    host: host(di + n),
                    funding: if *code == "NUR" && band <= Band::Band7 {
                        Funding::Programme
                    } else {
                        Funding::RunningCost
                    },
                    reports_to: Some(reports_to),
                    effective: Some(date(2025, 12, 1)),
                });
            }
        }
        teams.push(Team { name: (*name).to_owned(), posts });
    }
    teams
}

/// Decides outcomes for the people of one cluster: executives appointed, senior posts
/// ring-fenced, others slotted by band; people in transferring functions go with them;
/// the rest split between voluntary exits, at risk and not affected.
fn decide(s: &mut Scenario, ci: usize, rng: &mut fastrand::Rng) {
    let members = s.clusters[ci].members.clone();
    let posts: Vec<(crate::model::Code, Pay)> =
        s.clusters[ci].teams.iter().flat_map(|t| t.posts.iter().map(|p| (p.id.clone(), p.pay.clone()))).collect();
    let transfer: Vec<String> =
        s.functions.iter().filter(|f| f.disposition.is_transfer()).map(|f| f.name.clone()).collect();
    let mut free: Vec<usize> = (0..s.people.len()).filter(|i| members.iter().any(|m| s.people[*i].org == *m)).collect();
    // Highest paid first, so executive posts go to executives.
    free.sort_by_key(|i| std::cmp::Reverse(s.people[*i].salary_pence));
    for (id, pay) in &posts {
        let wanted = match pay {
            Pay::Vsm { .. } => None,
            Pay::AfC { band, .. } => Some(*band),
            Pay::Salary { .. } => continue,
        };
        let same: Vec<usize> = free
            .iter()
            .copied()
            .filter(|i| match (&s.people[*i].grade, wanted) {
                (Grade::Vsm, None) => true,
                (Grade::AfC(b), Some(w)) => *b == w,
                _ => false,
            })
            .take(3)
            .collect();
        let roll = rng.u32(0..100);
        match (wanted, same.as_slice()) {
            (_, []) => {} // vacant: to recruit
            (None, [first, ..]) => {
                s.people[*first].outcome = Outcome::AppointedTo(id.clone());
                s.people[*first].effective = Some(date(2025, 11, 1));
                free.retain(|i| i != first);
            }
            (Some(b), pool) if b >= Band::Band8c && pool.len() >= 2 && roll < 40 => {
                for i in pool.iter().take(2) {
                    s.people[*i].outcome = Outcome::RingFencedFor(id.clone());
                }
                free.retain(|i| !pool[..2].contains(i));
            }
            (Some(_), [first, ..]) if roll < 92 => {
                s.people[*first].outcome = Outcome::SlottedInto(id.clone());
                s.people[*first].effective = Some(date(2025, 12, 1));
                free.retain(|i| i != first);
            }
            _ => {} // left vacant to recruit
        }
    }
    for i in free {
        let p = &mut s.people[i];
        let in_transfer = p.function.as_ref().is_some_and(|f| transfer.iter().any(|t| t == f));
        let roll = rng.u32(0..100);
        let (outcome, when) = if in_transfer && roll < 60 {
            (Outcome::TransferredOut, date(2025, 12, 31))
        } else {
            match roll {
                0..=29 => (Outcome::VoluntaryRedundancy, date(2025, 12, 31)),
                30..=39 => (Outcome::Mars, date(2025, 10, 31)),
                40..=44 => (Outcome::CompulsoryRedundancy, date(2025, 12, 31)),
                45..=54 => (Outcome::Redeployed, date(2025, 11, 30)),
                55..=69 => (Outcome::AtRisk, date(2025, 12, 31)),
                _ => (Outcome::NotAffected, date(2025, 4, 1)),
            }
        };
        if matches!(outcome, Outcome::NotAffected | Outcome::AtRisk) {
            p.effective = None;
        } else {
            p.effective = Some(when);
        }
        p.outcome = outcome;
    }
}

/// A generated cluster scenario: the given ICBs and clusters, `people(org)` staff each,
/// single management teams sized to the staff, and decisions made.
fn generated(
    name: &str,
    notes: &str,
    codes: &[&str],
    clusters: Vec<Cluster>,
    people: &dyn Fn(&Organisation) -> usize,
    seed: u64,
) -> Scenario {
    let mut s = Scenario::empty(name);
    s.notes = notes.to_owned();
    s.functions = reference::functions();
    s.organisations = reference::icbs().into_iter().filter(|o| codes.contains(&o.code.as_str())).collect();
    s.clusters = clusters;
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut next_id = 20_000_001;
    let orgs = s.organisations.clone();
    for o in &orgs {
        let n = people(o);
        let ps = people_for(&s, &o.code, n, next_id, &mut rng);
        next_id += u32::try_from(n).unwrap_or(0) + 1000;
        s.people.extend(ps);
    }
    for ci in 0..s.clusters.len() {
        let staff: usize = s.people.iter().filter(|p| s.clusters[ci].members.iter().any(|m| p.org == *m)).count();
        let scale = u32::try_from(staff / 260).unwrap_or(1).max(1);
        let prefix: String = s.clusters[ci].members.join("");
        s.clusters[ci].teams = management_teams(&prefix, &s.clusters[ci].members, scale);
        decide(&mut s, ci, &mut rng);
    }
    sites_and_consultation(&mut s);
    s.share_names();
    s
}

/// Every ICB of a generated plan has two sites, its headquarters and a locality office (a
/// third of its people there), and consults collectively from 1 August 2025 with HR1 filed
/// the same day: its 45 days (for 100 or more) run to 15 September, before the first notice
/// (12 weeks before the exits of 31 December: 8 October). Illustrative, as the people are;
/// no random draw is taken, so the people and decisions stay as they were.
fn sites_and_consultation(s: &mut Scenario) {
    let start = date(2025, 8, 1);
    for o in &mut s.organisations {
        let short = crate::model::short_name(&o.name).to_owned();
        o.sites = vec![format!("{short} headquarters"), format!("{short} locality office")];
        o.consultation = Some(crate::model::Consultation { start, hr1: Some(start), notices_from: None });
    }
    let sites: std::collections::HashMap<String, Vec<String>> =
        s.organisations.iter().map(|o| (o.code.clone(), o.sites.clone())).collect();
    let mut nth: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for p in &mut s.people {
        let k = nth.entry(p.org.to_string()).or_default();
        p.site = sites.get(p.org.as_str()).map(|list| list[usize::from(*k % 3 == 2)].as_str().into());
        *k += 1;
    }
}

/// Sets each ICB's baseline non-pay so its baseline is exactly `baseline`, and its
/// planned non-pay so that its gap to target is exactly `gap`.
fn settle(s: &mut Scenario, code: &str, baseline: Pence, gap: Pence) {
    let sum = compute(s);
    let Some(of) = sum.org(code) else { return };
    let people = of.baseline_people;
    let planned_without_non_pay = of.planned_people + of.planned_posts;
    let target = of.line.target.unwrap_or(0);
    if let Some(o) = s.organisations.iter_mut().find(|o| o.code == code) {
        o.baseline_non_pay_pence = baseline - people;
        o.planned_non_pay_pence = Some(target + gap - planned_without_non_pay);
        o.planned_non_pay_from = Some(date(2025, 10, 1));
    }
}

/// Northamptonshire + Leicester, Leicestershire & Rutland: the built-in example.
#[must_use]
pub fn lnr_cluster() -> Scenario {
    let clusters = vec![Cluster {
        merger: None,
        name: "Northamptonshire + Leicester, Leicestershire & Rutland".to_owned(),
        members: vec!["QK1".to_owned(), "QPM".to_owned()],
        apportionment: crate::model::Apportionment::Population,
        teams: Vec::new(),
        notes: "Joint transition committee; consultation on the clustered executive team began 24 July 2025 \
                (Healthcare Leader, 14 Aug 2025)."
            .to_owned(),
        consultation: None,
        pools: Vec::new(),
    }];
    let notes = "ILLUSTRATIVE. The two ICBs, populations and running cost allowances are real (NHS England 2025/26 \
        allocations). The combined baseline of £53m and the published saving of £16.7m (33% for LLR, 29% for \
        Northamptonshire) come from LLR board papers (Healthcare Leader, 14 Aug 2025; connectedtogether.co.uk, \
        3 Sep 2025): solving 0.33 x LLR + 0.29 x Northants = £16.7m with LLR + Northants = £53m gives baselines of \
        £33.25m and £19.75m, and targets of £22,277,500 (67%) and £14,022,500 (71%). Those targets are set as \
        explicit overrides, because population x £18.76 on the 2025/26 populations gives different figures. \
        The £53m is wider than the running cost allowance (it includes programme pay). The 330 and 200 people, \
        their names, salaries, service and outcomes, the single management teams and the planned non-pay are \
        made up to show a plan in progress; LLR still has a gap to close.";
    let mut s = generated(
        "Northamptonshire + LLR cluster (illustrative)",
        notes,
        &["QK1", "QPM"],
        clusters,
        &|o| if o.code == "QK1" { 330 } else { 200 },
        2025_0724,
    );
    for (code, baseline, keep_bp, note) in [
        (
            "QK1",
            3_325_000_000_i64,
            6700,
            "Published: LLR to cut running costs by 33% (LLR board papers via connectedtogether.co.uk, 3 Sep 2025); 67% of the £33.25m baseline.",
        ),
        (
            "QPM",
            1_975_000_000_i64,
            7100,
            "Published: Northamptonshire to cut running costs by 29% (LLR board papers via connectedtogether.co.uk, 3 Sep 2025); 71% of the £19.75m baseline.",
        ),
    ] {
        if let Some(o) = s.organisations.iter_mut().find(|o| o.code == code) {
            o.target_override_pence = Some(baseline * keep_bp / 10_000);
            o.target_note = note.to_owned();
        }
        settle(&mut s, code, baseline, if code == "QK1" { 41_200_000 } else { -8_600_000 });
    }
    s
}

/// The six West Midlands ICBs in their three 2025/26 clusters.
#[must_use]
pub fn west_midlands() -> Scenario {
    let codes = ["QHL", "QUA", "QGH", "QWU", "QOC", "QNC"];
    let clusters: Vec<Cluster> = reference::clusters_2025_26()
        .into_iter()
        .filter(|c| c.members.iter().all(|m| codes.contains(&m.as_str())))
        .collect();
    let notes = "ILLUSTRATIVE. The six West Midlands ICBs in the three clusters agreed for 2025/26 (Healthcare Leader, \
        14 Jul 2025). Populations and running cost allowances are real (NHS England 2025/26 allocations); targets are \
        population x £18.76. The staff (one person per 4,400 population), their outcomes and the single management teams \
        are made up; baseline non-pay is set so that each ICB starts at £25 per head, and 15% of it is saved.";
    let mut s = generated(
        "West Midlands: three clusters (illustrative)",
        notes,
        &codes,
        clusters,
        &|o| usize::try_from(o.population.unwrap_or(0) / 4400).unwrap_or(0),
        2025_0714,
    );
    illustrative_non_pay(&mut s, 2500);
    s
}

/// Baseline non-pay set so that each ICB's baseline is `per_head` x population (at least
/// a fifth of its people's cost), with 15% of it saved from October 2025.
fn illustrative_non_pay(s: &mut Scenario, per_head: Pence) {
    let sum = compute(s);
    for (o, of) in s.organisations.iter_mut().zip(&sum.organisations) {
        let pop = i64::try_from(o.population.unwrap_or(0)).unwrap_or(0);
        o.baseline_non_pay_pence = (pop * per_head - of.baseline_people).max(of.baseline_people / 5);
        o.planned_non_pay_pence = Some(o.baseline_non_pay_pence * 85 / 100);
        o.planned_non_pay_from = Some(date(2025, 10, 1));
    }
}

/// All 42 ICBs in the 26 leadership teams of 2025/26, with no staff lists.
#[must_use]
pub fn national() -> Scenario {
    let mut s = Scenario::empty("England: the 26 leadership teams of 2025/26");
    s.notes = "All 42 ICBs (NHS England 2025/26 allocations) in the 26 leadership teams announced for 2025/26 \
        (Written Ministerial Statement, 9 Sep 2025; NHS Confed, updated 6 Oct 2025). Hertfordshire & West Essex and \
        Suffolk & North East Essex were split between two clusters; each is placed with the cluster of its larger part. \
        Frimley's 2025/26 leadership arrangement was not found, so it is in no cluster but chosen to be in the plan's \
        scope, so the totals cover all 42 ICBs. No staff lists: each \
        ICB's baseline is its 2025/26 running cost allowance (v1.4) as a stand-in until local actuals are entered. \
        The £18.76 envelope also covers programme pay, so a baseline on the allowance alone understates the task."
        .to_owned();
    s.functions = reference::functions();
    s.organisations = reference::icbs();
    for o in &mut s.organisations {
        o.baseline_non_pay_pence = o.running_cost_allowance_pence.unwrap_or(0);
        o.baseline_is_allowance = true;
    }
    s.clusters = reference::clusters_2025_26();
    choose_unclustered(&mut s);
    s
}

/// Puts every ICB that is in no cluster in the plan's scope (a national plan covers all 42).
fn choose_unclustered(s: &mut Scenario) {
    let clustered: Vec<String> = s.clusters.iter().flat_map(|c| c.members.clone()).collect();
    for o in &mut s.organisations {
        o.in_scope = !clustered.contains(&o.code);
    }
}

/// About 25,000 generated people across the 42 ICBs in their 26 clusters, in proportion to
/// population: for benchmarks and stress tests. Not committed; `generate` writes it.
#[must_use]
pub fn england_stress() -> Scenario {
    england_stress_of(25_000)
}

/// The stress file with about `people` people (200,000 for the benchmarks at national
/// scale), generated the same way.
#[must_use]
pub fn england_stress_of(people: usize) -> Scenario {
    let codes: Vec<String> = reference::icbs().into_iter().map(|o| o.code).collect();
    let code_refs: Vec<&str> = codes.iter().map(String::as_str).collect();
    let n = u64::try_from(people).unwrap_or(u64::MAX);
    let mut s = generated(
        &format!("England stress test: {} people (generated)", crate::model::money::format_count(people)),
        "GENERATED for performance testing: every person, post and decision is made up.",
        &code_refs,
        reference::clusters_2025_26(),
        // People in proportion to the England allocation population of 63,849,324.
        &|o| usize::try_from(o.population.unwrap_or(0).saturating_mul(n) / 63_849_324).unwrap_or(0),
        42,
    );
    illustrative_non_pay(&mut s, 3000);
    choose_unclustered(&mut s);
    s
}

/// Another option of a generated plan, for comparing options at national scale: the same
/// people and posts; about one person in five (every fifth from the `k`th) decided
/// otherwise — not affected, at risk, voluntary redundancy, MARS or compulsory redundancy in
/// turn — and each ICB's planned non-pay `k` per cent lower.
#[must_use]
pub fn stress_option(s: &Scenario, k: u64) -> Scenario {
    let mut o = s.clone();
    o.name = format!("{} — option {k}", s.name);
    let turns = [
        Outcome::NotAffected,
        Outcome::AtRisk,
        Outcome::VoluntaryRedundancy,
        Outcome::Mars,
        Outcome::CompulsoryRedundancy,
    ];
    let k = usize::try_from(k).unwrap_or(0);
    for (i, p) in o.people.iter_mut().enumerate().skip(k % 5).step_by(5) {
        p.outcome = turns[(i / 5 + k) % turns.len()].clone();
    }
    let pct = i64::try_from(k.min(100)).unwrap_or(0);
    for org in &mut o.organisations {
        let planned = org.planned_non_pay_pence.unwrap_or(org.baseline_non_pay_pence);
        org.planned_non_pay_pence = Some(planned - crate::model::money::mul_div_round(planned, pct, 100));
    }
    o
}

/// The LLR + Northamptonshire cluster as a merger option: the same people, teams and
/// figures, the cluster becoming one merged ICB on 1 April 2027 as proposed, and the target
/// date the end of the merged ICB's first year. Beside `lnr-cluster.ron`, a real pair of
/// options to compare.
#[must_use]
pub fn lnr_merger_2027() -> Scenario {
    let mut s = lnr_cluster();
    s.name = "Northamptonshire + LLR: merged ICB from April 2027 (illustrative)".to_owned();
    s.year = "2027/28".to_owned();
    s.notes = format!(
        "OPTION: the cluster of lnr-cluster.ron becoming one merged ICB on 1 April 2027, as NHS England proposed \
         (letter of 2 June 2026) and as LLR and Northamptonshire proposed (board papers, September 2026; awaiting \
         NHS England's decision). The same people, teams, non-pay and targets; the target date is the end of the \
         merged ICB's first year (31 March 2028). As one statutory body its surplus in one part meets its shortfall \
         in the other; staff transfer to it by statute, at no cost.\n\n{}",
        s.notes
    );
    s.assumptions.target_date = date(2028, 3, 31);
    if let Some(c) = s.clusters.first_mut() {
        // As one employer from April 2027 it consults on the people still at risk or
        // ring-fenced at the target date (illustrative dates, in time for them).
        c.consultation = Some(crate::model::Consultation {
            start: date(2027, 12, 1),
            hr1: Some(date(2027, 12, 1)),
            notices_from: None,
        });
        c.merger = Some(crate::model::Merger {
            from: date(2027, 4, 1),
            name: "NHS Leicester, Leicestershire, Rutland and Northamptonshire ICB".to_owned(),
            status: "proposed, awaiting NHS England's decision; name not yet decided".to_owned(),
        });
    }
    s
}

/// The clusters of 2026/27 that proposed to become merged ICBs on 1 April 2027 (as of
/// September 2026, board papers; domain-2026.md §2): (name, members, where it stands).
const MERGERS_2027: [(&str, &[&str], &str); 8] = [
    (
        "Herefordshire & Worcestershire + Coventry & Warwickshire",
        &["QGH", "QWU"],
        "proposed merger on the cluster footprint; awaiting NHS England's decision",
    ),
    (
        "Derby & Derbyshire + Lincolnshire + Nottingham & Nottinghamshire",
        &["QJ2", "QJM", "QT1"],
        "preparing for merger; awaiting NHS England's decision",
    ),
    (
        "Shropshire Telford & Wrekin + Staffordshire & Stoke-on-Trent",
        &["QOC", "QNC"],
        "recommendation submitted, technical merger work; awaiting NHS England's decision",
    ),
    ("BNSSG + Gloucestershire", &["QUY", "QR1"], "to merge April 2027; awaiting NHS England's decision"),
    (
        "Bath & NE Somerset Swindon & Wiltshire + Dorset + Somerset",
        &["QOX", "QVV", "QSL"],
        "full merger April 2027 (BaNES may move to BNSSG); awaiting NHS England's decision",
    ),
    (
        "Cornwall & Isles of Scilly + Devon",
        &["QT6", "QJK"],
        "mandated merger; council and MPs object; awaiting NHS England's decision",
    ),
    (
        "Birmingham & Solihull + Black Country",
        &["QHL", "QUA"],
        "merger; adding Coventry discussed; awaiting NHS England's decision",
    ),
    (
        "Leicester, Leicestershire & Rutland + Northamptonshire",
        &["QK1", "QPM"],
        "merger proposed; awaiting NHS England's decision",
    ),
];

/// The 36 ICBs of 2026/27 with the clusters that proposed to merge on 1 April 2027, each as
/// a proposed merged ICB, and every other ICB in scope on its own. Baselines stand in from
/// the predecessors' 2025/26 running cost allowances (those of 2026/27 were not published),
/// carried onto the new map as `migrate` does.
#[must_use]
pub fn national_2026_27() -> Scenario {
    let from_2025 = national();
    let mut s = match crate::model::migrate::to_2026_map(&from_2025, &crate::model::migrate::SplitRules::default()) {
        Ok(m) => m.scenario,
        // The national file has no staff, so no one needs placing.
        Err(_) => reference::ReferenceYear::Y2026.new_scenario(crate::model::PopulationBasis::Registered),
    };
    s.name = "England 2026/27: the 36 ICBs and the mergers proposed for April 2027".to_owned();
    s.year = "2026/27".to_owned();
    s.notes = "The 36 ICBs from 1 April 2026 (NHS England ODS change summary, 6 Nov 2025) with 2026/27 registered and \
        weighted populations (NHS England place-based allocation tool 2026/27-2028/29). The eight clusters are those that \
        proposed, as of September 2026, to become merged ICBs on 1 April 2027 (board papers; NHS England letter of 2 June \
        2026): PROPOSALS awaiting NHS England's decision, each shown as a merged ICB from that date; the approved list \
        was not found. Every other ICB is in scope on its own. No staff lists: each ICB's baseline stands in from its \
        predecessors' 2025/26 running cost allowances (v1.4; a split ICB's shared by the populations of its parts), as \
        the 2026/27 allowances were not published; the £18.76 envelope also covers programme pay, so a baseline on the \
        allowance alone understates the task. The target date is the end of the merged ICBs' first year."
        .to_owned();
    s.assumptions.trajectory_start = date(2026, 4, 1);
    s.assumptions.target_date = date(2028, 3, 31);
    s.clusters = MERGERS_2027
        .iter()
        .map(|(name, members, status)| Cluster {
            name: (*name).to_owned(),
            members: members.iter().map(|m| (*m).to_owned()).collect(),
            apportionment: crate::model::Apportionment::Population,
            teams: Vec::new(),
            notes: format!("Position as of September 2026 (board papers): {status}."),
            merger: Some(crate::model::Merger {
                from: date(2027, 4, 1),
                name: format!("{name} merged ICB"),
                status: format!("{status}; name not yet decided"),
            }),
            consultation: None,
            pools: Vec::new(),
        })
        .collect();
    choose_unclustered(&mut s);
    s
}

/// The examples by the name of their file in `saves/`.
#[must_use]
pub fn by_name(name: &str) -> Option<Scenario> {
    match name {
        "lnr-cluster" => Some(lnr_cluster()),
        "west-midlands" => Some(west_midlands()),
        "national-2025-26" => Some(national()),
        "england-stress-25k" => Some(england_stress()),
        "national-2026-27" => Some(national_2026_27()),
        "lnr-merger-2027" => Some(lnr_merger_2027()),
        _ => None,
    }
}

pub const NAMES: [&str; 6] =
    ["lnr-cluster", "west-midlands", "national-2025-26", "england-stress-25k", "national-2026-27", "lnr-merger-2027"];
