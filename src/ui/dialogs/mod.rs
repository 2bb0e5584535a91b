//! One file per dialog. Each draws itself from its own state and pushes commands.

pub mod compare;
pub mod confirm;
pub mod file_chooser;
pub mod help;
pub mod import;
pub mod migrate;
pub mod new_scenario;
pub mod post;
pub mod print;
pub mod safety;
pub mod spreadsheet;
pub mod unsaved;
