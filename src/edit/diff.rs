//! What changed between two scenarios, in words a committee reads, grouped by kind: the
//! clusters (members, apportionment, mergers), the teams and posts (added, deleted,
//! changed), the people (outcome changes grouped from kind to kind, with counts and cost),
//! the ICBs' own figures, the functions and the assumptions. The options appraisal lists it
//! between any two options; the recovery dialog shows its short form ([`describe`]).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::engine::{Summary, compute};
use crate::model::money::{Pence, format_pounds};
use crate::model::{Outcome, OutcomeKind, Pay, Person, Post, Scenario, assumption_rows};

/// The part of a scenario a group of changes is about, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Clusters,
    Teams,
    Posts,
    People,
    Icbs,
    Functions,
    Assumptions,
}

impl Section {
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Section::Clusters => "Clusters",
            Section::Teams => "Teams",
            Section::Posts => "Posts",
            Section::People => "People",
            Section::Icbs => "ICBs",
            Section::Functions => "Functions",
            Section::Assumptions => "Assumptions",
        }
    }
}

/// One change: what it is about, what it was and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// "LN-FIN-03 Head of Financial Planning", "P00123", "Employer NI rate".
    pub what: String,
    pub from: String,
    pub to: String,
    /// The change in planned running cost a year it makes (to − from), where it has one.
    pub cost: Option<Pence>,
    /// The change in one-off costs (redundancy and MARS) it makes.
    pub one_off: Option<Pence>,
}

/// Changes of one kind: "Posts added", "At risk → Voluntary redundancy".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub section: Section,
    pub title: String,
    pub items: Vec<Item>,
}

impl Group {
    /// The group's change in planned running cost a year, when its items have one.
    #[must_use]
    pub fn cost(&self) -> Option<Pence> {
        self.items.iter().filter_map(|i| i.cost).reduce(|a, b| a + b)
    }

    /// The group as a heading: "Posts added", "People: At risk → Voluntary redundancy" (the
    /// section named where the title does not say it).
    #[must_use]
    pub fn heading(&self) -> String {
        let section = self.section.label();
        if self.title.to_lowercase().contains(&section.to_lowercase()) {
            self.title.clone()
        } else {
            format!("{section}: {}", self.title)
        }
    }

    /// The group's change in one-off costs, when its items have one.
    #[must_use]
    pub fn one_off(&self) -> Option<Pence> {
        self.items.iter().filter_map(|i| i.one_off).reduce(|a, b| a + b)
    }
}

/// Everything that differs from one scenario to another.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    pub groups: Vec<Group>,
}

impl Changes {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// What all the changes do to the planned running cost a year, and to the one-off costs.
    #[must_use]
    pub fn totals(&self) -> (Pence, Pence) {
        let cost = self.groups.iter().filter_map(Group::cost).sum();
        let one_off = self.groups.iter().filter_map(Group::one_off).sum();
        (cost, one_off)
    }

    /// How many single changes there are in all.
    #[must_use]
    pub fn count(&self) -> usize {
        self.groups.iter().map(|g| g.items.len()).sum()
    }
}

/// Everything that differs between `a` and `b` (each with its figures), `a` first.
#[must_use]
pub fn changes(a: &Scenario, sa: &Summary, b: &Scenario, sb: &Summary) -> Changes {
    let mut groups = Vec::new();
    let pairs = counterparts(a, b);
    clusters(a, b, &pairs, &mut groups);
    teams_and_posts((a, sa), (b, sb), &pairs, &mut groups);
    people(a, sa, b, sb, &mut groups);
    icbs(a, sa, b, sb, &mut groups);
    functions(a, b, &mut groups);
    assumptions(a, b, &mut groups);
    groups.retain(|g| !g.items.is_empty());
    groups.sort_by_key(|g| g.section);
    Changes { groups }
}

fn item(what: impl Into<String>, from: impl Into<String>, to: impl Into<String>) -> Item {
    Item { what: what.into(), from: from.into(), to: to.into(), cost: None, one_off: None }
}

fn group(section: Section, title: &str, items: Vec<Item>) -> Group {
    Group { section, title: title.to_owned(), items }
}

