//! The assumptions: every rate and parameter of the cost engine, with its default and
//! source; and the catalogue of them ([`SETTINGS`], [`CHOICES`]) with the label, unit and
//! source that the Assumptions tab, the board pack and the workbook all read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Band, PopulationBasis};
use crate::model::money::{Pence, Rate};

/// Every rate and parameter the cost engine uses. All editable; the defaults and their
/// sources are in `Assumptions::default` and the README.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// The date these assumptions were set or last reviewed.
    pub as_at: NaiveDate,
    pub employer_ni_rate: Rate,
    /// Employer NI is charged on annual pay above this threshold.
    pub employer_ni_threshold_pence: Pence,
    /// Employer pension contribution paid locally (counts in running cost).
    pub pension_local_rate: Rate,
    /// Employer pension paid centrally by NHS England (shown only in "full cost").
    pub pension_central_rate: Rate,
    pub apprenticeship_levy_rate: Rate,
    /// Running-cost envelope per head of population.
    pub envelope_per_head_pence: Pence,
    /// The date by which the envelope must be met.
    pub target_date: NaiveDate,
    /// First month of the trajectory chart.
    pub trajectory_start: NaiveDate,
    /// The £/head envelope covers running costs *and programme pay*, so programme-funded
    /// posts count by default. Turn off to compare with the running cost allowance only.
    #[serde(default = "yes")]
    pub count_programme_posts: bool,
    pub redundancy: RedundancyTerms,
    pub mars: MarsTerms,
    /// The pay year of the table below, e.g. "2025/26".
    pub pay_year: String,
    /// Agenda for Change pay points per band (full-time annual, pence), entry point first.
    pub afc_pay: Vec<BandScale>,
    /// Which population the envelope per head applies to: registered (the 2025/26 basis)
    /// or weighted. Shown wherever a £ per head figure is.
    #[serde(default, skip_serializing_if = "is_registered")]
    pub population_basis: PopulationBasis,
    /// The smallest population a merged ICB should serve (NHS England's proposal of June
    /// 2026: at least 1.5 million).
    #[serde(default = "smallest_merged_icb", skip_serializing_if = "is_smallest_merged_icb")]
    pub merged_icb_min_population: u32,
    /// Years of recurrent saving counted in an options appraisal's net present value (HM
    /// Treasury Green Book: 10 years for administrative change).
    #[serde(default = "appraisal_years", skip_serializing_if = "is_appraisal_years")]
    pub appraisal_years: u32,
    /// The discount rate of an options appraisal (HM Treasury Green Book: 3.5%).
    #[serde(default = "discount_rate", skip_serializing_if = "is_discount_rate")]
    pub discount_rate: Rate,
    /// Notice periods, the protective award and pay protection: the people process.
    #[serde(default, skip_serializing_if = "PeopleProcess::is_default")]
    pub people_process: PeopleProcess,
}

/// The terms of the people process that are set by contract and local policy: notice by
/// band, the protective award a failure to consult risks, and pay protection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PeopleProcess {
    /// Contractual notice in weeks: Agenda for Change bands 1 to 4.
    pub notice_weeks_bands_1_4: u32,
    /// ... bands 5 and 6.
    pub notice_weeks_bands_5_6: u32,
    /// ... band 7 and above, VSM and other terms.
    pub notice_weeks_band_7_up: u32,
    /// Days' pay a protective award may reach for each person (Employment Rights Act 2025
    /// s30: 180 days from 6 April 2026; 90 before).
    pub protective_award_days: u32,
    /// Months a person placed in a lower-paid post keeps the difference (0: no protection).
    pub pay_protection_months: u32,
    /// The protected difference steps down (half of it in the second half of the period)
    /// instead of being held in full.
    pub pay_protection_steps_down: bool,
}

