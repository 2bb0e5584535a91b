//! The comparison in a workbook: an "Options" sheet (the grid's rows, the base and each
//! option, values not formulas), the steps from the base's cost to each option's, and each
//! option's net present value year by year.

use super::compare::Comparison;
use super::grid::{Better, Kind};
use super::npv::{discount_factor, present_values};
use crate::edit::diff::{Changes, changes};
use crate::files::workbook::{Cell, Sheet, sheets_xlsx};
use crate::model::money::Wte;

fn cell(kind: Kind, v: Option<i64>) -> Cell {
    let Some(v) = v else { return Cell::Empty };
    match kind {
        Kind::Money | Kind::PerHead => Cell::Money(v),
        Kind::Count | Kind::Months => Cell::Int(v),
        Kind::Percent => Cell::Percent(v),
        Kind::Wte => Cell::Wte(Wte(u32::try_from(v.max(0)).unwrap_or(u32::MAX))),
    }
}

/// The sheets: Options, Steps from the base, Net present value.
#[must_use]
pub fn options_sheets(c: &Comparison) -> Vec<Sheet> {
    let cols = c.columns();
    let mut columns = vec![("Group".to_owned(), 30.0), ("Figure".to_owned(), 40.0), ("Better".to_owned(), 10.0)];
    columns.extend(cols.iter().map(|x| (format!("{} ({})", x.name, x.role.label()), 22.0)));
    columns.push(("Best option".to_owned(), 24.0));
    let rows = c
        .rows()
        .into_iter()
        .map(|r| {
            let better = match r.better {
                Better::Lower => "lower",
                Better::Higher => "higher",
                Better::Neither => "",
            };
            let mut row = vec![Cell::Text(r.group.clone()), Cell::Text(r.label.clone()), Cell::Text(better.into())];
            row.extend(r.values.iter().map(|v| cell(r.kind, *v)));
            row.push(r.best().map_or(Cell::Empty, |i| Cell::Text(cols[i].name.clone())));
            row
        })
        .collect();
    let options = Sheet { name: "Options", columns, rows };

    let mut steps = Vec::new();
    for o in &c.options {
        let w = c.appraise(o).waterfall;
        steps.push(vec![
            Cell::Text(o.name.clone()),
            Cell::Text("The base's planned running cost".into()),
            Cell::Money(w.base),
        ]);
        for (label, v) in w.steps() {
            steps.push(vec![Cell::Text(o.name.clone()), Cell::Text(label.into()), Cell::Money(v)]);
        }
        steps.push(vec![
            Cell::Text(o.name.clone()),
            Cell::Text("This option's planned running cost".into()),
            Cell::Money(w.option),
        ]);
    }
    let steps = Sheet {
        name: "Steps from the base",
        columns: vec![("Option".into(), 30.0), ("Step".into(), 48.0), ("£ a year".into(), 18.0)],
        rows: steps,
    };

    let mut npv = Vec::new();
    for o in &c.options {
        let a = c.appraise(o);
        npv.push(vec![
            Cell::Text(o.name.clone()),
            Cell::Int(0),
            Cell::Text("one-off costs".into()),
            Cell::Text("1".into()),
            Cell::Money(-a.one_off),
        ]);
        for (t, pv) in (1..).zip(present_values(a.net_saving, c.years, c.rate)) {
            npv.push(vec![
                Cell::Text(o.name.clone()),
                Cell::Int(i64::from(t)),
                Cell::Money(a.net_saving),
                Cell::Text(format!("{:.4}", discount_factor(c.rate, t))),
                Cell::Money(pv),
            ]);
        }
        npv.push(vec![
            Cell::Text(o.name.clone()),
            Cell::Text("Net present value".into()),
            Cell::Empty,
            Cell::Empty,
            Cell::Money(a.npv),
        ]);
    }
    let npv = Sheet {
        name: "Net present value",
        columns: vec![
            ("Option".into(), 30.0),
            ("Year".into(), 18.0),
            ("Net saving against the base".into(), 20.0),
            (format!("Discount factor at {}", c.rate), 16.0),
            ("Present value".into(), 18.0),
        ],
        rows: npv,
    };
    let lists: Vec<_> = c
        .options
        .iter()
        .map(|o| (o.name.as_str(), changes(&c.base.scenario, &c.base.summary, &o.scenario, &o.summary)))
        .collect();
    let pairs: Vec<(&str, &str, &Changes)> = lists.iter().map(|(n, l)| (c.base.name.as_str(), *n, l)).collect();
    vec![options, steps, npv, changes_sheet(&pairs)]
}

/// What changed, as a sheet: a row per change, from one option (`from`) to another (`to`),
/// with its section, its group, what it is about, what it was and is, and what it does to
/// the planned running cost a year and to the one-off costs. The window's "Export the
/// changes" writes it as CSV; the options workbook holds it for each option against the base.
#[must_use]
pub fn changes_sheet(pairs: &[(&str, &str, &Changes)]) -> Sheet {
    let mut rows = Vec::new();
    for (from, to, list) in pairs {
        for g in &list.groups {
            for i in &g.items {
                let money = |v: Option<i64>| v.map_or(Cell::Empty, Cell::Money);
                rows.push(vec![
                    Cell::Text((*from).to_owned()),
                    Cell::Text((*to).to_owned()),
                    Cell::Text(g.section.label().to_owned()),
                    Cell::Text(g.title.clone()),
                    Cell::Text(i.what.clone()),
                    Cell::Text(i.from.clone()),
                    Cell::Text(i.to.clone()),
                    money(i.cost),
                    money(i.one_off),
                ]);
            }
        }
    }
    let columns = [
        ("From", 24.0),
        ("To", 24.0),
        ("Section", 12.0),
        ("Change", 30.0),
        ("What", 36.0),
        ("Was", 40.0),
        ("Is", 40.0),
        ("Running cost a year", 18.0),
        ("One-off", 16.0),
    ];
    Sheet { name: "What changed", columns: columns.iter().map(|(n, w)| ((*n).to_owned(), *w)).collect(), rows }
}

/// The comparison as an XLSX workbook.
pub fn options_xlsx(c: &Comparison) -> Result<Vec<u8>, String> {
    sheets_xlsx("Options appraisal", &options_sheets(c))
}
