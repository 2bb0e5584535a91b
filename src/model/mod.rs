//! The model: what a scenario is made of. Money in pence, ICBs and clusters, teams and
//! posts, people and their outcomes, the assumptions, the limits a file may hold, and the
//! reference data the app ships. Plain data and the rules that belong to it; no figures
//! (those are the engine's) and no files.

mod assumptions;
pub mod limits;
pub mod migrate;
pub mod money;
mod outcome;
pub mod reference;
mod scenario;

pub use assumptions::*;
pub use outcome::*;
pub use scenario::*;
