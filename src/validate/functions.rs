//! Checks of the function catalogue.

use rustc_hash::FxHashSet as HashSet;

use super::Severity::Error;
use super::{Context, Findings, Subject};

pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    names_are_unique(cx, out);
}

fn names_are_unique(cx: &Context<'_>, out: &mut Findings) {
    out.kind = "Function names";
    let mut names = HashSet::default();
    for f in &cx.s.functions {
        if !names.insert(f.name.as_str()) {
            out.push(Error, Subject::Function(f.name.clone()), "two functions have this name".into());
        }
    }
}
