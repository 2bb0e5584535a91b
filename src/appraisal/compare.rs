//! Options side by side against a base: business as usual (by default the first option's
//! baseline: everyone in post, no structure change, non-pay unchanged) or a file the user
//! marks. Each option's figures, its differences from the base, the steps from the base's
//! cost to its own (the waterfall), and its net present value over the appraisal period.

use std::collections::BTreeSet;

use super::npv::npv;
use crate::engine::{Line, Summary, compute};
use crate::model::money::{Pence, Rate};
use crate::model::{Outcome, Pay, Scenario};

/// What an option is in the appraisal (HM Treasury Green Book's shortlist).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    BusinessAsUsual,
    DoMinimum,
    Preferred,
    Alternative,
}

impl Role {
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Role::BusinessAsUsual => "business as usual",
            Role::DoMinimum => "do-minimum",
            Role::Preferred => "preferred",
            Role::Alternative => "alternative",
        }
    }

    /// From the command line's words: bau, do-minimum, preferred, alternative.
    pub fn parse(text: &str) -> Result<Role, String> {
        match text.trim().to_lowercase().as_str() {
            "bau" | "business as usual" => Ok(Role::BusinessAsUsual),
            "do-minimum" | "do minimum" => Ok(Role::DoMinimum),
            "preferred" => Ok(Role::Preferred),
            "alternative" => Ok(Role::Alternative),
            other => Err(format!("\"{other}\" is not a role: bau, do-minimum, preferred or alternative")),
        }
    }
}

/// One scenario in the comparison, with its figures.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub name: String,
    pub role: Role,
    pub scenario: Scenario,
    pub summary: Summary,
}

impl Candidate {
    #[must_use]
    pub fn new(name: impl Into<String>, role: Role, scenario: Scenario) -> Candidate {
        let summary = compute(&scenario);
        Candidate { name: name.into(), role, scenario, summary }
    }
}

/// Business as usual from a scenario: everyone stays in post (no outcome, no date), no
/// single management teams, no merger, non-pay as it is. Its planned cost is the baseline.
#[must_use]
pub fn business_as_usual(s: &Scenario) -> Scenario {
    let mut bau = s.clone();
    bau.name = format!("Business as usual ({})", s.name);
    for p in &mut bau.people {
        p.outcome = Outcome::NotAffected;
        p.effective = None;
    }
    for c in &mut bau.clusters {
        c.teams.clear();
        c.merger = None;
    }
    for o in &mut bau.organisations {
        o.planned_non_pay_pence = None;
        o.planned_non_pay_from = None;
    }
    bau
}

/// The steps from the base's cost to an option's (each a change in £ a year): the option's
/// own baseline against the base's cost, then the roles of people placed in new posts
/// taken out, the new posts added, non-pay changes, and the people who leave (or move out
/// with a function) taken out. They add up to the option's planned cost, to the penny.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waterfall {
    pub base: Pence,
    /// The option's baseline less the base's cost (0 against its own business as usual).
    pub other_baseline: Pence,
    pub roles_of_people_placed: Pence,
    pub posts_added: Pence,
    pub non_pay: Pence,
    /// People leaving the ICB (redundancy, MARS, redeployment), taken out.
    pub people_leaving: Pence,
    /// People moving out with a function, taken out: moved, not saved.
    pub moved_out: Pence,
    pub option: Pence,
}

impl Waterfall {
    /// The steps in order, as (label, change).
    #[must_use]
    pub fn steps(&self) -> [(&'static str, Pence); 6] {
        [
            ("This option's baseline, less the base's planned cost", self.other_baseline),
            ("Current roles of people placed in new posts", self.roles_of_people_placed),
            ("New posts", self.posts_added),
            ("Non-pay changes", self.non_pay),
            ("People leaving (redundancy, MARS, redeployment)", self.people_leaving),
            ("Moved out with functions (moved, not saved)", self.moved_out),
        ]
    }
}

/// An option's figures against the base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appraised {
    pub line: Line,
    /// The base's planned cost less this option's, less what it only moves out (moved,
    /// not saved: no saving to the public purse).
    pub net_saving: Pence,
    /// The one-off costs beyond the base's (all of them against business as usual).
    pub one_off: Pence,
    pub payback_months: Option<i64>,
    pub npv: Pence,
    pub waterfall: Waterfall,
}

