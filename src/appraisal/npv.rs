//! Net present value over an appraisal period (HM Treasury Green Book): year 0 holds the
//! one-off costs; the recurrent net saving counts in each of years 1 … N, discounted by
//! 1 / (1 + r)^t. Each year's present value is rounded to the penny (half up); the
//! discount factor is worked in double precision, good to fifteen figures, so the penny
//! is exact for any saving under £10bn a year.

use crate::model::money::{Pence, Rate};

/// The discount factor of year `t`: 1 / (1 + r)^t.
#[must_use]
pub fn discount_factor(rate: Rate, t: u32) -> f64 {
    let r = f64::from(rate.0) / 10_000.0;
    (1.0 + r).powi(i32::try_from(t).unwrap_or(i32::MAX)).recip()
}

/// The present value of `saving` in each of years 1 … `years`, each to the penny.
#[must_use]
pub fn present_values(saving: Pence, years: u32, rate: Rate) -> Vec<Pence> {
    (1..=years)
        .map(|t| {
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            let pv = (saving as f64 * discount_factor(rate, t)).round() as i64;
            pv
        })
        .collect()
}

/// Net present value: the discounted savings of years 1 … `years` less the one-off cost of
/// year 0.
#[must_use]
pub fn npv(one_off: Pence, saving: Pence, years: u32, rate: Rate) -> Pence {
    present_values(saving, years, rate).iter().sum::<Pence>() - one_off
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saving_of_500k_a_year_for_ten_years_at_3_5_percent() {
        // £500,000 a year: year 1 £500,000 / 1.035 = £483,091.79; year 2 / 1.035² =
        // £466,755.35; … year 10 / 1.035^10 = £354,459.41; the ten add up to £4,158,302.66
        // (the annuity factor 8.3166 × £500,000, year by year to the penny).
        let pvs = present_values(50_000_000, 10, Rate(350));
        assert_eq!(pvs[0], 48_309_179);
        assert_eq!(pvs[1], 46_675_535);
        assert_eq!(pvs[9], 35_445_941);
        assert_eq!(pvs.iter().sum::<i64>(), 415_830_266);
        // Less £1,000,000 of one-off costs in year 0.
        assert_eq!(npv(100_000_000, 50_000_000, 10, Rate(350)), 315_830_266);
        // No discount: ten years of saving, less the one-off.
        assert_eq!(npv(100_000_000, 50_000_000, 10, Rate(0)), 400_000_000);
    }
}
