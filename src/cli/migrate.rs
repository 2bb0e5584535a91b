//! `migrate FILE --out OUT [--rules RULES.csv] [--report REPORT.csv]`: moves a 2025/26
//! scenario onto the 36 ICBs of 1 April 2026. ICBs that merged whole go across on their
//! own; the people of the three split ICBs go where the rules say (lines `split ICB,cost
//! centre,successor`, `*` for everyone else). Prints every person's old and new ICB (or
//! writes them to the report). Exit 1, writing nothing, when a person is not placed.

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::model::migrate::{SplitRules, split_of, to_2026_map};

use super::{Failure, Outcome, load, write_out};

pub fn run(path: &Path, out: &Path, rules: Option<&Path>, report: Option<&Path>) -> Outcome {
    let s = load(path)?;
    let rules = match rules {
        None => SplitRules::default(),
        Some(r) => {
            let text = std::fs::read_to_string(r).map_err(|e| Failure::unreadable(format!("{}: {e}", r.display())))?;
            SplitRules::from_csv(&text).map_err(|e| Failure::new(format!("{}: {e}", r.display())))?
        }
    };
    match to_2026_map(&s, &rules) {
        Err(unplaced) => {
            let mut by_icb: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
            for m in &unplaced {
                *by_icb.entry(m.from.as_str()).or_default() += 1;
            }
            for (icb, n) in &by_icb {
                let parts = split_of(icb).map(|sp| {
                    sp.parts.iter().map(|p| format!("{} ({})", p.successor, p.what)).collect::<Vec<_>>().join(", ")
                });
                out!("{icb}: {n} people not placed; its parts went to {}", parts.unwrap_or_default())?;
            }
            Err(Failure::new(format!(
                "{} people of split ICBs are not placed: give --rules lines such as QM7,<cost centre>,S1Y5D or QM7,*,S1Y5D; nothing written",
                unplaced.len()
            )))
        }
        Ok(m) => {
            let text = cluster_planner::files::to_string(&m.scenario);
            write_out(out, text.as_bytes())?;
            for n in &m.notes {
                out!("note: {n}")?;
            }
            match report {
                Some(r) => {
                    write_out(r, m.report_csv().as_bytes())?;
                    out!("every person's old and new ICB: {}", r.display())?;
                }
                None => out_str!("{}", m.report_csv())?,
            }
            out!("{}: {} people moved onto the 36 ICBs of 2026/27", out.display(), m.people.len())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
