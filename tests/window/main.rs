//! The window's tests, in one binary: the real app driven through its accessibility tree
//! (egui_kittest, no display needed). `common.rs` holds the harness and shared builders.

#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod accessibility;
mod committee;
mod common;
mod consultation;
mod help_and_files;
mod import_dialog;
mod layout;
mod options;
mod safety;
mod snapshots;
mod ui;
mod years_and_mergers;
