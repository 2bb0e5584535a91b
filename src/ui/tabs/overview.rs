//! Overview: headline figures, the per-cluster and per-ICB table, and the charts of
//! remaining running cost against target and of the trajectory to the target date.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, HLine, HoverPosition, Line, Plot, PlotPoint, Text, uniform_grid_spacer};

use crate::edit::Document;
use crate::engine::Summary;
use crate::model::money::{Pence, Wte, format_bp, format_count, format_headline, format_pounds, format_pounds_pence};
use crate::report::chart::{BarChartSpec, ChartKind, LegendMark, LineChartSpec, Unit};
use crate::report::style::{self, shorten};

/// A colour of the shared style, for egui.
fn colour(c: style::Colour) -> Color32 {
    let [r, g, b] = c.0;
    Color32::from_rgb(r, g, b)
}

pub fn show(ui: &mut egui::Ui, doc: &Document, chart: &mut ChartKind) {
    let sum = &doc.summary;
    let envelope = doc.scenario.assumptions.envelope_per_head_pence;
    headline(ui, sum, envelope);
    exits(ui, sum);
    ui.add_space(6.0);
    let avail = ui.available_height();
    let table_h = (avail * 0.42).max(120.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), table_h), |ui| table(ui, doc));
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

fn headline(ui: &mut egui::Ui, sum: &Summary, envelope: Pence) {
    let t = &sum.totals;
    let (n, all) = (sum.in_scope_count(), sum.organisations.len());
    if n == 0 {
        ui.label(
            RichText::new("No ICB is in this plan's scope yet: put ICBs in a cluster on the Clusters tab.")
                .color(ui.visuals().warn_fg_color),
        );
        return;
    }
    let allowances = sum.allowance_baselines();
    if allowances > 0 {
        ui.label(RichText::new(style::allowance_caveat(allowances)).color(ui.visuals().warn_fg_color));
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
        stat(ui, "Baseline", format_headline(t.baseline), format_pounds(t.baseline), None);
        stat(ui, "Planned", format_headline(t.planned), format_pounds(t.planned), None);
        if let Some(target) = t.target {
            stat(ui, "Target", format_headline(target), format_pounds(target), None);
            let over = (t.still_to_save > 0).then(|| colour(style::OVER));
            let hover = format!("{}: {}", style::STILL_TO_SAVE, format_pounds(t.still_to_save));
            stat(ui, "Still to save", format_headline(t.still_to_save), hover, over);
            let under = (t.surplus > 0).then(|| colour(style::UNDER));
            let hover = format!("{}: {}", style::SURPLUS, format_pounds(t.surplus));
            stat(ui, "Surplus, not netted", format_headline(t.surplus), hover, under);
        }
        if let Some(bp) = t.reduction_bp() {
            stat(ui, "Cut from baseline", format_bp(bp), "(baseline − planned) ÷ baseline".into(), None);
        }
        if let Some(ph) = t.planned_per_head() {
            let hover =
                format!("Planned running cost per head, against the envelope of {}", format_pounds_pence(envelope));
            stat(ui, "Per head", format_pounds_pence(ph), hover, None);
        }
        if t.transferred_out != 0 {
            let hover = format!("Cost that transfers out with functions: {}", format_pounds(t.transferred_out));
            stat(ui, "Moved out, not saved", format_headline(t.transferred_out), hover, None);
        }
    });
}

/// The people side of the plan: one-off exit costs, the net recurrent saving and payback,
/// and headcount and WTE before and after (those who leave: redeployed, transferred out,
/// voluntary or compulsory redundancy, MARS).
fn exits(ui: &mut egui::Ui, sum: &Summary) {
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
            "Baseline − planned − moved out: what is saved each year, not counting cost moved to other bodies".into(),
        );
        let payback = sum.payback_months().map_or_else(|| "none (no saving)".to_owned(), |m| format!("{m} months"));
        item(ui, "Payback", payback, "Months of the net recurrent saving that pay the one-off costs, rounded up".into());
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

fn table(ui: &mut egui::Ui, doc: &Document) {
    let rows = style::line_rows(&doc.summary);
    TableBuilder::new(ui)
        .id_salt("overview-table")
        .striped(true)
        .resizable(true)
        .column(Column::remainder().at_least(220.0).clip(true))
        .columns(Column::auto().at_least(96.0), style::LINE_COLUMNS.len())
        .header(20.0, |mut h| {
            let first = ("Cluster / ICB", "Each cluster, then its member ICBs");
            for (title, hover) in std::iter::once(first).chain(style::LINE_COLUMNS) {
                h.col(|ui| {
                    ui.strong(title).on_hover_text(hover);
                });
            }
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    let mut t = RichText::new(&r.label);
                    if r.strong {
                        t = t.strong();
                    }
                    if r.out_of_scope {
                        t = t.weak();
                    }
                    let label = ui.label(t);
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
                        style::STILL_TO_SAVE_COLUMN if r.line.still_to_save > 0 => Some(colour(style::OVER)),
                        style::SURPLUS_COLUMN if r.line.surplus > 0 => Some(colour(style::UNDER)),
                        _ => None,
                    };
                    row.col(|ui| money_cell(ui, text, color, r.strong, r.out_of_scope));
                }
            });
        });
}

