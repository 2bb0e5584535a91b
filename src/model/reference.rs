//! Reference data compiled into the program from `assets/`: the 42 ICBs of 2022–2026 with
//! their 2025/26 populations and running cost allowances, the 26 leadership teams
//! (clusters) of 2025/26, and the Model ICB Blueprint function catalogue. The CSV files
//! name their sources row by row.

use serde::Deserialize;

use crate::model::{Apportionment, Cluster, Disposition, Function, Organisation, PopulationBasis, Scenario};

const ICBS_CSV: &str = include_str!("../../assets/icbs-2022-2026.csv");
const CLUSTERS_CSV: &str = include_str!("../../assets/clusters-2025-26.csv");
const FUNCTIONS_CSV: &str = include_str!("../../assets/functions-blueprint.csv");
const ICBS_2026_CSV: &str = include_str!("../../assets/icbs-2026-on.csv");

#[derive(Deserialize)]
struct IcbRow {
    name: String,
    ods_code: String,
    region: String,
    population: u64,
    population_source_year: String,
    running_cost_gbp: i64,
}

/// A row of the 36 ICBs from 1 April 2026: registered and weighted populations by year.
#[derive(Deserialize)]
struct Icb2026Row {
    ods_code: String,
    allocation_file_code: String,
    name: String,
    region: String,
    pop_2026_27: u64,
    weighted_2026_27: u64,
    pop_2027_28: u64,
    pop_2028_29: u64,
    formed_from: String,
}

#[derive(Deserialize)]
struct ClusterRow {
    cluster: String,
    members: String,
    note: String,
    source: String,
}

#[derive(Deserialize)]
struct FunctionRow {
    function: String,
    disposition: String,
    note: String,
    source: String,
}

fn rows<T: for<'de> Deserialize<'de>>(text: &str) -> Vec<T> {
    // The assets are part of the program and checked by tests; a row that did not parse
    // would be left out rather than stop the program.
    csv::Reader::from_reader(text.as_bytes()).deserialize().filter_map(Result::ok).collect()
}

/// The 42 ICBs (1 July 2022 – 31 March 2026), with no baseline entered yet.
#[must_use]
pub fn icbs() -> Vec<Organisation> {
    rows::<IcbRow>(ICBS_CSV)
        .into_iter()
        .map(|r| Organisation {
            weighted_population: None,
            formed_from: String::new(),
            in_scope: false,
            baseline_is_allowance: false,
            code: r.ods_code,
            name: r.name,
            region: r.region,
            population: Some(r.population),
            population_basis: r.population_source_year,
            running_cost_allowance_pence: Some(r.running_cost_gbp * 100),
            baseline_non_pay_pence: 0,
            planned_non_pay_pence: None,
            planned_non_pay_from: None,
            target_override_pence: None,
            target_note: String::new(),
            sites: Vec::new(),
            consultation: None,
        })
        .collect()
}

/// The 2025/26 leadership teams, one cluster each (stand-alone ICBs are clusters of one).
#[must_use]
pub fn clusters_2025_26() -> Vec<Cluster> {
    rows::<ClusterRow>(CLUSTERS_CSV)
        .into_iter()
        .map(|r| Cluster {
            merger: None,
            name: r.cluster,
            members: r.members.split(';').map(|m| m.trim().to_owned()).filter(|m| !m.is_empty()).collect(),
            apportionment: Apportionment::Population,
            teams: Vec::new(),
            notes: if r.note.is_empty() {
                format!("Source: {}", r.source)
            } else {
                format!("{}. Source: {}", r.note, r.source)
            },
            consultation: None,
            pools: Vec::new(),
        })
        .collect()
}

/// The Model ICB Blueprint function catalogue (pieced together from public summaries; the
/// full list of 18 transferring functions was not published in one place).
#[must_use]
pub fn functions() -> Vec<Function> {
    rows::<FunctionRow>(FUNCTIONS_CSV)
        .into_iter()
        .map(|r| Function {
            disposition: match r.disposition.as_str() {
                "Grow" => Disposition::Grow,
                "TransferToRegion" => Disposition::TransferToRegion,
                "TransferToProviders" => Disposition::TransferToProviders,
                "TransferToNational" => Disposition::TransferToNational,
                "Review" => Disposition::Review,
                _ => Disposition::Retain,
            },
            name: r.function,
            date: None,
            notes: if r.note.is_empty() {
                format!("Source: {}", r.source)
            } else {
                format!("{}. Source: {}", r.note, r.source)
            },
        })
        .collect()
}

