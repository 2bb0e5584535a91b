//! `report FILE --pdf OUT`: the board pack as a PDF (A4 landscape).

use std::path::Path;

use cluster_planner::engine::compute;
use cluster_planner::report::pack::{PackOptions, board_pack_pdf};

use super::{Failure, Outcome, load, write_out};

/// The pack's options for a file: its name in the footer, the marking, redaction.
pub fn pack_options(path: &Path, redacted: bool, marking: &str) -> PackOptions {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut o = PackOptions::new(&name);
    o.redacted = redacted;
    marking.clone_into(&mut o.marking);
    o
}

pub fn run(path: &Path, pdf: &Path, redacted: bool, marking: &str) -> Outcome {
    let s = load(path)?;
    let sum = compute(&s);
    let bytes = board_pack_pdf(&s, &sum, &pack_options(path, redacted, marking)).map_err(Failure::new)?;
    write_out(pdf, &bytes)
}
