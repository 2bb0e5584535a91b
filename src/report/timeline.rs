//! The consultation timeline: for each employer and site where the duty to consult applies,
//! on one dated axis, the consultation (from its start to the first dismissal) with the day
//! its minimum ends, HR1 (filed, or due), the notice period before the first dismissal, the
//! exits (how many on each day), today and the target date. Plain data built from
//! `engine::consultation`, drawn as SVG for the pack here and by the window itself
//! (`ui/tabs/consultation.rs`), so the two show the same dates.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::engine::consultation::{Establishment, establishments, less, plus};
use crate::model::Scenario;
use crate::report::measure;
use crate::report::style::{Colour, INK, MUTED, OVER};
use crate::report::svg::{GRID, esc};

/// The consultation bar (Okabe–Ito sky blue), the notice period (orange), HR1 (blue).
pub const CONSULTATION: Colour = Colour([0x56, 0xB4, 0xE9]);
pub const NOTICE: Colour = Colour([0xE6, 0x9F, 0x00]);
pub const HR1: Colour = Colour([0x00, 0x72, 0xB2]);
/// Exits are drawn in the colour of a shortfall's warning.
pub const EXITS: Colour = OVER;

/// One employer's site on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// "QK1 Leicester, Leicestershire and Rutland · County Hall".
    pub label: String,
    /// From the recorded start of consultation to the first dismissal.
    pub consultation: Option<(NaiveDate, NaiveDate)>,
    /// The day the minimum consultation (30 or 45 days) ends.
    pub minimum_ends: Option<NaiveDate>,
    pub hr1: Option<NaiveDate>,
    pub hr1_by: Option<NaiveDate>,
    /// From the first notice to the first dismissal.
    pub notice: Option<(NaiveDate, NaiveDate)>,
    /// Each day people leave, and how many.
    pub exits: Vec<(NaiveDate, usize)>,
    /// A finding of an error (too short, HR1 late, exits before notice runs out).
    pub problem: bool,
}

/// The whole timeline: its rows and the span of its axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub rows: Vec<Row>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub today: NaiveDate,
    pub target: NaiveDate,
}

impl Timeline {
    /// The establishments where the duty applies, on an axis from the first of their dates
    /// (or today) to the last (or the target date), a fortnight either side.
    #[must_use]
    pub fn new(s: &Scenario, today: NaiveDate) -> Timeline {
        let all = establishments(s);
        let rows: Vec<Row> = all.iter().filter(|e| e.duty()).map(|e| row(s, e)).collect();
        let target = s.assumptions.target_date;
        let mut dates = vec![target];
        for r in &rows {
            dates.extend(r.consultation.map(|c| c.0));
            dates.extend(r.hr1);
            dates.extend(r.hr1_by);
            dates.extend(r.notice.map(|n| n.0));
            dates.extend(r.exits.iter().map(|x| x.0));
        }
        let (first, last) =
            (dates.iter().min().copied().unwrap_or(target), dates.iter().max().copied().unwrap_or(target));
        // Today is on the axis when it is near the plan's dates; a plan far in the past or
        // the future is not squeezed into a corner to reach it (the caption says where today is).
        let near = today >= less(first, 92) && today <= plus(last, 92);
        let (first, last) = if near { (first.min(today), last.max(today)) } else { (first, last) };
        Timeline { rows, from: less(first, 14), to: plus(last, 14), today, target }
    }

    /// Whether today is on the axis.
    #[must_use]
    pub fn today_shown(&self) -> bool {
        self.today >= self.from && self.today <= self.to
    }

    /// Where today is, when it is off the axis: "today, 6 Dec 2026, is after this timeline".
    #[must_use]
    pub fn today_note(&self) -> Option<String> {
        let when = self.today.format("%-d %b %Y");
        if self.today > self.to {
            Some(format!("Today, {when}, is after this timeline."))
        } else if self.today < self.from {
            Some(format!("Today, {when}, is before this timeline."))
        } else {
            None
        }
    }

    /// Where `d` falls between the axis's ends, 0 to 1.
    #[must_use]
    pub fn at(&self, d: NaiveDate) -> f64 {
        let span = (self.to - self.from).num_days().max(1);
        #[allow(clippy::cast_precision_loss)]
        let x = (d - self.from).num_days() as f64 / span as f64;
        x.clamp(0.0, 1.0)
    }

