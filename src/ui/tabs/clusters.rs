//! Clusters: create, rename and delete clusters; add ICBs by dragging them from the list of
//! unclustered ICBs or through "Add to cluster…"; choose how shared posts are split.

use egui::RichText;

use crate::edit::Document;
use crate::edit::Edit;
use crate::model::money::Rate;
use crate::model::money::{format_count, format_pounds, format_pounds_pence};
use crate::model::{Apportionment, Cluster, Share};
use crate::report::short_name;
use crate::ui::command::Commands;
use crate::ui::widgets::one_line_form;

/// What is being dragged: an ICB by its ODS code.
#[derive(Debug, Clone)]
pub struct DraggedIcb(pub String);

#[derive(Debug, Default)]
pub struct ClustersView {
    pub new_name: String,
    /// The cluster being renamed and the name typed so far.
    pub renaming: Option<(usize, String)>,
    /// Custom percentages being typed, per cluster, and the document revision they were
    /// loaded from.
    pub custom: std::collections::BTreeMap<usize, Vec<String>>,
    pub custom_for: u64,
    pub custom_error: Option<(usize, String)>,
    /// The cluster being made a merged ICB, and the form as typed so far.
    pub merging: Option<(usize, MergerForm)>,
}

/// "Make a merged ICB": the date, the merged ICB's name and where the proposal stands.
#[derive(Debug, Default, Clone)]
pub struct MergerForm {
    pub from: String,
    pub name: String,
    pub status: String,
    pub error: Option<String>,
}

impl MergerForm {
    /// Started from the cluster's merger, or from NHS England's proposal: merged ICBs on
    /// 1 April 2027.
    pub fn of(c: &Cluster) -> MergerForm {
        match &c.merger {
            Some(m) => {
                MergerForm { from: m.from.to_string(), name: m.name.clone(), status: m.status.clone(), error: None }
            }
            None => MergerForm {
                from: "2027-04-01".into(),
                name: format!("NHS {} Integrated Care Board", c.name),
                status: "proposed, awaiting NHS England's decision".into(),
                error: None,
            },
        }
    }

    fn merger(&self) -> Result<crate::model::Merger, String> {
        let from = chrono::NaiveDate::parse_from_str(self.from.trim(), "%Y-%m-%d")
            .map_err(|_| format!("\"{}\" is not a date written 2027-04-01", self.from))?;
        if self.name.trim().is_empty() {
            return Err("a merged ICB needs a name".into());
        }
        Ok(crate::model::Merger { from, name: self.name.trim().to_owned(), status: self.status.trim().to_owned() })
    }
}

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut ClustersView, cmds: &mut Commands) {
    let s = &doc.scenario;
    ui.horizontal(|ui| {
        let add = ("Add cluster", "Create an empty cluster with this name");
        let typed = one_line_form(ui, "New cluster:", "e.g. Northamptonshire + LLR", 260.0, &mut view.new_name, add);
        if let Some(name) = typed {
            cmds.edit(Edit::AddCluster { name });
        }
    });
    ui.separator();
    let loose: Vec<&crate::model::Organisation> =
        s.organisations.iter().filter(|o| !s.clusters.iter().any(|c| c.members.contains(&o.code))).collect();
    ui.columns(2, |cols| {
        let left = &mut cols[0];
        left.heading(format!("ICBs not in a cluster ({})", loose.len()));
        left.label(RichText::new("Drag an ICB onto a cluster, or use its Add to cluster… menu.").weak());
        egui::ScrollArea::vertical().id_salt("loose").auto_shrink([false, false]).show(left, |ui| {
            for o in &loose {
                ui.horizontal(|ui| {
                    let id = egui::Id::unique(("drag-icb", &o.code));
                    ui.dnd_drag_source(id, DraggedIcb(o.code.clone()), |ui| {
                        ui.label(format!("• {} {}", o.code, short_name(&o.name)));
                    })
                    .response
                    .on_hover_text(format!(
                        "{} — population {} — drag onto a cluster",
                        o.name,
                        o.population.map_or_else(|| "not known".into(), |p| p.to_string())
                    ));
                    ui.menu_button("Add to cluster…", |ui| {
                        if s.clusters.is_empty() {
                            ui.label("Create a cluster first");
                        }
                        for (ci, c) in s.clusters.iter().enumerate() {
                            if ui.button(&c.name).clicked() {
                                cmds.edit(Edit::AddMember { cluster: ci, org: o.code.clone() });
                                ui.close();
                            }
                        }
                    });
                });
            }
        });

        let right = &mut cols[1];
        right.heading(format!("Clusters ({})", s.clusters.len()));
        egui::ScrollArea::vertical().id_salt("clusters").auto_shrink([false, false]).show(right, |ui| {
            for ci in 0..s.clusters.len() {
                let frame = egui::Frame::group(ui.style()).inner_margin(6.0);
                let (_, dropped) = ui.dnd_drop_zone::<DraggedIcb, ()>(frame, |ui| {
                    ui.set_min_width(ui.available_width());
                    cluster_card(ui, doc, ci, view, cmds);
                });
                if let Some(icb) = dropped {
                    cmds.edit(Edit::AddMember { cluster: ci, org: icb.0.clone() });
                }
                ui.add_space(4.0);
            }
        });
    });
}

