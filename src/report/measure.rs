//! Text widths from the embedded fonts' own glyph advances, so the pack wraps names, fits
//! figures in their boxes and keeps words apart by measure, not by a guess per character.

use std::sync::OnceLock;

use crate::report::render::{FONT, FONT_BOLD};

/// Advance widths of DejaVu Sans (regular and bold) in font units, per character.
struct Widths {
    units_per_em: f64,
    face: ttf_parser::Face<'static>,
}

fn faces() -> &'static [Option<Widths>; 2] {
    static FACES: OnceLock<[Option<Widths>; 2]> = OnceLock::new();
    FACES.get_or_init(|| {
        [FONT, FONT_BOLD].map(|data| {
            let face = ttf_parser::Face::parse(data, 0).ok()?;
            Some(Widths { units_per_em: f64::from(face.units_per_em()), face })
        })
    })
}

/// The width of `text` at `size` (points or SVG units), regular or bold. Kerning is left
/// out, so this is never less than what is drawn.
#[must_use]
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let Some(w) = &faces()[usize::from(bold)] else {
        // Not reachable with the shipped fonts; a generous guess keeps layouts apart.
        #[allow(clippy::cast_precision_loss)]
        return text.chars().count() as f64 * size * 0.65;
    };
    let units: f64 = text
        .chars()
        .map(|c| {
            let glyph = w.face.glyph_index(c).or_else(|| w.face.glyph_index('?'));
            f64::from(glyph.and_then(|g| w.face.glyph_hor_advance(g)).unwrap_or(0))
        })
        .sum();
    units * size / w.units_per_em
}

/// Breaks `text` into lines no wider than `max` at `size`; a word longer than a line is
/// cut between characters.
#[must_use]
pub fn wrap(text: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let candidate = if cur.is_empty() { word.to_owned() } else { format!("{cur} {word}") };
        if width(&candidate, size, bold) <= max {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        // The word alone: cut it where it must be.
        for c in word.chars() {
            let mut next = cur.clone();
            next.push(c);
            if width(&next, size, bold) > max && !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                cur.push(c);
            } else {
                cur = next;
            }
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The largest size up to `size` at which `text` fits in `max` (never below half).
#[must_use]
pub fn fitting_size(text: &str, size: f64, bold: bool, max: f64) -> f64 {
    let w = width(text, size, bold);
    if w <= max { size } else { (size * max / w).max(size / 2.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_is_wider_and_width_grows_with_size() {
        let a = width("Herefordshire and Worcestershire", 10.0, false);
        assert!(a > 100.0 && a < 250.0, "{a}");
        assert!(width("Herefordshire and Worcestershire", 10.0, true) > a);
        assert!((width("Herefordshire and Worcestershire", 20.0, false) - 2.0 * a).abs() < 1e-9);
    }

    #[test]
    fn wrap_keeps_every_word_and_each_line_fits() {
        let text = "Derby & Derbyshire + Nottingham & Nottinghamshire + Lincolnshire";
        let lines = wrap(text, 9.5, true, 150.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| width(l, 9.5, true) <= 150.0));
    }
}