    /// The first of each month on the axis (every second or third when the span is long).
    #[must_use]
    pub fn months(&self) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut d = NaiveDate::from_ymd_opt(self.from.year(), self.from.month(), 1).unwrap_or(self.from);
        while d <= self.to {
            if d >= self.from {
                out.push(d);
            }
            d = d.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
            if d == NaiveDate::MAX {
                break;
            }
        }
        let step = out.len().div_ceil(14).max(1);
        out.into_iter().step_by(step).collect()
    }
}

fn row(s: &Scenario, e: &Establishment) -> Row {
    let mut exits: Vec<(NaiveDate, usize)> = Vec::new();
    for &d in &e.covered_exits {
        match exits.last_mut() {
            Some((last, n)) if *last == d => *n += 1,
            _ => exits.push((d, 1)),
        }
    }
    let first = e.first_dismissal;
    let c = e.consultation.as_ref();
    Row {
        label: format!("{} · {}", e.employer_name, e.site.as_deref().unwrap_or("no site recorded")),
        consultation: c.zip(first).map(|(c, f)| (c.start, f.max(c.start))),
        minimum_ends: c.map(|c| plus(c.start, u64::from(e.min_days))),
        hr1: c.and_then(|c| c.hr1),
        hr1_by: e.hr1_by,
        notice: e.first_notice.zip(first).map(|(n, f)| (n.min(f), f)),
        exits,
        problem: crate::validate::consultation::findings_of(s, e)
            .iter()
            .any(|f| f.severity == crate::validate::Severity::Error),
    }
}

/// What the marks mean, in the order of the legend.
pub const LEGEND: [(&str, &str); 7] = [
    ("consultation", "Consultation, to the first dismissal"),
    ("minimum", "Minimum consultation ends"),
    ("hr1", "HR1 filed"),
    ("hr1-due", "HR1 due by"),
    ("notice", "Notice period"),
    ("exits", "Exits (how many)"),
    ("today", "Today; the target date"),
];

/// Height of one row and of the space above the rows (legend and months), in points.
pub const ROW_H: f64 = 34.0;
const TOP: f64 = 44.0;
const LABEL_W: f64 = 250.0;