/// Percent fields for a cluster's custom shares, applied together when they add up to 100.
fn custom_shares(
    ui: &mut egui::Ui,
    c: &crate::model::Cluster,
    shares: &[Share],
    ci: usize,
    view: &mut ClustersView,
    revision: u64,
    cmds: &mut Commands,
) {
    if view.custom_for != revision {
        view.custom.clear();
        view.custom_for = revision;
    }
    let text = view.custom.entry(ci).or_insert_with(|| {
        c.members
            .iter()
            .map(|m| {
                shares
                    .iter()
                    .find(|s| &s.org == m)
                    .map_or_else(|| "0".into(), |s| s.percent.to_string().trim_end_matches('%').to_owned())
            })
            .collect()
    });
    ui.horizontal_wrapped(|ui| {
        for (m, t) in c.members.iter().zip(text.iter_mut()) {
            let l = ui.label(format!("{m} %"));
            ui.add(egui::TextEdit::singleline(t).desired_width(56.0)).labelled_by(l.id);
        }
        if ui.button("Apply shares").on_hover_text("The percentages must add up to 100").clicked() {
            let parsed: Result<Vec<Rate>, String> = text.iter().map(|t| Rate::parse(t)).collect();
            match parsed {
                Err(e) => view.custom_error = Some((ci, e)),
                Ok(rates) => {
                    let sum: u32 = rates.iter().map(|r| r.0).sum();
                    if sum == 10_000 {
                        let shares =
                            c.members.iter().zip(rates).map(|(m, r)| Share { org: m.clone(), percent: r }).collect();
                        cmds.edit(Edit::SetApportionment { cluster: ci, rule: Apportionment::Custom(shares) });
                        view.custom_error = None;
                    } else {
                        view.custom_error = Some((ci, format!("The shares add up to {}, not 100%.", Rate(sum))));
                    }
                }
            }
        }
    });
    if let Some((i, e)) = &view.custom_error
        && *i == ci
    {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

fn cluster_card(ui: &mut egui::Ui, doc: &Document, ci: usize, view: &mut ClustersView, cmds: &mut Commands) {
    let c = &doc.scenario.clusters[ci];
    // How the cluster's posts are split, as the engine worked it out.
    let weights: &[u64] = doc.summary.clusters.get(ci).map_or(&[], |f| &f.weights);
    // Wrapped: a long name pushes the buttons to the next line, never past the edge.
    ui.horizontal_wrapped(|ui| match &mut view.renaming {
        Some((i, name)) if *i == ci => {
            let label = ui.label("Name:");
            let field = ui.add(egui::TextEdit::singleline(name).desired_width(240.0)).labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("OK").clicked() || enter {
                cmds.edit(Edit::RenameCluster { cluster: ci, name: name.clone() });
                view.renaming = None;
            } else if ui.button("Cancel").clicked() {
                view.renaming = None;
            }
        }
        _ => {
            ui.label(RichText::new(&c.name).strong());
            if ui.small_button("Rename").on_hover_text("Rename this cluster").clicked() {
                view.renaming = Some((ci, c.name.clone()));
            }
            if ui
                .small_button("Delete")
                .on_hover_text("Delete this cluster and its teams (undo brings it back)")
                .clicked()
            {
                cmds.edit_or_ask(doc, Edit::DeleteCluster { cluster: ci });
            }
        }
    });
    merger_row(ui, doc, ci, view, cmds);
    if let Some(f) = doc.summary.clusters.get(ci) {
        // Still to save and surplus side by side, never netted while the member ICBs are
        // separate bodies (the same rule as the Overview's); a merged ICB is one body, so its
        // own gap is what it must save.
        let gap = match f.line.target {
            None => "no target".to_owned(),
            Some(_) if f.merged => format!(
                "as one merged ICB, still to save {}{}",
                format_pounds(f.line.still_to_save),
                if f.line.surplus > 0 {
                    format!(", under target by {}", format_pounds(f.line.surplus))
                } else {
                    String::new()
                }
            ),
            Some(_) => {
                format!(
                    "still to save {}, surplus {}",
                    format_pounds(f.line.still_to_save),
                    format_pounds(f.line.surplus)
                )
            }
        };
        ui.label(format!(
            "Planned {}, target {}: {gap} · {} posts, {} vacant · posts cost {}",
            format_pounds(f.line.planned),
            f.line.target.map_or_else(|| "n/a".into(), format_pounds),
            format_count(f.posts as usize),
            format_count(f.vacant_posts as usize),
            format_pounds(f.posts_cost)
        ));
    }
    apportionment_choice(ui, c, ci, weights, cmds);
    if c.members.is_empty() {
        ui.label(RichText::new("Drop ICBs here").weak().italics());
    }
    let total: u64 = weights.iter().sum();
    if let Apportionment::Custom(shares) = &c.apportionment {
        custom_shares(ui, c, shares, ci, view, doc.revision, cmds);
    }
    for (m, w) in c.members.iter().zip(weights) {
        ui.horizontal_wrapped(|ui| {
            let name = doc
                .scenario
                .organisation(m)
                .map_or_else(|| "(unknown ICB)".to_owned(), |o| short_name(&o.name).to_owned());
            let share = if total > 0 { format!("{:.1}%", 100.0 * *w as f64 / total as f64) } else { "—".into() };
            ui.label(format!("{m} {name}"));
            ui.label(RichText::new(format!("share {share}")).weak());
            if let Some(of) = doc.summary.org(m) {
                ui.label(
                    RichText::new(format!(
                        "per head {}",
                        of.line.planned_per_head().map_or_else(|| "n/a".into(), format_pounds_pence)
                    ))
                    .weak(),
                );
            }
            if ui.small_button("Remove").on_hover_text(format!("Take {m} out of this cluster")).clicked() {
                cmds.edit(Edit::RemoveMember { cluster: ci, org: m.clone() });
            }
        });
    }
}

/// Whether the cluster becomes a merged ICB, and the action that makes it one (or a
/// cluster again). Its members, teams and posts carry over unchanged.
fn merger_row(ui: &mut egui::Ui, doc: &Document, ci: usize, view: &mut ClustersView, cmds: &mut Commands) {
    let c = &doc.scenario.clusters[ci];
    if let Some((i, form)) = &mut view.merging
        && *i == ci
    {
        let mut done = false;
        ui.group(|ui| {
            ui.strong("Make a merged ICB");
            ui.label(
                "From this date the members are one statutory body: one population, one target, one employer. \
                 Staff transfer to it by statute (no redundancy, no cost); the teams and posts carry over.",
            );
            egui::Grid::new(("merger-form", ci)).num_columns(2).show(ui, |ui| {
                let l = ui.label("Merged from (date):");
                ui.add(egui::TextEdit::singleline(&mut form.from).desired_width(110.0)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Name of the merged ICB:");
                ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(320.0)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Where it stands:");
                ui.add(egui::TextEdit::singleline(&mut form.status).desired_width(320.0))
                    .labelled_by(l.id)
                    .on_hover_text("e.g. proposed, awaiting NHS England's decision; approved");
                ui.end_row();
            });
            if let Some(e) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                if ui.button("Make it a merged ICB").clicked() {
                    match form.merger() {
                        Ok(m) => {
                            cmds.edit(Edit::SetMerger { cluster: ci, merger: Some(m) });
                            done = true;
                        }
                        Err(e) => form.error = Some(e),
                    }
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    done = true;
                }
            });
        });
        if done {
            view.merging = None;
        }
        return;
    }
    ui.horizontal_wrapped(|ui| match &c.merger {
        Some(m) => {
            let when = m.from.format("%-d %B %Y");
            let status = if m.status.is_empty() { String::new() } else { format!(" ({})", m.status) };
            ui.label(RichText::new(format!("Merged ICB from {when}: {}{status}", m.name)).strong());
            // The population it would serve, against the smallest NHS England asked for.
            if let Some(pop) = doc.summary.clusters.get(ci).and_then(|f| f.line.population) {
                let least = u64::from(doc.scenario.assumptions.merged_icb_min_population);
                let count = |n: u64| format_count(usize::try_from(n).unwrap_or(usize::MAX));
                let verdict = if pop >= least { "at least" } else { "under" };
                ui.label(format!("serves {} people, {verdict} the {} asked for", count(pop), count(least)));
            }
            if ui.small_button("Change merger").on_hover_text("Change the date or the name").clicked() {
                view.merging = Some((ci, MergerForm::of(c)));
            }
            if ui
                .small_button("Make a cluster again")
                .on_hover_text("The members stay separate statutory bodies sharing posts")
                .clicked()
            {
                cmds.edit(Edit::SetMerger { cluster: ci, merger: None });
            }
        }
        None => {
            if ui
                .small_button("Make a merged ICB…")
                .on_hover_text("From a date the members become one statutory body (NHS England proposed 1 April 2027)")
                .clicked()
            {
                view.merging = Some((ci, MergerForm::of(c)));
            }
        }
    });
}

/// How the cluster's shared posts are split: by population, equally, or by custom
/// percentages (started from the shares in force).
fn apportionment_choice(ui: &mut egui::Ui, c: &Cluster, ci: usize, weights: &[u64], cmds: &mut Commands) {
    ui.horizontal(|ui| {
        let current = match &c.apportionment {
            Apportionment::Population => "By population",
            Apportionment::Equal => "Equally",
            Apportionment::Custom(_) => "Custom percentages",
        };
        egui::ComboBox::new(("rule", ci), "shared posts split")
            .selected_text(current)
            .show_ui(ui, |ui| {
                if ui.selectable_label(matches!(c.apportionment, Apportionment::Population), "By population").clicked()
                {
                    cmds.edit(Edit::SetApportionment { cluster: ci, rule: Apportionment::Population });
                }
                if ui.selectable_label(matches!(c.apportionment, Apportionment::Equal), "Equally").clicked() {
                    cmds.edit(Edit::SetApportionment { cluster: ci, rule: Apportionment::Equal });
                }
                if ui
                    .selectable_label(matches!(c.apportionment, Apportionment::Custom(_)), "Custom percentages")
                    .clicked()
                    && !matches!(c.apportionment, Apportionment::Custom(_))
                {
                    // Start from the shares in force, in hundredths of a percent adding to 100.
                    let bps = crate::model::money::split_by_weights(10_000, weights);
                    let shares = c
                        .members
                        .iter()
                        .zip(bps)
                        .map(|(m, bp)| Share { org: m.clone(), percent: Rate(u32::try_from(bp).unwrap_or(0)) })
                        .collect();
                    cmds.edit(Edit::SetApportionment { cluster: ci, rule: Apportionment::Custom(shares) });
                }
            })
            .response
            .on_hover_text(crate::report::help::meaning("Apportionment"));
    });
}
