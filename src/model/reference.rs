//! Reference data compiled into the program from `assets/`: the 42 ICBs of 2022–2026 with
//! their 2025/26 populations and running cost allowances, the 26 leadership teams
//! (clusters) of 2025/26, and the Model ICB Blueprint function catalogue. The CSV files
//! name their sources row by row.

use serde::Deserialize;

use crate::model::{Apportionment, Cluster, Disposition, Function, Organisation, Scenario};

const ICBS_CSV: &str = include_str!("../../assets/icbs-2022-2026.csv");
const CLUSTERS_CSV: &str = include_str!("../../assets/clusters-2025-26.csv");
const FUNCTIONS_CSV: &str = include_str!("../../assets/functions-blueprint.csv");

#[derive(Deserialize)]
struct IcbRow {
    name: String,
    ods_code: String,
    region: String,
    population: u64,
    population_source_year: String,
    running_cost_gbp: i64,
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
        })
        .collect()
}

/// The 2025/26 leadership teams, one cluster each (stand-alone ICBs are clusters of one).
#[must_use]
pub fn clusters_2025_26() -> Vec<Cluster> {
    rows::<ClusterRow>(CLUSTERS_CSV)
        .into_iter()
        .map(|r| Cluster {
            name: r.cluster,
            members: r.members.split(';').map(|m| m.trim().to_owned()).filter(|m| !m.is_empty()).collect(),
            apportionment: Apportionment::Population,
            teams: Vec::new(),
            notes: if r.note.is_empty() {
                format!("Source: {}", r.source)
            } else {
                format!("{}. Source: {}", r.note, r.source)
            },
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

/// File ▸ New: the 42 ICBs, unclustered, with the function catalogue and the default
/// assumptions. Baselines are empty until the committee enters or imports them.
#[must_use]
pub fn new_scenario() -> Scenario {
    let mut s = Scenario::empty("New scenario");
    s.notes = "Started from the 42 ICBs of 2022-2026 (NHS England 2025/26 allocations). Enter each ICB's baseline \
               non-pay and import its staff list."
        .to_owned();
    s.organisations = icbs();
    s.functions = functions();
    s
}
