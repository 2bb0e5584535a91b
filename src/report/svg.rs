//! Draws chart specifications as SVG: the one export renderer, from which the PDF board
//! pack and PNG images are made. Every bar carries its exact value in `data-` attributes
//! and a `<title>` (shown on hover in a browser), so the figures can be checked.

use std::fmt::Write as _;

use crate::report::chart::{BarChartSpec, Chart, LegendMark, LineChartSpec, ticks};
use crate::report::measure;

/// The font every export uses (embedded from assets/fonts, so output is the same on
/// every computer).
pub const FONT_FAMILY: &str = "DejaVu Sans";

pub use crate::report::style::{GRID, INK, MUTED, OVER, UNDER};

/// Escapes text for XML.
#[must_use]
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Standard chart size in SVG user units.
pub const WIDTH: f64 = 1000.0;
pub const HEIGHT: f64 = 560.0;

/// A whole chart as a standalone SVG document.
#[must_use]
pub fn chart_svg(chart: &Chart) -> String {
    let mut out = String::new();
    let height = chart_height(chart);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{FONT_FAMILY}, sans-serif">"#
    );
    let _ = write!(out, r#"<rect width="{WIDTH}" height="{height}" fill="white"/>"#);
    out.push_str(&chart_body(chart));
    out.push_str("</svg>\n");
    out
}

/// The chart's elements (no `<svg>` wrapper), for placing inside a page.
#[must_use]
pub fn chart_body(chart: &Chart) -> String {
    match chart {
        Chart::Bars(b) if b.as_rows() => rows(b, &b.bars, false),
        Chart::Bars(b) => bars(b),
        Chart::Line(l) => line(l),
    }
}

/// The chart's height in SVG units: the standard height, or as tall as its rows need.
#[must_use]
pub fn chart_height(chart: &Chart) -> f64 {
    match chart {
        Chart::Bars(b) if b.as_rows() => rows_height(&b.bars),
        _ => HEIGHT,
    }
}

/// Rows charts: where the name column, the bars and the notes sit, and the type sizes.
const ROW_NAME_X: f64 = 40.0;
const ROW_NAME_W: f64 = 300.0;
const ROW_BAR_X0: f64 = 350.0;
const ROW_BAR_X1: f64 = 790.0;
const ROW_NOTE_X: f64 = 798.0;
const ROW_FONT: f64 = 13.0;
const ROW_NOTE_FONT: f64 = 12.0;
/// Where the first row starts (below the heading and the value axis).
const ROWS_TOP: f64 = 104.0;

/// A row's height: one line of name, or as many as its name wraps to.
#[must_use]
pub fn row_height(label: &str) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let lines = measure::wrap(label, ROW_FONT, false, ROW_NAME_W).len().max(1) as f64;
    10.0 + 16.0 * lines
}

/// The height of a rows chart of these bars: heading, axis, rows, legend.
#[must_use]
pub fn rows_height(bars: &[crate::report::chart::BarItem]) -> f64 {
    ROWS_TOP + bars.iter().map(|b| row_height(&b.label)).sum::<f64>() + 70.0
}

