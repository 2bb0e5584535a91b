//! Step 4: the good rows against the scenario: people added, people who left, people whose
//! details changed, every decision about those who stay kept; and the report of it all.

use std::collections::{HashMap, HashSet};

use super::fields::Field;
use super::prepare::{Level, Prepared};
use super::read::Table;
use crate::model::money::format_pounds_pence;
use crate::model::{Outcome, Person, Scenario};

/// What changed for one person who stays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    /// "Band 7 → Band 8a", "WTE 1.00 → 0.80", "salary £54,710.00 → £58,487.00".
    pub what: Vec<String>,
}

/// The people list after an import, and how it differs from before.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// The scenario's whole new list of people.
    pub people: Vec<Person>,
    /// In the extract, not in the scenario.
    pub added: Vec<String>,
    /// In the scenario (for an ICB the extract covers), not in the extract: removed.
    pub left: Vec<String>,
    /// Not in the extract but kept, because their exit (redundancy, MARS, redeployment or
    /// transfer) is already recorded and its cost must stay in the figures.
    pub kept_leavers: Vec<String>,
    pub changed: Vec<Change>,
    pub unchanged: usize,
    /// People who remain with a decision already made (an outcome other than not affected).
    pub decisions_kept: usize,
    /// Of the changes: how many changed band, WTE, salary.
    pub band_changes: usize,
    pub wte_changes: usize,
    pub salary_changes: usize,
}

impl Plan {
    /// One line for the preview, the command line and the Undo menu.
    #[must_use]
    pub fn headline(&self) -> String {
        let n = crate::model::money::format_count;
        format!(
            "{} added, {} left, {} changed ({} band, {} WTE, {} salary), {} unchanged; decisions kept for {} {}",
            n(self.added.len()),
            n(self.left.len()),
            n(self.changed.len()),
            n(self.band_changes),
            n(self.wte_changes),
            n(self.salary_changes),
            n(self.unchanged),
            n(self.decisions_kept),
            if self.decisions_kept == 1 { "person" } else { "people" }
        )
    }
}

/// Merges the good rows into the scenario's people.
///
/// - A person in both keeps their outcome and its date (every decision made stays); the
///   fields the mapping covers are updated from the extract; the rest stay as they were.
/// - A person in the extract only is added (not affected), after the people already there.
/// - A person of an ICB the extract covers who is not in it has left and is removed —
///   unless their exit is already recorded (redundancy, MARS, redeployment, transfer): a
///   newer extract no longer lists people who have gone, but their cost must stay.
/// - People of other ICBs are untouched, so each ICB's extract can be imported in turn.
#[must_use]
pub fn reconcile(s: &Scenario, prepared: &Prepared) -> Plan {
    let mut plan = Plan::default();
    let covered: HashSet<&str> = prepared.orgs.iter().map(String::as_str).collect();
    let incoming: HashMap<&str, &Person> = prepared.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let has = |f: Field| prepared.fields.contains(&f);
    let mut matched: HashSet<&str> = HashSet::new();
    for old in &s.people {
        match incoming.get(old.id.as_str()) {
            Some(new) => {
                matched.insert(new.id.as_str());
                let mut p = old.clone();
                let mut what = Vec::new();
                if has(Field::Org) && p.org != new.org {
                    what.push(format!("ICB {} → {}", p.org, new.org));
                    p.org.clone_from(&new.org);
                }
                if has(Field::Grade) && p.grade != new.grade {
                    what.push(format!("{} → {}", p.grade, new.grade));
                    p.grade = new.grade.clone();
                    plan.band_changes += 1;
                }
                if has(Field::Wte) && p.wte != new.wte {
                    what.push(format!("WTE {} → {}", p.wte, new.wte));
                    p.wte = new.wte;
                    plan.wte_changes += 1;
                }
                if p.salary_pence != new.salary_pence {
                    what.push(format!(
                        "salary {} → {}",
                        format_pounds_pence(p.salary_pence),
                        format_pounds_pence(new.salary_pence)
                    ));
                    p.salary_pence = new.salary_pence;
                    plan.salary_changes += 1;
                }
                if has(Field::Title) && p.title != new.title {
                    what.push(format!("title \"{}\" → \"{}\"", p.title, new.title));
                    p.title.clone_from(&new.title);
                }
                if has(Field::Service) && p.service_years != new.service_years {
                    what.push(format!("service {} → {} years", p.service_years, new.service_years));
                    p.service_years = new.service_years;
                }
                if (has(Field::Name) || has(Field::FirstName) || has(Field::LastName)) && p.name != new.name {
                    what.push("name".into());
                    p.name.clone_from(&new.name);
                }
                if has(Field::Function) && p.function != new.function {
                    what.push(format!(
                        "function {} → {}",
                        p.function.as_deref().unwrap_or("none"),
                        new.function.as_deref().unwrap_or("none")
                    ));
                    p.function.clone_from(&new.function);
                }
                if has(Field::CostCentre) && p.cost_centre != new.cost_centre {
                    what.push(format!(
                        "cost centre {} → {}",
                        p.cost_centre.as_deref().unwrap_or("none"),
                        new.cost_centre.as_deref().unwrap_or("none")
                    ));
                    p.cost_centre.clone_from(&new.cost_centre);
                }
                if has(Field::Site) && p.site != new.site {
                    what.push(format!(
                        "site {} → {}",
                        p.site.as_deref().unwrap_or("none"),
                        new.site.as_deref().unwrap_or("none")
                    ));
                    p.site.clone_from(&new.site);
                }
                if p.outcome != Outcome::NotAffected {
                    plan.decisions_kept += 1;
                }
                if what.is_empty() {
                    plan.unchanged += 1;
                } else {
                    plan.changed.push(Change { id: p.id.clone(), what });
                }
                plan.people.push(p);
            }
            None if covered.contains(old.org.as_str()) => {
                if old.outcome.is_exit() {
                    plan.kept_leavers.push(old.id.clone());
                    plan.people.push(old.clone());
                } else {
                    plan.left.push(old.id.clone());
                }
            }
            None => plan.people.push(old.clone()),
        }
    }
    for p in &prepared.people {
        if !matched.contains(p.id.as_str()) {
            plan.added.push(p.id.clone());
            plan.people.push(p.clone());
        }
    }
    // The people read from the staff list share their long names with those already here.
    crate::model::share_names_in(&mut plan.people);
    plan
}

/// A report for the command line: how the file was read, each problem, and the changes.
#[must_use]
pub fn report_text(table: &Table, prepared: &Prepared, plan: Option<&Plan>) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}; column names on row {}; {} rows",
        table.file,
        table.format,
        table.header_line,
        table.rows.len()
    );
    for b in &prepared.blocking {
        let _ = writeln!(out, "{}: cannot import: {b}", table.file);
    }
    for i in &prepared.issues {
        let _ = writeln!(out, "{}: {i}", table.file);
    }
    let _ = writeln!(
        out,
        "{} rows ready to import, {} left out with errors, {} warnings",
        prepared.people.len(),
        prepared.skipped,
        prepared.count(Level::Warning)
    );
    if let Some(plan) = plan {
        let _ = writeln!(out, "{}", plan.headline());
        for c in &plan.changed {
            let _ = writeln!(out, "  changed {}: {}", c.id, c.what.join("; "));
        }
        for id in &plan.left {
            let _ = writeln!(out, "  left {id}");
        }
        for id in &plan.kept_leavers {
            let _ = writeln!(out, "  kept {id}: not in the extract, but their exit is recorded");
        }
    }
    out
}