fn members(s: &Scenario, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| s.organisation(c).map_or(c.clone(), |o| crate::model::short_name(&o.name).to_owned()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Each cluster of `a` and its counterpart in `b`: the one of the same name, else the one
/// left unmatched with the same members (a renamed cluster), else none (removed).
fn counterparts(a: &Scenario, b: &Scenario) -> Vec<Option<usize>> {
    let by_name: Vec<Option<usize>> =
        a.clusters.iter().map(|o| b.clusters.iter().position(|c| c.name == o.name)).collect();
    let mut taken: FxHashSet<usize> = by_name.iter().flatten().copied().collect();
    a.clusters
        .iter()
        .zip(&by_name)
        .map(|(o, named)| {
            named.or_else(|| {
                let j =
                    b.clusters.iter().enumerate().position(|(j, c)| !taken.contains(&j) && c.members == o.members)?;
                taken.insert(j);
                Some(j)
            })
        })
        .collect()
}

/// A cluster's name in `b`'s terms: its counterpart's, where it has one.
fn name_in_b<'a>(a: &'a Scenario, b: &'a Scenario, pairs: &[Option<usize>], ci: usize) -> &'a str {
    pairs[ci].map_or(a.clusters[ci].name.as_str(), |j| b.clusters[j].name.as_str())
}

fn clusters(a: &Scenario, b: &Scenario, pairs: &[Option<usize>], groups: &mut Vec<Group>) {
    let (mut added, mut removed, mut renamed, mut membership, mut split, mut merger) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (o, pair) in a.clusters.iter().zip(pairs) {
        let Some(c) = pair.map(|j| &b.clusters[j]) else {
            removed.push(item(&o.name, members(a, &o.members), ""));
            continue;
        };
        if o.name != c.name {
            renamed.push(item(members(b, &c.members), &o.name, &c.name));
        }
        if o.members != c.members {
            membership.push(item(&c.name, members(a, &o.members), members(b, &c.members)));
        }
        if o.apportionment != c.apportionment {
            split.push(item(&c.name, apportionment(&o.apportionment), apportionment(&c.apportionment)));
        }
        if o.merger != c.merger {
            merger.push(item(&c.name, merged(o.merger.as_ref()), merged(c.merger.as_ref())));
        }
    }
    for (j, c) in b.clusters.iter().enumerate() {
        if !pairs.contains(&Some(j)) {
            added.push(item(&c.name, "", members(b, &c.members)));
        }
    }
    groups.push(group(Section::Clusters, "Clusters added", added));
    groups.push(group(Section::Clusters, "Clusters removed", removed));
    groups.push(group(Section::Clusters, "Clusters renamed", renamed));
    groups.push(group(Section::Clusters, "Members changed", membership));
    groups.push(group(Section::Clusters, "Shared posts split differently", split));
    groups.push(group(Section::Clusters, "Merged ICBs", merger));
}

fn apportionment(a: &crate::model::Apportionment) -> String {
    use crate::model::Apportionment;
    match a {
        Apportionment::Population => "by population".to_owned(),
        Apportionment::Equal => "equal shares".to_owned(),
        Apportionment::Custom(shares) => {
            shares.iter().map(|s| format!("{} {}", s.org, s.percent)).collect::<Vec<_>>().join(", ")
        }
    }
}

fn merged(m: Option<&crate::model::Merger>) -> String {
    m.map_or_else(|| "a cluster".to_owned(), |m| format!("{} from {}", m.name, m.from.format("%-d %b %Y")))
}

/// A post with where it is: its cluster's and team's names, and its cost a year.
struct Placed<'a> {
    cluster: &'a str,
    team: &'a str,
    post: &'a Post,
    cost: Pence,
}

/// Every post by id (the first of an id), its cluster named by `cluster`.
fn placed<'a>(s: &'a Scenario, sum: &Summary, cluster: impl Fn(usize) -> &'a str) -> FxHashMap<&'a str, Placed<'a>> {
    let cost: FxHashMap<&str, Pence> =
        sum.posts.iter().map(|p| (p.id.as_str(), if p.counted { p.cost.to_icb() } else { 0 })).collect();
    let mut out = FxHashMap::default();
    for (ci, t, p) in s.posts() {
        let c = cost.get(p.id.as_str()).copied().unwrap_or(0);
        out.entry(p.id.as_str()).or_insert(Placed { cluster: cluster(ci), team: &t.name, post: p, cost: c });
    }
    out
}

fn posts_count(n: usize) -> String {
    if n == 1 { "1 post".to_owned() } else { format!("{} posts", crate::model::money::format_count(n)) }
}

