//! Checks of each post of the single management teams: its id, host, pay, WTE, reporting
//! line and start date.

use super::Severity::{Error, Warning};
use super::{Context, Findings, Subject};
use crate::engine::post_salary;
use crate::model::money::Wte;
use crate::model::{Assumptions, Cluster, Pay, Post};

pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    let a = &cx.s.assumptions;
    let mut n = 0;
    for c in &cx.s.clusters {
        for p in c.teams.iter().flat_map(|t| &t.posts) {
            id_is_unique(cx, n, p, out);
            n += 1;
            host_is_a_member(cx, c, p, out);
            pay_is_known(a, p, out);
            wte_above_zero(p, out);
            reports_to_a_post(cx, p, out);
            starts_by_target_date(a, p, out);
        }
    }
    let circles = in_circles(cx);
    for (n, (_, _, p)) in cx.s.posts().enumerate() {
        reporting_line_ends(cx, &circles, n, p, out);
    }
}

fn subject(p: &Post) -> Subject {
    Subject::Post(p.id.to_string())
}

/// `n`: the post's place among all the scenario's listings of posts.
fn id_is_unique(cx: &Context<'_>, n: usize, p: &Post, out: &mut Findings) {
    out.kind = "Post ids";
    if !cx.ix.first_listing(n) {
        out.push(Error, subject(p), "two posts have this id".into());
    }
}

fn host_is_a_member(cx: &Context<'_>, c: &Cluster, p: &Post, out: &mut Findings) {
    out.kind = "Hosts of posts";
    if !cx.ix.orgs.contains_key(p.host.as_str()) {
        out.push(Error, subject(p), format!("the host {} is not an ICB in this scenario", p.host));
    } else if !c.members.contains(&p.host) {
        out.push(
            Warning,
            subject(p),
            format!("\"{}\" is hosted by {}, which is not in cluster \"{}\"", p.title, p.host, c.name),
        );
    }
}

fn pay_is_known(a: &Assumptions, p: &Post, out: &mut Findings) {
    out.kind = "Pay of posts";
    match &p.pay {
        Pay::AfC { band, point } => {
            if post_salary(a, &p.pay).is_none() {
                out.push(Error, subject(p), format!("{band} has no pay point {point} in the {} pay table", a.pay_year));
            }
        }
        Pay::Vsm { salary_pence } | Pay::Salary { salary_pence } => {
            if *salary_pence <= 0 {
                out.push(Error, subject(p), "salary must be more than £0".into());
            }
        }
    }
}

fn wte_above_zero(p: &Post, out: &mut Findings) {
    out.kind = "WTE of posts";
    if p.wte == Wte(0) {
        out.push(Warning, subject(p), "WTE is 0, so the post costs nothing".into());
    } else if let Err(why) = p.wte.at_most_full_time() {
        // One post is at most full-time: a job share is one post held by two people.
        out.push(Error, subject(p), why);
    }
}

fn reports_to_a_post(cx: &Context<'_>, p: &Post, out: &mut Findings) {
    out.kind = "Reporting lines";
    if let Some(r) = &p.reports_to {
        if *r == p.id {
            out.push(Error, subject(p), "reports to itself".into());
        } else if !cx.ix.posts.contains_key(r.as_str()) {
            out.push(Error, subject(p), format!("reports to {r}, which is not a post"));
        }
    }
}

fn starts_by_target_date(a: &Assumptions, p: &Post, out: &mut Findings) {
    out.kind = "Start dates of posts";
    if p.effective.is_some_and(|d| d > a.target_date) {
        out.push(Warning, subject(p), "starts after the target date, so it is not in the trajectory".into());
    }
}

/// Following the reporting line up from a post never comes back to it. `circles` says which
/// posts (first listings of their ids) are on a circle; a later listing of a duplicated id
/// has its own reporting line, followed step by step.
fn reporting_line_ends(cx: &Context<'_>, circles: &[bool], n: usize, p: &Post, out: &mut Findings) {
    out.kind = "Reporting lines";
    // Reporting to itself is reported by `reports_to_a_post`.
    if p.reports_to.as_deref().is_none_or(|r| r == p.id) {
        return;
    }
    let round = if cx.ix.first_listing(n) { circles.get(n).copied().unwrap_or(false) } else { comes_back(cx, p) };
    if round {
        out.push(Error, subject(p), "its reporting line goes round in a circle".into());
    }
}

/// Which posts are on a circle of reporting lines, by place among the listings (set on the
/// first listing of each id). Each post reports to at most one other, so following the
/// lines from every post in turn, marking where each walk has been, finds every circle
/// in one pass over the posts: a walk that meets its own marks has closed a circle.
fn in_circles(cx: &Context<'_>) -> Vec<bool> {
    let ix = &cx.ix;
    let s = cx.s;
    let next = |n: usize| -> Option<usize> {
        let at = ix.listings[n];
        let r = s.clusters[at.cluster].teams[at.team].posts[at.index].reports_to.as_deref()?;
        ix.posts.get(r).map(|to| to as usize)
    };
    let mut walk_of: Vec<usize> = vec![usize::MAX; ix.listings.len()];
    let mut circle = vec![false; ix.listings.len()];
    for start in (0..ix.listings.len()).filter(|n| ix.first_listing(*n)) {
        let mut cur = Some(start);
        while let Some(n) = cur {
            if walk_of[n] == start {
                // Back on this walk's own path: n and everything after it are a circle.
                let mut m = n;
                loop {
                    circle[m] = true;
                    match next(m) {
                        Some(k) if k != n => m = k,
                        _ => break,
                    }
                }
                break;
            }
            if walk_of[n] != usize::MAX {
                break; // met an earlier walk: what lies ahead is known
            }
            walk_of[n] = start;
            cur = next(n);
        }
    }
    // A post reporting to itself is a circle of one, reported as reporting to itself.
    circle
}

/// Whether following the reporting line up from `p` comes back to its id (step by step).
fn comes_back(cx: &Context<'_>, p: &Post) -> bool {
    let s = cx.s;
    let mut cur = p.reports_to.as_deref();
    let mut steps = 0;
    while let Some(id) = cur {
        if id == p.id {
            return steps > 0;
        }
        steps += 1;
        if steps > cx.ix.posts.len() {
            return false;
        }
        cur = cx.ix.post(id).and_then(|at| s.clusters[at.cluster].teams[at.team].posts[at.index].reports_to.as_deref());
    }
    false
}
