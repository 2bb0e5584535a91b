//! Exact money and fixed-point quantities.
//!
//! Money is whole pence in an `i64` (`Pence`). Whole-time equivalence is held in
//! ten-thousandths (`Wte`), and rates in hundredths of a percent, i.e. basis points
//! (`Rate`). In a scenario file WTE and rates are written as ordinary decimals
//! (`wte: 0.6`, `rate: 14.38`) so people can read and edit them; on the way in they are
//! rounded to the fixed-point grid, which is exact for every value with up to four
//! (WTE) or two (rate) decimal places. No floating-point number ever reaches a total.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Money in whole pence.
pub type Pence = i64;

/// `a * b / c` rounded half away from zero, computed in 128 bits so nothing overflows.
/// `c` must not be zero (callers check); returns 0 when it is, rather than panicking.
#[must_use]
pub fn mul_div_round(a: i64, b: i64, c: i64) -> i64 {
    if c == 0 {
        return 0;
    }
    // Fast path: almost every product fits in 64 bits, and 64-bit division is several
    // times quicker than 128-bit (this runs for every on-cost of every person).
    if let Some(n) = a.checked_mul(b)
        && c > 0
        && n != i64::MIN
    {
        return rounded(n, c);
    }
    let n = i128::from(a) * i128::from(b);
    let d = i128::from(c);
    let q = n / d;
    let r = n % d;
    // Round half away from zero: compare twice the remainder with the divisor.
    let adjust = if 2 * r.abs() >= d.abs() { if (n < 0) != (d < 0) { -1 } else { 1 } } else { 0 };
    clamp_i128(q + adjust)
}

/// `n / c` rounded half away from zero, for `c` over zero.
#[inline]
fn rounded(n: i64, c: i64) -> i64 {
    let (q, r) = (n / c, n % c);
    if 2 * r.unsigned_abs() >= c.unsigned_abs() { if n < 0 { q - 1 } else { q + 1 } } else { q }
}

/// [`mul_div_round`] by a divisor known when the program is built (`C` over zero): the same
/// result, with the division compiled to a multiplication. Every on-cost of every person is
/// one (a rate in basis points, a WTE in ten-thousandths).
#[inline]
#[must_use]
pub fn mul_div_round_by<const C: i64>(a: i64, b: i64) -> i64 {
    match a.checked_mul(b) {
        Some(n) if C > 0 && n != i64::MIN => rounded(n, C),
        _ => mul_div_round(a, b, C),
    }
}

fn clamp_i128(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

/// Whole-time equivalence in ten-thousandths: `Wte(10_000)` is one full-time post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Wte(pub u32);

impl Wte {
    pub const SCALE: u32 = 10_000;
    pub const FULL: Wte = Wte(10_000);

    /// Annual pay for this WTE of a full-time salary, rounded to the penny.
    #[must_use]
    pub fn of(self, full_time_pence: Pence) -> Pence {
        const { assert!(Wte::SCALE == 10_000) };
        mul_div_round_by::<10_000>(full_time_pence, i64::from(self.0))
    }

    /// Parses a decimal such as `0.6`, `1`, `0.8000` or `60%`.
    pub fn parse(text: &str) -> Result<Wte, String> {
        let t = text.trim();
        let (t, percent) = match t.strip_suffix('%') {
            Some(rest) => (rest.trim(), true),
            None => (t, false),
        };
        let v = parse_decimal(t, 4, Strictness::Strict)
            .ok_or_else(|| format!("'{text}' is not a WTE such as 0.6 or 60%"))?;
        let v = if percent { v / 100 } else { v };
        Wte::from_scaled(v).ok_or_else(|| format!("WTE {text} is outside 0 to {MAX_WTE_UNITS}"))
    }

    /// One post or one assignment is at most full-time. Above 1, says so in the words the
    /// importer, the window and the checks all use, with the hours hint where the figure
    /// looks like hours a week (up to 48).
    pub fn at_most_full_time(self) -> Result<Wte, String> {
        // Written out only when there is something to say (this runs for every person).
        if self.0 <= Self::SCALE { Ok(self) } else { self.at_most_full_time_as(&self.to_string()) }
    }

    /// [`Wte::at_most_full_time`], naming the figure as the user wrote it ("37.5").
    pub fn at_most_full_time_as(self, written: &str) -> Result<Wte, String> {
        let written = written.trim();
        match self.0 {
            v if v <= Self::SCALE => Ok(self),
            v if v <= 48 * Self::SCALE => Err(format!(
                "WTE '{written}' is more than 1; if it is hours a week, divide by the full-time hours (37.5 hours = 1.0)"
            )),
            _ => Err(format!("WTE '{written}' is more than 1")),
        }
    }

    fn from_scaled(v: i64) -> Option<Wte> {
        if (0..=i64::from(MAX_WTE_UNITS) * i64::from(Self::SCALE)).contains(&v) {
            u32::try_from(v).ok().map(Wte)
        } else {
            None
        }
    }
}

/// The largest WTE a single record may carry (a post can be shared by several people, so
/// more than 1.0 is allowed, but 100 is plainly a typing error).
pub const MAX_WTE_UNITS: u32 = 100;

impl std::fmt::Display for Wte {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&format_scaled(i64::from(self.0), 4, 2))
    }
}

