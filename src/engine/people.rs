//! Costing the people: each person's annual cost and one-off exit cost, the tallies by
//! outcome and function, who holds or is ring-fenced for each post, and what each ICB's
//! people cost at baseline and in the plan.

use rustc_hash::FxHashMap as HashMap;

use super::index::Index;
use super::pay::{mars_pay, pay_cost, redundancy_pay};
use super::summary::{FunctionFigures, OneOff, OrgFigures, Tally};
use super::trajectory::Months;
use crate::model::money::Pence;
use crate::model::{Assumptions, Outcome, OutcomeKind, Person, Scenario};

/// What costing the people gives, for the summary and for costing the posts.
#[derive(Debug)]
pub(super) struct People<'a> {
    /// Each person's annual cost to the ICB, aligned with `scenario.people`.
    pub cost: Vec<Pence>,
    /// Each person's one-off exit cost (0 when none).
    pub one_off_each: Vec<Pence>,
    pub one_off: OneOff,
    /// Indexed by `OutcomeKind as usize` (the order of `OutcomeKind::ALL`).
    pub tallies: [Tally; OutcomeKind::ALL.len()],
    /// post id -> (who holds it, how many are ring-fenced for it)
    pub post_holders: HashMap<&'a str, (Vec<usize>, u32)>,
    pub functions: Vec<FunctionFigures>,
}

/// What one person adds to the figures. A full recompute adds every person's part; an
/// update after a change to a few people takes each one's part out as it was and adds it
/// back as it is (`update.rs`), through this same arithmetic.
#[derive(Debug)]
pub(super) struct Part<'a> {
    /// Annual cost to the ICB.
    pub cost: Pence,
    /// One-off exit cost (0 when none), and this person's counts towards the one-off totals.
    pub exit: Pence,
    pub one_off: OneOff,
    pub kind: OutcomeKind,
    pub wte: u64,
    /// The post the outcome names, and whether the person holds it (or is ring-fenced).
    pub post: Option<(&'a str, bool)>,
    pub function: Option<usize>,
    /// The ICB, when it is one of the scenario's.
    pub org: Option<usize>,
    /// Leaves their current role (so out of the plan), and in which month of the run-rate
    /// (`None`: after its last month).
    pub leaves: bool,
    pub month: Option<usize>,
}

impl Part<'_> {
    /// Whether the person's cost is in their ICB's run-rate at the end of month `j`.
    pub(super) fn in_run_rate(&self, j: usize) -> bool {
        !self.leaves || self.month.is_none_or(|k| j < k)
    }
}

/// One person's part of the figures.
pub(super) fn part<'a>(
    a: &Assumptions,
    ix: &Index<'_>,
    months: &Months,
    fn_index: &HashMap<&str, usize>,
    p: &'a Person,
) -> Part<'a> {
    let cost = pay_cost(a, p.salary_pence, p.wte).to_icb();
    let mut one_off = OneOff::default();
    let exit = exit_cost(a, p, &mut one_off);
    let org = ix.orgs.get(p.org.as_str()).copied();
    if org.is_none() && exit != 0 {
        one_off.no_icb += exit;
        one_off.no_icb_people += 1;
    }
    let post_exists = p.outcome.post().is_some_and(|id| ix.posts.contains_key(id));
    let leaves = p.outcome.leaves_current_role(post_exists);
    Part {
        cost,
        exit,
        one_off,
        kind: p.outcome.kind(),
        wte: u64::from(p.wte.0),
        post: p.outcome.post().map(|id| (id, p.outcome.holds_post().is_some())),
        function: p.function.as_deref().and_then(|f| fn_index.get(f)).copied(),
        org,
        leaves,
        month: if leaves { months.land(p.effective) } else { None },
    }
}

