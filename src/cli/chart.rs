//! `chart FILE --chart NAME (--svg OUT | --png OUT)`: one chart as SVG or PNG.

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::engine::compute;
use cluster_planner::report::chart::ChartKind;
use cluster_planner::report::render;

use super::{Failure, Outcome, load, write_out};

pub fn run(path: &Path, chart: &str, svg: Option<&Path>, png: Option<&Path>, width: u32) -> Outcome {
    let s = load(path)?;
    let sum = compute(&s);
    let kind = ChartKind::parse(chart).ok_or_else(|| Failure::new(format!("no chart called {chart}")))?;
    match (svg, png) {
        (Some(out), _) => write_out(out, render::chart_svg(kind, &s, &sum).as_bytes()),
        (None, Some(out)) => write_out(out, &render::chart_png(kind, &s, &sum, width).map_err(Failure::new)?),
        (None, None) => Ok(ExitCode::FAILURE),
    }
}
