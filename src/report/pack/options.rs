//! The board pack's Options section, when the pack is made from a comparison (File ▸ Compare
//! options… ▸ Board pack with the options, or `compare … --pdf`): the grid of figures against
//! the base with the best option starred, the steps from the base's cost to each option's
//! drawn as waterfalls, the net present value year by year, and what changed from the base
//! to each option, group by group.

use std::fmt::Write as _;

use super::{MARGIN, PAGE_W, Page, Table, intro_lines, table_pages};
use crate::appraisal::{Comparison, Show};
use crate::edit::diff::{self, Section};

use crate::model::money::{Pence, format_change, format_count, format_pounds};
use crate::report::measure;
use crate::report::style::MOVED;
use crate::report::svg::{GRID, INK, MUTED, OVER, UNDER, esc};

/// The section's pages, in order.
pub(super) fn pages(c: &Comparison) -> Vec<Page> {
    let mut pages = grid(c);
    pages.extend(waterfalls(c));
    pages.extend(npv(c));
    pages.extend(changes(c));
    pages
}

/// Column headings short enough to sit over their figures (a table holds the base and at
/// most four options): the options' names without `.ron`, shortened; the intro gives each in
/// full.
fn headings(c: &Comparison) -> Vec<String> {
    c.columns()
        .iter()
        .enumerate()
        .map(|(i, x)| {
            if i == 0 {
                "Base".to_owned()
            } else {
                crate::report::style::shorten(x.name.strip_suffix(".ron").unwrap_or(&x.name), 18)
            }
        })
        .collect()
}

/// Who is in the comparison: each column's heading, name and role, and what it is against.
fn key(c: &Comparison) -> String {
    let heads = headings(c);
    let cols = c.columns();
    let each: Vec<String> = cols
        .iter()
        .zip(&heads)
        .map(|(x, h)| {
            let role = x.role.label();
            let name =
                if x.name.to_lowercase().contains(role) { x.name.clone() } else { format!("{} ({role})", x.name) };
            if x.name.strip_suffix(".ron").unwrap_or(&x.name) == h.as_str() { name } else { format!("{h}: {name}") }
        })
        .collect();
    let mut out = format!("{}.", each.join("; "));
    if !c.coverage.same() {
        let _ = write!(
            out,
            " The options cover different ICBs: compared on the {} ICBs common to all (merged ICBs counted ICB by ICB).",
            c.coverage.common.len()
        );
    }
    out
}

/// How many options a table of the pack sets beside the base: more would not fit across
/// the page at full size, so the grid and the NPV go over as many tables as they need.
const OPTIONS_ACROSS: usize = 4;

/// The options in groups of [`OPTIONS_ACROSS`], by their column (1 … n), and what a page of
/// each is titled after: "" when one group holds them all, " (options 5 to 8)" otherwise.
fn column_groups(c: &Comparison) -> Vec<(Vec<usize>, String)> {
    let n = c.options.len();
    (1..=n)
        .collect::<Vec<_>>()
        .chunks(OPTIONS_ACROSS)
        .map(|g| {
            let suffix = if n <= OPTIONS_ACROSS {
                String::new()
            } else if g.len() == 1 {
                format!(" (option {})", g[0])
            } else {
                format!(" (options {} to {})", g[0], g[g.len() - 1])
            };
            (g.to_vec(), suffix)
        })
        .collect()
}

/// What the comparison is against, in the words of its base.
fn against(c: &Comparison) -> String {
    if c.base.name == "Business as usual" || c.base.name.starts_with("business as usual") {
        "Against business as usual: everyone in post, no single management teams, no merger, non-pay unchanged."
            .to_owned()
    } else {
        format!("Against {}, marked as the base (business as usual).", c.base.name)
    }
}

