//! Reading one cell's value the ways people and spreadsheets write it: money, WTE, pay
//! bands, length of service, dates.

use chrono::{Datelike, NaiveDate};

use super::fields::normalise;
use crate::model::limits::{MAX_SALARY_PENCE, MAX_YEARS};
use crate::model::money::Strictness::Lenient;
use crate::model::money::{Pence, Wte, format_pounds_pence, parse_decimal};
use crate::model::{Band, Grade};

/// "£1,234.50", "1234.5", "54,710" -> pence.
pub(super) fn parse_money(text: &str) -> Result<Pence, String> {
    let t = text.trim();
    let t = t.strip_suffix("p.a.").or_else(|| t.strip_suffix("pa")).unwrap_or(t).trim();
    if t.starts_with('-') || t.starts_with('(') {
        return Err(format!("'{text}' is negative; a salary must be above zero"));
    }
    match parse_decimal(t, 2, Lenient) {
        Some(0) => Err("the salary is zero".into()),
        Some(p) if p > MAX_SALARY_PENCE => {
            Err(format!("'{text}' is more than {} a year", format_pounds_pence(MAX_SALARY_PENCE)))
        }
        Some(p) => Ok(p),
        None => Err(format!("'{text}' is not an amount of money such as £54,710 or 54710.00")),
    }
}

/// "0.6", "0.60", "60%", "1" -> WTE (to four decimal places).
pub(super) fn parse_wte(text: &str) -> Result<Wte, String> {
    // A WTE is never in thousands, so a comma with no point is a decimal comma, as
    // spreadsheets set to a European locale write it: "0,8" is 0.8 (and "37,5" is hours).
    let decimal_comma;
    let mut t = text.trim();
    if t.contains(',') && !t.contains('.') {
        decimal_comma = t.replace(',', ".");
        t = &decimal_comma;
    }
    let v = match t.strip_suffix('%') {
        Some(p) => parse_decimal(p.trim(), 2, Lenient),
        None => parse_decimal(t, 4, Lenient),
    }
    .ok_or_else(|| format!("'{text}' is not a WTE such as 0.6 or 60%"))?;
    match v {
        0 => Err("WTE is 0: the person would cost nothing".into()),
        v => Wte(u32::try_from(v).unwrap_or(u32::MAX)).at_most_full_time_as(text),
    }
}

/// "Band 8a", "8A", "AfC 8a", "Band 8 - Range A", "Agenda for Change Band 7", "VSM".
pub(super) fn parse_grade(text: &str) -> Grade {
    let t = text.trim();
    let n = normalise(t);
    if matches!(n.as_str(), "vsm" | "very senior manager" | "esm" | "executive senior manager") || n.starts_with("vsm ")
    {
        return Grade::Vsm;
    }
    let mut key = format!(" {n} ");
    for word in [" agenda for change ", " review body ", " afc ", " band ", " range ", " pay "] {
        key = key.replace(word, " ");
    }
    let key: String = key.split_whitespace().collect();
    match Band::parse(&key) {
        Some(b) => Grade::AfC(b),
        None => Grade::Other(t.to_owned()),
    }
}

/// Complete years of service from "12", "12.7", "12 years 3 months", "12Y 03M 15D", or a
/// service start date (complete years to `as_of`).
pub(super) fn parse_service(text: &str, as_of: NaiveDate) -> Result<u32, String> {
    let t = text.trim();
    let bad = || format!("'{text}' is not a length of service such as 12, \"12 years 3 months\" or a start date");
    if let Some(date) = parse_date(t) {
        if date > as_of {
            return Err(format!("service start date {date} is after {as_of}"));
        }
        let mut years = as_of.year() - date.year();
        if (as_of.month(), as_of.day()) < (date.month(), date.day()) {
            years -= 1;
        }
        let years = u32::try_from(years).map_err(|_| bad())?;
        if years > MAX_YEARS {
            return Err(format!("service start date {date} gives {years} years of service; at most {MAX_YEARS}"));
        }
        return Ok(years);
    }
    // Numbers, each optionally followed by a unit (years when there is none).
    let mut months: i64 = 0;
    let mut found = false;
    let mut rest = t;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let num_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        if num_end == 0 {
            return Err(bad());
        }
        let tenths = parse_decimal(&rest[..num_end], 4, Lenient).ok_or_else(bad)?; // the number x 10,000
        rest = rest[num_end..].trim_start();
        let unit_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let unit = rest[..unit_end].to_ascii_lowercase();
        rest = &rest[unit_end..];
        let months_per_unit = match unit.chars().next() {
            None | Some('y') => 12,
            Some('m') => 1,
            Some('w' | 'd') => 0, // days and weeks never make a complete year on their own
            _ => return Err(bad()),
        };
        months = months.saturating_add(tenths.saturating_mul(months_per_unit) / 10_000);
        found = true;
    }
    if !found {
        return Err(bad());
    }
    let years = u32::try_from(months / 12).map_err(|_| bad())?;
    if years > MAX_YEARS {
        return Err(format!("{years} years of service is more than {MAX_YEARS}"));
    }
    Ok(years)
}