fn pay(p: &Pay) -> String {
    match p {
        Pay::AfC { band, point } => format!("{band}, point {point}"),
        Pay::Vsm { salary_pence } => format!("VSM {}", format_pounds(*salary_pence)),
        Pay::Salary { salary_pence } => format!("salary {}", format_pounds(*salary_pence)),
    }
}

/// The fields of a post that differ, as "field: from" and "field: to".
fn post_fields(a: &Placed<'_>, b: &Placed<'_>) -> (Vec<String>, Vec<String>) {
    let (mut from, mut to) = (Vec::new(), Vec::new());
    let mut field = |name: &str, x: String, y: String| {
        if x != y {
            from.push(format!("{name} {x}"));
            to.push(format!("{name} {y}"));
        }
    };
    let (p, q) = (a.post, b.post);
    field("team", format!("{} · {}", a.cluster, a.team), format!("{} · {}", b.cluster, b.team));
    field("title", p.title.clone(), q.title.clone());
    field("pay", pay(&p.pay), pay(&q.pay));
    field("WTE", p.wte.to_string(), q.wte.to_string());
    field("host", p.host.clone(), q.host.clone());
    field("funding", format!("{:?}", p.funding).to_lowercase(), format!("{:?}", q.funding).to_lowercase());
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "no one".to_owned());
    field("reports to", opt(&p.reports_to), opt(&q.reports_to));
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "the target date".to_owned(), |d| d.to_string());
    field("from", date(p.effective), date(q.effective));
    (from, to)
}

fn teams_and_posts(
    (a, sa): (&Scenario, &Summary),
    (b, sb): (&Scenario, &Summary),
    pairs: &[Option<usize>],
    groups: &mut Vec<Group>,
) {
    // Teams by (cluster, team), a cluster of `a` named as its counterpart in `b` is.
    let teams_a: FxHashSet<(&str, &str)> = a
        .clusters
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| c.teams.iter().map(move |t| (name_in_b(a, b, pairs, ci), t.name.as_str())))
        .collect();
    let teams_b: FxHashSet<(&str, &str)> =
        b.clusters.iter().flat_map(|c| c.teams.iter().map(move |t| (c.name.as_str(), t.name.as_str()))).collect();
    let mut added: Vec<Item> = b
        .clusters
        .iter()
        .flat_map(|c| c.teams.iter().map(move |t| (c, t)))
        .filter(|(c, t)| !teams_a.contains(&(c.name.as_str(), t.name.as_str())))
        .map(|(c, t)| item(format!("{} · {}", c.name, t.name), "", posts_count(t.posts.len())))
        .collect();
    let mut removed: Vec<Item> = a
        .clusters
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| c.teams.iter().map(move |t| (ci, c, t)))
        .filter(|(ci, _, t)| !teams_b.contains(&(name_in_b(a, b, pairs, *ci), t.name.as_str())))
        .map(|(_, c, t)| item(format!("{} · {}", c.name, t.name), posts_count(t.posts.len()), ""))
        .collect();
    added.sort_by(|x, y| x.what.cmp(&y.what));
    removed.sort_by(|x, y| x.what.cmp(&y.what));
    groups.push(group(Section::Teams, "Teams added", added));
    groups.push(group(Section::Teams, "Teams removed", removed));

    let (pa, pb) = (placed(a, sa, |ci| name_in_b(a, b, pairs, ci)), placed(b, sb, |ci| &b.clusters[ci].name));
    let name = |p: &Placed<'_>| format!("{} {}", p.post.id, p.post.title);
    let (mut added, mut deleted, mut changed) = (Vec::new(), Vec::new(), Vec::new());
    for (_, _, q) in b.posts() {
        let y = &pb[q.id.as_str()];
        if !std::ptr::eq(y.post, q) {
            continue;
        }
        match pa.get(q.id.as_str()) {
            None => added.push(Item {
                cost: Some(y.cost),
                ..item(name(y), "", format!("{} · {}, {}", y.cluster, y.team, pay(&q.pay)))
            }),
            Some(x) => {
                let (from, to) = post_fields(x, y);
                if !from.is_empty() {
                    changed.push(Item { cost: Some(y.cost - x.cost), ..item(name(y), from.join("; "), to.join("; ")) });
                }
            }
        }
    }
    for (_, _, p) in a.posts() {
        let x = &pa[p.id.as_str()];
        if std::ptr::eq(x.post, p) && !pb.contains_key(p.id.as_str()) {
            deleted.push(Item {
                cost: Some(-x.cost),
                ..item(name(x), format!("{} · {}, {}", x.cluster, x.team, pay(&p.pay)), "")
            });
        }
    }
    groups.push(group(Section::Posts, "Posts added", added));
    groups.push(group(Section::Posts, "Posts deleted", deleted));
    groups.push(group(Section::Posts, "Posts changed", changed));
}

