//! Chart specifications: plain data built from a [`Summary`]. The window draws them with
//! egui_plot and the exports draw the very same specs as SVG (and so PDF and PNG), so the
//! numbers on paper are the numbers on screen.

use chrono::NaiveDate;

use crate::engine::{Line, OrgFigures, Summary};
use crate::model::Scenario;
use crate::model::money::{Pence, format_headline, format_pounds, format_pounds_pence};
use crate::report::short_name;
use crate::report::style::{self, Colour};

/// What a chart's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Money in pence; axes in £ millions.
    Pence,
    /// Money per head in pence; axes in £.
    PencePerHead,
    /// A count of people.
    People,
}

impl Unit {
    /// The axis title.
    #[must_use]
    pub fn axis(self) -> &'static str {
        match self {
            Unit::Pence => "£m a year",
            Unit::PencePerHead => "£ per head",
            Unit::People => "people",
        }
    }

    /// A value in axis units (display only; exact figures travel as text).
    #[allow(clippy::cast_precision_loss)]
    #[must_use]
    pub fn scale(self, v: i64) -> f64 {
        match self {
            Unit::Pence => v as f64 / 100_000_000.0,
            Unit::PencePerHead => v as f64 / 100.0,
            Unit::People => v as f64,
        }
    }

    /// The exact value as people write it.
    #[must_use]
    pub fn exact(self, v: i64) -> String {
        match self {
            Unit::Pence => format_pounds(v),
            Unit::PencePerHead => format_pounds_pence(v),
            Unit::People => v.to_string(),
        }
    }
}

/// One bar with an optional marker (a target) and a note above it (the gap).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarItem {
    pub label: String,
    /// A short label for a crowded axis, e.g. an ODS code.
    pub short: String,
    pub value: i64,
    pub marker: Option<i64>,
    pub note: String,
    /// Drawn in the warning colour (over target).
    pub over: bool,
    /// The marker is a target set by hand, with its reason: drawn dashed, the reason on hover.
    pub explicit: Option<String>,
    /// A colour of its own (an outcome's kind), instead of over or under target.
    pub colour: Option<Colour>,
}

impl BarItem {
    /// The bar's fill: its own colour, or over or under target.
    #[must_use]
    pub fn fill(&self) -> Colour {
        self.colour.unwrap_or(if self.over { style::OVER } else { style::UNDER })
    }
}

/// One entry of a chart's legend: a colour swatch, or a line (dashed or not), and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegendMark {
    Fill(Colour),
    Line {
        dashed: bool,
    },
    /// A reference line across the chart (the envelope): thin and dotted.
    Reference,
}

/// From this many bars a chart is drawn as rows: a horizontal bar each, with its full name
/// beside it. A column chart of 42 ICBs or 26 clusters has no room for their names.
pub const ROWS_FROM: usize = 7;

/// A horizontal line across the chart, e.g. the £18.76 envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub value: i64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChartSpec {
    pub title: String,
    pub subtitle: String,
    pub unit: Unit,
    pub bars: Vec<BarItem>,
    pub marker_label: String,
    pub reference: Option<Reference>,
    /// How the bars are ordered, when it is not the plan's own order ("furthest over target
    /// first"): said under the title on screen and in the subtitle on paper.
    pub order: Option<&'static str>,
}

impl BarChartSpec {
    /// The chart's legend, the same on screen and on paper: what the colours of the bars
    /// mean, then the markers (targets, and targets set by hand) and the reference line.
    #[must_use]
    pub fn legend(&self) -> Vec<(LegendMark, String)> {
        let mut out = Vec::new();
        if self.bars.iter().any(|b| b.colour.is_some()) {
            for (c, words) in style::OUTCOME_GROUPS {
                out.push((LegendMark::Fill(c), words.to_owned()));
            }
        } else {
            out.push((LegendMark::Fill(style::OVER), "Still above target".to_owned()));
            out.push((LegendMark::Fill(style::UNDER), "At or under target".to_owned()));
        }
        if self.bars.iter().any(|b| b.marker.is_some() && b.explicit.is_none()) {
            out.push((LegendMark::Line { dashed: false }, self.marker_label.clone()));
        }
        if self.bars.iter().any(|b| b.explicit.is_some()) {
            out.push((LegendMark::Line { dashed: true }, "Target set by hand".to_owned()));
        }
        if let Some(r) = &self.reference {
            out.push((LegendMark::Reference, r.label.clone()));
        }
        out
    }

