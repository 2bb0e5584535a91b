//! `summary --json` on every example gives, byte for byte, the figures in tests/golden/. They
//! were written before the code was reorganised into wings (which changed no figure) and
//! change only where the figures are meant to: tests/golden/README.md lists each change. The
//! 25,000-person file is generated here, as CI does.

use std::path::Path;

use cluster_planner::engine::compute;
use cluster_planner::model::Scenario;
use cluster_planner::{examples, files, report};

/// What `summary --json` prints: pretty JSON and a newline.
fn summary_json_text(s: &Scenario) -> String {
    format!("{}\n", serde_json::to_string_pretty(&report::summary_json(s, &compute(s))).unwrap())
}

fn golden(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(format!("{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_committed_example_summarises_as_fixed() {
    for name in ["lnr-cluster", "west-midlands", "national-2025-26", "national-2026-27", "lnr-merger-2027"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves").join(format!("{name}.ron"));
        let s = files::load(&path).unwrap();
        assert!(summary_json_text(&s) == golden(name), "{name}: summary --json differs from tests/golden/{name}.json");
    }
}

#[test]
fn the_generated_stress_file_summarises_as_fixed() {
    // As CI makes it: generated, written and read back.
    let text = files::to_string(&examples::england_stress());
    let s = files::parse_str(Path::new("england-stress-25k.ron"), &text).unwrap();
    assert!(s.people.len() > 24_000, "the stress file has about 25,000 people: {}", s.people.len());
    assert!(
        summary_json_text(&s) == golden("england-stress-25k"),
        "england-stress-25k: summary --json differs from tests/golden/england-stress-25k.json"
    );
}
