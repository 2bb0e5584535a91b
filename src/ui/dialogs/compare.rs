//! File ▸ Compare options…: the open scenario and other scenario files side by side against
//! a base — business as usual (the open scenario's baseline) or a file the user marks — in
//! four parts: the figures row by row (the value, the difference from the base or in per
//! cent; only the rows that differ if asked; the best option of each row starred, never by
//! colour alone), the steps from the base's cost to each option's, the net present value
//! year by year, and what changed between any two. The figures are `appraisal`'s, the same
//! as `cluster-planner compare` and the board pack's Options pages.

use std::path::Path;

use egui_extras::{Column, TableBuilder};

use crate::appraisal::{Appraised, Better, Candidate, Comparison, Role, Row, Show, business_as_usual};
use crate::edit::Document;
use crate::edit::diff::{Changes, changes};
use crate::model::money::{Pence, format_change, format_count, format_pounds};
use crate::ui::command::{Command, Commands, Export, ReadyFile};

/// The part of the comparison on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Part {
    #[default]
    Figures,
    Steps,
    Npv,
    Changes,
}

impl Part {
    const ALL: [Part; 4] = [Part::Figures, Part::Steps, Part::Npv, Part::Changes];

    /// From the command line's words: figures, steps, npv, changes.
    #[must_use]
    pub fn by_name(name: &str) -> Option<Part> {
        match name.trim().to_lowercase().as_str() {
            "figures" => Some(Part::Figures),
            "steps" => Some(Part::Steps),
            "npv" => Some(Part::Npv),
            "changes" => Some(Part::Changes),
            _ => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Part::Figures => "Figures",
            Part::Steps => "Steps from the base",
            Part::Npv => "Net present value",
            Part::Changes => "What changed",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            Part::Figures => "Every figure of the base and each option, row by row",
            Part::Steps => "From the base's planned running cost to each option's, step by step",
            Part::Npv => "The Green Book net present value of each option, year by year",
            Part::Changes => "Every change from one option to another, grouped by kind, with its cost",
        }
    }
}

#[derive(Debug, Default)]
pub struct CompareView {
    pub open: bool,
    pub comparison: Option<Comparison>,
    /// The grid's rows and each column's appraisal, made once when the comparison changes.
    pub rows: Vec<Row>,
    appraised: Vec<Appraised>,
    pub show: Show,
    pub only_differ: bool,
    pub part: Part,
    /// The two columns the change list is between (0 is the base).
    pub from: usize,
    pub to: usize,
    /// The change list for (from, to), made when asked.
    changes: Option<(usize, usize, Changes)>,
    /// The open scenario, kept to go back to business as usual after a file was the base.
    bau_of: Option<String>,
    pub error: Option<String>,
}

impl CompareView {
    /// Starts a comparison on the open scenario (the preferred option) against its business
    /// as usual.
    pub fn start(&mut self, doc: &Document) {
        let option = Candidate::new(doc.display_name(), Role::Preferred, doc.scenario.clone());
        let base = Candidate::new("Business as usual", Role::BusinessAsUsual, business_as_usual(&doc.scenario));
        self.bau_of = Some(doc.display_name());
        self.set(Comparison::new(base, vec![option]));
        self.error = None;
        self.part = Part::Figures;
        (self.from, self.to) = (0, 1);
        self.open = true;
    }

    /// Takes a new comparison and works out what the view shows of it, once.
    fn set(&mut self, c: Comparison) {
        self.rows = c.rows();
        self.appraised = c.options.iter().map(|o| c.appraise(o)).collect();
        let n = c.options.len();
        self.from = self.from.min(n);
        self.to = if self.to == 0 || self.to > n { 1.min(n) } else { self.to };
        self.changes = None;
        self.comparison = Some(c);
    }

    fn load(&mut self, path: &Path) -> Option<(String, crate::model::Scenario)> {
        match crate::files::load(path) {
            Ok(s) => {
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                self.error = None;
                Some((name, s))
            }
            Err(e) => {
                self.error = Some(e.to_string());
                None
            }
        }
    }

    /// Adds a scenario file as an alternative (at most 8 options).
    pub fn add(&mut self, path: &Path) {
        if self.comparison.as_ref().is_some_and(|c| c.options.len() >= 8) {
            self.error = Some("A comparison holds at most 8 options".into());
            return;
        }
        let Some((name, s)) = self.load(path) else { return };
        self.rebuild(|_, options| options.push(Candidate::new(name, Role::Alternative, s)));
    }

