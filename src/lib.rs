//! Cluster Planner: plan ICB clusters, their single management teams and what happens to
//! every person, and see the remaining running cost against the £/head target.
//!
//! The program is made of wings, each a folder behind one module file. Imports only ever
//! point down this list, and nothing above `ui` touches the user interface:
//!
//! - [`model`]: what a scenario is: money, ICBs, clusters, posts, people, outcomes,
//!   assumptions, the limits a file may hold, and the reference data.
//! - [`engine`]: the cost engine: pay, posts, people, the trajectory, the summary.
//! - [`validate`]: the findings, one named function per check.
//! - [`edit`]: changing a scenario: edits, undo history, the open document, the session
//!   (open, save, lock, recovery, recent files, read-only).
//! - [`files`]: files in and out: scenario files, atomic writes, recovery copies, locks,
//!   staff-list import, the workbook.
//! - [`report`]: what the board sees: wording and colours, chart specs, SVG, the PDF pack,
//!   printing, the command-line summary.
//! - [`appraisal`]: options side by side against business as usual, with a net present value.
//! - [`examples`]: the example scenarios and their generators.
//! - `ui` (feature "gui"): the window.

pub mod appraisal;
pub mod edit;
pub mod engine;
pub mod examples;
pub mod files;
pub mod model;
pub mod report;
#[cfg(feature = "gui")]
pub mod ui;
pub mod validate;
