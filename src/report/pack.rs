//! Exports: a chart as SVG or PNG, and the board pack as a PDF. Every page of the pack is
//! drawn as SVG with the embedded DejaVu Sans font, then turned into PDF by krilla with the
//! text kept as real (selectable, searchable) text.

use std::fmt::Write as _;

use crate::appraisal::Comparison;
use crate::engine::Summary;
use crate::model::Scenario;
use crate::model::money::{Wte, format_count, format_pounds, format_pounds_pence};
use crate::report::chart::{Chart, ChartKind};
use crate::report::measure;
use crate::report::render::{ExportError, pdf_of};
use crate::report::style::{figures, line_rows, opt_pounds};
use crate::report::svg::{self, FONT_FAMILY, GRID, INK, MUTED, OVER, UNDER, esc};

mod consultation;
pub(crate) mod options;

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

/// The name a board pack is offered under: the scenario's and the day's, so packs made for
/// different meetings do not overwrite each other ("lnr-cluster-board-pack-2026-11-24.pdf").
#[must_use]
pub fn pack_file_name(scenario_file: &str, redacted: bool, date: chrono::NaiveDate) -> String {
    let stem = scenario_file.strip_suffix(".ron").unwrap_or(scenario_file);
    let stem = if stem.trim().is_empty() { "scenario" } else { stem };
    let kind = if redacted { "board-pack-redacted" } else { "board-pack" };
    format!("{stem}-{kind}-{}.pdf", date.format("%Y-%m-%d"))
}

/// A4 landscape, in points.
pub const PAGE_W: f64 = 842.0;
pub const PAGE_H: f64 = 595.0;
const MARGIN: f64 = 40.0;

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
    /// Where the table starts across the page, and the width it may take.
    left: f64,
    room: f64,
}

impl<'a> Table<'a> {
    /// A table across the page's full width.
    fn new(columns: &'a [(&'a str, f64)], numeric_from: usize) -> Table<'a> {
        Table { columns, numeric_from, left: MARGIN, room: PAGE_W - 2.0 * MARGIN }
    }
}

/// Table type: 9.5 points, rows of one line 18 points tall and 12 more for each wrapped line.
const TABLE_FONT: f64 = 9.5;
const ROW_H: f64 = 18.0;
const LINE_H: f64 = 12.0;
/// Where a table's rows must end: above the footer line.
const TABLE_BOTTOM: f64 = PAGE_H - 40.0;

/// A row laid out: each cell's lines, and the row's height.
#[derive(Clone)]
struct LaidRow {
    cells: Vec<Vec<String>>,
    strong: bool,
    height: f64,
}

