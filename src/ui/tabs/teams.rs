//! Teams: the single management teams of a cluster, their posts, each post's cost with
//! on-costs and its split across the member ICBs, and who holds it.

use crate::edit::Document;
use crate::edit::Edit;
use crate::engine::post_salary;
use crate::model::money::{Pence, format_pounds};
use crate::model::{Pay, Post};
use crate::ui::command::Commands;
use crate::ui::dialogs::post::{self, PostEditor, PostForm, pay_fields};
use crate::ui::widgets::one_line_form;

/// What is being dragged: a person by id.
#[derive(Debug, Clone)]
pub struct DraggedPerson(pub String);

#[derive(Debug, Default)]
pub struct TeamsView {
    /// Filters the list of people to place.
    pub people_search: String,
    pub cluster: usize,
    pub new_team: String,
    /// Which team the form adds to.
    pub form_team: usize,
    pub form: PostForm,
    pub error: Option<String>,
    /// The post being edited in its dialog.
    pub editing: Option<PostEditor>,
    /// The form for a new selection pool.
    pub pools: super::pools::PoolsView,
    /// A team being renamed: (cluster, team, the name as typed).
    pub renaming: Option<(usize, usize, String)>,
    /// The people to place, worked out once per change of the scenario, cluster or search
    /// (not every frame: at 25,000 people a scan a frame is the tab's whole cost).
    place: Option<PlaceList>,
}

/// Who is listed to place, and for what: the document's revision, the cluster, the search.
#[derive(Debug)]
struct PlaceList {
    revision: u64,
    cluster: usize,
    needle: String,
    rows: Vec<usize>,
}

fn pay_text(doc: &Document, pay: &Pay) -> String {
    match pay {
        Pay::AfC { band, point } => format!(
            "{band} point {point} ({})",
            post_salary(&doc.scenario.assumptions, pay).map_or_else(|| "not in table".into(), format_pounds)
        ),
        Pay::Vsm { salary_pence } => format!("VSM {}", format_pounds(*salary_pence)),
        Pay::Salary { salary_pence } => format_pounds(*salary_pence),
    }
}

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut TeamsView, cmds: &mut Commands) {
    let s = &doc.scenario;
    if s.clusters.is_empty() {
        ui.label("Create a cluster on the Clusters tab first: single management teams belong to a cluster.");
        return;
    }
    view.cluster = view.cluster.min(s.clusters.len() - 1);
    let ci = view.cluster;
    ui.horizontal(|ui| {
        egui::ComboBox::new("teams-cluster", "cluster").selected_text(&s.clusters[ci].name).show_ui(ui, |ui| {
            for (i, c) in s.clusters.iter().enumerate() {
                ui.selectable_value(&mut view.cluster, i, &c.name);
            }
        });
        ui.separator();
        let add = ("Add team", "Add a single management team to this cluster");
        if let Some(name) = one_line_form(ui, "New team:", "e.g. Finance directorate", 200.0, &mut view.new_team, add) {
            cmds.edit(Edit::AddTeam { cluster: ci, name });
        }
    });
    let c = &s.clusters[ci];
    // The add form gives way while a post's own dialog is open (the same fields, by name).
    if !c.teams.is_empty() && view.editing.is_none() {
        add_post_form(ui, doc, view, cmds);
    }
    ui.separator();
    egui::Panel::right("teams-people")
        .resizable(true)
        // Narrower on a laptop, so a team's posts keep the room.
        .default_size((ui.available_width() * 0.26).clamp(220.0, 320.0))
        .show(ui, |ui| people_to_place(ui, doc, view));
    if c.teams.is_empty() {
        ui.label("This cluster has no teams yet: type a name in New team above and press Enter (for example \"Cluster executive\"); then add its posts.");
    }
    teams(ui, doc, ci, view, cmds);
    post::show(ui.ctx(), doc, &mut view.editing, cmds);
}

