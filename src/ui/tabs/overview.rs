//! Overview: headline figures, the per-cluster and per-ICB table, and the charts of
//! remaining running cost against target and of the trajectory to the target date.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use crate::edit::Document;
use crate::engine::Summary;
use crate::model::money::{Pence, Wte, format_bp, format_count, format_headline, format_pounds, format_pounds_pence};
use crate::report::chart::ChartKind;
use crate::report::{help, style};
use crate::ui::charts::{bar_chart, line_chart, text_colour};

pub fn show(ui: &mut egui::Ui, doc: &Document, chart: &mut ChartKind) {
    let sum = &doc.summary;
    let envelope = doc.scenario.assumptions.envelope_per_head_pence;
    headline(ui, sum, envelope, doc.scenario.assumptions.population_basis);
    exits(ui, sum, doc.scenario.assumptions.people_process.pay_protection_months);
    ui.add_space(6.0);
    let avail = ui.available_height();
    // The table takes what its rows need, up to 42% of the height (then it scrolls); the
    // charts take the rest.
    let layout = table_layout(ui, doc);
    let table_h = layout.height().min((avail * 0.42).max(120.0));
    ui.allocate_ui(egui::vec2(ui.available_width(), table_h), |ui| table(ui, doc, layout));
    ui.separator();
    ui.horizontal(|ui| {
        ui.label("Chart:");
        for (kind, text, hover) in [
            (ChartKind::CostByIcb, "By ICB", "Remaining running cost against target for each ICB"),
            (ChartKind::CostByCluster, "By cluster", "Remaining running cost against target for each cluster"),
            (ChartKind::PerHead, "Per head", "Planned cost per head of each ICB against the envelope"),
            (ChartKind::Outcomes, "Outcomes", "People by outcome"),
        ] {
            ui.selectable_value(chart, kind, text).on_hover_text(hover);
        }
    });
    let h = ui.available_height().max(150.0);
    let w = ui.available_width();
    ui.horizontal(|ui| {
        let down = egui::Layout::top_down(egui::Align::Min);
        ui.allocate_ui_with_layout(egui::vec2(w * 0.58, h), down, |ui| {
            if let crate::report::chart::Chart::Bars(spec) = chart.build(&doc.scenario, sum) {
                bar_chart(ui, &spec);
            }
        });
        ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), h), down, |ui| {
            line_chart(ui, &crate::report::chart::trajectory(&doc.scenario, sum));
        });
    });
}

fn headline(ui: &mut egui::Ui, sum: &Summary, envelope: Pence, basis: crate::model::PopulationBasis) {
    let t = &sum.totals;
    let (n, all) = (sum.in_scope_count(), sum.organisations.len());
    if n == 0 {
        ui.label(
            RichText::new("No ICB is in this plan's scope yet: put ICBs in a cluster on the Clusters tab.")
                .color(ui.visuals().warn_fg_color),
        );
        return;
    }
    let allowance_count = sum.allowance_baselines();
    // Where allowances stand in for baselines the surplus is not real: said first, in bold,
    // and the surplus is not shown in the colour of good news.
    let allowances = allowance_count > 0;
    if allowances {
        ui.label(RichText::new(style::allowance_caveat(allowance_count)).strong().color(ui.visuals().warn_fg_color));
    }
    if n < all {
        ui.label(format!(
            "The figures cover the {n} ICBs in scope (in a cluster or chosen); the other {} are listed apart below.",
            all - n
        ));
    }
    ui.horizontal_wrapped(|ui| {
        let stat = |ui: &mut egui::Ui, label: &str, value: String, hover: String, color: Option<Color32>| {
            ui.vertical(|ui| {
                // Captions at body size: they say what each figure is.
                ui.label(RichText::new(label).weak());
                let mut v = RichText::new(value).size(20.0).strong();
                if let Some(c) = color {
                    v = v.color(c);
                }
                ui.label(v).on_hover_text(hover);
            });
            ui.add_space(18.0);
        };
        // The exact figure on hover, and what it is in the glossary's words.
        let exact = |v: Pence, term: &str| format!("{}\n{}", format_pounds(v), help::meaning(term));
        stat(ui, "Baseline", format_headline(t.baseline), exact(t.baseline, "Baseline"), None);
        stat(ui, "Planned", format_headline(t.planned), exact(t.planned, "Planned"), None);
        if let Some(target) = t.target {
            stat(ui, "Target", format_headline(target), exact(target, "Target"), None);
            let over = (t.still_to_save > 0).then(|| text_colour(ui, style::OVER));
            let hover = format!("{}: {}", style::STILL_TO_SAVE, format_pounds(t.still_to_save));
            stat(ui, "Still to save", format_headline(t.still_to_save), hover, over);
            let under = (t.surplus > 0 && !allowances).then(|| text_colour(ui, style::UNDER));
            let hover = format!("{}: {}", style::SURPLUS, format_pounds(t.surplus));
            // Not netted between bodies; a merged ICB is one body, netted within.
            let merged = sum.clusters.iter().any(|c| c.merged);
            let caption = match (allowances, merged) {
                (true, _) => "Surplus, not comparable",
                (false, true) => "Surplus, by body",
                (false, false) => "Surplus, not netted",
            };
            stat(ui, caption, format_headline(t.surplus), hover, under);
        }
        if let Some(bp) = t.reduction_bp() {
            stat(ui, "Cut from baseline", format_bp(bp), "(baseline − planned) ÷ baseline".into(), None);
        }
        if let Some(ph) = t.planned_per_head() {
            let hover = format!(
                "Planned running cost per head of {}, against the envelope of {}",
                basis.label(),
                format_pounds_pence(envelope)
            );
            let caption = match basis {
                crate::model::PopulationBasis::Registered => "Per head",
                crate::model::PopulationBasis::Weighted => "Per weighted head",
            };
            stat(ui, caption, format_pounds_pence(ph), hover, None);
        }
        if t.transferred_out != 0 {
            let hover = format!("{}\n{}", format_pounds(t.transferred_out), help::meaning("Moved, not saved"));
            stat(ui, "Moved out, not saved", format_headline(t.transferred_out), hover, None);
        }
    });
    // A merger's smaller still to save is netting, not a saving: said where the figure is.
    if let Some(netting) = style::merger_netting(sum) {
        ui.label(RichText::new(netting).strong());
    }
}