impl Table<'_> {
    /// Column widths: a numeric column widens to its widest figure (a total of billions in
    /// bold included), and the text columns give up what that takes from the page's width.
    fn widths(&self, rows: &[(Vec<String>, bool)]) -> Vec<f64> {
        let mut w: Vec<f64> = self.columns.iter().map(|(_, w)| *w).collect();
        for (i, (h, _)) in self.columns.iter().enumerate().skip(self.numeric_from) {
            let widest = rows
                .iter()
                .filter_map(|(cells, strong)| cells.get(i).map(|c| measure::width(c, TABLE_FONT, *strong)))
                .chain(std::iter::once(measure::width(h, TABLE_FONT, true)))
                .fold(0.0, f64::max);
            // Room for a gap before the next column's right-aligned figures.
            w[i] = w[i].max(widest + 16.0);
        }
        let over = w.iter().sum::<f64>() - self.room;
        let text: f64 = w.iter().take(self.numeric_from).sum();
        if over > 0.0 && text > 0.0 {
            for x in w.iter_mut().take(self.numeric_from) {
                *x = (*x - over * *x / text).max(50.0);
            }
        }
        w
    }

    /// Text cells wrapped to their column, figures kept on one line. A heading row (bold,
    /// every cell after the first empty: an employer above its sites, say) takes the
    /// table's whole width, so a long heading is one line, not four in the first column.
    fn lay_out(&self, widths: &[f64], rows: &[(Vec<String>, bool)]) -> Vec<LaidRow> {
        rows.iter()
            .map(|(cells, strong)| {
                let spans = spans(cells, *strong);
                let cells: Vec<Vec<String>> = cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let indent = c.len() - c.trim_start().len();
                        let width = if spans && i == 0 { widths.iter().sum() } else { widths[i] };
                        #[allow(clippy::cast_precision_loss)]
                        let room = width - 6.0 - 3.0 * indent as f64;
                        if i < self.numeric_from {
                            let lines = measure::wrap(c.trim_start(), TABLE_FONT, *strong, room);
                            // Every line keeps the indent, so a wrapped ICB name never
                            // reads as a cluster's.
                            lines.into_iter().map(|l| format!("{}{l}", &c[..indent])).collect()
                        } else {
                            vec![c.clone()]
                        }
                    })
                    .collect();
                let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
                #[allow(clippy::cast_precision_loss)]
                let height = ROW_H + LINE_H * (lines - 1) as f64;
                LaidRow { cells, strong: *strong, height }
            })
            .collect()
    }

    fn draw(&self, widths: &[f64], rows: &[LaidRow], top: f64) -> String {
        let mut out = String::new();
        let left = self.left;
        let mut x = left;
        let xs: Vec<(f64, f64)> = widths
            .iter()
            .map(|w| {
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
                r#"<text x="{tx:.1}" y="{top:.1}" font-size="{TABLE_FONT}" font-weight="bold" text-anchor="{anchor}" fill="{INK}">{}</text>"#,
                esc(h)
            );
        }
        let _ = write!(
            out,
            r#"<line x1="{left}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{INK}"/>"#,
            top + 5.0,
            top + 5.0
        );
        // Each row's first baseline; its band runs from 13 points above it.
        let mut y = top + 20.0;
        for (r, row) in rows.iter().enumerate() {
            if r % 2 == 1 {
                let _ = write!(
                    out,
                    r##"<rect x="{left}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#F3F5F7"/>"##,
                    y - 13.0,
                    x - left,
                    row.height
                );
            }
            for (i, lines) in row.cells.iter().enumerate() {
                for (k, line) in lines.iter().enumerate() {
                    let (mut tx, anchor) = pos(i);
                    // Leading spaces indent (SVG would collapse them).
                    let indent = line.len() - line.trim_start().len();
                    #[allow(clippy::cast_precision_loss)]
                    if indent > 0 {
                        tx += 3.0 * indent as f64;
                    }
                    #[allow(clippy::cast_precision_loss)]
                    let ly = y + LINE_H * k as f64;
                    let weight = if row.strong { r#" font-weight="bold""# } else { "" };
                    let _ = write!(
                        out,
                        r#"<text x="{tx:.1}" y="{ly:.1}" font-size="{TABLE_FONT}" text-anchor="{anchor}"{weight} fill="{INK}">{}</text>"#,
                        esc(line.trim_start())
                    );
                }
            }
            y += row.height;
        }
        out
    }
}

/// Whether a row is a heading across the table: bold, with nothing after its first cell.
fn spans(cells: &[String], strong: bool) -> bool {
    strong && cells.len() > 1 && cells.iter().skip(1).all(String::is_empty)
}

/// The intro's lines, wrapped to the page's width, and where the table then starts.
fn intro_lines(intro: &str, top: f64) -> (String, f64) {
    let mut body = String::new();
    let mut next = top;
    if intro.is_empty() {
        return (body, next);
    }
    for (k, line) in measure::wrap(intro, 10.0, false, PAGE_W - 2.0 * MARGIN).iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = 76.0 + 12.0 * k as f64;
        let _ = write!(body, r#"<text x="{MARGIN}" y="{y:.1}" font-size="10" fill="{MUTED}">{}</text>"#, esc(line));
        next = next.max(y + 22.0);
    }
    (body, next)
}