/// Each team of the cluster, with its posts: cost, holders, and each member's share.
fn teams(ui: &mut egui::Ui, doc: &Document, ci: usize, view: &mut TeamsView, cmds: &mut Commands) {
    let c = &doc.scenario.clusters[ci];
    let members = c.members.clone();
    let posts_of_cluster: Vec<&crate::engine::PostCost> =
        doc.summary.posts.iter().filter(|p| p.cluster == ci).collect();
    let mut k = 0;
    // Both ways: a wide team's columns scroll under the people panel's edge, never over it.
    egui::ScrollArea::both().id_salt("teams-posts").auto_shrink([false, false]).show(ui, |ui| {
        for (ti, t) in c.teams.iter().enumerate() {
            let cost: Pence = posts_of_cluster
                .iter()
                .skip(k)
                .take(t.posts.len())
                .filter(|p| p.counted)
                .map(|p| p.cost.to_icb())
                .sum();
            egui::CollapsingHeader::new(format!(
                "{} — {} posts, {} a year",
                t.name,
                t.posts.len(),
                format_pounds(cost)
            ))
            .id_salt(("team", ci, ti))
            .default_open(ti == 0)
            .show(ui, |ui| {
                team_buttons(ui, doc, (ci, ti), &mut view.renaming, cmds);
                egui::Grid::new(("posts", ci, ti)).striped(true).num_columns(8 + members.len()).show(ui, |ui| {
                    // The row's buttons come first, so a narrow window still shows them.
                    ui.label("");
                    for h in ["Post", "Title", "Pay", "WTE", "Host", "Cost with on-costs", "Held by"] {
                        ui.strong(h);
                    }
                    for m in &members {
                        ui.strong(format!("{m} share"));
                    }
                    ui.end_row();
                    for (pi, p) in t.posts.iter().enumerate() {
                        let pc = posts_of_cluster.get(k + pi).copied();
                        post_row(ui, doc, pc, (ci, ti, pi), p, &mut view.editing, cmds);
                        ui.end_row();
                    }
                });
            });
            k += t.posts.len();
        }
        if !c.teams.is_empty() {
            super::pools::show(ui, doc, ci, &mut view.pools, cmds);
        }
    });
}

/// Rename (Enter or OK to apply) and Delete (asks first) for a team.
fn team_buttons(
    ui: &mut egui::Ui,
    doc: &Document,
    (ci, ti): (usize, usize),
    renaming: &mut Option<(usize, usize, String)>,
    cmds: &mut Commands,
) {
    ui.horizontal(|ui| match renaming {
        Some((c, t, name)) if *c == ci && *t == ti => {
            let l = ui.label("Team name:");
            let field = ui.add(egui::TextEdit::singleline(name).desired_width(240.0)).labelled_by(l.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("OK").clicked() || enter) && !name.trim().is_empty() {
                cmds.edit(Edit::RenameTeam { cluster: ci, team: ti, name: name.trim().to_owned() });
                *renaming = None;
            } else if ui.button("Cancel").clicked() {
                *renaming = None;
            }
        }
        _ => {
            if ui.small_button("Rename team").on_hover_text("Give this team another name").clicked() {
                let name = doc.scenario.clusters[ci].teams[ti].name.clone();
                *renaming = Some((ci, ti, name));
            }
            if ui
                .small_button("Delete team")
                .on_hover_text("Delete this team and its posts (undo brings them back)")
                .clicked()
            {
                cmds.edit_or_ask(doc, Edit::DeleteTeam { cluster: ci, team: ti });
            }
        }
    });
}

