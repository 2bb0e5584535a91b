//! The cost engine: pure functions from a scenario to its figures, exact to the penny.
//!
//! Rules (each has a hand-worked test below):
//! - A person's annual cost to the ICB = pay (full-time salary x WTE) + employer NI
//!   (rate x pay above the threshold) + local employer pension + apprenticeship levy.
//!   "Full cost" adds the centrally paid pension. Each on-cost is rounded to the penny.
//! - **Baseline** per ICB = the cost of its people + its baseline non-pay.
//! - **Planned** per ICB = its people who stay in their current role (not affected, at
//!   risk, ring-fenced and not yet appointed) + its share of every post of its cluster's
//!   single management teams (split by the cluster's rule, exact to the penny) + planned
//!   non-pay. People who are slotted or appointed are costed through their post; people who
//!   leave (redeployed, VR, MARS, compulsory redundancy) or transfer out drop out.
//! - **Transferred out** (moved, not saved) = the cost of people who transfer with a function.
//! - **Target** = population x envelope per head, or the ICB's explicit override.
//! - **Gap** = planned − target: above zero, the ICB is still over its target.
//! - One-off costs: Section 16 redundancy for voluntary and compulsory redundancy, and the
//!   MARS parameters for MARS. Net recurrent saving = baseline − planned − transferred out.
//!   Payback = one-off cost / (saving / 12), rounded up to a whole month.
//! - Trajectory: the annualised run-rate at the end of each month, from the trajectory start
//!   to the target date; each change lands on its effective date (undated ones on the
//!   target date).

use rustc_hash::FxHashMap as HashMap;

use chrono::{Datelike, NaiveDate};

use crate::model::money::{Pence, Wte, mul_div_round, split_by_weights};
use crate::model::{Apportionment, Funding, MonthRule, OutcomeKind, Pay, Scenario};
use crate::model::{Assumptions, MarsTerms, Outcome, RedundancyTerms};

/// The on-costs of one person or post for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PayCost {
    pub pay: Pence,
    pub employer_ni: Pence,
    pub pension_local: Pence,
    pub levy: Pence,
    pub pension_central: Pence,
}

impl PayCost {
    /// What the ICB pays: pay + NI + local pension + levy.
    #[must_use]
    pub fn to_icb(&self) -> Pence {
        self.pay + self.employer_ni + self.pension_local + self.levy
    }

    /// Full economic cost: adds the centrally paid pension.
    #[must_use]
    pub fn full(&self) -> Pence {
        self.to_icb() + self.pension_central
    }
}

/// The annual cost of `wte` of a full-time salary, with on-costs.
#[must_use]
pub fn pay_cost(a: &Assumptions, full_time_salary: Pence, wte: Wte) -> PayCost {
    let pay = wte.of(full_time_salary);
    PayCost {
        pay,
        employer_ni: a.employer_ni_rate.of((pay - a.employer_ni_threshold_pence).max(0)),
        pension_local: a.pension_local_rate.of(pay),
        levy: a.apprenticeship_levy_rate.of(pay),
        pension_central: a.pension_central_rate.of(pay),
    }
}

/// A post's full-time salary, or `None` when its AfC band and point is not in the table.
#[must_use]
pub fn post_salary(a: &Assumptions, pay: &Pay) -> Option<Pence> {
    match pay {
        Pay::AfC { band, point } => a.afc_point(*band, *point),
        Pay::Vsm { salary_pence } | Pay::Salary { salary_pence } => Some(*salary_pence),
    }
}

