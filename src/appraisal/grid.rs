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
            #[allow(clippy::cast_precision_loss)]
            Kind::Wte => format!("{:.2}", v as f64 / 10_000.0),
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
        if self.better == Better::Neither || !self.values[1..].windows(2).any(|w| w[0] != w[1]) {
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

fn money(group: &str, label: &str, better: Better, values: Vec<Option<Pence>>) -> Row {
    Row { group: group.to_owned(), label: label.to_owned(), kind: Kind::Money, better, values }
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
        let a: Vec<_> = cols.iter().map(|c| self.appraise(c)).collect();
        let each = |f: &dyn Fn(usize) -> Option<i64>| (0..cols.len()).map(f).collect::<Vec<_>>();
        let mut rows = vec![
            money("Totals", "Baseline", Better::Neither, each(&|i| Some(a[i].line.baseline))),
            money("Totals", "Planned running cost", Better::Lower, each(&|i| Some(a[i].line.planned))),
            money("Totals", "Target", Better::Neither, each(&|i| a[i].line.target)),
            money("Totals", "Still to save", Better::Lower, each(&|i| Some(a[i].line.still_to_save))),
            money("Totals", "Surplus", Better::Neither, each(&|i| Some(a[i].line.surplus))),
            Row {
                group: "Totals".into(),
                label: "Cut from baseline".into(),
                kind: Kind::Percent,
                better: Better::Higher,
                values: each(&|i| a[i].line.reduction_bp()),
            },
            Row {
                group: "Totals".into(),
                label: "Cost per head".into(),
                kind: Kind::PerHead,
                better: Better::Lower,
                values: each(&|i| a[i].line.planned_per_head()),
            },
            money("Totals", "Moved out, not saved", Better::Neither, each(&|i| Some(a[i].line.transferred_out))),
            money("Totals", "One-off: redundancy", Better::Lower, each(&|i| Some(cols[i].summary.one_off.redundancy))),
            money("Totals", "One-off: MARS", Better::Lower, each(&|i| Some(cols[i].summary.one_off.mars))),
            money("Totals", "Net recurrent saving against the base", Better::Higher, each(&|i| Some(a[i].net_saving))),
            Row {
                group: "Totals".into(),
                label: "Payback".into(),
                kind: Kind::Months,
                better: Better::Lower,
                values: each(&|i| a[i].payback_months),
            },
            money(
                "Totals",
                &format!("Net present value ({} years at {})", self.years, self.rate),
                Better::Higher,
                each(&|i| Some(a[i].npv)),
            ),
        ];
        for k in OutcomeKind::ALL {
            let count = |i: usize| cols[i].summary.outcomes.iter().find(|(o, _)| *o == k).map(|(_, t)| t);
            rows.push(Row {
                group: "People by outcome".into(),
                label: format!("{}: headcount", k.label()),
                kind: Kind::Count,
                better: Better::Neither,
                values: each(&|i| Some(count(i).map_or(0, |t| i64::from(t.count)))),
            });
            rows.push(Row {
                group: "People by outcome".into(),
                label: format!("{}: WTE", k.label()),
                kind: Kind::Wte,
                better: Better::Neither,
                values: each(&|i| Some(count(i).map_or(0, |t| i64::try_from(t.wte).unwrap_or(i64::MAX)))),
            });
        }
        let bands: std::collections::BTreeSet<String> =
            cols.iter().flat_map(|c| Comparison::posts_by_band(c).into_iter().map(|(b, _)| b)).collect();
        for band in bands {
            let n = |i: usize| {
                Comparison::posts_by_band(cols[i]).into_iter().find(|(b, _)| *b == band).map_or(0, |(_, n)| n)
            };
            rows.push(Row {
                group: "Posts by band".into(),
                label: band.clone(),
                kind: Kind::Count,
                better: Better::Neither,
                values: each(&|i| Some(i64::try_from(n(i)).unwrap_or(i64::MAX))),
            });
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
            rows.push(money(&name, "Planned running cost", Better::Lower, each(&|i| line(i).map(|l| l.planned))));
            rows.push(money(&name, "Target", Better::Neither, each(&|i| line(i).and_then(|l| l.target))));
            rows.push(money(&name, "Still to save", Better::Lower, each(&|i| line(i).map(|l| l.still_to_save))));
            rows.push(Row {
                group: name.clone(),
                label: "Cost per head".into(),
                kind: Kind::PerHead,
                better: Better::Lower,
                values: each(&|i| line(i).and_then(|l| l.planned_per_head())),
            });
        }
        rows
    }
}
