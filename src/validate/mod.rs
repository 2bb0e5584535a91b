//! Validation findings: everything inconsistent in a scenario is reported here, with what
//! it concerns, instead of panicking or silently producing a wrong total.

//!
//! Every check is a named function, in the file of what it checks: `assumptions.rs`,
//! `organisations.rs`, `clusters.rs`, `posts.rs`, `functions.rs`, `people.rs`. [`validate`]
//! runs the groups in the order of the file, so findings come in that order. A new group
//! of checks (the consultation and HR1 checks, say) is a new file and one line in
//! [`GROUPS`].

mod assumptions;
mod clusters;
pub mod consultation;
mod functions;
mod organisations;
mod people;
mod pools;
mod posts;

use crate::engine::Index;
use crate::model::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The figures cannot be trusted until this is fixed.
    Error,
    /// Probably a mistake; the figures are computed on a stated assumption.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        }
    }
}

/// What a finding is about, so the app can select it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    Scenario,
    Organisation(String),
    Cluster(String),
    Post(String),
    Person(String),
    Function(String),
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Scenario => f.write_str("scenario"),
            Subject::Organisation(c) => write!(f, "ICB {c}"),
            Subject::Cluster(n) => write!(f, "cluster \"{n}\""),
            Subject::Post(p) => write!(f, "post {p}"),
            Subject::Person(p) => write!(f, "person {p}"),
            Subject::Function(n) => write!(f, "function \"{n}\""),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub subject: Subject,
    pub message: String,
    /// What the check looks at, in the users' words ("Salaries", "Placements in posts"):
    /// the Findings tab groups by it.
    pub kind: &'static str,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.severity.label(), self.subject, self.message)
    }
}

/// The findings of one validation, as the checks add them. Each check names its kind first.
#[derive(Debug, Default)]
struct Findings {
    list: Vec<Finding>,
    kind: &'static str,
}

impl Findings {
    fn push(&mut self, severity: Severity, subject: Subject, message: String) {
        self.list.push(Finding { severity, subject, message, kind: self.kind });
    }
}

/// What every check can look at: the scenario and its lookups.
struct Context<'a> {
    s: &'a Scenario,
    ix: &'a Index,
}

/// A group of checks that do not look at people.
type Group = fn(&Context<'_>, &mut Findings);

/// The groups of checks that do not look at people, in the order of the file (the checks of
/// people, `people.rs`, come last), each with whether it reads the ICBs' own records
/// (populations, non-pay, targets): only those are made again after a change to them.
const GROUPS: [(Group, bool); 5] = [
    (assumptions::check, false),
    (organisations::check, true),
    (clusters::check, true),
    (posts::check, false),
    (functions::check, false),
];

/// A scenario's checks, kept so that a change to some people's outcomes or dates re-checks
/// those people alone ([`recheck_people`]); [`Checked::findings`] puts them in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// The findings of the groups that do not look at people, group by group.
    head: Vec<Vec<Finding>>,
    people: people::PeopleChecks,
}

impl Checked {
    /// The findings, errors first, then warnings, then information, each group in the
    /// order of the file.
    #[must_use]
    pub fn findings(&self) -> Vec<Finding> {
        let (e, w, n) = self.counts();
        let mut v: Vec<Finding> = Vec::with_capacity(e + w + n);
        for group in &self.head {
            v.extend_from_slice(group);
        }
        for each in self.people.each.iter().filter(|f| !f.is_empty()) {
            v.extend_from_slice(each);
        }
        v.extend_from_slice(&self.people.across);
        v.sort_by_key(|f| f.severity); // stable: keeps file order within each severity
        v
    }