/// A person's outcome in words, with the post's title where it names one.
fn outcome(o: &Outcome, posts: &FxHashMap<&str, Placed<'_>>) -> String {
    match o.post() {
        Some(id) => match posts.get(id) {
            Some(p) => format!("{}: {} {}", o.kind().label(), id, p.post.title),
            None => format!("{}: {id} (no such post)", o.kind().label()),
        },
        None => o.kind().label().to_owned(),
    }
}

/// What a person adds to their ICB's planned running cost: their cost while they stay in
/// their current role (not placed in a post that exists, not leaving), else nothing.
fn in_role(p: &Person, cost: Pence, posts: &FxHashMap<&str, Placed<'_>>) -> Pence {
    let post_exists = p.outcome.post().is_some_and(|id| posts.contains_key(id));
    if p.outcome.leaves_current_role(post_exists) { 0 } else { cost }
}

fn person_name(p: &Person) -> String {
    match &p.name {
        Some(n) if !n.is_empty() => format!("{} {n}", p.id),
        _ => p.id.clone(),
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "the target date".to_owned(), |d| d.format("%-d %b %Y").to_string())
}

/// The details of a person other than their outcome and date that differ.
fn person_fields(p: &Person, q: &Person) -> (Vec<String>, Vec<String>) {
    let (mut from, mut to) = (Vec::new(), Vec::new());
    let mut field = |name: &str, x: String, y: String| {
        if x != y {
            from.push(format!("{name} {x}"));
            to.push(format!("{name} {y}"));
        }
    };
    field("ICB", p.org.to_string(), q.org.to_string());
    field("title", p.title.clone(), q.title.clone());
    field("grade", p.grade.to_string(), q.grade.to_string());
    field("salary", format_pounds(p.salary_pence), format_pounds(q.salary_pence));
    field("WTE", p.wte.to_string(), q.wte.to_string());
    field("service", format!("{} years", p.service_years), format!("{} years", q.service_years));
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    field(
        "function",
        p.function.as_deref().unwrap_or_default().to_owned(),
        q.function.as_deref().unwrap_or_default().to_owned(),
    );
    field("cost centre", opt(&p.cost_centre), opt(&q.cost_centre));
    field("name", opt(&p.name), opt(&q.name));
    (from, to)
}

fn people(a: &Scenario, sa: &Summary, b: &Scenario, sb: &Summary, groups: &mut Vec<Group>) {
    let (pa, pb) = (placed(a, sa, |ci| &a.clusters[ci].name), placed(b, sb, |ci| &b.clusters[ci].name));
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, p) in a.people.iter().enumerate() {
        at.entry(p.id.as_str()).or_insert(i);
    }
    let mut seen = FxHashSet::default();
    let mut by_kind: std::collections::BTreeMap<(OutcomeKind, OutcomeKind), Vec<Item>> = Default::default();
    let (mut joined, mut left, mut dates, mut details) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let cost = |s: &Summary, i: usize| s.person_cost.get(i).copied().unwrap_or(0);
    let one_off = |s: &Summary, i: usize| s.person_one_off.get(i).copied().unwrap_or(0);
    for (j, q) in b.people.iter().enumerate() {
        if !seen.insert(q.id.as_str()) {
            continue;
        }
        let (yc, yo) = (in_role(q, cost(sb, j), &pb), one_off(sb, j));
        let Some(&i) = at.get(q.id.as_str()) else {
            joined.push(Item {
                cost: Some(yc),
                one_off: Some(yo),
                ..item(person_name(q), "", outcome(&q.outcome, &pb))
            });
            continue;
        };
        let p = &a.people[i];
        let (xc, xo) = (in_role(p, cost(sa, i), &pa), one_off(sa, i));
        let (from, to) = (outcome(&p.outcome, &pa), outcome(&q.outcome, &pb));
        if from != to {
            let when =
                |s: String, d: Option<chrono::NaiveDate>| if d.is_none() { s } else { format!("{s} from {}", date(d)) };
            by_kind.entry((p.outcome.kind(), q.outcome.kind())).or_default().push(Item {
                cost: Some(yc - xc),
                one_off: Some(yo - xo),
                ..item(person_name(q), when(from, p.effective), when(to, q.effective))
            });
        } else if p.effective != q.effective {
            dates.push(Item {
                cost: None,
                one_off: (yo != xo).then_some(yo - xo),
                ..item(person_name(q), format!("{from} from {}", date(p.effective)), date(q.effective))
            });
        }
        let (f, t) = person_fields(p, q);
        if !f.is_empty() {
            details.push(Item {
                cost: Some(yc - xc),
                one_off: Some(yo - xo),
                ..item(person_name(q), f.join("; "), t.join("; "))
            });
        }
    }
    let mut gone = FxHashSet::default();
    for (i, p) in a.people.iter().enumerate() {
        if !seen.contains(p.id.as_str()) && gone.insert(p.id.as_str()) {
            left.push(Item {
                cost: Some(-in_role(p, cost(sa, i), &pa)),
                one_off: Some(-one_off(sa, i)),
                ..item(person_name(p), outcome(&p.outcome, &pa), "")
            });
        }
    }
    for ((x, y), items) in by_kind {
        let title =
            if x == y { format!("{}: another post", x.label()) } else { format!("{} → {}", x.label(), y.label()) };
        groups.push(Group { section: Section::People, title, items });
    }
    groups.push(group(Section::People, "Dates changed, same outcome", dates));
    groups.push(group(Section::People, "Other details changed", details));
    groups.push(group(Section::People, "In this option only (added)", joined));
    groups.push(group(Section::People, "Not in this option (removed)", left));
}