/// One post's row: id, title, pay, WTE, host, cost (with its parts on hover), who holds it
/// (drop a person there to slot them in), each member's share, and Delete.
fn post_row(
    ui: &mut egui::Ui,
    doc: &Document,
    pc: Option<&crate::engine::PostCost>,
    (ci, ti, pi): (usize, usize, usize),
    p: &crate::model::Post,
    editing: &mut Option<PostEditor>,
    cmds: &mut Commands,
) {
    let s = &doc.scenario;
    ui.horizontal(|ui| {
        let edit =
            ui.small_button("Edit post").on_hover_text(format!("Change post {} or move it to another team", p.id));
        if edit.clicked() {
            *editing = PostEditor::open(&doc.scenario, ci, ti, pi);
        }
        if ui.small_button("Delete").on_hover_text(format!("Delete post {}", p.id)).clicked() {
            cmds.edit_or_ask(doc, Edit::DeletePost { cluster: ci, team: ti, index: pi });
        }
    });
    ui.label(p.id.as_str());
    ui.label(&p.title);
    ui.label(pay_text(doc, &p.pay));
    ui.label(p.wte.to_string());
    ui.label(&p.host);
    ui.label(pc.map_or_else(String::new, |pc| format_pounds(pc.cost.to_icb()))).on_hover_text(pc.map_or_else(
        String::new,
        |pc| {
            format!(
                "Pay {}\nEmployer NI {}\nPension (local) {}\nLevy {}\nFull cost incl. central pension {}",
                format_pounds(pc.cost.pay),
                format_pounds(pc.cost.employer_ni),
                format_pounds(pc.cost.pension_local),
                format_pounds(pc.cost.levy),
                format_pounds(pc.cost.full())
            )
        },
    ));
    // Who holds the post and who is ring-fenced for it: the engine's count.
    let holders: Vec<String> = pc
        .map(|pc| {
            pc.held_by.iter().map(|&i| &s.people[i]).map(|x| x.name.clone().unwrap_or_else(|| x.id.clone())).collect()
        })
        .unwrap_or_default();
    let pool = pc.map_or(0, |pc| pc.ring_fenced);
    let held = match (holders.is_empty(), pool) {
        (true, 0) => "vacant".to_owned(),
        (true, n) => format!("vacant; ring-fenced pool {n} : 1"),
        (false, _) => holders.join(", "),
    };
    // Drop a person on "Held by" to slot them into the post.
    let cell = ui.label(held);
    if cell.dnd_hover_payload::<DraggedPerson>().is_some() {
        ui.painter().rect_stroke(cell.rect.expand(2.0), 2.0, ui.visuals().selection.stroke, egui::StrokeKind::Outside);
    }
    if let Some(person) = cell.dnd_release_payload::<DraggedPerson>() {
        cmds.edit(Edit::SetOutcomes {
            ids: vec![person.0.clone()],
            outcome: crate::model::Outcome::SlottedInto(p.id.clone()),
            effective: None,
        });
    }
    for share in pc.map(|pc| pc.shares.clone()).unwrap_or_default() {
        ui.label(format_pounds(share));
    }
}

