//! The per-ICB and per-cluster summary as a text table and as JSON. Both come from the
//! same [`Summary`], so the figures agree to the penny with everything else.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::style::{figures, short_name, shorten};
use crate::appraisal::{Candidate, Comparison};
use crate::engine::{Line, Summary};
use crate::model::Scenario;
use crate::model::money::{format_pounds, format_pounds_pence};

fn line_json(l: &Line) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("population".into(), json!(l.population));
    m.insert("baseline_pence".into(), json!(l.baseline));
    m.insert("planned_pence".into(), json!(l.planned));
    m.insert("target_pence".into(), json!(l.target));
    m.insert("gap_pence".into(), json!(l.gap()));
    m.insert("transferred_out_pence".into(), json!(l.transferred_out));
    m.insert("reduction_bp".into(), json!(l.reduction_bp()));
    m.insert("planned_per_head_pence".into(), json!(l.planned_per_head()));
    m.insert("one_off_pence".into(), json!(l.one_off));
    m.insert("still_to_save_pence".into(), json!(l.still_to_save));
    m.insert("surplus_pence".into(), json!(l.surplus));
    m
}

/// The `summary --json` document.
#[must_use]
pub fn summary_json(s: &Scenario, sum: &Summary) -> Value {
    let orgs: Vec<Value> = sum
        .organisations
        .iter()
        .map(|o| {
            let mut m = serde_json::Map::new();
            m.insert("code".into(), json!(o.code));
            m.insert("name".into(), json!(o.name));
            m.extend(line_json(&o.line));
            m.insert("cluster".into(), json!(o.cluster.map(|c| s.clusters[c].name.clone())));
            m.insert("in_scope".into(), json!(o.in_scope));
            m.insert("explicit_target".into(), json!(o.explicit_target));
            m.insert("baseline_is_allowance".into(), json!(o.baseline_is_allowance));
            Value::Object(m)
        })
        .collect();
    let clusters: Vec<Value> = sum
        .clusters
        .iter()
        .map(|c| {
            let mut m = serde_json::Map::new();
            m.insert("name".into(), json!(c.name));
            m.insert("members".into(), json!(c.members));
            m.extend(line_json(&c.line));
            m.insert("posts".into(), json!(c.posts));
            m.insert("vacant_posts".into(), json!(c.vacant_posts));
            // Only for a cluster that becomes a merged ICB (the files before mergers read as
            // they did).
            if let Some(from) = c.merger_from {
                m.insert("merger_from".into(), json!(from.to_string()));
                m.insert("merged_by_target_date".into(), json!(c.merged));
            }
            Value::Object(m)
        })
        .collect();
    let outcomes: serde_json::Map<String, Value> =
        sum.outcomes.iter().map(|(k, t)| (k.key().to_owned(), json!(t.count))).collect();
    json!({
        "scenario": s.name,
        "envelope_per_head_pence": s.assumptions.envelope_per_head_pence,
        "target_date": s.assumptions.target_date.to_string(),
        "organisations": orgs,
        "clusters": clusters,
        "totals": Value::Object(line_json(&sum.totals)),
        "one_off_pence": sum.one_off.total(),
        "redundancy_pence": sum.one_off.redundancy,
        "mars_pence": sum.one_off.mars,
        "one_off_no_icb_pence": sum.one_off.no_icb,
        "net_recurrent_saving_pence": sum.totals.net_recurrent_saving(),
        "payback_months": sum.payback_months(),
        "pay_protection_pence": sum.pay_protection.at_target,
        "pay_protection_over_period_pence": sum.pay_protection.over_period,
        "outcomes": outcomes,
    })
}

fn row(out: &mut String, label: &str, l: &Line) {
    let [baseline, planned, target, still, surplus, per_head, _] = figures(l);
    let _ = writeln!(
        out,
        "{:<44} {baseline:>14} {planned:>14} {target:>14} {still:>14} {surplus:>14} {per_head:>9}",
        shorten(label, 44)
    );
}

