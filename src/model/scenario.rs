//! The scenario: organisations (ICBs), clusters with their single management teams and
//! posts, people with their outcomes, the function catalogue, and the assumptions.
//!
//! Everything here is plain data that serialises to RON. References between items are by
//! their codes and ids (an ICB's ODS code, a post's id, a person's id, a function's name),
//! so a file stays readable and a dangling reference is a validation finding, never a panic.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::money::{Pence, Rate, Wte};

/// A whole planning scenario, as saved in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// Free text shown with the scenario: provenance, caveats ("people are illustrative").
    #[serde(default)]
    pub notes: String,
    pub assumptions: Assumptions,
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    #[serde(default)]
    pub functions: Vec<Function>,
    #[serde(default)]
    pub people: Vec<Person>,
}

/// An Integrated Care Board: a statutory body with its own allocation, whether or not it
/// shares a management team with others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// ODS code, e.g. `QPM`.
    pub code: String,
    pub name: String,
    pub region: String,
    /// Population used for the per-head envelope. `None` means not known: the target
    /// cannot be computed unless `target_override_pence` is set.
    #[serde(default)]
    pub population: Option<u64>,
    /// What the population figure is and its year, e.g. "2025/26 NHS England allocation population".
    #[serde(default)]
    pub population_basis: String,
    /// The 2025/26 running cost allowance, for reference (not used in the gap).
    #[serde(default)]
    pub running_cost_allowance_pence: Option<Pence>,
    /// Baseline running cost that is not itemised as people: non-pay, and any pay not yet
    /// loaded as a staff list. Baseline = cost of this ICB's people + this.
    #[serde(default)]
    pub baseline_non_pay_pence: Pence,
    /// Planned figure for the same; `None` = unchanged from baseline.
    #[serde(default)]
    pub planned_non_pay_pence: Option<Pence>,
    /// When the planned non-pay takes effect (for the trajectory). `None` = the target date.
    #[serde(default)]
    pub planned_non_pay_from: Option<NaiveDate>,
    /// An explicit running-cost target, used instead of population x envelope.
    #[serde(default)]
    pub target_override_pence: Option<Pence>,
    /// Why the override was set and where its figure comes from.
    #[serde(default)]
    pub target_note: String,
}

/// ICBs that share one chair, one chief executive and single management teams, while each
/// stays a separate statutory body with its own allocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub name: String,
    /// Member ICBs by ODS code.
    pub members: Vec<String>,
    #[serde(default)]
    pub apportionment: Apportionment,
    #[serde(default)]
    pub teams: Vec<Team>,
    #[serde(default)]
    pub notes: String,
}

/// How the cost of a shared post is split across a cluster's member ICBs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Apportionment {
    /// In proportion to each member's population (the default).
    #[default]
    Population,
    /// The same share for every member.
    Equal,
    /// Explicit percentages that must add up to 100.
    Custom(Vec<Share>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub org: String,
    pub percent: Rate,
}

/// A single management team, e.g. "Cluster executive" or "Finance directorate".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub name: String,
    #[serde(default)]
    pub posts: Vec<Post>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// Unique in the scenario, e.g. `LN-EXE-01`.
    pub id: String,
    pub title: String,
    pub pay: Pay,
    #[serde(default = "full_time")]
    pub wte: Wte,
    /// The employing (hosting) ICB, by ODS code.
    pub host: String,
    #[serde(default)]
    pub funding: Funding,
    #[serde(default)]
    pub reports_to: Option<String>,
    /// When the post's cost starts. `None` = the target date.
    #[serde(default)]
    pub effective: Option<NaiveDate>,
}

fn full_time() -> Wte {
    Wte::FULL
}

/// How a post is paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pay {
    /// An Agenda for Change band and pay point (1 = entry point) from the pay table in
    /// the assumptions.
    AfC { band: Band, point: u8 },
    /// A very senior manager's spot salary.
    Vsm { salary_pence: Pence },
    /// Any other full-time annual salary, typed in.
    Salary { salary_pence: Pence },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Funding {
    #[default]
    RunningCost,
    Programme,
}

/// Agenda for Change pay bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Band {
    Band1,
    Band2,
    Band3,
    Band4,
    Band5,
    Band6,
    Band7,
    Band8a,
    Band8b,
    Band8c,
    Band8d,
    Band9,
}

impl Band {
    pub const ALL: [Band; 12] = [
        Band::Band1,
        Band::Band2,
        Band::Band3,
        Band::Band4,
        Band::Band5,
        Band::Band6,
        Band::Band7,
        Band::Band8a,
        Band::Band8b,
        Band::Band8c,
        Band::Band8d,
        Band::Band9,
    ];