/// Splits rows into pages by the height they take, titled "(continued)" after the first. A
/// page that goes on with a group's rows starts with the group's heading again, marked
/// "(continued)", so no row is read without it.
fn table_pages(title: &str, table: &Table<'_>, rows: &[(Vec<String>, bool)], intro: &str) -> Vec<Page> {
    let widths = table.widths(rows);
    let laid = table.lay_out(&widths, rows);
    let mut pages = Vec::new();
    let mut start = 0;
    while start < laid.len() || (start == 0 && laid.is_empty()) {
        let (mut body, top) = if pages.is_empty() { intro_lines(intro, 100.0) } else { (String::new(), 100.0) };
        // The heading of the group this page goes on with, when it starts inside one.
        let again = (start > 0 && !laid[start].strong)
            .then(|| laid[..start].iter().rposition(|r| r.strong))
            .flatten()
            .map(|h| continued(&laid[h], if spans(&rows[h].0, true) { widths.iter().sum() } else { widths[0] }));
        // Rows that fit between the header and the footer (at least one, so a page moves on).
        let mut end = start;
        let mut y = top + 20.0 + again.as_ref().map_or(0.0, |r| r.height);
        while end < laid.len() && (end == start || y + laid[end].height - 13.0 <= TABLE_BOTTOM) {
            y += laid[end].height;
            end += 1;
        }
        // A heading row (a cluster) is not left at the foot of a page without its rows, and
        // a closing total does not go over to a page on its own.
        if end < laid.len() && end - start > 1 && laid[end - 1].strong && !laid[end].strong {
            end -= 1;
        }
        if end + 1 == laid.len() && laid[end].strong && end - start > 1 {
            end -= 1;
        }
        let on_page: Vec<LaidRow> = again.into_iter().chain(laid[start..end].iter().cloned()).collect();
        body.push_str(&table.draw(&widths, &on_page, top));
        let t = if pages.is_empty() { title.to_owned() } else { format!("{title} (continued)") };
        pages.push(Page { title: t, body });
        if laid.is_empty() {
            break;
        }
        start = end;
    }
    pages
}

/// A group's heading again at the top of a page, "(continued)" after it (on a line of its
/// own when it would not fit).
fn continued(heading: &LaidRow, width: f64) -> LaidRow {
    let mut r = heading.clone();
    if let Some(lines) = r.cells.first_mut() {
        let last = lines.pop().unwrap_or_default();
        let joined = format!("{last} (continued)");
        let indent = last.len() - last.trim_start().len();
        #[allow(clippy::cast_precision_loss)]
        let room = width - 6.0 - 3.0 * indent as f64;
        if measure::width(joined.trim_start(), TABLE_FONT, true) <= room {
            lines.push(joined);
        } else {
            lines.push(last);
            lines.push(format!("{}(continued)", &heading.cells[0][0][..indent]));
            r.height += LINE_H;
        }
    }
    r
}

fn line_cells(label: String, l: &crate::engine::Line) -> Vec<String> {
    let mut cells = vec![label];
    cells.extend(figures(l));
    cells
}

