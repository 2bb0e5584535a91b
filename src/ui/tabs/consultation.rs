//! Consultation: the HR lead's side of the plan. Each employer's collective consultation
//! (when it starts, when HR1 is filed, from when notices are given), the legal check per
//! employer and site (`engine::consultation`, `validate::consultation`), and the timeline
//! (`report::timeline`, the same rows the board pack draws). Not legal advice.

use chrono::NaiveDate;
use egui_extras::{Column, TableBuilder};

use crate::edit::{Document, Edit};
use crate::engine::consultation::{Employer, Establishment, establishments};
use crate::model::Consultation;
use crate::model::money::{format_count, format_pounds};
use crate::report::timeline::{self, Timeline};
use crate::ui::charts::colour;
use crate::ui::command::Commands;

/// What the tab keeps between frames: the establishments and the timeline, worked out once
/// per change of the document, and today's date (set by tests so pictures do not move).
#[derive(Debug)]
pub struct ConsultationView {
    pub today: NaiveDate,
    /// The sites typed for each ICB, by code, until applied.
    pub sites: std::collections::BTreeMap<String, String>,
    cached: Option<(u64, Vec<Establishment>, Timeline)>,
}

impl Default for ConsultationView {
    fn default() -> Self {
        ConsultationView { today: chrono::Local::now().date_naive(), sites: Default::default(), cached: None }
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.format("%-d %b %Y").to_string())
}

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut ConsultationView, cmds: &mut Commands) {
    if view.cached.as_ref().is_none_or(|(rev, ..)| *rev != doc.revision) {
        let s = &doc.scenario;
        view.cached = Some((doc.revision, establishments(s), Timeline::new(s, view.today)));
    }
    let Some((_, all, line)) = &view.cached else { return };
    ui.label("Collective consultation on redundancies, employer by employer and site by site: 20 or more proposed at one site within 90 days means consulting for at least 30 days before the first dismissal (100 or more: 45) and filing HR1 by then and before any notice (TULRCA 1992 s188, s193). Everyone the plan proposes may be dismissed counts — compulsory and voluntary redundancies, and those at risk or ring-fenced — but not MARS, redeployment or transfers. Not legal advice: check the plan with HR and legal advisers.");
    egui::ScrollArea::vertical().id_salt("consultation-scroll").auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(4.0);
        let duty: Vec<&Establishment> = all.iter().filter(|e| e.duty()).collect();
        let (mut errors, mut to_record) = (0, 0);
        for e in &duty {
            let found = crate::validate::consultation::findings_of(&doc.scenario, e);
            if found.iter().any(|f| f.severity == crate::validate::Severity::Error) {
                errors += 1;
            } else if found.iter().any(|f| f.severity == crate::validate::Severity::Warning) {
                to_record += 1;
            }
        }
        let at_risk: i64 = duty.iter().map(|e| e.exposure).sum();
        ui.strong(format!(
            "{} sites with people proposed for redundancy (decided, at risk or ring-fenced); {} with the duty to consult: {} with an error, {} with something to record. Protective award at risk where the duty applies: {} (a risk, not a cost).",
            format_count(all.len()),
            format_count(duty.len()),
            format_count(errors),
            format_count(to_record),
            format_pounds(at_risk)
        ));
        ui.add_space(6.0);
        ui.heading("The legal check, per employer and site");
        if all.is_empty() {
            ui.label("No one is proposed for compulsory or voluntary redundancy yet: nothing to consult on.");
        } else {
            check_table(ui, doc, all, view.today);
        }
        ui.add_space(10.0);
        let employers = employers(doc, all).len();
        egui::CollapsingHeader::new(egui::RichText::new("Each employer's consultation").heading())
            .id_salt("consultation-plans-header")
            .default_open(employers <= 8)
            .show(ui, |ui| plans(ui, doc, all, &mut view.sites, cmds));
        ui.add_space(10.0);
        ui.heading("Timeline");
        draw_timeline(ui, line);
    });
}

