//! Collective consultation and HR1 (TULRCA 1992 s188 and s193), employer by employer and
//! site by site: the duty from 20 dismissals at one establishment within 90 days, a
//! consultation that starts too late for the first dismissal, HR1 late or after a notice,
//! exits before notice can run out. The figures are `engine::consultation`'s. Not legal
//! advice.

use super::{Context, Findings, Severity, Subject};
use crate::engine::consultation::{Employer, Establishment, Register};
use crate::model::money::{format_count, format_pounds};

/// What the findings of these checks are grouped under.
pub const KIND: &str = "Collective consultation and HR1";

/// The consultation checks: one function per rule, over every establishment of the
/// register (kept between edits: after an edit of some people only they are read again).
pub(super) fn check(cx: &Context<'_>, register: &Register, out: &mut Findings) {
    for e in &register.establishments(cx.s) {
        out.list.extend(findings_of(cx.s, e));
    }
}

/// The findings of one establishment (the command line lists them under it).
#[must_use]
pub fn findings_of(s: &crate::model::Scenario, e: &Establishment) -> Vec<super::Finding> {
    let cx = Cx { s };
    let mut out = Findings { list: Vec::new(), kind: KIND };
    if e.duty() {
        consultation_recorded(&cx, e, &mut out);
        consultation_long_enough(&cx, e, &mut out);
        notices_after_the_minimum(&cx, e, &mut out);
        consultation_for_this_wave(&cx, e, &mut out);
        hr1_in_time(&cx, e, &mut out);
        exits_after_notice(&cx, e, &mut out);
        site_recorded(&cx, e, &mut out);
    }
    near_a_threshold(&cx, e, &mut out);
    site_listed(&cx, e, &mut out);
    out.list
}

/// What these checks look at: the scenario alone.
struct Cx<'a> {
    s: &'a crate::model::Scenario,
}

