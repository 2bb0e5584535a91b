//! The charts on screen, drawn from the same specs as the exports (`report::chart`): columns
//! with egui_plot for a few bars, rows painted here for many (42 ICBs, 26 clusters), the
//! run-rate line, and the legend every chart carries.

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, HLine, HoverPosition, Line, Plot, PlotPoint, Text, uniform_grid_spacer};

use crate::report::chart::BarItem;
use crate::report::chart::{BarChartSpec, LegendMark, LineChartSpec, Unit, ticks};
use crate::report::style::{self, shorten};

/// A colour of the shared style, for egui.
#[must_use]
pub fn colour(c: style::Colour) -> Color32 {
    let [r, g, b] = c.0;
    Color32::from_rgb(r, g, b)
}

/// A style colour for figures written in it: lightened on a dark background so it reads
/// (the app's orange and green are chosen for white paper).
#[must_use]
pub fn text_colour(ui: &egui::Ui, c: style::Colour) -> Color32 {
    let base = colour(c);
    if ui.visuals().dark_mode { base.lerp_to_gamma(Color32::WHITE, 0.45) } else { base }
}

/// Bars with their markers (targets) and notes (gaps), from the same spec the exports use.
pub fn bar_chart(ui: &mut egui::Ui, spec: &BarChartSpec) {
    ui.label(RichText::new(&spec.title).strong()).on_hover_text(&spec.subtitle);
    if let Some(order) = spec.order {
        ui.label(RichText::new(format!("Bars {order}.")).weak());
    }
    legend(ui, &spec.legend());
    if spec.bars.iter().all(|b| b.value == 0 && b.marker.is_none()) {
        ui.label(RichText::new("Nothing to draw yet: no one in this plan has an outcome. File ▸ Import people… brings in a staff list.").weak().italics());
        return;
    }
    if spec.as_rows() {
        rows_chart(ui, spec);
        return;
    }
    let unit = spec.unit;
    // A few bars: each name wraps under its bar (about 7 points a character).
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let per_line = ((ui.available_width() / spec.bars.len().max(1) as f32) / 7.5).max(8.0) as usize;
    let labels: Vec<String> = spec.bars.iter().map(|b| wrap_words(&b.label, per_line, 3)).collect();
    let bars: Vec<Bar> = spec
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            #[allow(clippy::cast_precision_loss)]
            Bar::new(i as f64, unit.scale(b.value)).width(0.6).fill(colour(b.fill())).name(hover(spec, b))
        })
        .collect();
    let top = spec.top();
    let marker = ui.visuals().strong_text_color();
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let weak = ui.visuals().weak_text_color();
    money_plot("bar-chart", unit.scale(top) * 1.15, unit.axis(), labels)
        .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        // No upright gridlines: they would run through the bars' notes.
        .show_grid([false, true])
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
                    // Standing on the bar or its target, whichever is higher, clear of both.
                    let y = unit.scale(b.value.max(b.marker.unwrap_or(0))) + unit.scale(top) * 0.02;
                    pui.text(
                        Text::new("note", PlotPoint::new(x, y), RichText::new(&b.note).size(body).strong())
                            .anchor(egui::Align2::CENTER_BOTTOM),
                    );
                }
            }
            if let Some(r) = &spec.reference {
                // Dotted and muted, as its legend entry shows it (a target marker is solid).
                let dotted = egui_plot::LineStyle::dotted_dense();
                pui.hline(HLine::new(r.label.clone(), unit.scale(r.value)).color(weak).width(1.5).style(dotted));
            }
        });
}

/// A line over months with a reference line (the target).
pub fn line_chart(ui: &mut egui::Ui, spec: &LineChartSpec) {
    ui.label(RichText::new(&spec.title).strong()).on_hover_text(&spec.subtitle);
    legend(ui, &spec.legend());
    ui.label(RichText::new(&spec.note).weak());
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
                LegendMark::Reference => {
                    let (a, b) = (rect.left_center(), rect.right_center());
                    ui.painter().extend(egui::Shape::dotted_line(&[a, b], ui.visuals().weak_text_color(), 4.0, 1.0));
                }
            }
            ui.label(words);
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

/// What hovering on a bar says: its name and exact figures.
fn hover(spec: &BarChartSpec, b: &BarItem) -> String {
    let unit = spec.unit;
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
    hover
}