fn icbs(a: &Scenario, sa: &Summary, b: &Scenario, sb: &Summary, groups: &mut Vec<Group>) {
    let mut items = Vec::new();
    for o in &b.organisations {
        let Some(p) = a.organisation(&o.code) else {
            items.push(item(format!("{} {}", o.code, o.name), "not in the plan", "in the plan"));
            continue;
        };
        let what = |field: &str| format!("{} {}: {field}", o.code, crate::model::short_name(&o.name));
        let money = |v: Option<Pence>| v.map_or_else(|| "not set".to_owned(), format_pounds);
        let count = |v: Option<u64>| {
            v.map_or_else(
                || "not known".to_owned(),
                |n| crate::model::money::format_count(usize::try_from(n).unwrap_or(usize::MAX)),
            )
        };
        let planned = |s: &Summary| s.org(&o.code).map_or(0, |f| f.planned_non_pay);
        let baseline = |s: &Summary| s.org(&o.code).map_or(0, |f| f.baseline_non_pay);
        if p.baseline_non_pay_pence != o.baseline_non_pay_pence {
            items.push(Item {
                cost: Some((planned(sb) - baseline(sb)) - (planned(sa) - baseline(sa))),
                ..item(
                    what("baseline non-pay"),
                    format_pounds(p.baseline_non_pay_pence),
                    format_pounds(o.baseline_non_pay_pence),
                )
            });
        }
        if p.planned_non_pay_pence != o.planned_non_pay_pence {
            items.push(Item {
                cost: Some(planned(sb) - planned(sa)),
                ..item(what("planned non-pay"), money(p.planned_non_pay_pence), money(o.planned_non_pay_pence))
            });
        }
        if p.planned_non_pay_from != o.planned_non_pay_from {
            items.push(item(what("non-pay change from"), date(p.planned_non_pay_from), date(o.planned_non_pay_from)));
        }
        if p.target_override_pence != o.target_override_pence {
            items.push(item(
                what("target set by hand"),
                money(p.target_override_pence),
                money(o.target_override_pence),
            ));
        }
        if p.population != o.population {
            items.push(item(what("population"), count(p.population), count(o.population)));
        }
        if p.weighted_population != o.weighted_population {
            items.push(item(what("weighted population"), count(p.weighted_population), count(o.weighted_population)));
        }
        if p.in_scope != o.in_scope {
            let scope = |x: bool| if x { "in scope" } else { "not in scope" };
            items.push(item(what("in no cluster"), scope(p.in_scope), scope(o.in_scope)));
        }
    }
    for p in a.organisations.iter().filter(|p| b.organisation(&p.code).is_none()) {
        items.push(item(format!("{} {}", p.code, p.name), "in the plan", "not in the plan"));
    }
    groups.push(group(Section::Icbs, "ICBs' own figures", items));
}

