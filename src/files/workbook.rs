//! Taking the results out to a spreadsheet: an XLSX workbook (Summary, Structure, People
//! and outcomes, One-off costs, Assumptions) and a CSV of people and outcomes. No user
//! interface here.
//!
//! Every sheet is built once as rows of typed cells ([`Cell`]) from the same [`Summary`]
//! the screen shows, then written by rust_xlsxwriter or as CSV. Cells hold values, never
//! formulas: a reader that does not compute (a viewer, a script, `calamine`) sees the same
//! figures as Excel. Money goes in as pounds with a £ number format; it comes from whole
//! pence, so a figure read back and multiplied by 100 is the engine's figure to the penny.

use std::collections::HashMap;

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, XlsxError};

use crate::engine::{Line, Summary};
use crate::model::money::{Pence, Wte};
use crate::model::{Funding, Pay, Scenario};

/// What to leave out, for wider circulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Redaction {
    /// No names of people (assignment numbers stay, so rows can be matched by those who may).
    pub names: bool,
    /// No individual pay: no salary, cost or one-off payment of a person, and no cost of a
    /// post (a post's cost next to its holder is that person's pay). Totals stay.
    pub salaries: bool,
}

/// One cell of an exported sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    /// Money in pence, shown as £ with pence.
    Money(Pence),
    /// A whole number.
    Int(i64),
    /// A ratio in basis points (3150 = 31.5%).
    Percent(i64),
    Wte(Wte),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn opt_money(v: Option<Pence>) -> Cell {
        v.map_or(Cell::Empty, Cell::Money)
    }

    /// The cell as CSV text: money as plain pounds and pence ("54710.00"), so a
    /// spreadsheet reads a number and the importer reads it back.
    #[must_use]
    pub fn csv_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => csv_safe(t),
            Cell::Money(p) => {
                let a = p.unsigned_abs();
                format!("{}{}.{:02}", if *p < 0 { "-" } else { "" }, a / 100, a % 100)
            }
            Cell::Int(i) => i.to_string(),
            Cell::Percent(bp) => crate::model::money::format_bp(*bp),
            Cell::Wte(w) => w.to_string(),
        }
    }
}

/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage
/// return at the start) gets a leading apostrophe, so it shows as the text it is (OWASP's
/// advice for CSV injection).
#[must_use]
pub fn csv_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

/// One sheet: a name, column headings with widths (in characters), and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: &'static str,
    pub columns: Vec<(String, f64)>,
    pub rows: Vec<Vec<Cell>>,
}

fn columns(list: &[(&str, f64)]) -> Vec<(String, f64)> {
    list.iter().map(|(n, w)| ((*n).to_owned(), *w)).collect()
}

fn line_cells(l: &Line) -> Vec<Cell> {
    vec![
        l.population.map_or(Cell::Empty, |p| Cell::Int(i64::try_from(p).unwrap_or(i64::MAX))),
        Cell::Money(l.baseline),
        Cell::Money(l.planned),
        Cell::opt_money(l.target),
        Cell::opt_money(l.gap()),
        if l.target.is_some() { Cell::Money(l.still_to_save) } else { Cell::Empty },
        if l.target.is_some() { Cell::Money(l.surplus) } else { Cell::Empty },
        l.reduction_bp().map_or(Cell::Empty, Cell::Percent),
        Cell::opt_money(l.planned_per_head()),
        Cell::Money(l.transferred_out),
        Cell::Money(l.one_off),
    ]
}