/// Words broken into at most `lines` lines of about `width` characters (the last cut with
/// "…" if the words run on).
fn wrap_words(text: &str, width: usize, lines: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match out.last_mut() {
            Some(cur) if cur.chars().count() + 1 + word.chars().count() <= width => {
                cur.push(' ');
                cur.push_str(word);
            }
            _ => out.push(word.to_owned()),
        }
    }
    if out.len() > lines {
        let rest = out[lines - 1..].join(" ");
        out.truncate(lines - 1);
        out.push(shorten(&rest, width));
    }
    out.join("\n")
}

/// Many bars as rows, laid out as on paper: the full name on the left (wrapped), a
/// horizontal bar with its target as a tick across it, the gap on the right, the value axis
/// along the top; the rows scroll. Each row is named for screen readers with its figures.
fn rows_chart(ui: &mut egui::Ui, spec: &BarChartSpec) {
    let unit = spec.unit;
    let tick_values = ticks(unit.scale(spec.top()) * 1.05);
    let max = tick_values.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let width = ui.available_width();
    let name_w = (width * 0.36).clamp(110.0, 300.0);
    let note_w = (width * 0.24).clamp(80.0, 170.0);
    let bar_w = (width - name_w - note_w - 16.0).max(40.0);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let line_h = ui.text_style_height(&egui::TextStyle::Body);
    let ink = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
    #[allow(clippy::cast_possible_truncation)]
    let at = |left: f32, v: f64| left + name_w + 8.0 + ((v / max).clamp(0.0, 1.05) as f32) * bar_w;
    // The value axis along the top, outside the scrolling rows.
    let (axis, _) = ui.allocate_exact_size(egui::vec2(width, line_h + 4.0), egui::Sense::hover());
    let p = ui.painter();
    p.text(axis.left_center(), egui::Align2::LEFT_CENTER, unit.axis(), font.clone(), weak);
    for t in &tick_values {
        let label = if t.fract().abs() < 1e-9 { format!("{t:.0}") } else { format!("{t}") };
        p.text(
            egui::pos2(at(axis.left(), *t), axis.center().y),
            egui::Align2::CENTER_CENTER,
            label,
            font.clone(),
            weak,
        );
    }
    egui::ScrollArea::vertical().id_salt("rows-chart").auto_shrink([false, false]).show(ui, |ui| {
        for b in &spec.bars {
            let name = ui.painter().layout(b.label.clone(), font.clone(), ink, name_w);
            let note = ui.painter().layout(b.note.clone(), font.clone(), ink, note_w);
            let h = name.size().y.max(note.size().y).max(line_h) + 8.0;
            let (rect, response) = ui.allocate_exact_size(egui::vec2(width, h), egui::Sense::hover());
            let p = ui.painter_at(rect);
            for t in &tick_values {
                let x = at(rect.left(), *t);
                p.line_segment([egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())], egui::Stroke::new(1.0, grid));
            }
            p.galley(egui::pos2(rect.left(), rect.center().y - name.size().y / 2.0), name, ink);
            let x0 = at(rect.left(), 0.0);
            let bar = egui::Rect::from_min_max(
                egui::pos2(x0, rect.center().y - 7.0),
                egui::pos2(at(rect.left(), unit.scale(b.value)), rect.center().y + 7.0),
            );
            p.rect_filled(bar, 1.0, colour(b.fill()));
            if let Some(m) = b.marker {
                let x = at(rect.left(), unit.scale(m));
                let ends = [egui::pos2(x, bar.top() - 3.0), egui::pos2(x, bar.bottom() + 3.0)];
                let stroke = egui::Stroke::new(3.0, ink);
                if b.explicit.is_some() {
                    p.extend(egui::Shape::dashed_line(&ends, stroke, 3.0, 2.0));
                } else {
                    p.line_segment(ends, stroke);
                }
            }
            if let Some(r) = &spec.reference {
                let x = at(rect.left(), unit.scale(r.value));
                let ends = [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())];
                p.extend(egui::Shape::dotted_line(&ends, weak, 4.0, 1.0));
            }
            p.galley(egui::pos2(rect.right() - note_w, rect.center().y - note.size().y / 2.0), note, ink);
            let said = hover(spec, b);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, said.replace('\n', ", ")));
            response.on_hover_text(said);
        }
    });
}