    /// "7", "8a" — how a band is written on a job description.
    #[must_use]
    pub fn short(self) -> &'static str {
        match self {
            Band::Band1 => "1",
            Band::Band2 => "2",
            Band::Band3 => "3",
            Band::Band4 => "4",
            Band::Band5 => "5",
            Band::Band6 => "6",
            Band::Band7 => "7",
            Band::Band8a => "8a",
            Band::Band8b => "8b",
            Band::Band8c => "8c",
            Band::Band8d => "8d",
            Band::Band9 => "9",
        }
    }

    /// Reads "7", "Band 8a", "8A", "AfC 8a".
    #[must_use]
    pub fn parse(text: &str) -> Option<Band> {
        let t = text.trim().to_ascii_lowercase();
        let t = t.strip_prefix("afc").unwrap_or(&t).trim();
        let t = t.strip_prefix("band").unwrap_or(t).trim();
        Band::ALL.into_iter().find(|b| b.short() == t)
    }
}

impl std::fmt::Display for Band {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Band {}", self.short())
    }
}

/// A person's grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    AfC(Band),
    Vsm,
    /// Medical, local or other terms, as written in the staff record.
    Other(String),
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Grade::AfC(b) => write!(f, "{b}"),
            Grade::Vsm => f.write_str("VSM"),
            Grade::Other(s) => f.write_str(s),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// e.g. the ESR assignment number. Unique in the scenario.
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    /// Employing ICB, by ODS code.
    pub org: String,
    pub title: String,
    pub grade: Grade,
    /// Full-time annual salary in pence (the actual pay is this x WTE).
    pub salary_pence: Pence,
    #[serde(default = "full_time")]
    pub wte: Wte,
    /// Complete years of reckonable NHS service.
    #[serde(default)]
    pub service_years: u32,
    /// The function (from the catalogue) the person works in.
    #[serde(default)]
    pub function: Option<String>,
    /// The finance cost centre from the staff record, as written there (e.g. `T1234`).
    /// Left out of the file when not known, so files without it read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_centre: Option<String>,
    #[serde(default)]
    pub outcome: Outcome,
    /// When the outcome takes effect. `None` = the target date.
    #[serde(default)]
    pub effective: Option<NaiveDate>,
}

/// What happens to a person.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Outcome {
    #[default]
    NotAffected,
    /// Slotted into a post of a single management team (post id).
    SlottedInto(String),
    /// In a competitive ring-fenced pool for a post (post id); still employed and still
    /// costed in their current role until appointed.
    RingFencedFor(String),
    /// Appointed to a post (post id).
    AppointedTo(String),
    AtRisk,
    /// Found suitable alternative employment outside the management teams (another NHS
    /// body or a programme role): leaves this ICB's running cost, no redundancy cost.
    Redeployed,
    /// Moves with a function to another body: leaves this ICB, but the cost is moved, not saved.
    TransferredOut,
    /// Voluntary redundancy, costed on Section 16 terms.
    VoluntaryRedundancy,
    /// Mutually agreed resignation scheme, costed on the MARS parameters.
    Mars,
    CompulsoryRedundancy,
}

/// The outcome kinds without their post, for counts and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OutcomeKind {
    NotAffected,
    Slotted,
    RingFenced,
    Appointed,
    AtRisk,
    Redeployed,
    TransferredOut,
    VoluntaryRedundancy,
    Mars,
    CompulsoryRedundancy,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 10] = [
        OutcomeKind::NotAffected,
        OutcomeKind::Slotted,
        OutcomeKind::RingFenced,
        OutcomeKind::Appointed,
        OutcomeKind::AtRisk,
        OutcomeKind::Redeployed,
        OutcomeKind::TransferredOut,
        OutcomeKind::VoluntaryRedundancy,
        OutcomeKind::Mars,
        OutcomeKind::CompulsoryRedundancy,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            OutcomeKind::NotAffected => "Not affected",
            OutcomeKind::Slotted => "Slotted in",
            OutcomeKind::RingFenced => "Ring-fenced",
            OutcomeKind::Appointed => "Appointed",
            OutcomeKind::AtRisk => "At risk",
            OutcomeKind::Redeployed => "Redeployed",
            OutcomeKind::TransferredOut => "Transferred out",
            OutcomeKind::VoluntaryRedundancy => "Voluntary redundancy",
            OutcomeKind::Mars => "MARS",
            OutcomeKind::CompulsoryRedundancy => "Compulsory redundancy",
        }
    }

    /// The key used in JSON output, e.g. `at_risk`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            OutcomeKind::NotAffected => "not_affected",
            OutcomeKind::Slotted => "slotted",
            OutcomeKind::RingFenced => "ring_fenced",
            OutcomeKind::Appointed => "appointed",
            OutcomeKind::AtRisk => "at_risk",
            OutcomeKind::Redeployed => "redeployed",
            OutcomeKind::TransferredOut => "transferred_out",
            OutcomeKind::VoluntaryRedundancy => "voluntary_redundancy",
            OutcomeKind::Mars => "mars",
            OutcomeKind::CompulsoryRedundancy => "compulsory_redundancy",
        }
    }
}

