//! The trajectory: the annualised run-rate at the end of each month, from the trajectory
//! start to the target date. Each change lands in the month of its effective date
//! (undated ones on the target date); the run-rate starts at the baseline and adds up the
//! changes. Closing the lines (baseline and planned per ICB, then per cluster) happens here
//! too, since the series start from them.

use chrono::{Datelike, NaiveDate};

use super::index::Index;
use super::summary::{ClusterFigures, Line, OrgFigures};
use crate::model::money::Pence;
use crate::model::{Assumptions, Scenario};

/// The months of the trajectory, and where a dated change lands among them.
#[derive(Debug)]
pub(super) struct Months {
    start: NaiveDate,
    target: NaiveDate,
    /// The last day of each month.
    pub ends: Vec<NaiveDate>,
}

impl Months {
    pub(super) fn new(a: &Assumptions) -> Months {
        Months { start: a.trajectory_start, target: a.target_date, ends: month_ends(a.trajectory_start, a.target_date) }
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The last day of the run-rate: the target date's month end.
    pub(super) fn last(&self) -> NaiveDate {
        self.ends.last().copied().unwrap_or(self.target)
    }

    /// The month a change dated `d` lands in (undated: the target date); `None` after the
    /// last month.
    pub(super) fn land(&self, d: Option<NaiveDate>) -> Option<usize> {
        month_index(self.start, self.len(), d.unwrap_or(self.target))
    }
}

/// Month index of a date on the trajectory: 0 for dates at or before the first month,
/// `None` after the last.
fn month_index(start: NaiveDate, months: usize, d: NaiveDate) -> Option<usize> {
    let k = (d.year() - start.year()) * 12 + i32::try_from(d.month()).unwrap_or(0)
        - i32::try_from(start.month()).unwrap_or(0);
    let k = usize::try_from(k.max(0)).unwrap_or(0);
    (k < months).then_some(k)
}

fn month_ends(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let (mut y, mut m) = (start.year(), start.month());
    loop {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        let last = NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt());
        let Some(last) = last else { break };
        out.push(last);
        if (y, m) >= (end.year(), end.month()) || out.len() >= 120 {
            break;
        }
        (y, m) = (ny, nm);
    }
    out
}

/// Closes each ICB's baseline and planned lines, lands its non-pay change, and returns its
/// run-rate series (the baseline plus the month changes in `delta`).
pub(super) fn close_organisations(
    s: &Scenario,
    months: &Months,
    orgs: &mut [OrgFigures],
    mut delta: Vec<Vec<Pence>>,
) -> Vec<Vec<Pence>> {
    let mut series_of = Vec::with_capacity(orgs.len());
    for (oi, (o, of)) in s.organisations.iter().zip(orgs.iter_mut()).enumerate() {
        of.line.baseline = of.baseline_people + of.baseline_non_pay;
        of.line.planned = of.planned_people + of.planned_posts + of.planned_non_pay;
        of.line.split_gap();
        if let Some(k) = months.land(o.planned_non_pay_from) {
            delta[oi][k] += of.planned_non_pay - of.baseline_non_pay;
        }
        let mut run = of.line.baseline;
        let series: Vec<Pence> = delta[oi]
            .iter()
            .map(|d| {
                run += d;
                run
            })
            .collect();
        series_of.push(series);
    }
    series_of
}

/// Adds each cluster's member ICBs into its line (a member listed twice counts once; a
/// cluster of no known ICB has no target) and returns each cluster's series.
pub(super) fn close_clusters(
    ix: &Index,
    orgs: &[OrgFigures],
    org_series: &[Vec<Pence>],
    clusters: &mut [ClusterFigures],
    n_months: usize,
) -> Vec<Vec<Pence>> {
    let mut out = Vec::with_capacity(clusters.len());
    for cf in clusters {
        // From the start each time, so the lines can be closed again after an update.
        cf.line = Line::start();
        let mut series = vec![0; n_months];
        let mut seen: Vec<usize> = Vec::new();
        for m in &cf.members {
            if let Some(&oi) = ix.orgs.get(m.as_str()) {
                if seen.contains(&oi) {
                    continue; // a member listed twice counts once
                }
                seen.push(oi);
                cf.line.add(&orgs[oi].line);
                for (acc, v) in series.iter_mut().zip(&org_series[oi]) {
                    *acc += v;
                }
            }
        }
        if seen.is_empty() {
            cf.line.target = None;
            cf.line.population = None;
        }
        if cf.merged {
            // One statutory body: what it must still save is its own gap, netted.
            cf.line.split_gap();
        }
        out.push(series);
    }
    out
}

/// The whole scenario's series: the sum of the ICBs' in scope.
pub(super) fn total_series(orgs: &[OrgFigures], org_series: &[Vec<Pence>], n_months: usize) -> Vec<Pence> {
    let mut total = vec![0; n_months];
    for (_, series) in orgs.iter().zip(org_series).filter(|(of, _)| of.in_scope) {
        for (acc, v) in total.iter_mut().zip(series) {
            *acc += v;
        }
    }
    total
}

/// The whole scenario's line: the sum of the ICBs in scope, where a merged ICB (merged by
/// the target date) counts once, as the one body it is, instead of as its members.
pub(super) fn totals(orgs: &[OrgFigures], clusters: &[ClusterFigures]) -> Line {
    let mut totals = Line::start();
    let merged = |of: &OrgFigures| of.cluster.and_then(|ci| clusters.get(ci)).is_some_and(|cf| cf.merged);
    for of in orgs.iter().filter(|of| of.in_scope && !merged(of)) {
        totals.add(&of.line);
    }
    for cf in clusters.iter().filter(|cf| cf.merged) {
        totals.add(&cf.line);
    }
    totals
}