    /// Drawn as rows (horizontal bars with full names) rather than columns.
    #[must_use]
    pub fn as_rows(&self) -> bool {
        self.bars.len() >= ROWS_FROM
    }

    /// With many bars, the ones furthest over their target come first, then the rest down
    /// to the furthest under (bars with no target last; ties keep their order), and the
    /// subtitle says so.
    fn sorted_by_gap(mut self) -> BarChartSpec {
        if self.as_rows() {
            self.bars.sort_by_key(|b| b.marker.map_or((1, 0), |m| (0, -(b.value - m))));
            let order = "sorted by gap: furthest over target first, furthest under last";
            self.subtitle = format!("{} · {order}", self.subtitle);
            self.order = Some(order);
        }
        self
    }

    /// The highest bar, marker or reference line: where the value axis must reach.
    #[must_use]
    pub fn top(&self) -> i64 {
        self.bars
            .iter()
            .map(|b| b.value.max(b.marker.unwrap_or(0)))
            .chain(self.reference.as_ref().map(|r| r.value))
            .max()
            .unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChartSpec {
    pub title: String,
    pub subtitle: String,
    pub unit: Unit,
    /// (x label, value)
    pub points: Vec<(String, i64)>,
    pub reference: Option<Reference>,
    /// Where the line ends against the target, in words, and that the line adds all ICBs
    /// together (so one's surplus offsets another's gap here, as it does nowhere else).
    pub note: String,
}

impl LineChartSpec {
    /// The chart's legend: the run-rate line, and the target line when there is one.
    #[must_use]
    pub fn legend(&self) -> Vec<(LegendMark, String)> {
        let mut out = vec![(LegendMark::Fill(style::OVER), "Run-rate at each month's end, a year".to_owned())];
        if let Some(r) = &self.reference {
            out.push((LegendMark::Fill(style::UNDER), r.label.clone()));
        }
        out
    }

    /// The highest point or reference line.
    #[must_use]
    pub fn top(&self) -> i64 {
        self.points.iter().map(|(_, v)| *v).chain(self.reference.as_ref().map(|r| r.value)).max().unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chart {
    Bars(BarChartSpec),
    Line(LineChartSpec),
}

impl Chart {
    #[must_use]
    pub fn title(&self) -> &str {
        match self {
            Chart::Bars(b) => &b.title,
            Chart::Line(l) => &l.title,
        }
    }
}

/// The charts there are, by the name the command line uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    CostByIcb,
    CostByCluster,
    Trajectory,
    Outcomes,
    PerHead,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] = [
        ChartKind::CostByIcb,
        ChartKind::CostByCluster,
        ChartKind::Trajectory,
        ChartKind::Outcomes,
        ChartKind::PerHead,
    ];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::CostByIcb => "cost-by-icb",
            ChartKind::CostByCluster => "cost-by-cluster",
            ChartKind::Trajectory => "trajectory",
            ChartKind::Outcomes => "outcomes",
            ChartKind::PerHead => "per-head",
        }
    }

    #[must_use]
    pub fn parse(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// What the chart shows, for captions.
    #[must_use]
    pub fn caption(self) -> &'static str {
        match self {
            ChartKind::CostByIcb => {
                "Planned running cost of each ICB (bar) against its target (marker). Orange: still above target; green: at or under."
            }
            ChartKind::CostByCluster => "Planned running cost of each cluster against the sum of its ICBs' targets.",
            ChartKind::Trajectory => {
                "Annualised running cost at the end of each month as changes take effect, against the total target."
            }
            ChartKind::Outcomes => "Number of people by outcome.",
            ChartKind::PerHead => {
                "Planned running cost per head of each ICB (bar) against its own target per head (marker); the envelope is drawn for reference."
            }
        }
    }

    #[must_use]
    pub fn build(self, s: &Scenario, sum: &Summary) -> Chart {
        match self {
            ChartKind::CostByIcb => Chart::Bars(cost_by_icb(s, sum)),
            ChartKind::CostByCluster => Chart::Bars(cost_by_cluster(s, sum)),
            ChartKind::Trajectory => Chart::Line(trajectory(s, sum)),
            ChartKind::Outcomes => Chart::Bars(outcomes(s, sum)),
            ChartKind::PerHead => Chart::Bars(per_head(s, sum)),
        }
    }
}

fn subtitle(s: &Scenario) -> String {
    format!(
        "{} · envelope {} per head of {} by {}",
        s.name,
        format_pounds_pence(s.assumptions.envelope_per_head_pence),
        s.assumptions.population_basis.label(),
        s.assumptions.target_date.format("%-d %B %Y")
    )
}