impl Outcome {
    #[must_use]
    pub fn kind(&self) -> OutcomeKind {
        match self {
            Outcome::NotAffected => OutcomeKind::NotAffected,
            Outcome::SlottedInto(_) => OutcomeKind::Slotted,
            Outcome::RingFencedFor(_) => OutcomeKind::RingFenced,
            Outcome::AppointedTo(_) => OutcomeKind::Appointed,
            Outcome::AtRisk => OutcomeKind::AtRisk,
            Outcome::Redeployed => OutcomeKind::Redeployed,
            Outcome::TransferredOut => OutcomeKind::TransferredOut,
            Outcome::VoluntaryRedundancy => OutcomeKind::VoluntaryRedundancy,
            Outcome::Mars => OutcomeKind::Mars,
            Outcome::CompulsoryRedundancy => OutcomeKind::CompulsoryRedundancy,
        }
    }

    /// The post this outcome names, if any.
    #[must_use]
    pub fn post(&self) -> Option<&str> {
        match self {
            Outcome::SlottedInto(p) | Outcome::RingFencedFor(p) | Outcome::AppointedTo(p) => Some(p),
            _ => None,
        }
    }

    /// Slotted or appointed: the person now holds the post.
    #[must_use]
    pub fn holds_post(&self) -> Option<&str> {
        match self {
            Outcome::SlottedInto(p) | Outcome::AppointedTo(p) => Some(p),
            _ => None,
        }
    }
}

/// A function from the Model ICB Blueprint catalogue, with what happens to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Function {
    pub name: String,
    pub disposition: Disposition,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Disposition {
    #[default]
    Retain,
    Grow,
    TransferToRegion,
    TransferToProviders,
    TransferToNational,
    /// Under review for transfer; not yet decided.
    Review,
}

impl Disposition {
    pub const ALL: [Disposition; 6] = [
        Disposition::Retain,
        Disposition::Grow,
        Disposition::TransferToRegion,
        Disposition::TransferToProviders,
        Disposition::TransferToNational,
        Disposition::Review,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Disposition::Retain => "Retain and adapt",
            Disposition::Grow => "Grow",
            Disposition::TransferToRegion => "Transfer to region",
            Disposition::TransferToProviders => "Transfer to providers",
            Disposition::TransferToNational => "Transfer to national",
            Disposition::Review => "Review for transfer",
        }
    }

    #[must_use]
    pub fn is_transfer(self) -> bool {
        matches!(
            self,
            Disposition::TransferToRegion | Disposition::TransferToProviders | Disposition::TransferToNational
        )
    }
}

/// Every rate and parameter the cost engine uses. All editable; the defaults and their
/// sources are in `Assumptions::default` and the README.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// The date these assumptions were set or last reviewed.
    pub as_at: NaiveDate,
    pub employer_ni_rate: Rate,
    /// Employer NI is charged on annual pay above this threshold.
    pub employer_ni_threshold_pence: Pence,
    /// Employer pension contribution paid locally (counts in running cost).
    pub pension_local_rate: Rate,
    /// Employer pension paid centrally by NHS England (shown only in "full cost").
    pub pension_central_rate: Rate,
    pub apprenticeship_levy_rate: Rate,
    /// Running-cost envelope per head of population.
    pub envelope_per_head_pence: Pence,
    /// The date by which the envelope must be met.
    pub target_date: NaiveDate,
    /// First month of the trajectory chart.
    pub trajectory_start: NaiveDate,
    /// The £/head envelope covers running costs *and programme pay*, so programme-funded
    /// posts count by default. Turn off to compare with the running cost allowance only.
    #[serde(default = "yes")]
    pub count_programme_posts: bool,
    pub redundancy: RedundancyTerms,
    pub mars: MarsTerms,
    /// The pay year of the table below, e.g. "2025/26".
    pub pay_year: String,
    /// Agenda for Change pay points per band (full-time annual, pence), entry point first.
    pub afc_pay: Vec<BandScale>,
}

fn yes() -> bool {
    true
}

/// Agenda for Change Section 16 redundancy terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedundancyTerms {
    pub months_per_year: u32,
    pub max_months: u32,
    /// The whole-time salary used is at least this...
    pub floor_pence: Pence,
    /// ...and at most this (then pro-rated by WTE for part-time staff).
    pub cap_pence: Pence,
    /// Complete years of continuous NHS service needed to be eligible.
    pub min_service_years: u32,
    pub month_rule: MonthRule,
}