    /// How many findings there are of each severity: (errors, warnings, information).
    #[must_use]
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut n = [0; 3];
        let each = self.people.each.iter().filter(|f| !f.is_empty()).flatten();
        for f in self.head.iter().flatten().chain(each).chain(&self.people.across) {
            n[f.severity as usize] += 1;
        }
        (n[0], n[1], n[2])
    }

    /// [`Checked::findings`], moved out instead of copied (nothing is re-checked after).
    #[must_use]
    pub fn into_findings(self) -> Vec<Finding> {
        // Gathered by severity, each in the order met: errors, then warnings, then
        // information, each in file order (a stable sort by severity, in one pass).
        let mut by: [Vec<Finding>; 3] = Default::default();
        let Checked { head, people } = self;
        let each = people.each.into_iter().filter(|f| !f.is_empty()).flatten();
        let across = people.across;
        for f in head.into_iter().flatten().chain(each).chain(across) {
            by[f.severity as usize].push(f);
        }
        let [mut v, warnings, notes] = by;
        v.extend(warnings);
        v.extend(notes);
        v
    }
}

/// Checks a scenario, keeping what a later re-check of some people needs.
#[must_use]
pub fn check(s: &Scenario) -> Checked {
    let ix = Index::new(s);
    let cx = Context { s, ix: &ix };
    // The checks that do not look at people are done beside them (the posts' most of all:
    // checking one takes about as long as checking 3/8 of a person).
    let beside = cx.ix.listings.len() * 3 / 8;
    let (people, head) = people::check_all(&cx, beside, || head_findings(&cx));
    Checked { head, people }
}

/// After a change to the outcomes or dates of the people at `changed`, and nothing else:
/// checks those people again (and the checks across people), as [`check`] would. `ix` is
/// the scenario's index (built once for the figures and the checks).
pub fn recheck_people(s: &Scenario, ix: &Index, checked: &mut Checked, changed: &[usize]) {
    let cx = Context { s, ix };
    people::recheck(&cx, &mut checked.people, changed);
}

/// After a change to ICBs' own figures or the plan's details, and nothing else: the groups
/// of checks that read the ICBs' records made again, as [`check`] makes them (no other
/// check reads an ICB's figures, and none reads the plan's name, year or notes). `ix` is
/// the scenario's index.
pub fn recheck_icbs(s: &Scenario, ix: &Index, checked: &mut Checked) {
    let cx = Context { s, ix };
    for ((group, reads_icbs), found) in GROUPS.iter().zip(&mut checked.head) {
        if *reads_icbs {
            *found = findings_of(*group, &cx);
        }
    }
}

/// After a post was changed in place, keeping its id, and nothing else: the groups of
/// checks that do not look at people made again, and the people at `holders` (those who
/// hold it) with the checks across people (a post's holders against its WTE), as [`check`]
/// makes them. `ix` is the scenario's index, up to date.
pub fn recheck_post(s: &Scenario, ix: &Index, checked: &mut Checked, holders: &[usize]) {
    let cx = Context { s, ix };
    checked.head = head_findings(&cx);
    people::recheck(&cx, &mut checked.people, holders);
}

/// The findings of the groups that do not look at people, group by group.
fn head_findings(cx: &Context<'_>) -> Vec<Vec<Finding>> {
    GROUPS.iter().map(|(group, _)| findings_of(*group, cx)).collect()
}

fn findings_of(group: Group, cx: &Context<'_>) -> Vec<Finding> {
    let mut out = Findings::default();
    group(cx, &mut out);
    out.list
}

/// Checks a scenario. Findings come errors first, then warnings, then information, each
/// group in the order of the file.
#[must_use]
pub fn validate(s: &Scenario) -> Vec<Finding> {
    check(s).into_findings()
}

/// "1 error, 0 warnings, 3,668 notes": the counts as the status bar, the command line and
/// the Findings tab all say them.
#[must_use]
pub fn counts_text(findings: &[Finding]) -> String {
    say_counts(counts(findings))
}

/// "1 error, 0 warnings, 3,668 notes" from the counts of (errors, warnings, information).
#[must_use]
pub fn say_counts((e, w, n): (usize, usize, usize)) -> String {
    let say = |n: usize, one: &str, many: &str| {
        format!("{} {}", crate::model::money::format_count(n), if n == 1 { one } else { many })
    };
    format!("{}, {}, {}", say(e, "error", "errors"), say(w, "warning", "warnings"), say(n, "note", "notes"))
}

/// The number of findings of each severity: (errors, warnings, information).
#[must_use]
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}
