//! Checks of each ICB: its code, population, figures and target.

use rustc_hash::FxHashSet as HashSet;

use super::Severity::{Error, Info};
use super::{Context, Findings, Subject};
use crate::model::{Organisation, PopulationBasis};

pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    let mut seen = HashSet::default();
    for o in &cx.s.organisations {
        has_code(o, out);
        code_is_unique(o, &mut seen, out);
        has_population_or_target(cx.s.assumptions.population_basis, o, out);
        population_above_zero(cx.s.assumptions.population_basis, o, out);
        figures_not_negative(o, out);
        target_set_by_hand_has_note(o, out);
    }
}

fn subject(o: &Organisation) -> Subject {
    Subject::Organisation(o.code.clone())
}

fn has_code(o: &Organisation, out: &mut Findings) {
    out.kind = "ICB codes";
    if o.code.trim().is_empty() {
        out.push(Error, subject(o), format!("\"{}\" has no ODS code", o.name));
    }
}

fn code_is_unique<'a>(o: &'a Organisation, seen: &mut HashSet<&'a str>, out: &mut Findings) {
    out.kind = "ICB codes";
    if !seen.insert(o.code.as_str()) {
        out.push(Error, subject(o), "the ODS code is used by more than one ICB".into());
    }
}

/// The population on the basis in use (registered or weighted), or an explicit target.
fn has_population_or_target(basis: PopulationBasis, o: &Organisation, out: &mut Findings) {
    out.kind = "Populations and targets";
    if o.population_on(basis).is_none() && o.target_override_pence.is_none() {
        out.push(
            Error,
            subject(o),
            format!("{} is missing, so the target cannot be worked out (set a population or a target)", basis.label()),
        );
    }
}

fn population_above_zero(basis: PopulationBasis, o: &Organisation, out: &mut Findings) {
    out.kind = "Populations and targets";
    if o.population_on(basis) == Some(0) {
        out.push(Error, subject(o), format!("{} is 0", basis.label()));
    }
}

fn figures_not_negative(o: &Organisation, out: &mut Findings) {
    out.kind = "Negative figures";
    for (what, v) in [
        ("baseline non-pay", Some(o.baseline_non_pay_pence)),
        ("planned non-pay", o.planned_non_pay_pence),
        ("target", o.target_override_pence),
        ("running cost allowance", o.running_cost_allowance_pence),
    ] {
        if v.is_some_and(|v| v < 0) {
            out.push(Error, subject(o), format!("{what} is negative"));
        }
    }
}

fn target_set_by_hand_has_note(o: &Organisation, out: &mut Findings) {
    out.kind = "Targets set by hand";
    if o.target_override_pence.is_some() && o.target_note.trim().is_empty() {
        out.push(Info, subject(o), "the target is set by hand; add a note saying where it comes from".into());
    }
}