    /// Makes a scenario file the base (business as usual, as the user marks it).
    pub fn set_base(&mut self, path: &Path) {
        let Some((name, s)) = self.load(path) else { return };
        self.rebuild(|base, _| *base = Candidate::new(name, Role::BusinessAsUsual, s));
    }

    /// Goes back to business as usual made from the first option.
    pub fn base_as_usual(&mut self) {
        self.rebuild(|base, options| {
            if let Some(first) = options.first() {
                *base = Candidate::new("Business as usual", Role::BusinessAsUsual, business_as_usual(&first.scenario));
            }
        });
    }

    /// Whether the base is a file (not business as usual made from the first option).
    #[must_use]
    pub fn base_is_a_file(&self) -> bool {
        self.comparison.as_ref().is_some_and(|c| c.base.name != "Business as usual")
    }

    fn rebuild(&mut self, f: impl FnOnce(&mut Candidate, &mut Vec<Candidate>)) {
        if let Some(c) = self.comparison.take() {
            let (mut base, mut options) = (c.base, c.options);
            f(&mut base, &mut options);
            self.set(Comparison::new(base, options));
        }
    }

    /// The change list between the two chosen columns, made once for each pair.
    pub fn change_list(&mut self) -> Option<&Changes> {
        let c = self.comparison.as_ref()?;
        let cols = c.columns();
        let (a, b) = (cols.get(self.from)?, cols.get(self.to)?);
        if !matches!(&self.changes, Some((f, t, _)) if (*f, *t) == (self.from, self.to)) {
            self.changes = Some((self.from, self.to, changes(&a.scenario, &a.summary, &b.scenario, &b.summary)));
        }
        self.changes.as_ref().map(|(_, _, l)| l)
    }
}

/// What the user asked of the options in the grid's header this frame.
#[derive(Default)]
struct HeaderAsks {
    role: Option<(usize, Role)>,
    remove: Option<usize>,
}

/// Draws the comparison; pushes Add an option…, Use a file as the base… and exports; closes
/// on Close or Esc.
pub fn show(ctx: &egui::Context, doc: &Document, view: &mut CompareView, cmds: &mut Commands) {
    if !view.open {
        return;
    }
    let mut close = false;
    let mut asks = HeaderAsks::default();
    let size = ctx.content_rect().size();
    let modal = egui::Modal::new(egui::Id::unique("compare-dialog")).show(ctx, |ui| {
        ui.set_width((size.x - 80.0).max(600.0));
        ui.heading("Compare options");
        if view.comparison.is_none() {
            return;
        }
        intro(ui, view);
        controls(ui, doc, view, cmds);
        ui.horizontal_wrapped(|ui| {
            for p in Part::ALL {
                ui.selectable_value(&mut view.part, p, p.label()).on_hover_text(p.tooltip());
            }
        });
        ui.separator();
        // What is left for the part, above the Close button.
        let height = (size.y - ui.min_rect().height() - 120.0).max(160.0);
        // Every part takes the same height, so the dialog does not jump between them.
        ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
            ui.set_min_height(height);
            match view.part {
                Part::Figures => asks = figures(ui, view, height),
                Part::Steps => steps(ui, view, height),
                Part::Npv => npv(ui, view, height),
                Part::Changes => change_list(ui, view, cmds, height),
            }
        });
        ui.separator();
        if ui.button("Close").clicked() {
            close = true;
        }
    });
    if let Some((i, role)) = asks.role {
        view.rebuild(|_, o| o[i].role = role);
    }
    if let Some(i) = asks.remove {
        view.rebuild(|_, o| {
            o.remove(i);
        });
    }
    if close || modal.should_close() {
        view.open = false;
    }
}

