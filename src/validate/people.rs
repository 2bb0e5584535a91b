//! Checks of each person: id, employer, salary, WTE, function, the post their outcome
//! names, service for an exit payment, and dates; then each post's holders and pools.

use rustc_hash::FxHashMap as HashMap;

use super::Severity::{Error, Info, Warning};
use super::{Context, Findings, Subject};
use crate::model::money::{Wte, format_pounds};
use crate::model::{Assumptions, Function, Grade, Outcome, Person};

/// What the checks of one person gather for the checks across people.
#[derive(Default)]
struct Seen<'a> {
    /// id -> index of the first person with it
    ids: HashMap<&'a str, usize>,
    /// post id -> who holds it (slotted or appointed). Hashed, not ordered: an ordered map
    /// made each person's lookup grow with the number of posts; the reports sort the few
    /// posts they name.
    holders: HashMap<&'a str, Vec<&'a str>>,
    /// post id -> how many are ring-fenced for it
    pools: HashMap<&'a str, u32>,
}

pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    let s = cx.s;
    let a = &s.assumptions;
    let functions: HashMap<&str, &Function> = s.functions.iter().map(|f| (f.name.as_str(), f)).collect();
    let mut seen = Seen::default();
    for (i, p) in s.people.iter().enumerate() {
        has_id(i, p, out);
        id_is_unique(cx, i, p, &mut seen, out);
        employer_is_known(cx, p, out);
        salary_is_plausible(a, p, out);
        wte_is_plausible(p, out);
        function_is_known(&functions, p, out);
        post_named_exists_in_their_cluster(cx, p, &mut seen, out);
        service_enough_for_exit_pay(a, p, out);
        takes_effect_by_target_date(a, p, out);
    }
    posts_filled_once(cx, &seen, out);
    ring_fenced_pools(&seen, out);
}

fn subject(p: &Person) -> Subject {
    Subject::Person(p.id.clone())
}

fn has_id(i: usize, p: &Person, out: &mut Findings) {
    out.kind = "Ids of people";
    if p.id.trim().is_empty() {
        out.push(Error, subject(p), format!("person {} ({}) has no id", i + 1, p.title));
    }
}

fn id_is_unique<'a>(cx: &Context<'_>, i: usize, p: &'a Person, seen: &mut Seen<'a>, out: &mut Findings) {
    out.kind = "Ids of people";
    if let Some(first) = seen.ids.insert(p.id.as_str(), i) {
        let both_in_posts = cx.s.people[first].outcome.holds_post().is_some() && p.outcome.holds_post().is_some();
        if both_in_posts {
            out.push(Error, subject(p), "this person is in two posts (the id appears twice, each in a post)".into());
        } else {
            out.push(Error, subject(p), "two people have this id".into());
        }
    }
}

fn employer_is_known(cx: &Context<'_>, p: &Person, out: &mut Findings) {
    out.kind = "Employers";
    if !cx.ix.orgs.contains_key(p.org.as_str()) {
        out.push(
            Error,
            subject(p),
            format!(
                "employer {} is not an ICB in this scenario, so their cost is in no ICB's figures; any one-off cost of theirs is counted apart (the Overview shows it beside the one-off costs)",
                p.org
            ),
        );
    }
}

/// Not negative, not £0, and within the pay band the person is graded at.
fn salary_is_plausible(a: &Assumptions, p: &Person, out: &mut Findings) {
    out.kind = "Salaries";
    if p.salary_pence < 0 {
        out.push(Error, subject(p), "salary is negative".into());
    } else if p.salary_pence == 0 {
        out.push(Warning, subject(p), "salary is £0".into());
    } else if let Grade::AfC(band) = &p.grade
        && let Some(scale) = a.afc_pay.iter().find(|s| s.band == *band)
    {
        let lo = scale.points_pence.iter().min().copied().unwrap_or(0);
        let hi = scale.points_pence.iter().max().copied().unwrap_or(0);
        if p.salary_pence < lo || p.salary_pence > hi {
            out.push(
                Info,
                subject(p),
                format!(
                    "full-time salary {} is outside {band} ({} to {})",
                    format_pounds(p.salary_pence),
                    format_pounds(lo),
                    format_pounds(hi)
                ),
            );
        }
    }
}

fn wte_is_plausible(p: &Person, out: &mut Findings) {
    out.kind = "WTE of people";
    if p.wte == Wte(0) {
        out.push(Warning, subject(p), "WTE is 0".into());
    } else if let Err(why) = p.wte.at_most_full_time() {
        // One assignment is at most full-time: more is a typing error (often hours a week).
        out.push(Error, subject(p), why);
    }
}

