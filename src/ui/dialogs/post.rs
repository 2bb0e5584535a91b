//! A post's fields as a form: the Teams tab's "Add post" row, and the "Edit post" dialog,
//! where every field of a post can be changed after it is made (title, pay, WTE, host ICB,
//! programme funding, reports-to, start date) and the post moved to another team.

use chrono::NaiveDate;

use crate::edit::{Document, Edit};
use crate::model::money::{Wte, format_pounds, parse_pounds};
use crate::model::{Band, Cluster, Funding, Pay, Post, Scenario};
use crate::ui::command::Commands;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayKind {
    AfC,
    Vsm,
    Salary,
}

/// A post's fields as typed.
#[derive(Debug, Clone)]
pub struct PostForm {
    pub title: String,
    pub kind: PayKind,
    pub band: Band,
    pub point: u8,
    pub salary: String,
    pub wte: String,
    /// The host ICB, as an index into the cluster's members.
    pub host: usize,
    pub programme: bool,
}

impl Default for PostForm {
    fn default() -> Self {
        PostForm {
            title: String::new(),
            kind: PayKind::AfC,
            band: Band::Band8a,
            point: 1,
            salary: String::new(),
            wte: "1".into(),
            host: 0,
            programme: false,
        }
    }
}

impl PostForm {
    /// The form filled from a post of cluster `c`.
    #[must_use]
    pub fn of(p: &Post, c: &Cluster) -> PostForm {
        let (kind, band, point, salary) = match &p.pay {
            Pay::AfC { band, point } => (PayKind::AfC, *band, *point, String::new()),
            Pay::Vsm { salary_pence } => (PayKind::Vsm, Band::Band8a, 1, pounds_text(*salary_pence)),
            Pay::Salary { salary_pence } => (PayKind::Salary, Band::Band8a, 1, pounds_text(*salary_pence)),
        };
        PostForm {
            title: p.title.clone(),
            kind,
            band,
            point,
            salary,
            wte: p.wte.to_string(),
            host: c.members.iter().position(|m| *m == p.host).unwrap_or(0),
            programme: p.funding == Funding::Programme,
        }
    }

    /// The post these fields make, with its id, reporting line and start date; or what is
    /// wrong with them.
    pub fn post(
        &self,
        c: &Cluster,
        id: String,
        reports_to: Option<String>,
        effective: Option<NaiveDate>,
    ) -> Result<Post, String> {
        if self.title.trim().is_empty() {
            return Err("Give the post a title.".into());
        }
        let host =
            c.members.get(self.host).cloned().ok_or("Add an ICB to the cluster first: a post needs a host ICB.")?;
        let pay = match self.kind {
            PayKind::AfC => Pay::AfC { band: self.band, point: self.point },
            PayKind::Vsm | PayKind::Salary => {
                let p = parse_pounds(&self.salary)
                    .filter(|p| *p > 0)
                    .ok_or_else(|| format!("\"{}\" is not a salary such as 120,000", self.salary))?;
                if self.kind == PayKind::Vsm { Pay::Vsm { salary_pence: p } } else { Pay::Salary { salary_pence: p } }
            }
        };
        let wte = Wte::parse(&self.wte)?.at_most_full_time_as(&self.wte)?;
        Ok(Post {
            id: id.into(),
            title: self.title.trim().to_owned(),
            pay,
            wte,
            host,
            funding: if self.programme { Funding::Programme } else { Funding::RunningCost },
            reports_to,
            effective,
        })
    }
}

fn pounds_text(p: i64) -> String {
    let (pounds, pence) = (p / 100, p % 100);
    if pence == 0 { pounds.to_string() } else { format!("{pounds}.{pence:02}") }
}

/// The pay (kind, band and point or salary), WTE, host ICB and funding of a post form.
/// `id` keeps two forms' widgets apart.
pub fn pay_fields(ui: &mut egui::Ui, id: &str, s: &Scenario, members: &[String], f: &mut PostForm) {
    egui::ComboBox::new(format!("{id}-kind"), "pay")
        .selected_text(match f.kind {
            PayKind::AfC => "Agenda for Change",
            PayKind::Vsm => "VSM salary",
            PayKind::Salary => "Other salary",
        })
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut f.kind, PayKind::AfC, "Agenda for Change");
            ui.selectable_value(&mut f.kind, PayKind::Vsm, "VSM salary");
            ui.selectable_value(&mut f.kind, PayKind::Salary, "Other salary");
        });
    if f.kind == PayKind::AfC {
        egui::ComboBox::new(format!("{id}-band"), "band").selected_text(f.band.to_string()).show_ui(ui, |ui| {
            for b in Band::ALL {
                ui.selectable_value(&mut f.band, b, b.to_string());
            }
        });
        let points = s.assumptions.afc_pay.iter().find(|x| x.band == f.band).map_or(0, |x| x.points_pence.len());
        f.point = f.point.clamp(1, u8::try_from(points.max(1)).unwrap_or(1));
        egui::ComboBox::new(format!("{id}-point"), "pay point").selected_text(format!("point {}", f.point)).show_ui(
            ui,
            |ui| {
                for p in 1..=u8::try_from(points).unwrap_or(1) {
                    let pay = s.assumptions.afc_point(f.band, p).map_or_else(String::new, format_pounds);
                    ui.selectable_value(&mut f.point, p, format!("point {p} ({pay})"));
                }
            },
        );
    } else {
        let l = ui.label("Salary £:");
        ui.add(egui::TextEdit::singleline(&mut f.salary).desired_width(90.0).hint_text("120,000")).labelled_by(l.id);
    }
    let l = ui.label("WTE:");
    ui.add(egui::TextEdit::singleline(&mut f.wte).desired_width(40.0))
        .labelled_by(l.id)
        .on_hover_text("Whole-time equivalent, e.g. 1 or 0.6; at most 1 (a job share is one post)");
    let host_name = members.get(f.host).cloned().unwrap_or_else(|| "—".into());
    egui::ComboBox::new(format!("{id}-host"), "host ICB").selected_text(host_name).show_ui(ui, |ui| {
        for (i, m) in members.iter().enumerate() {
            ui.selectable_value(&mut f.host, i, m);
        }
    });
    ui.checkbox(&mut f.programme, "Programme-funded")
        .on_hover_text("Funded from programme rather than running-cost allowance");
}