/// What the comparison is against, how the NPV is worked, and what to read with care.
fn intro(ui: &mut egui::Ui, view: &CompareView) {
    let Some(c) = &view.comparison else { return };
    let against = if view.base_is_a_file() {
        format!("Against {} as the base (business as usual).", c.base.name)
    } else {
        "Against business as usual: everyone in post, no single management teams, no merger, non-pay unchanged."
            .to_owned()
    };
    ui.label(format!(
        "{against} Net present value over {} years at {} (HM Treasury Green Book; settings on the base's Assumptions tab). ★ marks the best option on the appraisal's rows (net recurrent saving, net present value, one-off costs, payback); a lower running cost alone is not starred, since cost moved out or netted in a merger is not a saving.",
        c.years, c.rate
    ));
    if let Some(caveat) = crate::report::pack::options::allowances(c) {
        ui.colored_label(ui.visuals().warn_fg_color, egui::RichText::new(caveat).strong());
    }
    if c.options.iter().any(|o| o.summary.clusters.iter().any(|f| f.merged)) {
        ui.label(
            egui::RichText::new(
                "A merged ICB's still to save is netted across its parts: a lower figure there is not a saving. Net recurrent saving and net present value compare what each option saves.",
            )
            .strong(),
        );
    }
    if !c.coverage.same() {
        let only: Vec<String> = c
            .coverage
            .only_in
            .iter()
            .filter(|(_, codes)| !codes.is_empty())
            .map(|(name, codes)| format!("{name}: {}", codes.join(", ")))
            .collect();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "The options cover different ICBs: compared on the {} common to all. Not common: {}.",
                c.coverage.common.len(),
                only.join("; ")
            ),
        );
    }
    let notes = c.notes();
    egui::CollapsingHeader::new(format!("Read the comparison with these notes ({})", notes.len()))
        .id_salt("compare-notes")
        .show(ui, |ui| {
            for n in &notes {
                ui.label(format!("• {n}"));
            }
        });
    if let Some(e) = &view.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

fn controls(ui: &mut egui::Ui, doc: &Document, view: &mut CompareView, cmds: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add an option…").on_hover_text("Another scenario file, as an alternative").clicked() {
            cmds.push(Command::CompareAdd);
        }
        if ui
            .button("Use a file as the base…")
            .on_hover_text("Compare against a scenario file (business as usual as you have it) instead of the open scenario's baseline")
            .clicked()
        {
            cmds.push(Command::CompareBase);
        }
        if view.base_is_a_file()
            && ui
                .button("Back to business as usual")
                .on_hover_text("The first option's baseline: everyone in post, no single management teams")
                .clicked()
        {
            view.base_as_usual();
        }
        let Some(c) = &view.comparison else { return };
        let workbook = ui.button("Export to a workbook (XLSX)…").on_hover_text(
            "The grid, the steps from the base, the net present value year by year and what changed: values, not formulas",
        );
        if workbook.clicked() {
            match crate::appraisal::export::options_xlsx(c) {
                Ok(bytes) => cmds.push(ready("options-appraisal.xlsx", "Excel workbook", "xlsx", bytes)),
                Err(e) => view.error = Some(e),
            }
        }
        let pack = ui.button("Board pack with the options (PDF)…").on_hover_text(
            "The open scenario's board pack with an Options section: the grid, the steps, the net present value and what changed",
        );
        if pack.clicked() {
            let name = crate::report::pack::pack_file_name(&doc.display_name(), false, chrono::Local::now().date_naive())
                .replace("board-pack", "board-pack-options");
            let o = crate::report::pack::PackOptions::new(&doc.display_name());
            match crate::report::pack::board_pack_with_options_pdf(&doc.scenario, &doc.summary, &o, c) {
                Ok(bytes) => cmds.push(ready(&name, "PDF document", "pdf", bytes)),
                Err(e) => view.error = Some(e.to_string()),
            }
        }
    });
}

fn ready(name: &str, kind: &'static str, ext: &'static str, bytes: Vec<u8>) -> Command {
    Command::Export(Export::Ready(ReadyFile { name: name.into(), kind, ext, bytes: std::sync::Arc::new(bytes) }))
}

