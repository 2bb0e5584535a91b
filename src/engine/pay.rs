//! Pay and on-costs of one person or post, and the one-off exit payments: Section 16
//! redundancy (Agenda for Change) and MARS. Each rule has a hand-worked test in
//! tests/domain/engine.rs.

use crate::model::money::{Pence, Wte};
use crate::model::{Assumptions, MarsTerms, MonthRule, Pay, RedundancyTerms};

/// The on-costs of one person or post for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PayCost {
    pub pay: Pence,
    pub employer_ni: Pence,
    pub pension_local: Pence,
    pub levy: Pence,
    pub pension_central: Pence,
}

impl PayCost {
    /// What the ICB pays: pay + NI + local pension + levy.
    #[must_use]
    pub fn to_icb(&self) -> Pence {
        self.pay + self.employer_ni + self.pension_local + self.levy
    }

    /// Full economic cost: adds the centrally paid pension.
    #[must_use]
    pub fn full(&self) -> Pence {
        self.to_icb() + self.pension_central
    }
}

/// The annual cost of `wte` of a full-time salary, with on-costs.
#[must_use]
#[inline]
pub fn pay_cost(a: &Assumptions, full_time_salary: Pence, wte: Wte) -> PayCost {
    let pay = wte.of(full_time_salary);
    PayCost {
        pay,
        employer_ni: a.employer_ni_rate.of((pay - a.employer_ni_threshold_pence).max(0)),
        pension_local: a.pension_local_rate.of(pay),
        levy: a.apprenticeship_levy_rate.of(pay),
        pension_central: a.pension_central_rate.of(pay),
    }
}

/// A post's full-time salary, or `None` when its AfC band and point is not in the table.
#[must_use]
pub fn post_salary(a: &Assumptions, pay: &Pay) -> Option<Pence> {
    match pay {
        Pay::AfC { band, point } => a.afc_point(*band, *point),
        Pay::Vsm { salary_pence } | Pay::Salary { salary_pence } => Some(*salary_pence),
    }
}

/// Section 16 redundancy pay, or `None` when the person is not eligible (too little service).
/// Months = min(complete years x months per year, max); a month's pay comes from the
/// whole-time salary held between the floor and the cap, pro-rated by WTE.
#[must_use]
pub fn redundancy_pay(t: &RedundancyTerms, full_time_salary: Pence, wte: Wte, service_years: u32) -> Option<Pence> {
    if service_years < t.min_service_years {
        return None;
    }
    let months = service_years.saturating_mul(t.months_per_year).min(t.max_months);
    let capped = full_time_salary.clamp(t.floor_pence, t.cap_pence.max(t.floor_pence));
    let annual = i128::from(capped) * i128::from(wte.0) * i128::from(months);
    // one twelfth: annual x WTE x months / (12 x 10,000)
    let twelfth = round_div(annual, 12 * i128::from(Wte::SCALE));
    let value = match t.month_rule {
        MonthRule::OneTwelfth => twelfth,
        // 4.35 weeks of a 52-week year: annual x 435 / (52 x 100)
        MonthRule::GreaterOfTwelfthOrWeekly => twelfth.max(round_div(annual * 435, 5200 * i128::from(Wte::SCALE))),
    };
    Some(value)
}

/// MARS payment on the scenario's MARS parameters, or `None` when not eligible.
#[must_use]
pub fn mars_pay(t: &MarsTerms, full_time_salary: Pence, wte: Wte, service_years: u32) -> Option<Pence> {
    if service_years < t.min_service_years {
        return None;
    }
    let months = service_years.saturating_mul(t.months_per_year).min(t.max_months);
    let capped = full_time_salary.clamp(0, t.cap_pence.max(0));
    let annual = i128::from(capped) * i128::from(wte.0) * i128::from(months);
    Some(round_div(annual, 12 * i128::from(Wte::SCALE)))
}

fn round_div(n: i128, d: i128) -> Pence {
    let q = (2 * n + d) / (2 * d); // n, d >= 0 here: round half up
    i64::try_from(q).unwrap_or(i64::MAX)
}
