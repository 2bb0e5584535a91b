//! The limits a scenario may hold. Anything beyond is a typing or export error; the file
//! reader refuses it (naming the line), an edit refuses it (the scenario unchanged), and the
//! import refuses the row. One list, read by all three.

use super::{Assumptions, Pay, Scenario};
use crate::model::money::format_pounds;

/// The largest figures a scenario may hold. Anything beyond is a typing or export error,
/// and refusing it keeps every total far from the limits of 64-bit arithmetic (the fuzzer
/// found a salary of 7.9 × 10^18 pence that overflowed a sum).
pub const MAX_SALARY_PENCE: i64 = 10_000_000_000; // £100m a year
pub const MAX_BUDGET_PENCE: i64 = 10_000_000_000_000; // £100bn
pub const MAX_PER_HEAD_PENCE: i64 = 1_000_000; // £10,000 per head
pub const MAX_POPULATION: u64 = 1_000_000_000;
pub const MAX_YEARS: u32 = 100;
pub const MAX_MONTHS: u32 = 1_200;
/// Notice of at most two years.
pub const MAX_NOTICE_WEEKS: u32 = 104;
/// A protective award of at most two years' pay.
pub const MAX_AWARD_DAYS: u32 = 730;

/// A figure outside its limit: where to find it and what to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Text near the figure, e.g. `id: "20000001"`, to find its line in a file.
    pub anchor: Option<String>,
    /// The field's name in the file, e.g. `salary_pence`.
    pub field: &'static str,
    pub message: String,
}

/// The words of a violation are only written when there is one: the check runs after every
/// edit, over every person, and writing them for each person was most of its cost.
fn money(
    anchor: impl FnOnce() -> Option<String>,
    who: impl FnOnce() -> String,
    field: &'static str,
    v: i64,
    max: i64,
) -> Option<Violation> {
    (v.unsigned_abs() > max.unsigned_abs()).then(|| Violation {
        anchor: anchor(),
        field,
        message: format!(
            "`{field}` of {} is {v} pence; the most a scenario may hold there is {}",
            who(),
            format_pounds(max)
        ),
    })
}

fn count(
    anchor: impl FnOnce() -> Option<String>,
    who: impl FnOnce() -> String,
    field: &'static str,
    v: u64,
    max: u64,
) -> Option<Violation> {
    (v > max).then(|| Violation {
        anchor: anchor(),
        field,
        message: format!("`{field}` of {} is {v}; at most {max} is possible", who()),
    })
}

/// The first figure beyond what a scenario may hold, as a sentence (for edits to refuse).
#[must_use]
pub fn out_of_range(s: &Scenario) -> Option<String> {
    first_violation(s).map(|v| v.message)
}

/// [`out_of_range`] after an edit that changed no person's figures: the assumptions, the
/// ICBs and the posts (the people, unchanged, were in range before: the file reader, the
/// import and every edit refuse what is not). At national scale reading every person took
/// longer than the rest of an edit of an ICB's figures.
#[must_use]
pub fn out_of_range_but_people(s: &Scenario) -> Option<String> {
    in_assumptions(&s.assumptions).or_else(|| in_organisations(s)).or_else(|| in_posts(s)).map(|v| v.message)
}

/// The first figure beyond what a scenario may hold: the assumptions, then the ICBs, the
/// posts and the people, in the order of the file.
#[must_use]
pub fn first_violation(s: &Scenario) -> Option<Violation> {
    in_assumptions(&s.assumptions).or_else(|| in_organisations(s)).or_else(|| in_posts(s)).or_else(|| in_people(s))
}

