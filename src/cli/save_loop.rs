//! `save-loop FILE --example NAME` (hidden): for the crash-safety test, saves two versions
//! of an example to FILE in turn, forever; the test kills it at random moments.

use std::path::Path;

use cluster_planner::{examples, files};

use super::{Failure, Outcome};

pub fn run(path: &Path, example: &str) -> Outcome {
    let mut a = examples::by_name(example).ok_or_else(Failure::quiet)?;
    let mut b = a.clone();
    a.name = "Version A".into();
    b.name = "Version B".into();
    out!("saving")?;
    for i in 0_u64.. {
        let s = if i % 2 == 0 { &b } else { &a };
        files::save(s, path).map_err(Failure::new)?;
    }
    unreachable!("the loop only ends by an error or a kill")
}