/// The employers to plan for: those with people proposed for redundancy, and those with a
/// consultation already recorded.
fn employers(doc: &Document, all: &[Establishment]) -> Vec<Employer> {
    let s = &doc.scenario;
    let mut out: Vec<Employer> = Vec::new();
    for e in all {
        if !out.contains(&e.employer) {
            out.push(e.employer.clone());
        }
    }
    for o in s.organisations.iter().filter(|o| o.consultation.is_some()) {
        let e = Employer::Icb(o.code.clone());
        if !out.contains(&e) {
            out.push(e);
        }
    }
    for (ci, c) in s.clusters.iter().enumerate().filter(|(_, c)| c.consultation.is_some()) {
        let e = Employer::Merged(ci);
        if c.merger.is_some() && !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// A row per employer: consulting or not, from when, HR1 filed when, notices from when.
fn plans(
    ui: &mut egui::Ui,
    doc: &Document,
    all: &[Establishment],
    typed: &mut std::collections::BTreeMap<String, String>,
    cmds: &mut Commands,
) {
    let s = &doc.scenario;
    let list = employers(doc, all);
    if list.is_empty() {
        ui.label("No employer has people proposed for redundancy or a consultation recorded.");
        return;
    }
    let target = s.assumptions.target_date;
    egui::Grid::new("consultation-plans").striped(true).num_columns(4).show(ui, |ui| {
        ui.strong("Employer");
        ui.strong("Consultation starts");
        ui.strong("HR1 filed or to be filed");
        ui.strong("Notices of dismissal from");
        ui.end_row();
        for (k, employer) in list.iter().enumerate() {
            let name = crate::engine::consultation::employer_name(s, employer);
            let now = crate::engine::consultation::consultation_of(s, employer).cloned();
            let label = ui.label(&name);
            let mut c = now.clone();
            ui.horizontal(|ui| {
                let mut on = c.is_some();
                ui.checkbox(&mut on, "recorded")
                    .labelled_by(label.id)
                    .on_hover_text("Whether this employer's collective consultation is planned or under way");
                if on && c.is_none() {
                    // A first guess: the last day it may start for this employer's sites, or
                    // 90 days before the target date.
                    let start = all
                        .iter()
                        .filter(|e| &e.employer == employer)
                        .filter_map(|e| e.consult_by)
                        .min()
                        .unwrap_or_else(|| crate::engine::consultation::less(target, 90));
                    c = Some(Consultation { start, hr1: None, notices_from: None });
                } else if !on {
                    c = None;
                }
                if let Some(c) = &mut c {
                    crate::ui::widgets::date_picker(ui, &format!("consult-start-{k}"), &mut c.start)
                        .on_hover_text(format!("The first day of consultation with representatives at {name}"));
                }
            });
            // Ticked, HR1 starts on the day consultation starts, and notices on the day its
            // 30 days have run.
            let start = c.as_ref().map_or(target, |c| c.start);
            optional_date(
                ui,
                &format!("consult-hr1-{k}"),
                c.as_mut().map(|c| &mut c.hr1),
                start,
                "HR1 to the Insolvency Service: by the minimum days before the first dismissal, and before any notice",
            );
            optional_date(
                ui,
                &format!("consult-notice-{k}"),
                c.as_mut().map(|c| &mut c.notices_from),
                crate::engine::consultation::plus(start, 30),
                "From when notices of dismissal are given, not before the minimum consultation has run; unticked, each exit date less the person's notice",
            );
            ui.end_row();
            if c != now {
                cmds.edit(Edit::SetConsultation { employer: employer.clone(), consultation: c });
            }
        }
    });
    ui.add_space(6.0);
    ui.label("Each ICB's sites, \";\" between, Enter to keep: a person's site that is not one of them is a finding (it would count as an establishment of its own).");
    egui::Grid::new("consultation-sites").striped(true).num_columns(2).show(ui, |ui| {
        for employer in &list {
            let Employer::Icb(code) = employer else { continue };
            let Some(o) = s.organisation(code) else { continue };
            let label = ui.label(crate::engine::consultation::employer_name(s, employer));
            let text = typed.entry(code.clone()).or_insert_with(|| o.sites.join("; "));
            let r = ui
                .add(egui::TextEdit::singleline(text).desired_width(420.0).hint_text("e.g. County Hall; Loughborough"))
                .labelled_by(label.id);
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let sites: Vec<String> =
                    text.split(';').map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect();
                if sites != o.sites {
                    cmds.edit(Edit::SetSites { org: code.clone(), sites });
                }
            }
            // Typed text lasts while it is being typed; otherwise the field shows the plan's.
            if !r.has_focus() {
                typed.remove(code);
            }
            ui.end_row();
        }
    });
}

/// A date that may be left out: a tick, then the calendar.
fn optional_date(ui: &mut egui::Ui, id: &str, slot: Option<&mut Option<NaiveDate>>, default: NaiveDate, help: &str) {
    ui.horizontal(|ui| {
        let Some(slot) = slot else {
            ui.add_enabled(false, egui::Label::new("—"));
            return;
        };
        let mut on = slot.is_some();
        ui.checkbox(&mut on, "recorded").on_hover_text(help);
        match (on, slot.as_mut()) {
            (true, Some(d)) => {
                crate::ui::widgets::date_picker(ui, id, d).on_hover_text(help);
            }
            (true, None) => *slot = Some(default),
            (false, _) => *slot = None,
        }
    });
}

/// The check, a row per establishment, with what stands out: a finding, or what to record.
fn check_table(ui: &mut egui::Ui, doc: &Document, all: &[Establishment], today: NaiveDate) {
    let s = &doc.scenario;
    let heads = [
        (
            "Employer · site",
            "The employer (each ICB, or a merged ICB from its date) and the site: each site counts alone. A name too long for the column is shortened in the middle; hover for it in full",
        ),
        ("Check", "What the check finds; hover for the finding in full"),
        (
            "Proposed",
            "People proposed for redundancy at this site: compulsory and voluntary redundancies, and those at risk or ring-fenced",
        ),
        ("Most in 90 days", "The most proposed dismissals in any 90 days"),
        ("Minimum", "Minimum consultation before the first dismissal: 30 days from 20, 45 from 100"),
        ("First dismissal", "The first exit of those that bring the duty"),
        (
            "Start by",
            "The last day consultation may start: its minimum days before the first dismissal, and before the first notice",
        ),
        (
            "HR1 by",
            "The last day HR1 may be filed: the minimum days before the first dismissal, and before the first notice",
        ),
        (
            "Award at risk",
            "A protective award of up to the set days' pay for each person if consultation fails: a risk, not a cost",
        ),
    ];
    let rows = all.len();
    // The figures as wide as they need; the names take the rest (at least 160 points: on a
    // narrower window the table scrolls sideways).
    let gap = ui.spacing().item_spacing.x;
    let name_w =
        (ui.available_width() - (116.0 + 62.0 + 104.0 + 62.0 + 3.0 * 86.0 + 92.0) - 9.0 * gap - 24.0).max(160.0);
    egui::ScrollArea::horizontal().id_salt("consultation-check").show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("consultation-table")
            .striped(true)
            .vscroll(false)
            .column(Column::exact(name_w).clip(true))
            .column(Column::exact(116.0).clip(true))
            .column(Column::exact(62.0))
            .column(Column::exact(104.0))
            .column(Column::exact(62.0))
            .columns(Column::exact(86.0), 3)
            .column(Column::exact(92.0))
            .header(22.0, |mut h| {
                for (i, (t, help)) in heads.into_iter().enumerate() {
                    h.col(|ui| {
                        let layout = if i < 2 {
                            egui::Layout::left_to_right(egui::Align::Center)
                        } else {
                            egui::Layout::right_to_left(egui::Align::Center)
                        };
                        ui.with_layout(layout, |ui| {
                            ui.strong(t).on_hover_text(help);
                        });
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, rows, |mut row| {
                    let e = &all[row.index()];
                    let duty = e.duty();
                    let when = |d| if duty { date(d) } else { String::new() };
                    let site = e.site.as_deref().unwrap_or("no site recorded");
                    row.col(|ui| {
                        let code = match &e.employer {
                            Employer::Icb(code) => code.clone(),
                            Employer::Merged(_) => "merged ICB".to_owned(),
                        };
                        let text = fit_middle(ui, &code, site, name_w);
                        ui.label(text).on_hover_text(format!("{} · {site}", e.employer_name));
                    });
                    row.col(|ui| status(ui, s, e, today));
                    let cells = [
                        format_count(e.dismissals.len()),
                        format_count(e.most_in_90_days),
                        if duty { format!("{} days", e.min_days) } else { "no duty".to_owned() },
                        when(e.first_dismissal),
                        when(e.consult_by),
                        when(e.hr1_by),
                        if duty { format_pounds(e.exposure) } else { String::new() },
                    ];
                    for c in cells {
                        row.col(|ui| {
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                ui.label(c);
                            });
                        });
                    }
                });
            });
    });
}