/// A chart with its caption: one page, or for a chart of many rows as many pages as keep
/// its type full size, the rows shared out evenly and every part on the same scale.
fn chart_pages(kind: ChartKind, s: &Scenario, sum: &Summary) -> Vec<Page> {
    let chart: Chart = kind.build(s, sum);
    let scale = (PAGE_W - 2.0 * MARGIN) / svg::WIDTH;
    // Where allowances stand in for baselines every chart page says so under its caption:
    // a page lifted out of the pack must not tell the story the figures do not.
    let allowances = sum.allowance_baselines();
    let caveat = if allowances > 0 {
        measure::wrap(&crate::report::style::allowance_caveat(allowances), 9.5, true, PAGE_W - 2.0 * MARGIN)
    } else {
        Vec::new()
    };
    #[allow(clippy::cast_precision_loss)]
    let caveat_h = 12.0 * caveat.len() as f64;
    // The chart's room between the top of the page and the caption above the footer.
    let room = (PAGE_H - 70.0 - 60.0 - caveat_h) / scale;
    let parts: Vec<(String, f64)> = match &chart {
        Chart::Bars(b) if b.as_rows() => {
            let mut pages = 1;
            let per = loop {
                let per = b.bars.len().div_ceil(pages).max(1);
                if per == 1 || b.bars.chunks(per).all(|c| svg::rows_height(c) <= room) {
                    break per;
                }
                pages += 1;
            };
            b.bars.chunks(per).enumerate().map(|(i, c)| (svg::rows(b, c, i > 0), svg::rows_height(c))).collect()
        }
        _ => vec![(svg::chart_body(&chart), svg::chart_height(&chart))],
    };
    parts
        .into_iter()
        .map(|(drawn, height)| {
            let mut body = String::new();
            let _ = write!(body, r#"<g transform="translate({MARGIN} 70) scale({scale:.4})">{drawn}</g>"#);
            let _ = write!(
                body,
                r#"<text x="{MARGIN}" y="{:.1}" font-size="10" fill="{MUTED}">{}</text>"#,
                70.0 + height * scale + 18.0,
                esc(kind.caption())
            );
            for (k, line) in caveat.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let y = 70.0 + height * scale + 32.0 + 12.0 * k as f64;
                let _ = write!(
                    body,
                    r#"<text x="{MARGIN}" y="{y:.1}" font-size="9.5" font-weight="bold" fill="{OVER}">{}</text>"#,
                    esc(line)
                );
            }
            Page { title: String::new(), body }
        })
        .collect()
}

/// One part of the pack: its pages.
type Part = fn(&Scenario, &Summary, &PackOptions) -> Vec<Page>;