/// A percentage held in basis points: `Rate(1438)` is 14.38 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rate(pub u32);

impl Rate {
    pub const HUNDRED_PERCENT: Rate = Rate(10_000);

    /// This rate of an amount, rounded to the penny.
    #[must_use]
    pub fn of(self, pence: Pence) -> Pence {
        mul_div_round_by::<10_000>(pence, i64::from(self.0))
    }

    pub fn parse(text: &str) -> Result<Rate, String> {
        let t = text.trim().trim_end_matches('%').trim();
        let v = parse_decimal(t, 2, Strictness::Strict)
            .ok_or_else(|| format!("'{text}' is not a percentage such as 14.38"))?;
        u32::try_from(v)
            .ok()
            .filter(|v| *v <= 1_000_000)
            .map(Rate)
            .ok_or_else(|| format!("percentage {text} is outside 0 to 10000"))
    }
}

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}%", format_scaled(i64::from(self.0), 2, 0))
    }
}

/// How forgiving [`parse_decimal`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// What a person types into a field, or a file holds: digits, one point, an optional
    /// leading minus, and no more than the places asked for ("12.345" is refused for pence).
    Strict,
    /// What spreadsheets export: thousands separators (commas, spaces, no-break spaces), a
    /// £ sign, an exponent ("1.2E+04"), and more places than asked for, rounded half up
    /// (Excel stores 0.6 as 0.59999999999999998, which must read as 0.6). No
    /// sign: a negative figure is for the caller to refuse in its own words.
    Lenient,
}

/// Parses a decimal into an integer scaled by 10^`dp` ("18.76" with 2 places is 1876): the
/// one decimal parser of the app, strict or lenient.
#[must_use]
pub fn parse_decimal(text: &str, dp: u32, how: Strictness) -> Option<i64> {
    match how {
        Strictness::Strict => parse_strict(text, dp),
        Strictness::Lenient => parse_lenient(text, dp),
    }
}

fn parse_strict(text: &str, dp: u32) -> Option<i64> {
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.len() > dp as usize || int.len() > 12 {
        return None;
    }
    let scale = 10_i64.pow(dp);
    let int_v: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut frac_v: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    for _ in frac.len()..dp as usize {
        frac_v *= 10;
    }
    let v = int_v.checked_mul(scale)?.checked_add(frac_v)?;
    Some(if neg { -v } else { v })
}

fn parse_lenient(text: &str, dp: u32) -> Option<i64> {
    let t: String = text.chars().filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '£')).collect();
    let (t, exp) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m.to_owned(), e.parse::<i32>().ok()?),
        None => (t, 0),
    };
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || int.len() > 15
    {
        return None;
    }
    let digits = format!("{int}{frac}");
    let point = i32::try_from(int.len()).ok()?.checked_add(exp)?; // digits before the decimal point
    let keep = point.checked_add(i32::try_from(dp).ok()?)?; // digits that make the whole scaled number
    if keep > 18 {
        return None;
    }
    let (whole, next) = if keep <= 0 {
        (String::new(), if keep == 0 { digits.chars().next() } else { None })
    } else {
        let k = usize::try_from(keep).ok()?;
        let padded = format!("{digits:0<k$}");
        (padded[..k].to_owned(), digits.chars().nth(k))
    };
    let mut v: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    if next.is_some_and(|c| c >= '5') {
        v += 1;
    }
    Some(v)
}

/// Formats a scaled integer with up to `dp` places, trimming trailing zeros but keeping
/// at least `min_dp`.
fn format_scaled(v: i64, dp: u32, min_dp: usize) -> String {
    let scale = 10_i64.pow(dp);
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    let int = a / scale.unsigned_abs();
    let frac = a % scale.unsigned_abs();
    let mut frac_s = format!("{frac:0width$}", width = dp as usize);
    while frac_s.len() > min_dp && frac_s.ends_with('0') {
        frac_s.pop();
    }
    if frac_s.is_empty() { format!("{sign}{int}") } else { format!("{sign}{int}.{frac_s}") }
}

