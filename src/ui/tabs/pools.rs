//! Selection pools, under a cluster's teams: a ring-fenced pool is a set of posts and its
//! candidates (candidates : posts shown), each candidate's result recorded — appointed to
//! one of the posts, not appointed (at risk) or withdrew (at risk) — and the person's
//! outcome changed with it in one undoable step.

use std::collections::BTreeSet;

use crate::edit::{Document, Edit};
use crate::model::money::format_count;
use crate::model::{Pool, Selection};
use crate::ui::command::Commands;

/// The form for a new pool.
#[derive(Debug, Default)]
pub struct PoolsView {
    pub name: String,
    pub posts: BTreeSet<String>,
}

pub fn show(ui: &mut egui::Ui, doc: &Document, ci: usize, view: &mut PoolsView, cmds: &mut Commands) {
    let s = &doc.scenario;
    let Some(c) = s.clusters.get(ci) else { return };
    let title = |id: &str| {
        c.teams.iter().flat_map(|t| &t.posts).find(|p| p.id == id).map_or_else(|| id.to_owned(), |p| p.title.clone())
    };
    egui::CollapsingHeader::new(format!("Selection pools ({})", c.pools.len()))
        .id_salt(("pools", ci))
        .default_open(!c.pools.is_empty())
        .show(ui, |ui| {
            ui.add(
                egui::Label::new("A ring-fenced pool: posts and the people who compete for them. Record each candidate's result: appointed to a post, not appointed (at risk) or withdrew (at risk); their outcome follows.")
                    .wrap(),
            );
            for (k, pool) in c.pools.iter().enumerate() {
                pool_section(ui, doc, ci, k, pool, &title, cmds);
            }
            new_pool(ui, doc, ci, view, cmds);
        });
}

fn pool_section(
    ui: &mut egui::Ui,
    doc: &Document,
    ci: usize,
    k: usize,
    pool: &Pool,
    title: &dyn Fn(&str) -> String,
    cmds: &mut Commands,
) {
    let s = &doc.scenario;
    let (n, m) = (pool.candidates.len(), pool.posts.len());
    let appointed = pool.candidates.iter().filter(|c| matches!(c.result, Selection::Appointed(_))).count();
    let heading = format!(
        "{} — {} : {} (candidates : posts), {} appointed",
        pool.name,
        format_count(n),
        format_count(m),
        format_count(appointed)
    );
    egui::CollapsingHeader::new(heading).id_salt(("pool", ci, k)).default_open(true).show(ui, |ui| {
        let posts: Vec<String> = pool.posts.iter().map(|p| format!("{p} {}", title(p))).collect();
        ui.add(egui::Label::new(format!("Posts: {}", posts.join("; "))).wrap());
        let ring_fenced: Vec<String> = s
            .people
            .iter()
            .filter(|p| p.outcome.post().is_some_and(|id| pool.posts.iter().any(|q| q == id)))
            .filter(|p| matches!(p.outcome, crate::model::Outcome::RingFencedFor(_)))
            .filter(|p| !pool.candidates.iter().any(|c| c.person == p.id))
            .map(|p| p.id.clone())
            .collect();
        ui.horizontal_wrapped(|ui| {
            let add = ui
                .add_enabled(
                    !ring_fenced.is_empty(),
                    egui::Button::new(format!("Add the {} ring-fenced for these posts", ring_fenced.len())),
                )
                .on_hover_text("The people whose outcome is ring-fenced for a post of this pool, and not yet in it");
            if add.clicked()
                && let Some(e) = Edit::add_candidates(s, ci, k, &ring_fenced)
            {
                cmds.edit(e);
            }
            if ui.button("Delete pool").on_hover_text("The pool goes; its people keep their outcomes").clicked() {
                cmds.edit(Edit::SetPool { cluster: ci, index: k, pool: None });
            }
        });
        if pool.candidates.is_empty() {
            ui.label("No candidates yet: ring-fence people for these posts on the People tab, then add them here.");
            return;
        }
        egui::Grid::new(("pool-candidates", ci, k)).striped(true).num_columns(3).show(ui, |ui| {
            ui.strong("Candidate");
            ui.strong("Now");
            ui.strong("Result");
            ui.end_row();
            for c in &pool.candidates {
                let person = s.people.iter().find(|p| p.id == c.person);
                let name = person
                    .and_then(|p| p.name.clone())
                    .map_or_else(|| c.person.clone(), |n| format!("{} {n}", c.person));
                let label = ui.label(&name);
                ui.label(person.map_or("not in the plan", |p| p.title.as_str()));
                let mut result = c.result.clone();
                egui::ComboBox::from_id_salt(("pool-result", ci, k, &c.person))
                    .selected_text(result.label())
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut result, Selection::Pending, "pending (ring-fenced)");
                        for p in &pool.posts {
                            ui.selectable_value(
                                &mut result,
                                Selection::Appointed(p.clone()),
                                format!("appointed to {p} {}", title(p)),
                            );
                        }
                        ui.selectable_value(&mut result, Selection::NotAppointed, "not appointed (at risk)");
                        ui.selectable_value(&mut result, Selection::Withdrew, "withdrew (at risk)");
                    })
                    .response
                    .labelled_by(label.id);
                if result != c.result
                    && let Some(e) = Edit::record_selection(s, ci, k, &c.person, result)
                {
                    cmds.edit(e);
                }
                ui.end_row();
            }
        });
    });
}

/// A new pool: its name and the cluster's posts it holds.
fn new_pool(ui: &mut egui::Ui, doc: &Document, ci: usize, view: &mut PoolsView, cmds: &mut Commands) {
    let Some(c) = doc.scenario.clusters.get(ci) else { return };
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("New pool:");
        ui.add(
            egui::TextEdit::singleline(&mut view.name).hint_text("e.g. Band 7 finance analysts").desired_width(220.0),
        )
        .labelled_by(l.id);
        let ready = !view.name.trim().is_empty() && !view.posts.is_empty();
        let create = ui
            .add_enabled(
                ready,
                egui::Button::new(match view.posts.len() {
                    1 => "Create pool of 1 post".to_owned(),
                    n => format!("Create pool of {n} posts"),
                }),
            )
            .on_hover_text("Tick the posts it holds below, then create it");
        if create.clicked() {
            let pool = Pool {
                name: view.name.trim().to_owned(),
                posts: view.posts.iter().cloned().collect(),
                candidates: Vec::new(),
            };
            cmds.edit(Edit::SetPool { cluster: ci, index: c.pools.len(), pool: Some(pool) });
            view.name.clear();
            view.posts.clear();
        }
    });
    egui::ScrollArea::vertical().id_salt(("pool-posts", ci)).max_height(140.0).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for t in &c.teams {
                for p in &t.posts {
                    let mut on = view.posts.contains(p.id.as_str());
                    if ui.checkbox(&mut on, format!("{} {}", p.id, p.title)).on_hover_text(&t.name).changed() {
                        if on {
                            view.posts.insert(p.id.to_string());
                        } else {
                            view.posts.remove(p.id.as_str());
                        }
                    }
                }
            }
        });
    });
}