/// Per cluster, then its ICBs; the ICBs in no cluster; the total.
#[must_use]
pub fn summary_sheet(s: &Scenario, sum: &Summary) -> Sheet {
    let mut rows = Vec::new();
    let row = |level: &str, name: &str, code: &str, cluster: &str, l: &Line| {
        let mut r = vec![Cell::text(level), Cell::text(name), Cell::text(code), Cell::text(cluster)];
        r.extend(line_cells(l));
        r
    };
    for (ci, c) in sum.clusters.iter().enumerate() {
        // A merged ICB (by the target date) is one body; its ICBs are its predecessors.
        let (level, member) = if c.merged { ("Merged ICB", "ICB until merged") } else { ("Cluster", "ICB") };
        rows.push(row(level, &crate::report::style::cluster_label(c), "", &c.name, &c.line));
        for o in sum.organisations.iter().filter(|o| o.cluster == Some(ci)) {
            rows.push(row(member, &o.name, &o.code, &c.name, &o.line));
        }
    }
    for o in sum.organisations.iter().filter(|o| o.cluster.is_none() && o.in_scope) {
        rows.push(row("ICB", &o.name, &o.code, "", &o.line));
    }
    rows.push(row("Total", &s.name, "", "", &sum.totals));
    // Listed apart, after the total they are not in.
    for o in sum.organisations.iter().filter(|o| !o.in_scope) {
        rows.push(row("ICB out of scope", &o.name, &o.code, "", &o.line));
    }
    Sheet {
        name: "Summary",
        columns: columns(&[
            ("Level", 15.0),
            ("Name", 58.0),
            ("ICB code", 9.0),
            ("Cluster", 30.0),
            ("Population", 12.0),
            ("Baseline", 16.0),
            ("Planned", 16.0),
            ("Target", 16.0),
            ("Gap (planned − target)", 16.0),
            ("Still to save", 16.0),
            ("Surplus", 16.0),
            ("Reduction from baseline", 12.0),
            ("Planned per head", 11.0),
            ("Moved out (not saved)", 16.0),
            ("One-off costs", 14.0),
        ]),
        rows,
    }
}

fn pay_text(pay: &Pay) -> String {
    match pay {
        Pay::AfC { band, point } => format!("{band} point {point}"),
        Pay::Vsm { .. } => "VSM".to_owned(),
        Pay::Salary { .. } => "Salary".to_owned(),
    }
}

/// Every post of every single management team, with its cost and split.
#[must_use]
pub fn structure_sheet(s: &Scenario, sum: &Summary, r: Redaction) -> Sheet {
    let costs: HashMap<&str, &crate::engine::PostCost> = sum.posts.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut holders: HashMap<&str, Vec<String>> = HashMap::new();
    for p in &s.people {
        if let Some(post) = p.outcome.holds_post() {
            let who = match (&p.name, r.names) {
                (Some(n), false) => format!("{n} ({})", p.id),
                _ => p.id.clone(),
            };
            holders.entry(post).or_default().push(who);
        }
    }
    // One column per ICB that is in a cluster (cluster by cluster, in member order), so a
    // column's sum is what that ICB pays towards the single teams' posts.
    let mut payers: Vec<&str> = Vec::new();
    for m in s.clusters.iter().flat_map(|c| &c.members) {
        if !payers.contains(&m.as_str()) {
            payers.push(m);
        }
    }
    let mut cols = columns(&[
        ("Cluster", 28.0),
        ("Team", 26.0),
        ("Post", 16.0),
        ("Title", 34.0),
        ("Pay", 18.0),
        ("WTE", 7.0),
        ("Host ICB", 9.0),
        ("Funding", 13.0),
        ("Reports to", 16.0),
        ("Effective", 11.0),
        ("Held by", 34.0),
        ("Ring-fenced", 11.0),
    ]);
    if !r.salaries {
        cols.extend(columns(&[("Full-time salary", 15.0), ("Annual cost to ICBs", 16.0), ("Counted", 9.0)]));
        for m in &payers {
            cols.push((format!("Paid by {m}"), 13.0));
        }
    }
    let mut rows = Vec::new();
    for c in &s.clusters {
        for t in &c.teams {
            for p in &t.posts {
                let cost = costs.get(p.id.as_str());
                let mut row = vec![
                    Cell::text(&c.name),
                    Cell::text(&t.name),
                    Cell::text(p.id.as_str()),
                    Cell::text(&p.title),
                    Cell::text(pay_text(&p.pay)),
                    Cell::Wte(p.wte),
                    Cell::text(&p.host),
                    Cell::text(match p.funding {
                        Funding::RunningCost => "Running cost",
                        Funding::Programme => "Programme",
                    }),
                    p.reports_to.as_ref().map_or(Cell::Empty, Cell::text),
                    p.effective.map_or(Cell::Empty, |d| Cell::text(d.to_string())),
                    holders.get(p.id.as_str()).map_or(Cell::Empty, |h| Cell::text(h.join("; "))),
                    Cell::Int(cost.map_or(0, |c| i64::from(c.ring_fenced))),
                ];
                if !r.salaries {
                    row.push(Cell::opt_money(crate::engine::post_salary(&s.assumptions, &p.pay)));
                    row.push(cost.map_or(Cell::Empty, |c| Cell::Money(c.cost.to_icb())));
                    row.push(Cell::text(if cost.is_some_and(|c| c.counted) { "Yes" } else { "No" }));
                    for m in &payers {
                        let share = c.members.iter().position(|x| x == m).and_then(|i| cost?.shares.get(i));
                        row.push(share.map_or(Cell::Empty, |v| Cell::Money(*v)));
                    }
                }
                rows.push(row);
            }
        }
    }
    Sheet { name: "Structure", columns: cols, rows }
}

