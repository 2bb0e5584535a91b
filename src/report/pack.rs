//! Exports: a chart as SVG or PNG, and the board pack as a PDF. Every page of the pack is
//! drawn as SVG with the embedded DejaVu Sans font, then turned into PDF by krilla with the
//! text kept as real (selectable, searchable) text.

use std::fmt::Write as _;

use crate::engine::Summary;
use crate::model::Scenario;
use crate::model::money::{Wte, format_pounds, format_pounds_pence};
use crate::report::chart::{Chart, ChartKind};
use crate::report::render::{ExportError, pdf_of};
use crate::report::style::{figures, line_rows, opt_pounds};
use crate::report::svg::{self, FONT_FAMILY, GRID, INK, MUTED, OVER, UNDER, esc};

/// How the board pack is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackOptions {
    /// Shown on the cover and every page, e.g. "OFFICIAL-SENSITIVE — DRAFT".
    pub marking: String,
    /// The scenario's file name, for the footer.
    pub file_name: String,
    /// Leave out names and salaries (for wider circulation).
    pub redacted: bool,
    /// The date printed on the cover.
    pub date: chrono::NaiveDate,
}

impl PackOptions {
    #[must_use]
    pub fn new(file_name: &str) -> PackOptions {
        PackOptions {
            marking: "OFFICIAL-SENSITIVE — DRAFT".to_owned(),
            file_name: file_name.to_owned(),
            redacted: false,
            date: chrono::Local::now().date_naive(),
        }
    }
}

/// A4 landscape, in points.
pub const PAGE_W: f64 = 842.0;
pub const PAGE_H: f64 = 595.0;
const MARGIN: f64 = 40.0;
const ROWS_PER_PAGE: usize = 24;

/// One page of the pack, before it is numbered.
struct Page {
    title: String,
    body: String,
}

fn page_svg(p: &Page, n: usize, total: usize, o: &PackOptions) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{PAGE_W}" height="{PAGE_H}" viewBox="0 0 {PAGE_W} {PAGE_H}" font-family="{FONT_FAMILY}">"#
    );
    let _ = write!(out, r#"<rect width="{PAGE_W}" height="{PAGE_H}" fill="white"/>"#);
    let _ = write!(
        out,
        r#"<text x="{}" y="24" font-size="9" text-anchor="middle" fill="{OVER}" font-weight="bold">{}</text>"#,
        PAGE_W / 2.0,
        esc(&o.marking)
    );
    if !p.title.is_empty() {
        let _ = write!(
            out,
            r#"<text x="{MARGIN}" y="56" font-size="18" font-weight="bold" fill="{INK}">{}</text>"#,
            esc(&p.title)
        );
    }
    out.push_str(&p.body);
    let fy = PAGE_H - 18.0;
    let _ = write!(
        out,
        r#"<line x1="{MARGIN}" y1="{}" x2="{}" y2="{}" stroke="{GRID}"/>"#,
        fy - 12.0,
        PAGE_W - MARGIN,
        fy - 12.0
    );
    let _ = write!(
        out,
        r#"<text x="{MARGIN}" y="{fy}" font-size="8" fill="{MUTED}">{} · {}</text>"#,
        esc(&o.file_name),
        esc(&o.marking)
    );
    let _ = write!(
        out,
        r#"<text x="{}" y="{fy}" font-size="8" text-anchor="end" fill="{MUTED}">Page {n} of {total}</text>"#,
        PAGE_W - MARGIN
    );
    out.push_str("</svg>\n");
    out
}

/// A table: a header and rows; numeric columns (right-aligned) from `numeric_from` on.
struct Table<'a> {
    columns: &'a [(&'a str, f64)],
    numeric_from: usize,
}