/// Section 16 redundancy pay, or `None` when the person is not eligible (too little service).
/// Months = min(complete years x months per year, max); a month's pay comes from the
/// whole-time salary held between the floor and the cap, pro-rated by WTE.
#[must_use]
pub fn redundancy_pay(t: &RedundancyTerms, full_time_salary: Pence, wte: Wte, service_years: u32) -> Option<Pence> {
    if service_years < t.min_service_years {
        return None;
    }
    let months = service_years.saturating_mul(t.months_per_year).min(t.max_months);
    let capped = full_time_salary.clamp(t.floor_pence, t.cap_pence.max(t.floor_pence));
    let annual = i128::from(capped) * i128::from(wte.0) * i128::from(months);
    // one twelfth: annual x WTE x months / (12 x 10,000)
    let twelfth = round_div(annual, 12 * i128::from(Wte::SCALE));
    let value = match t.month_rule {
        MonthRule::OneTwelfth => twelfth,
        // 4.35 weeks of a 52-week year: annual x 435 / (52 x 100)
        MonthRule::GreaterOfTwelfthOrWeekly => twelfth.max(round_div(annual * 435, 5200 * i128::from(Wte::SCALE))),
    };
    Some(value)
}

/// MARS payment on the scenario's MARS parameters, or `None` when not eligible.
#[must_use]
pub fn mars_pay(t: &MarsTerms, full_time_salary: Pence, wte: Wte, service_years: u32) -> Option<Pence> {
    if service_years < t.min_service_years {
        return None;
    }
    let months = service_years.saturating_mul(t.months_per_year).min(t.max_months);
    let capped = full_time_salary.clamp(0, t.cap_pence.max(0));
    let annual = i128::from(capped) * i128::from(wte.0) * i128::from(months);
    Some(round_div(annual, 12 * i128::from(Wte::SCALE)))
}

fn round_div(n: i128, d: i128) -> Pence {
    let q = (2 * n + d) / (2 * d); // n, d >= 0 here: round half up
    i64::try_from(q).unwrap_or(i64::MAX)
}

/// One line of a running-cost table: an ICB, a cluster or the whole scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Line {
    pub baseline: Pence,
    pub planned: Pence,
    /// `None` when a population is missing and no override is set.
    pub target: Option<Pence>,
    pub transferred_out: Pence,
    pub one_off: Pence,
    pub population: Option<u64>,
}

impl Line {
    /// Planned − target: what is still to be saved (negative: under target).
    #[must_use]
    pub fn gap(&self) -> Option<Pence> {
        self.target.map(|t| self.planned - t)
    }

    /// Reduction from baseline in basis points (3150 = 31.5%).
    #[must_use]
    pub fn reduction_bp(&self) -> Option<i64> {
        (self.baseline != 0).then(|| mul_div_round(self.baseline - self.planned, 10_000, self.baseline))
    }

    /// Planned running cost per head of population, to the penny.
    #[must_use]
    pub fn planned_per_head(&self) -> Option<Pence> {
        let pop = i64::try_from(self.population?).ok().filter(|p| *p > 0)?;
        Some(mul_div_round(self.planned, 1, pop))
    }

    /// Baseline − planned − transferred out: what the system actually saves each year.
    #[must_use]
    pub fn net_recurrent_saving(&self) -> Pence {
        self.baseline - self.planned - self.transferred_out
    }

    fn add(&mut self, o: &Line) {
        self.baseline += o.baseline;
        self.planned += o.planned;
        self.transferred_out += o.transferred_out;
        self.one_off += o.one_off;
        self.target = self.target.zip(o.target).map(|(a, b)| a + b);
        self.population = self.population.zip(o.population).map(|(a, b)| a + b);
    }