/// Which ICBs each option covers (those in scope), and those not common to all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub common: Vec<String>,
    /// (option, ICBs it covers that some other does not)
    pub only_in: Vec<(String, Vec<String>)>,
}

impl Coverage {
    #[must_use]
    pub fn same(&self) -> bool {
        self.only_in.iter().all(|(_, codes)| codes.is_empty())
    }
}

/// The comparison: the base, the options, their coverage and the appraisal's terms.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub base: Candidate,
    pub options: Vec<Candidate>,
    pub coverage: Coverage,
    pub years: u32,
    pub rate: Rate,
}

fn in_scope(c: &Candidate) -> BTreeSet<String> {
    c.summary.organisations.iter().filter(|o| o.in_scope).map(|o| o.code.clone()).collect()
}

impl Comparison {
    /// Options against a base. The appraisal's years and rate are the base's assumptions.
    #[must_use]
    pub fn new(base: Candidate, options: Vec<Candidate>) -> Comparison {
        let all: Vec<BTreeSet<String>> = std::iter::once(&base).chain(&options).map(in_scope).collect();
        let common: BTreeSet<String> =
            all.iter().skip(1).fold(all[0].clone(), |acc, s| acc.intersection(s).cloned().collect());
        let only_in = std::iter::once(&base)
            .chain(&options)
            .zip(&all)
            .map(|(c, codes)| (c.name.clone(), codes.difference(&common).cloned().collect()))
            .collect();
        let a = &base.scenario.assumptions;
        let (years, rate) = (a.appraisal_years, a.discount_rate);
        Comparison { base, options, coverage: Coverage { common: common.into_iter().collect(), only_in }, years, rate }
    }

    /// A candidate's line over what is compared: its totals when every option covers the
    /// same ICBs; otherwise its ICBs common to all, added up ICB by ICB.
    #[must_use]
    pub fn line(&self, c: &Candidate) -> Line {
        if self.coverage.same() {
            return c.summary.totals;
        }
        let mut line = Line { target: Some(0), population: Some(0), ..Line::default() };
        for o in c.summary.organisations.iter().filter(|o| self.coverage.common.contains(&o.code)) {
            line.baseline += o.line.baseline;
            line.planned += o.line.planned;
            line.transferred_out += o.line.transferred_out;
            line.one_off += o.line.one_off;
            line.target = line.target.zip(o.line.target).map(|(a, b)| a + b);
            line.population = line.population.zip(o.line.population).map(|(a, b)| a + b);
            line.still_to_save += o.line.still_to_save;
            line.surplus += o.line.surplus;
        }
        line
    }

    /// An option's figures against the base.
    #[must_use]
    pub fn appraise(&self, c: &Candidate) -> Appraised {
        let base = self.line(&self.base);
        let line = self.line(c);
        let net_saving = base.planned - line.planned - (line.transferred_out - base.transferred_out);
        // What the option pays once beyond what the base pays (nothing, against business as
        // usual): the Green Book counts costs and benefits against the base.
        let one_off = line.one_off - base.one_off;
        let payback_months = (net_saving > 0).then(|| {
            let (n, d) = (i128::from(one_off.max(0)) * 12, i128::from(net_saving));
            i64::try_from((n + d - 1) / d).unwrap_or(i64::MAX)
        });
        Appraised {
            line,
            net_saving,
            one_off,
            payback_months,
            npv: npv(one_off, net_saving, self.years, self.rate),
            waterfall: self.waterfall(c, &base, &line),
        }
    }