fn subject(cx: &Cx<'_>, e: &Establishment) -> Subject {
    match &e.employer {
        Employer::Icb(code) => Subject::Organisation(code.clone()),
        Employer::Merged(ci) => Subject::Cluster(cx.s.clusters.get(*ci).map_or_else(String::new, |c| c.name.clone())),
    }
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// "25 proposed redundancies (16 decided; 9 at risk or ring-fenced) at County Hall (25
/// within 90 days, on 1 Mar 2027)".
fn what(e: &Establishment) -> String {
    let at = e.site.as_deref().map_or_else(|| "with no site recorded".to_owned(), |s| format!("at {s}"));
    let undecided = e.dismissals.len() - e.decided;
    let split = if undecided == 0 {
        String::new()
    } else {
        format!(" ({} decided; {} at risk or ring-fenced)", format_count(e.decided), format_count(undecided))
    };
    let when = match e.busiest {
        Some((a, b)) if a == b => format!("on {}", date(a)),
        Some((a, b)) => format!("{} to {}", date(a), date(b)),
        None => String::new(),
    };
    format!(
        "{} proposed redundancies{split} {at} ({} within 90 days, {when})",
        format_count(e.dismissals.len()),
        format_count(e.most_in_90_days),
    )
}

/// "£450,000 (180 days' pay each)".
fn award(e: &Establishment) -> String {
    format!("{} ({} days' pay each)", format_pounds(e.exposure), e.award_days)
}

fn consultation_recorded(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    if e.consultation.is_some() {
        return;
    }
    let (Some(by), Some(hr1)) = (e.consult_by, e.hr1_by) else { return };
    out.push(
        Severity::Warning,
        subject(cx, e),
        format!(
            "{}: collective consultation of at least {} days must start by {by} and HR1 be filed by {hr1}; no consultation is recorded for {}. A protective award could reach {}.",
            what(e),
            e.min_days,
            e.employer_name,
            award(e),
            by = date(by),
            hr1 = date(hr1),
        ),
    );
}

fn consultation_long_enough(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    let (Some(c), Some(first)) = (&e.consultation, e.first_dismissal) else { return };
    let lawful_from = crate::engine::consultation::plus(c.start, u64::from(e.min_days));
    let early = e.covered_exits.iter().filter(|d| **d < lawful_from).count();
    if early == 0 {
        return;
    }
    out.push(
        Severity::Error,
        subject(cx, e),
        format!(
            "{}: consultation from {} gives {} days before the first dismissal on {}; at least {} are required, so {} of the exits fall before {}. A protective award could reach {}.",
            what(e),
            date(c.start),
            crate::engine::consultation::days_between(c.start, first),
            date(first),
            e.min_days,
            format_count(early),
            date(lawful_from),
            award(e),
        ),
    );
}

/// No notice of dismissal before the minimum consultation has run.
fn notices_after_the_minimum(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    let (Some(c), Some(first)) = (&e.consultation, e.first_notice) else { return };
    let ends = crate::engine::consultation::plus(c.start, u64::from(e.min_days));
    if first >= ends {
        return;
    }
    out.push(
        Severity::Error,
        subject(cx, e),
        format!(
            "{}: the first notice of dismissal would be given on {}, before the {} days of consultation from {} have run (to {}). Notices follow consultation: give them from {} or later, or start consulting sooner.",
            what(e),
            date(first),
            e.min_days,
            date(c.start),
            date(ends),
            date(ends),
        ),
    );
}

/// A consultation recorded long before these dismissals is probably an earlier wave's.
fn consultation_for_this_wave(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    let (Some(c), Some(first)) = (&e.consultation, e.first_dismissal) else { return };
    let days = crate::engine::consultation::days_between(c.start, first);
    if days <= 365 {
        return;
    }
    out.push(
        Severity::Warning,
        subject(cx, e),
        format!(
            "{}: the consultation recorded for {} started on {}, {} days before the first dismissal on {}: if these are a later wave's, record that consultation (its start and HR1).",
            what(e),
            e.employer_name,
            date(c.start),
            format_count(usize::try_from(days).unwrap_or(0)),
            date(first),
        ),
    );
}

/// Close to 20 (or to 100) within 90 days: a date moved or a decision changed brings the
/// duty (or the longer one).
fn near_a_threshold(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    let (n, near) = match (e.most_in_90_days, e.min_days) {
        (n @ 15..=19, 0) => (n, "the 20 that bring the duty to consult"),
        (n @ 90..=99, 30) => (n, "the 100 that bring 45 days of consultation"),
        _ => return,
    };
    out.push(
        Severity::Info,
        subject(cx, e),
        format!("{}: {n} within 90 days is near {near}; a date moved or one more decision would bring it.", what(e),),
    );
}

fn hr1_in_time(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    let (Some(c), Some(by), Some(first)) = (&e.consultation, e.hr1_by, e.first_dismissal) else { return };
    let Some(hr1) = c.hr1 else {
        out.push(
            Severity::Warning,
            subject(cx, e),
            format!("{}: HR1 must be filed by {} ({} days before the first dismissal on {}, and before any notice); no HR1 date is recorded.", what(e), date(by), e.min_days, date(first)),
        );
        return;
    };
    if hr1 <= by {
        return;
    }
    let before_notice = e.first_notice.is_some_and(|n| n <= hr1);
    out.push(
        Severity::Error,
        subject(cx, e),
        format!(
            "{}: HR1 filed on {} is late: it must be filed at least {} days before the first dismissal on {}{} — by {}. Failing to notify is an offence.",
            what(e),
            date(hr1),
            e.min_days,
            date(first),
            if before_notice {
                format!(" and before the first notice of dismissal, which would be given on {}", date(e.first_notice.unwrap_or(first)))
            } else {
                String::new()
            },
            date(by),
        ),
    );
}

fn exits_after_notice(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    let Some(c) = &e.consultation else { return };
    let Some(from) = c.notices_from else { return };
    let early: Vec<&str> = e
        .covered
        .iter()
        .zip(&e.covered_exits)
        .zip(&e.notice_runs_out)
        .filter(|((_, exit), runs_out)| runs_out.is_some_and(|x| **exit < x))
        .map(|((i, _), _)| cx.s.people.get(*i).map_or("", |p| p.id.as_str()))
        .collect();
    if early.is_empty() {
        return;
    }
    let some: Vec<&str> = early.iter().take(5).copied().collect();
    out.push(
        Severity::Error,
        subject(cx, e),
        format!(
            "{}: {} people leave before their notice, given from {}, can run out ({}{}). Move their exit dates, give notice sooner, or pay in lieu of notice where their contracts allow.",
            what(e),
            format_count(early.len()),
            date(from),
            some.join(", "),
            if early.len() > some.len() { ", …" } else { "" }
        ),
    );
}

/// People proposed for dismissal with no site are counted as one establishment: where that
/// brings the duty, say so.
fn site_recorded(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    if e.site.is_some() {
        return;
    }
    out.push(
        Severity::Info,
        subject(cx, e),
        format!(
            "{} of the people proposed for redundancy at {} have no site recorded: they are counted as one establishment, which may overstate the duty to consult. Record each person's site on the People tab.",
            format_count(e.dismissals.len()),
            e.employer_name
        ),
    );
}

/// A site that is not one of the employer's listed sites (when it lists them) is probably a
/// spelling that counts as an establishment of its own.
fn site_listed(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    let Some(site) = e.site.as_deref() else { return };
    let codes: Vec<&str> = match &e.employer {
        Employer::Icb(code) => vec![code.as_str()],
        Employer::Merged(ci) => {
            cx.s.clusters.get(*ci).map_or_else(Vec::new, |c| c.members.iter().map(String::as_str).collect())
        }
    };
    let listed: Vec<&str> =
        codes.iter().filter_map(|c| cx.s.organisation(c)).flat_map(|o| o.sites.iter().map(String::as_str)).collect();
    if listed.is_empty() || listed.iter().any(|x| x.trim().eq_ignore_ascii_case(site)) {
        return;
    }
    out.kind = "Sites";
    out.push(
        Severity::Warning,
        subject(cx, e),
        format!(
            "{} people proposed for redundancy are at \"{site}\", which is not one of {}'s sites ({}): it counts as an establishment of its own",
            format_count(e.dismissals.len()),
            e.employer_name,
            listed.join("; ")
        ),
    );
    out.kind = KIND;
}