/// "CODE · site", the site shortened in the middle when the whole is wider than `width`
/// ("QK1 · Leicester, Leicest…locality office"): an ICB's sites are usually its name and
/// then what tells them apart, so the end is kept, and the beginning.
fn fit_middle(ui: &egui::Ui, code: &str, site: &str, width: f32) -> String {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let wide = |t: String| ui.fonts_mut(|f| f.layout_no_wrap(t, font.clone(), egui::Color32::WHITE).size().x);
    let whole = format!("{code} · {site}");
    // A little room for the cell's margin.
    let room = width - 8.0;
    if wide(whole.clone()) <= room {
        return whole;
    }
    let chars: Vec<char> = site.chars().collect();
    let shortened = |keep: usize| {
        let tail = keep * 3 / 5;
        let head: String = chars.iter().take(keep - tail).collect();
        let end: String = chars.iter().skip(chars.len() - tail).collect();
        format!("{code} · {}…{}", head.trim_end(), end.trim_start())
    };
    // The most characters kept that fit (a binary search: the width grows with them).
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if wide(shortened(mid)) <= room { lo = mid } else { hi = mid - 1 }
    }
    shortened(lo)
}

fn status(ui: &mut egui::Ui, s: &crate::model::Scenario, e: &Establishment, today: NaiveDate) {
    if !e.duty() {
        let text = if e.most_in_90_days >= 15 {
            format!("near: {} of 20", e.most_in_90_days)
        } else {
            "no duty (under 20)".to_owned()
        };
        ui.label(text).on_hover_text("Fewer than 20 proposed at this site within any 90 days: no duty to consult collectively; a date moved or one more decision may bring it");
        return;
    }
    // Nothing recorded and the last day to start has passed: the dates can no longer be met.
    if e.consultation.is_none() && e.consult_by.is_some_and(|d| d < today) {
        ui.colored_label(ui.visuals().error_fg_color, "✖ too late to start in time").on_hover_text(format!(
            "Consultation had to start by {}; today is {}. Move the exit dates, or take advice on what now follows.",
            date(e.consult_by),
            date(Some(today))
        ));
        return;
    }
    let found = crate::validate::consultation::findings_of(s, e);
    let errors = found.iter().filter(|f| f.severity == crate::validate::Severity::Error).count();
    let warnings = found.iter().filter(|f| f.severity == crate::validate::Severity::Warning).count();
    let all: Vec<String> = found.iter().map(|f| format!("{}: {}", f.severity.label(), f.message)).collect();
    let (text, c) = match (errors, warnings, found.len()) {
        (0, 0, 0) => ("✔ in time".to_owned(), ui.visuals().text_color()),
        (0, 0, _) => ("✔ in time · a note".to_owned(), ui.visuals().text_color()),
        (0, _, _) => ("⚠ to record".to_owned(), ui.visuals().warn_fg_color),
        (n, _, _) => (format!("✖ {n} finding{}", if n == 1 { "" } else { "s" }), ui.visuals().error_fg_color),
    };
    let r = ui.colored_label(c, text);
    if !all.is_empty() {
        r.on_hover_text(all.join("\n\n"));
    }
}

