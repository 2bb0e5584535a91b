//! `format FILE`: rewrites a file in canonical form, atomically (the previous version is
//! kept as .bak).

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::files;

use super::{Failure, Outcome, load};

pub fn run(path: &Path) -> Outcome {
    let s = load(path)?;
    files::save(&s, path).map_err(Failure::new)?;
    Ok(ExitCode::SUCCESS)
}
