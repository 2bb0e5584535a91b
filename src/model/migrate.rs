//! Moving a 2025/26 scenario (the 42 ICBs of 2022–2026) onto the map of 1 April 2026 (the
//! 36 ICBs). ICBs that merged whole go across on their own: their people, non-pay, cluster
//! places and hosted posts become their successor's. Three ICBs were split between
//! successors (Hertfordshire and West Essex, Suffolk and North East Essex, Frimley): their
//! people go where the user says, by cost centre, in bulk; their non-pay is split by the
//! populations of the parts. Nothing is dropped: every person is in the report with their
//! old and new ICB, and a person no rule places stops the move until one does.

use std::collections::BTreeMap;

use super::money::split_by_weights;
use super::reference::ReferenceYear;
use super::{Apportionment, Organisation, Scenario, Share};

/// One part of a split ICB: who took it, what it was, and its 2025/26 population.
#[derive(Debug)]
pub struct SplitPart {
    pub successor: &'static str,
    pub what: &'static str,
    pub population_2025_26: u64,
}

/// An ICB of 2022–2026 split between successors on 1 April 2026.
#[derive(Debug)]
pub struct Split {
    pub predecessor: &'static str,
    pub parts: &'static [SplitPart],
}

/// The three splits, with the populations of the parts (domain-2026.md §1: DERIVED from
/// NHS England's 2025/26 practice file summed by 2026 ICB; each set adds up to its
/// predecessor's 2025/26 population). The largest part comes first: the successor that
/// takes the predecessor's place in a cluster and hosts its posts.
pub const SPLITS: [Split; 3] = [
    Split {
        predecessor: "QM7",
        parts: &[
            SplitPart {
                successor: "S1Y5D",
                what: "Hertfordshire (06K East and North Hertfordshire, 06N Herts Valleys)",
                population_2025_26: 637_275 + 693_481,
            },
            SplitPart { successor: "D7T5G", what: "West Essex (07H)", population_2025_26: 335_862 },
        ],
    },
    Split {
        predecessor: "QJG",
        parts: &[
            SplitPart {
                successor: "T6Y0W",
                what: "Suffolk (06L Ipswich and East Suffolk, 07K West Suffolk)",
                population_2025_26: 429_983 + 271_297,
            },
            SplitPart { successor: "D7T5G", what: "North East Essex (06T)", population_2025_26: 379_575 },
        ],
    },
    Split {
        predecessor: "QNQ",
        parts: &[
            SplitPart { successor: "S0E4D", what: "Berkshire East", population_2025_26: 499_988 },
            SplitPart { successor: "QRL", what: "Hart and Rushmoor", population_2025_26: 194_823 },
            SplitPart { successor: "S9B9J", what: "Surrey Heath and Farnham", population_2025_26: 155_703 },
        ],
    },
];

/// The split of a 2022–26 ICB, if it was split.
#[must_use]
pub fn split_of(code: &str) -> Option<&'static Split> {
    SPLITS.iter().find(|s| s.predecessor == code)
}

/// Where each 2022–26 ICB that went across whole (or unchanged) went, read from the
/// reference data's "formed from" ("QHG (whole); QUE (whole); QM7 part: …").
#[must_use]
pub fn whole_successors() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for o in ReferenceYear::Y2026.icbs() {
        for item in o.formed_from.split(';').map(str::trim) {
            let Some((code, rest)) = item.split_once(' ') else { continue };
            if rest.starts_with("(whole)") || rest.starts_with("(unchanged)") {
                out.insert(code.to_owned(), o.code.clone());
            }
        }
    }
    out
}

/// Where the people of the split ICBs go: by cost centre, and everyone else of that ICB.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitRules {
    /// (split ICB, cost centre) -> successor
    pub by_cost_centre: BTreeMap<(String, String), String>,
    /// split ICB -> successor for its people no cost-centre rule places
    pub everyone_else: BTreeMap<String, String>,
}

