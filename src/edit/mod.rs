//! Changing a scenario: every change is an [`Edit`] with a label and an inverse, kept in a
//! [`History`] for undo; a [`Document`] is an open scenario with its figures, recomputed on
//! each change; a [`Session`] is the document as a file on disk (open, save, lock, recovery
//! copies, recent files, read-only), used alike by the window, the command line and tests.

mod apply;
pub mod consequences;
pub mod diff;
mod document;
mod edits;
mod history;
pub mod people_at;
mod session;

pub use consequences::{Question, question};
pub use document::Document;
pub use edits::{Edit, PersonDetail, Refused};
pub use history::History;
pub use session::{AUTOSAVE_EVERY, NotSaved, Opening, Session};
