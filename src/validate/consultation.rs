//! Collective consultation and HR1 (TULRCA 1992 s188 and s193), employer by employer and
//! site by site: the duty from 20 dismissals at one establishment within 90 days, a
//! consultation that starts too late for the first dismissal, HR1 late or after a notice,
//! exits before notice can run out. The figures are `engine::consultation`'s. Not legal
//! advice.

use super::{Context, Findings, Severity, Subject};
use crate::engine::consultation::{Employer, Establishment, earliest_exit, establishments, exit_date};
use crate::model::money::{format_count, format_pounds};

/// What the findings of these checks are grouped under.
pub const KIND: &str = "Collective consultation and HR1";

/// The consultation checks: one function per rule, over every establishment.
pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    for e in &establishments(cx.s) {
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
        hr1_in_time(&cx, e, &mut out);
        exits_after_notice(&cx, e, &mut out);
        site_recorded(&cx, e, &mut out);
    }
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

/// "20 redundancies at Leicester site" / "… with no site recorded", with the busiest 90 days.
fn what(e: &Establishment) -> String {
    let at = e.site.as_deref().map_or_else(|| "with no site recorded".to_owned(), |s| format!("at {s}"));
    let (a, b) = e.busiest.unwrap_or_default();
    format!(
        "{} proposed redundancies {at} ({} within 90 days, {} to {})",
        format_count(e.dismissals.len()),
        format_count(e.most_in_90_days),
        date(a),
        date(b)
    )
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
            format_pounds(e.exposure),
            by = date(by),
            hr1 = date(hr1),
        ),
    );
}

fn consultation_long_enough(cx: &Cx<'_>, e: &Establishment, out: &mut Findings) {
    let (Some(c), Some(first)) = (&e.consultation, e.first_dismissal) else { return };
    let lawful_from = crate::engine::consultation::plus(c.start, u64::from(e.min_days));
    let early = e.covered.iter().filter(|&&i| exit_date(cx.s, &cx.s.people[i]) < lawful_from).count();
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
            format_pounds(e.exposure),
        ),
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
        .map(|&i| &cx.s.people[i])
        .filter(|p| earliest_exit(cx.s, p, Some(c)).is_some_and(|x| exit_date(cx.s, p) < x))
        .map(|p| p.id.as_str())
        .collect();
    if early.is_empty() {
        return;
    }
    let some: Vec<&str> = early.iter().take(5).copied().collect();
    out.push(
        Severity::Error,
        subject(cx, e),
        format!(
            "{}: {} people leave before their notice, given from {}, can run out ({}{}). Move their exit dates or give notice sooner.",
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
