//! Cluster Planner: plan ICB clusters, their single management teams and what happens to
//! every person, and see the remaining running cost against the £/head target.
//!
//! The domain modules here (model, money, engine, validate, file, reference, report,
//! examples) never touch the user interface; the window lives in `ui` and only calls them.

pub mod chart;
pub mod diff;
pub mod document;
pub mod edit;
pub mod engine;
pub mod examples;
pub mod export;
pub mod file;
pub mod import;
pub mod lock;
pub mod model;
pub mod money;
pub mod print;
pub mod recovery;
pub mod reference;
pub mod report;
pub mod svg;
#[cfg(feature = "gui")]
pub mod ui;
pub mod validate;
pub mod workbook;