/// The figures: a row per figure, a column for the base and each option.
fn figures(ui: &mut egui::Ui, view: &mut CompareView, height: f32) -> HeaderAsks {
    ui.horizontal_wrapped(|ui| {
        ui.label("Show:");
        ui.radio_value(&mut view.show, Show::Value, "Value");
        ui.radio_value(&mut view.show, Show::Difference, "Δ against the base");
        ui.radio_value(&mut view.show, Show::Percent, "%Δ");
        ui.separator();
        ui.checkbox(&mut view.only_differ, "Only rows that differ");
    });
    let mut asks = HeaderAsks::default();
    let Some(c) = &view.comparison else { return asks };
    let cols = c.columns();
    let rows: Vec<&Row> = view.rows.iter().filter(|r| !view.only_differ || r.differs()).collect();
    let show = view.show;
    // The figures' columns as wide as a figure and an option's role and Remove; the names
    // take the rest of the room (at least 240 points: past that the grid scrolls sideways).
    let value_w = 172.0;
    let gap = 2.0 * ui.spacing().item_spacing.x;
    #[allow(clippy::cast_precision_loss)]
    let label_w = (ui.available_width() - (value_w + gap) * cols.len() as f32 - gap - 30.0).max(240.0);
    egui::ScrollArea::horizontal().show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("compare-grid")
            .striped(true)
            .max_scroll_height(height - 70.0)
            .min_scrolled_height(height - 70.0)
            .column(Column::exact(label_w).clip(true))
            .columns(Column::exact(value_w).clip(true), cols.len())
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
                    let r = rows[row.index()];
                    let best = r.best();
                    row.col(|ui| {
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let text = format!("{} · {}", r.group, r.label);
                            let how = match (r.better, r.starred) {
                                (Better::Lower, true) => "Lower is better: the best option is starred",
                                (Better::Higher, true) => "Higher is better: the best option is starred",
                                (Better::Lower, false) => "Lower costs less, but is not starred: cost moved out with a function, or netted in a merger, is not a saving",
                                (Better::Higher, false) => "Higher is more, but is not starred: compare the net recurrent saving",
                                (Better::Neither, _) => "Neither way is better in itself",
                            };
                            ui.label(&text).on_hover_text(format!("{text}\n{how}"));
                        });
                    });
                    for i in 0..cols.len() {
                        row.col(|ui| {
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                let text = r.cell(i, show);
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
            ui.label(if col.name == "Business as usual" { "the base" } else { "the base (business as usual)" });
            return;
        }
        ui.horizontal(|ui| {
            let mut role = col.role;
            // Named by its option, for screen readers: "lnr-merger-2027.ron, alternative".
            let combo =
                egui::ComboBox::from_id_salt(("role", i)).selected_text(role.label()).width(96.0).show_ui(ui, |ui| {
                    for r in [Role::DoMinimum, Role::Preferred, Role::Alternative] {
                        ui.selectable_value(&mut role, r, r.label());
                    }
                });
            combo.response.labelled_by(name.id);
            if role != col.role {
                asks.role = Some((i - 1, role));
            }
            if n > 2 && ui.small_button("Remove").on_hover_text("Take this option out of the comparison").clicked() {
                asks.remove = Some(i - 1);
            }
        });
    });
}