impl Default for PeopleProcess {
    /// Notice of 4, 8 and 12 weeks (typical NHS contracts: set from yours); a protective
    /// award of up to 180 days' pay; no pay protection until the local policy is entered.
    fn default() -> Self {
        PeopleProcess {
            notice_weeks_bands_1_4: 4,
            notice_weeks_bands_5_6: 8,
            notice_weeks_band_7_up: 12,
            protective_award_days: 180,
            pay_protection_months: 0,
            pay_protection_steps_down: false,
        }
    }
}

impl PeopleProcess {
    fn is_default(&self) -> bool {
        *self == PeopleProcess::default()
    }
}

fn appraisal_years() -> u32 {
    10
}

fn is_appraisal_years(n: &u32) -> bool {
    *n == appraisal_years()
}

fn discount_rate() -> Rate {
    Rate(350)
}

fn is_discount_rate(r: &Rate) -> bool {
    *r == discount_rate()
}

fn is_registered(b: &PopulationBasis) -> bool {
    *b == PopulationBasis::Registered
}

fn smallest_merged_icb() -> u32 {
    1_500_000
}

fn is_smallest_merged_icb(n: &u32) -> bool {
    *n == smallest_merged_icb()
}

fn yes() -> bool {
    true
}

/// Agenda for Change Section 16 redundancy terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedundancyTerms {
    pub months_per_year: u32,
    pub max_months: u32,
    /// The whole-time salary used is at least this...
    pub floor_pence: Pence,
    /// ...and at most this (then pro-rated by WTE for part-time staff).
    pub cap_pence: Pence,
    /// Complete years of continuous NHS service needed to be eligible.
    pub min_service_years: u32,
    pub month_rule: MonthRule,
}

/// How a month's pay is worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MonthRule {
    /// One twelfth of annual salary.
    OneTwelfth,
    /// The greater of one twelfth and 4.35 weeks' pay (annual / 52 x 4.35), the
    /// "more beneficial" method of the Employment Rights Act 1996.
    GreaterOfTwelfthOrWeekly,
}

/// Mutually agreed resignation scheme terms. The former national payment formula was not
/// found in public sources, so these are placeholders to be set from the local scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarsTerms {
    pub months_per_year: u32,
    pub max_months: u32,
    /// Notional whole-time salary cap (pro rata for part-time).
    pub cap_pence: Pence,
    pub min_service_years: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandScale {
    pub band: Band,
    pub points_pence: Vec<Pence>,
}

const fn pounds(p: i64) -> Pence {
    p * 100
}