/// What a bar still has to save and what it is under by, never netted: "£412k to save",
/// "£86k under", or both for a cluster whose ICBs differ.
fn gap_note(l: &Line) -> String {
    if l.target.is_none() {
        return String::new();
    }
    let mut parts = Vec::new();
    if l.still_to_save > 0 || l.surplus == 0 {
        parts.push(format!("{} to save", format_headline(l.still_to_save)));
    }
    if l.surplus > 0 {
        parts.push(format!("{} under", format_headline(l.surplus)));
    }
    parts.join(" · ")
}

/// The ICBs in scope in cluster order (members of each cluster together), then those in
/// scope in no cluster. ICBs out of scope are not drawn.
fn icb_order(sum: &Summary) -> Vec<usize> {
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
    order.retain(|i| sum.organisations[*i].in_scope);
    order
}

/// A bar of planned running cost with its target, its gap in words, and orange while any
/// of it is still to save.
fn line_bar(label: String, short: String, l: &Line, explicit: Option<String>) -> BarItem {
    BarItem {
        label,
        short,
        value: l.planned,
        marker: l.target,
        note: gap_note(l),
        over: l.still_to_save > 0,
        explicit,
        colour: None,
    }
}

/// Remaining running cost against target, per ICB.
#[must_use]
pub fn cost_by_icb(s: &Scenario, sum: &Summary) -> BarChartSpec {
    // Where clusters have merged by the target date their members are predecessors, not
    // bodies: the title says so (the cluster chart shows each merged ICB as one).
    let title = if sum.clusters.iter().any(|c| c.merged) {
        "Remaining running cost against target, by ICB as before the mergers"
    } else {
        "Remaining running cost against target, by ICB"
    };
    BarChartSpec {
        title: title.into(),
        subtitle: subtitle(s),
        unit: Unit::Pence,
        marker_label: "Target".into(),
        reference: None,
        order: None,
        bars: icb_order(sum)
            .into_iter()
            .map(|i| {
                let o = &sum.organisations[i];
                line_bar(short_name(&o.name).to_owned(), o.code.clone(), &o.line, explicit_reason(s, o))
            })
            .collect(),
    }
    .sorted_by_gap()
}

/// Remaining running cost against target, per cluster.
#[must_use]
pub fn cost_by_cluster(s: &Scenario, sum: &Summary) -> BarChartSpec {
    BarChartSpec {
        title: "Remaining running cost against target, by cluster".into(),
        subtitle: subtitle(s),
        unit: Unit::Pence,
        marker_label: "Target".into(),
        reference: None,
        order: None,
        bars: sum
            .clusters
            .iter()
            .map(|c| {
                let name = if c.merged { format!("{} (one merged ICB)", c.name) } else { c.name.clone() };
                line_bar(name, c.name.chars().take(14).collect(), &c.line, None)
            })
            // An ICB in scope but in no cluster is a bar of its own, so the chart covers what
            // the headline covers.
            .chain(sum.organisations.iter().filter(|o| o.in_scope && o.cluster.is_none()).map(|o| {
                let label = format!("{} (in no cluster)", short_name(&o.name));
                line_bar(label, o.code.clone(), &o.line, explicit_reason(s, o))
            }))
            .collect(),
    }
    .sorted_by_gap()
}

/// The month-end run-rate of the whole scenario against the total target.
#[must_use]
pub fn trajectory(s: &Scenario, sum: &Summary) -> LineChartSpec {
    LineChartSpec {
        title: format!("Running cost run-rate to {}", s.assumptions.target_date.format("%-d %B %Y")),
        subtitle: subtitle(s),
        unit: Unit::Pence,
        points: sum
            .trajectory
            .months
            .iter()
            .zip(&sum.trajectory.total)
            .map(|(d, v): (&NaiveDate, &Pence)| (d.format("%b %y").to_string(), *v))
            .collect(),
        reference: sum.totals.target.map(|t| Reference { value: t, label: format!("Target {}", format_headline(t)) }),
        note: trajectory_note(sum),
    }
}

