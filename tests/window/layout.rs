//! On a laptop's 1024 × 700 screen, on the 2-ICB example and on the 42-ICB, 25,000-person
//! stress file, every tab lays out cleanly: each control a user can click or type in shows
//! inside the window (clipped by a scroll area is fine: it scrolls into view), and no
//! control is drawn over another (as the Teams tab's posts once ran under the People to
//! place panel). Read from egui's own record of each widget's on-screen rectangle, clipped to
//! what is visible.

use crate::common;

use cluster_planner::ui::{ClusterPlannerApp, Tab};
use egui_kittest::Harness;

fn laptop(app: ClusterPlannerApp) -> Harness<'static, ClusterPlannerApp> {
    sized(app, egui::vec2(1024.0, 700.0), 1.0)
}

/// The app in a window of `size` points at `zoom` pixels a point.
fn sized(app: ClusterPlannerApp, size: egui::Vec2, zoom: f32) -> Harness<'static, ClusterPlannerApp> {
    let h = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(zoom)
        .build_ui_state(|ui, app: &mut ClusterPlannerApp| app.show(ui), app);
    record_widget_infos(&h.ctx);
    h
}

/// egui keeps each widget's role and words beside its rectangle only when asked to (in a
/// debug build).
fn record_widget_infos(ctx: &egui::Context) {
    ctx.all_styles_mut(|s| s.debug.show_interactive_widgets = true);
}

/// The controls drawn last frame: (words, whole rectangle, visible rectangle, layer).
fn controls(ctx: &egui::Context) -> Vec<(String, egui::Rect, egui::Rect, egui::LayerId)> {
    ctx.viewport(|v| {
        let w = &v.prev_pass.widgets;
        w.layers()
            .flat_map(|(_, list)| list.iter())
            .filter(|r| r.sense.interactive())
            .filter_map(|r| {
                let info = w.info(r.id)?;
                let rect = r.interact_rect;
                (common::INTERACTIVE.contains(&info.role) && rect.width() >= 1.0 && rect.height() >= 1.0).then(|| {
                    let words = format!("{:?} {:?}", info.role, info.label.clone().unwrap_or_default());
                    (words, r.rect, rect, r.layer_id)
                })
            })
            .collect()
    })
}

/// What is wrong with the layout on screen: controls outside the window, controls on top of
/// each other (by more than a pixel each way).
fn problems_in(ctx: &egui::Context, screen: &str) -> Vec<String> {
    let window = ctx.content_rect().expand(0.5);
    let list = controls(ctx);
    assert!(list.len() >= 5, "{screen}: the screen has its controls ({})", list.len());
    let mut out = Vec::new();
    for (i, (a, whole, ra, layer)) in list.iter().enumerate() {
        // Cut by the window's edge (not by a scroll area inside it, which scrolls it into
        // view): it reaches past the window and what shows of it stops at the edge.
        let at_edge = ra.left() <= window.left() + 1.0
            || ra.right() >= window.right() - 1.0
            || ra.top() <= window.top() + 1.0
            || ra.bottom() >= window.bottom() - 1.0;
        if !window.contains_rect(*whole) && at_edge {
            out.push(format!("{screen}: {a} at {whole:?} is not inside the window"));
        }
        // A dialog or a menu is drawn over the window on a layer of its own, as it should be.
        for (b, _, rb, _) in list[i + 1..].iter().filter(|x| x.3 == *layer) {
            let both = ra.intersect(*rb);
            if both.width() > 1.0 && both.height() > 1.0 {
                out.push(format!("{screen}: {a} at {ra:?} overlaps {b} at {rb:?}"));
            }
        }
    }
    out
}

fn check_every_tab(app: ClusterPlannerApp, name: &str) {
    check_every_tab_in(laptop(app), name);
}

fn check_every_tab_in(mut h: Harness<'static, ClusterPlannerApp>, name: &str) {
    let mut all = Vec::new();
    for tab in Tab::ALL {
        h.state_mut().tab = tab;
        for _ in 0..3 {
            h.step();
        }
        h.run();
        all.extend(problems_in(&h.ctx, &format!("{name} {}", tab.label())));
    }
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all.join("\n"));
}

#[test]
fn every_tab_of_the_two_icb_example_fits_a_laptop_screen() {
    check_every_tab(ClusterPlannerApp::with_built_in_example(), "LNR");
}

#[test]
fn every_tab_of_the_42_icb_stress_file_fits_a_laptop_screen() {
    let doc = cluster_planner::edit::Document::new(
        cluster_planner::examples::england_stress(),
        None,
        "england-stress-25k.ron",
    );
    check_every_tab(ClusterPlannerApp::new(doc), "stress");
}