/// The pack's parts, in order; with a comparison, its Options section after the cover.
fn pages(s: &Scenario, sum: &Summary, o: &PackOptions, compared: Option<&Comparison>) -> Vec<Page> {
    let parts: [Part; 7] =
        [cover, cost_table, charts, people_and_one_off, consultation::pages, assumptions, exits_register];
    let mut out = cover(s, sum, o);
    if let Some(c) = compared {
        out.extend(options::pages(c));
    }
    out.extend(parts.iter().skip(1).flat_map(|part| part(s, sum, o)));
    out
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
    let name_size = measure::fitting_size(&s.name, 18.0, false, PAGE_W - 2.0 * MARGIN);
    let _ =
        write!(body, r#"<text x="{MARGIN}" y="186" font-size="{name_size:.1}" fill="{INK}">{}</text>"#, esc(&s.name));
    let produced = format!(
        "Board pack produced {} from {}{} · envelope {} per head of {} by {}",
        o.date.format("%-d %B %Y"),
        o.file_name,
        if s.year.is_empty() { String::new() } else { format!(" · the plan for {}", s.year) },
        format_pounds_pence(s.assumptions.envelope_per_head_pence),
        s.assumptions.population_basis.label(),
        s.assumptions.target_date.format("%-d %B %Y")
    );
    for (i, line) in measure::wrap(&produced, 12.0, false, PAGE_W - 2.0 * MARGIN).iter().take(2).enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = 212.0 + 15.0 * i as f64;
        let _ = write!(body, r#"<text x="{MARGIN}" y="{y:.1}" font-size="12" fill="{MUTED}">{}</text>"#, esc(line));
    }
    // Where allowances stand in for baselines, the surplus is not real: it is not shown in
    // the colour of good news, its caption says so, and the caveat follows the figures.
    let allowances = sum.allowance_baselines();
    let surplus_caption = match (allowances > 0, sum.clusters.iter().any(|c| c.merged)) {
        (true, _) => "Surplus, not comparable",
        (false, true) => "Surplus, by body",
        (false, false) => "Surplus, not netted",
    };
    let payback = sum.payback_months().map_or_else(|| "none (no saving)".to_owned(), |m| format!("{m} months"));
    let heads = [
        ("Baseline", format_pounds(t.baseline), INK),
        ("Planned", format_pounds(t.planned), INK),
        ("Target", opt_pounds(t.target), INK),
        ("Still to save", format_pounds(t.still_to_save), if t.still_to_save > 0 { OVER } else { INK }),
        (surplus_caption, format_pounds(t.surplus), if t.surplus > 0 && allowances == 0 { UNDER } else { INK }),
        ("Moved out, not saved", format_pounds(t.transferred_out), INK),
        ("One-off costs", format_pounds(sum.one_off.total()), INK),
        ("Net recurrent saving a year", format_pounds(t.net_recurrent_saving()), INK),
        ("Payback", payback, INK),
    ];
    // Three figures a row, each in its own box; a figure too wide for its box (billions)
    // is set smaller rather than run into the next.
    let box_w = (PAGE_W - 2.0 * MARGIN) / 3.0;
    for (i, (k, v, color)) in heads.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let (x, y) = (MARGIN + box_w * (i % 3) as f64, 250.0 + 50.0 * (i / 3) as f64);
        let _ = write!(body, r#"<text x="{x:.1}" y="{y:.1}" font-size="10" fill="{MUTED}">{}</text>"#, esc(k));
        let size = measure::fitting_size(v, 20.0, true, box_w - 16.0);
        let _ = write!(
            body,
            r#"<text x="{x:.1}" y="{:.1}" font-size="{size:.1}" font-weight="bold" fill="{color}">{}</text>"#,
            y + 23.0,
            esc(v)
        );
    }
    let mut top = 418.0;
    let width = PAGE_W - 2.0 * MARGIN;
    if allowances > 0 {
        let caveat = crate::report::style::allowance_caveat(allowances);
        for (i, line) in measure::wrap(&caveat, 10.5, true, width).iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = 410.0 + 14.0 * i as f64;
            let _ = write!(
                body,
                r#"<text x="{MARGIN}" y="{y:.1}" font-size="10.5" font-weight="bold" fill="{OVER}">{}</text>"#,
                esc(line)
            );
            top = y + 22.0;
        }
    }
    // What a merger does to what is still to save, and does not do to cost.
    if let Some(netting) = crate::report::style::merger_netting(sum) {
        let first = if top > 418.0 { top - 8.0 } else { 410.0 };
        for (i, line) in measure::wrap(&netting, 10.5, true, width).iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = first + 14.0 * i as f64;
            let _ = write!(
                body,
                r#"<text x="{MARGIN}" y="{y:.1}" font-size="10.5" font-weight="bold" fill="{INK}">{}</text>"#,
                esc(line)
            );
            top = y + 22.0;
        }
    }
    // The notes, as many lines as fit above the footer (the rest are in the scenario).
    let bottom = if o.redacted { 525.0 } else { 545.0 };
    for (i, line) in measure::wrap(&s.notes, 10.0, false, width).iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + 14.0 * i as f64;
        if y > bottom {
            break;
        }
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
        // The figures' columns are as wide as their widest figure; the names take the rest.
        ("Cluster / ICB", 762.0),
        ("Baseline", 40.0),
        ("Planned", 40.0),
        ("Target", 40.0),
        ("Still to save", 40.0),
        ("Surplus", 40.0),
        ("Per head", 40.0),
        ("Moved out", 40.0),
    ];
    let table = Table::new(&columns, 1);
    let rows: Vec<(Vec<String>, bool)> =
        line_rows(sum).into_iter().map(|r| (line_cells(r.label, r.line), r.strong)).collect();
    let mut intro = format!(
        "{} Moved out: cost that transfers with functions (moved, not saved).",
        crate::report::style::still_to_save_rule_short(sum)
    );
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
    // With no people there is no one to count by outcome: no page of empty rows.
    let people: u32 = sum.outcomes.iter().map(|(_, t)| t.count).sum();
    for kind in ChartKind::ALL.into_iter().filter(|k| *k != ChartKind::Outcomes || people > 0) {
        pages.extend(chart_pages(kind, s, sum));
    }
    pages
}

