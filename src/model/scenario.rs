//! The scenario: organisations (ICBs), clusters with their single management teams and
//! posts, people (their outcomes are in `outcome.rs`), the function catalogue, and the
//! assumptions (in `assumptions.rs`).
//!
//! Everything here is plain data that serialises to RON. References between items are by
//! their codes and ids (an ICB's ODS code, a post's id, a person's id, a function's name),
//! so a file stays readable and a dangling reference is a validation finding, never a panic.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Assumptions, Code, Outcome};
use crate::model::money::{Pence, Rate, Wte};

/// A whole planning scenario, as saved in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// Free text shown with the scenario: provenance, caveats ("people are illustrative").
    #[serde(default)]
    pub notes: String,
    /// The financial year the plan is for, e.g. "2025/26" (empty when not said).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub year: String,
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
    /// The weighted population of the same year (needs-weighted, as NHS England used for
    /// configuration decisions), used instead of `population` when the assumptions say so
    /// ([`Assumptions::population_basis`]). `None` where not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weighted_population: Option<u64>,
    /// What the ICB was formed from ("QMJ (whole); QRV (whole)"), for ICBs made on 1 April 2026.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub formed_from: String,
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
    /// The baseline stands in with the ICB's running cost allowance (no local actuals yet).
    /// The allowance must not be compared with the £/head envelope, which also covers
    /// programme pay (domain.md §3.1): wherever the comparison is shown, the app says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub baseline_is_allowance: bool,
    /// In the plan's scope although in no cluster (an ICB in a cluster always is). The
    /// headline and totals cover the ICBs in scope only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_scope: bool,
    /// The ICB's sites (each an establishment for collective consultation), as its people's
    /// records name them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<String>,
    /// The ICB's collective consultation as an employer: when it starts, when HR1 is filed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultation: Option<Consultation>,
}

/// An employer's collective consultation on proposed redundancies (TULRCA 1992 s188,
/// s193): when consultation with representatives starts, when form HR1 was or will be
/// filed, and from when notices of dismissal are given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    /// The first day of collective consultation.
    pub start: NaiveDate,
    /// When HR1 was or will be filed with the Secretary of State (Insolvency Service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hr1: Option<NaiveDate>,
    /// From when notices of dismissal are given; `None`: not yet planned (each exit date
    /// less the person's notice is taken as their notice date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notices_from: Option<NaiveDate>,
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
    /// When set, the cluster becomes one merged ICB on that date (a cluster until then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merger: Option<Merger>,
    /// The merged ICB's collective consultation, as one employer from its merger date
    /// (before it, each member ICB consults as its own employer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultation: Option<Consultation>,
    /// Ring-fenced selection pools: posts of this cluster's teams and the people who
    /// compete for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pools: Vec<Pool>,
}

/// A ring-fenced selection pool: a set of posts and the candidates for them (competitive
/// slot-in where there are more people than posts), each with their result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pool {
    pub name: String,
    /// The posts, by id.
    pub posts: Vec<String>,
    #[serde(default)]
    pub candidates: Vec<Candidate>,
}

/// A person in a selection pool, and how the selection went for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The person, by id.
    pub person: String,
    #[serde(default)]
    pub result: Selection,
}

/// How a selection went for a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Selection {
    /// Not yet decided: ring-fenced.
    #[default]
    Pending,
    /// Appointed to this post of the pool.
    Appointed(String),
    /// Not appointed: at risk.
    NotAppointed,
    /// Withdrew from the pool: at risk.
    Withdrew,
}

impl Selection {
    /// "pending", "appointed to LN-FIN-02", "not appointed", "withdrew".
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Selection::Pending => "pending".to_owned(),
            Selection::Appointed(p) => format!("appointed to {p}"),
            Selection::NotAppointed => "not appointed".to_owned(),
            Selection::Withdrew => "withdrew".to_owned(),
        }
    }

    /// The outcome a result gives the person: still ring-fenced for the pool's first post
    /// while pending; appointed; at risk when not appointed or withdrawn.
    #[must_use]
    pub fn outcome(&self, first_post: &str) -> Outcome {
        match self {
            Selection::Pending => Outcome::RingFencedFor(first_post.into()),
            Selection::Appointed(p) => Outcome::AppointedTo(p.into()),
            Selection::NotAppointed | Selection::Withdrew => Outcome::AtRisk,
        }
    }
}