    fn start() -> Line {
        Line { target: Some(0), population: Some(0), ..Line::default() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgFigures {
    pub code: String,
    pub name: String,
    pub line: Line,
    pub baseline_people: Pence,
    pub baseline_non_pay: Pence,
    /// People who stay in their current roles.
    pub planned_people: Pence,
    /// This ICB's share of its cluster's posts.
    pub planned_posts: Pence,
    /// ...of which programme-funded.
    pub planned_programme_posts: Pence,
    pub planned_non_pay: Pence,
    pub headcount: u32,
    pub wte: u64,
    /// Index of the cluster the ICB belongs to (the first, if listed in two).
    pub cluster: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterFigures {
    pub name: String,
    pub members: Vec<String>,
    pub line: Line,
    pub posts: u32,
    pub vacant_posts: u32,
    pub posts_cost: Pence,
    /// How a shared post is split across the members (aligned with `members`): the weights
    /// of the apportionment rule in force, from [`apportion_weights`].
    pub weights: Vec<u64>,
}

/// A post's cost and how it is split across the cluster's members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostCost {
    pub cluster: usize,
    pub id: String,
    pub cost: PayCost,
    /// Aligned with the cluster's `members`.
    pub shares: Vec<Pence>,
    /// Whether the cost counts (programme posts can be left out by the assumptions).
    pub counted: bool,
    /// People slotted into or appointed to the post.
    pub holders: u32,
    /// Who they are: indexes into `scenario.people`, in the file's order.
    pub held_by: Vec<usize>,
    /// People ring-fenced for the post.
    pub ring_fenced: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub count: u32,
    pub wte: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionFigures {
    pub name: String,
    pub people: u32,
    pub wte: u64,
    pub baseline_cost: Pence,
    pub transferred_out: Pence,
}

/// Month-end annualised run-rate from the trajectory start to the target date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Trajectory {
    /// The last day of each month.
    pub months: Vec<NaiveDate>,
    pub orgs: Vec<Vec<Pence>>,
    pub clusters: Vec<Vec<Pence>>,
    pub total: Vec<Pence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OneOff {
    pub redundancy: Pence,
    pub mars: Pence,
    pub redundancy_people: u32,
    pub mars_people: u32,
    /// People with a leaving outcome who are not eligible for a payment.
    pub not_eligible: u32,
}

impl OneOff {
    #[must_use]
    pub fn total(&self) -> Pence {
        self.redundancy + self.mars
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub organisations: Vec<OrgFigures>,
    pub clusters: Vec<ClusterFigures>,
    pub totals: Line,
    pub one_off: OneOff,
    pub outcomes: Vec<(OutcomeKind, Tally)>,
    pub functions: Vec<FunctionFigures>,
    pub posts: Vec<PostCost>,
    /// Each person's annual cost to the ICB, aligned with `scenario.people`.
    pub person_cost: Vec<Pence>,
    /// Each person's one-off exit cost (0 when none), aligned with `scenario.people`.
    pub person_one_off: Vec<Pence>,
    pub trajectory: Trajectory,
}

impl Summary {
    /// Months to recover the one-off costs from the net recurrent saving, rounded up.
    #[must_use]
    pub fn payback_months(&self) -> Option<i64> {
        let saving = self.totals.net_recurrent_saving();
        let one_off = self.one_off.total();
        if saving <= 0 {
            return None;
        }
        let (n, d) = (i128::from(one_off.max(0)) * 12, i128::from(saving));
        Some(((n + d - 1) / d).try_into().unwrap_or(i64::MAX))
    }

    #[must_use]
    pub fn org(&self, code: &str) -> Option<&OrgFigures> {
        self.organisations.iter().find(|o| o.code == code)
    }

    #[must_use]
    pub fn cluster(&self, name: &str) -> Option<&ClusterFigures> {
        self.clusters.iter().find(|c| c.name == name)
    }
}

/// Lookups shared by the engine and validation. Where a code is duplicated, the first wins.
#[derive(Debug, Default)]
pub struct Index<'a> {
    pub orgs: HashMap<&'a str, usize>,
    /// post id -> (cluster, team, post)
    pub posts: HashMap<&'a str, (usize, usize, usize)>,
    /// org code -> first cluster listing it
    pub cluster_of: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    #[must_use]
    pub fn new(s: &'a Scenario) -> Index<'a> {
        let n_posts: usize = s.clusters.iter().flat_map(|c| &c.teams).map(|t| t.posts.len()).sum();
        let mut ix = Index::default();
        ix.posts.reserve(n_posts);
        ix.orgs.reserve(s.organisations.len());
        for (i, o) in s.organisations.iter().enumerate() {
            ix.orgs.entry(o.code.as_str()).or_insert(i);
        }
        for (ci, c) in s.clusters.iter().enumerate() {
            for m in &c.members {
                ix.cluster_of.entry(m.as_str()).or_insert(ci);
            }
            for (ti, t) in c.teams.iter().enumerate() {
                for (pi, p) in t.posts.iter().enumerate() {
                    ix.posts.entry(p.id.as_str()).or_insert((ci, ti, pi));
                }
            }
        }
        ix
    }
}

/// Weights for splitting a shared post across a cluster's members (aligned with
/// `members`). Members that are not known organisations get nothing. A rule that gives
/// every known member nothing (no populations, percentages all zero) falls back to equal
/// shares, so no cost is ever lost; validation reports the cause.
#[must_use]
pub fn apportion_weights(s: &Scenario, ix: &Index<'_>, cluster: usize) -> Vec<u64> {
    let c = &s.clusters[cluster];
    let known: Vec<Option<usize>> = c.members.iter().map(|m| ix.orgs.get(m.as_str()).copied()).collect();
    let mut w: Vec<u64> = match &c.apportionment {
        Apportionment::Population => {
            let pops: Vec<Option<u64>> = known.iter().map(|k| k.and_then(|i| s.organisations[i].population)).collect();
            if known.iter().zip(&pops).any(|(k, p)| k.is_some() && p.is_none()) {
                vec![0; c.members.len()]
            } else {
                pops.iter().map(|p| p.unwrap_or(0)).collect()
            }
        }
        Apportionment::Equal => known.iter().map(|k| u64::from(k.is_some())).collect(),
        Apportionment::Custom(shares) => c
            .members
            .iter()
            .zip(&known)
            .map(|(m, k)| {
                if k.is_none() {
                    return 0;
                }
                shares.iter().filter(|sh| &sh.org == m).map(|sh| u64::from(sh.percent.0)).sum()
            })
            .collect(),
    };
    if w.iter().all(|x| *x == 0) {
        w = known.iter().map(|k| u64::from(k.is_some())).collect();
    }
    w
}

/// What a person's outcome does to their current role's cost.

/// Month index of a date on the trajectory: 0 for dates at or before the first month,
/// `None` after the last.
fn month_index(start: NaiveDate, months: usize, d: NaiveDate) -> Option<usize> {
    let k = (d.year() - start.year()) * 12 + i32::try_from(d.month()).unwrap_or(0)
        - i32::try_from(start.month()).unwrap_or(0);
    let k = usize::try_from(k.max(0)).unwrap_or(0);
    (k < months).then_some(k)
}

fn month_ends(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let (mut y, mut m) = (start.year(), start.month());
    loop {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        let last = NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt());
        let Some(last) = last else { break };
        out.push(last);
        if (y, m) >= (end.year(), end.month()) || out.len() >= 120 {
            break;
        }
        (y, m) = (ny, nm);
    }
    out
}

/// Computes every figure of a scenario. Never panics on inconsistent data: dangling
/// references and duplicates are handled conservatively and reported by validation.
#[must_use]
pub fn compute(s: &Scenario) -> Summary {
    let a = &s.assumptions;
    let ix = Index::new(s);
    let n_orgs = s.organisations.len();

    let mut orgs: Vec<OrgFigures> = s
        .organisations
        .iter()
        .map(|o| {
            let target = o.target_override_pence.or_else(|| {
                o.population.and_then(|p| i64::try_from(p).ok()).map(|p| p.saturating_mul(a.envelope_per_head_pence))
            });
            OrgFigures {
                code: o.code.clone(),
                name: o.name.clone(),
                line: Line { target, population: o.population, ..Line::default() },
                baseline_people: 0,
                baseline_non_pay: o.baseline_non_pay_pence,
                planned_people: 0,
                planned_posts: 0,
                planned_programme_posts: 0,
                planned_non_pay: o.planned_non_pay_pence.unwrap_or(o.baseline_non_pay_pence),
                headcount: 0,
                wte: 0,
                cluster: ix.cluster_of.get(o.code.as_str()).copied(),
            }
        })
        .collect();

    let months = month_ends(a.trajectory_start, a.target_date);
    let n_months = months.len();
    // Per-org month deltas of the run-rate; prefix-summed at the end.
    let mut delta = vec![vec![0_i64; n_months]; n_orgs];
    let land = |d: Option<NaiveDate>| month_index(a.trajectory_start, n_months, d.unwrap_or(a.target_date));

    // People.
    let mut person_cost = Vec::with_capacity(s.people.len());
    let mut person_one_off = Vec::with_capacity(s.people.len());
    let mut one_off = OneOff::default();
    // Indexed by `OutcomeKind as usize` (the order of `OutcomeKind::ALL`).
    let mut tallies = [Tally::default(); OutcomeKind::ALL.len()];
    // post id -> (who holds it, how many are ring-fenced for it)
    let mut post_holders: HashMap<&str, (Vec<usize>, u32)> = HashMap::default();
    let mut fn_index: HashMap<&str, usize> = HashMap::default();
    let mut functions: Vec<FunctionFigures> = Vec::with_capacity(s.functions.len());
    for f in &s.functions {
        fn_index.entry(f.name.as_str()).or_insert(functions.len());
        functions.push(FunctionFigures {
            name: f.name.clone(),
            people: 0,
            wte: 0,
            baseline_cost: 0,
            transferred_out: 0,
        });
    }

    let mut last_org: Option<(&str, usize)> = None;
    for (pi, p) in s.people.iter().enumerate() {
        let cost = pay_cost(a, p.salary_pence, p.wte).to_icb();
        person_cost.push(cost);
        let kind = p.outcome.kind();
        let t = &mut tallies[kind as usize];
        t.count += 1;
        t.wte += u64::from(p.wte.0);
        if let Some(post) = p.outcome.post() {
            let e = post_holders.entry(post).or_default();
            if p.outcome.holds_post().is_some() {
                e.0.push(pi);
            } else {
                e.1 += 1;
            }
        }
        if let Some(fi) = p.function.as_deref().and_then(|f| fn_index.get(f)) {
            let f = &mut functions[*fi];
            f.people += 1;
            f.wte += u64::from(p.wte.0);
            f.baseline_cost += cost;
            if kind == OutcomeKind::TransferredOut {
                f.transferred_out += cost;
            }
        }
        let exit = match p.outcome {
            Outcome::VoluntaryRedundancy | Outcome::CompulsoryRedundancy => {
                let v = redundancy_pay(&a.redundancy, p.salary_pence, p.wte, p.service_years);
                if let Some(v) = v {
                    one_off.redundancy += v;
                    one_off.redundancy_people += 1;
                } else {
                    one_off.not_eligible += 1;
                }
                v.unwrap_or(0)
            }
            Outcome::Mars => {
                let v = mars_pay(&a.mars, p.salary_pence, p.wte, p.service_years);
                if let Some(v) = v {
                    one_off.mars += v;
                    one_off.mars_people += 1;
                } else {
                    one_off.not_eligible += 1;
                }
                v.unwrap_or(0)
            }
            _ => 0,
        };
        person_one_off.push(exit);

        // People are usually listed ICB by ICB: reuse the last lookup.
        let oi = match last_org {
            Some((code, i)) if code == p.org.as_str() => i,
            _ => {
                let Some(&i) = ix.orgs.get(p.org.as_str()) else {
                    continue;
                };
                last_org = Some((p.org.as_str(), i));
                i
            }
        };
        let of = &mut orgs[oi];
        of.baseline_people += cost;
        of.headcount += 1;
        of.wte += u64::from(p.wte.0);
        of.line.one_off += exit;
        let post_exists = p.outcome.post().is_some_and(|id| ix.posts.contains_key(id));
        if p.outcome.leaves_current_role(post_exists) {
            if kind == OutcomeKind::TransferredOut {
                of.line.transferred_out += cost;
            }
            if let Some(k) = land(p.effective) {
                delta[oi][k] -= cost;
            }
        } else {
            of.planned_people += cost;
        }
    }

    // Posts of the single management teams, apportioned to member ICBs.
    let mut posts = Vec::new();
    let mut clusters: Vec<ClusterFigures> = Vec::with_capacity(s.clusters.len());
    for (ci, c) in s.clusters.iter().enumerate() {
        let weights = apportion_weights(s, &ix, ci);
        let mut cf = ClusterFigures {
            name: c.name.clone(),
            members: c.members.clone(),
            line: Line::start(),
            posts: 0,
            vacant_posts: 0,
            posts_cost: 0,
            weights: Vec::new(),
        };
        for t in &c.teams {
            for p in &t.posts {
                let salary = post_salary(a, &p.pay).unwrap_or(0);
                let cost = pay_cost(a, salary, p.wte);
                let counted = p.funding == Funding::RunningCost || a.count_programme_posts;
                let shares = split_by_weights(if counted { cost.to_icb() } else { 0 }, &weights);
                // A post listed twice under one id is costed each time it is listed (it is
                // in the structure twice); validation flags the duplicate id.
                let (held_by, ring_fenced) = if ix.posts.get(p.id.as_str()).is_some_and(|x| x.0 == ci) {
                    post_holders.get(p.id.as_str()).cloned().unwrap_or_default()
                } else {
                    (Vec::new(), 0)
                };
                let holders = u32::try_from(held_by.len()).unwrap_or(u32::MAX);
                cf.posts += 1;
                if holders == 0 {
                    cf.vacant_posts += 1;
                }
                if counted {
                    cf.posts_cost += cost.to_icb();
                }
                for (m, share) in c.members.iter().zip(&shares) {
                    if let Some(&oi) = ix.orgs.get(m.as_str()) {
                        orgs[oi].planned_posts += share;
                        if p.funding == Funding::Programme {
                            orgs[oi].planned_programme_posts += share;
                        }
                        if let Some(k) = land(p.effective) {
                            delta[oi][k] += share;
                        }
                    }
                }
                posts.push(PostCost {
                    cluster: ci,
                    id: p.id.clone(),
                    cost,
                    shares,
                    counted,
                    holders,
                    held_by,
                    ring_fenced,
                });
            }
        }
        cf.weights = weights;
        clusters.push(cf);
    }

    // Close each organisation's lines and trajectory.
    let mut org_traj = Vec::with_capacity(n_orgs);
    for (oi, (o, of)) in s.organisations.iter().zip(orgs.iter_mut()).enumerate() {
        of.line.baseline = of.baseline_people + of.baseline_non_pay;
        of.line.planned = of.planned_people + of.planned_posts + of.planned_non_pay;
        if let Some(k) = land(o.planned_non_pay_from) {
            delta[oi][k] += of.planned_non_pay - of.baseline_non_pay;
        }
        let mut run = of.line.baseline;
        let series: Vec<Pence> = delta[oi]
            .iter()
            .map(|d| {
                run += d;
                run
            })
            .collect();
        org_traj.push(series);
    }

    let mut totals = Line::start();
    for of in &orgs {
        totals.add(&of.line);
    }
    let mut cluster_traj = Vec::with_capacity(clusters.len());
    for cf in &mut clusters {
        let mut series = vec![0; n_months];
        let mut seen: Vec<usize> = Vec::new();
        for m in &cf.members {
            if let Some(&oi) = ix.orgs.get(m.as_str()) {
                if seen.contains(&oi) {
                    continue; // a member listed twice counts once
                }
                seen.push(oi);
                cf.line.add(&orgs[oi].line);
                for (acc, v) in series.iter_mut().zip(&org_traj[oi]) {
                    *acc += v;
                }
            }
        }
        if seen.is_empty() {
            cf.line.target = None;
            cf.line.population = None;
        }
        cluster_traj.push(series);
    }
    let mut total_traj = vec![0; n_months];
    for series in &org_traj {
        for (acc, v) in total_traj.iter_mut().zip(series) {
            *acc += v;
        }
    }

    let outcomes = OutcomeKind::ALL.iter().map(|k| (*k, tallies[*k as usize])).collect();

    Summary {
        organisations: orgs,
        clusters,
        totals,
        one_off,
        outcomes,
        functions,
        posts,
        person_cost,
        person_one_off,
        trajectory: Trajectory { months, orgs: org_traj, clusters: cluster_traj, total: total_traj },
    }
}