/// The timeline, as the pack draws it: legend, months, a row per site with the duty.
fn draw_timeline(ui: &mut egui::Ui, t: &Timeline) {
    let ink = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    legend(ui, ink);
    if t.rows.is_empty() {
        ui.label("No site has 20 or more proposed redundancies within 90 days: no duty to consult collectively.");
        return;
    }
    let label_w = 280.0_f32.min(ui.available_width() * 0.35);
    #[allow(clippy::cast_precision_loss)]
    let height = 24.0 + 36.0 * t.rows.len() as f32 + 22.0;
    let (resp, p) = ui.allocate_painter(egui::vec2(ui.available_width(), height), egui::Sense::hover());
    let rect = resp.rect;
    let (left, right) = (rect.left() + label_w, rect.right() - 12.0);
    #[allow(clippy::cast_possible_truncation)]
    let x = |d: NaiveDate| left + (right - left) * t.at(d) as f32;
    let top = rect.top() + 20.0;
    let bottom = top + 36.0 * t.rows.len() as f32;
    let font = egui::FontId::proportional(11.0);
    for m in t.months() {
        let mx = x(m);
        p.line_segment(
            [egui::pos2(mx, top), egui::pos2(mx, bottom)],
            egui::Stroke::new(1.0, ui.visuals().faint_bg_color.gamma_multiply(3.0)),
        );
        p.text(
            egui::pos2(mx, top - 4.0),
            egui::Align2::CENTER_BOTTOM,
            m.format("%b %y").to_string(),
            font.clone(),
            weak,
        );
    }
    for (k, r) in t.rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let mid = top + 36.0 * k as f32 + 18.0;
        let c = if r.problem { ui.visuals().error_fg_color } else { ink };
        let galley = p.layout(r.label.clone(), font.clone(), c, label_w - 10.0);
        p.galley(egui::pos2(rect.left(), mid - galley.size().y / 2.0), galley, c);
        marks(&p, r, mid, &x, ink);
    }
    if let Some(note) = t.today_note() {
        p.text(egui::pos2(rect.left(), bottom + 4.0), egui::Align2::LEFT_TOP, note, font.clone(), weak);
    }
    for (d, dashed, words) in [(t.today, true, "today"), (t.target, false, "target date")]
        .into_iter()
        .filter(|(d, ..)| *d != t.today || t.today_shown())
    {
        let dx = x(d);
        let stroke = egui::Stroke::new(1.2, ink);
        if dashed {
            p.extend(egui::Shape::dashed_line(&[egui::pos2(dx, top), egui::pos2(dx, bottom)], stroke, 4.0, 3.0));
        } else {
            p.line_segment([egui::pos2(dx, top), egui::pos2(dx, bottom)], stroke);
        }
        // Written toward the middle, so a date at either end is not cut off.
        let anchor = if dx > right - 80.0 {
            egui::Align2::RIGHT_TOP
        } else if dx < left + 80.0 {
            egui::Align2::LEFT_TOP
        } else {
            egui::Align2::CENTER_TOP
        };
        p.text(egui::pos2(dx, bottom + 4.0), anchor, format!("{words} {}", d.format("%-d %b %Y")), font.clone(), ink);
    }
}

