//! `print FILE [--printer NAME]`: prints the board pack on a printer.

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::engine::compute;
use cluster_planner::report::pack::board_pack_pdf;
use cluster_planner::report::print::{Paper, print_bytes};

use super::report::pack_options;
use super::{Failure, Outcome, load};

pub fn run(path: &Path, printer: Option<&str>, copies: u32, paper: &str, redacted: bool) -> Outcome {
    let s = load(path)?;
    let sum = compute(&s);
    let bytes =
        board_pack_pdf(&s, &sum, &pack_options(path, redacted, "OFFICIAL-SENSITIVE — DRAFT")).map_err(Failure::new)?;
    let paper = if paper == "Letter" { Paper::Letter } else { Paper::A4 };
    let msg = print_bytes(&bytes, "board-pack-", printer, copies, paper).map_err(Failure::new)?;
    out!("{msg}")?;
    Ok(ExitCode::SUCCESS)
}
