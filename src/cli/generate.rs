//! `generate NAME OUT [--people N]`: writes one of the example scenarios (the stress file
//! at any size).

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::{examples, files};

use super::{Failure, Outcome};

pub fn run(name: &str, out: &Path, people: Option<usize>) -> Outcome {
    let s = match people {
        Some(n) if name == "england-stress-25k" => examples::england_stress_of(n),
        Some(_) => return Err(Failure::new(format!("--people is for england-stress-25k, not {name}"))),
        None => examples::by_name(name).ok_or_else(|| Failure::new(format!("no example called {name}")))?,
    };
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
