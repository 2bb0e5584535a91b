//! Assumptions: every rate and parameter of the cost engine, with its unit and source,
//! edited as text and applied in one undoable step.

use chrono::NaiveDate;

use crate::edit::Document;
use crate::edit::Edit;
use crate::model::money::{Pence, Rate};
use crate::model::{Assumptions, MonthRule};
use crate::ui::command::Commands;

/// One editable figure: label, unit, source, how to show it and how to set it.
struct Field {
    label: &'static str,
    unit: &'static str,
    source: &'static str,
    get: fn(&Assumptions) -> String,
    set: fn(&mut Assumptions, &str) -> Result<(), String>,
}

fn pounds(p: Pence) -> String {
    let (a, b) = (p / 100, p % 100);
    if b == 0 { a.to_string() } else { format!("{a}.{b:02}") }
}

fn parse_pounds(t: &str) -> Result<Pence, String> {
    crate::model::money::parse_pounds(t)
        .ok_or_else(|| format!("\"{t}\" is not an amount in pounds such as 23,000 or 18.76"))
}

fn parse_rate(t: &str) -> Result<Rate, String> {
    Rate::parse(t)
}

fn parse_count(t: &str) -> Result<u32, String> {
    t.trim().parse().map_err(|_| format!("\"{t}\" is not a whole number"))
}

fn parse_date(t: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| format!("\"{t}\" is not a date written 2025-12-31"))
}

const FIELDS: &[Field] = &[
    Field {
        label: "Employer NI rate",
        unit: "%",
        source: "gov.uk, from 6 April 2025",
        get: |a| a.employer_ni_rate.to_string().trim_end_matches('%').to_owned(),
        set: |a, t| {
            a.employer_ni_rate = parse_rate(t)?;
            Ok(())
        },
    },
    Field {
        label: "Employer NI threshold",
        unit: "£ a year",
        source: "gov.uk (£96 a week)",
        get: |a| pounds(a.employer_ni_threshold_pence),
        set: |a, t| {
            a.employer_ni_threshold_pence = parse_pounds(t)?;
            Ok(())
        },
    },
    Field {
        label: "Employer pension, paid locally",
        unit: "%",
        source: "NHSBSA 2025/26",
        get: |a| a.pension_local_rate.to_string().trim_end_matches('%').to_owned(),
        set: |a, t| {
            a.pension_local_rate = parse_rate(t)?;
            Ok(())
        },
    },
    Field {
        label: "Employer pension, paid centrally (full cost only)",
        unit: "%",
        source: "NHSBSA 2025/26",
        get: |a| a.pension_central_rate.to_string().trim_end_matches('%').to_owned(),
        set: |a, t| {
            a.pension_central_rate = parse_rate(t)?;
            Ok(())
        },
    },
    Field {
        label: "Apprenticeship levy",
        unit: "%",
        source: "HMRC",
        get: |a| a.apprenticeship_levy_rate.to_string().trim_end_matches('%').to_owned(),
        set: |a, t| {
            a.apprenticeship_levy_rate = parse_rate(t)?;
            Ok(())
        },
    },
    Field {
        label: "Running-cost envelope",
        unit: "£ per head",
        source: "Model ICB Blueprint, May 2025",
        get: |a| pounds(a.envelope_per_head_pence),
        set: |a, t| {
            a.envelope_per_head_pence = parse_pounds(t)?;
            Ok(())
        },
    },
    Field {
        label: "Target date",
        unit: "date",
        source: "end of Q3 2025/26",
        get: |a| a.target_date.to_string(),
        set: |a, t| {
            a.target_date = parse_date(t)?;
            Ok(())
        },
    },
    Field {
        label: "Trajectory starts",
        unit: "date",
        source: "start of 2025/26",
        get: |a| a.trajectory_start.to_string(),
        set: |a, t| {
            a.trajectory_start = parse_date(t)?;
            Ok(())
        },
    },
    Field {
        label: "Redundancy: months per complete year",
        unit: "months",
        source: "AfC Section 16 (NHS Employers)",
        get: |a| a.redundancy.months_per_year.to_string(),
        set: |a, t| {
            a.redundancy.months_per_year = parse_count(t)?;
            Ok(())
        },
    },
    Field {
        label: "Redundancy: most months",
        unit: "months",
        source: "AfC Section 16",
        get: |a| a.redundancy.max_months.to_string(),
        set: |a, t| {
            a.redundancy.max_months = parse_count(t)?;
            Ok(())
        },
    },
    Field {
        label: "Redundancy: salary floor",
        unit: "£ a year",
        source: "AfC Section 16",
        get: |a| pounds(a.redundancy.floor_pence),
        set: |a, t| {
            a.redundancy.floor_pence = parse_pounds(t)?;
            Ok(())
        },
    },
    Field {
        label: "Redundancy: salary cap",
        unit: "£ a year",
        source: "AfC Section 16",
        get: |a| pounds(a.redundancy.cap_pence),
        set: |a, t| {
            a.redundancy.cap_pence = parse_pounds(t)?;
            Ok(())
        },
    },
    Field {
        label: "Redundancy: years of service needed",
        unit: "years",
        source: "AfC Section 16",
        get: |a| a.redundancy.min_service_years.to_string(),
        set: |a, t| {
            a.redundancy.min_service_years = parse_count(t)?;
            Ok(())
        },
    },
    Field {
        label: "MARS: months per year (placeholder)",
        unit: "months",
        source: "set from your local scheme",
        get: |a| a.mars.months_per_year.to_string(),
        set: |a, t| {
            a.mars.months_per_year = parse_count(t)?;
            Ok(())
        },
    },
    Field {
        label: "MARS: most months (placeholder)",
        unit: "months",
        source: "set from your local scheme",
        get: |a| a.mars.max_months.to_string(),
        set: |a, t| {
            a.mars.max_months = parse_count(t)?;
            Ok(())
        },
    },
    Field {
        label: "MARS: salary cap",
        unit: "£ a year",
        source: "NHS Employers Section 20 (£80,000)",
        get: |a| pounds(a.mars.cap_pence),
        set: |a, t| {
            a.mars.cap_pence = parse_pounds(t)?;
            Ok(())
        },
    },
    Field {
        label: "MARS: years of service needed",
        unit: "years",
        source: "typical local schemes",
        get: |a| a.mars.min_service_years.to_string(),
        set: |a, t| {
            a.mars.min_service_years = parse_count(t)?;
            Ok(())
        },
    },
];