fn functions(a: &Scenario, b: &Scenario, groups: &mut Vec<Group>) {
    let mut items = Vec::new();
    for f in &b.functions {
        match a.functions.iter().find(|g| g.name == f.name) {
            Some(g) if g.disposition != f.disposition || g.date != f.date => items.push(item(
                &f.name,
                format!("{} ({})", g.disposition.label(), date(g.date)),
                format!("{} ({})", f.disposition.label(), date(f.date)),
            )),
            None => items.push(item(&f.name, "", f.disposition.label())),
            Some(_) => {}
        }
    }
    for g in a.functions.iter().filter(|g| !b.functions.iter().any(|f| f.name == g.name)) {
        items.push(item(&g.name, g.disposition.label(), ""));
    }
    groups.push(group(Section::Functions, "What happens to functions", items));
}

fn assumptions(a: &Scenario, b: &Scenario, groups: &mut Vec<Group>) {
    let mut items: Vec<Item> = assumption_rows(&a.assumptions)
        .into_iter()
        .zip(assumption_rows(&b.assumptions))
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, y)| item(x.0, x.1, y.1))
        .collect();
    if a.assumptions.afc_pay != b.assumptions.afc_pay && a.assumptions.pay_year == b.assumptions.pay_year {
        items.push(item("Pay scales", "the pay points differ", "the pay points differ"));
    }
    if a.year != b.year {
        let year = |y: &str| if y.is_empty() { "not said".to_owned() } else { y.to_owned() };
        items.push(item("Financial year", year(&a.year), year(&b.year)));
    }
    groups.push(group(Section::Assumptions, "Assumptions", items));
}

/// How many example lines [`describe`] gives of a group.
const EXAMPLES: usize = 8;

/// Lines describing how `new` differs from `old`, for the recovery dialog: each group with
/// its count and a few of its changes, and the planned running cost before and after.
/// Empty when they are the same.
#[must_use]
pub fn describe(old: &Scenario, new: &Scenario) -> Vec<String> {
    let mut out = Vec::new();
    if old.name != new.name {
        out.push(format!("Name: \"{}\" → \"{}\"", old.name, new.name));
    }
    let (so, sn) = (compute(old), compute(new));
    let list = changes(old, &so, new, &sn);
    for g in &list.groups {
        out.push(format!("{} ({}):", g.title, g.items.len()));
        for i in g.items.iter().take(EXAMPLES) {
            let arrow = match (i.from.is_empty(), i.to.is_empty()) {
                (true, _) => i.to.clone(),
                (_, true) => i.from.clone(),
                _ => format!("{} → {}", i.from, i.to),
            };
            out.push(format!("  {}: {arrow}", i.what));
        }
        if g.items.len() > EXAMPLES {
            out.push(format!("  …and {} more", g.items.len() - EXAMPLES));
        }
    }
    if !out.is_empty() && so.totals.planned != sn.totals.planned {
        out.push(format!(
            "Planned running cost: {} → {}",
            format_pounds(so.totals.planned),
            format_pounds(sn.totals.planned)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_scenario_has_no_differences() {
        let s = crate::examples::lnr_cluster();
        assert!(describe(&s, &s).is_empty());
        let sum = compute(&s);
        assert!(changes(&s, &sum, &s, &sum).is_empty());
    }

    #[test]
    fn outcome_changes_are_listed_with_the_new_total() {
        let old = crate::examples::lnr_cluster();
        let mut new = old.clone();
        let i = new.people.iter().position(|p| p.outcome == Outcome::AtRisk).unwrap();
        new.people[i].outcome = Outcome::VoluntaryRedundancy;
        new.clusters[0].name = "Renamed".into();
        let lines = describe(&old, &new);
        assert!(lines.iter().any(|l| l == "At risk → Voluntary redundancy (1):"), "{lines:#?}");
        assert!(lines.iter().any(|l| l.ends_with(": At risk → Voluntary redundancy")), "{lines:#?}");
        // The same members under another name: a rename, not a cluster added and one removed,
        // and its teams and posts unchanged.
        assert!(lines.iter().any(|l| l == "Clusters renamed (1):"), "{lines:#?}");
        assert!(!lines.iter().any(|l| l.starts_with("Teams") || l.starts_with("Posts")), "{lines:#?}");
        assert!(lines.last().unwrap().starts_with("Planned running cost: £36,626,000 → "));
    }
}
