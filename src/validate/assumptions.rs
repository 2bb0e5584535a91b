//! Checks of the assumptions.

use super::Severity::Error;
use super::{Context, Findings, Subject};
use crate::model::Assumptions;

pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    let a = &cx.s.assumptions;
    target_after_trajectory_start(a, out);
    envelope_above_zero(a, out);
    redundancy_floor_below_cap(a, out);
    pay_table_has_points(a, out);
}

fn target_after_trajectory_start(a: &Assumptions, out: &mut Findings) {
    out.kind = "Dates of the plan";
    if a.target_date < a.trajectory_start {
        out.push(
            Error,
            Subject::Scenario,
            format!("the target date {} is before the trajectory start {}", a.target_date, a.trajectory_start),
        );
    }
}

fn envelope_above_zero(a: &Assumptions, out: &mut Findings) {
    out.kind = "The envelope";
    if a.envelope_per_head_pence <= 0 {
        out.push(Error, Subject::Scenario, "the envelope per head must be more than £0".into());
    }
}

fn redundancy_floor_below_cap(a: &Assumptions, out: &mut Findings) {
    out.kind = "Redundancy terms";
    if a.redundancy.floor_pence > a.redundancy.cap_pence {
        out.push(Error, Subject::Scenario, "the redundancy salary floor is above the cap".into());
    }
}

fn pay_table_has_points(a: &Assumptions, out: &mut Findings) {
    out.kind = "The pay table";
    for scale in &a.afc_pay {
        if scale.points_pence.is_empty() || scale.points_pence.iter().any(|p| *p <= 0) {
            out.push(
                Error,
                Subject::Scenario,
                format!("the pay table for {} has no points or a point of £0", scale.band),
            );
        }
    }
}
