//! The comparison grid: one row per figure, one value per column (the base first, then each
//! option), with which way is better, so the window, the pack and the workbook show the
//! same rows.

use super::compare::{Candidate, Comparison};
use crate::model::OutcomeKind;
use crate::model::money::{Pence, format_count, format_pounds, format_pounds_pence};

/// What a row's figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Money,
    /// Money per head, shown to the penny.
    PerHead,
    Count,
    /// WTE in ten-thousandths.
    Wte,
    Months,
    /// Basis points (3150 = 31.5%).
    Percent,
}

impl Kind {
    /// A figure as the grid writes it: "£1,234", "£18.76", "1,234", "12.50", "14 months", "31.5%".
    #[must_use]
    pub fn format(self, v: i64) -> String {
        match self {
            Kind::Money => format_pounds(v),
            Kind::PerHead => format_pounds_pence(v),
            Kind::Count => format_count(usize::try_from(v.unsigned_abs()).unwrap_or(usize::MAX)),
            Kind::Wte => {
                // Ten-thousandths of a WTE, to two places, with thousands separated.
                let hundredths = crate::model::money::mul_div_round(v.abs(), 1, 100);
                let whole = format_count(usize::try_from(hundredths / 100).unwrap_or(usize::MAX));
                format!("{}{whole}.{:02}", if v < 0 { "−" } else { "" }, hundredths % 100)
            }
            Kind::Months => format!("{v} months"),
            #[allow(clippy::cast_precision_loss)]
            Kind::Percent => format!("{:.1}%", v as f64 / 100.0),
        }
    }
}

/// How a cell of the grid shows its figure: the value, the difference from the base, or the
/// difference in per cent of the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    Value,
    Difference,
    Percent,
}

/// Which way a row's best value lies, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Lower,
    Higher,
    Neither,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The group the row is in: "Totals", "People", "Posts", a cluster's or an ICB's name.
    pub group: String,
    pub label: String,
    pub kind: Kind,
    pub better: Better,
    /// The base's value, then each option's (`None`: not there, or not known).
    pub values: Vec<Option<i64>>,
    /// The row is one ICB's (the pack leaves these to the window and the workbook).
    pub per_icb: bool,
    /// The row is one of the appraisal's measures of an option (net recurrent saving, net
    /// present value, one-off costs, payback), whose best is starred. A lower running cost
    /// alone is not: cost moved out with a function, or netted in a merger, is not a saving.
    pub starred: bool,
}

impl Row {
    /// Whether the values are not all the same.
    #[must_use]
    pub fn differs(&self) -> bool {
        self.values.windows(2).any(|w| w[0] != w[1])
    }

    /// Column `i`'s cell as shown: the base's column always as its value; an option's as
    /// its value, "+£1,234" / "−£1,234" / "no change" against the base, or "+12.5%"; "—"
    /// where there is no figure (or no per cent of nothing).
    #[must_use]
    pub fn cell(&self, i: usize, show: Show) -> String {
        let Some(v) = self.values[i] else { return "—".into() };
        let base = self.values[0];
        match (show, base) {
            (Show::Value, _) | (_, None) => self.kind.format(v),
            _ if i == 0 => self.kind.format(v),
            (Show::Difference, Some(b)) => {
                let d = v - b;
                let text = self.kind.format(d.abs());
                match d.signum() {
                    1 => format!("+{text}"),
                    -1 => format!("−{text}"),
                    _ => "no change".into(),
                }
            }
            (Show::Percent, Some(0)) => {
                if v == 0 {
                    "no change".into()
                } else {
                    "—".into()
                }
            }
            (Show::Percent, Some(b)) => {
                #[allow(clippy::cast_precision_loss)]
                let p = (v - b) as f64 * 100.0 / b as f64;
                if p.abs() < 0.05 { "no change".into() } else { format!("{p:+.1}%") }
            }
        }
    }

    /// The column of the best option's value (never the base), when the row has a best way
    /// and the options differ; `None` otherwise.
    #[must_use]
    pub fn best(&self) -> Option<usize> {
        if !self.starred || self.better == Better::Neither || !self.values[1..].windows(2).any(|w| w[0] != w[1]) {
            return None;
        }
        let options = self.values.iter().enumerate().skip(1).filter_map(|(i, v)| v.map(|v| (i, v)));
        match self.better {
            Better::Lower => options.min_by_key(|(_, v)| *v).map(|(i, _)| i),
            Better::Higher => options.max_by_key(|(_, v)| *v).map(|(i, _)| i),
            Better::Neither => None,
        }
    }
}

/// The rows whose best option is starred: what the appraisal compares options on.
const STARRED: [&str; 5] =
    ["One-off: redundancy", "One-off: MARS", "Net recurrent saving against the base", "Payback", "Net present value"];

fn row(group: &str, label: &str, kind: Kind, better: Better, values: Vec<Option<i64>>) -> Row {
    Row { group: group.to_owned(), label: label.to_owned(), kind, better, values, per_icb: false, starred: false }
}

fn money(group: &str, label: &str, better: Better, values: Vec<Option<Pence>>) -> Row {
    row(group, label, Kind::Money, better, values)
}

impl Comparison {
    /// Every candidate in column order: the base, then the options.
    #[must_use]
    pub fn columns(&self) -> Vec<&Candidate> {
        std::iter::once(&self.base).chain(&self.options).collect()
    }

