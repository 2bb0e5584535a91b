//! The ICBs tab: every ICB's figures, typed in place. Population and its basis, baseline and
//! planned non-pay, and an explicit target with its reason (or back to the envelope); and
//! whether an ICB in no cluster is in the plan's scope. Each cell is applied when the user
//! leaves it (Tab, Enter or a click elsewhere) as one undoable edit; Tab moves along the row.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::ui::widgets::sideways;

use crate::edit::{Document, Edit};
use crate::model::Organisation;
use crate::model::money::{format_count, format_pounds, format_pounds_pence, parse_pounds};
use crate::report::short_name;
use crate::ui::command::Commands;

/// The typed-in columns, in order.
const CELLS: [(&str, &str); 8] = [
    ("Population", "GP-registered population: the £ per head target's population unless the assumptions say weighted"),
    (
        "Weighted population",
        "Needs-weighted population: the £ per head target's population when the assumptions say weighted",
    ),
    ("Population basis", "What the populations are: their year and source"),
    (
        "Running cost allowance",
        "The ICB's running cost allowance (£ a year), for reference: not used in the gap. Not published for 2026/27: type it in",
    ),
    ("Baseline non-pay", "Running cost not itemised as people: non-pay, and pay not yet loaded as a staff list"),
    ("Planned non-pay", "The same in the plan; leave empty for no change from the baseline"),
    ("Explicit target", "A target set by hand (£ a year) instead of population × envelope; empty for the envelope"),
    ("Reason for the target", "Where the explicit target comes from, e.g. published board target, regional agreement"),
];
const N: usize = CELLS.len();

#[derive(Debug, Default)]
pub struct IcbsView {
    /// The text of each cell, per ICB, as loaded from the document or being typed.
    text: Vec<[String; N]>,
    loaded_for: u64,
    /// What was wrong with the last cell typed: (ICB, message).
    pub error: Option<(String, String)>,
}

/// Money as a cell shows it: "£13,542,277.27", or "£5,000,000" when whole pounds (read back
/// the same, as typed figures are).
fn pounds_text(p: Option<i64>) -> String {
    p.map(|p| if p % 100 == 0 { format_pounds(p) } else { format_pounds_pence(p) }).unwrap_or_default()
}

fn count_text(n: Option<u64>) -> String {
    n.map(|p| format_count(usize::try_from(p).unwrap_or(usize::MAX))).unwrap_or_default()
}

fn cells_of(o: &Organisation) -> [String; N] {
    [
        count_text(o.population),
        count_text(o.weighted_population),
        o.population_basis.clone(),
        pounds_text(o.running_cost_allowance_pence),
        pounds_text(Some(o.baseline_non_pay_pence)),
        pounds_text(o.planned_non_pay_pence),
        pounds_text(o.target_override_pence),
        o.target_note.clone(),
    ]
}

/// Money typed in a cell: empty is none; "£1,234.50" and "1234.5" are read.
fn money(text: &str) -> Result<Option<i64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_pounds(text).map(Some).ok_or_else(|| format!("\"{text}\" is not an amount in pounds such as 1,250,000"))
}

/// A population typed in a cell: empty is none; "1,238,148" is read.
fn population(text: &str) -> Result<Option<u64>, String> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .replace([',', ' '], "")
            .parse::<u64>()
            .map(Some)
            .map_err(|_| format!("\"{t}\" is not a population such as 1,238,148")),
    }
}

/// The edit a changed cell makes, or why the text cannot be used.
fn edit_for(o: &Organisation, cell: usize, cells: &[String; N]) -> Result<Edit, String> {
    let org = o.code.clone();
    let edit = match cell {
        0..=2 => Edit::SetPopulation {
            org,
            population: population(&cells[0])?,
            basis: cells[2].trim().to_owned(),
            weighted: population(&cells[1])?,
        },
        3 => Edit::SetAllowance { org, allowance_pence: money(&cells[3])? },
        4 | 5 => {
            let baseline = money(&cells[4])?.unwrap_or(0);
            Edit::SetNonPay { org, baseline_pence: baseline, planned_pence: money(&cells[5])? }
        }
        _ => {
            // The reason is asked for, not required: a finding says when it is missing.
            let target = money(&cells[6])?;
            let note = if target.is_some() { cells[7].trim().to_owned() } else { String::new() };
            Edit::SetTarget { org, target_pence: target, note }
        }
    };
    Ok(edit)
}

