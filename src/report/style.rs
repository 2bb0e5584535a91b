//! The wording and colours every view shares: screen, board pack, workbook and command line
//! say a figure the same way and colour it the same way. Change a word or a colour here and
//! it changes everywhere.

use crate::engine::{Line, OrgFigures, Summary};
use crate::model::money::{Pence, format_pounds, format_pounds_pence};

/// A colour, written for SVG as `#RRGGBB` (its `Display`) and given as RGB for the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub [u8; 3]);

impl std::fmt::Display for Colour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02X}{g:02X}{b:02X}")
    }
}

/// Over target: still to save (an orange that reads apart from the green for colour-blind
/// readers, from the Okabe–Ito palette).
pub const OVER: Colour = Colour([0xD5, 0x5E, 0x00]);
/// At or under target (NHS green).
pub const UNDER: Colour = Colour([0x00, 0x7F, 0x3B]);
/// Cost that moves out with a function: moved to another body, not saved (Okabe–Ito's
/// reddish purple, apart from the green of a saving).
pub const MOVED: Colour = Colour([0xCC, 0x79, 0xA7]);
/// Body text on paper.
pub const INK: Colour = Colour([0x1F, 0x29, 0x33]);
/// Grid lines on paper.
pub const GRID: Colour = Colour([0xD5, 0xDB, 0xE1]);
/// Quieter text on paper: captions, footers.
pub const MUTED: Colour = Colour([0x52, 0x60, 0x6D]);

/// The outcomes grouped as a board reads them, each with its colour (Okabe–Ito, safe for
/// colour-blind readers): in the chart of people by outcome and its legend.
pub const OUTCOME_GROUPS: [(Colour, &str); 4] = [
    (Colour([0x56, 0xB4, 0xE9]), "In their role"),
    (Colour([0xE6, 0x9F, 0x00]), "Ring-fenced or at risk"),
    (Colour([0x00, 0x9E, 0x73]), "In a new post"),
    (Colour([0xD5, 0x5E, 0x00]), "Leaving"),
];

/// An outcome's name where room is short (a chart's axis): "VR" for voluntary redundancy.
#[must_use]
pub fn outcome_short(kind: crate::model::OutcomeKind) -> &'static str {
    use crate::model::OutcomeKind as K;
    match kind {
        K::NotAffected => "In role",
        K::Slotted => "Slotted",
        K::RingFenced => "Ring-fenced",
        K::Appointed => "Appointed",
        K::AtRisk => "At risk",
        K::Redeployed => "Redeployed",
        K::TransferredOut => "Moved out",
        K::VoluntaryRedundancy => "VR",
        K::Mars => "MARS",
        K::CompulsoryRedundancy => "CR",
    }
}

/// An outcome's colour: the colour of its group.
#[must_use]
pub fn outcome_colour(kind: crate::model::OutcomeKind) -> Colour {
    use crate::model::OutcomeKind as K;
    let group = match kind {
        K::NotAffected => 0,
        K::RingFenced | K::AtRisk => 1,
        K::Slotted | K::Appointed => 2,
        _ => 3,
    };
    OUTCOME_GROUPS[group].0
}

/// The colour of a gap: over target or not.
#[must_use]
pub fn gap_colour(gap: Pence) -> Colour {
    if gap > 0 { OVER } else { UNDER }
}

pub use crate::model::short_name;

/// Text cut to at most `n` characters, with "…" where it was cut.
#[must_use]
pub fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_owned() } else { s.chars().take(n.saturating_sub(1)).collect::<String>() + "…" }
}

/// £12,345 or "n/a" when there is no figure (an ICB with no population has no target).
#[must_use]
pub fn opt_pounds(v: Option<Pence>) -> String {
    v.map_or_else(|| "n/a".to_owned(), format_pounds)
}

/// What "still to save" means, wherever it is shown.
pub const STILL_TO_SAVE: &str =
    "What the ICBs over their targets must still save: the sum of each ICB's planned − target where that is above zero";
/// What "surplus" means, wherever it is shown.
pub const SURPLUS: &str = "What the ICBs under their targets are under by, summed. ICBs are separate statutory bodies: one's surplus does not pay another's shortfall, so it is never taken off what is still to save";

/// Said wherever a running cost allowance stands in for a baseline and is set against the
/// envelope (domain.md §3.1).
#[must_use]
pub fn allowance_caveat(n: usize) -> String {
    let icbs = if n == 1 { "1 ICB's baseline is its".to_owned() } else { format!("{n} ICBs' baselines are their") };
    format!(
        "{icbs} running cost allowance, which must not be compared with the envelope: the envelope also covers programme pay, so against it the allowance shows a surplus that is not real. Enter local running costs and programme pay to compare."
    )
}

