//! No command: the window, on FILE or the built-in example.

use std::process::ExitCode;

use cluster_planner::ui::{WindowOptions, run as run_window};

use super::{Failure, Outcome};

pub fn run(o: WindowOptions) -> Outcome {
    let check = o.screenshot.clone();
    run_window(o).map_err(|e| Failure::new(format!("cannot open the window: {e}")))?;
    match check {
        Some(out) if !out.is_file() => Err(Failure::new(format!("the screenshot {} was not written", out.display()))),
        _ => Ok(ExitCode::SUCCESS),
    }
}