impl IcbsView {
    fn refresh(&mut self, doc: &Document) {
        if self.loaded_for != doc.revision || self.text.len() != doc.scenario.organisations.len() {
            self.text = doc.scenario.organisations.iter().map(cells_of).collect();
            self.loaded_for = doc.revision;
        }
    }
}

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut IcbsView, cmds: &mut Commands) {
    view.refresh(doc);
    ui.heading("ICBs");
    ui.label(
        "Type in a cell and leave it (Tab, Enter or a click elsewhere) to apply it; each change is one undo step. \
         ICBs in a cluster are in the plan's scope; tick others to bring them in.",
    );
    let s = &doc.scenario;
    let a = &s.assumptions;
    ui.label(format!(
        "Targets are {} per head of {} (Assumptions), or the explicit target where one is set.",
        format_pounds_pence(a.envelope_per_head_pence),
        a.population_basis.label()
    ));
    merged_icbs(ui, doc);
    if let Some((code, e)) = &view.error {
        ui.colored_label(ui.visuals().error_fg_color, format!("{code}: {e}"));
    }
    // Wider than a laptop screen: the columns scroll sideways, so none is out of reach.
    sideways(ui, "icbs-scroll", |ui| {
        TableBuilder::new(ui)
            .id_salt("icbs-table")
            .striped(true)
            .resizable(true)
            .column(Column::auto().at_least(70.0))
            .column(Column::initial(290.0).clip(true))
            .columns(Column::initial(100.0), 2)
            .column(Column::initial(230.0).clip(true))
            .columns(Column::initial(135.0), 4)
            .column(Column::remainder().at_least(160.0))
            .header(20.0, |mut h| {
                h.col(|ui| {
                    ui.strong("In scope").on_hover_text("The headline and totals cover the ICBs in scope");
                });
                h.col(|ui| {
                    ui.strong("ICB");
                });
                for (title, hover) in CELLS {
                    // A glossary term is explained in the glossary's words.
                    let hover = Some(crate::report::help::meaning(title)).filter(|m| !m.is_empty()).unwrap_or(hover);
                    h.col(|ui| {
                        ui.strong(title).on_hover_text(hover);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, s.organisations.len(), |mut row| {
                    let i = row.index();
                    let o = &s.organisations[i];
                    let figures = doc.summary.organisations.get(i);
                    let clustered = figures.is_some_and(|f| f.cluster.is_some());
                    row.col(|ui| {
                        let mut on = o.in_scope || clustered;
                        let r = ui.add_enabled(!clustered, egui::Checkbox::new(&mut on, o.code.as_str()));
                        let r = if clustered { r.on_disabled_hover_text("In a cluster, so in scope") } else { r };
                        if r.changed() {
                            cmds.edit(Edit::SetInScope { org: o.code.clone(), in_scope: on });
                        }
                    });
                    row.col(|ui| {
                        let mut t = RichText::new(short_name(&o.name));
                        if !(o.in_scope || clustered) {
                            t = t.weak();
                        }
                        let target = figures.and_then(|f| f.line.target).map_or_else(|| "n/a".into(), format_pounds);
                        ui.label(t).on_hover_text(format!("{}\nTarget {target}", o.name));
                    });
                    for cell in 0..CELLS.len() {
                        row.col(|ui| cell_ui(ui, o, i, cell, view, cmds));
                    }
                });
            });
    });
}

/// One typed-in cell: applied as an edit when the user leaves it changed.
fn cell_ui(ui: &mut egui::Ui, o: &Organisation, i: usize, cell: usize, view: &mut IcbsView, cmds: &mut Commands) {
    let Some(cells) = view.text.get_mut(i) else { return };
    let field = egui::TextEdit::singleline(&mut cells[cell]).desired_width(f32::INFINITY);
    let field = match cell {
        3 => field.hint_text("not known"),
        5 => field.hint_text("no change"),
        6 => field.hint_text("envelope"),
        _ => field,
    };
    let r = ui.add(field);
    // A text longer than its cell (a population's basis, a target's reason) reads in full on
    // hover.
    let r = if matches!(cell, 2 | 7) && !cells[cell].is_empty() { r.on_hover_text(cells[cell].clone()) } else { r };
    // Named by its ICB and column, for screen readers and tests: "QK1 Population".
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("{} {}", o.code, CELLS[cell].0)));
    if r.lost_focus() && cells[cell] != cells_of(o)[cell] {
        match edit_for(o, cell, cells) {
            Ok(e) => {
                cmds.edit(e);
                view.error = None;
            }
            Err(e) => view.error = Some((o.code.clone(), e)),
        }
    }
}

/// The merged ICBs the plan makes, each with its date and the ICBs it is made from (its
/// predecessors, which keep their rows below).
fn merged_icbs(ui: &mut egui::Ui, doc: &Document) {
    let s = &doc.scenario;
    let merged: Vec<(usize, &crate::model::Merger)> =
        s.clusters.iter().enumerate().filter_map(|(ci, c)| c.merger.as_ref().map(|m| (ci, m))).collect();
    if merged.is_empty() {
        return;
    }
    // Folded away when there are many (a national plan), so the table keeps the room.
    egui::CollapsingHeader::new(format!("Merged ICBs ({})", merged.len())).default_open(merged.len() <= 2).show(
        ui,
        |ui| {
            for (ci, m) in merged {
                let c = &s.clusters[ci];
                let line = doc.summary.clusters.get(ci).map(|cf| cf.line);
                let pop = line.and_then(|l| l.population).map_or_else(
                    || "population not known".into(),
                    |p| format!("{} people", format_count(usize::try_from(p).unwrap_or(usize::MAX))),
                );
                let target = line
                    .and_then(|l| l.target)
                    .map_or_else(|| "no target".into(), |t| format!("target {}", format_pounds(t)));
                let from: Vec<&str> = c
                    .members
                    .iter()
                    .map(|code| {
                        s.organisations.iter().find(|o| &o.code == code).map_or(code.as_str(), |o| short_name(&o.name))
                    })
                    .collect();
                let r = ui.label(format!(
                    "{} from {}: formed from {}; {pop}, {target}",
                    m.name,
                    m.from.format("%-d %B %Y"),
                    from.join(", ")
                ));
                if !m.status.is_empty() {
                    r.on_hover_text(format!("Where it stands: {}", m.status));
                }
            }
        },
    );
}