fn grid(c: &Comparison) -> Vec<Page> {
    let heads = headings(c);
    // Every total, person and post row; a cluster's only where the columns differ; no ICB's
    // (at national scale they would take a dozen pages: the window and the workbook have them).
    let whole = ["Totals", "People by outcome", "Posts by band"];
    let rows_all: Vec<_> =
        c.rows().into_iter().filter(|r| !r.per_icb && (whole.contains(&r.group.as_str()) || r.differs())).collect();
    let mut intro = format!(
        "{} ★ marks the best option on a row where one way is better (lower cost, higher saving, cut or net present value), of all the options. Clusters: only the rows that differ between the columns; each ICB's rows are in the window and the workbook. {}",
        key(c),
        against(c)
    );
    if c.options.iter().any(|o| o.summary.clusters.iter().any(|f| f.merged)) {
        intro.push_str(
            " A merged ICB's still to save is netted across its parts: a lower figure there is not a saving; compare the net recurrent saving.",
        );
    }
    if let Some(caveat) = allowances(c) {
        intro = format!("{caveat} {intro}");
    }
    let mut pages = Vec::new();
    for (k, (group_cols, suffix)) in column_groups(c).into_iter().enumerate() {
        let cols: Vec<usize> = std::iter::once(0).chain(group_cols).collect();
        let mut columns: Vec<(&str, f64)> = vec![("Figure", 762.0)];
        columns.extend(cols.iter().map(|&i| (heads[i].as_str(), 40.0)));
        let table = Table::new(&columns, 1);
        let mut rows: Vec<(Vec<String>, bool)> = Vec::new();
        let mut group = String::new();
        for r in &rows_all {
            if r.group != group {
                group.clone_from(&r.group);
                let mut heading = vec![group.clone()];
                heading.extend(cols.iter().map(|_| String::new()));
                rows.push((heading, true));
            }
            let best = r.best();
            let mut cells = vec![format!("  {}", r.label)];
            cells.extend(cols.iter().map(|&i| {
                let text = r.cell(i, Show::Value);
                if best == Some(i) { format!("★ {text}") } else { text }
            }));
            rows.push((cells, false));
        }
        let title = format!("Options appraisal: the options side by side{suffix}");
        pages.extend(table_pages(&title, &table, &rows, if k == 0 { &intro } else { "" }));
    }
    pages
}

/// Where running cost allowances stand in for baselines in any column, what the board must
/// not read into the figures (as every other page of the pack says it).
pub(crate) fn allowances(c: &Comparison) -> Option<String> {
    let n = c.columns().iter().map(|x| x.summary.allowance_baselines()).max().unwrap_or(0);
    (n > 0).then(|| crate::report::style::allowance_caveat(n))
}

/// How tall one option's waterfall is, in points: its name, seven rows and a gap; three
/// fit on a page under the intro and the legend.
const ROW: f64 = 14.0;
const BLOCK: f64 = 16.0 + 8.0 * ROW + 16.0;
const PER_PAGE: usize = 3;

fn waterfalls(c: &Comparison) -> Vec<Page> {
    let all: Vec<_> = c.options.iter().map(|o| (o.name.clone(), c.appraise(o).waterfall)).collect();
    // One scale for every option, from zero (a bar that starts at zero tells its true size).
    let mut top: Pence = 1;
    for (_, w) in &all {
        let mut run = w.base;
        top = top.max(run);
        for (_, v) in w.steps() {
            run += v;
            top = top.max(run);
        }
    }
    let intro = "Each option's planned running cost a year, built up from the base's: the option's own baseline against the base, the current roles of the people placed in new posts taken out, the new posts added, non-pay changes, the people leaving taken out, and the cost that moves out with functions (moved to another body, not saved). The steps add up to the option's cost to the penny. The two costs are drawn from zero and each step from where the last ended, all on one scale.";
    all.chunks(PER_PAGE)
        .enumerate()
        .map(|(k, chunk)| {
            let (mut body, mut y) = if k == 0 { intro_lines(intro, 96.0) } else { (String::new(), 96.0) };
            body.push_str(&legend(y));
            y += 24.0;
            for (name, w) in chunk {
                body.push_str(&waterfall(name, w, top, y));
                y += BLOCK;
            }
            let title = if k == 0 {
                "Options: from the base's cost to each option's"
            } else {
                "Options: from the base's cost to each option's (continued)"
            };
            Page { title: title.to_owned(), body }
        })
        .collect()
}