/// Bars with their markers (targets) and notes (gaps), from the same spec the exports use.
pub fn bar_chart(ui: &mut egui::Ui, spec: &BarChartSpec) {
    ui.label(RichText::new(&spec.title).strong()).on_hover_text(&spec.subtitle);
    legend(ui, &spec.legend());
    let unit = spec.unit;
    // Full names when they fit, ODS codes (or shortened names) when the chart is crowded.
    let crowded = spec.bars.len() > 6;
    let labels: Vec<String> =
        spec.bars.iter().map(|b| if crowded { b.short.clone() } else { shorten(&b.label, 22) }).collect();
    let bars: Vec<Bar> = spec
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let mut hover = format!("{}\n{}", b.label, unit.exact(b.value));
            if let Some(t) = b.marker {
                hover += &format!("\n{} {}", spec.marker_label, unit.exact(t));
            }
            if let Some(why) = &b.explicit {
                hover += &format!(" (explicit target: {why})");
            }
            if !b.note.is_empty() && b.marker.is_some() {
                hover += &format!("\n{}", b.note);
            }
            #[allow(clippy::cast_precision_loss)]
            Bar::new(i as f64, unit.scale(b.value)).width(0.6).fill(colour(b.fill())).name(hover)
        })
        .collect();
    let top = spec.top();
    let marker = ui.visuals().strong_text_color();
    money_plot("bar-chart", unit.scale(top) * 1.15, unit.axis(), labels)
        .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .show(ui, |pui| {
            pui.bar_chart(BarChart::new("bars", bars).element_formatter(Box::new(|bar, _| bar.name.clone())));
            for (i, b) in spec.bars.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let x = i as f64;
                if let Some(t) = b.marker {
                    let y = unit.scale(t);
                    // A target set by hand is dashed, and named apart in the legend.
                    let (name, style) = match b.explicit {
                        Some(_) => ("Target set by hand", egui_plot::LineStyle::dashed_loose()),
                        None => (spec.marker_label.as_str(), egui_plot::LineStyle::Solid),
                    };
                    pui.line(Line::new(name, vec![[x - 0.4, y], [x + 0.4, y]]).color(marker).width(3.0).style(style));
                }
                // With many bars the notes would overlap: hover gives the exact figures instead.
                if !b.note.is_empty() && spec.bars.len() <= 12 {
                    let y = unit.scale(b.value.max(b.marker.unwrap_or(0))) + unit.scale(top) * 0.05;
                    pui.text(Text::new("note", PlotPoint::new(x, y), b.note.clone()));
                }
            }
            if let Some(r) = &spec.reference {
                pui.hline(HLine::new(r.label.clone(), unit.scale(r.value)).color(marker).width(1.5));
            }
        });
}

/// A line over months with a reference line (the target).
pub fn line_chart(ui: &mut egui::Ui, spec: &LineChartSpec) {
    ui.label(RichText::new(&spec.title).strong()).on_hover_text(&spec.subtitle);
    legend(ui, &spec.legend());
    let unit: Unit = spec.unit;
    let months: Vec<String> = spec.points.iter().map(|(l, _)| l.clone()).collect();
    #[allow(clippy::cast_precision_loss)]
    let points: Vec<[f64; 2]> = spec.points.iter().enumerate().map(|(i, (_, v))| [i as f64, unit.scale(*v)]).collect();
    let top = spec.top();
    let exact: Vec<String> = spec.points.iter().map(|(_, v)| unit.exact(*v)).collect();
    let months_hover = months.clone();
    let reference = spec.reference.clone();
    let reference_text = reference.as_ref().map(|r| format!("{}: {}", r.label, unit.exact(r.value)));
    money_plot("line-chart", unit.scale(top) * 1.1, unit.axis(), months)
        .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 3.0, 12.0]))
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint { plot_name: "Run-rate", index, .. } => {
                Some(format!("{}: {}", months_hover.get(*index)?, exact.get(*index)?))
            }
            HoverPosition::NearDataPoint { .. } => reference_text.clone(),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |pui| {
            pui.line(Line::new("Run-rate", points).color(colour(style::OVER)).width(2.5));
            if let Some(r) = &reference {
                pui.hline(HLine::new(r.label.clone(), unit.scale(r.value)).color(colour(style::UNDER)).width(2.0));
            }
        });
}

/// A chart's legend in a row: a swatch or a line, then its words (the same as on paper).
fn legend(ui: &mut egui::Ui, items: &[(LegendMark, String)]) {
    ui.horizontal_wrapped(|ui| {
        let ink = ui.visuals().strong_text_color();
        for (mark, words) in items {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
            match mark {
                LegendMark::Fill(c) => {
                    ui.painter().rect_filled(rect.shrink(1.0), 2.0, colour(*c));
                }
                LegendMark::Line { dashed } => {
                    let (a, b) = (rect.left_center(), rect.right_center());
                    let stroke = egui::Stroke::new(2.5, ink);
                    if *dashed {
                        ui.painter().extend(egui::Shape::dashed_line(&[a, b], stroke, 4.0, 2.0));
                    } else {
                        ui.painter().line_segment([a, b], stroke);
                    }
                }
            }
            ui.label(RichText::new(words).small());
            ui.add_space(8.0);
        }
    });
}

/// A fixed (no zoom or drag) chart from 0 to `top` in axis units, with a text label at each
/// whole x position (bars or months).
fn money_plot<'a>(id: &str, top: f64, axis: &str, labels: Vec<String>) -> Plot<'a> {
    Plot::new(id)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(top)
        .y_axis_label(axis.to_owned())
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            labels.get(i as usize).cloned().unwrap_or_default()
        })
}