/// A cluster's members becoming one merged ICB: one statutory body, one board, one
/// allocation, one running-cost target and one employer from `from`. Staff of the members
/// transfer to it by statute on that date: a transfer, not a redundancy, and no cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merger {
    /// The date the merged ICB is established, e.g. 2027-04-01.
    pub from: NaiveDate,
    /// The merged ICB's name, e.g. "NHS Leicester, Leicestershire, Rutland and Northamptonshire ICB".
    pub name: String,
    /// Where it stands: "proposed, awaiting NHS England's decision", "approved".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
}

/// "NHS Northamptonshire Integrated Care Board" -> "Northamptonshire".
#[must_use]
pub fn short_name(name: &str) -> &str {
    let n = name.strip_prefix("NHS ").unwrap_or(name);
    n.strip_suffix(" Integrated Care Board").unwrap_or(n)
}

impl Organisation {
    /// The population on the basis the assumptions use (registered or weighted).
    #[must_use]
    pub fn population_on(&self, basis: PopulationBasis) -> Option<u64> {
        match basis {
            PopulationBasis::Registered => self.population,
            PopulationBasis::Weighted => self.weighted_population,
        }
    }
}

/// Which population the £ per head envelope is applied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PopulationBasis {
    /// GP-registered population (the 2025/26 basis).
    #[default]
    Registered,
    /// Needs-weighted population (what NHS England used for configuration decisions).
    Weighted,
}

impl PopulationBasis {
    /// "registered population" / "weighted population", as every £ per head figure says it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            PopulationBasis::Registered => "registered population",
            PopulationBasis::Weighted => "weighted population",
        }
    }
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
    pub id: Code,
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
    pub org: Code,
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
    pub function: Option<Code>,
    /// The finance cost centre from the staff record, as written there (e.g. `T1234`).
    /// Left out of the file when not known, so files without it read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_centre: Option<String>,
    #[serde(default)]
    pub outcome: Outcome,
    /// When the outcome takes effect. `None` = the target date.
    #[serde(default)]
    pub effective: Option<NaiveDate>,
    /// The site the person is based at (an establishment for collective consultation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Code>,
    /// Why the outcome was decided ("slotted in: the post is 90% the same job").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// An offer of suitable alternative employment, and whether it was refused (boxed: few
    /// people have one, and every person's record is read in each recompute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<Box<AlternativeOffer>>,
}

/// An offer of suitable alternative employment (AfC Section 16): a person who unreasonably
/// refuses one loses their redundancy payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativeOffer {
    /// The post offered, in words or by its id.
    pub post: String,
    pub offered: NaiveDate,
    /// Refused, and the refusal judged unreasonable: no redundancy payment.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refused: bool,
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

impl Scenario {
    /// An empty scenario with the default assumptions.
    #[must_use]
    pub fn empty(name: &str) -> Scenario {
        Scenario {
            name: name.to_owned(),
            notes: String::new(),
            year: String::new(),
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

    /// Makes people who name the same long function, post or site (over 23 bytes, so not kept
    /// inside their record: see [`Code`]) share one copy of it. A file read gives each
    /// person a copy of their own, scattered through memory, and reading 200,000 of them
    /// was most of a full recompute; one shared copy stays in the processor's cache. Called
    /// when a scenario is read or generated, and on the people an import adds. Nothing is
    /// changed but where the text lives: the same names, compared and saved as before.
    pub fn share_names(&mut self) {
        share_names_in(&mut self.people);
    }
}

/// [`Scenario::share_names`] for these people.
pub fn share_names_in(people: &mut [Person]) {
    let mut seen: std::collections::HashSet<Code, rustc_hash::FxBuildHasher> = std::collections::HashSet::default();
    let mut share = |c: &mut Code| {
        if !c.is_heap_allocated() {
            return;
        }
        match seen.get(c.as_str()) {
            Some(first) => *c = first.clone(),
            None => {
                seen.insert(c.clone());
            }
        }
    };
    for p in people {
        if let Some(f) = &mut p.function {
            share(f);
        }
        if let Some(id) = p.outcome.post_mut() {
            share(id);
        }
        if let Some(site) = &mut p.site {
            share(site);
        }
    }
}