/// 2010-04-01, 01/04/2010 (UK day first), 1.4.2010, 01-Apr-2010.
pub(super) fn parse_date(t: &str) -> Option<NaiveDate> {
    let t = t.trim();
    let t = t.split_once([' ', 'T']).map_or(t, |(d, _)| d); // "2010-04-01 00:00:00"
    for f in ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d-%b-%Y", "%d %b %Y", "%d/%m/%y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_read_the_ways_people_write_it() {
        assert_eq!(parse_money("£1,234.50"), Ok(123_450));
        assert_eq!(parse_money("1234.5"), Ok(123_450));
        assert_eq!(parse_money(" £ 54,710 "), Ok(5_471_000));
        // Excel's float noise rounds to the penny: 54710.499999 -> £54,710.50.
        assert_eq!(parse_money("54710.499999"), Ok(5_471_050));
        assert!(parse_money("-5").is_err());
        assert!(parse_money("£1,2x4").is_err());
        assert!(parse_money("0").is_err());
    }

    #[test]
    fn wte_reads_decimals_and_percentages() {
        assert_eq!(parse_wte("0.6"), Ok(Wte(6000)));
        assert_eq!(parse_wte("60%"), Ok(Wte(6000)));
        // 16/30 as Excel stores it: 0.533333... -> 0.5333.
        assert_eq!(parse_wte("0.53333333333"), Ok(Wte(5333)));
        assert!(parse_wte("37.5").unwrap_err().contains("hours"));
        // Decimal commas: a WTE is never in thousands.
        assert_eq!(parse_wte("0,8"), Ok(Wte(8000)));
        assert_eq!(parse_wte("62,5%"), Ok(Wte(6250)));
        assert!(parse_wte("37,5").unwrap_err().contains("hours"));
        assert!(parse_wte("0,6,1").is_err());
        assert!(parse_wte("0").is_err());
    }

    #[test]
    fn bands_are_read_however_they_are_written() {
        for t in ["Band 8a", "8A", "AfC 8a", "Band 8 - Range A", "Agenda for Change Band 8a", " band 8A "] {
            assert_eq!(parse_grade(t), Grade::AfC(Band::Band8a), "{t}");
        }
        assert_eq!(parse_grade("VSM"), Grade::Vsm);
        assert_eq!(parse_grade("Medical Consultant"), Grade::Other("Medical Consultant".into()));
    }

    #[test]
    fn service_is_complete_years() {
        let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
        assert_eq!(parse_service("12", as_of), Ok(12));
        assert_eq!(parse_service("12.9", as_of), Ok(12));
        assert_eq!(parse_service("12 years 3 months", as_of), Ok(12));
        assert_eq!(parse_service("11Y 12M 03D", as_of), Ok(12));
        // 1 Jan 2014 to 31 Dec 2025 is 11 complete years; 31 Dec 2013 is 12.
        assert_eq!(parse_service("01/01/2014", as_of), Ok(11));
        assert_eq!(parse_service("2013-12-31", as_of), Ok(12));
        assert!(parse_service("long", as_of).is_err());
        // Found by fuzzing: a start date in the year 1013 would be 1,012 years of service.
        assert!(parse_service("01/04/1013", as_of).unwrap_err().contains("at most 100"));
        assert!(parse_service("101 years", as_of).is_err());
    }
}