/// The `summary` table: every cluster with its ICBs, the ICBs in no cluster, and totals.
#[must_use]
pub fn summary_table(s: &Scenario, sum: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", s.name);
    let _ = writeln!(
        out,
        "Envelope {} per head of {} by {}. {}\n",
        format_pounds_pence(s.assumptions.envelope_per_head_pence),
        s.assumptions.population_basis.label(),
        s.assumptions.target_date.format("%-d %B %Y"),
        super::style::still_to_save_rule(sum)
    );
    let _ = writeln!(
        out,
        "{:<44} {:>14} {:>14} {:>14} {:>14} {:>14} {:>9}",
        "Cluster / ICB", "Baseline", "Planned", "Target", "Still to save", "Surplus", "Per head"
    );
    let rule = "-".repeat(44 + 15 * 5 + 10);
    let _ = writeln!(out, "{rule}");
    for c in &sum.clusters {
        row(&mut out, &super::style::cluster_label(c), &c.line);
        let until = super::style::until(c);
        for m in &c.members {
            if let Some(o) = sum.org(m) {
                row(&mut out, &format!("  {} {}{until}", o.code, short_name(&o.name)), &o.line);
            }
        }
    }
    let chosen: Vec<_> = sum.organisations.iter().filter(|o| o.cluster.is_none() && o.in_scope).collect();
    if !chosen.is_empty() {
        let _ = writeln!(out, "In scope, in no cluster");
        for o in chosen {
            row(&mut out, &format!("  {} {}", o.code, short_name(&o.name)), &o.line);
        }
    }
    let _ = writeln!(out, "{rule}");
    row(&mut out, &super::style::total_label(sum), &sum.totals);
    let out_of_scope: Vec<_> = sum.organisations.iter().filter(|o| !o.in_scope).collect();
    if !out_of_scope.is_empty() {
        let _ = writeln!(out, "Out of scope (in no cluster, not in the total)");
        for o in out_of_scope {
            row(&mut out, &format!("  {} {}", o.code, short_name(&o.name)), &o.line);
        }
    }
    let _ = writeln!(out);
    let allowances = sum.allowance_baselines();
    if allowances > 0 {
        let _ = writeln!(out, "Note: {}\n", super::style::allowance_caveat(allowances));
    }
    if sum.totals.transferred_out != 0 {
        let _ = writeln!(
            out,
            "Transferred out with functions (moved, not saved): {}",
            format_pounds(sum.totals.transferred_out)
        );
    }
    let _ = writeln!(
        out,
        "One-off costs: {} (redundancy {} for {} people; MARS {} for {} people)",
        format_pounds(sum.one_off.total()),
        format_pounds(sum.one_off.redundancy),
        sum.one_off.redundancy_people,
        format_pounds(sum.one_off.mars),
        sum.one_off.mars_people
    );
    let _ = writeln!(
        out,
        "Net recurrent saving: {} a year; payback {}",
        format_pounds(sum.totals.net_recurrent_saving()),
        sum.payback_months().map_or_else(|| "n/a (no saving)".to_owned(), |m| format!("{m} months"))
    );
    let people: Vec<String> =
        sum.outcomes.iter().filter(|(_, t)| t.count > 0).map(|(k, t)| format!("{} {}", k.label(), t.count)).collect();
    if !people.is_empty() {
        let _ = writeln!(out, "People: {}", people.join(" · "));
    }
    out
}

/// The comparison as JSON: per option the figures of `summary --json`, its role,
/// `net_saving_pence`, `npv_pence`, `payback_months`, the waterfall, and `delta_*`
/// against the base for every figure of its line, and `changes`: what changed from the
/// base, group by group, with each group's count and cost.
#[must_use]
pub fn comparison_json(c: &Comparison) -> Value {
    let base_line = c.line(&c.base);
    let one = |x: &Candidate| {
        let a = c.appraise(x);
        let mut m = serde_json::Map::new();
        m.insert("name".into(), json!(x.name));
        m.insert("role".into(), json!(x.role.label()));
        m.insert("summary".into(), summary_json(&x.scenario, &x.summary));
        for (key, v, b) in [
            ("baseline", a.line.baseline, base_line.baseline),
            ("planned", a.line.planned, base_line.planned),
            ("still_to_save", a.line.still_to_save, base_line.still_to_save),
            ("surplus", a.line.surplus, base_line.surplus),
            ("transferred_out", a.line.transferred_out, base_line.transferred_out),
            ("one_off", a.line.one_off, base_line.one_off),
        ] {
            m.insert(format!("{key}_pence"), json!(v));
            m.insert(format!("delta_{key}_pence"), json!(v - b));
        }
        m.insert("target_pence".into(), json!(a.line.target));
        m.insert("net_saving_pence".into(), json!(a.net_saving));
        m.insert("npv_pence".into(), json!(a.npv));
        m.insert("payback_months".into(), json!(a.payback_months));
        let w = a.waterfall;
        m.insert(
            "waterfall_pence".into(),
            json!({
                "base": w.base,
                "other_baseline": w.other_baseline,
                "roles_of_people_placed": w.roles_of_people_placed,
                "posts_added": w.posts_added,
                "non_pay": w.non_pay,
                "people_leaving": w.people_leaving,
                "moved_out": w.moved_out,
                "option": w.option,
            }),
        );
        if !std::ptr::eq(x, &c.base) {
            let list = crate::edit::diff::changes(&c.base.scenario, &c.base.summary, &x.scenario, &x.summary);
            let groups: Vec<Value> = list
                .groups
                .iter()
                .map(|g| {
                    json!({
                        "section": g.section.label(),
                        "change": g.title,
                        "count": g.items.len(),
                        "cost_pence": g.cost(),
                        "one_off_pence": g.one_off(),
                    })
                })
                .collect();
            m.insert("changes".into(), json!(groups));
        }
        Value::Object(m)
    };
    json!({
        "appraisal_years": c.years,
        "discount_rate_bp": c.rate.0,
        "compared_on": if c.coverage.same() { "all ICBs in scope".to_owned() } else {
            format!("the {} ICBs common to all (merged ICBs counted ICB by ICB)", c.coverage.common.len())
        },
        "only_in": c.coverage.only_in.iter().filter(|(_, c)| !c.is_empty())
            .map(|(n, c)| json!({ "option": n, "icbs": c })).collect::<Vec<_>>(),
        "base": one(&c.base),
        "options": c.options.iter().map(one).collect::<Vec<_>>(),
    })
}
