//! File ▸ Compare options…: the open scenario and other scenario files side by side against
//! business as usual (the open scenario's baseline), row by row: the value, the difference
//! from the base or the difference in per cent; only the rows that differ if asked; the best
//! option of each row marked with a star and the words, never by colour alone. The figures
//! are `appraisal`'s: the same as `cluster-planner compare`.

use std::path::Path;

use egui_extras::{Column, TableBuilder};

use crate::appraisal::{Better, Candidate, Comparison, Kind, Role, Row, business_as_usual};
use crate::edit::Document;
use crate::model::money::{format_count, format_pounds, format_pounds_pence};
use crate::ui::command::{Command, Commands, Export, ReadyFile};

/// How a cell shows its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    Value,
    Difference,
    Percent,
}

#[derive(Debug, Default)]
pub struct CompareView {
    pub open: bool,
    pub comparison: Option<Comparison>,
    pub show: Show,
    pub only_differ: bool,
    pub error: Option<String>,
}

impl CompareView {
    /// Starts a comparison on the open scenario (the preferred option) against its business
    /// as usual.
    pub fn start(&mut self, doc: &Document) {
        let option = Candidate::new(doc.display_name(), Role::Preferred, doc.scenario.clone());
        let base = Candidate::new("Business as usual", Role::BusinessAsUsual, business_as_usual(&doc.scenario));
        self.comparison = Some(Comparison::new(base, vec![option]));
        self.error = None;
        self.open = true;
    }

    /// Adds a scenario file as an alternative (at most 8 options).
    pub fn add(&mut self, path: &Path) {
        let Some(c) = self.comparison.take() else { return };
        if c.options.len() >= 8 {
            self.error = Some("A comparison holds at most 8 options".into());
            self.comparison = Some(c);
            return;
        }
        match crate::files::load(path) {
            Ok(s) => {
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                let mut options = c.options;
                options.push(Candidate::new(name, Role::Alternative, s));
                self.comparison = Some(Comparison::new(c.base, options));
                self.error = None;
            }
            Err(e) => {
                self.error = Some(e.to_string());
                self.comparison = Some(c);
            }
        }
    }

    fn rebuild(&mut self, f: impl FnOnce(&mut Vec<Candidate>)) {
        if let Some(c) = self.comparison.take() {
            let mut options = c.options;
            f(&mut options);
            self.comparison = Some(Comparison::new(c.base, options));
        }
    }
}

/// A figure as a cell shows it.
fn figure(kind: Kind, v: i64) -> String {
    match kind {
        Kind::Money => format_pounds(v),
        Kind::PerHead => format_pounds_pence(v),
        Kind::Count => format_count(usize::try_from(v.unsigned_abs()).unwrap_or(usize::MAX)),
        Kind::Wte => format!("{:.2}", v as f64 / 10_000.0),
        Kind::Months => format!("{v} months"),
        Kind::Percent => format!("{:.1}%", v as f64 / 100.0),
    }
}

fn cell(row: &Row, i: usize, show: Show) -> String {
    let Some(v) = row.values[i] else { return "—".into() };
    let base = row.values[0];
    match (show, base) {
        (Show::Value, _) | (_, None) => figure(row.kind, v),
        _ if i == 0 => figure(row.kind, v),
        (Show::Difference, Some(b)) => {
            let d = v - b;
            let text = figure(row.kind, d.abs());
            match d.signum() {
                1 => format!("+{text}"),
                -1 => format!("−{text}"),
                _ => "no change".into(),
            }
        }
        (Show::Percent, Some(0)) => {
            if v == 0 {
                "no change".into()
            } else {
                "—".into()
            }
        }
        (Show::Percent, Some(b)) => {
            let p = (v - b) as f64 * 100.0 / b as f64;
            if p.abs() < 0.05 { "no change".into() } else { format!("{p:+.1}%") }
        }
    }
}

/// What the user asked of the options in the grid's header this frame.
#[derive(Default)]
struct HeaderAsks {
    role: Option<(usize, Role)>,
    remove: Option<usize>,
}

/// Draws the comparison; pushes Add an option… and closes on Close or Esc.
pub fn show(ctx: &egui::Context, view: &mut CompareView, cmds: &mut Commands) {
    if !view.open {
        return;
    }
    let mut close = false;
    let mut asks = HeaderAsks::default();
    let size = ctx.content_rect().size();
    let modal = egui::Modal::new(egui::Id::unique("compare-dialog")).show(ctx, |ui| {
        ui.set_width((size.x - 80.0).max(600.0));
        ui.heading("Compare options");
        let Some(c) = &view.comparison else { return };
        intro(ui, c, view.error.as_deref());
        controls(ui, view, cmds);
        let Some(c) = &view.comparison else { return };
        asks = grid(ui, c, view.show, view.only_differ, (size.y - 260.0).max(200.0));
        waterfalls(ui, c);
        if ui.button("Close").clicked() {
            close = true;
        }
    });
    if let Some((i, role)) = asks.role {
        view.rebuild(|o| o[i].role = role);
    }
    if let Some(i) = asks.remove {
        view.rebuild(|o| {
            o.remove(i);
        });
    }
    if close || modal.should_close() {
        view.open = false;
    }
}

