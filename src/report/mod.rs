//! What the board sees: the wording and colours of figures (`style.rs`), chart specs, SVG drawing, the PDF board
//! pack, printing, and the command-line summary (table and JSON).

pub mod chart;
pub mod help;
pub mod measure;
pub mod pack;
pub mod print;
pub mod render;
pub mod style;
mod summary;
pub mod svg;
pub mod timeline;

pub use style::short_name;
pub use summary::{comparison_json, summary_json, summary_table};