/// People by outcome (with WTE) beside the one-off costs and payback: two short tables on
/// one page rather than two pages mostly blank.
fn people_and_one_off(_s: &Scenario, sum: &Summary, _o: &PackOptions) -> Vec<Page> {
    let people_cols = [("Outcome", 190.0), ("People", 70.0), ("WTE", 70.0)];
    let mut people = Table::new(&people_cols, 1);
    people.room = 330.0;
    let cost_cols = [("Item", 280.0), ("Amount", 110.0)];
    let mut costs = Table::new(&cost_cols, 1);
    costs.left = MARGIN + 360.0;
    costs.room = PAGE_W - MARGIN - costs.left;
    let intro = format!(
        "{} people leaving are not eligible for a payment (too little service, or suitable alternative employment refused). Early retirement on redundancy is not costed.{}",
        sum.one_off.not_eligible,
        if sum.pay_protection.people > 0 && sum.pay_protection.over_period == 0 {
            format!(
                " {} people placed in lower-paid posts would keep {} a year of difference under pay protection: set its months from the local policy in the assumptions.",
                format_count(sum.pay_protection.people as usize),
                format_pounds(sum.pay_protection.a_year)
            )
        } else {
            String::new()
        }
    );
    let (mut body, top) = intro_lines(&intro, 100.0);
    for (table, rows) in [(&people, outcome_rows(sum)), (&costs, one_off_rows(sum))] {
        let widths = table.widths(&rows);
        body.push_str(&table.draw(&widths, &table.lay_out(&widths, &rows), top));
    }
    vec![Page { title: "People by outcome, one-off costs and payback".into(), body }]
}

/// Each outcome's people and WTE, and all people.
fn outcome_rows(sum: &Summary) -> Vec<(Vec<String>, bool)> {
    let wte = |w: u64| Wte(u32::try_from(w).unwrap_or(u32::MAX)).to_string();
    let mut rows: Vec<(Vec<String>, bool)> = sum
        .outcomes
        .iter()
        .map(|(k, tally)| (vec![k.label().to_owned(), format_count(tally.count as usize), wte(tally.wte)], false))
        .collect();
    let people: u32 = sum.outcomes.iter().map(|(_, x)| x.count).sum();
    let all_wte: u64 = sum.outcomes.iter().map(|(_, x)| x.wte).sum();
    rows.push((vec!["All people".into(), format_count(people as usize), wte(all_wte)], true));
    rows
}

