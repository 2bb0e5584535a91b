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

/// A short text the engine and the checks look things up by: an ICB's code, a post's id, a
/// function's name. Up to 23 bytes it is kept inside the record that holds it, and longer
/// ones can be shared ([`Scenario::share_names`]), so a recompute over 200,000 people reads
/// them without chasing each one into memory. It reads, compares and saves as a string.
pub type Code = smol_str::SmolStr;
