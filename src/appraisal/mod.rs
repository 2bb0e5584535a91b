//! Options appraisal: several scenarios side by side against business as usual, with the
//! steps from one cost to another and a Green Book net present value (`compare.rs`,
//! `npv.rs`). Plain figures, no window: the command line, the window and the pack read them.

pub mod compare;
pub mod export;
pub mod grid;
pub mod npv;

pub use compare::{Appraised, Candidate, Comparison, Coverage, Role, Waterfall, business_as_usual};
pub use grid::{Better, Kind, Row, Show};