impl Default for Assumptions {
    /// The 2025/26 figures, with sources (see README "Assumptions and sources"):
    /// employer NI 15% above £5,000 (gov.uk, from 6 April 2025); NHS Pension Scheme employer
    /// 14.38% paid locally + 9.4% centrally (NHSBSA); apprenticeship levy 0.5% (HMRC);
    /// envelope £18.76 per head by the end of Q3 2025/26 (Model ICB Blueprint, May 2025);
    /// Section 16: 1 month per complete year, at most 24, £23,000 floor, £80,000 cap, 2 years'
    /// service, a month's pay the greater of 1/12 and 4.35 weeks' pay (NHS Employers); AfC
    /// 2025/26 pay points after the 3.6% award.
    fn default() -> Self {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        let scale = |band, pts: &[i64]| BandScale { band, points_pence: pts.iter().map(|p| pounds(*p)).collect() };
        Assumptions {
            as_at: d(2025, 4, 6),
            employer_ni_rate: Rate(1500),
            employer_ni_threshold_pence: pounds(5_000),
            pension_local_rate: Rate(1438),
            pension_central_rate: Rate(940),
            apprenticeship_levy_rate: Rate(50),
            envelope_per_head_pence: 1876,
            target_date: d(2025, 12, 31),
            trajectory_start: d(2025, 4, 1),
            count_programme_posts: true,
            redundancy: RedundancyTerms {
                months_per_year: 1,
                max_months: 24,
                floor_pence: pounds(23_000),
                cap_pence: pounds(80_000),
                min_service_years: 2,
                // NHS Employers: a month's pay is "the greater of 1/12 of annual pay or 4.35
                // weeks' pay" (domain.md §8.1); one twelfth alone stays a setting.
                month_rule: MonthRule::GreaterOfTwelfthOrWeekly,
            },
            mars: MarsTerms { months_per_year: 1, max_months: 12, cap_pence: pounds(80_000), min_service_years: 1 },
            pay_year: "2025/26".to_owned(),
            population_basis: PopulationBasis::Registered,
            merged_icb_min_population: smallest_merged_icb(),
            appraisal_years: appraisal_years(),
            discount_rate: discount_rate(),
            people_process: PeopleProcess::default(),
            afc_pay: vec![
                scale(Band::Band1, &[24_465]),
                scale(Band::Band2, &[24_465]),
                scale(Band::Band3, &[24_937, 26_598]),
                scale(Band::Band4, &[27_485, 30_162]),
                scale(Band::Band5, &[31_049, 33_487, 37_796]),
                scale(Band::Band6, &[38_682, 40_823, 46_580]),
                scale(Band::Band7, &[47_810, 50_273, 54_710]),
                scale(Band::Band8a, &[55_690, 58_487, 62_682]),
                scale(Band::Band8b, &[64_455, 68_631, 74_896]),
                scale(Band::Band8c, &[76_965, 81_652, 88_682]),
                scale(Band::Band8d, &[91_342, 96_941, 105_337]),
                scale(Band::Band9, &[109_179, 115_763, 125_637]),
            ],
        }
    }
}

impl Assumptions {
    /// The full-time salary at an AfC band and point (1 = entry), if the table has it.
    #[must_use]
    pub fn afc_point(&self, band: Band, point: u8) -> Option<Pence> {
        let idx = usize::from(point).checked_sub(1)?;
        self.afc_pay.iter().find(|s| s.band == band)?.points_pence.get(idx).copied()
    }
}

/// What kind of figure a setting holds: how it is typed, shown and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    PoundsAYear,
    PoundsPerHead,
    Date,
    Weeks,
    Days,
    Months,
    Years,
    People,
}

impl Unit {
    /// The unit as the Assumptions tab writes it beside the figure.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::PoundsAYear => "£ a year",
            Unit::PoundsPerHead => "£ per head",
            Unit::Date => "date",
            Unit::Weeks => "weeks",
            Unit::Days => "days",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::People => "people",
        }
    }
}

/// A figure as the assumptions hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Rate(Rate),
    Pence(Pence),
    Date(NaiveDate),
    Count(u32),
}

/// One figure of the assumptions with its label, unit and source: the one list the
/// Assumptions tab, the board pack and the workbook all read.
#[derive(Debug)]
pub struct Setting {
    pub label: &'static str,
    pub unit: Unit,
    pub source: &'static str,
    get: fn(&Assumptions) -> Value,
    set: fn(&mut Assumptions, Value),
}

impl Setting {
    #[must_use]
    pub fn value(&self, a: &Assumptions) -> Value {
        (self.get)(a)
    }

    /// The figure as typed in the tab: "15", "5000", "18.76", "2025-12-31", "24".
    #[must_use]
    pub fn text(&self, a: &Assumptions) -> String {
        match self.value(a) {
            Value::Rate(r) => r.to_string().trim_end_matches('%').to_owned(),
            Value::Pence(p) => {
                let (pounds, pence) = (p / 100, p % 100);
                if pence == 0 { pounds.to_string() } else { format!("{pounds}.{pence:02}") }
            }
            Value::Date(d) => d.to_string(),
            Value::Count(n) => n.to_string(),
        }
    }