/// At 150% zoom a 1536 × 1050 screen is 1024 × 700 points; a 2560 × 1440 screen at 100%
/// gives the layout room to spread. Both lay out cleanly.
#[test]
fn every_tab_lays_out_at_150_percent_zoom_and_on_a_large_screen() {
    let stress = || {
        ClusterPlannerApp::new(cluster_planner::edit::Document::new(
            cluster_planner::examples::england_stress(),
            None,
            "england-stress-25k.ron",
        ))
    };
    check_every_tab_in(sized(stress(), egui::vec2(1024.0, 700.0), 1.5), "stress at 150%");
    check_every_tab_in(
        sized(ClusterPlannerApp::with_built_in_example(), egui::vec2(2560.0, 1440.0), 1.0),
        "LNR at 2560",
    );
    check_every_tab_in(sized(stress(), egui::vec2(2560.0, 1440.0), 1.0), "stress at 2560");
}

/// The check sees what it is meant to: a second control drawn on top of the first is found.
#[test]
fn the_check_finds_a_control_drawn_over_another() {
    let mut h = Harness::builder().with_size(egui::vec2(400.0, 300.0)).build_ui(|ui| {
        record_widget_infos(ui.ctx());
        for i in 0..5 {
            let _ = ui.button(format!("Button {i}"));
        }
        let r = ui.button("Under").rect;
        let _ = ui.put(r, egui::Button::new("Over"));
        let _ = ui.put(
            egui::Rect::from_min_size(egui::pos2(380.0, 10.0), egui::vec2(80.0, 20.0)),
            egui::Button::new("Off the edge"),
        );
    });
    h.run();
    let found = problems_in(&h.ctx, "test");
    assert!(found.iter().any(|p| p.contains("\"Over\"") && p.contains("overlaps")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("\"Off the edge\"") && p.contains("not inside")), "{found:?}");
    assert_eq!(found.len(), 2, "nothing else: {found:?}");
}

/// The dialogs at 1024 × 700 too: print, help, the spreadsheet export, the app's own file
/// chooser and a post's editor, each left with Esc.
#[test]
fn the_dialogs_fit_a_laptop_screen() {
    use cluster_planner::ui::command::Command;
    use cluster_planner::ui::dialogs::help::HelpPage;
    let mut app = ClusterPlannerApp::with_built_in_example();
    app.files.built_in = true;
    let mut h = laptop(app);
    h.run();
    let dialogs = [
        ("Print", Command::Print, Tab::Overview),
        ("Guide", Command::Help(HelpPage::Guide), Tab::Overview),
        ("Glossary", Command::Help(HelpPage::Glossary), Tab::Overview),
        ("About", Command::Help(HelpPage::About), Tab::Overview),
        ("Spreadsheet", Command::ExportSpreadsheet, Tab::Overview),
        ("Open", Command::Open, Tab::Overview),
        ("New", Command::New, Tab::Overview),
        ("Move to the 2026/27 map", Command::MoveToNewMap, Tab::Overview),
        ("Compare options", Command::Compare, Tab::Overview),
    ];
    let mut all = Vec::new();
    for (name, command, tab) in dialogs {
        h.state_mut().tab = tab;
        h.state_mut().commands.push(command);
        for _ in 0..3 {
            h.step();
        }
        h.run();
        all.extend(problems_in(&h.ctx, name));
        h.key_press(egui::Key::Escape);
        h.run();
    }
    // The import dialog on a messy staff list, once its worker has read it.
    h.state_mut().tab = Tab::Overview;
    h.state_mut().import.start(std::path::Path::new("tests/import/esr-llr-messy.csv"));
    common::settle_import(&mut h);
    all.extend(problems_in(&h.ctx, "Import"));
    h.key_press(egui::Key::Escape);
    h.run();
    // "Make a merged ICB" on the Clusters tab.
    h.state_mut().tab = Tab::Clusters;
    let form = cluster_planner::ui::tabs::clusters::MergerForm::of(&h.state().session.doc.scenario.clusters[0]);
    h.state_mut().clusters.merging = Some((0, form));
    for _ in 0..3 {
        h.step();
    }
    h.run();
    all.extend(problems_in(&h.ctx, "Make a merged ICB"));
    h.state_mut().clusters.merging = None;
    // A post's own dialog, over the Teams tab.
    h.state_mut().tab = Tab::Teams;
    h.run();
    common::click_first(&mut h, "Edit post");
    all.extend(problems_in(&h.ctx, "Edit post"));
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all.join("\n"));
}