/// What the timeline's marks mean.
fn legend(ui: &mut egui::Ui, ink: egui::Color32) {
    ui.horizontal_wrapped(|ui| {
        for (mark, words) in timeline::LEGEND {
            let (r, p) = ui.allocate_painter(egui::vec2(16.0, 14.0), egui::Sense::hover());
            let c = r.rect.center();
            match mark {
                "consultation" => {
                    p.rect_filled(
                        egui::Rect::from_center_size(c, egui::vec2(14.0, 8.0)),
                        0.0,
                        colour(timeline::CONSULTATION),
                    );
                }
                "minimum" => {
                    p.line_segment([c - egui::vec2(0.0, 6.0), c + egui::vec2(0.0, 6.0)], egui::Stroke::new(2.0, ink));
                }
                "hr1" | "hr1-due" => diamond(&p, c, mark == "hr1"),
                "notice" => {
                    p.rect_filled(
                        egui::Rect::from_center_size(c, egui::vec2(14.0, 4.0)),
                        0.0,
                        colour(timeline::NOTICE),
                    );
                }
                "exits" => {
                    p.circle_filled(c, 4.5, colour(timeline::EXITS));
                }
                _ => {
                    p.line_segment([c - egui::vec2(0.0, 6.0), c + egui::vec2(0.0, 6.0)], egui::Stroke::new(1.2, ink));
                }
            }
            ui.label(words);
        }
    });
}