    /// The figure as a board paper shows it: "15%", "£5,000 a year", "£18.76 per head",
    /// "31 December 2025", "24 months".
    #[must_use]
    pub fn shown(&self, a: &Assumptions) -> String {
        use crate::model::money::{format_pounds, format_pounds_pence};
        match (self.value(a), self.unit) {
            (Value::Pence(p), Unit::PoundsPerHead) => format_pounds_pence(p),
            (Value::Pence(p), _) => format!("{} a year", format_pounds(p)),
            (Value::Rate(r), _) => r.to_string(),
            (Value::Date(d), _) => d.format("%-d %B %Y").to_string(),
            (Value::Count(1), Unit::Months) => "1 month".to_owned(),
            (Value::Count(1), Unit::Years) => "1 year".to_owned(),
            (Value::Count(n), Unit::People) => format!("{} people", crate::model::money::format_count(n as usize)),
            (Value::Count(n), u) => format!("{n} {}", u.label()),
        }
    }

    /// Sets the figure from what was typed; says what is wrong with it otherwise.
    pub fn set_text(&self, a: &mut Assumptions, text: &str) -> Result<(), String> {
        let value = match self.value(a) {
            Value::Rate(_) => Value::Rate(Rate::parse(text)?),
            Value::Pence(_) => Value::Pence(
                crate::model::money::parse_pounds(text)
                    .ok_or_else(|| format!("\"{text}\" is not an amount in pounds such as 23,000 or 18.76"))?,
            ),
            Value::Date(_) => Value::Date(
                NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                    .map_err(|_| format!("\"{text}\" is not a date written 2025-12-31"))?,
            ),
            Value::Count(_) => {
                Value::Count(text.trim().parse().map_err(|_| format!("\"{text}\" is not a whole number"))?)
            }
        };
        (self.set)(a, value);
        Ok(())
    }
}

/// A yes-or-no assumption, with what each answer means.
#[derive(Debug)]
pub struct Choice {
    pub label: &'static str,
    /// What the choice does, for its tooltip.
    pub help: &'static str,
    pub source: &'static str,
    /// How a board paper shows each answer: (yes, no).
    pub shown: (&'static str, &'static str),
    pub get: fn(&Assumptions) -> bool,
    pub set: fn(&mut Assumptions, bool),
}

macro_rules! setting {
    ($label:expr, $unit:expr, $source:expr, $kind:ident, $($field:ident).+) => {
        Setting {
            label: $label,
            unit: $unit,
            source: $source,
            get: |a| Value::$kind(a.$($field).+),
            set: |a, v| {
                if let Value::$kind(x) = v {
                    a.$($field).+ = x;
                }
            },
        }
    };
}

