//! People: every person with their cost and outcome, searchable, in a virtualised table
//! (only the visible rows are laid out, so 25,000 people scroll smoothly).

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::ui::widgets::sideways;

use std::collections::BTreeSet;

use crate::edit::Document;
use crate::edit::{Edit, PersonDetail};
use crate::model::money::{format_pounds, format_pounds_pence};
use crate::model::{OutcomeKind, Person};
use crate::ui::command::Commands;

/// The search box, so Find (Cmd/Ctrl+F) can focus it.
#[must_use]
pub fn search_id() -> egui::Id {
    egui::Id::unique("people-search")
}

/// A sort: the column's index and whether descending.
pub type Sort = (usize, bool);

/// The search box and the rows it matches, recomputed only when either changes.
#[derive(Debug, Default)]
pub struct PeopleView {
    pub search: String,
    /// Selected people by id (kept while the search changes).
    pub selected: BTreeSet<String>,
    pub bulk_kind: Option<OutcomeKind>,
    pub bulk_post: Option<String>,
    /// When the outcome takes effect: a date, or (unticked) the target date.
    pub bulk_dated: bool,
    pub bulk_date: Option<chrono::NaiveDate>,
    /// Sort column (index into the header) and whether descending.
    pub sort: Option<Sort>,
    /// The site, reason and offer typed for the selected people.
    pub site_text: String,
    pub reason_text: String,
    pub offer_post: String,
    pub offer_date: Option<chrono::NaiveDate>,
    pub offer_refused: bool,
    /// The search, document revision and sort the rows were worked out for.
    cached: Option<(String, u64, Option<Sort>)>,
    rows: Vec<usize>,
}

fn matches(p: &Person, needle: &str) -> bool {
    let has = |s: &str| s.to_lowercase().contains(needle);
    has(&p.id)
        || p.name.as_deref().is_some_and(has)
        || has(&p.title)
        || has(&p.org)
        || p.site.as_deref().is_some_and(has)
        || has(&p.grade.to_string())
        || has(p.outcome.kind().label())
        || p.outcome.post().is_some_and(has)
        || p.function.as_deref().is_some_and(has)
}

impl PeopleView {
    /// The people shown, as indices into `scenario.people`, in display order.
    #[must_use]
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    fn refresh(&mut self, doc: &Document) {
        let key = (self.search.clone(), doc.revision, self.sort);
        if self.cached.as_ref() == Some(&key) {
            return;
        }
        let needle = self.search.trim().to_lowercase();
        self.rows = (0..doc.scenario.people.len())
            .filter(|i| needle.is_empty() || matches(&doc.scenario.people[*i], &needle))
            .collect();
        if let Some((col, desc)) = self.sort {
            let people = &doc.scenario.people;
            let sum = &doc.summary;
            let cmp = |a: &usize, b: &usize| {
                let (p, q) = (&people[*a], &people[*b]);
                match col {
                    0 => p.id.cmp(&q.id),
                    1 => p.name.cmp(&q.name),
                    2 => p.org.cmp(&q.org),
                    3 => p.site.cmp(&q.site),
                    4 => p.title.cmp(&q.title),
                    5 => p.function.cmp(&q.function),
                    6 => p.grade.to_string().cmp(&q.grade.to_string()),
                    7 => p.salary_pence.cmp(&q.salary_pence),
                    8 => p.wte.cmp(&q.wte),
                    9 => p.service_years.cmp(&q.service_years),
                    10 => sum.person_cost.get(*a).cmp(&sum.person_cost.get(*b)),
                    11 => p.outcome.kind().cmp(&q.outcome.kind()),
                    12 => p.effective.cmp(&q.effective),
                    _ => sum.person_one_off.get(*a).cmp(&sum.person_one_off.get(*b)),
                }
            };
            // Stable, so equal keys keep the file's order.
            self.rows.sort_by(|a, b| if desc { cmp(b, a) } else { cmp(a, b) });
        }
        self.cached = Some(key);
    }
}

/// Set the outcome of the selected people, or assign them to a post, in one undoable step.
/// "From [date]": when the outcome takes effect. Unticked, on the target date. The date
/// lands the change in that month of the trajectory.
fn effective_date(ui: &mut egui::Ui, doc: &Document, view: &mut PeopleView) -> Option<chrono::NaiveDate> {
    let target = doc.scenario.assumptions.target_date;
    ui.checkbox(&mut view.bulk_dated, "From")
        .on_hover_text(format!("When the outcome takes effect; unticked, on the target date ({target})"));
    if !view.bulk_dated {
        return None;
    }
    let date = view.bulk_date.get_or_insert(target);
    crate::ui::widgets::date_picker(ui, "bulk-date", date).on_hover_text("When the outcome takes effect");
    Some(*date)
}

