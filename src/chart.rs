//! Chart specifications: plain data built from a [`Summary`], so the window (egui_plot)
//! and, later, the printed charts draw the same numbers.

use chrono::NaiveDate;

use crate::engine::Summary;
use crate::model::Scenario;
use crate::money::Pence;
use crate::report::short_name;

/// One bar: an ICB or a cluster, with its planned running cost and its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostBar {
    pub label: String,
    /// A short label for a crowded axis: the ODS code of an ICB.
    pub short: String,
    pub baseline: Pence,
    pub planned: Pence,
    pub target: Option<Pence>,
}

impl CostBar {
    #[must_use]
    pub fn gap(&self) -> Option<Pence> {
        self.target.map(|t| self.planned - t)
    }
}

/// "Remaining running cost against target", per ICB or per cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostVsTarget {
    pub title: String,
    pub bars: Vec<CostBar>,
}

/// Per ICB, grouped by cluster (ICBs in no cluster last).
#[must_use]
pub fn cost_vs_target_by_icb(s: &Scenario, sum: &Summary) -> CostVsTarget {
    let mut order: Vec<usize> = Vec::new();
    for c in &sum.clusters {
        for m in &c.members {
            if let Some(i) = sum.organisations.iter().position(|o| &o.code == m)
                && !order.contains(&i)
            {
                order.push(i);
            }
        }
    }
    for i in 0..sum.organisations.len() {
        if !order.contains(&i) {
            order.push(i);
        }
    }
    CostVsTarget {
        title: format!("{}: remaining running cost against target, by ICB", s.name),
        bars: order
            .into_iter()
            .map(|i| {
                let o = &sum.organisations[i];
                CostBar {
                    label: short_name(&o.name).to_owned(),
                    short: o.code.clone(),
                    baseline: o.line.baseline,
                    planned: o.line.planned,
                    target: o.line.target,
                }
            })
            .collect(),
    }
}

/// Per cluster.
#[must_use]
pub fn cost_vs_target_by_cluster(s: &Scenario, sum: &Summary) -> CostVsTarget {
    CostVsTarget {
        title: format!("{}: remaining running cost against target, by cluster", s.name),
        bars: sum
            .clusters
            .iter()
            .map(|c| CostBar {
                label: c.name.clone(),
                short: c.name.chars().take(14).collect(),
                baseline: c.line.baseline,
                planned: c.line.planned,
                target: c.line.target,
            })
            .collect(),
    }
}

/// The month-by-month run-rate of the whole scenario against the total target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrajectorySpec {
    pub title: String,
    pub months: Vec<NaiveDate>,
    pub run_rate: Vec<Pence>,
    pub target: Option<Pence>,
}

#[must_use]
pub fn trajectory(s: &Scenario, sum: &Summary) -> TrajectorySpec {
    TrajectorySpec {
        title: format!("{}: running cost run-rate to {}", s.name, s.assumptions.target_date.format("%-d %B %Y")),
        months: sum.trajectory.months.clone(),
        run_rate: sum.trajectory.total.clone(),
        target: sum.totals.target,
    }
}