impl SplitRules {
    /// Reads rules from CSV lines `split ICB,cost centre,successor`, with `*` as the cost
    /// centre for everyone else. Says which line is wrong and why.
    pub fn from_csv(text: &str) -> Result<SplitRules, String> {
        let mut rules = SplitRules::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || n == 0 && line.to_lowercase().starts_with("split") {
                continue;
            }
            let cells: Vec<&str> = line.split(',').map(str::trim).collect();
            let [from, cc, to] = cells[..] else {
                return Err(format!("line {}: expected split ICB,cost centre,successor", n + 1));
            };
            let Some(split) = split_of(from) else {
                return Err(format!("line {}: {from} is not one of the split ICBs (QM7, QJG, QNQ)", n + 1));
            };
            if !split.parts.iter().any(|p| p.successor == to) {
                let took: Vec<&str> = split.parts.iter().map(|p| p.successor).collect();
                return Err(format!(
                    "line {}: {to} took no part of {from} (its parts went to {})",
                    n + 1,
                    took.join(", ")
                ));
            }
            if cc == "*" {
                rules.everyone_else.insert(from.to_owned(), to.to_owned());
            } else {
                rules.by_cost_centre.insert((from.to_owned(), cc.to_owned()), to.to_owned());
            }
        }
        Ok(rules)
    }
}

/// One person's move: their old ICB, their new one (`None`: no rule places them yet), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub id: String,
    pub name: Option<String>,
    pub from: String,
    pub to: Option<String>,
    pub how: String,
}

/// The scenario on the 2026 map, every person's move, and what else was decided.
#[derive(Debug, Clone)]
pub struct Migration {
    pub scenario: Scenario,
    pub people: Vec<Moved>,
    pub notes: Vec<String>,
}

impl Migration {
    /// The report as CSV: one row a person, old and new ICB and why.
    #[must_use]
    pub fn report_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(["Assignment number", "Name", "ICB before", "ICB from 1 April 2026", "How"]);
        for m in &self.people {
            let _ = w.write_record([
                m.id.as_str(),
                m.name.as_deref().unwrap_or(""),
                m.from.as_str(),
                m.to.as_deref().unwrap_or("not placed"),
                m.how.as_str(),
            ]);
        }
        w.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
    }
}

/// Each person's move under the rules (no change made).
#[must_use]
pub fn moves(s: &Scenario, rules: &SplitRules) -> Vec<Moved> {
    let whole = whole_successors();
    s.people
        .iter()
        .map(|p| {
            let (to, how) = if let Some(to) = whole.get(p.org.as_str()) {
                let how = if *to == p.org { "unchanged" } else { "merged whole" };
                (Some(to.clone()), how.to_owned())
            } else if split_of(p.org.as_str()).is_some() {
                let cc = p.cost_centre.clone().unwrap_or_default();
                match rules.by_cost_centre.get(&(p.org.to_string(), cc.clone())) {
                    Some(to) => (Some(to.clone()), format!("split: cost centre {cc}")),
                    None => match rules.everyone_else.get(p.org.as_str()) {
                        Some(to) => (Some(to.clone()), "split: everyone else".to_owned()),
                        None => (None, "split: no rule places this person yet".to_owned()),
                    },
                }
            } else {
                (Some(p.org.to_string()), "not an ICB of 2022–2026: left as it was".to_owned())
            };
            Moved { id: p.id.clone(), name: p.name.clone(), from: p.org.to_string(), to, how }
        })
        .collect()
}