/// Every person with their outcome: the at-risk register. Also the CSV export.
#[must_use]
pub fn people_sheet(s: &Scenario, sum: &Summary, r: Redaction) -> Sheet {
    let titles: HashMap<&str, &str> = s.posts().map(|(_, _, p)| (p.id.as_str(), p.title.as_str())).collect();
    let mut cols = vec![("Assignment Number", 18.0)];
    if !r.names {
        cols.push(("Name", 26.0));
    }
    cols.extend([("Organisation", 12.0), ("Position Title", 32.0), ("Pay Band", 10.0), ("WTE", 7.0)]);
    if !r.salaries {
        cols.extend([("Annual Salary", 14.0), ("Annual Cost to ICB", 16.0)]);
    }
    cols.extend([
        ("Length of Service", 10.0),
        ("Function", 34.0),
        ("Cost Centre", 12.0),
        ("Site", 22.0),
        ("Outcome", 20.0),
        ("Post", 16.0),
        ("Post Title", 32.0),
        ("Effective", 11.0),
    ]);
    if !r.salaries {
        cols.push(("One-off Cost", 14.0));
    }
    // The decision's record: why, and any offer of suitable alternative employment.
    cols.extend([("Reason", 40.0), ("Offer of Alternative Employment", 40.0)]);
    let rows = s
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![Cell::text(&p.id)];
            if !r.names {
                row.push(p.name.as_ref().map_or(Cell::Empty, Cell::text));
            }
            row.extend([
                Cell::text(p.org.as_str()),
                Cell::text(&p.title),
                Cell::text(p.grade.to_string()),
                Cell::Wte(p.wte),
            ]);
            if !r.salaries {
                row.push(Cell::Money(p.salary_pence));
                row.push(Cell::Money(sum.person_cost.get(i).copied().unwrap_or(0)));
            }
            let post = p.outcome.post();
            row.extend([
                Cell::Int(i64::from(p.service_years)),
                p.function.as_deref().map_or(Cell::Empty, Cell::text),
                p.cost_centre.as_ref().map_or(Cell::Empty, Cell::text),
                p.site.as_deref().map_or(Cell::Empty, Cell::text),
                Cell::text(p.outcome.kind().label()),
                post.map_or(Cell::Empty, Cell::text),
                post.and_then(|id| titles.get(id)).map_or(Cell::Empty, |t| Cell::text(*t)),
                p.effective.map_or(Cell::Empty, |d| Cell::text(d.to_string())),
            ]);
            if !r.salaries {
                row.push(Cell::Money(sum.person_one_off.get(i).copied().unwrap_or(0)));
            }
            row.push(if p.reason.is_empty() { Cell::Empty } else { Cell::text(&p.reason) });
            row.push(p.offer.as_ref().map_or(Cell::Empty, |o| {
                Cell::text(format!(
                    "{} on {}{}",
                    o.post,
                    o.offered,
                    if o.refused { ", refused unreasonably" } else { "" }
                ))
            }));
            row
        })
        .collect();
    Sheet { name: "People and outcomes", columns: columns(&cols), rows }
}