/// People of the cluster's ICBs who hold no post yet: drag one onto a post's "Held by".
fn people_to_place(ui: &mut egui::Ui, doc: &Document, view: &mut TeamsView) {
    let s = &doc.scenario;
    let members = &s.clusters[view.cluster].members;
    ui.strong("People to place");
    ui.label(egui::RichText::new("Drag a person onto a post's \"Held by\" to slot them in. The People tab's Set outcome does the same from the keyboard.").weak());
    let l = ui.label("Find:");
    ui.add(
        egui::TextEdit::singleline(&mut view.people_search)
            .hint_text("name, id, title, band")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id);
    let needle = view.people_search.trim().to_lowercase();
    let place = |p: &crate::model::Person| {
        members.iter().any(|m| *m == p.org)
            && p.outcome.holds_post().is_none()
            && !p.outcome.is_exit()
            && (needle.is_empty()
                || p.id.to_lowercase().contains(&needle)
                || p.name.as_deref().is_some_and(|n| n.to_lowercase().contains(&needle))
                || p.title.to_lowercase().contains(&needle)
                || p.grade.to_string().to_lowercase().contains(&needle))
    };
    let kept = match view.place.as_mut().filter(|l| l.cluster == view.cluster && l.needle == needle) {
        Some(l) if l.revision == doc.revision => true,
        // After an edit of some people alone, those people are placed or taken out; the
        // rest of the list stands (no scan of every person after each edit).
        Some(l) => match doc.people_changed_since(l.revision) {
            Some(changed) => {
                for &i in changed {
                    let Some(p) = s.people.get(i) else { continue };
                    match (l.rows.binary_search(&i), place(p)) {
                        (Err(at), true) => l.rows.insert(at, i),
                        (Ok(at), false) => {
                            l.rows.remove(at);
                        }
                        _ => {}
                    }
                }
                l.revision = doc.revision;
                true
            }
            None => false,
        },
        None => false,
    };
    if !kept {
        let rows: Vec<usize> = (0..s.people.len()).filter(|i| place(&s.people[*i])).collect();
        view.place = Some(PlaceList { revision: doc.revision, cluster: view.cluster, needle, rows });
    }
    let rows: &[usize] = view.place.as_ref().map_or(&[], |l| &l.rows);
    let n = rows.len();
    ui.label(format!("{} {}", crate::model::money::format_count(n), if n == 1 { "person" } else { "people" }));
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical().id_salt("place-list").auto_shrink([false, false]).show_rows(
        ui,
        row_h,
        rows.len(),
        |ui, range| {
            for i in &rows[range] {
                let p = &s.people[*i];
                let text = format!(
                    "{} · {} · {} · {} · {}",
                    p.name.as_deref().unwrap_or(&p.id),
                    p.org,
                    p.title,
                    p.grade,
                    p.outcome.kind().label()
                );
                ui.dnd_drag_source(egui::Id::unique(("drag-person", &p.id)), DraggedPerson(p.id.clone()), |ui| {
                    ui.add(egui::Label::new(text).truncate());
                })
                .response
                .on_hover_text(format!("{} — drag onto a post", p.id));
            }
        },
    );
}

fn add_post_form(ui: &mut egui::Ui, doc: &Document, view: &mut TeamsView, cmds: &mut Commands) {
    let s = &doc.scenario;
    let c = &s.clusters[view.cluster];
    view.form_team = view.form_team.min(c.teams.len().saturating_sub(1));
    let mut add = false;
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::new("form-team", "team for the new post").selected_text(&c.teams[view.form_team].name).show_ui(
            ui,
            |ui| {
                for (i, t) in c.teams.iter().enumerate() {
                    ui.selectable_value(&mut view.form_team, i, &t.name);
                }
            },
        );
        let f = &mut view.form;
        let l = ui.label("Title:");
        let title = ui
            .add(egui::TextEdit::singleline(&mut f.title).desired_width(180.0).hint_text("Director of Finance"))
            .labelled_by(l.id);
        // Enter in the title adds the post, as the button does.
        add |= title.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        pay_fields(ui, "form", s, &c.members, f);
        add |= ui.button("Add post").on_hover_text("Add this post to the team").clicked();
    });
    if add {
        match build_post(doc, view.cluster, &view.form) {
            Ok(post) => {
                cmds.edit(Edit::AddPost { cluster: view.cluster, team: view.form_team, post });
                view.form.title.clear();
                view.error = None;
            }
            Err(e) => view.error = Some(e),
        }
    }
    if let Some(e) = &view.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

fn build_post(doc: &Document, ci: usize, f: &PostForm) -> Result<Post, String> {
    let c = &doc.scenario.clusters[ci];
    // A new id: the cluster's members and a number not yet used.
    let prefix = c.members.join("");
    let id = (1..)
        .map(|n| format!("{prefix}-P{n:03}"))
        .find(|id| !doc.scenario.posts().any(|(_, _, p)| p.id == id))
        .unwrap_or_default();
    f.post(c, id, None, None)
}
