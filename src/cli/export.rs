//! `export FILE (--xlsx OUT | --csv OUT)`: the workbook, or people and outcomes as CSV.

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::engine::compute;
use cluster_planner::files::workbook::{self, Redaction};

use super::{Failure, Outcome, load, write_out};

pub fn run(path: &Path, xlsx: Option<&Path>, csv: Option<&Path>, no_names: bool, no_salaries: bool) -> Outcome {
    let s = load(path)?;
    let sum = compute(&s);
    let r = Redaction { names: no_names, salaries: no_salaries };
    match (xlsx, csv) {
        (Some(out), _) => write_out(out, &workbook::xlsx(&s, &sum, r).map_err(Failure::new)?),
        (None, Some(out)) => write_out(out, &workbook::people_csv(&s, &sum, r)),
        (None, None) => Ok(ExitCode::FAILURE),
    }
}
