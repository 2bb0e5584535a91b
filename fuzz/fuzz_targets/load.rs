//! Any bytes at all: loading must give a scenario or a clear error, never a panic; and a
//! scenario that loads must validate, compute, export and survive a save round trip.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = cluster_planner::files::parse_bytes(Path::new("fuzz.ron"), data) else { return };
    let _ = cluster_planner::validate::validate(&s);
    let sum = cluster_planner::engine::compute(&s);
    let _ = cluster_planner::report::summary_json(&s, &sum);
    let _ = cluster_planner::report::svg::chart_svg(&cluster_planner::report::chart::ChartKind::CostByIcb.build(&s, &sum));
    let text = cluster_planner::files::to_string(&s);
    let again = cluster_planner::files::parse_str(Path::new("fuzz.ron"), &text).expect("a saved scenario loads");
    assert_eq!(again, s);
});