/// The columns of a cost line, with what each means (the tooltips on screen).
pub const LINE_COLUMNS: [(&str, &str); 7] = [
    ("Baseline", "Cost of today's people plus baseline non-pay"),
    ("Planned", "People staying + share of the single management teams' posts + planned non-pay"),
    ("Target", "Population × envelope per head, or the ICB's explicit target"),
    ("Still to save", STILL_TO_SAVE),
    ("Surplus", SURPLUS),
    ("Per head", "Planned running cost per head of population"),
    ("Moved out", "Cost that transfers out with functions: moved, not saved"),
];

/// Which of [`figures`] is still to save, and which the surplus (coloured over and under).
pub const STILL_TO_SAVE_COLUMN: usize = 3;
pub const SURPLUS_COLUMN: usize = 4;

/// A line's figures as every table prints them: baseline, planned, target, still to save,
/// surplus, per head, moved out. With no target, still to save and surplus are "n/a".
#[must_use]
pub fn figures(l: &Line) -> [String; 7] {
    let (still, surplus) =
        if l.target.is_some() { (format_pounds(l.still_to_save), format_pounds(l.surplus)) } else { na2() };
    [
        format_pounds(l.baseline),
        format_pounds(l.planned),
        opt_pounds(l.target),
        still,
        surplus,
        l.planned_per_head().map_or_else(|| "n/a".into(), format_pounds_pence),
        format_pounds(l.transferred_out),
    ]
}

fn na2() -> (String, String) {
    ("n/a".into(), "n/a".into())
}

/// One row of the table of cost by cluster and ICB.
#[derive(Debug)]
pub struct LineRow<'a> {
    pub label: String,
    pub line: &'a Line,
    /// A cluster or the total, printed bold.
    pub strong: bool,
    /// An ICB outside the plan's scope: listed apart, greyed, not in the total.
    pub out_of_scope: bool,
    /// The ICB's code, on an ICB's row.
    pub code: Option<&'a str>,
}

/// The mark of an ICB whose target is set by hand, before its name (so a long name cut
/// short never hides it), and what it means.
pub const EXPLICIT_MARK: &str = "†";
pub const EXPLICIT_MEANS: &str = "† a target set by hand, not population × envelope";

/// An ICB's name in a table: "    QK1 Northamptonshire", or "    † QK1 …" when its target
/// is set by hand.
fn icb_label(o: &OrgFigures, indent: &str) -> String {
    let mark = if o.explicit_target { format!("{EXPLICIT_MARK} ") } else { String::new() };
    format!("{indent}{mark}{} {}", o.code, short_name(&o.name))
}

/// Why an ICB's target is set by hand, as its file says ("no reason given" when it does not).
#[must_use]
pub fn explicit_reason<'a>(s: &'a crate::model::Scenario, code: &str) -> &'a str {
    let why = s.organisation(code).map(|x| x.target_note.trim()).unwrap_or_default();
    if why.is_empty() { "no reason given" } else { why }
}

/// The reasons of the targets set by hand among the ICBs in scope: "† QK1: published board
/// target (…)", for a table's footnote.
#[must_use]
pub fn explicit_reasons(s: &crate::model::Scenario, sum: &Summary) -> Vec<String> {
    sum.organisations
        .iter()
        .filter(|o| o.explicit_target && o.in_scope)
        .map(|o| format!("{EXPLICIT_MARK} {}: {}", o.code, explicit_reason(s, &o.code)))
        .collect()
}

/// A cluster's row: its name, and for a merged ICB the date it is one body from (or that
/// it merges after the target date). On screen, in the pack and on the command line.
#[must_use]
pub fn cluster_label(c: &crate::engine::ClusterFigures) -> String {
    match c.merger_from {
        Some(from) if c.merged => format!("{}: one merged ICB from {}", c.name, from.format("%-d %b %Y")),
        Some(from) => format!("{} (merges {}, after the target date)", c.name, from.format("%-d %b %Y")),
        None => c.name.clone(),
    }
}

/// What follows a member's name under a merged ICB: its figures are its own until the date.
#[must_use]
pub fn until(c: &crate::engine::ClusterFigures) -> String {
    match c.merger_from {
        Some(from) if c.merged => format!(" (until {})", from.format("%-d %b %Y")),
        _ => String::new(),
    }
}