fn bulk_bar(ui: &mut egui::Ui, doc: &Document, view: &mut PeopleView, cmds: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} selected", view.selected.len()));
        if ui.button("Select all shown").on_hover_text("Select every person the search shows").clicked() {
            for i in &view.rows {
                view.selected.insert(doc.scenario.people[*i].id.clone());
            }
        }
        if ui.button("Clear selection").clicked() {
            view.selected.clear();
        }
        ui.separator();
        egui::ComboBox::new("bulk-kind", "outcome")
            .selected_text(view.bulk_kind.map_or("choose…", OutcomeKind::label))
            .show_ui(ui, |ui| {
                for k in OutcomeKind::ALL {
                    // Each outcome explained in the glossary's words.
                    ui.selectable_value(&mut view.bulk_kind, Some(k), k.label())
                        .on_hover_text(crate::report::help::meaning(k.label()));
                }
            });
        if view.bulk_kind.is_some_and(OutcomeKind::needs_post) {
            let title = |id: &str| {
                doc.scenario
                    .posts()
                    .find(|(_, _, p)| p.id == id)
                    .map_or_else(|| id.to_owned(), |(_, _, p)| format!("{} — {}", p.id, p.title))
            };
            egui::ComboBox::new("bulk-post", "post")
                .selected_text(view.bulk_post.as_deref().map_or_else(|| "choose…".to_owned(), title))
                .width(320.0)
                .show_ui(ui, |ui| {
                    for (_, t, p) in doc.scenario.posts() {
                        ui.selectable_value(
                            &mut view.bulk_post,
                            Some(p.id.to_string()),
                            format!("{} — {} ({})", p.id, p.title, t.name),
                        );
                    }
                });
        }
        let effective = effective_date(ui, doc, view);
        let outcome = view.bulk_kind.and_then(|k| k.with_post(view.bulk_post.as_deref()));
        let enabled = outcome.is_some() && !view.selected.is_empty();
        if ui
            .add_enabled(enabled, egui::Button::new(format!("Apply to {} selected", view.selected.len())))
            .on_hover_text("One step: Edit ▸ Undo takes it back")
            .clicked()
            && let Some(outcome) = outcome
        {
            cmds.edit(Edit::SetOutcomes { ids: view.selected.iter().cloned().collect(), outcome, effective });
        }
        if ui
            .add_enabled(!view.selected.is_empty(), egui::Button::new("Set the date only"))
            .on_hover_text("Change when the selected people's outcomes take effect, keeping the outcomes")
            .clicked()
        {
            cmds.edit(Edit::SetDates { ids: view.selected.iter().cloned().collect(), effective });
        }
    });
}

