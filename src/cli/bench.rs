//! `bench FILE [--ui] [--import PEOPLE]`: times open, recompute, validation, charts, the
//! pack, an import and window frames; medians of several runs (figures in the README).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use cluster_planner::edit::Document;
use cluster_planner::engine::compute;
use cluster_planner::files::{import, workbook};
use cluster_planner::model::Scenario;
use cluster_planner::report::chart::ChartKind;
use cluster_planner::report::{pack, render};
use cluster_planner::validate::validate;

use super::{Failure, Outcome, load, median_ms};

pub fn run(path: &Path, runs: usize, ui: bool, people: Option<&Path>, compare: &[std::path::PathBuf]) -> Outcome {
    let runs = runs.max(1);
    let mut open = Vec::new();
    let mut recompute = Vec::new();
    let mut validation = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let s = load(path)?;
        let findings = validate(&s);
        let sum = compute(&s);
        open.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box((&findings, &sum));
        last = Some(s);
    }
    let Some(s) = last else {
        return Ok(ExitCode::FAILURE);
    };
    for _ in 0..runs * 5 {
        let t = Instant::now();
        std::hint::black_box(compute(std::hint::black_box(&s)));
        recompute.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        std::hint::black_box(validate(std::hint::black_box(&s)));
        validation.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    out!("{}: {} people, {} posts", path.display(), s.people.len(), s.posts().count())?;
    out!("open (read + parse + validate + compute), median of {runs}: {:.1} ms", median_ms(open))?;
    out!("full recompute, median of {}: {:.2} ms", runs * 5, median_ms(recompute))?;
    out!("validation, median of {}: {:.2} ms", runs * 5, median_ms(validation))?;
    let mut consultation = Vec::new();
    for _ in 0..runs * 5 {
        let t = Instant::now();
        let all = cluster_planner::engine::consultation::establishments(&s);
        let found: usize = all.iter().map(|e| cluster_planner::validate::consultation::findings_of(&s, e).len()).sum();
        std::hint::black_box(found);
        consultation.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    out!("…of which the consultation check, median of {}: {:.2} ms", runs * 5, median_ms(consultation))?;
    let sum = compute(&s);
    let mut svg = Vec::new();
    let mut pdf = Vec::new();
    let o = pack::PackOptions::new("bench.ron");
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(render::chart_svg(ChartKind::CostByIcb, &s, &sum));
        svg.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    for _ in 0..runs.min(11) {
        let t = Instant::now();
        let bytes = pack::board_pack_pdf(&s, &sum, &o);
        pdf.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(bytes.map(|b| b.len()).unwrap_or(0));
    }
    out!("one chart (cost by ICB) to SVG, median of {runs}: {:.2} ms", median_ms(svg))?;
    out!("board pack PDF (compute included separately), median of {}: {:.0} ms", runs.min(11), median_ms(pdf))?;
    if let Some(people) = people {
        bench_import(&s, people, runs.min(11))?;
    }
    if !compare.is_empty() {
        bench_compare(path, compare, runs.min(11))?;
    }
    if ui {
        if !compare.is_empty() {
            let doc = Document::new(s.clone(), Some(path.to_owned()), "");
            let (what, ms) = cluster_planner::ui::bench::compare_frame(doc, compare, 200);
            out!("{what}: {ms:.2} ms")?;
        }
        let doc = Document::new(s, Some(path.to_owned()), "");
        for (what, ms) in cluster_planner::ui::bench::frames(doc, 200) {
            out!("{what}: {ms:.2} ms")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Times a comparison of FILE (the preferred option) with the options given, as File ▸
/// Compare options… makes it: each file read, checked and costed, business as usual made
/// and costed, and the grid's rows; then the change list between FILE and the first option.
fn bench_compare(path: &Path, options: &[std::path::PathBuf], runs: usize) -> Result<(), Failure> {
    use cluster_planner::appraisal::{Candidate, Comparison, Role, business_as_usual};
    let (mut open, mut changes) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let mut all = Vec::new();
        for p in std::iter::once(path).chain(options.iter().map(std::path::PathBuf::as_path)) {
            let s = load(p)?;
            std::hint::black_box(validate(&s));
            all.push(Candidate::new(p.display().to_string(), Role::Alternative, s));
        }
        let base = Candidate::new("Business as usual", Role::BusinessAsUsual, business_as_usual(&all[0].scenario));
        let c = Comparison::new(base, all);
        std::hint::black_box(c.rows());
        open.push(t.elapsed().as_secs_f64() * 1000.0);
        last = Some(c);
    }
    let Some(c) = last else { return Ok(()) };
    let (a, b) = (&c.options[0], &c.options[1]);
    let mut count = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let list = cluster_planner::edit::diff::changes(&a.scenario, &a.summary, &b.scenario, &b.summary);
        changes.push(t.elapsed().as_secs_f64() * 1000.0);
        count = list.count();
    }
    out!(
        "compare {} scenarios: open, check and compute each, business as usual, the grid; median of {runs}: {:.0} ms",
        c.options.len(),
        median_ms(open)
    )?;
    out!("the change list between the first two ({count} changes), median of {runs}: {:.1} ms", median_ms(changes))?;
    Ok(())
}

/// Times an import step by step: read the file, map and check every row, merge with the
/// scenario; and the workbook export of the result.
fn bench_import(s: &Scenario, people: &Path, runs: usize) -> Result<(), Failure> {
    let (mut read, mut prep, mut merge, mut all, mut xlsx) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut imported = None;
    for _ in 0..runs.max(1) {
        let t0 = Instant::now();
        let Ok(table) = import::read_table(people, None) else {
            return Err(Failure::new(format!("cannot read {}", people.display())));
        };
        let t1 = Instant::now();
        let mapping = import::guess(&table);
        let Some(prepared) = import::prepare(&table, &mapping, s, &mut |_| true) else { return Ok(()) };
        let t2 = Instant::now();
        let plan = import::reconcile(s, &prepared);
        let t3 = Instant::now();
        read.push((t1 - t0).as_secs_f64() * 1000.0);
        prep.push((t2 - t1).as_secs_f64() * 1000.0);
        merge.push((t3 - t2).as_secs_f64() * 1000.0);
        all.push((t3 - t0).as_secs_f64() * 1000.0);
        let mut s2 = s.clone();
        s2.people = plan.people;
        imported = Some((s2, prepared.people.len(), table.rows.len()));
    }
    let Some((s2, good, rows)) = imported else { return Ok(()) };
    let sum = compute(&s2);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        std::hint::black_box(workbook::xlsx(&s2, &sum, workbook::Redaction::default())).ok();
        xlsx.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let n = all.len();
    out!("import {}: {rows} rows, {good} imported", people.display())?;
    out!("  read the file, median of {n}: {:.0} ms", median_ms(read))?;
    out!("  map and check every row, median of {n}: {:.0} ms", median_ms(prep))?;
    out!("  merge with the scenario, median of {n}: {:.0} ms", median_ms(merge))?;
    out!("  import in all, median of {n}: {:.0} ms", median_ms(all))?;
    out!("export the workbook ({} people), median of {n}: {:.0} ms", s2.people.len(), median_ms(xlsx))?;
    Ok(())
}
