//! The desktop window (eframe/egui). It only shows and edits a document through the
//! domain's [`Session`](crate::edit::Session); every figure comes from the engine and every
//! file goes through `files`. Controls push a [`Command`]; the app runs the queue once a
//! frame.
//!
//! - `app.rs`: the app's state and the one place commands are carried out;
//! - `command.rs`: every command with its label and shortcut;
//! - `menu.rs`, `status.rs`: the menu bar and the status bar;
//! - `tabs/`: one file per tab; `dialogs/`: one file per dialog;
//! - `window.rs`: eframe, fonts, the crash guard, screenshot mode;
//! - `bench.rs`: frame timings for `cluster-planner bench --ui`.

mod app;
pub mod bench;
pub mod charts;
pub mod command;
pub mod dialogs;
pub mod files;
mod menu;
mod status;
pub mod tabs;
mod widgets;
mod window;

pub use app::ClusterPlannerApp;
pub use command::{Command, Commands};
pub use status::Notice;
pub use tabs::Tab;
pub use window::{MIN_WINDOW, WindowOptions, install_fonts, mark_start, run};