    /// The grid's rows: the totals and the appraisal, the people by outcome, the posts by
    /// band, then each cluster and each ICB in scope.
    #[must_use]
    pub fn rows(&self) -> Vec<Row> {
        let cols = self.columns();
        let each = |f: &dyn Fn(usize) -> Option<i64>| (0..cols.len()).map(f).collect::<Vec<_>>();
        let mut rows = self.total_rows(&cols);
        for k in OutcomeKind::ALL {
            let count = |i: usize| cols[i].summary.outcomes.iter().find(|(o, _)| *o == k).map(|(_, t)| *t);
            // An outcome no column uses says nothing: no rows of noughts.
            if (0..cols.len()).all(|i| count(i).is_none_or(|t| t.count == 0)) {
                continue;
            }
            let (n, wte) = (format!("{}: headcount", k.label()), format!("{}: WTE", k.label()));
            let people = "People by outcome";
            rows.push(row(
                people,
                &n,
                Kind::Count,
                Better::Neither,
                each(&|i| Some(count(i).map_or(0, |t| t.count.into()))),
            ));
            let w = |i: usize| Some(count(i).map_or(0, |t| i64::try_from(t.wte).unwrap_or(i64::MAX)));
            rows.push(row(people, &wte, Kind::Wte, Better::Neither, each(&w)));
        }
        let by_band: Vec<Vec<(String, usize)>> = cols.iter().map(|c| Comparison::posts_by_band(c)).collect();
        let bands: std::collections::BTreeSet<&String> = by_band.iter().flatten().map(|(b, _)| b).collect();
        for band in bands {
            let n = |i: usize| by_band[i].iter().find(|(b, _)| b == band).map_or(0, |(_, n)| *n);
            let v = |i: usize| Some(i64::try_from(n(i)).unwrap_or(i64::MAX));
            rows.push(row("Posts by band", band, Kind::Count, Better::Neither, each(&v)));
        }
        let clusters: std::collections::BTreeSet<String> =
            cols.iter().flat_map(|c| c.summary.clusters.iter().map(|f| f.name.clone())).collect();
        for name in clusters {
            let line = |i: usize| cols[i].summary.clusters.iter().find(|f| f.name == name).map(|f| f.line);
            rows.push(money(&name, "Planned running cost", Better::Lower, each(&|i| line(i).map(|l| l.planned))));
            rows.push(money(&name, "Still to save", Better::Lower, each(&|i| line(i).map(|l| l.still_to_save))));
        }
        for code in &self.coverage.common {
            let line = |i: usize| cols[i].summary.org(code).map(|o| o.line);
            let name = cols[0]
                .summary
                .org(code)
                .map_or(code.clone(), |o| format!("{code} {}", crate::model::short_name(&o.name)));
            let per_head = |i: usize| line(i).and_then(|l| l.planned_per_head());
            for mut r in [
                money(&name, "Planned running cost", Better::Lower, each(&|i| line(i).map(|l| l.planned))),
                money(&name, "Target", Better::Neither, each(&|i| line(i).and_then(|l| l.target))),
                money(&name, "Still to save", Better::Lower, each(&|i| line(i).map(|l| l.still_to_save))),
                row(&name, "Cost per head", Kind::PerHead, Better::Lower, each(&per_head)),
            ] {
                r.per_icb = true;
                rows.push(r);
            }
        }
        rows
    }

    /// The totals and the appraisal: one row each.
    fn total_rows(&self, cols: &[&Candidate]) -> Vec<Row> {
        let a: Vec<_> = cols.iter().map(|c| self.appraise(c)).collect();
        let each = |f: &dyn Fn(usize) -> Option<i64>| (0..cols.len()).map(f).collect::<Vec<_>>();
        let t = "Totals";
        let mut rows = vec![
            money(t, "Baseline", Better::Neither, each(&|i| Some(a[i].line.baseline))),
            money(t, "Planned running cost", Better::Lower, each(&|i| Some(a[i].line.planned))),
            money(t, "Target", Better::Neither, each(&|i| a[i].line.target)),
            money(t, "Still to save", Better::Lower, each(&|i| Some(a[i].line.still_to_save))),
            money(t, "Surplus", Better::Neither, each(&|i| Some(a[i].line.surplus))),
            row(t, "Cut from baseline", Kind::Percent, Better::Higher, each(&|i| a[i].line.reduction_bp())),
            row(t, "Cost per head", Kind::PerHead, Better::Lower, each(&|i| a[i].line.planned_per_head())),
            money(t, "Moved out, not saved", Better::Neither, each(&|i| Some(a[i].line.transferred_out))),
            money(t, "One-off: redundancy", Better::Lower, each(&|i| Some(cols[i].summary.one_off.redundancy))),
            money(t, "One-off: MARS", Better::Lower, each(&|i| Some(cols[i].summary.one_off.mars))),
            money(t, "Net recurrent saving against the base", Better::Higher, each(&|i| Some(a[i].net_saving))),
            row(t, "Payback", Kind::Months, Better::Lower, each(&|i| a[i].payback_months)),
            money(
                t,
                &format!("Net present value ({} years at {})", self.years, self.rate),
                Better::Higher,
                each(&|i| Some(a[i].npv)),
            ),
        ];
        for r in &mut rows {
            r.starred =
                matches!(r.better, Better::Lower | Better::Higher) && STARRED.iter().any(|l| r.label.starts_with(l));
        }
        rows
    }
}