/// The years File ▸ New offers, each with its map of ICBs and its populations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReferenceYear {
    /// The 42 ICBs of 1 July 2022 – 31 March 2026, 2025/26 populations and running cost
    /// allowances.
    #[default]
    Y2025,
    /// The 36 ICBs from 1 April 2026, 2026/27 registered and weighted populations.
    Y2026,
    /// The 36 ICBs, 2027/28 registered populations.
    Y2027,
    /// The 36 ICBs, 2028/29 registered populations.
    Y2028,
}

impl ReferenceYear {
    pub const ALL: [ReferenceYear; 4] =
        [ReferenceYear::Y2025, ReferenceYear::Y2026, ReferenceYear::Y2027, ReferenceYear::Y2028];

    /// "2026/27".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ReferenceYear::Y2025 => "2025/26",
            ReferenceYear::Y2026 => "2026/27",
            ReferenceYear::Y2027 => "2027/28",
            ReferenceYear::Y2028 => "2028/29",
        }
    }

    /// What File ▸ New says of the year's map: "the 42 ICBs of 2022–2026, 2025/26 populations".
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            ReferenceYear::Y2025 => "the 42 ICBs of 2022–2026, with 2025/26 populations and running cost allowances",
            ReferenceYear::Y2026 => {
                "the 36 ICBs from 1 April 2026, with 2026/27 registered and weighted populations; running cost allowances not published (enter each)"
            }
            ReferenceYear::Y2027 => {
                "the 36 ICBs from 1 April 2026, with 2027/28 registered populations (weighted populations not in the reference data)"
            }
            ReferenceYear::Y2028 => {
                "the 36 ICBs from 1 April 2026, with 2028/29 registered populations (weighted populations not in the reference data)"
            }
        }
    }

    /// The first year (2025 for 2025/26).
    fn start(self) -> i32 {
        match self {
            ReferenceYear::Y2025 => 2025,
            ReferenceYear::Y2026 => 2026,
            ReferenceYear::Y2027 => 2027,
            ReferenceYear::Y2028 => 2028,
        }
    }

    /// Whether the year's reference data has weighted populations.
    #[must_use]
    pub fn has_weighted(self) -> bool {
        self == ReferenceYear::Y2026
    }

    /// The year's ICBs, with no baseline entered yet.
    #[must_use]
    pub fn icbs(self) -> Vec<Organisation> {
        if self == ReferenceYear::Y2025 {
            return icbs();
        }
        let year = self.label();
        rows::<Icb2026Row>(ICBS_2026_CSV)
            .into_iter()
            .map(|r| {
                let (population, weighted) = match self {
                    ReferenceYear::Y2027 => (r.pop_2027_28, None),
                    ReferenceYear::Y2028 => (r.pop_2028_29, None),
                    _ => (r.pop_2026_27, Some(r.weighted_2026_27)),
                };
                Organisation {
                    code: r.ods_code,
                    name: r.name,
                    region: r.region,
                    population: Some(population),
                    population_basis: format!(
                        "{year} population, NHS England place-based allocation tool 2026/27–2028/29 (practices summed by ICB; allocation file code {})",
                        r.allocation_file_code
                    ),
                    weighted_population: weighted,
                    formed_from: r.formed_from,
                    // Not published for 2026/27: each ICB's is entered by the user.
                    running_cost_allowance_pence: None,
                    baseline_non_pay_pence: 0,
                    planned_non_pay_pence: None,
                    planned_non_pay_from: None,
                    target_override_pence: None,
                    target_note: String::new(),
                    baseline_is_allowance: false,
                    in_scope: false,
                    sites: Vec::new(), consultation: None,
                }
            })
            .collect()
    }

    /// File ▸ New for this year: its ICBs, unclustered, with the function catalogue and the
    /// default assumptions, the trajectory over the financial year (1 April to 31 March;
    /// 2025/26 keeps its end of Q3 target date). Baselines are empty until the committee
    /// enters or imports them.
    #[must_use]
    pub fn new_scenario(self, basis: PopulationBasis) -> Scenario {
        let mut s = Scenario::empty("New scenario");
        s.year = self.label().to_owned();
        s.organisations = self.icbs();
        s.functions = functions();
        s.assumptions.population_basis = if self.has_weighted() { basis } else { PopulationBasis::Registered };
        let y = self.start();
        if self != ReferenceYear::Y2025 {
            let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
            s.assumptions.trajectory_start = d(y, 4, 1);
            s.assumptions.target_date = d(y + 1, 3, 31);
        }
        s.notes = format!(
            "Started from {} (NHS England). Enter each ICB's baseline non-pay and import its staff list.",
            self.describe()
        );
        s
    }
}

/// File ▸ New on the 2025/26 map: the 42 ICBs, unclustered, with the function catalogue
/// and the default assumptions.
#[must_use]
pub fn new_scenario() -> Scenario {
    ReferenceYear::Y2025.new_scenario(PopulationBasis::Registered)
}