/// Bars as rows: the full name (wrapped) on the left, a horizontal bar with the target as a
/// tick across it, the gap on the right; the value axis along the top. `bars` may be a part
/// of the spec's (a pack page); the axis always reaches the whole chart's top so parts
/// compare. `continued` marks the title of a later part.
#[must_use]
pub fn rows(spec: &BarChartSpec, bars: &[crate::report::chart::BarItem], continued: bool) -> String {
    let mut out = String::new();
    let title = if continued { format!("{} (continued)", spec.title) } else { spec.title.clone() };
    heading(&mut out, &title, &spec.subtitle);
    let unit = spec.unit;
    let tick_values = ticks(unit.scale(spec.top()) * 1.05);
    let max = tick_values.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let x = |v: f64| ROW_BAR_X0 + (v / max).clamp(0.0, 1.05) * (ROW_BAR_X1 - ROW_BAR_X0);
    let bottom = ROWS_TOP + bars.iter().map(|b| row_height(&b.label)).sum::<f64>();
    // The value axis: gridlines down the rows, labels along the top.
    for t in &tick_values {
        let tx = x(*t);
        let _ = write!(
            out,
            r#"<line x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{bottom:.1}" stroke="{GRID}" stroke-width="1"/>"#,
            ROWS_TOP - 4.0
        );
        let label = if t.fract().abs() < 1e-9 { format!("{t:.0}") } else { format!("{t}") };
        let _ = write!(
            out,
            r#"<text x="{tx:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="{MUTED}">{}</text>"#,
            ROWS_TOP - 10.0,
            esc(&label)
        );
    }
    let _ = write!(
        out,
        r#"<text x="{ROW_NAME_X}" y="{:.1}" font-size="12" fill="{MUTED}">{}</text>"#,
        ROWS_TOP - 10.0,
        esc(unit.axis())
    );
    let mut y = ROWS_TOP;
    for b in bars {
        let h = row_height(&b.label);
        let mid = y + h / 2.0;
        let lines = measure::wrap(&b.label, ROW_FONT, false, ROW_NAME_W);
        #[allow(clippy::cast_precision_loss)]
        let first = mid - 8.0 * (lines.len() as f64 - 1.0) + 4.5;
        for (k, line) in lines.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let ly = first + 16.0 * k as f64;
            let _ = write!(
                out,
                r#"<text class="label" x="{ROW_NAME_X}" y="{ly:.1}" font-size="{ROW_FONT}" fill="{INK}">{}</text>"#,
                esc(line)
            );
        }
        let bar_h = 14.0;
        let _ = write!(
            out,
            r#"<rect class="bar" data-label="{}" data-value="{}"{} x="{ROW_BAR_X0}" y="{:.1}" width="{:.1}" height="{bar_h}" fill="{}"><title>{}: {}</title></rect>"#,
            esc(&b.label),
            b.value,
            b.marker.map(|m| format!(r#" data-marker="{m}""#)).unwrap_or_default(),
            mid - bar_h / 2.0,
            (x(unit.scale(b.value)) - ROW_BAR_X0).max(0.0),
            b.fill(),
            esc(&b.label),
            esc(&unit.exact(b.value))
        );
        if let Some(m) = b.marker {
            let mx = x(unit.scale(m));
            let (dash, why) = match &b.explicit {
                Some(why) => (r#" stroke-dasharray="4 2""#, format!(" (explicit target: {why})")),
                None => ("", String::new()),
            };
            let _ = write!(
                out,
                r#"<line class="marker" data-label="{}" data-value="{m}" x1="{mx:.1}" y1="{:.1}" x2="{mx:.1}" y2="{:.1}" stroke="{INK}" stroke-width="3"{dash}><title>{} {}{}</title></line>"#,
                esc(&b.label),
                mid - bar_h / 2.0 - 3.0,
                mid + bar_h / 2.0 + 3.0,
                esc(&spec.marker_label),
                esc(&unit.exact(m)),
                esc(&why)
            );
        }
        if !b.note.is_empty() {
            let size = measure::fitting_size(&b.note, ROW_NOTE_FONT, false, WIDTH - ROW_NOTE_X - 8.0);
            let _ = write!(
                out,
                r#"<text class="note" x="{ROW_NOTE_X}" y="{:.1}" font-size="{size:.1}" fill="{INK}">{}</text>"#,
                mid + 4.0,
                esc(&b.note)
            );
        }
        y += h;
    }
    if let Some(r) = &spec.reference {
        let rx = x(unit.scale(r.value));
        let _ = write!(
            out,
            r#"<line class="reference" data-value="{}" x1="{rx:.1}" y1="{:.1}" x2="{rx:.1}" y2="{bottom:.1}" stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="2 3"/>"#,
            r.value,
            ROWS_TOP - 4.0
        );
    }
    legend(&mut out, &spec.legend(), bottom + 34.0);
    out
}

struct Frame {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    max: f64,
}

impl Frame {
    fn y(&self, v: f64) -> f64 {
        self.y1 - (v / self.max).clamp(-0.05, 1.05) * (self.y1 - self.y0)
    }
}

fn heading(out: &mut String, title: &str, subtitle: &str) {
    // A long title or subtitle is set smaller rather than run off the edge.
    let size = measure::fitting_size(title, 22.0, true, WIDTH - 80.0);
    let _ = write!(
        out,
        r#"<text x="40" y="40" font-size="{size:.1}" font-weight="bold" fill="{INK}">{}</text>"#,
        esc(title)
    );
    let size = measure::fitting_size(subtitle, 13.0, false, WIDTH - 80.0);
    let _ = write!(out, r#"<text x="40" y="64" font-size="{size:.1}" fill="{MUTED}">{}</text>"#, esc(subtitle));
}

fn axes(out: &mut String, f: &Frame, tick_values: &[f64], axis: &str) {
    for t in tick_values {
        let y = f.y(*t);
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="{GRID}" stroke-width="1"/>"#,
            f.x0, f.x1
        );
        let label = if t.fract().abs() < 1e-9 { format!("{t:.0}") } else { format!("{t}") };
        let _ = write!(
            out,
            r#"<text x="{}" y="{:.1}" font-size="12" text-anchor="end" fill="{MUTED}">{}</text>"#,
            f.x0 - 8.0,
            y + 4.0,
            esc(&label)
        );
    }
    let _ = write!(
        out,
        r#"<text x="18" y="{:.1}" font-size="12" fill="{MUTED}" transform="rotate(-90 18 {:.1})" text-anchor="middle">{}</text>"#,
        (f.y0 + f.y1) / 2.0,
        (f.y0 + f.y1) / 2.0,
        esc(axis)
    );
    let _ = write!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{INK}" stroke-width="1"/>"#,
        f.x0, f.y1, f.x1, f.y1
    );
}

fn bars(spec: &BarChartSpec) -> String {
    let mut out = String::new();
    heading(&mut out, &spec.title, &spec.subtitle);
    let unit = spec.unit;
    let top = spec.top();
    let tick_values = ticks(unit.scale(top) * 1.08);
    let max = tick_values.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let f = Frame { x0: 90.0, x1: WIDTH - 30.0, y0: 95.0, y1: 470.0, max };
    axes(&mut out, &f, &tick_values, unit.axis());
    #[allow(clippy::cast_precision_loss)]
    let n = spec.bars.len().max(1) as f64;
    let slot = (f.x1 - f.x0) / n;
    for (i, b) in spec.bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let cx = f.x0 + slot * (i as f64 + 0.5);
        let w = slot * 0.6;
        let y = f.y(unit.scale(b.value));
        let color = b.fill();
        let _ = write!(
            out,
            r#"<rect class="bar" data-label="{}" data-value="{}"{} x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{color}"><title>{}: {}</title></rect>"#,
            esc(&b.label),
            b.value,
            b.marker.map(|m| format!(r#" data-marker="{m}""#)).unwrap_or_default(),
            cx - w / 2.0,
            y.min(f.y1),
            w,
            (f.y1 - y).abs(),
            esc(&b.label),
            esc(&unit.exact(b.value))
        );
        if let Some(m) = b.marker {
            let my = f.y(unit.scale(m));
            // A target set by hand is dashed, with its reason on hover.
            let (dash, why) = match &b.explicit {
                Some(why) => (r#" stroke-dasharray="6 3""#, format!(" (explicit target: {why})")),
                None => ("", String::new()),
            };
            let _ = write!(
                out,
                r#"<line class="marker" data-label="{}" data-value="{m}" x1="{:.1}" y1="{my:.1}" x2="{:.1}" y2="{my:.1}" stroke="{INK}" stroke-width="3"{dash}><title>{} {}{}</title></line>"#,
                esc(&b.label),
                cx - slot * 0.4,
                cx + slot * 0.4,
                esc(&spec.marker_label),
                esc(&unit.exact(m)),
                esc(&why)
            );
        }
        if !b.note.is_empty() {
            let mut ny = f.y(unit.scale(b.value.max(b.marker.unwrap_or(0)))) - 8.0;
            // Keep the note clear of a reference line running just above the bar.
            if let Some(r) = &spec.reference {
                let ry = f.y(unit.scale(r.value));
                if (ny - ry).abs() < 14.0 || (ny > ry && ny - 12.0 < ry) {
                    ny = ry.min(ny) - 8.0;
                }
            }
            let _ = write!(
                out,
                r#"<text class="note" x="{cx:.1}" y="{ny:.1}" font-size="12" text-anchor="middle" fill="{INK}">{}</text>"#,
                esc(&b.note)
            );
        }
        // The name wraps under its bar (three lines at most, the last cut if it must be).
        let mut lines = measure::wrap(&b.label, 13.0, false, slot - 8.0);
        if lines.len() > 3 {
            let rest = lines[2..].join(" ");
            lines.truncate(2);
            lines.push(fit_line(&rest, 13.0, slot - 8.0));
        }
        for (k, line) in lines.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let ly = f.y1 + 20.0 + 16.0 * k as f64;
            let _ = write!(
                out,
                r#"<text class="label" x="{cx:.1}" y="{ly:.1}" font-size="13" text-anchor="middle" fill="{INK}">{}</text>"#,
                esc(line)
            );
        }
    }
    if let Some(r) = &spec.reference {
        let y = f.y(unit.scale(r.value));
        let _ = write!(
            out,
            r#"<line class="reference" data-value="{}" x1="{}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="{MUTED}" stroke-width="2" stroke-dasharray="2 3"/>"#,
            r.value, f.x0, f.x1
        );
        let _ = write!(
            out,
            r#"<text x="{}" y="{:.1}" font-size="12" text-anchor="end" fill="{INK}">{}</text>"#,
            f.x1,
            y - 6.0,
            esc(&r.label)
        );
    }
    legend(&mut out, &spec.legend(), HEIGHT - 22.0);
    out
}

/// `text` cut with "…" to fit `max` at `size`.
fn fit_line(text: &str, size: f64, max: f64) -> String {
    if measure::width(text, size, false) <= max {
        return text.to_owned();
    }
    let mut kept: String = text.to_owned();
    while !kept.is_empty() && measure::width(&format!("{}…", kept.trim_end()), size, false) > max {
        kept.pop();
    }
    format!("{}…", kept.trim_end())
}

/// The legend along the foot of the chart, left to right: a swatch or a line, then its words.
fn legend(out: &mut String, items: &[(LegendMark, String)], first_y: f64) {
    let mut y = first_y;
    let mut x = 40.0;
    for (mark, words) in items {
        // An entry that would run past the edge starts a new line.
        let entry = 32.0 + measure::width(words, 12.0, false);
        if x > 40.0 && x + entry > WIDTH - 20.0 {
            x = 40.0;
            y += 20.0;
        }
        match mark {
            LegendMark::Fill(c) => {
                let _ = write!(out, r#"<rect x="{x:.1}" y="{:.1}" width="14" height="14" fill="{c}"/>"#, y - 11.0);
                x += 20.0;
            }
            LegendMark::Line { dashed } => {
                let dash = if *dashed { r#" stroke-dasharray="6 3""# } else { "" };
                let _ = write!(
                    out,
                    r#"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{INK}" stroke-width="3"{dash}/>"#,
                    y - 4.0,
                    x + 26.0,
                    y - 4.0
                );
                x += 32.0;
            }
            LegendMark::Reference => {
                let _ = write!(
                    out,
                    r#"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="2 3"/>"#,
                    y - 4.0,
                    x + 26.0,
                    y - 4.0
                );
                x += 32.0;
            }
        }
        let _ = write!(out, r#"<text x="{x:.1}" y="{y:.1}" font-size="12" fill="{INK}">{}</text>"#, esc(words));
        x += measure::width(words, 12.0, false) + 24.0;
    }
}

fn line(spec: &LineChartSpec) -> String {
    let mut out = String::new();
    heading(&mut out, &spec.title, &spec.subtitle);
    let unit = spec.unit;
    let top = spec.top();
    let tick_values = ticks(unit.scale(top) * 1.08);
    let max = tick_values.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let f = Frame { x0: 90.0, x1: WIDTH - 30.0, y0: 95.0, y1: 450.0, max };
    axes(&mut out, &f, &tick_values, unit.axis());
    #[allow(clippy::cast_precision_loss)]
    let n = spec.points.len().max(1) as f64;
    let step = (f.x1 - f.x0) / n;
    #[allow(clippy::cast_precision_loss)]
    let xs: Vec<f64> = (0..spec.points.len()).map(|i| f.x0 + step * (i as f64 + 0.5)).collect();
    if let Some(r) = &spec.reference {
        let y = f.y(unit.scale(r.value));
        let _ = write!(
            out,
            r#"<line class="reference" data-value="{}" x1="{}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="{UNDER}" stroke-width="2" stroke-dasharray="8 5"/>"#,
            r.value, f.x0, f.x1
        );
        let _ = write!(
            out,
            r#"<text x="{}" y="{:.1}" font-size="12" fill="{UNDER}">{}</text>"#,
            f.x0 + 6.0,
            y - 6.0,
            esc(&r.label)
        );
    }
    let path: Vec<String> =
        spec.points.iter().zip(&xs).map(|((_, v), x)| format!("{x:.1},{:.1}", f.y(unit.scale(*v)))).collect();
    let _ = write!(out, r#"<polyline points="{}" fill="none" stroke="{OVER}" stroke-width="3"/>"#, path.join(" "));
    // Month labels about 60 points apart at most: every month on a year's chart, every
    // second or third on a longer one, so they never run into each other.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let every = ((60.0 / step).ceil() as usize).max(1);
    for (i, ((label, v), x)) in spec.points.iter().zip(&xs).enumerate() {
        let y = f.y(unit.scale(*v));
        let _ = write!(
            out,
            r#"<circle class="point" data-label="{}" data-value="{v}" cx="{x:.1}" cy="{y:.1}" r="4" fill="{OVER}"><title>{}: {}</title></circle>"#,
            esc(label),
            esc(label),
            esc(&unit.exact(*v))
        );
        if i % every == 0 {
            let _ = write!(
                out,
                r#"<text class="label" x="{x:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="{INK}">{}</text>"#,
                f.y1 + 20.0,
                esc(label)
            );
        }
    }
    if let Some((_, first)) = spec.points.first() {
        // Up to three lines between the month labels and the legend.
        let text = format!("From {} a year. {}", unit.exact(*first), spec.note);
        for (k, line) in measure::wrap(&text, 12.0, false, WIDTH - 80.0).iter().take(3).enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = f.y1 + 42.0 + 15.0 * k as f64;
            let _ = write!(out, r#"<text x="40" y="{y:.1}" font-size="12" fill="{INK}">{}</text>"#, esc(line));
        }
    }
    legend(&mut out, &spec.legend(), HEIGHT - 22.0);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_escaped() {
        assert_eq!(super::esc("A & B <C> \"D\""), "A &amp; B &lt;C&gt; &quot;D&quot;");
    }
}