/// The total's row: the ICBs in scope, and how many bodies they are after mergers.
#[must_use]
pub fn total_label(sum: &Summary) -> String {
    match sum.bodies_in_scope() {
        bodies if bodies != sum.in_scope_count() => {
            format!("Total of {} ICBs in scope, {bodies} after mergers", sum.in_scope_count())
        }
        _ => format!("Total of {} ICBs in scope", sum.in_scope_count()),
    }
}

/// How "still to save" is added up, for the notes under a table: ICB by ICB, and a merged
/// ICB as the one body it is.
#[must_use]
pub fn still_to_save_rule(sum: &Summary) -> &'static str {
    if sum.clusters.iter().any(|c| c.merged) {
        "Still to save: the sum of each body's shortfall (planned − target above zero), a merged ICB counted as one body.\nSurplus: the sum of each body's amount under target, never taken off what is still to save."
    } else {
        "Still to save: the sum of each ICB's shortfall (planned − target above zero).\nSurplus: the sum of each ICB's amount under target, never taken off what is still to save."
    }
}

/// What merging does to what is still to save, in words, when any cluster is merged by the
/// target date: the merged ICBs net their parts (one part under target meets another's
/// shortfall), which changes no cost. `None` when nothing is merged.
#[must_use]
pub fn merger_netting(sum: &Summary) -> Option<String> {
    let merged: Vec<&crate::engine::ClusterFigures> = sum.clusters.iter().filter(|c| c.merged).collect();
    if merged.is_empty() {
        return None;
    }
    let own: Pence =
        merged.iter().flat_map(|c| c.members.iter().filter_map(|m| sum.org(m))).map(|o| o.line.still_to_save).sum();
    let netted: Pence = merged.iter().map(|c| c.line.still_to_save).sum();
    let (what, whose) = if merged.len() == 1 {
        ("The merged ICB nets its parts", "its")
    } else {
        ("The merged ICBs net their parts", "their")
    };
    Some(format!(
        "{what}: {} still to save, against {} for {whose} ICBs one by one. The difference, {}, is one part's room under target set against another's shortfall; merging itself saves nothing.",
        crate::model::money::format_pounds(netted),
        crate::model::money::format_pounds(own),
        crate::model::money::format_pounds(own - netted)
    ))
}

/// [`still_to_save_rule`] in a sentence each, for the pack's table page.
#[must_use]
pub fn still_to_save_rule_short(sum: &Summary) -> &'static str {
    if sum.clusters.iter().any(|c| c.merged) {
        "Still to save: the sum of each body's planned − target above zero, a merged ICB as one body. Surplus: what bodies under target are under by, never taken off what is still to save."
    } else {
        "Still to save: the sum of each ICB's planned − target above zero. Surplus: what ICBs under target are under by, never taken off what is still to save."
    }
}

/// The rows of the table of cost by cluster and ICB, on screen and in the pack: each
/// cluster then its member ICBs, the ICBs in scope in no cluster, the total of the ICBs in
/// scope, then the ICBs out of scope, apart and saying why.
#[must_use]
pub fn line_rows(sum: &Summary) -> Vec<LineRow<'_>> {
    let row = |label, line, strong| LineRow { label, line, strong, out_of_scope: false, code: None };
    fn icb(label: String, o: &OrgFigures) -> LineRow<'_> {
        LineRow { label, line: &o.line, strong: false, out_of_scope: !o.in_scope, code: Some(o.code.as_str()) }
    }
    let mut rows = Vec::new();
    for c in &sum.clusters {
        rows.push(row(cluster_label(c), &c.line, true));
        let before = until(c);
        for o in c.members.iter().filter_map(|m| sum.org(m)) {
            rows.push(icb(format!("{}{before}", icb_label(o, "    ")), o));
        }
    }
    for o in sum.organisations.iter().filter(|o| o.cluster.is_none() && o.in_scope) {
        rows.push(icb(format!("{} (in scope, no cluster)", icb_label(o, "")), o));
    }
    let total = total_label(sum);
    rows.push(row(total, &sum.totals, true));
    for o in sum.organisations.iter().filter(|o| !o.in_scope) {
        rows.push(icb(format!("{} (out of scope: in no cluster)", icb_label(o, "")), o));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_written_for_svg() {
        assert_eq!(OVER.to_string(), "#D55E00");
        assert_eq!(UNDER.to_string(), "#007F3B");
    }

    #[test]
    fn names_are_shortened_with_an_ellipsis() {
        assert_eq!(short_name("NHS Northamptonshire Integrated Care Board"), "Northamptonshire");
        assert_eq!(shorten("Leicester, Leicestershire and Rutland", 10), "Leicester…");
        assert_eq!(shorten("Kent", 10), "Kent");
    }
}
