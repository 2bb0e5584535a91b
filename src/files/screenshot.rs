//! Writing a screenshot of the window (checks and `--screenshot`) as a PNG.

use std::path::Path;

/// Writes 8-bit RGBA pixels, `size` = [width, height], to a PNG file.
pub fn write_png(out: &Path, size: [usize; 2], rgba: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
    let f = std::fs::File::create(out)?;
    let w = std::io::BufWriter::new(f);
    let mut enc = png::Encoder::new(w, u32::try_from(size[0])?, u32::try_from(size[1])?);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header()?;
    writer.write_image_data(rgba)?;
    writer.finish()?;
    Ok(())
}