/// From the base's cost to each option's, step by step: a bar from zero for the two costs,
/// and each step floating from where the last ended, on one scale for every option.
fn steps(ui: &mut egui::Ui, view: &CompareView, height: f32) {
    let Some(c) = &view.comparison else { return };
    let over = crate::ui::charts::colour(crate::report::style::OVER);
    let under = crate::ui::charts::colour(crate::report::style::UNDER);
    let total = ui.visuals().weak_text_color();
    let moved = crate::ui::charts::colour(crate::report::style::MOVED);
    ui.horizontal_wrapped(|ui| {
        for (fill, words) in [
            (total, "Planned running cost"),
            (over, "A step that adds cost"),
            (under, "A step that takes cost out"),
            (moved, "Cost moved out with functions (not a saving)"),
        ] {
            let (r, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 0.0, fill);
            ui.label(words);
        }
    });
    let mut top: Pence = 1;
    for a in &view.appraised {
        let mut run = a.waterfall.base;
        top = top.max(run);
        for (_, v) in a.waterfall.steps() {
            run += v;
            top = top.max(run);
        }
    }
    // Names, the bar, the figure: the bar takes what the words leave.
    let bar_w = (ui.available_width() - 340.0 - 140.0 - 40.0).max(160.0);
    egui::ScrollArea::vertical().id_salt("compare-steps").max_height(height - 30.0).show(ui, |ui| {
        for (o, a) in c.options.iter().zip(&view.appraised) {
            let w = &a.waterfall;
            ui.add_space(6.0);
            ui.strong(&o.name);
            let mut rows: Vec<(String, Pence, Pence, bool)> =
                vec![("The base's planned running cost".into(), 0, w.base, true)];
            let mut run = w.base;
            for (label, v) in w.steps() {
                rows.push((label.to_owned(), run, run + v, false));
                run += v;
            }
            rows.push(("This option's planned running cost".into(), 0, w.option, true));
            egui::Grid::new(("steps", &o.name)).num_columns(3).spacing([12.0, 4.0]).min_col_width(0.0).show(ui, |ui| {
                for (label, from, to, is_total) in rows {
                    ui.allocate_ui_with_layout(
                        egui::vec2(340.0, 18.0),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_min_width(340.0);
                            ui.add(egui::Label::new(&label).truncate());
                        },
                    );
                    let (r, _) = ui.allocate_exact_size(egui::vec2(bar_w, 14.0), egui::Sense::hover());
                    #[allow(clippy::cast_precision_loss)]
                    let x = |v: Pence| r.left() + bar_w * (v.max(0) as f32 / top as f32);
                    let (a, b) = (x(from.min(to)), x(from.max(to)));
                    let fill = if is_total {
                        total
                    } else if label.starts_with("Moved out") {
                        moved
                    } else if to > from {
                        over
                    } else {
                        under
                    };
                    // A step of nothing draws no bar (a sliver would read as a step).
                    if from != to {
                        ui.painter().rect_filled(
                            egui::Rect::from_min_max(egui::pos2(a, r.top()), egui::pos2(b.max(a + 1.0), r.bottom())),
                            0.0,
                            fill,
                        );
                    }
                    ui.allocate_ui_with_layout(
                        egui::vec2(140.0, 18.0),
                        egui::Layout::right_to_left(egui::Align::Center),
                        |ui| {
                            if is_total {
                                ui.strong(format_pounds(to));
                            } else {
                                ui.label(format_change(to - from));
                            }
                        },
                    );
                    ui.end_row();
                }
            });
        }
    });
}

/// Each option's net present value: year 0's one-off costs, each year's saving discounted,
/// and the total.
fn npv(ui: &mut egui::Ui, view: &CompareView, height: f32) {
    use crate::appraisal::npv::{discount_factor, present_values};
    let Some(c) = &view.comparison else { return };
    ui.label(format!(
        "Year 0 holds the one-off costs (redundancy and MARS) beyond the base's; the net recurrent saving against the base counts in full in each of years 1 to {} and its present value is the saving ÷ (1 + {})^t, to the penny (the factor is shown rounded). Cost that only moves out with a function is not a saving.",
        c.years, c.rate
    ));
    let pvs: Vec<Vec<Pence>> = view.appraised.iter().map(|a| present_values(a.net_saving, c.years, c.rate)).collect();
    let years = usize::try_from(c.years).unwrap_or(0);
    egui::ScrollArea::horizontal().id_salt("compare-npv").show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("compare-npv-table")
            .striped(true)
            .max_scroll_height(height - 60.0)
            .column(Column::initial(220.0))
            .column(Column::initial(110.0))
            .columns(Column::initial(170.0).clip(true), c.options.len())
            .header(24.0, |mut h| {
                h.col(|ui| {
                    ui.strong("Year");
                });
                for name in std::iter::once("Discount factor").chain(c.options.iter().map(|o| o.name.as_str())) {
                    h.col(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.strong(name);
                        });
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, years + 3, |mut row| {
                    let t = row.index();
                    let right = |ui: &mut egui::Ui, text: String, strong: bool| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if strong {
                                ui.strong(text);
                            } else {
                                ui.label(text);
                            }
                        });
                    };
                    // The saving a year first, then year 0 to N, then the total.
                    let (label, factor) = match t {
                        0 => ("Net recurrent saving a year".to_owned(), String::new()),
                        1 => ("0: one-off costs".to_owned(), "1".to_owned()),
                        t if t <= years + 1 => {
                            let y = u32::try_from(t - 1).unwrap_or(0);
                            (format!("{y}: net recurrent saving"), format!("{:.6}", discount_factor(c.rate, y)))
                        }
                        _ => ("Net present value".to_owned(), String::new()),
                    };
                    let strong = t == years + 2;
                    row.col(|ui| {
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            if strong {
                                ui.strong(&label);
                            } else {
                                ui.label(&label);
                            }
                        });
                    });
                    row.col(|ui| right(ui, factor, false));
                    for (k, a) in view.appraised.iter().enumerate() {
                        let v = match t {
                            0 => a.net_saving,
                            1 => -a.one_off,
                            t if t <= years + 1 => pvs[k][t - 2],
                            _ => a.npv,
                        };
                        row.col(|ui| right(ui, format_pounds(v), strong));
                    }
                });
            });
    });
}