/// The legend: what the three fills mean.
fn legend(y: f64) -> String {
    let mut out = String::new();
    let mut x = MARGIN;
    for (fill, words) in
        [(MUTED, "Planned running cost"), (OVER, "A step that adds cost"), (UNDER, "A step that takes cost out")]
    {
        let _ = write!(out, r#"<rect x="{x:.1}" y="{:.1}" width="10" height="10" fill="{fill}"/>"#, y - 9.0);
        let _ =
            write!(out, r#"<text x="{:.1}" y="{y:.1}" font-size="9.5" fill="{INK}">{}</text>"#, x + 14.0, esc(words));
        x += 24.0 + measure::width(words, 9.5, false);
    }
    out
}

/// One option's waterfall: the base, each step floating from where the last ended, and the
/// option's cost; the label on the left, the figure on the right.
fn waterfall(name: &str, w: &crate::appraisal::Waterfall, top: Pence, y0: f64) -> String {
    const LABEL_W: f64 = 250.0;
    const VALUE_W: f64 = 110.0;
    let (left, right) = (MARGIN + LABEL_W, PAGE_W - MARGIN - VALUE_W);
    #[allow(clippy::cast_precision_loss)]
    let x = |v: Pence| left + (right - left) * (v.max(0) as f64 / top as f64);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<text x="{MARGIN}" y="{y0:.1}" font-size="10.5" font-weight="bold" fill="{INK}">{}</text>"#,
        esc(name)
    );
    let mut rows: Vec<(String, Pence, Pence, bool)> = vec![("The base's planned running cost".into(), 0, w.base, true)];
    let mut run = w.base;
    for (label, v) in w.steps() {
        rows.push((label.to_owned(), run, run + v, false));
        run += v;
    }
    rows.push(("This option's planned running cost".into(), 0, w.option, true));
    let _ = write!(
        out,
        r#"<line x1="{left:.1}" y1="{:.1}" x2="{left:.1}" y2="{:.1}" stroke="{GRID}"/>"#,
        y0 + 4.0,
        y0 + 6.0 + 8.0 * ROW
    );
    for (i, (label, from, to, total)) in rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = y0 + 16.0 + ROW * i as f64;
        let (a, b) = (x(*from.min(to)), x(*from.max(to)));
        let fill = if *total {
            MUTED
        } else if label.starts_with("Moved out") {
            MOVED
        } else if to > from {
            OVER
        } else {
            UNDER
        };
        let _ = write!(out, r#"<text x="{MARGIN}" y="{y:.1}" font-size="9.5" fill="{INK}">{}</text>"#, esc(label));
        // A step of nothing draws no bar (a sliver would read as a step).
        if from != to {
            let _ = write!(
                out,
                r#"<rect x="{a:.1}" y="{:.1}" width="{:.1}" height="11" fill="{fill}"/>"#,
                y - 9.5,
                (b - a).max(0.8)
            );
        }
        let v = if *total { format_pounds(*to) } else { format_change(to - from) };
        let weight = if *total { r#" font-weight="bold""# } else { "" };
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{y:.1}" font-size="9.5" text-anchor="end"{weight} fill="{INK}">{}</text>"#,
            PAGE_W - MARGIN,
            esc(&v)
        );
    }
    out
}

fn npv(c: &Comparison) -> Vec<Page> {
    use crate::appraisal::npv::{discount_factor, present_values};
    let heads = headings(c);
    let appraised: Vec<_> = c.options.iter().map(|o| c.appraise(o)).collect();
    let pvs: Vec<Vec<Pence>> = appraised.iter().map(|a| present_values(a.net_saving, c.years, c.rate)).collect();
    let intro = format!(
        "HM Treasury Green Book, against the base: year 0 holds the one-off costs (redundancy and MARS) beyond the base's; the net recurrent saving against the base counts in full in each of years 1 to {y} and its present value is the saving ÷ (1 + {r})^t, to the penny (the factor is shown rounded to six places). Cost that only moves out with a function is not a saving. {notes}",
        y = c.years,
        r = c.rate,
        notes = c.notes().join(" ")
    );
    let mut pages = Vec::new();
    for (k, (group_cols, suffix)) in column_groups(c).into_iter().enumerate() {
        let mut columns: Vec<(&str, f64)> = vec![("Year", 150.0), ("Discount factor", 40.0)];
        columns.extend(group_cols.iter().map(|&i| (heads[i].as_str(), 40.0)));
        let table = Table::new(&columns, 1);
        let each = |f: &dyn Fn(usize) -> Pence| group_cols.iter().map(|&i| format_pounds(f(i - 1))).collect::<Vec<_>>();
        let row = |label: &str, factor: String, cells: Vec<String>, strong: bool| {
            let mut r = vec![label.to_owned(), factor];
            r.extend(cells);
            (r, strong)
        };
        let mut rows = vec![
            row("Net recurrent saving a year", String::new(), each(&|i| appraised[i].net_saving), false),
            row("0: one-off costs", "1".to_owned(), each(&|i| -appraised[i].one_off), false),
        ];
        for t in 1..=c.years {
            let factor = format!("{:.6}", discount_factor(c.rate, t));
            rows.push(row(&format!("{t}: net recurrent saving"), factor, each(&|i| pvs[i][t as usize - 1]), false));
        }
        rows.push(row("Present value of the savings", String::new(), each(&|i| pvs[i].iter().sum()), false));
        rows.push(row("Present value of the costs", String::new(), each(&|i| appraised[i].one_off), false));
        rows.push(row("Net present value", String::new(), each(&|i| appraised[i].npv), true));
        let undiscounted = |i: usize| appraised[i].net_saving * i64::from(c.years) - appraised[i].one_off;
        rows.push(row(
            &format!("Undiscounted: {} years' saving less the one-off", c.years),
            String::new(),
            each(&undiscounted),
            false,
        ));
        let title = format!("Options: net present value year by year{suffix}");
        pages.extend(table_pages(&title, &table, &rows, if k == 0 { &intro } else { "" }));
    }
    pages
}

fn changes(c: &Comparison) -> Vec<Page> {
    let columns = [("Change", 462.0), ("Count", 40.0), ("Running cost a year", 40.0), ("One-off", 40.0)];
    let table = Table::new(&columns, 1);
    let mut rows = Vec::new();
    for o in &c.options {
        let list = diff::changes(&c.base.scenario, &c.base.summary, &o.scenario, &o.summary);
        rows.push((
            vec![format!("{} against {}", o.name, c.base.name), String::new(), String::new(), String::new()],
            true,
        ));
        if list.is_empty() {
            rows.push((vec!["  No changes".to_owned(), String::new(), String::new(), String::new()], false));
        }
        for g in &list.groups {
            rows.push((
                vec![
                    format!("  {}", g.heading()),
                    format_count(g.items.len()),
                    g.cost().map_or_else(String::new, format_change),
                    g.one_off().map_or_else(String::new, format_change),
                ],
                false,
            ));
            // A few changes of the groups a board reads one by one: clusters, functions and
            // assumptions.
            if matches!(g.section, Section::Clusters | Section::Functions | Section::Assumptions) && g.items.len() <= 6
            {
                for i in &g.items {
                    let was = if i.from.is_empty() { "not said" } else { i.from.as_str() };
                    let is = if i.to.is_empty() { "not said" } else { i.to.as_str() };
                    rows.push((
                        vec![format!("      {}: {was} → {is}", i.what), String::new(), String::new(), String::new()],
                        false,
                    ));
                }
            }
        }
        if !list.is_empty() {
            let (cost, one_off) = list.totals();
            rows.push((
                vec![
                    "  All the changes".to_owned(),
                    format_count(list.count()),
                    format_change(cost),
                    format_change(one_off),
                ],
                true,
            ));
        }
    }
    let intro = "What differs from the base in each option, grouped by kind (the window lists every change, and exports it). Running cost a year: the change each group makes to the planned running cost; a person placed in a post is costed through the post, so their own line shows their current role taken out.";
    table_pages("Options: what changed from the base", &table, &rows, intro)
}
