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
const CELLS: [(&str, &str); 6] = [
    ("Population", "People the ICB serves, for the £ per head target"),
    ("Population basis", "What the population is: registered or weighted, and its year"),
    ("Baseline non-pay", "Running cost not itemised as people: non-pay, and pay not yet loaded as a staff list"),
    ("Planned non-pay", "The same in the plan; leave empty for no change from the baseline"),
    ("Explicit target", "A target set by hand (£ a year) instead of population × envelope; empty for the envelope"),
    ("Reason for the target", "Where the explicit target comes from, e.g. published board target, regional agreement"),
];

#[derive(Debug, Default)]
pub struct IcbsView {
    /// The text of each cell, per ICB, as loaded from the document or being typed.
    text: Vec<[String; 6]>,
    loaded_for: u64,
    /// What was wrong with the last cell typed: (ICB, message).
    pub error: Option<(String, String)>,
}

/// Money as a cell shows it: "£13,542,277.27", or "£5,000,000" when whole pounds (read back
/// the same, as typed figures are).
fn pounds_text(p: Option<i64>) -> String {
    p.map(|p| if p % 100 == 0 { format_pounds(p) } else { format_pounds_pence(p) }).unwrap_or_default()
}

fn cells_of(o: &Organisation) -> [String; 6] {
    [
        o.population.map(|p| format_count(usize::try_from(p).unwrap_or(usize::MAX))).unwrap_or_default(),
        o.population_basis.clone(),
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

/// The edit a changed cell makes, or why the text cannot be used.
fn edit_for(o: &Organisation, cell: usize, cells: &[String; 6]) -> Result<Edit, String> {
    let org = o.code.clone();
    let edit = match cell {
        0 | 1 => {
            let population = match cells[0].trim() {
                "" => None,
                t => Some(
                    t.replace([',', ' '], "")
                        .parse::<u64>()
                        .map_err(|_| format!("\"{t}\" is not a population such as 1,238,148"))?,
                ),
            };
            Edit::SetPopulation { org, population, basis: cells[1].trim().to_owned() }
        }
        2 | 3 => {
            let baseline = money(&cells[2])?.unwrap_or(0);
            Edit::SetNonPay { org, baseline_pence: baseline, planned_pence: money(&cells[3])? }
        }
        _ => {
            // The reason is asked for, not required: a finding says when it is missing.
            let target = money(&cells[4])?;
            let note = if target.is_some() { cells[5].trim().to_owned() } else { String::new() };
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
    if let Some((code, e)) = &view.error {
        ui.colored_label(ui.visuals().error_fg_color, format!("{code}: {e}"));
    }
    let s = &doc.scenario;
    // Wider than a laptop screen: the columns scroll sideways, so none is out of reach.
    sideways(ui, "icbs-scroll", |ui| {
        TableBuilder::new(ui)
            .id_salt("icbs-table")
            .striped(true)
            .resizable(true)
            .column(Column::auto().at_least(70.0))
            .column(Column::initial(290.0).clip(true))
            .column(Column::initial(100.0))
            .column(Column::initial(230.0).clip(true))
            .columns(Column::initial(135.0), 3)
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
    let field = if cell == 3 {
        field.hint_text("no change")
    } else if cell == 4 {
        field.hint_text("envelope")
    } else {
        field
    };
    let r = ui.add(field);
    // A text longer than its cell (a population's basis, a target's reason) reads in full on
    // hover.
    let r = if matches!(cell, 1 | 5) && !cells[cell].is_empty() { r.on_hover_text(cells[cell].clone()) } else { r };
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
