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
    let mut last_org: Option<(&str, usize)> = None;
    for (pi, p) in s.people.iter().enumerate() {
        let cost = pay_cost(a, p.salary_pence, p.wte).to_icb();
        out.cost.push(cost);
        let kind = p.outcome.kind();
        let t = &mut out.tallies[kind as usize];
        t.count += 1;
        t.wte += u64::from(p.wte.0);
        if let Some(post) = p.outcome.post() {
            let e = out.post_holders.entry(post).or_default();
            if p.outcome.holds_post().is_some() {
                e.0.push(pi);
            } else {
                e.1 += 1;
            }
        }
        if let Some(fi) = p.function.as_deref().and_then(|f| fn_index.get(f)) {
            let f = &mut out.functions[*fi];
            f.people += 1;
            f.wte += u64::from(p.wte.0);
            f.baseline_cost += cost;
            if kind == OutcomeKind::TransferredOut {
                f.transferred_out += cost;
            }
        }
        let exit = exit_cost(a, p, &mut out.one_off);
        out.one_off_each.push(exit);

        // People are usually listed ICB by ICB: reuse the last lookup.
        let oi = match last_org {
            Some((code, i)) if code == p.org.as_str() => i,
            _ => {
                let Some(&i) = ix.orgs.get(p.org.as_str()) else {
                    if exit != 0 {
                        out.one_off.no_icb += exit;
                        out.one_off.no_icb_people += 1;
                    }
                    continue;
                };
                last_org = Some((p.org.as_str(), i));
                i
            }
        };
        into_organisation(ix, months, p, cost, exit, &mut orgs[oi], &mut delta[oi]);
    }
    out
}

/// The function catalogue's figures, empty, and where each function's name is.
fn function_figures(s: &Scenario) -> (HashMap<&str, usize>, Vec<FunctionFigures>) {
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

/// A person's cost in their ICB's figures: in the baseline; in the plan unless they leave
/// their current role, when the change lands on their effective date.
fn into_organisation(
    ix: &Index<'_>,
    months: &Months,
    p: &Person,
    cost: Pence,
    exit: Pence,
    of: &mut OrgFigures,
    delta: &mut [Pence],
) {
    of.baseline_people += cost;
    of.headcount += 1;
    of.wte += u64::from(p.wte.0);
    of.line.one_off += exit;
    let post_exists = p.outcome.post().is_some_and(|id| ix.posts.contains_key(id));
    if p.outcome.leaves_current_role(post_exists) {
        if p.outcome.kind() == OutcomeKind::TransferredOut {
            of.line.transferred_out += cost;
        }
        if let Some(k) = months.land(p.effective) {
            delta[k] -= cost;
        }
    } else {
        of.planned_people += cost;
    }
}