/// Every figure of the assumptions, in the order the tab, the pack and the workbook list them.
pub const SETTINGS: [Setting; 25] = [
    setting!("Employer NI rate", Unit::Percent, "gov.uk, from 6 April 2025", Rate, employer_ni_rate),
    setting!("Employer NI threshold", Unit::PoundsAYear, "gov.uk (£96 a week)", Pence, employer_ni_threshold_pence),
    setting!("Employer pension, paid locally", Unit::Percent, "NHSBSA 2025/26", Rate, pension_local_rate),
    setting!(
        "Employer pension, paid centrally (full cost only)",
        Unit::Percent,
        "NHSBSA 2025/26",
        Rate,
        pension_central_rate
    ),
    setting!("Apprenticeship levy", Unit::Percent, "HMRC", Rate, apprenticeship_levy_rate),
    setting!(
        "Running-cost envelope",
        Unit::PoundsPerHead,
        "Model ICB Blueprint, May 2025",
        Pence,
        envelope_per_head_pence
    ),
    setting!("Target date", Unit::Date, "the plan's (2025/26: end of Q3, Model ICB Blueprint)", Date, target_date),
    setting!("Trajectory starts", Unit::Date, "the plan's first month", Date, trajectory_start),
    setting!(
        "Redundancy: months per complete year",
        Unit::Months,
        "AfC Section 16 (NHS Employers)",
        Count,
        redundancy.months_per_year
    ),
    setting!("Redundancy: most months", Unit::Months, "AfC Section 16", Count, redundancy.max_months),
    setting!("Redundancy: salary floor", Unit::PoundsAYear, "AfC Section 16", Pence, redundancy.floor_pence),
    setting!("Redundancy: salary cap", Unit::PoundsAYear, "AfC Section 16", Pence, redundancy.cap_pence),
    setting!("Redundancy: years of service needed", Unit::Years, "AfC Section 16", Count, redundancy.min_service_years),
    setting!(
        "MARS: months per year (placeholder)",
        Unit::Months,
        "set from your local scheme",
        Count,
        mars.months_per_year
    ),
    setting!("MARS: most months (placeholder)", Unit::Months, "set from your local scheme", Count, mars.max_months),
    setting!("MARS: salary cap", Unit::PoundsAYear, "NHS Employers Section 20 (£80,000)", Pence, mars.cap_pence),
    setting!("MARS: years of service needed", Unit::Years, "typical local schemes", Count, mars.min_service_years),
    setting!(
        "Smallest merged ICB",
        Unit::People,
        "NHS England, 2 June 2026 (at least 1.5 million)",
        Count,
        merged_icb_min_population
    ),
    setting!(
        "Options appraisal: years of saving",
        Unit::Years,
        "HM Treasury Green Book (10 years for administrative change)",
        Count,
        appraisal_years
    ),
    setting!("Options appraisal: discount rate", Unit::Percent, "HM Treasury Green Book (3.5%)", Rate, discount_rate),
    setting!(
        "Notice: bands 1 to 4",
        Unit::Weeks,
        "your contracts (typical NHS: 4 weeks); never less than the statutory week a year of service, up to 12",
        Count,
        people_process.notice_weeks_bands_1_4
    ),
    setting!(
        "Notice: bands 5 and 6",
        Unit::Weeks,
        "your contracts (typical NHS: 8 weeks)",
        Count,
        people_process.notice_weeks_bands_5_6
    ),
    setting!(
        "Notice: band 7 and above, VSM",
        Unit::Weeks,
        "your contracts (typical NHS: 12 weeks)",
        Count,
        people_process.notice_weeks_band_7_up
    ),
    setting!(
        "Protective award: most days' pay a person",
        Unit::Days,
        "Employment Rights Act 2025 s30 (180 days from 6 April 2026)",
        Count,
        people_process.protective_award_days
    ),
    setting!(
        "Pay protection (0: none)",
        Unit::Months,
        "your change management and pay protection policy",
        Count,
        people_process.pay_protection_months
    ),
];

/// The yes-or-no assumptions.
pub const CHOICES: [Choice; 4] = [
    Choice {
        label: "Redundancy month = greater of 1/12 and 4.35 weeks' pay",
        help: "On (the published rule): the greater of one twelfth of annual pay and 4.35 weeks' pay. Off: one twelfth only, for local schemes that use it.",
        source: "NHS Employers, AfC Section 16",
        shown: ("yes", "no: one twelfth of annual pay"),
        get: |a| a.redundancy.month_rule == MonthRule::GreaterOfTwelfthOrWeekly,
        set: |a, on| {
            a.redundancy.month_rule = if on { MonthRule::GreaterOfTwelfthOrWeekly } else { MonthRule::OneTwelfth };
        },
    },
    Choice {
        label: "Count programme-funded posts",
        help: "The £/head envelope covers running costs and programme pay, so these count by default",
        source: "the envelope covers programme pay",
        shown: ("counted", "left out"),
        get: |a| a.count_programme_posts,
        set: |a, on| a.count_programme_posts = on,
    },
    Choice {
        label: "Envelope per head of weighted population",
        help: "Off (the 2025/26 basis): targets are the envelope times each ICB's registered population. On: times its weighted population, the figure NHS England used for configuration decisions",
        source: "NHS England allocation tool, 2026/27",
        shown: ("yes", "no: registered population"),
        get: |a| a.population_basis == PopulationBasis::Weighted,
        set: |a, on| a.population_basis = if on { PopulationBasis::Weighted } else { PopulationBasis::Registered },
    },
    Choice {
        label: "Protected pay steps down",
        help: "Off: a person placed in a lower-paid post keeps their old pay for the whole protection period. On: the difference is kept in full for the first half of the period and half of it for the second",
        source: "your change management and pay protection policy",
        shown: ("yes: half the difference in the second half", "no: held in full"),
        get: |a| a.people_process.pay_protection_steps_down,
        set: |a, on| a.people_process.pay_protection_steps_down = on,
    },
];