/// The scenario moved onto the 36 ICBs with 2026/27 populations, or the people no rule
/// places yet.
pub fn to_2026_map(s: &Scenario, rules: &SplitRules) -> Result<Migration, Vec<Moved>> {
    let people = moves(s, rules);
    let unplaced: Vec<Moved> = people.iter().filter(|m| m.to.is_none()).cloned().collect();
    if !unplaced.is_empty() {
        return Err(unplaced);
    }
    let whole = whole_successors();
    let mut notes = Vec::new();
    // Where a predecessor's place in a cluster, its posts and its one-of-a-kind figures go.
    let principal = |code: &str| -> String {
        whole
            .get(code)
            .cloned()
            .or_else(|| split_of(code).map(|sp| sp.parts[0].successor.to_owned()))
            .unwrap_or_else(|| code.to_owned())
    };
    let mut out = s.clone();
    out.year = ReferenceYear::Y2026.label().to_owned();
    out.name = format!("{} (on the 2026/27 map)", s.name);
    out.organisations = carry_figures(s, &whole, &mut notes);
    // A target date before the new map began would measure the new ICBs against a date
    // before they existed: the plan moves to the 2026/27 financial year, and says so.
    let a = &mut out.assumptions;
    let start = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default();
    if a.target_date < start {
        notes.push(format!(
            "the target date was {}, before the 36 ICBs began: it is now 31 March 2027, the trajectory from 1 April 2026",
            a.target_date.format("%-d %B %Y")
        ));
        a.trajectory_start = start;
        a.target_date = chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap_or_default();
    }
    for c in &mut out.clusters {
        let before = c.members.clone();
        let mut members: Vec<String> = Vec::new();
        for m in &c.members {
            let to = principal(m);
            if split_of(m).is_some() {
                notes.push(format!("cluster \"{}\": {m} (split) is represented by {to}, its largest part", c.name));
            }
            if !members.contains(&to) {
                members.push(to);
            }
        }
        c.members = members;
        if let Apportionment::Custom(shares) = &mut c.apportionment {
            let mut merged: Vec<Share> = Vec::new();
            for sh in shares.iter() {
                let org = principal(&sh.org);
                match merged.iter_mut().find(|x| x.org == org) {
                    Some(x) => x.percent = super::money::Rate(x.percent.0 + sh.percent.0),
                    None => merged.push(Share { org, percent: sh.percent }),
                }
            }
            *shares = merged;
        }
        for p in c.teams.iter_mut().flat_map(|t| &mut t.posts) {
            p.host = principal(&p.host);
        }
        if before != c.members {
            notes.push(format!(
                "cluster \"{}\": members {} became {}",
                c.name,
                before.join(", "),
                c.members.join(", ")
            ));
        }
    }
    for (p, m) in out.people.iter_mut().zip(&people) {
        if let Some(to) = &m.to {
            p.org = to.into();
        }
    }
    out.notes = format!(
        "{}\n\nMoved onto the 36 ICBs of 1 April 2026 (2026/27 populations) from the 2025/26 map:\n- {}",
        s.notes.trim_end(),
        if notes.is_empty() { "every ICB went across whole".to_owned() } else { notes.join("\n- ") }
    );
    Ok(Migration { scenario: out, people, notes })
}

/// The 36 ICBs with the predecessors' figures carried: non-pay added up (a split ICB's
/// divided by the populations of its parts, exact to the penny), in scope if any
/// predecessor was, the allowance caveat kept. An explicit target is not carried (it was
/// the predecessor's); the notes say so.
fn carry_figures(s: &Scenario, whole: &BTreeMap<String, String>, notes: &mut Vec<String>) -> Vec<Organisation> {
    let mut orgs = ReferenceYear::Y2026.icbs();
    for o in &s.organisations {
        // (successor, share of this ICB's non-pay)
        let parts: Vec<(String, u64)> = if let Some(to) = whole.get(&o.code) {
            vec![(to.clone(), 1)]
        } else if let Some(sp) = split_of(&o.code) {
            sp.parts.iter().map(|p| (p.successor.to_owned(), p.population_2025_26)).collect()
        } else {
            notes.push(format!("{} is not an ICB of 2022–2026: its figures are not carried", o.code));
            continue;
        };
        let weights: Vec<u64> = parts.iter().map(|(_, w)| *w).collect();
        let baseline = split_by_weights(o.baseline_non_pay_pence, &weights);
        let planned = o.planned_non_pay_pence.map(|p| split_by_weights(p, &weights));
        for (k, (to, _)) in parts.iter().enumerate() {
            let Some(n) = orgs.iter_mut().find(|n| &n.code == to) else { continue };
            n.baseline_non_pay_pence += baseline[k];
            if let Some(planned) = &planned {
                let before = n.planned_non_pay_pence.unwrap_or(n.baseline_non_pay_pence - baseline[k]);
                n.planned_non_pay_pence = Some(before + planned[k]);
            } else if let Some(p) = &mut n.planned_non_pay_pence {
                *p += baseline[k];
            }
            n.planned_non_pay_from = n.planned_non_pay_from.or(o.planned_non_pay_from);
            n.in_scope |= o.in_scope;
            n.baseline_is_allowance |= o.baseline_is_allowance;
        }
        if let Some(target) = o.target_override_pence {
            // An ICB that went on unchanged keeps its target set by hand (and its reason);
            // a merged or split one's was the predecessor's, not the new body's.
            let unchanged = parts.len() == 1 && parts[0].0 == o.code;
            if let Some(n) = orgs.iter_mut().find(|n| unchanged && n.code == o.code) {
                n.target_override_pence = Some(target);
                n.target_note.clone_from(&o.target_note);
                notes.push(format!("{}: its explicit target is kept (the ICB went on unchanged)", o.code));
            } else {
                notes.push(format!(
                    "{}: its explicit target is not carried (it was the predecessor's); set one for its successor if the board has one",
                    o.code
                ));
            }
        }
    }
    orgs
}