/// The selected people's site, the reason for their outcome, and an offer of suitable
/// alternative employment: each one undoable step.
fn details_bar(ui: &mut egui::Ui, doc: &Document, view: &mut PeopleView, cmds: &mut Commands) {
    let n = view.selected.len();
    let ids = || view.selected.iter().cloned().collect::<Vec<_>>();
    egui::CollapsingHeader::new(format!("Site, reason and offer for the {n} selected"))
        .id_salt("people-details")
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label("Site:");
                ui.add(egui::TextEdit::singleline(&mut view.site_text).desired_width(200.0).hint_text("e.g. County Hall"))
                    .labelled_by(l.id)
                    .on_hover_text("The site the people are based at: each site is an establishment for collective consultation and HR1");
                let site = view.site_text.trim().to_owned();
                if ui.add_enabled(n > 0 && !site.is_empty(), egui::Button::new("Set site")).clicked() {
                    cmds.edit(Edit::SetPeopleDetail { ids: ids(), detail: PersonDetail::Site(Some(site)) });
                }
                if ui.add_enabled(n > 0, egui::Button::new("Clear site")).clicked() {
                    cmds.edit(Edit::SetPeopleDetail { ids: ids(), detail: PersonDetail::Site(None) });
                }
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label("Reason for the outcome:");
                ui.add(
                    egui::TextEdit::singleline(&mut view.reason_text)
                        .desired_width(360.0)
                        .hint_text("e.g. slotted in: the post is the same job at the same band"),
                )
                .labelled_by(l.id)
                .on_hover_text("Why the outcome was decided, kept with each person (a slot-in is a recorded decision)");
                if ui.add_enabled(n > 0, egui::Button::new("Record reason")).clicked() {
                    cmds.edit(Edit::SetPeopleDetail { ids: ids(), detail: PersonDetail::Reason(view.reason_text.clone()) });
                }
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label("Offer of suitable alternative employment:");
                ui.add(egui::TextEdit::singleline(&mut view.offer_post).desired_width(220.0).hint_text("the post offered"))
                    .labelled_by(l.id);
                let date = view.offer_date.get_or_insert(doc.scenario.assumptions.target_date);
                crate::ui::widgets::date_picker(ui, "offer-date", date).on_hover_text("When the offer was made");
                ui.checkbox(&mut view.offer_refused, "refused unreasonably").on_hover_text(
                    "AfC Section 16: unreasonably refusing suitable alternative employment ends the redundancy payment",
                );
                let offer = crate::model::AlternativeOffer {
                    post: view.offer_post.trim().to_owned(),
                    offered: *date,
                    refused: view.offer_refused,
                };
                if ui.add_enabled(n > 0 && !offer.post.is_empty(), egui::Button::new("Record offer")).clicked() {
                    cmds.edit(Edit::SetPeopleDetail { ids: ids(), detail: PersonDetail::Offer(Some(offer)) });
                }
                if ui.add_enabled(n > 0, egui::Button::new("Clear offer")).clicked() {
                    cmds.edit(Edit::SetPeopleDetail { ids: ids(), detail: PersonDetail::Offer(None) });
                }
            });
            // One person: what is recorded for them.
            if let [id] = ids().as_slice()
                && let Some(p) = doc.scenario.people.iter().find(|p| &p.id == id)
            {
                let offer = p.offer.as_ref().map_or_else(
                    || "no offer recorded".to_owned(),
                    |o| {
                        format!(
                            "offered {} on {}{}",
                            o.post,
                            o.offered.format("%-d %b %Y"),
                            if o.refused { ", refused unreasonably: no redundancy payment" } else { "" }
                        )
                    },
                );
                let reason = if p.reason.is_empty() { "no reason recorded" } else { p.reason.as_str() };
                ui.label(format!("{id}: {reason}; {offer}."));
            }
        });
}

/// The columns of the people table, with what each means.
const COLUMNS: [(&str, &str); 14] = [
    ("ID", "ESR assignment number or other id"),
    ("Name", "Optional; left out of redacted exports"),
    ("ICB", "Employing ICB"),
    ("Site", "The site the person is based at: each site is an establishment for collective consultation"),
    ("Title", "Current job title"),
    ("Function", "The function (from the Model ICB Blueprint catalogue) the person works in"),
    ("Grade", "Agenda for Change band, VSM or other"),
    ("Salary", "Full-time annual salary"),
    ("WTE", "Whole-time equivalent"),
    ("Service", "Complete years of reckonable NHS service (for Section 16 redundancy pay)"),
    ("Cost", "Annual cost to the ICB: pay × WTE + employer NI, local pension and levy"),
    ("Outcome", "What happens to the person, and the post where there is one"),
    ("Effective", "When the outcome takes effect"),
    ("One-off", "Redundancy or MARS payment"),
];

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut PeopleView, cmds: &mut Commands) {
    view.refresh(doc);
    search_bar(ui, doc, view);
    view.refresh(doc);
    bulk_bar(ui, doc, view, cmds);
    details_bar(ui, doc, view, cmds);
    if doc.scenario.people.is_empty() {
        ui.add_space(12.0);
        ui.label(
            egui::RichText::new(
                "No people in this plan yet. File ▸ Import people… brings in a staff list (ESR or a finance extract).",
            )
            .italics(),
        );
        return;
    }
    // Wider than a laptop screen: the columns scroll sideways, so none is out of reach.
    sideways(ui, "people-scroll", |ui| {
        TableBuilder::new(ui)
            .id_salt("people-table")
            .striped(true)
            .resizable(true)
            .column(Column::auto().at_least(100.0))
            .column(Column::auto().at_least(130.0).clip(true))
            .column(Column::auto().at_least(44.0))
            .column(Column::initial(130.0).clip(true))
            .column(Column::initial(200.0).clip(true))
            .column(Column::initial(140.0).clip(true))
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::auto().at_least(44.0))
            .column(Column::auto().at_least(44.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::initial(200.0).clip(true))
            .column(Column::auto().at_least(84.0))
            .column(Column::remainder().at_least(80.0))
            .header(20.0, |mut h| {
                for (col, (title, hover)) in COLUMNS.into_iter().enumerate() {
                    h.col(|ui| sort_button(ui, view, col, title, hover));
                }
            })
            .body(|body| {
                body.rows(20.0, view.rows.len(), |mut row| {
                    let i = view.rows[row.index()];
                    person_row(&mut row, doc, view, i);
                });
            });
    });
}

