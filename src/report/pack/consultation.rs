//! The board pack's people-process pages: collective consultation and HR1 per employer and
//! site (the table of `cluster-planner consultation`), its findings, and the timeline.
//! Left out when no one is proposed for redundancy.

use std::fmt::Write as _;

use super::{MARGIN, PAGE_H, PAGE_W, PackOptions, Page, Table, table_pages};
use crate::engine::Summary;
use crate::engine::consultation::establishments;
use crate::model::Scenario;
use crate::model::money::{format_count, format_pounds};
use crate::report::svg::esc;
use crate::report::timeline::{ROW_H, Timeline, svg};

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.format("%-d %b %Y").to_string())
}

pub(super) fn pages(s: &Scenario, _sum: &Summary, o: &PackOptions) -> Vec<Page> {
    let all = establishments(s);
    if all.is_empty() {
        return Vec::new();
    }
    // An employer's heading says what it has recorded; its sites are the rows under it.
    let columns = [
        ("Employer, then each site", 762.0),
        ("Proposed", 40.0),
        ("Most in 90 days", 40.0),
        ("Minimum", 40.0),
        ("First dismissal", 40.0),
        ("Start by", 40.0),
        ("HR1 by", 40.0),
        ("Award at risk", 40.0),
    ];
    let table = Table::new(&columns, 1);
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    let mut employer = None;
    for e in &all {
        if employer != Some(&e.employer) {
            employer = Some(&e.employer);
            // Dates after the pack's date are planned, not done.
            let when = |d: chrono::NaiveDate| {
                if d > o.date { format!("planned {}", date(Some(d))) } else { date(Some(d)) }
            };
            let recorded = e.consultation.as_ref().map_or_else(
                || "no consultation recorded".to_owned(),
                |c| format!("from {}; HR1 {}", when(c.start), c.hr1.map_or_else(|| "not recorded".to_owned(), when)),
            );
            let mut heading = vec![format!("{}: {recorded}", e.employer_name)];
            heading.extend(std::iter::repeat_n(String::new(), 7));
            rows.push((heading, true));
        }
        let duty = e.duty();
        let when = |d: Option<chrono::NaiveDate>| if duty { date(d) } else { String::new() };
        rows.push((
            vec![
                format!("  {}", e.site.as_deref().unwrap_or("no site recorded")),
                if e.decided == e.dismissals.len() {
                    format_count(e.dismissals.len())
                } else {
                    format!("{} ({} decided)", format_count(e.dismissals.len()), format_count(e.decided))
                },
                format_count(e.most_in_90_days),
                if duty {
                    format!("{} days", e.min_days)
                } else if e.most_in_90_days >= 15 {
                    "no duty (near)".to_owned()
                } else {
                    "no duty".to_owned()
                },
                when(e.first_dismissal),
                when(e.consult_by),
                when(e.hr1_by),
                if duty { format_pounds(e.exposure) } else { String::new() },
            ],
            false,
        ));
        findings.extend(crate::validate::consultation::findings_of(s, e).into_iter().map(|f| f.message));
    }
    let mut intro = "People proposed for redundancy per employer and site: compulsory and voluntary redundancies, and those at risk or ring-fenced (the proposal starts the duty; not MARS, redeployment or transfer). 20 or more at one site within 90 days: consult for at least 30 days before the first dismissal and before any notice, 100 or more: 45, and file HR1 by then (TULRCA 1992 s188, s193). A merged ICB is one employer from its merger date. The award at risk is a protective award of up to 180 days' pay for each person (90 for dismissals before 6 April 2026): a risk, not a cost. Not legal advice.".to_owned();
    if findings.is_empty() {
        intro.push_str(" No finding on the dates recorded. The check knows only the plan's dates and sites: not the representatives, the s188(4) letter, or a later wave's consultation.");
    } else {
        // Listed after the table, a finding a row: at national scale they were a page of
        // running text above it.
        let n = findings.len();
        let _ = write!(
            intro,
            " {} on the dates recorded: listed after the table.",
            if n == 1 { "One finding".to_owned() } else { format!("{} findings", format_count(n)) }
        );
    }
    let mut pages = table_pages("People process: collective consultation and HR1", &table, &rows, &intro);
    if !findings.is_empty() {
        let columns = [("Finding", PAGE_W - 2.0 * MARGIN)];
        let list: Vec<(Vec<String>, bool)> = findings.into_iter().map(|f| (vec![f], false)).collect();
        let intro = "What the check found on the plan's dates and sites, employer by employer and site by site. Not legal advice.";
        pages.extend(table_pages("People process: consultation findings", &Table::new(&columns, 1), &list, intro));
    }
    pages.extend(timeline_pages(s, o));
    pages.extend(pools(s));
    pages
}