/// One row's marks: the consultation, the minimum's end, the notice, HR1 and the exits.
fn marks(p: &egui::Painter, r: &timeline::Row, mid: f32, x: &dyn Fn(NaiveDate) -> f32, ink: egui::Color32) {
    let font = egui::FontId::proportional(11.0);
    if let Some((a, b)) = r.consultation {
        p.rect_filled(
            egui::Rect::from_min_max(egui::pos2(x(a), mid - 9.0), egui::pos2(x(b).max(x(a) + 1.0), mid - 1.0)),
            0.0,
            colour(timeline::CONSULTATION),
        );
    }
    if let Some(m) = r.minimum_ends {
        p.line_segment([egui::pos2(x(m), mid - 11.0), egui::pos2(x(m), mid + 1.0)], egui::Stroke::new(2.0, ink));
    }
    if let Some((a, b)) = r.notice {
        p.rect_filled(
            egui::Rect::from_min_max(egui::pos2(x(a), mid + 2.0), egui::pos2(x(b).max(x(a) + 1.0), mid + 6.0)),
            0.0,
            colour(timeline::NOTICE),
        );
    }
    if let Some(d) = r.hr1_by {
        diamond(p, egui::pos2(x(d), mid + 11.0), false);
    }
    if let Some(d) = r.hr1 {
        diamond(p, egui::pos2(x(d), mid + 11.0), true);
    }
    for (d, n) in &r.exits {
        p.circle_filled(egui::pos2(x(*d), mid), 4.5, colour(timeline::EXITS));
        p.text(egui::pos2(x(*d) + 6.0, mid - 5.0), egui::Align2::LEFT_BOTTOM, n.to_string(), font.clone(), ink);
    }
}

fn diamond(p: &egui::Painter, c: egui::Pos2, filled: bool) {
    let pts =
        vec![c - egui::vec2(0.0, 5.0), c + egui::vec2(5.0, 0.0), c + egui::vec2(0.0, 5.0), c - egui::vec2(5.0, 0.0)];
    let blue = colour(timeline::HR1);
    let fill = if filled { blue } else { egui::Color32::TRANSPARENT };
    p.add(egui::Shape::convex_polygon(pts, fill, egui::Stroke::new(1.2, blue)));
}

#[cfg(test)]
mod tests {
    use super::fit_middle;

    /// Two sites of one ICB whose names differ only at the end stay told apart in a
    /// narrow column: each is shortened in the middle, keeps its code, its beginning and
    /// its end, and fits; a name that fits is shown whole.
    #[test]
    fn a_long_site_is_shortened_in_the_middle_and_keeps_its_end() {
        let ctx = egui::Context::default();
        let mut out = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            let width =
                |t: &str| ui.fonts_mut(|f| f.layout_no_wrap(t.to_owned(), font.clone(), egui::Color32::WHITE).size().x);
            for site in [
                "Leicester, Leicestershire and Rutland headquarters",
                "Leicester, Leicestershire and Rutland locality office",
            ] {
                let text = fit_middle(ui, "QK1", site, 200.0);
                out.push((text.clone(), width(&text)));
            }
            out.push((fit_middle(ui, "QPM", "County Hall", 200.0), 0.0));
        });
        // The fonts' textures are not drawn here.
        output.textures_delta.clear();
        let (hq, office, short) = (&out[0], &out[1], &out[2]);
        assert_ne!(hq.0, office.0);
        for (text, w) in [hq, office] {
            assert!(text.starts_with("QK1 · Leic") && text.contains('…'), "{text}");
            assert!(*w <= 192.0, "{text} is {w} points wide");
        }
        assert!(hq.0.ends_with("quarters") && office.0.ends_with("office"), "{hq:?} {office:?}");
        assert_eq!(short.0, "QPM · County Hall");
    }
}
