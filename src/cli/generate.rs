//! `generate NAME OUT [--people N]`: writes one of the example scenarios (the stress file
//! at any size).

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::{examples, files};

use super::{Failure, Outcome};

pub fn run(name: &str, out: &Path, people: Option<usize>, option: Option<u64>) -> Outcome {
    let mut s = match people {
        Some(n) if name == "england-stress-25k" => examples::england_stress_of(n),
        Some(_) => return Err(Failure::new(format!("--people is for england-stress-25k, not {name}"))),
        None => examples::by_name(name).ok_or_else(|| Failure::new(format!("no example called {name}")))?,
    };
    match option {
        Some(k) if name == "england-stress-25k" => s = examples::stress_option(&s, k),
        Some(_) => return Err(Failure::new(format!("--option is for england-stress-25k, not {name}"))),
        None => {}
    }
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