/// Costs every person into `orgs` (baseline and planned people, headcount, WTE, one-off,
/// moved out) and lands each change of run-rate in `delta`.
pub(super) fn cost_people<'a>(
    s: &'a Scenario,
    ix: &Index<'_>,
    months: &Months,
    orgs: &mut [OrgFigures],
    delta: &mut [Vec<Pence>],
) -> People<'a> {
    let a = &s.assumptions;
    let (fn_index, functions) = function_figures(s);
    let mut out = People {
        cost: Vec::with_capacity(s.people.len()),
        one_off_each: Vec::with_capacity(s.people.len()),
        one_off: OneOff::default(),
        tallies: [Tally::default(); OutcomeKind::ALL.len()],
        post_holders: HashMap::default(),
        functions,
    };
    for (pi, p) in s.people.iter().enumerate() {
        let part = part(a, ix, months, &fn_index, p);
        out.cost.push(part.cost);
        out.one_off_each.push(part.exit);
        let t = &mut out.tallies[part.kind as usize];
        t.count += 1;
        t.wte += part.wte;
        if let Some((post, holds)) = part.post {
            let e = out.post_holders.entry(post).or_default();
            if holds {
                e.0.push(pi);
            } else {
                e.1 += 1;
            }
        }
        if let Some(fi) = part.function {
            into_function(&part, &mut out.functions[fi], 1);
        }
        out.one_off.add(&part.one_off, 1);
        if let Some(oi) = part.org {
            into_organisation(&part, &mut orgs[oi], 1);
            if part.leaves
                && let Some(k) = part.month
            {
                delta[oi][k] -= part.cost;
            }
        }
    }
    out
}

/// A person's part of their function's figures, added (`sign` 1) or taken out (-1).
pub(super) fn into_function(part: &Part<'_>, f: &mut FunctionFigures, sign: i64) {
    f.people = add_u32(f.people, sign);
    f.wte = add_u64(f.wte, part.wte, sign);
    f.baseline_cost += sign * part.cost;
    if part.kind == OutcomeKind::TransferredOut {
        f.transferred_out += sign * part.cost;
    }
}

/// A person's cost in their ICB's figures, added (`sign` 1) or taken out (-1): in the
/// baseline; in the plan unless they leave their current role (the run-rate is the
/// caller's: a change landing in `delta`, or the series updated).
pub(super) fn into_organisation(part: &Part<'_>, of: &mut OrgFigures, sign: i64) {
    of.baseline_people += sign * part.cost;
    of.headcount = add_u32(of.headcount, sign);
    of.wte = add_u64(of.wte, part.wte, sign);
    of.line.one_off += sign * part.exit;
    if part.leaves {
        if part.kind == OutcomeKind::TransferredOut {
            of.line.transferred_out += sign * part.cost;
        }
    } else {
        of.planned_people += sign * part.cost;
    }
}

pub(super) fn add_u32(v: u32, sign: i64) -> u32 {
    if sign < 0 { v.saturating_sub(1) } else { v.saturating_add(1) }
}

pub(super) fn add_u64(v: u64, by: u64, sign: i64) -> u64 {
    if sign < 0 { v.saturating_sub(by) } else { v.saturating_add(by) }
}

/// The function catalogue's figures, empty, and where each function's name is.
pub(super) fn function_figures(s: &Scenario) -> (HashMap<&str, usize>, Vec<FunctionFigures>) {
    let mut fn_index: HashMap<&str, usize> = HashMap::default();
    let mut functions: Vec<FunctionFigures> = Vec::with_capacity(s.functions.len());
    for f in &s.functions {
        fn_index.entry(f.name.as_str()).or_insert(functions.len());
        functions.push(FunctionFigures {
            name: f.name.clone(),
            people: 0,
            wte: 0,
            baseline_cost: 0,
            transferred_out: 0,
        });
    }
    (fn_index, functions)
}

/// A person's one-off exit cost (Section 16 redundancy or MARS), added to the totals; 0
/// for any other outcome or when they are not eligible (too little service).
fn exit_cost(a: &Assumptions, p: &Person, one_off: &mut OneOff) -> Pence {
    match p.outcome {
        Outcome::VoluntaryRedundancy | Outcome::CompulsoryRedundancy => {
            let v = redundancy_pay(&a.redundancy, p.salary_pence, p.wte, p.service_years);
            if let Some(v) = v {
                one_off.redundancy += v;
                one_off.redundancy_people += 1;
            } else {
                one_off.not_eligible += 1;
            }
            v.unwrap_or(0)
        }
        Outcome::Mars => {
            let v = mars_pay(&a.mars, p.salary_pence, p.wte, p.service_years);
            if let Some(v) = v {
                one_off.mars += v;
                one_off.mars_people += 1;
            } else {
                one_off.not_eligible += 1;
            }
            v.unwrap_or(0)
        }
        _ => 0,
    }
}
