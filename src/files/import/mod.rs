//! Bringing a staff list in: an ESR (NHS staff record) or finance extract as CSV or a
//! spreadsheet becomes the scenario's people. No user interface here: the window, the
//! command line and the tests all go through the same four steps.
//!
//! 1. [`read_table`] reads the file into rows of text: CSV in any common delimiter (sniffed),
//!    UTF-8 with or without a BOM, UTF-16 with a BOM, or Windows-1252; XLSX, XLSM, XLSB, XLS
//!    and ODS through calamine. The header row is found by its known column names, so title
//!    rows and merged group headings above it are passed over; blank rows are skipped.
//! 2. [`guess`] maps columns to fields by their headers ("Assignment Number", "Pay Band",
//!    "FTE", "Annual Salary", ...). The user confirms or changes the [`Mapping`], and may save
//!    it as a named [`Profile`] (kept by header name, so it still fits when columns move).
//! 3. [`prepare`] reads every row with that mapping and reports, per row and column, what is
//!    missing or invalid ([`Issue`]). Rows with errors are left out; warnings are imported.
//! 4. [`reconcile`] compares the good rows with the scenario: people added, people who left
//!    (no longer in the extract), and people whose band, WTE, salary or other details
//!    changed. It keeps every decision (outcome and its date) about the people who remain.
//!    The result replaces the scenario's people in one undoable step.
//!
//! Choices made where the issue was silent are written beside the code that makes them.

mod fields;
mod prepare;
mod profiles;
mod read;
mod reconcile;
mod sample;
mod values;

pub use fields::{Field, Mapping, SalaryBasis, guess};
pub use prepare::{Issue, Level, Prepared, prepare};
pub use profiles::{Profile, load_profiles, profiles_path, save_profile};
pub use read::{ImportError, MAX_IMPORT_BYTES, Row, Table, parse_csv, read_table};
pub use reconcile::{Change, Plan, reconcile, report_text};
pub use sample::{sample_extract, to_csv};