/// What the comparison is against, how the NPV is worked, and what to read with care.
fn intro(ui: &mut egui::Ui, c: &Comparison, error: Option<&str>) {
    ui.label(format!(
        "Against business as usual: everyone in post, no single management teams, non-pay unchanged. Net present value over {} years at {} (HM Treasury Green Book; settings on the Assumptions tab). ★ marks the best option on a row where lower cost or higher saving is better.",
        c.years, c.rate
    ));
    if c.options.iter().any(|o| o.summary.clusters.iter().any(|f| f.merged)) {
        ui.label(
            egui::RichText::new(
                "A merged ICB's still to save is netted across its parts: a lower figure there is not a saving. Net recurrent saving and net present value compare what each option saves.",
            )
            .strong(),
        );
    }
    if !c.coverage.same() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("The options cover different ICBs: compared on the {} common to all.", c.coverage.common.len()),
        );
    }
    if let Some(e) = error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

fn controls(ui: &mut egui::Ui, view: &mut CompareView, cmds: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add an option…").on_hover_text("Another scenario file, as an alternative").clicked() {
            cmds.push(Command::CompareAdd);
        }
        let workbook = ui.button("Export to a workbook (XLSX)…").on_hover_text(
            "The grid, the steps from the base and the net present value year by year: values, not formulas",
        );
        if workbook.clicked()
            && let Some(c) = &view.comparison
        {
            match crate::appraisal::export::options_xlsx(c) {
                Ok(bytes) => cmds.push(Command::Export(Export::Ready(ReadyFile {
                    name: "options-appraisal.xlsx".into(),
                    kind: "Excel workbook",
                    ext: "xlsx",
                    bytes: std::sync::Arc::new(bytes),
                }))),
                Err(e) => view.error = Some(e),
            }
        }
        ui.separator();
        ui.label("Show:");
        ui.radio_value(&mut view.show, Show::Value, "Value");
        ui.radio_value(&mut view.show, Show::Difference, "Δ against the base");
        ui.radio_value(&mut view.show, Show::Percent, "%Δ");
        ui.separator();
        ui.checkbox(&mut view.only_differ, "Only rows that differ");
    });
}

/// The grid: a row per figure, a column for the base and each option.
fn grid(ui: &mut egui::Ui, c: &Comparison, show: Show, only_differ: bool, height: f32) -> HeaderAsks {
    let mut asks = HeaderAsks::default();
    let cols = c.columns();
    let rows: Vec<Row> = c.rows().into_iter().filter(|r| !only_differ || r.differs()).collect();
    egui::ScrollArea::horizontal().show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("compare-grid")
            .striped(true)
            .max_scroll_height(height)
            .min_scrolled_height(height)
            .column(Column::initial(300.0).clip(true))
            .columns(Column::initial(200.0).clip(true), cols.len())
            .header(44.0, |mut h| {
                h.col(|ui| {
                    ui.strong("Figure");
                });
                for (i, col) in cols.iter().enumerate() {
                    h.col(|ui| header(ui, i, col, cols.len(), &mut asks));
                }
            })
            .body(|body| {
                body.rows(22.0, rows.len(), |mut row| {
                    let r = &rows[row.index()];
                    let best = r.best();
                    row.col(|ui| {
                        ui.label(format!("{} · {}", r.group, r.label)).on_hover_text(match r.better {
                            Better::Lower => "Lower is better",
                            Better::Higher => "Higher is better",
                            Better::Neither => "Neither way is better in itself",
                        });
                    });
                    for i in 0..cols.len() {
                        row.col(|ui| {
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                let text = cell(r, i, show);
                                if best == Some(i) {
                                    ui.strong(format!("★ {text}")).on_hover_text("The best of the options on this row");
                                } else {
                                    ui.label(text);
                                }
                            });
                        });
                    }
                });
            });
    });
    asks
}

/// An option's heading: its name, and its role (the base's is fixed) and Remove.
fn header(ui: &mut egui::Ui, i: usize, col: &Candidate, n: usize, asks: &mut HeaderAsks) {
    ui.vertical(|ui| {
        let name = ui.strong(&col.name).on_hover_text(&col.scenario.name);
        if i == 0 {
            ui.label(col.role.label());
            return;
        }
        ui.horizontal(|ui| {
            let mut role = col.role;
            // Named by its option, for screen readers: "lnr-merger-2027.ron, alternative".
            let combo =
                egui::ComboBox::from_id_salt(("role", i)).selected_text(role.label()).width(110.0).show_ui(ui, |ui| {
                    for r in [Role::DoMinimum, Role::Preferred, Role::Alternative] {
                        ui.selectable_value(&mut role, r, r.label());
                    }
                });
            combo.response.labelled_by(name.id);
            if role != col.role {
                asks.role = Some((i - 1, role));
            }
            if n > 2 && ui.small_button("Remove").clicked() {
                asks.remove = Some(i - 1);
            }
        });
    });
}

/// From the base's cost to each option's, step by step.
fn waterfalls(ui: &mut egui::Ui, c: &Comparison) {
    ui.collapsing("From the base's cost to each option's", |ui| {
        for o in &c.options {
            let w = c.appraise(o).waterfall;
            ui.strong(&o.name);
            ui.label(format!("The base's planned running cost: {}", format_pounds(w.base)));
            for (label, v) in w.steps() {
                ui.label(format!("  {label}: {}{}", if v > 0 { "+" } else { "" }, format_pounds(v)));
            }
            ui.label(format!("This option's planned running cost: {}", format_pounds(w.option)));
        }
    });
}