/// One-off costs, the recurrent saving and payback.
fn one_off_rows(sum: &Summary) -> Vec<(Vec<String>, bool)> {
    let t = &sum.totals;
    let mut rows = vec![
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
    let pp = &sum.pay_protection;
    if pp.people > 0 && pp.over_period == 0 && pp.at_target == 0 {
        rows.push((
            vec![
                format!(
                    "{} people in lower-paid posts: their difference a year (pay protection not set)",
                    format_count(pp.people as usize)
                ),
                format_pounds(pp.a_year),
            ],
            false,
        ));
    } else if pp.people > 0 {
        rows.push((
            vec![
                format!(
                    "Pay protection still paid at the target date ({} people), a year, on top of the planned cost",
                    format_count(pp.people as usize)
                ),
                format_pounds(pp.at_target),
            ],
            false,
        ));
        rows.push((vec!["Pay protection over its whole period".into(), format_pounds(pp.over_period)], false));
    }
    rows
}

/// The assumptions and their sources.
fn assumptions(s: &Scenario, _sum: &Summary, _o: &PackOptions) -> Vec<Page> {
    let mut pages = Vec::new();
    let a = &s.assumptions;
    let columns = [("Assumption", 290.0), ("Value", 150.0), ("Source", 322.0)];
    let table = Table::new(&columns, 99);
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
        let table = Table::new(&columns, 5);
        const MAX_ROWS: usize = 240;
        let one_off = |i: usize| sum.person_one_off.get(i).copied().unwrap_or(0);
        let mut exits: Vec<usize> =
            (0..s.people.len()).filter(|i| s.people[*i].outcome.kind().is_paid_exit()).collect();
        // The largest payments first: what a board asks about (ties in the file's order).
        exits.sort_by_key(|&i| std::cmp::Reverse(one_off(i)));
        let paid = exits.iter().filter(|&&i| one_off(i) > 0).count();
        let total: i64 = exits.iter().map(|&i| one_off(i)).sum();
        let mut rows: Vec<(Vec<String>, bool)> = exits
            .iter()
            .take(MAX_ROWS)
            .map(|&i| {
                let p = &s.people[i];
                (
                    vec![
                        p.name.clone().unwrap_or_default(),
                        p.id.clone(),
                        p.org.to_string(),
                        p.title.clone(),
                        p.outcome.kind().label().to_owned(),
                        format_pounds(p.salary_pence),
                        format_pounds_pence(one_off(i)),
                    ],
                    false,
                )
            })
            .collect();
        let all = crate::model::money::format_count(exits.len());
        rows.push((
            vec![
                format!("All {all} people"),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                format_pounds_pence(total),
            ],
            true,
        ));
        let listed = if exits.len() > MAX_ROWS {
            format!(
                " The {MAX_ROWS} largest payments are listed; the total is of all {all}, and the full list is in the scenario and the workbook."
            )
        } else {
            String::new()
        };
        let intro = format!(
            "{all} people leaving by redundancy or MARS: {} with a payment, {} with too little service for one.{listed} Contains personal data: handle as marked.",
            crate::model::money::format_count(paid),
            crate::model::money::format_count(exits.len() - paid),
        );
        if exits.is_empty() {
            rows.clear();
        }
        if !rows.is_empty() {
            pages.extend(table_pages("Exits register", &table, &rows, &intro));
        }
    }
    pages
}

/// The board pack as SVG pages (numbered), for checking and for the PDF.
#[must_use]
pub fn board_pack_pages(s: &Scenario, sum: &Summary, o: &PackOptions) -> Vec<String> {
    numbered(&pages(s, sum, o, None), o)
}

/// The board pack with an Options section (the comparison's grid, steps, net present value
/// and what changed) after the cover, as SVG pages.
#[must_use]
pub fn board_pack_with_options_pages(s: &Scenario, sum: &Summary, o: &PackOptions, c: &Comparison) -> Vec<String> {
    numbered(&pages(s, sum, o, Some(c)), o)
}

fn numbered(ps: &[Page], o: &PackOptions) -> Vec<String> {
    let total = ps.len();
    ps.iter().enumerate().map(|(i, p)| page_svg(p, i + 1, total, o)).collect()
}

/// The board pack as PDF bytes.
pub fn board_pack_pdf(s: &Scenario, sum: &Summary, o: &PackOptions) -> Result<Vec<u8>, ExportError> {
    pdf_of(&board_pack_pages(s, sum, o), &format!("Running cost against target: {}", s.name))
}

/// The board pack with the Options section, as PDF bytes.
pub fn board_pack_with_options_pdf(
    s: &Scenario,
    sum: &Summary,
    o: &PackOptions,
    c: &Comparison,
) -> Result<Vec<u8>, ExportError> {
    pdf_of(&board_pack_with_options_pages(s, sum, o, c), &format!("Options appraisal and running cost: {}", s.name))
}

/// One chart on one A4 landscape page, as PDF bytes (Print ▸ the chart on screen).
pub fn chart_pdf(kind: ChartKind, s: &Scenario, sum: &Summary, o: &PackOptions) -> Result<Vec<u8>, ExportError> {
    let pages = chart_pages(kind, s, sum);
    let total = pages.len();
    let svgs: Vec<String> = pages.iter().enumerate().map(|(i, p)| page_svg(p, i + 1, total, o)).collect();
    pdf_of(&svgs, kind.build(s, sum).title())
}