/// "At the end, Dec 25: £36,626,000 a year against the total target of £36,300,000. The line
/// adds all ICBs together; ICB by ICB, £412,000 is still to save."
fn trajectory_note(sum: &Summary) -> String {
    let (Some(last), Some(month)) = (sum.trajectory.total.last(), sum.trajectory.months.last()) else {
        return String::new();
    };
    let mut note = format!("At the end, {}: {} a year", month.format("%b %y"), format_pounds(*last));
    if let Some(t) = sum.totals.target {
        let by =
            if sum.clusters.iter().any(|c| c.merged) { "body by body (a merged ICB as one)" } else { "ICB by ICB" };
        note += &format!(
            " against the total target of {}. The line adds all ICBs together; {by}, {} is still to save.",
            format_pounds(t),
            format_pounds(sum.totals.still_to_save)
        );
    } else {
        note.push('.');
    }
    // Both sides of a merger's date: the line runs on unbroken (staff transfer at no cost);
    // from the date the members are one body.
    let dates: Vec<chrono::NaiveDate> = sum.clusters.iter().filter_map(|c| c.merger_from).collect();
    let (first, last) = (dates.iter().min(), dates.iter().max());
    if let (Some(first), Some(last)) = (first, last) {
        let when = if first == last {
            format!("on {}", first.format("%-d %b %Y"))
        } else {
            format!("from {} to {}", first.format("%-d %b %Y"), last.format("%-d %b %Y"))
        };
        let who = match dates.len() {
            1 => "The cluster becomes one merged ICB".to_owned(),
            n => format!("{n} clusters become merged ICBs"),
        };
        note += &format!(" {who} {when}: no step in the line, as staff transfer at no cost.");
    }
    note
}

/// People by outcome.
#[must_use]
pub fn outcomes(s: &Scenario, sum: &Summary) -> BarChartSpec {
    BarChartSpec {
        title: "People by outcome".into(),
        subtitle: subtitle(s),
        unit: Unit::People,
        marker_label: String::new(),
        reference: None,
        order: None,
        bars: sum
            .outcomes
            .iter()
            .map(|(k, t)| BarItem {
                label: k.label().to_owned(),
                short: style::outcome_short(*k).to_owned(),
                value: i64::from(t.count),
                marker: None,
                note: t.count.to_string(),
                over: false,
                explicit: None,
                colour: Some(style::outcome_colour(*k)),
            })
            .collect(),
    }
}

/// Planned cost per head of every ICB in scope against its own target per head (the
/// envelope, or its explicit target over its population), so this chart and the cost
/// chart never disagree about which ICBs are over. The envelope is drawn for reference.
#[must_use]
pub fn per_head(s: &Scenario, sum: &Summary) -> BarChartSpec {
    let envelope = s.assumptions.envelope_per_head_pence;
    BarChartSpec {
        title: "Planned running cost per head against each ICB's target per head".into(),
        subtitle: subtitle(s),
        unit: Unit::PencePerHead,
        marker_label: "Target per head".into(),
        reference: Some(Reference { value: envelope, label: format!("Envelope {}", format_pounds_pence(envelope)) }),
        order: None,
        bars: icb_order(sum)
            .into_iter()
            .filter_map(|i| {
                let o = &sum.organisations[i];
                let ph = o.line.planned_per_head()?;
                let target_ph = o.line.target.zip(o.line.population).and_then(|(t, p)| {
                    let p = i64::try_from(p).ok().filter(|p| *p > 0)?;
                    Some(crate::model::money::mul_div_round(t, 1, p))
                });
                Some(BarItem {
                    label: short_name(&o.name).to_owned(),
                    short: o.code.clone(),
                    value: ph,
                    marker: target_ph,
                    note: format_pounds_pence(ph),
                    over: o.line.still_to_save > 0,
                    explicit: explicit_reason(s, o),
                    colour: None,
                })
            })
            .collect(),
    }
    .sorted_by_gap()
}

/// Why an ICB's target is set by hand ("published board target"), when it is.
fn explicit_reason(s: &Scenario, o: &OrgFigures) -> Option<String> {
    if !o.explicit_target {
        return None;
    }
    let note = s.organisation(&o.code).map(|x| x.target_note.trim()).unwrap_or_default();
    Some(if note.is_empty() { "set by hand (no reason given)".to_owned() } else { note.to_owned() })
}

/// Round steps for an axis from 0 to `max` (in axis units): about five gridlines.
#[must_use]
pub fn ticks(max: f64) -> Vec<f64> {
    if !max.is_finite() || max <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let mut out = vec![0.0];
    let mut v = 0.0;
    while v < max {
        v += step;
        out.push(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(36.6), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(ticks(18.76), vec![0.0, 5.0, 10.0, 15.0, 20.0]);
        assert_eq!(ticks(9.0), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    }
}
