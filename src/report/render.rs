//! Turning SVG into what people keep: PNG images and PDF pages, with the fonts embedded
//! (DejaVu Sans from assets/fonts), so output is the same on every computer.

use std::sync::{Arc, OnceLock};

use crate::engine::Summary;
use crate::model::Scenario;
use crate::report::chart::ChartKind;
use crate::report::pack::{PAGE_H, PAGE_W};
use crate::report::svg::{self, FONT_FAMILY};

/// DejaVu Sans and DejaVu Sans Bold, shipped in assets/fonts with their licence.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

#[derive(Debug)]
pub enum ExportError {
    Svg(String),
    Pdf(String),
    Png(String),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Svg(e) => write!(f, "could not draw the chart: {e}"),
            ExportError::Pdf(e) => write!(f, "could not make the PDF: {e}"),
            ExportError::Png(e) => write!(f, "could not make the PNG: {e}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// usvg options with only the embedded font, so output never depends on the fonts of the
/// computer (a system `sans-serif` may map to a font that is not installed, and the text
/// would silently vanish).
fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.load_font_data(FONT_BOLD.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        usvg::Options { font_family: FONT_FAMILY.to_owned(), fontdb: Arc::new(db), ..usvg::Options::default() }
    })
}

fn tree(svg_text: &str) -> Result<usvg::Tree, ExportError> {
    usvg::Tree::from_str(svg_text, options()).map_err(|e| ExportError::Svg(e.to_string()))
}

/// A chart as a standalone SVG document.
#[must_use]
pub fn chart_svg(kind: ChartKind, s: &Scenario, sum: &Summary) -> String {
    svg::chart_svg(&kind.build(s, sum))
}

/// A chart as PNG: `width` pixels wide (the height follows the chart's 1000 × 560 shape).
pub fn chart_png(kind: ChartKind, s: &Scenario, sum: &Summary, width: u32) -> Result<Vec<u8>, ExportError> {
    svg_to_png(&chart_svg(kind, s, sum), width)
}

/// Renders SVG text to PNG bytes at `width` pixels.
pub fn svg_to_png(svg_text: &str, width: u32) -> Result<Vec<u8>, ExportError> {
    let t = tree(svg_text)?;
    let size = t.size();
    let scale = width.clamp(16, 16_000) as f32 / size.width();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (w, h) = ((size.width() * scale).round() as u32, (size.height() * scale).round() as u32);
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or_else(|| ExportError::Png("image too large".into()))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&t, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| ExportError::Png(e.to_string()))
}

/// SVG pages to a PDF with the embedded fonts.
pub(super) fn pdf_of(pages: &[String], title: &str) -> Result<Vec<u8>, ExportError> {
    use krilla::Document;
    use krilla::geom::Size;
    use krilla::metadata::Metadata;
    use krilla::page::PageSettings;
    use krilla_svg::{SurfaceExt, SvgSettings};

    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new().title(title.to_owned()).creator("Cluster Planner".to_owned()).language("en-GB".to_owned()),
    );
    #[allow(clippy::cast_possible_truncation)]
    let (w, h) = (PAGE_W as f32, PAGE_H as f32);
    let size = Size::from_wh(w, h).ok_or_else(|| ExportError::Pdf("bad page size".into()))?;
    for page_text in pages {
        let t = tree(page_text)?;
        let settings = PageSettings::from_wh(w, h).ok_or_else(|| ExportError::Pdf("bad page size".into()))?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        surface
            .draw_svg(&t, size, SvgSettings::default())
            .ok_or_else(|| ExportError::Pdf("a page could not be drawn".into()))?;
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))
}