/// Converts a decimal read from a file onto a fixed-point grid exactly. Any value with up
/// to `dp` places is a whole number once scaled, up to float noise far below 0.5 units.
fn float_to_scaled(v: f64, dp: u32) -> Option<i64> {
    if !v.is_finite() {
        return None;
    }
    let scaled = (v * f64::from(10_u32.pow(dp))).round();
    if scaled.abs() > 9.0e15 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)] // bounded just above
    Some(scaled as i64)
}

fn scaled_to_float(v: i64, dp: u32) -> f64 {
    // Exact for every value this program can hold (|v| < 2^53).
    #[allow(clippy::cast_precision_loss)]
    let f = v as f64;
    f / f64::from(10_u32.pow(dp))
}

/// A number in a file may be written as an integer (`1`) or a decimal (`0.6`).
#[derive(Deserialize)]
#[serde(untagged)]
enum FileNumber {
    Int(i64),
    Float(f64),
    Text(String),
}

impl Serialize for Wte {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(scaled_to_float(i64::from(self.0), 4))
    }
}

impl<'de> Deserialize<'de> for Wte {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let scaled = match FileNumber::deserialize(d)? {
            FileNumber::Int(i) => i.checked_mul(i64::from(Wte::SCALE)),
            FileNumber::Float(f) => float_to_scaled(f, 4),
            FileNumber::Text(t) => return Wte::parse(&t).map_err(D::Error::custom),
        };
        scaled
            .and_then(Wte::from_scaled)
            .ok_or_else(|| D::Error::custom(format!("WTE must be a number from 0 to {MAX_WTE_UNITS}")))
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(scaled_to_float(i64::from(self.0), 2))
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let scaled = match FileNumber::deserialize(d)? {
            FileNumber::Int(i) => i.checked_mul(100),
            FileNumber::Float(f) => float_to_scaled(f, 2),
            FileNumber::Text(t) => return Rate::parse(&t).map_err(D::Error::custom),
        };
        scaled
            .and_then(|v| u32::try_from(v).ok())
            .filter(|v| *v <= 1_000_000)
            .map(Rate)
            .ok_or_else(|| D::Error::custom("a percentage must be a number from 0 to 10000"))
    }
}

/// Reads an amount typed the way people type money: "£54,710", "54710.5", "1 000".
/// Returns `None` for anything else (negative amounts, more than two decimal places).
#[must_use]
pub fn parse_pounds(text: &str) -> Option<Pence> {
    let t: String = text.trim().trim_start_matches('£').chars().filter(|c| *c != ',' && *c != ' ').collect();
    if t.starts_with('-') {
        return None;
    }
    parse_decimal(&t, 2, Strictness::Strict)
}

/// £12,345,678 — whole pounds with thousands separators, as finance tables write it.
/// Pence are rounded half away from zero. Negatives read `−£1,234` (a real minus sign).
#[must_use]
pub fn format_pounds(p: Pence) -> String {
    let pounds = mul_div_round(p, 1, 100);
    format!("{}£{}", sign(pounds), group(pounds.unsigned_abs()))
}

/// A change in whole pounds: "+£1,234", "−£1,234", or "no change".
#[must_use]
pub fn format_change(p: Pence) -> String {
    match mul_div_round(p, 1, 100).signum() {
        1 => format!("+{}", format_pounds(p)),
        -1 => format_pounds(p),
        _ => "no change".to_owned(),
    }
}

/// £12,345.67 — pounds and pence, for per-head figures and single payments.
#[must_use]
pub fn format_pounds_pence(p: Pence) -> String {
    let a = p.unsigned_abs();
    format!("{}£{}.{:02}", sign(p), group(a / 100), a % 100)
}

/// £16.7m / £850k / £900 — headline figures, one decimal place of millions.
#[must_use]
pub fn format_headline(p: Pence) -> String {
    let a = p.unsigned_abs();
    if a >= 100_000_000 {
        // tenths of a million pounds = 10,000,000 pence
        let tenths = mul_div_round(i64::try_from(a).unwrap_or(i64::MAX), 1, 10_000_000);
        format!("{}£{}.{}m", sign(p), group((tenths / 10).unsigned_abs()), tenths % 10)
    } else if a >= 100_000 {
        let k = mul_div_round(i64::try_from(a).unwrap_or(i64::MAX), 1, 100_000);
        format!("{}£{}k", sign(p), k)
    } else {
        format_pounds(p)
    }
}