/// The people side of the plan: one-off exit costs, the net recurrent saving and payback,
/// and headcount and WTE before and after (those who leave: redeployed, transferred out,
/// voluntary or compulsory redundancy, MARS).
fn exits(ui: &mut egui::Ui, sum: &Summary, protection_months: u32) {
    let o = &sum.one_off;
    let (mut before, mut after) = ((0_u32, 0_u64), (0_u32, 0_u64));
    for (kind, t) in &sum.outcomes {
        before = (before.0 + t.count, before.1 + t.wte);
        if !kind.is_exit() {
            after = (after.0 + t.count, after.1 + t.wte);
        }
    }
    let wte = |units: u64| Wte(u32::try_from(units).unwrap_or(u32::MAX)).to_string();
    ui.horizontal_wrapped(|ui| {
        let item = |ui: &mut egui::Ui, label: &str, value: String, hover: String| {
            ui.label(RichText::new(label).weak());
            ui.label(RichText::new(value).strong()).on_hover_text(hover);
            ui.add_space(12.0);
        };
        item(
            ui,
            "One-off costs",
            format_headline(sum.totals.one_off),
            format!(
                "Section 16 redundancy {} for {} people; MARS {} for {} people; {} leaving are not eligible for a payment",
                format_pounds(o.redundancy),
                format_count(o.redundancy_people as usize),
                format_pounds(o.mars),
                format_count(o.mars_people as usize),
                format_count(o.not_eligible as usize)
            ),
        );
        if o.no_icb != 0 {
            let color = ui.visuals().warn_fg_color;
            ui.colored_label(
                color,
                format!(
                    "+ {} for {} people of no known ICB (see Findings)",
                    format_headline(o.no_icb),
                    format_count(o.no_icb_people as usize)
                ),
            );
        }
        item(
            ui,
            "Net recurrent saving",
            format!("{} a year", format_headline(sum.totals.net_recurrent_saving())),
            help::meaning("Net recurrent saving").into(),
        );
        let payback = sum.payback_months().map_or_else(|| "none (no saving)".to_owned(), |m| format!("{m} months"));
        item(ui, "Payback", payback, help::meaning("Payback").into());
        let pp = &sum.pay_protection;
        if pp.people > 0 {
            let (value, hover) = if pp.over_period == 0 && pp.at_target == 0 && protection_months == 0 {
                (
                    "not set".to_owned(),
                    format!(
                        "{} people placed in lower-paid posts; their difference is {} a year. Set the months of pay protection from your policy on the Assumptions tab.",
                        format_count(pp.people as usize),
                        format_pounds(pp.a_year)
                    ),
                )
            } else {
                (
                    format!("{} a year at the target date", format_headline(pp.at_target)),
                    format!(
                        "{} people placed in lower-paid posts keep the difference ({} a year): {} a year still paid at the target date, on top of the planned running cost (a time-limited cost, not in it); {} over the whole period",
                        format_count(pp.people as usize),
                        format_pounds(pp.a_year),
                        format_pounds(pp.at_target),
                        format_pounds(pp.over_period)
                    ),
                )
            };
            item(ui, "Pay protection", value, hover);
        }
        item(
            ui,
            "Headcount",
            format!("{} → {}", format_count(before.0 as usize), format_count(after.0 as usize)),
            "Headcount now, and after those leaving (redeployed, transferred out, redundancy, MARS) have left".into(),
        );
        item(
            ui,
            "WTE",
            format!("{} → {}", wte(before.1), wte(after.1)),
            "Whole-time equivalents now, and after those leaving have left".into(),
        );
    });
}

