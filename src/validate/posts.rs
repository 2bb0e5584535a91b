//! Checks of each post of the single management teams: its id, host, pay, WTE, reporting
//! line and start date.

use rustc_hash::FxHashSet as HashSet;

use super::Severity::{Error, Warning};
use super::{Context, Findings, Subject};
use crate::engine::post_salary;
use crate::model::money::Wte;
use crate::model::{Assumptions, Cluster, Pay, Post};

pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    let a = &cx.s.assumptions;
    let mut ids = HashSet::default();
    for c in &cx.s.clusters {
        for p in c.teams.iter().flat_map(|t| &t.posts) {
            id_is_unique(p, &mut ids, out);
            host_is_a_member(cx, c, p, out);
            pay_is_known(a, p, out);
            wte_above_zero(p, out);
            reports_to_a_post(cx, p, out);
            starts_by_target_date(a, p, out);
        }
    }
    for (_, _, p) in cx.s.posts() {
        reporting_line_ends(cx, p, out);
    }
}

fn subject(p: &Post) -> Subject {
    Subject::Post(p.id.clone())
}

fn id_is_unique<'a>(p: &'a Post, ids: &mut HashSet<&'a str>, out: &mut Findings) {
    out.kind = "Post ids";
    if !ids.insert(p.id.as_str()) {
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
        if r == &p.id {
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

/// Following the reporting line up from a post never comes back to it.
fn reporting_line_ends(cx: &Context<'_>, p: &Post, out: &mut Findings) {
    out.kind = "Reporting lines";
    let s = cx.s;
    let mut cur = p.reports_to.as_deref();
    let mut steps = 0;
    while let Some(id) = cur {
        if id == p.id {
            if steps > 0 {
                out.push(Error, subject(p), "its reporting line goes round in a circle".into());
            }
            break;
        }
        steps += 1;
        if steps > cx.ix.posts.len() {
            break;
        }
        cur = cx.ix.posts.get(id).and_then(|(c, t, i)| s.clusters[*c].teams[*t].posts[*i].reports_to.as_deref());
    }
}
