//! `check FILE`: the validation findings. Exit 1 when there are errors, 2 when the file
//! cannot be read.

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::validate::{Severity, counts_text, validate};

use super::{Outcome, load};

pub fn run(path: &Path) -> Outcome {
    let s = load(path)?;
    let findings = validate(&s);
    for f in &findings {
        out!("{f}")?;
    }
    out!("{}: {}", path.display(), counts_text(&findings))?;
    Ok(if findings.iter().any(|f| f.severity == Severity::Error) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