/// One-off costs per ICB, their kinds, the saving they buy and the payback.
#[must_use]
pub fn one_off_sheet(s: &Scenario, sum: &Summary) -> Sheet {
    let mut leavers: HashMap<&str, i64> = HashMap::new();
    for (i, p) in s.people.iter().enumerate() {
        if sum.person_one_off.get(i).copied().unwrap_or(0) > 0 {
            *leavers.entry(p.org.as_str()).or_default() += 1;
        }
    }
    let mut rows: Vec<Vec<Cell>> = sum
        .organisations
        .iter()
        .filter(|o| o.line.one_off != 0)
        .map(|o| {
            vec![
                Cell::text(format!("{} {}", o.code, o.name)),
                Cell::Int(leavers.get(o.code.as_str()).copied().unwrap_or(0)),
                Cell::Money(o.line.one_off),
            ]
        })
        .collect();
    let t = &sum.totals;
    rows.extend([
        vec![
            Cell::text("Section 16 redundancy"),
            Cell::Int(i64::from(sum.one_off.redundancy_people)),
            Cell::Money(sum.one_off.redundancy),
        ],
        vec![Cell::text("MARS"), Cell::Int(i64::from(sum.one_off.mars_people)), Cell::Money(sum.one_off.mars)],
        vec![
            Cell::text("One-off costs"),
            Cell::Int(i64::from(sum.one_off.redundancy_people + sum.one_off.mars_people)),
            Cell::Money(sum.one_off.total()),
        ],
        vec![
            Cell::text("Leaving with no payment (too little service)"),
            Cell::Int(i64::from(sum.one_off.not_eligible)),
            Cell::Empty,
        ],
        vec![Cell::text("Recurrent reduction (baseline − planned)"), Cell::Empty, Cell::Money(t.baseline - t.planned)],
        vec![Cell::text("…of which moved out with functions, not saved"), Cell::Empty, Cell::Money(t.transferred_out)],
        vec![Cell::text("Net recurrent saving a year"), Cell::Empty, Cell::Money(t.net_recurrent_saving())],
        vec![
            Cell::text("Payback (months)"),
            Cell::Empty,
            sum.payback_months().map_or_else(|| Cell::text("n/a (no saving)"), Cell::Int),
        ],
    ]);
    let pp = &sum.pay_protection;
    if pp.people > 0 {
        let months = s.assumptions.people_process.pay_protection_months;
        rows.extend([
            vec![
                Cell::text(if months == 0 {
                    "Placed in lower-paid posts: the difference a year (pay protection not set)"
                } else {
                    "Placed in lower-paid posts: the difference a year"
                }),
                Cell::Int(i64::from(pp.people)),
                Cell::Money(pp.a_year),
            ],
            vec![
                Cell::text("Pay protection in the planned cost at the target date"),
                Cell::Empty,
                Cell::Money(pp.at_target),
            ],
            vec![Cell::text("Pay protection over its whole period"), Cell::Empty, Cell::Money(pp.over_period)],
        ]);
    }
    Sheet { name: "One-off costs", columns: columns(&[("Item", 52.0), ("People", 9.0), ("Amount", 16.0)]), rows }
}

/// Every assumption with its source, and the pay table.
#[must_use]
pub fn assumptions_sheet(s: &Scenario) -> Sheet {
    let a = &s.assumptions;
    let mut rows: Vec<Vec<Cell>> = crate::model::assumption_rows(a)
        .into_iter()
        .map(|(k, v, src)| vec![Cell::text(k), Cell::text(v), Cell::text(src)])
        .collect();
    rows.push(vec![Cell::text("As at"), Cell::text(a.as_at.to_string()), Cell::Empty]);
    for scale in &a.afc_pay {
        for (i, p) in scale.points_pence.iter().enumerate() {
            rows.push(vec![
                Cell::text(format!("{} point {}", scale.band, i + 1)),
                Cell::Money(*p),
                Cell::text(format!("Agenda for Change {}", a.pay_year)),
            ]);
        }
    }
    Sheet { name: "Assumptions", columns: columns(&[("Assumption", 44.0), ("Value", 30.0), ("Source", 44.0)]), rows }
}