/// The "Edit post" dialog's state: which post, and its fields as typed.
#[derive(Debug, Clone)]
pub struct PostEditor {
    pub cluster: usize,
    pub team: usize,
    pub index: usize,
    pub id: String,
    pub form: PostForm,
    pub reports_to: Option<String>,
    /// Starts on a date, or (unticked) on the target date.
    pub dated: bool,
    pub effective: NaiveDate,
    /// The team the post is in after saving (moving it when it differs).
    pub to_team: usize,
    pub error: Option<String>,
}

impl PostEditor {
    /// The editor on the post at (cluster, team, index), if there is one.
    #[must_use]
    pub fn open(s: &Scenario, cluster: usize, team: usize, index: usize) -> Option<PostEditor> {
        let c = s.clusters.get(cluster)?;
        let p = c.teams.get(team)?.posts.get(index)?;
        Some(PostEditor {
            cluster,
            team,
            index,
            id: p.id.to_string(),
            form: PostForm::of(p, c),
            reports_to: p.reports_to.clone(),
            dated: p.effective.is_some(),
            effective: p.effective.unwrap_or(s.assumptions.target_date),
            to_team: team,
            error: None,
        })
    }
}

/// Draws the dialog; Save pushes the change (and the move to another team) as edits.
pub fn show(ctx: &egui::Context, doc: &Document, editor: &mut Option<PostEditor>, cmds: &mut Commands) {
    let Some(e) = editor else { return };
    let s = &doc.scenario;
    let Some(c) = s.clusters.get(e.cluster) else {
        *editor = None;
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("post-editor")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(format!("Edit post {}", e.id));
        egui::Grid::new("post-editor-grid").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            let l = ui.label("Title:");
            ui.add(egui::TextEdit::singleline(&mut e.form.title).desired_width(320.0)).labelled_by(l.id);
            ui.end_row();
            ui.label("Pay and host:");
            // In a column of its own width, so the grid's row grows with the wrapped line
            // (a bare wrapped row in a grid cell ran under the next row).
            ui.vertical(|ui| {
                ui.set_max_width(460.0);
                ui.horizontal_wrapped(|ui| pay_fields(ui, "edit", s, &c.members, &mut e.form));
            });
            ui.end_row();
            ui.label("Team:");
            let team_name = c.teams.get(e.to_team).map_or("—", |t| t.name.as_str());
            egui::ComboBox::new("edit-team", "team").selected_text(team_name).show_ui(ui, |ui| {
                for (i, t) in c.teams.iter().enumerate() {
                    ui.selectable_value(&mut e.to_team, i, &t.name);
                }
            });
            ui.end_row();
            ui.label("Reports to:");
            let shown = |id: &Option<String>| {
                id.as_deref().map_or_else(
                    || "no one in the teams".to_owned(),
                    |id| {
                        s.posts()
                            .find(|(_, _, q)| q.id == id)
                            .map_or_else(|| id.to_owned(), |(_, _, q)| q.title.clone())
                    },
                )
            };
            egui::ComboBox::new("edit-reports", "reports to").selected_text(shown(&e.reports_to)).width(320.0).show_ui(
                ui,
                |ui| {
                    ui.selectable_value(&mut e.reports_to, None, "no one in the teams");
                    for q in c.teams.iter().flat_map(|t| &t.posts).filter(|q| q.id != e.id) {
                        ui.selectable_value(
                            &mut e.reports_to,
                            Some(q.id.to_string()),
                            format!("{} ({})", q.title, q.id),
                        );
                    }
                },
            );
            ui.end_row();
            ui.label("Starts:");
            ui.horizontal(|ui| {
                ui.checkbox(&mut e.dated, "on").on_hover_text(format!(
                    "Unticked, the post starts on the target date ({})",
                    s.assumptions.target_date
                ));
                if e.dated {
                    crate::ui::widgets::date_picker(ui, "edit-post-date", &mut e.effective);
                }
            });
            ui.end_row();
        });
        if let Some(err) = &e.error {
            ui.colored_label(ui.visuals().error_fg_color, err);
        }
        ui.horizontal(|ui| {
            if ui.button("Save").on_hover_text("Apply the changes: Edit ▸ Undo takes them back").clicked() {
                let effective = e.dated.then_some(e.effective);
                match e.form.post(c, e.id.clone(), e.reports_to.clone(), effective) {
                    Ok(post) => {
                        let (cluster, team, index) = (e.cluster, e.team, e.index);
                        let old = c.teams.get(team).and_then(|t| t.posts.get(index));
                        if old != Some(&post) {
                            cmds.edit(Edit::UpdatePost { cluster, team, index, post });
                        }
                        if e.to_team != team {
                            cmds.edit(Edit::MovePost { cluster, team, index, to_team: e.to_team });
                        }
                        close = true;
                    }
                    Err(err) => e.error = Some(err),
                }
            }
            if ui.button("Cancel").on_hover_text("Change nothing").clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                close = true;
            }
        });
    });
    if close {
        *editor = None;
    }
}
