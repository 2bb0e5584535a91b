//! `consultation FILE [--json]`: collective consultation per employer and site — the people
//! proposed for dismissal, the busiest 90 days, the minimum consultation, by when it must
//! start and HR1 be filed, the first dismissal, what is recorded, the protective award at
//! risk and the findings. Exit 1 when a finding is an error. Not legal advice.

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::engine::consultation::{Establishment, establishments};
use cluster_planner::model::money::{format_count, format_pounds};
use cluster_planner::validate::Severity;
use cluster_planner::validate::consultation::findings_of;
use serde_json::json;

use super::{Outcome, load};

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.format("%-d %b %Y").to_string())
}

fn iso(d: Option<chrono::NaiveDate>) -> serde_json::Value {
    d.map_or(serde_json::Value::Null, |d| json!(d.to_string()))
}

pub fn run(path: &Path, as_json: bool) -> Outcome {
    let s = load(path)?;
    let all = establishments(&s);
    let found: Vec<_> = all.iter().map(|e| findings_of(&s, e)).collect();
    let errors = found.iter().flatten().any(|f| f.severity == Severity::Error);
    if as_json {
        let list: Vec<_> = all.iter().zip(&found).map(|(e, f)| one_json(e, f)).collect();
        out!("{}", serde_json::to_string_pretty(&json!({ "establishments": list })).unwrap_or_default())?;
    } else {
        out!("Collective consultation (TULRCA 1992 s188 and s193) per employer and site. Not legal advice.")?;
        if all.is_empty() {
            out!("No one is proposed for redundancy (compulsory or voluntary).")?;
        }
        for (e, f) in all.iter().zip(&found) {
            table(e, f)?;
        }
    }
    Ok(if errors { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn table(e: &Establishment, findings: &[cluster_planner::validate::Finding]) -> Result<(), super::Failure> {
    out!()?;
    out!("{} · {}", e.employer_name, e.site.as_deref().unwrap_or("no site recorded"))?;
    let when = match e.busiest {
        Some((a, b)) if a == b => format!("on {}", date(Some(a))),
        Some((a, b)) => format!("{} to {}", date(Some(a)), date(Some(b))),
        None => String::new(),
    };
    out!(
        "  proposed redundancies {} ({} decided; {} at risk or ring-fenced) · most in 90 days {} ({when})",
        format_count(e.dismissals.len()),
        format_count(e.decided),
        format_count(e.dismissals.len() - e.decided),
        format_count(e.most_in_90_days),
    )?;
    if !e.duty() {
        out!("  under 20 in any 90 days: no duty to consult collectively or to file HR1")?;
        for f in findings {
            out!("  {}: {}", f.severity.label(), f.message)?;
        }
        return Ok(());
    }
    out!(
        "  minimum consultation {} days · first dismissal {} · start consulting by {} · HR1 by {} · first notice {}",
        e.min_days,
        date(e.first_dismissal),
        date(e.consult_by),
        date(e.hr1_by),
        date(e.first_notice)
    )?;
    match &e.consultation {
        Some(c) => out!(
            "  recorded: consultation from {} · HR1 {} · notices from {}",
            date(Some(c.start)),
            date(c.hr1),
            date(c.notices_from)
        )?,
        None => out!("  recorded: no consultation")?,
    }
    out!(
        "  protective award at risk (a risk, not a cost): {} ({} days' pay each)",
        format_pounds(e.exposure),
        e.award_days
    )?;
    for f in findings {
        out!("  {}: {}", f.severity.label(), f.message)?;
    }
    Ok(())
}

fn one_json(e: &Establishment, findings: &[cluster_planner::validate::Finding]) -> serde_json::Value {
    let (a, b) = e.busiest.map_or((None, None), |(a, b)| (Some(a), Some(b)));
    json!({
        "employer": e.employer_name,
        "site": e.site,
        "proposed": e.dismissals.len(),
        "decided": e.decided,
        "most_in_90_days": e.most_in_90_days,
        "window_from": iso(a),
        "window_to": iso(b),
        "min_days": e.min_days,
        "duty": e.duty(),
        "first_dismissal": iso(e.first_dismissal),
        "consult_by": iso(e.consult_by),
        "hr1_by": iso(e.hr1_by),
        "first_notice": iso(e.first_notice),
        "consultation_start": iso(e.consultation.as_ref().map(|c| c.start)),
        "hr1": iso(e.consultation.as_ref().and_then(|c| c.hr1)),
        "notices_from": iso(e.consultation.as_ref().and_then(|c| c.notices_from)),
        "protective_award_risk_pence": e.exposure,
        "protective_award_days": e.award_days,
        "findings": findings.iter().map(|f| json!({ "severity": f.severity.label(), "message": f.message })).collect::<Vec<_>>(),
    })
}