/// What changed between two columns, group by group, each group opening to its changes.
fn change_list(ui: &mut egui::Ui, view: &mut CompareView, cmds: &mut Commands, height: f32) {
    let Some(c) = &view.comparison else { return };
    let names: Vec<String> = c.columns().iter().map(|x| x.name.clone()).collect();
    ui.horizontal_wrapped(|ui| {
        for (label, which) in [("From", &mut view.from), ("To", &mut view.to)] {
            let l = ui.label(label);
            egui::ComboBox::from_id_salt(("changes", label))
                .selected_text(names.get(*which).cloned().unwrap_or_default())
                .width(220.0)
                .show_ui(ui, |ui| {
                    for (i, n) in names.iter().enumerate() {
                        ui.selectable_value(which, i, n);
                    }
                })
                .response
                .labelled_by(l.id);
        }
    });
    let (from, to) =
        (names.get(view.from).cloned().unwrap_or_default(), names.get(view.to).cloned().unwrap_or_default());
    let Some(list) = view.change_list() else { return };
    if list.is_empty() {
        ui.label(format!("{to} is the same as {from}."));
        return;
    }
    let csv = ui
        .horizontal(|ui| {
            let (cost, one_off) = list.totals();
            let groups = list.groups.len();
            let a_year = if cost == 0 { "no change".to_owned() } else { format!("{} a year", format_change(cost)) };
            ui.label(format!(
                "{} changes in {groups} group{}: running cost {a_year}, one-off {}.",
                format_count(list.count()),
                if groups == 1 { "" } else { "s" },
                format_change(one_off)
            ));
            ui.button("Export the changes (CSV)…").on_hover_text("Every change as a line of a spreadsheet").clicked()
        })
        .inner;
    if csv {
        let sheet = crate::appraisal::export::changes_sheet(&[(&from, &to, list)]);
        let bytes = crate::files::workbook::sheet_csv(&sheet);
        cmds.push(ready("options-what-changed.csv", "CSV", "csv", bytes));
    }
    egui::ScrollArea::vertical().id_salt("compare-changes").max_height(height - 60.0).show(ui, |ui| {
        for (k, g) in list.groups.iter().enumerate() {
            let mut title = format!("{} — {}", g.heading(), format_count(g.items.len()));
            match g.cost() {
                Some(0) => title.push_str(" · running cost: no change"),
                Some(v) => title.push_str(&format!(" · running cost {} a year", format_change(v))),
                None => {}
            }
            if let Some(v) = g.one_off().filter(|v| *v != 0) {
                title.push_str(&format!(" · one-off {}", format_change(v)));
            }
            egui::CollapsingHeader::new(title).id_salt(("change-group", k)).show(ui, |ui| {
                TableBuilder::new(ui)
                    .id_salt(("change-items", k))
                    .striped(true)
                    .vscroll(g.items.len() > 12)
                    .max_scroll_height(260.0)
                    .column(Column::initial(260.0).clip(true))
                    .column(Column::initial(240.0).clip(true))
                    .column(Column::initial(240.0).clip(true))
                    .column(Column::initial(120.0))
                    .column(Column::initial(110.0))
                    .header(20.0, |mut h| {
                        for t in ["What", &from, &to, "£ a year", "One-off"] {
                            h.col(|ui| {
                                ui.strong(t);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(20.0, g.items.len(), |mut row| {
                            let i = &g.items[row.index()];
                            for t in [&i.what, &i.from, &i.to] {
                                row.col(|ui| {
                                    ui.label(t).on_hover_text(t);
                                });
                            }
                            for v in [i.cost, i.one_off] {
                                row.col(|ui| {
                                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                        ui.label(v.map_or_else(String::new, format_change));
                                    });
                                });
                            }
                        });
                    });
            });
        }
    });
}
