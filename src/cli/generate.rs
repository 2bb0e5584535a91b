//! `generate NAME OUT`: writes one of the example scenarios.

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::{examples, files};

use super::{Failure, Outcome};

pub fn run(name: &str, out: &Path) -> Outcome {
    let s = examples::by_name(name).ok_or_else(|| Failure::new(format!("no example called {name}")))?;
    files::save(&s, out).map_err(Failure::new)?;
    out!(
        "{}: {} ICBs, {} clusters, {} people",
        out.display(),
        s.organisations.len(),
        s.clusters.len(),
        s.people.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