/// Every assumption as (label, value as shown, source), for the board pack and the workbook:
/// the figures, the choices, and the pay table's year.
#[must_use]
pub fn assumption_rows(a: &Assumptions) -> Vec<(&'static str, String, &'static str)> {
    let mut rows: Vec<_> = SETTINGS.iter().map(|s| (s.label, s.shown(a), s.source)).collect();
    for c in &CHOICES {
        rows.push((c.label, if (c.get)(a) { c.shown.0 } else { c.shown.1 }.to_owned(), c.source));
    }
    rows.push(("Pay scales", a.pay_year.clone(), "Agenda for Change after the 3.6% award"));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_round_trips_through_its_text() {
        let a = Assumptions::default();
        let mut b = Assumptions { employer_ni_rate: Rate(0), envelope_per_head_pence: 1, ..Assumptions::default() };
        for s in &SETTINGS {
            s.set_text(&mut b, &s.text(&a)).unwrap_or_else(|e| panic!("{}: {e}", s.label));
        }
        assert_eq!(a, b);
        // Pounds with a £ and thousands separators, or with pence; no fractions of a penny;
        // dates as 2025-12-31 only.
        let setting = |label: &str| SETTINGS.iter().find(|s| s.label == label).unwrap();
        setting("Redundancy: salary floor").set_text(&mut b, "£23,000").unwrap();
        assert_eq!(b.redundancy.floor_pence, 2_300_000);
        setting("Running-cost envelope").set_text(&mut b, "18.76").unwrap();
        assert_eq!(b.envelope_per_head_pence, 1876);
        assert!(setting("Running-cost envelope").set_text(&mut b, "18.765").is_err());
        assert!(setting("Target date").set_text(&mut b, "31/12/2025").is_err());
    }

    #[test]
    fn figures_are_shown_with_their_units() {
        let a = Assumptions::default();
        let shown = |label: &str| SETTINGS.iter().find(|s| s.label == label).map(|s| s.shown(&a));
        assert_eq!(shown("Running-cost envelope").as_deref(), Some("£18.76"));
        assert_eq!(shown("Employer NI threshold").as_deref(), Some("£5,000 a year"));
        assert_eq!(shown("Employer NI rate").as_deref(), Some("15%"));
        assert_eq!(shown("Target date").as_deref(), Some("31 December 2025"));
        assert_eq!(shown("Redundancy: most months").as_deref(), Some("24 months"));
        assert_eq!(shown("Redundancy: months per complete year").as_deref(), Some("1 month"));
        assert_eq!(shown("MARS: years of service needed").as_deref(), Some("1 year"));
        assert_eq!(shown("Smallest merged ICB").as_deref(), Some("1,500,000 people"));
        assert_eq!(shown("Options appraisal: discount rate").as_deref(), Some("3.5%"));
        assert_eq!(shown("Notice: bands 5 and 6").as_deref(), Some("8 weeks"));
        assert_eq!(shown("Protective award: most days' pay a person").as_deref(), Some("180 days"));
        // 25 figures, 4 choices and the pay year.
        assert_eq!(assumption_rows(&a).len(), 30);
    }
}