impl Table<'_> {
    fn draw(&self, rows: &[(Vec<String>, bool)], top: f64) -> String {
        let mut out = String::new();
        let mut x = MARGIN;
        let xs: Vec<(f64, f64)> = self
            .columns
            .iter()
            .map(|(_, w)| {
                let start = x;
                x += w;
                (start, x)
            })
            .collect();
        let pos = |i: usize| if i >= self.numeric_from { (xs[i].1 - 4.0, "end") } else { (xs[i].0 + 2.0, "start") };
        for (i, (h, _)) in self.columns.iter().enumerate() {
            let (tx, anchor) = pos(i);
            let _ = write!(
                out,
                r#"<text x="{tx:.1}" y="{top:.1}" font-size="9.5" font-weight="bold" text-anchor="{anchor}" fill="{INK}">{}</text>"#,
                esc(h)
            );
        }
        let _ = write!(
            out,
            r#"<line x1="{MARGIN}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{INK}"/>"#,
            top + 5.0,
            top + 5.0
        );
        for (r, (cells, strong)) in rows.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = top + 20.0 + 18.0 * r as f64;
            if r % 2 == 1 {
                let _ = write!(
                    out,
                    r##"<rect x="{MARGIN}" y="{:.1}" width="{:.1}" height="18" fill="#F3F5F7"/>"##,
                    y - 13.0,
                    x - MARGIN
                );
            }
            for (i, c) in cells.iter().enumerate() {
                let (mut tx, anchor) = pos(i);
                // Leading spaces indent (SVG would collapse them).
                let indent = c.len() - c.trim_start().len();
                #[allow(clippy::cast_precision_loss)]
                if indent > 0 {
                    tx += 3.0 * indent as f64;
                }
                let c = c.trim_start();
                // Text columns are cut to their width (about 5.3 points a character at 9.5 pt,
                // 6 in bold).
                let per_char = if *strong { 6.0 } else { 5.3 };
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let fits = ((xs[i].1 - xs[i].0 - 3.0 * indent as f64) / per_char) as usize;
                let c = if i < self.numeric_from && c.chars().count() > fits {
                    c.chars().take(fits.saturating_sub(1)).collect::<String>() + "…"
                } else {
                    c.to_owned()
                };
                let weight = if *strong { r#" font-weight="bold""# } else { "" };
                let _ = write!(
                    out,
                    r#"<text x="{tx:.1}" y="{y:.1}" font-size="9.5" text-anchor="{anchor}"{weight} fill="{INK}">{}</text>"#,
                    esc(&c)
                );
            }
        }
        out
    }
}

/// Splits rows into pages of `ROWS_PER_PAGE`, titled "(continued)" after the first.
fn table_pages(title: &str, table: &Table<'_>, rows: &[(Vec<String>, bool)], intro: &str) -> Vec<Page> {
    rows.chunks(ROWS_PER_PAGE)
        .enumerate()
        .map(|(i, chunk)| {
            let mut body = String::new();
            let mut top: f64 = 100.0;
            if i == 0 && !intro.is_empty() {
                // The intro wraps to the page's width; the table starts below it.
                for (k, line) in wrap(intro, 150).iter().enumerate() {
                    #[allow(clippy::cast_precision_loss)]
                    let y = 76.0 + 12.0 * k as f64;
                    let _ = write!(
                        body,
                        r#"<text x="{MARGIN}" y="{y:.1}" font-size="10" fill="{MUTED}">{}</text>"#,
                        esc(line)
                    );
                    top = top.max(y + 22.0);
                }
            }
            body.push_str(&table.draw(chunk, top));
            Page { title: if i == 0 { title.to_owned() } else { format!("{title} (continued)") }, body }
        })
        .collect()
}

fn line_cells(label: String, l: &crate::engine::Line) -> Vec<String> {
    let mut cells = vec![label];
    cells.extend(figures(l));
    cells
}

