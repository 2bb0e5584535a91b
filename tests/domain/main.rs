//! The domain's tests, in one binary that links no window: the engine, edits and their
//! inverses, files in and out, import, the workbook, the board pack, printing, the command
//! line, and the summaries of every example against their figures before the house moved.
//! Each file is one feature.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod appraisal;
mod cli;
mod consultation;
mod edit;
mod edit_inverse;
mod engine;
mod export;
mod files;
mod golden;
mod import;
mod print;
mod reliability;
mod session;
mod workbook;
mod years_and_mergers;
