//! `compare A.ron B.ron … [--base BAU.ron] [--roles R,R,…] [--json]`: options side by side
//! against a base (business as usual from the first option's baseline, or the file given),
//! with each option's net saving, net present value and the steps from the base's cost.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cluster_planner::appraisal::{Appraised, Candidate, Comparison, Role, business_as_usual};
use cluster_planner::edit::diff::changes as changes_between;
use cluster_planner::model::money::{format_change, format_pounds};
use cluster_planner::report::pack::{PackOptions, board_pack_with_options_pdf};

use super::{Failure, Outcome, load};

fn name_of(p: &Path) -> String {
    p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// What `compare` writes besides its table.
pub struct Outputs {
    pub json: bool,
    pub xlsx: Option<PathBuf>,
    pub pdf: Option<PathBuf>,
    pub changes: bool,
}

pub fn run(files: &[PathBuf], base: Option<&Path>, roles: &[String], out: Outputs) -> Outcome {
    // One file compares against its own business as usual, or against --base.
    if !(1..=8).contains(&files.len()) {
        return Err(Failure::new("compare takes 1 to 8 scenario files"));
    }
    for (i, f) in files.iter().enumerate() {
        if files[..i].contains(f) {
            eprintln!("note: {} is given twice: both columns are the same scenario", f.display());
        }
    }
    if !roles.is_empty() && roles.len() != files.len() {
        return Err(Failure::new(format!("--roles gives {} roles for {} files", roles.len(), files.len())));
    }
    let mut options = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let role = match roles.get(i) {
            Some(r) => match Role::parse(r).map_err(Failure::new)? {
                Role::BusinessAsUsual => {
                    return Err(Failure::new("bau is the base's role: give the business as usual file with --base"));
                }
                role => role,
            },
            None if i == 0 => Role::Preferred,
            None => Role::Alternative,
        };
        options.push(Candidate::new(name_of(f), role, load(f)?));
    }
    let base = match base {
        Some(b) => Candidate::new(name_of(b), Role::BusinessAsUsual, load(b)?),
        None => {
            let s = business_as_usual(&options[0].scenario);
            Candidate::new(format!("business as usual (the baseline of {})", options[0].name), Role::BusinessAsUsual, s)
        }
    };
    let c = Comparison::new(base, options);
    if let Some(path) = &out.xlsx {
        let bytes = cluster_planner::appraisal::export::options_xlsx(&c).map_err(Failure::new)?;
        super::write_out(path, &bytes)?;
    }
    if let Some(path) = &out.pdf {
        let first = &c.options[0];
        let o = PackOptions::new(&first.name);
        let bytes = board_pack_with_options_pdf(&first.scenario, &first.summary, &o, &c)
            .map_err(|e| Failure::new(e.to_string()))?;
        super::write_out(path, &bytes)?;
    }
    if out.json {
        out!("{}", serde_json::to_string_pretty(&cluster_planner::report::comparison_json(&c)).unwrap_or_default())?;
        return Ok(ExitCode::SUCCESS);
    }
    table(&c)?;
    if out.changes {
        changes(&c)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One figure of an option, as a row of the table reads it.
type Get = fn(&Appraised) -> Option<i64>;

fn table(c: &Comparison) -> Result<(), Failure> {
    let all: Vec<&Candidate> = std::iter::once(&c.base).chain(&c.options).collect();
    let appraised: Vec<_> = all.iter().map(|x| c.appraise(x)).collect();
    out!(
        "Options against {} · net present value over {} years at {} (HM Treasury Green Book)",
        c.base.name,
        c.years,
        c.rate
    )?;
    if !c.coverage.same() {
        out!(
            "Compared on the {} ICBs common to all (merged ICBs counted ICB by ICB); not common:",
            c.coverage.common.len()
        )?;
        for (n, codes) in c.coverage.only_in.iter().filter(|(_, codes)| !codes.is_empty()) {
            out!("  {n}: {}", codes.join(", "))?;
        }
    }
    out!()?;
    // A column holds a figure and its difference from the base: "£1,352,867,806 (−£562,941,307)".
    const W: usize = 36;
    let mut head = format!("{:<34}", "");
    for x in &all {
        head += &format!(" {:>W$}", shorten(&x.name, W));
    }
    out!("{head}")?;
    let mut roles = format!("{:<34}", "");
    for x in &all {
        roles += &format!(" {:>W$}", x.role.label());
    }
    out!("{roles}")?;
    let rows: [(&str, Get); 10] = [
        ("Baseline", |a| Some(a.line.baseline)),
        ("Planned running cost", |a| Some(a.line.planned)),
        ("Target", |a| a.line.target),
        ("Still to save", |a| Some(a.line.still_to_save)),
        ("Surplus", |a| Some(a.line.surplus)),
        ("Moved out, not saved", |a| Some(a.line.transferred_out)),
        ("One-off costs", |a| Some(a.one_off)),
        ("Net recurrent saving vs base", |a| Some(a.net_saving)),
        ("Net present value", |a| Some(a.npv)),
        ("Payback (months)", |a| a.payback_months),
    ];
    for (label, get) in &rows {
        let mut line = format!("{label:<34}");
        let base = get(&appraised[0]);
        for (i, a) in appraised.iter().enumerate() {
            let v = get(a);
            let cell = match (v, label.starts_with("Payback")) {
                (None, _) => "—".to_owned(),
                (Some(v), true) => v.to_string(),
                (Some(v), false) if i == 0 => format_pounds(v),
                (Some(v), false) => match base {
                    Some(b) if b != v => format!("{} ({})", format_pounds(v), format_change(v - b)),
                    _ => format_pounds(v),
                },
            };
            line += &format!(" {cell:>W$}");
        }
        out!("{line}")?;
    }
    for (x, a) in all.iter().zip(&appraised).skip(1) {
        out!()?;
        out!("From the base's cost to {}:", x.name)?;
        let w = a.waterfall;
        out!("  {:<48} {:>16}", "The base's planned running cost", format_pounds(w.base))?;
        for (label, v) in w.steps() {
            out!("  {label:<48} {:>16}", format_change(v))?;
        }
        out!("  {:<48} {:>16}", "This option's planned running cost", format_pounds(w.option))?;
    }
    Ok(())
}

/// Every change from the base to each option, group by group.
fn changes(c: &Comparison) -> Result<(), Failure> {
    for o in &c.options {
        out!()?;
        let list = changes_between(&c.base.scenario, &c.base.summary, &o.scenario, &o.summary);
        out!("What changed from {} to {}: {} changes", c.base.name, o.name, list.count())?;
        for g in &list.groups {
            let mut head = format!("  {} ({})", g.heading(), g.items.len());
            if let Some(v) = g.cost() {
                head += &format!(", running cost {} a year", format_change(v));
            }
            if let Some(v) = g.one_off().filter(|v| *v != 0) {
                head += &format!(", one-off {}", format_change(v));
            }
            out!("{head}")?;
            for i in &g.items {
                let what = match (i.from.is_empty(), i.to.is_empty()) {
                    (true, _) => i.to.clone(),
                    (_, true) => i.from.clone(),
                    _ => format!("{} → {}", i.from, i.to),
                };
                out!("    {}: {what}", i.what)?;
            }
        }
    }
    Ok(())
}

fn shorten(s: &str, n: usize) -> String {
    cluster_planner::report::style::shorten(s, n)
}
