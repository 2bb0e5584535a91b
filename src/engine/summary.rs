//! The figures the engine gives: a line per ICB, cluster and the whole scenario, each post's
//! cost and split, tallies by outcome and function, one-off costs and the trajectory.

use chrono::NaiveDate;

use super::pay::PayCost;
use crate::model::OutcomeKind;
use crate::model::money::{Pence, mul_div_round};

/// One line of a running-cost table: an ICB, a cluster or the whole scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Line {
    pub baseline: Pence,
    pub planned: Pence,
    /// `None` when a population is missing and no override is set.
    pub target: Option<Pence>,
    pub transferred_out: Pence,
    pub one_off: Pence,
    pub population: Option<u64>,
    /// What the ICBs over their targets must still save: the sum of each ICB's shortfall.
    /// ICBs are separate statutory bodies, so one's surplus never pays another's shortfall.
    pub still_to_save: Pence,
    /// What the ICBs under their targets are under by, summed: shown beside `still_to_save`,
    /// never taken from it.
    pub surplus: Pence,
}

impl Line {
    /// Planned − target, netted across the ICBs of the line (negative: under target). For an
    /// ICB this is its gap; for a cluster or the total it nets one ICB's surplus against
    /// another's shortfall, so the board sees `still_to_save` and `surplus` instead.
    #[must_use]
    pub fn gap(&self) -> Option<Pence> {
        self.target.map(|t| self.planned - t)
    }

    /// Reduction from baseline in basis points (3150 = 31.5%).
    #[must_use]
    pub fn reduction_bp(&self) -> Option<i64> {
        (self.baseline != 0).then(|| mul_div_round(self.baseline - self.planned, 10_000, self.baseline))
    }

    /// Planned running cost per head of population, to the penny.
    #[must_use]
    pub fn planned_per_head(&self) -> Option<Pence> {
        let pop = i64::try_from(self.population?).ok().filter(|p| *p > 0)?;
        Some(mul_div_round(self.planned, 1, pop))
    }

    /// Baseline − planned − transferred out: what the system actually saves each year.
    #[must_use]
    pub fn net_recurrent_saving(&self) -> Pence {
        self.baseline - self.planned - self.transferred_out
    }

    pub(super) fn add(&mut self, o: &Line) {
        self.baseline += o.baseline;
        self.planned += o.planned;
        self.transferred_out += o.transferred_out;
        self.one_off += o.one_off;
        self.target = self.target.zip(o.target).map(|(a, b)| a + b);
        self.population = self.population.zip(o.population).map(|(a, b)| a + b);
        self.still_to_save += o.still_to_save;
        self.surplus += o.surplus;
    }

    /// An ICB's shortfall and surplus from its gap (none when it has no target).
    pub(super) fn split_gap(&mut self) {
        let gap = self.gap().unwrap_or(0);
        self.still_to_save = gap.max(0);
        self.surplus = (-gap).max(0);
    }