/// Breaks text into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A page with one chart and its caption.
fn chart_page(kind: ChartKind, s: &Scenario, sum: &Summary) -> Page {
    let chart: Chart = kind.build(s, sum);
    let scale = (PAGE_W - 2.0 * MARGIN) / svg::WIDTH;
    let mut body = String::new();
    let _ = write!(body, r#"<g transform="translate({MARGIN} 70) scale({scale:.4})">{}</g>"#, svg::chart_body(&chart));
    let _ = write!(
        body,
        r#"<text x="{MARGIN}" y="{:.1}" font-size="10" fill="{MUTED}">{}</text>"#,
        70.0 + svg::HEIGHT * scale + 18.0,
        esc(kind.caption())
    );
    Page { title: String::new(), body }
}

/// One part of the pack: its pages.
type Part = fn(&Scenario, &Summary, &PackOptions) -> Vec<Page>;

/// The pack's parts, in order.
fn pages(s: &Scenario, sum: &Summary, o: &PackOptions) -> Vec<Page> {
    let parts: [Part; 7] = [cover, cost_table, charts, people_by_outcome, one_off_costs, assumptions, exits_register];
    parts.iter().flat_map(|part| part(s, sum, o)).collect()
}

/// The cover: title, scenario, the headline figures, the notes.
fn cover(s: &Scenario, sum: &Summary, o: &PackOptions) -> Vec<Page> {
    let mut pages = Vec::new();
    let t = &sum.totals;
    let mut body = String::new();
    let _ = write!(
        body,
        r#"<text x="{MARGIN}" y="150" font-size="30" font-weight="bold" fill="{INK}">Running cost against target</text>"#
    );
    let _ = write!(body, r#"<text x="{MARGIN}" y="186" font-size="18" fill="{INK}">{}</text>"#, esc(&s.name));
    let _ = write!(
        body,
        r#"<text x="{MARGIN}" y="212" font-size="12" fill="{MUTED}">Board pack produced {} from {}{} · envelope {} per head by {}</text>"#,
        o.date.format("%-d %B %Y"),
        esc(&o.file_name),
        if s.year.is_empty() { String::new() } else { format!(" · the plan for {}", esc(&s.year)) },
        format_pounds_pence(s.assumptions.envelope_per_head_pence),
        s.assumptions.target_date.format("%-d %B %Y")
    );
    let heads = [
        ("Baseline", format_pounds(t.baseline)),
        ("Planned", format_pounds(t.planned)),
        ("Target", opt_pounds(t.target)),
        ("Still to save", format_pounds(t.still_to_save)),
        ("Surplus, not netted", format_pounds(t.surplus)),
        ("One-off costs", format_pounds(sum.one_off.total())),
    ];
    for (i, (k, v)) in heads.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let x = MARGIN + 128.0 * i as f64;
        let _ = write!(body, r#"<text x="{x:.1}" y="262" font-size="9" fill="{MUTED}">{}</text>"#, esc(k));
        let color = match *k {
            "Still to save" if t.still_to_save > 0 => OVER,
            "Surplus, not netted" if t.surplus > 0 => UNDER,
            _ => INK,
        };
        let _ = write!(
            body,
            r#"<text x="{x:.1}" y="282" font-size="14" font-weight="bold" fill="{color}">{}</text>"#,
            esc(v)
        );
    }
    // Where allowances stand in for baselines, the cover says the comparison is not valid.
    let mut top = 320.0;
    let allowances = sum.allowance_baselines();
    if allowances > 0 {
        for (i, line) in wrap(&crate::report::style::allowance_caveat(allowances), 130).iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = 304.0 + 13.0 * i as f64;
            let _ = write!(body, r#"<text x="{MARGIN}" y="{y:.1}" font-size="10" fill="{OVER}">{}</text>"#, esc(line));
            top = y + 22.0;
        }
    }
    for (i, line) in wrap(&s.notes, 130).iter().take(14).enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + 14.0 * i as f64;
        let _ = write!(body, r#"<text x="{MARGIN}" y="{y:.1}" font-size="10" fill="{INK}">{}</text>"#, esc(line));
    }
    if o.redacted {
        let _ = write!(
            body,
            r#"<text x="{MARGIN}" y="540" font-size="10" fill="{MUTED}">Redacted: no names or salaries.</text>"#
        );
    }
    pages.push(Page { title: String::new(), body });
    pages
}

/// The table of running cost by cluster and ICB.
fn cost_table(s: &Scenario, sum: &Summary, _o: &PackOptions) -> Vec<Page> {
    let mut pages = Vec::new();
    let columns = [
        ("Cluster / ICB", 230.0),
        ("Baseline", 82.0),
        ("Planned", 82.0),
        ("Target", 82.0),
        ("Still to save", 78.0),
        ("Surplus", 74.0),
        ("Per head", 58.0),
        ("Moved out", 76.0),
    ];
    let table = Table { columns: &columns, numeric_from: 1 };
    let rows: Vec<(Vec<String>, bool)> =
        line_rows(sum).into_iter().map(|r| (line_cells(r.label, r.line), r.strong)).collect();
    let mut intro = "Still to save: the sum of each ICB's planned − target above zero. Surplus: what ICBs under target are under by, never taken off what is still to save. Moved out: cost that transfers with functions (moved, not saved).".to_owned();
    let reasons = crate::report::style::explicit_reasons(s, sum);
    if !reasons.is_empty() {
        intro = format!("{intro} {}: {}", crate::report::style::EXPLICIT_MEANS, reasons.join(" "));
    }
    pages.extend(table_pages("Running cost by cluster and ICB", &table, &rows, &intro));
    pages
}

/// Every chart, one a page.
fn charts(s: &Scenario, sum: &Summary, _o: &PackOptions) -> Vec<Page> {
    let mut pages = Vec::new();
    for kind in ChartKind::ALL {
        pages.push(chart_page(kind, s, sum));
    }
    pages
}

/// People by outcome, with WTE.
fn people_by_outcome(_s: &Scenario, sum: &Summary, _o: &PackOptions) -> Vec<Page> {
    let mut pages = Vec::new();
    let columns = [("Outcome", 250.0), ("People", 90.0), ("WTE", 90.0)];
    let table = Table { columns: &columns, numeric_from: 1 };
    let mut rows: Vec<(Vec<String>, bool)> = sum
        .outcomes
        .iter()
        .map(|(k, tally)| {
            (
                vec![
                    k.label().to_owned(),
                    tally.count.to_string(),
                    Wte(u32::try_from(tally.wte).unwrap_or(u32::MAX)).to_string(),
                ],
                false,
            )
        })
        .collect();
    let people: u32 = sum.outcomes.iter().map(|(_, x)| x.count).sum();
    let wte: u64 = sum.outcomes.iter().map(|(_, x)| x.wte).sum();
    rows.push((
        vec!["All people".into(), people.to_string(), Wte(u32::try_from(wte).unwrap_or(u32::MAX)).to_string()],
        true,
    ));
    pages.extend(table_pages("People by outcome", &table, &rows, ""));
    pages
}

/// One-off costs and payback.
fn one_off_costs(_s: &Scenario, sum: &Summary, _o: &PackOptions) -> Vec<Page> {
    let mut pages = Vec::new();
    let t = &sum.totals;
    let columns = [("Item", 420.0), ("Amount", 140.0)];
    let table = Table { columns: &columns, numeric_from: 1 };
    let rows = vec![
        (
            vec![
                format!("Section 16 redundancy ({} people)", sum.one_off.redundancy_people),
                format_pounds(sum.one_off.redundancy),
            ],
            false,
        ),
        (vec![format!("MARS ({} people)", sum.one_off.mars_people), format_pounds(sum.one_off.mars)], false),
        (vec!["One-off costs".into(), format_pounds(sum.one_off.total())], true),
        (vec!["Recurrent reduction (baseline − planned)".into(), format_pounds(t.baseline - t.planned)], false),
        (vec!["…of which moved out with functions, not saved".into(), format_pounds(t.transferred_out)], false),
        (vec!["Net recurrent saving a year".into(), format_pounds(t.net_recurrent_saving())], true),
        (
            vec![
                "Payback".into(),
                sum.payback_months().map_or_else(|| "n/a (no saving)".to_owned(), |m| format!("{m} months")),
            ],
            true,
        ),
    ];
    let intro = format!(
        "{} people leaving are not eligible for a payment (too little service). Early retirement and pay protection are not costed.",
        sum.one_off.not_eligible
    );
    pages.extend(table_pages("One-off costs and payback", &table, &rows, &intro));
    pages
}

/// The assumptions and their sources.
fn assumptions(s: &Scenario, _sum: &Summary, _o: &PackOptions) -> Vec<Page> {
    let mut pages = Vec::new();
    let a = &s.assumptions;
    let columns = [("Assumption", 300.0), ("Value", 200.0), ("Source", 262.0)];
    let table = Table { columns: &columns, numeric_from: 99 };
    let rows: Vec<(Vec<String>, bool)> = crate::model::assumption_rows(a)
        .into_iter()
        .map(|(k, v, src)| (vec![k.to_owned(), v, src.to_owned()], false))
        .collect();
    pages.extend(table_pages("Assumptions and sources", &table, &rows, &format!("As at {}.", a.as_at)));
    pages
}

/// The exits register (names and salaries): left out of the redacted pack.
fn exits_register(s: &Scenario, sum: &Summary, o: &PackOptions) -> Vec<Page> {
    let mut pages = Vec::new();
    if !o.redacted {
        let columns = [
            ("Name", 150.0),
            ("ID", 70.0),
            ("ICB", 40.0),
            ("Title", 170.0),
            ("Outcome", 130.0),
            ("Salary", 80.0),
            ("One-off", 80.0),
        ];
        let table = Table { columns: &columns, numeric_from: 5 };
        const MAX_ROWS: usize = 240;
        let exits: Vec<usize> = (0..s.people.len()).filter(|i| s.people[*i].outcome.kind().is_paid_exit()).collect();
        let rows: Vec<(Vec<String>, bool)> = exits
            .iter()
            .take(MAX_ROWS)
            .map(|i| {
                let p = &s.people[*i];
                (
                    vec![
                        p.name.clone().unwrap_or_default(),
                        p.id.clone(),
                        p.org.clone(),
                        p.title.clone(),
                        p.outcome.kind().label().to_owned(),
                        format_pounds(p.salary_pence),
                        format_pounds_pence(sum.person_one_off.get(*i).copied().unwrap_or(0)),
                    ],
                    false,
                )
            })
            .collect();
        let intro = if exits.len() > MAX_ROWS {
            format!(
                "The first {MAX_ROWS} of {} people leaving with a payment; the full list is in the scenario.",
                exits.len()
            )
        } else {
            format!("{} people leaving with a payment. Contains personal data: handle as marked.", exits.len())
        };
        if !rows.is_empty() {
            pages.extend(table_pages("Exits register", &table, &rows, &intro));
        }
    }
    pages
}

/// The board pack as SVG pages (numbered), for checking and for the PDF.
#[must_use]
pub fn board_pack_pages(s: &Scenario, sum: &Summary, o: &PackOptions) -> Vec<String> {
    let ps = pages(s, sum, o);
    let total = ps.len();
    ps.iter().enumerate().map(|(i, p)| page_svg(p, i + 1, total, o)).collect()
}

/// The board pack as PDF bytes.
pub fn board_pack_pdf(s: &Scenario, sum: &Summary, o: &PackOptions) -> Result<Vec<u8>, ExportError> {
    pdf_of(&board_pack_pages(s, sum, o), &format!("Running cost against target: {}", s.name))
}

/// One chart on one A4 landscape page, as PDF bytes (Print ▸ the chart on screen).
pub fn chart_pdf(kind: ChartKind, s: &Scenario, sum: &Summary, o: &PackOptions) -> Result<Vec<u8>, ExportError> {
    let page = page_svg(&chart_page(kind, s, sum), 1, 1, o);
    pdf_of(&[page], kind.build(s, sum).title())
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrap_breaks_at_words() {
        assert_eq!(super::wrap("one two three four", 9), vec!["one two", "three", "four"]);
    }
}