fn in_assumptions(a: &Assumptions) -> Option<Violation> {
    let mut found = money(
        || None,
        || "the assumptions".into(),
        "employer_ni_threshold_pence",
        a.employer_ni_threshold_pence,
        MAX_SALARY_PENCE,
    )
    .or_else(|| {
        money(
            || None,
            || "the assumptions".into(),
            "envelope_per_head_pence",
            a.envelope_per_head_pence,
            MAX_PER_HEAD_PENCE,
        )
    })
    .or_else(|| {
        money(|| None, || "the redundancy terms".into(), "floor_pence", a.redundancy.floor_pence, MAX_SALARY_PENCE)
    })
    .or_else(|| money(|| None, || "the redundancy terms".into(), "cap_pence", a.redundancy.cap_pence, MAX_SALARY_PENCE))
    .or_else(|| money(|| None, || "the MARS terms".into(), "cap_pence", a.mars.cap_pence, MAX_SALARY_PENCE))
    .or_else(|| {
        count(
            || None,
            || "the redundancy terms".into(),
            "months_per_year",
            a.redundancy.months_per_year.into(),
            MAX_MONTHS.into(),
        )
    })
    .or_else(|| {
        count(
            || None,
            || "the redundancy terms".into(),
            "max_months",
            a.redundancy.max_months.into(),
            MAX_MONTHS.into(),
        )
    })
    .or_else(|| {
        count(|| None, || "the MARS terms".into(), "months_per_year", a.mars.months_per_year.into(), MAX_MONTHS.into())
    })
    .or_else(|| count(|| None, || "the MARS terms".into(), "max_months", a.mars.max_months.into(), MAX_MONTHS.into()))
    .or_else(|| {
        let t = &a.people_process;
        let weeks =
            |field, v: u32| count(|| None, || "the notice periods".into(), field, v.into(), MAX_NOTICE_WEEKS.into());
        weeks("notice_weeks_bands_1_4", t.notice_weeks_bands_1_4)
            .or_else(|| weeks("notice_weeks_bands_5_6", t.notice_weeks_bands_5_6))
            .or_else(|| weeks("notice_weeks_band_7_up", t.notice_weeks_band_7_up))
            .or_else(|| {
                count(
                    || None,
                    || "the protective award".into(),
                    "protective_award_days",
                    t.protective_award_days.into(),
                    MAX_AWARD_DAYS.into(),
                )
            })
            .or_else(|| {
                count(
                    || None,
                    || "pay protection".into(),
                    "pay_protection_months",
                    t.pay_protection_months.into(),
                    MAX_MONTHS.into(),
                )
            })
    });
    for scale in &a.afc_pay {
        for p in &scale.points_pence {
            found = found.or_else(|| {
                money(|| None, || format!("the {} pay table", scale.band), "points_pence", *p, MAX_SALARY_PENCE)
            });
        }
    }
    found
}

fn in_organisations(s: &Scenario) -> Option<Violation> {
    let mut found = None;
    for o in &s.organisations {
        let anchor = || Some(format!("code: \"{}\"", o.code));
        let who = || format!("ICB {}", o.code);
        found = found
            .or_else(|| money(anchor, who, "baseline_non_pay_pence", o.baseline_non_pay_pence, MAX_BUDGET_PENCE))
            .or_else(|| {
                money(anchor, who, "planned_non_pay_pence", o.planned_non_pay_pence.unwrap_or(0), MAX_BUDGET_PENCE)
            })
            .or_else(|| {
                money(anchor, who, "target_override_pence", o.target_override_pence.unwrap_or(0), MAX_BUDGET_PENCE)
            })
            .or_else(|| {
                money(
                    anchor,
                    who,
                    "running_cost_allowance_pence",
                    o.running_cost_allowance_pence.unwrap_or(0),
                    MAX_BUDGET_PENCE,
                )
            })
            .or_else(|| count(anchor, who, "population", o.population.unwrap_or(0), MAX_POPULATION))
            .or_else(|| count(anchor, who, "weighted_population", o.weighted_population.unwrap_or(0), MAX_POPULATION));
    }
    found
}

fn in_posts(s: &Scenario) -> Option<Violation> {
    let mut found = None;
    for (_, _, p) in s.posts() {
        if let Pay::Vsm { salary_pence } | Pay::Salary { salary_pence } = &p.pay {
            found = found.or_else(|| {
                money(
                    || Some(format!("id: \"{}\"", p.id)),
                    || format!("post {}", p.id),
                    "salary_pence",
                    *salary_pence,
                    MAX_SALARY_PENCE,
                )
            });
        }
    }
    found
}

fn in_people(s: &Scenario) -> Option<Violation> {
    let mut found = None;
    for p in &s.people {
        let anchor = || Some(format!("id: \"{}\"", p.id));
        found = found
            .or_else(|| money(anchor, || format!("person {}", p.id), "salary_pence", p.salary_pence, MAX_SALARY_PENCE))
            .or_else(|| {
                count(anchor, || format!("person {}", p.id), "service_years", p.service_years.into(), MAX_YEARS.into())
            });
        if found.is_some() {
            break;
        }
    }
    found
}