fn money_cell(ui: &mut egui::Ui, text: String, color: Option<Color32>, strong: bool, weak: bool) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let mut t = RichText::new(text);
        if let Some(c) = color {
            t = t.color(c);
        }
        if strong {
            t = t.strong();
        }
        if weak {
            t = t.weak();
        }
        ui.label(t);
    });
}

/// The width of each figure column of the overview table (fits "£1,915,809,113").
const FIGURE_W: f32 = 100.0;

/// The table's rows, each row's height and the name column's width.
struct TableLayout<'a> {
    rows: Vec<style::LineRow<'a>>,
    heights: Vec<f32>,
    name_w: f32,
}

impl TableLayout<'_> {
    /// The height the whole table takes: its heading, rows, and a sideways scroll bar.
    fn height(&self) -> f32 {
        20.0 + self.heights.iter().sum::<f32>() + 24.0
    }
}

fn table_layout<'a>(ui: &egui::Ui, doc: &'a Document) -> TableLayout<'a> {
    let rows = style::line_rows(&doc.summary);
    // A long cluster name wraps onto a second line rather than being cut short: the name
    // column takes what the figures leave, and each row is as tall as its name needs.
    let spacing = ui.spacing().item_spacing.x;
    #[allow(clippy::cast_precision_loss)]
    let figures_w = (FIGURE_W + spacing) * style::LINE_COLUMNS.len() as f32;
    // What the table's own vertical scroll bar takes.
    let scroll = ui.spacing().scroll;
    let bar = scroll.bar_width + scroll.bar_inner_margin + scroll.bar_outer_margin;
    let name_w = (ui.available_width() - figures_w - 2.0 * spacing - bar).max(220.0);
    let line_h = ui.text_style_height(&egui::TextStyle::Body);
    let heights: Vec<f32> = rows
        .iter()
        .map(|r| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            let galley = ui.painter().layout(r.label.clone(), font, egui::Color32::WHITE, name_w - 4.0);
            #[allow(clippy::cast_precision_loss)]
            let lines = galley.rows.len().max(1) as f32;
            lines * line_h + 6.0
        })
        .collect();
    TableLayout { rows, heights, name_w }
}

fn table(ui: &mut egui::Ui, doc: &Document, layout: TableLayout<'_>) {
    let TableLayout { rows, heights, name_w } = layout;
    // A surplus against an allowance baseline is not real: not in the colour of good news.
    let allowances = doc.summary.allowance_baselines() > 0;
    let (over, under) = (text_colour(ui, style::OVER), text_colour(ui, style::UNDER));
    crate::ui::widgets::sideways(ui, "overview-scroll", |ui| {
        TableBuilder::new(ui)
            .id_salt("overview-table")
            .striped(true)
            .resizable(false)
            .column(Column::exact(name_w))
            .columns(Column::exact(FIGURE_W), style::LINE_COLUMNS.len())
            .header(20.0, |mut h| {
                let first = ("Cluster / ICB", "Each cluster, then its member ICBs");
                for (i, (title, hover)) in std::iter::once(first).chain(style::LINE_COLUMNS).enumerate() {
                    // In the glossary's words where it has the term; figures' headings stand
                    // right, over the figures.
                    let hover = Some(help::meaning(title)).filter(|m| !m.is_empty()).unwrap_or(hover);
                    h.col(|ui| {
                        if i == 0 {
                            ui.strong(title).on_hover_text(hover);
                        } else {
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                ui.strong(title).on_hover_text(hover);
                            });
                        }
                    });
                }
            })
            .body(|body| {
                body.heterogeneous_rows(heights.into_iter(), |mut row| {
                    let r = &rows[row.index()];
                    row.col(|ui| {
                        let mut t = RichText::new(&r.label);
                        if r.strong {
                            t = t.strong();
                        }
                        if r.out_of_scope {
                            t = t.weak();
                        }
                        let label = ui.add(egui::Label::new(t).wrap());
                        // A target set by hand (†): its reason on hover.
                        let explicit = r.code.and_then(|c| doc.summary.org(c)).is_some_and(|o| o.explicit_target);
                        if let Some(code) = r.code.filter(|_| explicit) {
                            let why = style::explicit_reason(&doc.scenario, code);
                            label.on_hover_text(format!("{}\n{why}", style::EXPLICIT_MEANS));
                        }
                    });
                    for (i, text) in style::figures(r.line).into_iter().enumerate() {
                        // Still to save is coloured as over target, the surplus as under; an ICB out
                        // of scope is greyed.
                        let color = match i {
                            _ if r.out_of_scope => None,
                            style::STILL_TO_SAVE_COLUMN if r.line.still_to_save > 0 => Some(over),
                            style::SURPLUS_COLUMN if r.line.surplus > 0 && !allowances => Some(under),
                            _ => None,
                        };
                        row.col(|ui| money_cell(ui, text, color, r.strong, r.out_of_scope));
                    }
                });
            });
    });
}