/// All the sheets of the workbook, in order.
#[must_use]
pub fn sheets(s: &Scenario, sum: &Summary, r: Redaction) -> Vec<Sheet> {
    vec![
        summary_sheet(s, sum),
        structure_sheet(s, sum, r),
        people_sheet(s, sum, r),
        one_off_sheet(s, sum),
        assumptions_sheet(s),
    ]
}

/// The workbook as XLSX bytes.
pub fn xlsx(s: &Scenario, sum: &Summary, r: Redaction) -> Result<Vec<u8>, String> {
    sheets_xlsx(&s.name, &sheets(s, sum, r))
}

/// Any sheets as an XLSX workbook titled `title`: values with £ formats, not formulas.
pub fn sheets_xlsx(title: &str, sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    write_xlsx(title, sheets).map_err(|e| format!("cannot write the workbook: {e}"))
}

fn write_xlsx(title: &str, sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_subject("ICB running cost against the per-head target")
            .set_comment("Written by Cluster Planner. Values, not formulas. OFFICIAL-SENSITIVE."),
    );
    let header = Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top).set_background_color("#DCE6F1");
    let money = Format::new().set_num_format("£#,##0.00;[Red]-£#,##0.00");
    let percent = Format::new().set_num_format("0.0%");
    let wte = Format::new().set_num_format("0.00##");
    let whole = Format::new().set_num_format("#,##0");
    for sheet in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet.name)?;
        for (c, (name, width)) in sheet.columns.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(0, c, name, &header)?;
            ws.set_column_width(c, *width)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                #[allow(clippy::cast_precision_loss)] // pence below 2^53 are exact in f64; /100 rounds back
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        ws.write_string(r, c, t)?;
                    }
                    Cell::Money(p) => {
                        ws.write_number_with_format(r, c, *p as f64 / 100.0, &money)?;
                    }
                    Cell::Int(i) => {
                        ws.write_number_with_format(r, c, *i as f64, &whole)?;
                    }
                    Cell::Percent(bp) => {
                        ws.write_number_with_format(r, c, *bp as f64 / 10_000.0, &percent)?;
                    }
                    Cell::Wte(w) => {
                        ws.write_number_with_format(r, c, f64::from(w.0) / f64::from(Wte::SCALE), &wte)?;
                    }
                }
            }
        }
        ws.set_row_height(0, 32)?; // two lines for wrapped headings
        ws.set_freeze_panes(1, 0)?;
        // Printed: A4 landscape, one page wide, the heading row on every page.
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        ws.set_header(format!("&L{}&R&A", title.replace('&', "&&")));
        ws.set_footer("&LOFFICIAL-SENSITIVE&RPage &P of &N");
        let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
        let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        ws.autofilter(0, 0, last_row.max(1), last_col)?;
    }
    wb.save_to_buffer()
}

/// People and outcomes as CSV (UTF-8 with a BOM, so Excel reads "£" and accents right).
#[must_use]
pub fn people_csv(s: &Scenario, sum: &Summary, r: Redaction) -> Vec<u8> {
    sheet_csv(&people_sheet(s, sum, r))
}

/// Any sheet as CSV (UTF-8 with a BOM): its headings, then its rows, money as plain pounds
/// and pence, text that a spreadsheet would run as a formula defused.
#[must_use]
pub fn sheet_csv(sheet: &Sheet) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = w.write_record(sheet.columns.iter().map(|(n, _)| n.as_str()));
    for row in &sheet.rows {
        let _ = w.write_record(row.iter().map(Cell::csv_text));
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_would_run_as_a_formula_is_defused() {
        for t in ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_safe(t).starts_with('\''), "{t:?}");
        }
        assert_eq!(csv_safe("Finance"), "Finance");
        // Money is written from pence, never through a float: £54,710.05.
        assert_eq!(Cell::Money(5_471_005).csv_text(), "54710.05");
        assert_eq!(Cell::Money(-5).csv_text(), "-0.05");
    }
}