/// How a month's pay is worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MonthRule {
    /// One twelfth of annual salary.
    OneTwelfth,
    /// The greater of one twelfth and 4.35 weeks' pay (annual / 52 x 4.35), the
    /// "more beneficial" method of the Employment Rights Act 1996.
    GreaterOfTwelfthOrWeekly,
}

/// Mutually agreed resignation scheme terms. The former national payment formula was not
/// found in public sources, so these are placeholders to be set from the local scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarsTerms {
    pub months_per_year: u32,
    pub max_months: u32,
    /// Notional whole-time salary cap (pro rata for part-time).
    pub cap_pence: Pence,
    pub min_service_years: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandScale {
    pub band: Band,
    pub points_pence: Vec<Pence>,
}

const fn pounds(p: i64) -> Pence {
    p * 100
}

impl Default for Assumptions {
    /// The 2025/26 figures, with sources (see README "Assumptions and sources"):
    /// employer NI 15% above £5,000 (gov.uk, from 6 April 2025); NHS Pension Scheme employer
    /// 14.38% paid locally + 9.4% centrally (NHSBSA); apprenticeship levy 0.5% (HMRC);
    /// envelope £18.76 per head by the end of Q3 2025/26 (Model ICB Blueprint, May 2025);
    /// Section 16: 1 month per complete year, at most 24, £23,000 floor, £80,000 cap, 2 years'
    /// service (NHS Employers); AfC 2025/26 pay points after the 3.6% award.
    fn default() -> Self {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        let scale = |band, pts: &[i64]| BandScale { band, points_pence: pts.iter().map(|p| pounds(*p)).collect() };
        Assumptions {
            as_at: d(2025, 4, 6),
            employer_ni_rate: Rate(1500),
            employer_ni_threshold_pence: pounds(5_000),
            pension_local_rate: Rate(1438),
            pension_central_rate: Rate(940),
            apprenticeship_levy_rate: Rate(50),
            envelope_per_head_pence: 1876,
            target_date: d(2025, 12, 31),
            trajectory_start: d(2025, 4, 1),
            count_programme_posts: true,
            redundancy: RedundancyTerms {
                months_per_year: 1,
                max_months: 24,
                floor_pence: pounds(23_000),
                cap_pence: pounds(80_000),
                min_service_years: 2,
                month_rule: MonthRule::OneTwelfth,
            },
            mars: MarsTerms { months_per_year: 1, max_months: 12, cap_pence: pounds(80_000), min_service_years: 1 },
            pay_year: "2025/26".to_owned(),
            afc_pay: vec![
                scale(Band::Band1, &[24_465]),
                scale(Band::Band2, &[24_465]),
                scale(Band::Band3, &[24_937, 26_598]),
                scale(Band::Band4, &[27_485, 30_162]),
                scale(Band::Band5, &[31_049, 33_487, 37_796]),
                scale(Band::Band6, &[38_682, 40_823, 46_580]),
                scale(Band::Band7, &[47_810, 50_273, 54_710]),
                scale(Band::Band8a, &[55_690, 58_487, 62_682]),
                scale(Band::Band8b, &[64_455, 68_631, 74_896]),
                scale(Band::Band8c, &[76_965, 81_652, 88_682]),
                scale(Band::Band8d, &[91_342, 96_941, 105_337]),
                scale(Band::Band9, &[109_179, 115_763, 125_637]),
            ],
        }
    }
}

impl Assumptions {
    /// The full-time salary at an AfC band and point (1 = entry), if the table has it.
    #[must_use]
    pub fn afc_point(&self, band: Band, point: u8) -> Option<Pence> {
        let idx = usize::from(point).checked_sub(1)?;
        self.afc_pay.iter().find(|s| s.band == band)?.points_pence.get(idx).copied()
    }
}

impl Scenario {
    /// An empty scenario with the default assumptions.
    #[must_use]
    pub fn empty(name: &str) -> Scenario {
        Scenario {
            name: name.to_owned(),
            notes: String::new(),
            assumptions: Assumptions::default(),
            organisations: Vec::new(),
            clusters: Vec::new(),
            functions: Vec::new(),
            people: Vec::new(),
        }
    }

    #[must_use]
    pub fn organisation(&self, code: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.code == code)
    }

    /// All posts with the index of their cluster.
    pub fn posts(&self) -> impl Iterator<Item = (usize, &Team, &Post)> {
        self.clusters
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| c.teams.iter().flat_map(move |t| t.posts.iter().map(move |p| (ci, t, p))))
    }
}
