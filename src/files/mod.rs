//! Files in and out: the scenario file (read with plain messages naming line and field,
//! written atomically), recovery copies, lock files, staff-list import and the workbook
//! export. The only wing that touches the disk.

pub mod import;
pub mod lock;
pub mod recovery;
mod scenario_file;
mod screenshot;
pub mod workbook;

pub use scenario_file::*;
pub use screenshot::write_png;