/// The selection pools: each pool's posts and candidates, and how the selection stands.
fn pools(s: &Scenario) -> Vec<Page> {
    use crate::model::Selection;
    let all: Vec<_> = s.clusters.iter().flat_map(|c| c.pools.iter().map(move |p| (c, p))).collect();
    if all.is_empty() {
        return Vec::new();
    }
    let columns = [
        ("Cluster · pool", 762.0),
        ("Posts", 40.0),
        ("Candidates", 40.0),
        ("Appointed", 40.0),
        ("Not appointed", 40.0),
        ("Withdrew", 40.0),
        ("To decide", 40.0),
    ];
    let table = Table::new(&columns, 1);
    let count = |p: &crate::model::Pool, f: &dyn Fn(&Selection) -> bool| {
        format_count(p.candidates.iter().filter(|c| f(&c.result)).count())
    };
    let rows: Vec<(Vec<String>, bool)> = all
        .iter()
        .map(|(c, p)| {
            (
                vec![
                    format!("{} · {}", c.name, p.name),
                    format_count(p.posts.len()),
                    format_count(p.candidates.len()),
                    count(p, &|r| matches!(r, Selection::Appointed(_))),
                    count(p, &|r| *r == Selection::NotAppointed),
                    count(p, &|r| *r == Selection::Withdrew),
                    count(p, &|r| *r == Selection::Pending),
                ],
                false,
            )
        })
        .collect();
    let intro = "A ring-fenced pool is a set of posts and the people competing for them (more candidates than posts: competitive slot-in). Not appointed and withdrawn candidates are at risk.";
    table_pages("People process: selection pools", &table, &rows, intro)
}

/// The timeline, as many pages as its rows need at full size.
fn timeline_pages(s: &Scenario, o: &PackOptions) -> Vec<Page> {
    let mut t = Timeline::new(s, o.date);
    let all = std::mem::take(&mut t.rows);
    let room = PAGE_H - 80.0 - 60.0 - 60.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let per = ((room / ROW_H).floor() as usize).max(1);
    let chunks: Vec<Vec<_>> =
        if all.is_empty() { vec![Vec::new()] } else { all.chunks(per).map(<[_]>::to_vec).collect() };
    let n = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(k, rows)| {
            t.rows = rows;
            let (drawn, height) = svg(&t, PAGE_W - 2.0 * MARGIN);
            let mut body = String::new();
            let _ = write!(body, r#"<g transform="translate({MARGIN} 78)">{drawn}</g>"#);
            let caption = "Each row: the consultation as recorded, to the first dismissal, with the day its minimum ends; HR1 filed (filled) and due (hollow); the notice period before the first dismissal; the exits, with how many leave each day. A row in bold orange has a finding.";
            for (i, line) in crate::report::measure::wrap(caption, 9.0, false, PAGE_W - 2.0 * MARGIN).iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let y = 78.0 + height + 16.0 + 11.0 * i as f64;
                let _ = write!(
                    body,
                    r#"<text x="{MARGIN}" y="{y:.1}" font-size="9" fill="{}">{}</text>"#,
                    crate::report::style::MUTED,
                    esc(line)
                );
            }
            let title = if n > 1 {
                format!("People process: the consultation timeline ({} of {n})", k + 1)
            } else {
                "People process: the consultation timeline".to_owned()
            };
            Page { title, body }
        })
        .collect()
}
