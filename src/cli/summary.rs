//! `summary FILE [--json]`: the per-ICB and per-cluster table (or JSON, money in pence).

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::engine::compute;
use cluster_planner::report;
use cluster_planner::validate::{counts, counts_text, validate};

use super::{Failure, Outcome, load};

pub fn run(path: &Path, json: bool) -> Outcome {
    let s = load(path)?;
    let sum = compute(&s);
    if json {
        let text = serde_json::to_string_pretty(&report::summary_json(&s, &sum)).map_err(Failure::new)?;
        out!("{text}")?;
    } else {
        out_str!("{}", report::summary_table(&s, &sum))?;
        let findings = validate(&s);
        let (errors, warnings, _) = counts(&findings);
        if errors + warnings > 0 {
            eprintln!("{}: run `cluster-planner check {}` to list them", counts_text(&findings), path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