    pub(super) fn start() -> Line {
        Line { target: Some(0), population: Some(0), ..Line::default() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgFigures {
    pub code: String,
    pub name: String,
    pub line: Line,
    pub baseline_people: Pence,
    pub baseline_non_pay: Pence,
    /// People who stay in their current roles.
    pub planned_people: Pence,
    /// Pay protection still paid at the target date to its people placed in lower-paid
    /// posts: on top of the planned running cost, not in it.
    pub planned_protection: Pence,
    /// This ICB's share of its cluster's posts.
    pub planned_posts: Pence,
    /// ...of which programme-funded.
    pub planned_programme_posts: Pence,
    pub planned_non_pay: Pence,
    pub headcount: u32,
    pub wte: u64,
    /// Index of the cluster the ICB belongs to (the first, if listed in two).
    pub cluster: Option<usize>,
    /// In a cluster, or chosen: the headline and totals cover these ICBs only.
    pub in_scope: bool,
    /// The target is set by hand (with a reason in the scenario), not population x envelope.
    pub explicit_target: bool,
    /// The baseline is the running cost allowance: not comparable with the envelope.
    pub baseline_is_allowance: bool,
}

impl OrgFigures {
    /// The same ICB before any person or post is costed (for costing them on threads).
    pub(super) fn blank(&self) -> OrgFigures {
        OrgFigures {
            line: Line { one_off: 0, transferred_out: 0, ..self.line },
            baseline_people: 0,
            planned_people: 0,
            planned_protection: 0,
            planned_posts: 0,
            planned_programme_posts: 0,
            headcount: 0,
            wte: 0,
            ..self.clone()
        }
    }

    /// Adds what another thread's people and posts added to the same ICB, from a
    /// [`OrgFigures::blank`] copy (the fields that `people::into_organisation` and
    /// `posts::cost_posts` add to).
    pub(super) fn add_blank(&mut self, o: &OrgFigures) {
        self.baseline_people += o.baseline_people;
        self.planned_people += o.planned_people;
        self.planned_protection += o.planned_protection;
        self.planned_posts += o.planned_posts;
        self.planned_programme_posts += o.planned_programme_posts;
        self.headcount += o.headcount;
        self.wte += o.wte;
        self.line.one_off += o.line.one_off;
        self.line.transferred_out += o.line.transferred_out;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterFigures {
    pub name: String,
    pub members: Vec<String>,
    pub line: Line,
    pub posts: u32,
    pub vacant_posts: u32,
    pub posts_cost: Pence,
    /// How a shared post is split across the members (aligned with `members`): the weights
    /// of the apportionment rule in force, from [`apportion_weights`].
    pub weights: Vec<u64>,
    /// The date the cluster becomes a merged ICB, when it does.
    pub merger_from: Option<NaiveDate>,
    /// Merged by the target date: one statutory body, so its line is netted across the
    /// members (a surplus in one part meets a shortfall in another), and the totals count
    /// it as one ICB instead of its members.
    pub merged: bool,
}

/// A post's cost and how it is split across the cluster's members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostCost {
    pub cluster: usize,
    /// The post's id (kept inside the record when short: 60,000 of them are listed on
    /// every recompute at national scale).
    pub id: crate::model::Code,
    pub cost: PayCost,
    /// Aligned with the cluster's `members`.
    pub shares: crate::model::money::Parts,
    /// Whether the cost counts (programme posts can be left out by the assumptions).
    pub counted: bool,
    /// People slotted into or appointed to the post.
    pub holders: u32,
    /// Who they are: indexes into `scenario.people`, in the file's order.
    pub held_by: smallvec::SmallVec<[usize; 2]>,
    /// People ring-fenced for the post.
    pub ring_fenced: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub count: u32,
    pub wte: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionFigures {
    pub name: String,
    pub people: u32,
    pub wte: u64,
    pub baseline_cost: Pence,
    pub transferred_out: Pence,
}

/// Month-end annualised run-rate from the trajectory start to the target date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Trajectory {
    /// The last day of each month.
    pub months: Vec<NaiveDate>,
    pub orgs: Vec<Vec<Pence>>,
    pub clusters: Vec<Vec<Pence>>,
    pub total: Vec<Pence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OneOff {
    pub redundancy: Pence,
    pub mars: Pence,
    pub redundancy_people: u32,
    pub mars_people: u32,
    /// People with a leaving outcome who are not eligible for a payment.
    pub not_eligible: u32,
    /// One-off costs of people whose employer is not an ICB of the scenario: in the total,
    /// in no ICB's line (a finding says who), shown apart so the ICBs and the total agree.
    pub no_icb: Pence,
    pub no_icb_people: u32,
}

impl OneOff {
    #[must_use]
    pub fn total(&self) -> Pence {
        self.redundancy + self.mars
    }

    /// Adds (`sign` 1) or takes out (-1) one person's counts.
    pub(super) fn add(&mut self, o: &OneOff, sign: i64) {
        let count = |v: u32, by: u32| {
            let v = i64::from(v) + sign * i64::from(by);
            u32::try_from(v.max(0)).unwrap_or(u32::MAX)
        };
        self.redundancy += sign * o.redundancy;
        self.mars += sign * o.mars;
        self.redundancy_people = count(self.redundancy_people, o.redundancy_people);
        self.mars_people = count(self.mars_people, o.mars_people);
        self.not_eligible = count(self.not_eligible, o.not_eligible);
        self.no_icb += sign * o.no_icb;
        self.no_icb_people = count(self.no_icb_people, o.no_icb_people);
    }
}

/// Pay protection: people placed in a post paid less than their current pay keep the
/// difference for the policy's months (held, or half of it in the second half).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Protection {
    /// People placed in a post paid less than their current pay (protected, when the
    /// policy's months are set).
    pub people: u32,
    /// Their differences a year, with on-costs, added up.
    pub a_year: Pence,
    /// What is still paid at the target date, a year: a time-limited cost on top of the
    /// planned running cost (which is the structure's recurrent cost).
    pub at_target: Pence,
    /// What the protection costs over its whole period.
    pub over_period: Pence,
}

impl Protection {
    /// Adds (`sign` 1) or takes out (-1) one person's protection.
    pub(super) fn add(&mut self, o: &Protection, sign: i64) {
        self.people = u32::try_from((i64::from(self.people) + sign * i64::from(o.people)).max(0)).unwrap_or(u32::MAX);
        self.a_year += sign * o.a_year;
        self.at_target += sign * o.at_target;
        self.over_period += sign * o.over_period;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub organisations: Vec<OrgFigures>,
    pub clusters: Vec<ClusterFigures>,
    pub totals: Line,
    pub one_off: OneOff,
    pub pay_protection: Protection,
    pub outcomes: Vec<(OutcomeKind, Tally)>,
    pub functions: Vec<FunctionFigures>,
    pub posts: Vec<PostCost>,
    /// Each person's annual cost to the ICB, aligned with `scenario.people`.
    pub person_cost: Vec<Pence>,
    /// Each person's one-off exit cost (0 when none), aligned with `scenario.people`.
    pub person_one_off: Vec<Pence>,
    pub trajectory: Trajectory,
}

impl Summary {
    /// Months to recover the one-off costs from the net recurrent saving, rounded up.
    #[must_use]
    pub fn payback_months(&self) -> Option<i64> {
        let saving = self.totals.net_recurrent_saving();
        let one_off = self.one_off.total();
        if saving <= 0 {
            return None;
        }
        let (n, d) = (i128::from(one_off.max(0)) * 12, i128::from(saving));
        Some(((n + d - 1) / d).try_into().unwrap_or(i64::MAX))
    }

    /// How many ICBs in scope have a running cost allowance for a baseline.
    #[must_use]
    pub fn allowance_baselines(&self) -> usize {
        self.organisations.iter().filter(|o| o.in_scope && o.baseline_is_allowance).count()
    }

    /// How many ICBs are in the plan's scope.
    #[must_use]
    pub fn in_scope_count(&self) -> usize {
        self.organisations.iter().filter(|o| o.in_scope).count()
    }

    /// The statutory bodies in scope at the target date: a merged ICB counts once.
    #[must_use]
    pub fn bodies_in_scope(&self) -> usize {
        let merged = |o: &OrgFigures| o.cluster.and_then(|ci| self.clusters.get(ci)).is_some_and(|c| c.merged);
        self.organisations.iter().filter(|o| o.in_scope && !merged(o)).count()
            + self.clusters.iter().filter(|c| c.merged).count()
    }

    #[must_use]
    pub fn org(&self, code: &str) -> Option<&OrgFigures> {
        self.organisations.iter().find(|o| o.code == code)
    }

    #[must_use]
    pub fn cluster(&self, name: &str) -> Option<&ClusterFigures> {
        self.clusters.iter().find(|c| c.name == name)
    }
}
