//! What the board sees: the wording of figures, chart specs, SVG drawing, the PDF board
//! pack, printing, and the command-line summary (table and JSON).

pub mod chart;
pub mod pack;
pub mod print;
mod summary;
pub mod svg;

pub use summary::*;