/// A ratio in basis points as `31.5%`, one decimal place.
#[must_use]
pub fn format_bp(bp: i64) -> String {
    let tenths = mul_div_round(bp, 1, 10);
    format!("{}{}.{}%", sign(tenths), tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10)
}

fn sign(v: i64) -> &'static str {
    if v < 0 { "\u{2212}" } else { "" }
}

/// 25,000 — a count with thousands separators.
#[must_use]
pub fn format_count(n: usize) -> String {
    group(n as u64)
}

fn group(mut v: u64) -> String {
    let mut parts = Vec::new();
    loop {
        if v < 1000 {
            parts.push(format!("{v}"));
            break;
        }
        parts.push(format!("{:03}", v % 1000));
        v /= 1000;
    }
    parts.reverse();
    parts.join(",")
}

/// Money split into parts, kept inside the record that holds it up to four parts (a
/// cluster's members, nearly always), so splitting each of 60,000 posts allocates nothing.
pub type Parts = smallvec::SmallVec<[Pence; 4]>;

/// Splits `total` into parts proportional to `weights` that add up to `total` exactly
/// (largest-remainder method; ties go to the earlier part). All-zero weights give all
/// the money to nobody: every part is zero and the caller reports that as a finding.
#[must_use]
pub fn split_by_weights(total: Pence, weights: &[u64]) -> Parts {
    let sum: u128 = weights.iter().map(|w| u128::from(*w)).sum();
    if sum == 0 || weights.is_empty() {
        return smallvec::smallvec![0; weights.len()];
    }
    let neg = total < 0;
    let t = u128::from(total.unsigned_abs());
    // Each part's whole pennies and what is left over of it (its remainder), in 64 bits
    // when every product fits (nearly always: 128-bit division is several times slower,
    // and this runs for every post on every recompute).
    let most = weights.iter().copied().max().unwrap_or(0);
    let narrow = u64::try_from(sum).ok().zip(u64::try_from(t).ok()).filter(|(_, t)| t.checked_mul(most).is_some());
    let mut parts = Parts::with_capacity(weights.len());
    let mut rems: smallvec::SmallVec<[Option<u128>; 4]> = smallvec::SmallVec::with_capacity(weights.len());
    let mut given: u128 = 0;
    for w in weights {
        let (p, r) = match narrow {
            Some((sum, t)) => {
                let n = t * w;
                (u128::from(n / sum), u128::from(n % sum))
            }
            None => {
                let n = t * u128::from(*w);
                (n / sum, n % sum)
            }
        };
        given += p;
        parts.push(i64::try_from(p).unwrap_or(i64::MAX));
        rems.push(Some(r));
    }
    // Fewer pennies are left over than there are parts. Give them one at a time to the
    // largest remainders, earlier parts first on ties (a part given one is out: `None`).
    // Clusters have a handful of members, so a scan beats sorting.
    let left = t - given;
    for _ in 0..left {
        let mut best: Option<(u128, usize)> = None;
        for (i, r) in rems.iter().enumerate() {
            if let Some(r) = *r
                && best.is_none_or(|(br, _)| r > br)
            {
                best = Some((r, i));
            }
        }
        let Some((_, i)) = best else { break };
        rems[i] = None;
        parts[i] += 1;
    }
    if neg {
        for p in &mut parts {
            *p = -*p;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        // 15% of £49,710 = £7,456.50 exactly; 14.38% of £54,710 = £7,867.298 -> £7,867.30
        assert_eq!(Rate(1500).of(4_971_000), 745_650);
        assert_eq!(Rate(1438).of(5_471_000), 786_730);
        assert_eq!(mul_div_round(5, 1, 2), 3);
        assert_eq!(mul_div_round(-5, 1, 2), -3);
        assert_eq!(mul_div_round(4, 1, 3), 1);
    }

    #[test]
    fn wte_parses_decimals_and_percentages() {
        assert_eq!(Wte::parse("0.6"), Ok(Wte(6000)));
        assert_eq!(Wte::parse("60%"), Ok(Wte(6000)));
        assert_eq!(Wte::parse("1"), Ok(Wte(10000)));
        assert!(Wte::parse("-1").is_err());
        assert!(Wte::parse("0.12345").is_err());
        assert!(Wte::parse("abc").is_err());
        // A 0.6 WTE band 5 entry point: £31,049 x 0.6 = £18,629.40
        assert_eq!(Wte(6000).of(3_104_900), 1_862_940);
    }

    #[test]
    fn money_reads_the_way_finance_writes_it() {
        assert_eq!(format_pounds(1_234_567_800), "£12,345,678");
        assert_eq!(format_pounds(-123_450), "\u{2212}£1,235");
        assert_eq!(format_pounds_pence(1876), "£18.76");
        assert_eq!(format_headline(1_670_000_000), "£16.7m");
        assert_eq!(format_headline(119_780_000_000), "£1,197.8m");
        assert_eq!(format_headline(85_000_000), "£850k");
        assert_eq!(format_bp(3151), "31.5%");
        assert_eq!(format_count(25_000), "25,000");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_bp(-250), "\u{2212}2.5%");
    }

    #[test]
    fn salaries_are_read_the_way_people_type_them() {
        assert_eq!(parse_pounds("£120,000"), Some(12_000_000));
        assert_eq!(parse_pounds("54710.5"), Some(5_471_050));
        assert_eq!(parse_pounds(" 1 000 "), Some(100_000));
        assert_eq!(parse_pounds("18.76"), Some(1876));
        assert_eq!(parse_pounds("12.345"), None);
        assert_eq!(parse_pounds("-5"), None);
        assert_eq!(parse_pounds("abc"), None);
    }

    #[test]
    fn split_adds_up_to_the_penny() {
        // £100.00 split 1:1:1 -> 33.34 + 33.33 + 33.33
        assert_eq!(split_by_weights(10_000, &[1, 1, 1]).to_vec(), vec![3334, 3333, 3333]);
        // 60/40 of £54,710 -> £32,826 and £21,884
        assert_eq!(split_by_weights(5_471_000, &[6000, 4000]).to_vec(), vec![3_282_600, 2_188_400]);
        assert_eq!(split_by_weights(-10_000, &[1, 1, 1]).to_vec(), vec![-3334, -3333, -3333]);
        assert_eq!(split_by_weights(500, &[0, 0]).to_vec(), vec![0, 0]);
        // Weights whose products pass 64 bits (worked in 128): £1.00 in thirds of
        // u64::MAX each -> 34p + 33p + 33p, as with small weights.
        assert_eq!(split_by_weights(100, &[u64::MAX; 3]).to_vec(), vec![34, 33, 33]);
        // 2p by 3:3:4: 0.6p, 0.6p and 0.8p, no whole pennies, two left over: to the
        // largest remainder (0.8p), then to the earlier of the tied 0.6p.
        assert_eq!(split_by_weights(2, &[3, 3, 4]).to_vec(), vec![1, 0, 1]);
        // More parts than are kept inside the record (a cluster of seven): 10p in sevenths
        // is 1 each and 3 left over, to the first three (equal remainders, earlier first).
        assert_eq!(split_by_weights(10, &[1; 7]).to_vec(), vec![2, 2, 2, 1, 1, 1, 1]);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    /// The 64-bit fast path rounds exactly like the 128-bit reference.
    fn reference(a: i64, b: i64, c: i64) -> i128 {
        let n = i128::from(a) * i128::from(b);
        let d = i128::from(c);
        let (q, r) = (n / d, n % d);
        if 2 * r.abs() >= d.abs() { q + if (n < 0) != (d < 0) { -1 } else { 1 } } else { q }
    }

    proptest! {
        #[test]
        fn mul_div_round_matches_the_reference(a in -10_000_000_000i64..10_000_000_000, b in -100_000i64..100_000, c in 1i64..1_000_000) {
            prop_assert_eq!(i128::from(super::mul_div_round(a, b, c)), reference(a, b, c));
        }

        /// By a constant (rates in basis points, WTE in ten-thousandths), the same, halves
        /// and negatives included; and beyond 64 bits it falls back to the reference.
        #[test]
        fn mul_div_round_by_a_constant_matches_the_reference(a in any::<i64>(), b in -1_000_000i64..1_000_000) {
            prop_assert_eq!(i128::from(super::mul_div_round_by::<10_000>(a, b)), reference(a, b, 10_000).clamp(i128::from(i64::MIN), i128::from(i64::MAX)));
            // 1.5p rounds to 2p; -1.5p to -2p; 1.4999p to 1p.
            prop_assert_eq!(super::mul_div_round_by::<10_000>(3, 5_000), 2);
            prop_assert_eq!(super::mul_div_round_by::<10_000>(-3, 5_000), -2);
            prop_assert_eq!(super::mul_div_round_by::<10_000>(14_999, 1), 1);
        }
    }
}