fn search_bar(ui: &mut egui::Ui, doc: &Document, view: &mut PeopleView) {
    ui.horizontal(|ui| {
        let label = ui.label("Search:");
        ui.add(
            egui::TextEdit::singleline(&mut view.search)
                .id(search_id())
                .hint_text("name, id, title, band, ICB, outcome…")
                .desired_width(320.0),
        )
        .labelled_by(label.id)
        .on_hover_text(
            "Shows the people whose id, name, title, grade, ICB, function, outcome or post contains this text",
        );
        let count = crate::model::money::format_count;
        ui.label(format!("{} of {} people", count(view.rows.len()), count(doc.scenario.people.len())));
    });
}

/// A column heading that sorts by the column: up, down, then as in the file.
fn sort_button(ui: &mut egui::Ui, view: &mut PeopleView, col: usize, title: &str, hover: &str) {
    let arrow = match view.sort {
        Some((c, false)) if c == col => " ↑",
        Some((c, true)) if c == col => " ↓",
        _ => "",
    };
    let b = ui
        .add(egui::Button::new(RichText::new(format!("{title}{arrow}")).strong()).frame(false))
        .on_hover_text(format!("{hover}. Click to sort."));
    if b.clicked() {
        view.sort = match view.sort {
            Some((c, false)) if c == col => Some((col, true)),
            Some((c, true)) if c == col => None,
            _ => Some((col, false)),
        };
    }
}

/// One person's row: a check box to select them, then their figures.
fn person_row(row: &mut egui_extras::TableRow<'_, '_>, doc: &Document, view: &mut PeopleView, i: usize) {
    let p = &doc.scenario.people[i];
    let sum = &doc.summary;
    row.col(|ui| {
        let mut on = view.selected.contains(&p.id);
        if ui.checkbox(&mut on, &p.id).changed() {
            if on {
                view.selected.insert(p.id.clone());
            } else {
                view.selected.remove(&p.id);
            }
        }
    });
    row.col(|ui| {
        ui.label(p.name.as_deref().unwrap_or("—"));
    });
    row.col(|ui| {
        ui.label(p.org.as_str());
    });
    row.col(|ui| {
        ui.label(p.site.as_deref().unwrap_or("—"));
    });
    row.col(|ui| {
        ui.label(&p.title);
    });
    row.col(|ui| {
        ui.label(p.function.as_deref().unwrap_or("—"));
    });
    row.col(|ui| {
        ui.label(p.grade.to_string());
    });
    row.col(|ui| right(ui, format_pounds(p.salary_pence)));
    row.col(|ui| right(ui, p.wte.to_string()));
    row.col(|ui| right(ui, p.service_years.to_string()));
    row.col(|ui| right(ui, format_pounds_pence(sum.person_cost.get(i).copied().unwrap_or(0))));
    row.col(|ui| {
        // The post by its title, as a committee knows it; its id on hover.
        match p.outcome.post() {
            Some(id) => {
                let title = doc.scenario.posts().find(|(_, _, q)| q.id == id).map_or(id, |(_, _, q)| q.title.as_str());
                ui.label(format!("{}: {title}", p.outcome.kind().label())).on_hover_text(format!("Post {id}"));
            }
            None => {
                ui.label(p.outcome.kind().label());
            }
        }
    });
    row.col(|ui| {
        ui.label(p.effective.map_or_else(|| "—".into(), |d| d.to_string()));
    });
    row.col(|ui| {
        let v = sum.person_one_off.get(i).copied().unwrap_or(0);
        right(ui, if v == 0 { String::new() } else { format_pounds_pence(v) });
    });
}

fn right(ui: &mut egui::Ui, text: String) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(RichText::new(text));
    });
}
