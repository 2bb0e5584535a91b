//! Frame-time benchmark: runs the real window code headless (an egui context with no
//! renderer: layout and tessellation, which is the app's CPU cost per frame).

use std::time::Instant;

use super::{ClusterPlannerApp, Tab};
use crate::edit::Document;
use crate::edit::Edit;
use crate::model::Outcome;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut ClusterPlannerApp) {
    let out = ctx.run_ui(input(), |ui| app.show(ui));
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    std::hint::black_box(prims);
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// (what, median milliseconds) for each measured case.
#[must_use]
pub fn frames(doc: Document, n: usize) -> Vec<(String, f64)> {
    let ctx = egui::Context::default();
    let mut app = ClusterPlannerApp::new(doc);
    let mut out = Vec::new();
    for tab in [Tab::Overview, Tab::People, Tab::Teams] {
        app.tab = tab;
        out.push((format!("one frame, {} tab, median of {n}", tab.label()), settled_frame(&ctx, &mut app, n)));
    }
    // An edit: one person's outcome toggled, the figures and findings brought up to date,
    // and the next frame drawn, on each tab that lists people or posts.
    let Some(id) = app.session.doc.scenario.people.first().map(|p| p.id.clone()) else { return out };
    for tab in [Tab::Overview, Tab::People, Tab::Teams] {
        app.tab = tab;
        let times: Vec<f64> = (0..n.min(100))
            .map(|k| {
                let outcome = if k % 2 == 0 { Outcome::AtRisk } else { Outcome::NotAffected };
                let t = Instant::now();
                app.edit(Edit::SetOutcomes { ids: vec![id.clone()], outcome, effective: None });
                frame(&ctx, &mut app);
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        out.push((format!("an edit and the next {} frame, median of {}", tab.label(), n.min(100)), median(times)));
    }
    // An edit of an ICB's own figures (its baseline non-pay, up a penny and back), as the
    // ICBs tab makes it, and the next frame on that tab and on those that show its effect.
    let Some(o) = app.session.doc.scenario.organisations.first().cloned() else { return out };
    for tab in [Tab::Icbs, Tab::Overview, Tab::Teams] {
        app.tab = tab;
        let times: Vec<f64> = (0..n.min(100))
            .map(|k| {
                let baseline_pence = o.baseline_non_pay_pence + i64::from(k % 2 == 0);
                let t = Instant::now();
                app.edit(Edit::SetNonPay {
                    org: o.code.clone(),
                    baseline_pence,
                    planned_pence: o.planned_non_pay_pence,
                });
                frame(&ctx, &mut app);
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        out.push((
            format!("an edit of an ICB's non-pay and the next {} frame, median of {}", tab.label(), n.min(100)),
            median(times),
        ));
    }
    // An edit of a post (its pay point, up one and back), as the Teams tab makes it, and the
    // next Teams frame: an edit of the structure, the figures and checks made again in full.
    let s = &app.session.doc.scenario;
    let Some((ci, ti, post)) = s.clusters.iter().enumerate().find_map(|(ci, c)| {
        c.teams.iter().enumerate().find_map(|(ti, t)| t.posts.first().map(|p| (ci, ti, p.clone())))
    }) else {
        return out;
    };
    app.tab = Tab::Teams;
    let times: Vec<f64> = (0..n.min(20))
        .map(|k| {
            // Half time and full time in turn (a post of over 1 WTE, possible in a file, could
            // not be put back by this edit, and a refused edit is not what is measured).
            let mut p = post.clone();
            p.wte = crate::model::money::Wte(if k % 2 == 0 { 5_000 } else { 10_000 });
            let t = Instant::now();
            app.edit(Edit::UpdatePost { cluster: ci, team: ti, index: 0, post: p });
            frame(&ctx, &mut app);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    out.push((format!("an edit of a post's WTE and the next Teams frame, median of {}", n.min(20)), median(times)));
    out
}

/// The comparison dialog's frame (its figures part, the grid) over the open scenario and
/// the options given: (what, median milliseconds).
#[must_use]
pub fn compare_frame(doc: Document, options: &[std::path::PathBuf], n: usize) -> (String, f64) {
    let ctx = egui::Context::default();
    let mut app = ClusterPlannerApp::new(doc);
    app.compare.start(&app.session.doc);
    for p in options {
        app.compare.add(p);
    }
    (
        format!("one frame, Compare options ({} options), median of {n}", options.len() + 1),
        settled_frame(&ctx, &mut app, n),
    )
}

/// The median of `n` frames, after ten to settle (layouts cached, fonts loaded).
fn settled_frame(ctx: &egui::Context, app: &mut ClusterPlannerApp, n: usize) -> f64 {
    for _ in 0..10 {
        frame(ctx, app);
    }
    let times: Vec<f64> = (0..n)
        .map(|_| {
            let t = Instant::now();
            frame(ctx, app);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    median(times)
}
