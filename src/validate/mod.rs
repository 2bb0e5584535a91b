//! Validation findings: everything inconsistent in a scenario is reported here, with what
//! it concerns, instead of panicking or silently producing a wrong total.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::engine::{Index, post_salary};
use crate::model::money::{Wte, format_pounds};
use crate::model::{Apportionment, Grade, Outcome, Pay, Scenario};

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
            Severity::Info => "info",
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
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.severity.label(), self.subject, self.message)
    }
}

struct Out(Vec<Finding>);

impl Out {
    fn push(&mut self, severity: Severity, subject: Subject, message: String) {
        self.0.push(Finding { severity, subject, message });
    }
}

/// Checks a scenario. Findings come errors first, then warnings, then information, each
/// group in the order of the file.
#[must_use]
#[allow(clippy::too_many_lines)] // one list of checks reads better than many small functions
pub fn validate(s: &Scenario) -> Vec<Finding> {
    use Severity::{Error, Info, Warning};
    let ix = Index::new(s);
    let a = &s.assumptions;
    let mut out = Out(Vec::new());

    // Assumptions.
    if a.target_date < a.trajectory_start {
        out.push(
            Error,
            Subject::Scenario,
            format!("the target date {} is before the trajectory start {}", a.target_date, a.trajectory_start),
        );
    }
    if a.envelope_per_head_pence <= 0 {
        out.push(Error, Subject::Scenario, "the envelope per head must be more than £0".into());
    }
    if a.redundancy.floor_pence > a.redundancy.cap_pence {
        out.push(Error, Subject::Scenario, "the redundancy salary floor is above the cap".into());
    }
    for scale in &a.afc_pay {
        if scale.points_pence.is_empty() || scale.points_pence.iter().any(|p| *p <= 0) {
            out.push(
                Error,
                Subject::Scenario,
                format!("the pay table for {} has no points or a point of £0", scale.band),
            );
        }
    }

    // Organisations.
    let mut seen = HashSet::default();
    for o in &s.organisations {
        let subj = || Subject::Organisation(o.code.clone());
        if o.code.trim().is_empty() {
            out.push(Error, subj(), format!("\"{}\" has no ODS code", o.name));
        }
        if !seen.insert(o.code.as_str()) {
            out.push(Error, subj(), "the ODS code is used by more than one ICB".into());
        }
        if o.population.is_none() && o.target_override_pence.is_none() {
            out.push(
                Error,
                subj(),
                "population is missing, so the target cannot be worked out (set a population or a target)".into(),
            );
        }
        if o.population == Some(0) {
            out.push(Error, subj(), "population is 0".into());
        }
        for (what, v) in [
            ("baseline non-pay", Some(o.baseline_non_pay_pence)),
            ("planned non-pay", o.planned_non_pay_pence),
            ("target", o.target_override_pence),
            ("running cost allowance", o.running_cost_allowance_pence),
        ] {
            if v.is_some_and(|v| v < 0) {
                out.push(Error, subj(), format!("{what} is negative"));
            }
        }
        if o.target_override_pence.is_some() && o.target_note.trim().is_empty() {
            out.push(Info, subj(), "the target is set by hand; add a note saying where it comes from".into());
        }
    }

    // Clusters.
    let mut member_of: HashMap<&str, &str> = HashMap::default();
    let mut cluster_names = HashSet::default();
    for c in &s.clusters {
        let subj = || Subject::Cluster(c.name.clone());
        if !cluster_names.insert(c.name.as_str()) {
            out.push(Error, subj(), "two clusters have this name".into());
        }
        if c.members.is_empty() {
            let sev = if c.teams.iter().any(|t| !t.posts.is_empty()) { Error } else { Warning };
            out.push(sev, subj(), "the cluster has no member ICBs, so its posts are not charged to anyone".into());
        }
        let mut here = HashSet::default();
        for m in &c.members {
            if !ix.orgs.contains_key(m.as_str()) {
                out.push(Error, subj(), format!("member {m} is not an ICB in this scenario"));
            }
            if !here.insert(m.as_str()) {
                out.push(Error, subj(), format!("{m} is listed twice"));
            } else if let Some(other) = member_of.insert(m.as_str(), c.name.as_str()) {
                out.push(
                    Error,
                    Subject::Organisation(m.clone()),
                    format!("is in two clusters: \"{other}\" and \"{}\"", c.name),
                );
            }
        }
        match &c.apportionment {
            Apportionment::Custom(shares) => {
                let sum: u64 = shares.iter().map(|sh| u64::from(sh.percent.0)).sum();
                if sum != 10_000 {
                    out.push(
                        Error,
                        subj(),
                        format!(
                            "custom shares add up to {}, not 100%",
                            crate::model::money::Rate(u32::try_from(sum).unwrap_or(u32::MAX))
                        ),
                    );
                }
                for sh in shares {
                    if !c.members.contains(&sh.org) {
                        out.push(Error, subj(), format!("a custom share is set for {}, which is not a member", sh.org));
                    }
                }
                for m in &c.members {
                    if !shares.iter().any(|sh| &sh.org == m) {
                        out.push(
                            Warning,
                            subj(),
                            format!("member {m} has no custom share, so pays nothing for shared posts"),
                        );
                    }
                }
            }
            Apportionment::Population => {
                let missing: Vec<&str> = c
                    .members
                    .iter()
                    .filter(|m| ix.orgs.get(m.as_str()).is_some_and(|i| s.organisations[*i].population.is_none()))
                    .map(String::as_str)
                    .collect();
                if !missing.is_empty() {
                    out.push(
                        Warning,
                        subj(),
                        format!(
                            "shares by population need every member's population ({} missing): equal shares are used",
                            missing.join(", ")
                        ),
                    );
                }
            }
            Apportionment::Equal => {}
        }
    }

    // Posts.
    let mut post_ids = HashSet::default();
    for c in &s.clusters {
        for t in &c.teams {
            for p in &t.posts {
                let subj = || Subject::Post(p.id.clone());
                if !post_ids.insert(p.id.as_str()) {
                    out.push(Error, subj(), "two posts have this id".into());
                }
                if !ix.orgs.contains_key(p.host.as_str()) {
                    out.push(Error, subj(), format!("the host {} is not an ICB in this scenario", p.host));
                } else if !c.members.contains(&p.host) {
                    out.push(
                        Warning,
                        subj(),
                        format!("\"{}\" is hosted by {}, which is not in cluster \"{}\"", p.title, p.host, c.name),
                    );
                }
                match &p.pay {
                    Pay::AfC { band, point } => {
                        if post_salary(a, &p.pay).is_none() {
                            out.push(
                                Error,
                                subj(),
                                format!("{band} has no pay point {point} in the {} pay table", a.pay_year),
                            );
                        }
                    }
                    Pay::Vsm { salary_pence } | Pay::Salary { salary_pence } => {
                        if *salary_pence <= 0 {
                            out.push(Error, subj(), "salary must be more than £0".into());
                        }
                    }
                }
                if p.wte == Wte(0) {
                    out.push(Warning, subj(), "WTE is 0, so the post costs nothing".into());
                }
                if let Some(r) = &p.reports_to {
                    if r == &p.id {
                        out.push(Error, subj(), "reports to itself".into());
                    } else if !ix.posts.contains_key(r.as_str()) {
                        out.push(Error, subj(), format!("reports to {r}, which is not a post"));
                    }
                }
                if p.effective.is_some_and(|d| d > a.target_date) {
                    out.push(Warning, subj(), "starts after the target date, so it is not in the trajectory".into());
                }
            }
        }
    }
    // Reporting lines that loop.
    for (_, _, p) in s.posts() {
        let mut cur = p.reports_to.as_deref();
        let mut steps = 0;
        while let Some(id) = cur {
            if id == p.id {
                if steps > 0 {
                    out.push(Error, Subject::Post(p.id.clone()), "its reporting line goes round in a circle".into());
                }
                break;
            }
            steps += 1;
            if steps > ix.posts.len() {
                break;
            }
            cur = ix.posts.get(id).and_then(|(c, t, i)| s.clusters[*c].teams[*t].posts[*i].reports_to.as_deref());
        }
    }

    // Functions.
    let mut fn_names = HashSet::default();
    for f in &s.functions {
        if !fn_names.insert(f.name.as_str()) {
            out.push(Error, Subject::Function(f.name.clone()), "two functions have this name".into());
        }
    }
    let fn_by_name: HashMap<&str, &crate::model::Function> = s.functions.iter().map(|f| (f.name.as_str(), f)).collect();

    // People.
    let mut person_ids: HashMap<&str, usize> = HashMap::default();
    let mut holders: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut pools: BTreeMap<&str, u32> = BTreeMap::new();
    for (i, p) in s.people.iter().enumerate() {
        let subj = || Subject::Person(p.id.clone());
        if p.id.trim().is_empty() {
            out.push(Error, subj(), format!("person {} ({}) has no id", i + 1, p.title));
        }
        if let Some(first) = person_ids.insert(p.id.as_str(), i) {
            let both_in_posts = s.people[first].outcome.holds_post().is_some() && p.outcome.holds_post().is_some();
            if both_in_posts {
                out.push(Error, subj(), "this person is in two posts (the id appears twice, each in a post)".into());
            } else {
                out.push(Error, subj(), "two people have this id".into());
            }
        }
        if !ix.orgs.contains_key(p.org.as_str()) {
            out.push(Error, subj(), format!("employer {} is not an ICB in this scenario", p.org));
        }
        if p.salary_pence < 0 {
            out.push(Error, subj(), "salary is negative".into());
        } else if p.salary_pence == 0 {
            out.push(Warning, subj(), "salary is £0".into());
        } else if let Grade::AfC(band) = &p.grade
            && let Some(scale) = a.afc_pay.iter().find(|s| s.band == *band)
        {
            let lo = scale.points_pence.iter().min().copied().unwrap_or(0);
            let hi = scale.points_pence.iter().max().copied().unwrap_or(0);
            if p.salary_pence < lo || p.salary_pence > hi {
                out.push(
                    Info,
                    subj(),
                    format!(
                        "full-time salary {} is outside {band} ({} to {})",
                        format_pounds(p.salary_pence),
                        format_pounds(lo),
                        format_pounds(hi)
                    ),
                );
            }
        }
        if p.wte == Wte(0) {
            out.push(Warning, subj(), "WTE is 0".into());
        } else if p.wte > Wte::FULL {
            out.push(Warning, subj(), format!("WTE {} is more than one full-time post", p.wte));
        }
        if let Some(f) = &p.function {
            match fn_by_name.get(f.as_str()) {
                None => out.push(Warning, subj(), format!("function \"{f}\" is not in the catalogue")),
                Some(func) => {
                    if func.disposition.is_transfer()
                        && !matches!(p.outcome, Outcome::TransferredOut)
                        && p.outcome.holds_post().is_none()
                    {
                        out.push(
                            Info,
                            subj(),
                            format!(
                                "works in \"{f}\", marked {}, but is not transferred out",
                                func.disposition.label().to_lowercase()
                            ),
                        );
                    }
                }
            }
        }
        if let Some(post) = p.outcome.post() {
            match ix.posts.get(post) {
                None => out.push(Error, subj(), format!("outcome names post {post}, which does not exist; the person is still costed in their current role")),
                Some((ci, _, _)) => {
                    let c = &s.clusters[*ci];
                    if !c.members.contains(&p.org) {
                        out.push(
                            Error,
                            subj(),
                            format!("is from {} but placed in post {post} of cluster \"{}\", which {} is not in", p.org, c.name, p.org),
                        );
                    }
                    if p.outcome.holds_post().is_some() {
                        holders.entry(post).or_default().push(p.id.as_str());
                    } else {
                        *pools.entry(post).or_default() += 1;
                    }
                }
            }
        }
        match p.outcome {
            Outcome::VoluntaryRedundancy | Outcome::CompulsoryRedundancy
                if p.service_years < a.redundancy.min_service_years =>
            {
                out.push(
                    Info,
                    subj(),
                    format!(
                        "has {} complete years' service, under the {} needed for Section 16 redundancy pay, so none is costed",
                        p.service_years, a.redundancy.min_service_years
                    ),
                );
            }
            Outcome::Mars if p.service_years < a.mars.min_service_years => {
                out.push(Info, subj(), "has too little service for MARS, so no payment is costed".into());
            }
            _ => {}
        }
        if p.outcome != Outcome::NotAffected
            && p.outcome != Outcome::AtRisk
            && p.effective.is_some_and(|d| d > a.target_date)
        {
            out.push(Warning, subj(), "the outcome takes effect after the target date".into());
        }
    }
    for (post, hs) in &holders {
        if hs.len() > 1 {
            let (c, t, i) = ix.posts[post];
            let wte = s.clusters[c].teams[t].posts[i].wte;
            // A post of more than 1 WTE may be job-shared: allow as many holders as whole posts.
            let allowed = usize::try_from(wte.0.div_ceil(Wte::SCALE)).unwrap_or(1).max(1);
            if hs.len() > allowed {
                out.push(Error, Subject::Post((*post).to_owned()), format!("is filled twice: {}", hs.join(", ")));
            }
        }
    }
    for (post, n) in &pools {
        out.push(
            Info,
            Subject::Post((*post).to_owned()),
            format!("ring-fenced pool: {n} candidate{} for the post", if *n == 1 { "" } else { "s" }),
        );
    }

    let mut v = out.0;
    v.sort_by_key(|f| f.severity); // stable: keeps file order within each severity
    v
}

/// The number of findings of each severity: (errors, warnings, information).
#[must_use]
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}