/// The timeline as SVG for a page `width` points wide: (the drawing, its height).
#[must_use]
pub fn svg(t: &Timeline, width: f64) -> (String, f64) {
    let mut out = String::new();
    let (left, right) = (LABEL_W, width - 10.0);
    let x = |d: NaiveDate| left + (right - left) * t.at(d);
    legend_svg(&mut out);
    #[allow(clippy::cast_precision_loss)]
    let bottom = TOP + ROW_H * t.rows.len().max(1) as f64;
    for m in t.months() {
        let mx = x(m);
        let _ = write!(out, r#"<line x1="{mx:.1}" y1="{TOP}" x2="{mx:.1}" y2="{bottom:.1}" stroke="{GRID}"/>"#);
        let _ = write!(
            out,
            r#"<text x="{mx:.1}" y="{:.1}" font-size="8.5" text-anchor="middle" fill="{MUTED}">{}</text>"#,
            TOP - 4.0,
            m.format("%b %y")
        );
    }
    for (k, r) in t.rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = TOP + ROW_H * k as f64;
        row_svg(&mut out, r, y, &x);
    }
    if t.rows.is_empty() {
        let _ = write!(
            out,
            r#"<text x="0" y="{:.1}" font-size="10" fill="{INK}">No establishment has 20 or more proposed redundancies within 90 days: no duty to consult collectively.</text>"#,
            TOP + 20.0
        );
    }
    for (d, dashed, label) in [(t.today, true, "today"), (t.target, false, "target date")]
        .into_iter()
        .filter(|(d, ..)| *d != t.today || t.today_shown())
    {
        let dx = x(d);
        let dash = if dashed { r#" stroke-dasharray="4 3""# } else { "" };
        let _ = write!(
            out,
            r#"<line x1="{dx:.1}" y1="{TOP}" x2="{dx:.1}" y2="{bottom:.1}" stroke="{INK}" stroke-width="1.2"{dash}/>"#
        );
        // Written toward the middle, so a date at either end is not cut off.
        let anchor = if dx > right - 60.0 {
            "end"
        } else if dx < left + 60.0 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            r#"<text x="{dx:.1}" y="{:.1}" font-size="8.5" text-anchor="{anchor}" fill="{INK}">{label} {}</text>"#,
            bottom + 11.0,
            d.format("%-d %b %Y")
        );
    }
    if let Some(note) = t.today_note() {
        let _ =
            write!(out, r#"<text x="0" y="{:.1}" font-size="8.5" fill="{MUTED}">{}</text>"#, bottom + 11.0, esc(&note));
    }
    (out, bottom + 16.0)
}

fn legend_svg(out: &mut String) {
    let mut lx = 0.0;
    for (mark, words) in LEGEND {
        let y = 10.0;
        match mark {
            "consultation" => {
                let _ = write!(
                    out,
                    r#"<rect x="{lx:.1}" y="{:.1}" width="14" height="8" fill="{CONSULTATION}"/>"#,
                    y - 7.0
                );
            }
            "minimum" => {
                let _ = write!(
                    out,
                    r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{INK}" stroke-width="2"/>"#,
                    lx + 7.0,
                    y - 9.0,
                    lx + 7.0,
                    y + 2.0
                );
            }
            "hr1" | "hr1-due" => diamond(out, lx + 7.0, y - 3.0, mark == "hr1"),
            "notice" => {
                let _ = write!(out, r#"<rect x="{lx:.1}" y="{:.1}" width="14" height="4" fill="{NOTICE}"/>"#, y - 5.0);
            }
            "exits" => {
                let _ = write!(out, r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{EXITS}"/>"#, lx + 7.0, y - 3.0);
            }
            _ => {
                let _ = write!(
                    out,
                    r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{INK}" stroke-dasharray="3 2"/>"#,
                    lx + 7.0,
                    y - 9.0,
                    lx + 7.0,
                    y + 2.0
                );
            }
        }
        let _ =
            write!(out, r#"<text x="{:.1}" y="{y:.1}" font-size="8.5" fill="{INK}">{}</text>"#, lx + 18.0, esc(words));
        lx += 30.0 + measure::width(words, 8.5, false);
    }
}

fn diamond(out: &mut String, cx: f64, cy: f64, filled: bool) {
    let fill = if filled { HR1.to_string() } else { "white".to_owned() };
    let _ = write!(
        out,
        r#"<path d="M {cx:.1} {:.1} L {:.1} {cy:.1} L {cx:.1} {:.1} L {:.1} {cy:.1} Z" fill="{fill}" stroke="{HR1}" stroke-width="1.2"/>"#,
        cy - 5.0,
        cx + 5.0,
        cy + 5.0,
        cx - 5.0
    );
}

fn row_svg(out: &mut String, r: &Row, y: f64, x: &dyn Fn(NaiveDate) -> f64) {
    let mid = y + ROW_H / 2.0;
    for (i, line) in measure::wrap(&r.label, 8.5, r.problem, LABEL_W - 8.0).iter().take(2).enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let ly = mid - 2.0 + 10.0 * i as f64;
        let colour = if r.problem { OVER } else { INK };
        let weight = if r.problem { r#" font-weight="bold""# } else { "" };
        let _ = write!(out, r#"<text x="0" y="{ly:.1}" font-size="8.5" fill="{colour}"{weight}>{}</text>"#, esc(line));
    }
    if let Some((a, b)) = r.consultation {
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="8" fill="{CONSULTATION}"/>"#,
            x(a),
            mid - 9.0,
            (x(b) - x(a)).max(1.0)
        );
    }
    if let Some(m) = r.minimum_ends {
        let mx = x(m);
        let _ = write!(
            out,
            r#"<line x1="{mx:.1}" y1="{:.1}" x2="{mx:.1}" y2="{:.1}" stroke="{INK}" stroke-width="2"/>"#,
            mid - 11.0,
            mid + 1.0
        );
    }
    if let Some((a, b)) = r.notice {
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="4" fill="{NOTICE}"/>"#,
            x(a),
            mid + 2.0,
            (x(b) - x(a)).max(1.0)
        );
    }
    if let Some(d) = r.hr1_by {
        diamond(out, x(d), mid + 10.0, false);
    }
    if let Some(d) = r.hr1 {
        diamond(out, x(d), mid + 10.0, true);
    }
    for (d, n) in &r.exits {
        let cx = x(*d);
        let _ = write!(out, r#"<circle cx="{cx:.1}" cy="{mid:.1}" r="4.5" fill="{EXITS}"/>"#);
        let _ = write!(out, r#"<text x="{:.1}" y="{:.1}" font-size="8" fill="{INK}">{n}</text>"#, cx + 6.0, mid - 5.0);
    }
}