    fn waterfall(&self, c: &Candidate, base: &Line, line: &Line) -> Waterfall {
        let counted = |org: &str| {
            c.summary
                .org(org)
                .is_some_and(|o| o.in_scope && (self.coverage.same() || self.coverage.common.contains(&o.code)))
        };
        let posts_there: rustc_hash::FxHashSet<&str> = c.scenario.posts().map(|(_, _, q)| q.id.as_str()).collect();
        let (mut placed, mut leaving, mut moved) = (0, 0, 0);
        for (p, cost) in c.scenario.people.iter().zip(&c.summary.person_cost) {
            if !counted(&p.org) {
                continue;
            }
            let post_exists = p.outcome.post().is_some_and(|id| posts_there.contains(id));
            if !p.outcome.leaves_current_role(post_exists) {
                continue;
            }
            if p.outcome.holds_post().is_some() {
                placed += cost;
            } else if p.outcome == Outcome::TransferredOut {
                moved += cost;
            } else {
                leaving += cost;
            }
        }
        let (mut posts, mut non_pay) = (0, 0);
        for o in c.summary.organisations.iter().filter(|o| counted(&o.code)) {
            posts += o.planned_posts;
            non_pay += o.planned_non_pay - o.baseline_non_pay;
        }
        Waterfall {
            base: base.planned,
            other_baseline: line.baseline - base.planned,
            roles_of_people_placed: -placed,
            posts_added: posts,
            non_pay,
            people_leaving: -leaving,
            moved_out: -moved,
            option: line.planned,
        }
    }

    /// What to read the comparison with: the options' different target dates, a shortlist
    /// with no do-minimum, people still to decide (no exit cost yet), and what the appraisal
    /// leaves out.
    #[must_use]
    pub fn notes(&self) -> Vec<String> {
        let mut out = Vec::new();
        let dates: BTreeSet<chrono::NaiveDate> =
            std::iter::once(&self.base).chain(&self.options).map(|c| c.scenario.assumptions.target_date).collect();
        if dates.len() > 1 {
            let each: Vec<String> = std::iter::once(&self.base)
                .chain(&self.options)
                .map(|c| format!("{} {}", c.name, c.scenario.assumptions.target_date.format("%-d %b %Y")))
                .collect();
            out.push(format!(
                "The columns are at different target dates ({}): each one's running cost is at its own date, and the net present value counts its saving from year 1 either way.",
                each.join("; ")
            ));
        }
        if !self.options.iter().any(|o| o.role == Role::DoMinimum) {
            out.push("No option is marked do-minimum: the Green Book's shortlist holds business as usual, a do-minimum, the preferred way forward and at least one alternative.".to_owned());
        }
        for o in &self.options {
            let undecided: u32 = o
                .summary
                .outcomes
                .iter()
                .filter(|(k, _)| matches!(k, crate::model::OutcomeKind::AtRisk | crate::model::OutcomeKind::RingFenced))
                .map(|(_, t)| t.count)
                .sum();
            if undecided > 0 {
                out.push(format!(
                    "{}: {} people at risk or ring-fenced have no exit cost yet; its one-off costs rise as they are decided.",
                    o.name,
                    crate::model::money::format_count(undecided as usize)
                ));
            }
        }
        let unset = self.options.iter().any(|o| {
            o.summary.pay_protection.people > 0 && o.scenario.assumptions.people_process.pay_protection_months == 0
        });
        out.push(format!(
            "Not in these figures: optimism bias (enter evidence-based uplifts in the options' own figures), early retirement on redundancy{}.",
            if unset { ", and pay protection where its months are not set" } else { "" }
        ));
        out
    }

    /// Posts by band (AfC band, VSM, or a typed salary) in a candidate's structure.
    #[must_use]
    pub fn posts_by_band(c: &Candidate) -> Vec<(String, usize)> {
        let mut out: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for (_, _, p) in c.scenario.posts() {
            let band = match &p.pay {
                Pay::AfC { band, .. } => band.to_string(),
                Pay::Vsm { .. } => "VSM".to_owned(),
                Pay::Salary { .. } => "Other salary".to_owned(),
            };
            *out.entry(band).or_default() += 1;
        }
        out.into_iter().collect()
    }
}