#[derive(Debug, Default)]
pub struct AssumptionsView {
    text: Vec<String>,
    weekly_rule: bool,
    programme: bool,
    loaded_for: u64,
    pub error: Option<String>,
}

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut AssumptionsView, cmds: &mut Commands) {
    let a = &doc.scenario.assumptions;
    if view.loaded_for != doc.revision || view.text.len() != FIELDS.len() {
        view.text = FIELDS.iter().map(|f| (f.get)(a)).collect();
        view.weekly_rule = a.redundancy.month_rule == MonthRule::GreaterOfTwelfthOrWeekly;
        view.programme = a.count_programme_posts;
        view.loaded_for = doc.revision;
        view.error = None;
    }
    ui.heading("Assumptions");
    ui.label(format!(
        "As at {}; pay table {}. Change a figure and press Apply: the whole change is one undo step.",
        a.as_at, a.pay_year
    ));
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("assumptions").striped(true).num_columns(4).show(ui, |ui| {
            for (f, text) in FIELDS.iter().zip(view.text.iter_mut()) {
                let l = ui.label(f.label);
                ui.add(egui::TextEdit::singleline(text).desired_width(110.0)).labelled_by(l.id);
                ui.label(f.unit);
                ui.label(egui::RichText::new(f.source).weak());
                ui.end_row();
            }
        });
        ui.checkbox(&mut view.weekly_rule, "Redundancy month = greater of 1/12 and 4.35 weeks' pay")
            .on_hover_text("Off: one twelfth of annual pay. On: the 'more beneficial' Employment Rights Act method.");
        ui.checkbox(&mut view.programme, "Count programme-funded posts")
            .on_hover_text("The £/head envelope covers running costs and programme pay, so these count by default");
        ui.horizontal(|ui| {
            if ui.button("Apply").on_hover_text("Recompute every figure with these assumptions").clicked() {
                let mut next = a.clone();
                let mut problems = Vec::new();
                for (f, text) in FIELDS.iter().zip(&view.text) {
                    if let Err(e) = (f.set)(&mut next, text) {
                        problems.push(format!("{}: {e}", f.label));
                    }
                }
                next.redundancy.month_rule =
                    if view.weekly_rule { MonthRule::GreaterOfTwelfthOrWeekly } else { MonthRule::OneTwelfth };
                next.count_programme_posts = view.programme;
                if problems.is_empty() {
                    if next != *a {
                        cmds.edit(Edit::SetAssumptions(Box::new(next)));
                    }
                    view.error = None;
                } else {
                    view.error = Some(problems.join("\n"));
                }
            }
            if ui.button("Reset").on_hover_text("Go back to the figures in the scenario").clicked() {
                view.loaded_for = 0;
            }
        });
        if let Some(e) = &view.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_round_trips_through_its_text() {
        let a = Assumptions::default();
        let mut b = Assumptions { employer_ni_rate: Rate(0), ..Assumptions::default() };
        for f in FIELDS {
            (f.set)(&mut b, &(f.get)(&a)).unwrap_or_else(|e| panic!("{}: {e}", f.label));
        }
        assert_eq!(a, b);
        assert_eq!(parse_pounds("£23,000"), Ok(2_300_000));
        assert_eq!(parse_pounds("18.76"), Ok(1876));
        assert!(parse_pounds("18.765").is_err());
        assert!(parse_date("31/12/2025").is_err());
    }
}