/// The function is in the catalogue; someone in a function marked for transfer is
/// transferred out (or placed in a post).
fn function_is_known(functions: &HashMap<&str, &Function>, p: &Person, out: &mut Findings) {
    out.kind = "Functions";
    let Some(f) = &p.function else { return };
    match functions.get(f.as_str()) {
        None => out.push(Warning, subject(p), format!("function \"{f}\" is not in the catalogue")),
        Some(func) => {
            if func.disposition.is_transfer()
                && !matches!(p.outcome, Outcome::TransferredOut)
                && p.outcome.holds_post().is_none()
            {
                out.push(
                    Info,
                    subject(p),
                    format!(
                        "works in \"{f}\", marked {}, but is not transferred out",
                        func.disposition.label().to_lowercase()
                    ),
                );
            }
        }
    }
}

/// The post an outcome names exists, in a cluster the person's ICB is in.
fn post_named_exists_in_their_cluster<'a>(cx: &Context<'_>, p: &'a Person, seen: &mut Seen<'a>, out: &mut Findings) {
    out.kind = "Placements in posts";
    let Some(post) = p.outcome.post() else { return };
    match cx.ix.posts.get(post) {
        None => out.push(
            Error,
            subject(p),
            format!(
                "outcome names post {post}, which does not exist; the person is still costed in their current role"
            ),
        ),
        Some((ci, _, _)) => {
            let c = &cx.s.clusters[*ci];
            if !c.members.contains(&p.org) {
                out.push(
                    Error,
                    subject(p),
                    format!(
                        "is from {} but placed in post {post} of cluster \"{}\", which {} is not in",
                        p.org, c.name, p.org
                    ),
                );
            }
            if p.outcome.holds_post().is_some() {
                seen.holders.entry(post).or_default().push(p.id.as_str());
            } else {
                *seen.pools.entry(post).or_default() += 1;
            }
        }
    }
}

/// Section 16 redundancy and MARS need a number of years' service; below it no payment is
/// costed, which the committee should know.
fn service_enough_for_exit_pay(a: &Assumptions, p: &Person, out: &mut Findings) {
    out.kind = "Service for exit pay";
    match p.outcome {
        Outcome::VoluntaryRedundancy | Outcome::CompulsoryRedundancy
            if p.service_years < a.redundancy.min_service_years =>
        {
            out.push(
                Info,
                subject(p),
                format!(
                    "has {} complete years' service, under the {} needed for Section 16 redundancy pay, so none is costed",
                    p.service_years, a.redundancy.min_service_years
                ),
            );
        }
        Outcome::Mars if p.service_years < a.mars.min_service_years => {
            out.push(Info, subject(p), "has too little service for MARS, so no payment is costed".into());
        }
        _ => {}
    }
}

fn takes_effect_by_target_date(a: &Assumptions, p: &Person, out: &mut Findings) {
    out.kind = "Outcome dates";
    if p.outcome != Outcome::NotAffected
        && p.outcome != Outcome::AtRisk
        && p.effective.is_some_and(|d| d > a.target_date)
    {
        out.push(Warning, subject(p), "the outcome takes effect after the target date".into());
    }
}

/// No post has more holders than it has whole posts (a post of more than 1 WTE may be
/// job-shared).
fn posts_filled_once(cx: &Context<'_>, seen: &Seen<'_>, out: &mut Findings) {
    out.kind = "Posts filled twice";
    let mut twice: Vec<(&&str, &Vec<&str>)> = seen.holders.iter().filter(|(_, hs)| hs.len() > 1).collect();
    twice.sort_unstable_by_key(|(post, _)| **post);
    for (post, hs) in twice {
        {
            let (c, t, i) = cx.ix.posts[post];
            let wte = cx.s.clusters[c].teams[t].posts[i].wte;
            let allowed = usize::try_from(wte.0.div_ceil(Wte::SCALE)).unwrap_or(1).max(1);
            if hs.len() > allowed {
                out.push(Error, Subject::Post((*post).to_owned()), format!("is filled twice: {}", hs.join(", ")));
            }
        }
    }
}

fn ring_fenced_pools(seen: &Seen<'_>, out: &mut Findings) {
    out.kind = "Ring-fenced pools";
    let mut pools: Vec<(&&str, &u32)> = seen.pools.iter().collect();
    pools.sort_unstable_by_key(|(post, _)| **post);
    for (post, n) in pools {
        out.push(
            Info,
            Subject::Post((*post).to_owned()),
            format!("ring-fenced pool: {n} candidate{} for the post", if *n == 1 { "" } else { "s" }),
        );
    }
}
