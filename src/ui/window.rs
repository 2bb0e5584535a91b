//! The window around the app: eframe's start-up and shut-down, fonts, the crash guard that
//! keeps the work, the recent list kept between runs, and screenshot mode for checks.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use super::app::ClusterPlannerApp;
use super::tabs::Tab;

/// Screenshot mode (`--screenshot OUT.png`): render a few frames, save, close.
#[derive(Debug)]
pub struct Screenshot {
    out: PathBuf,
    /// 0 waiting, 1 requested, 2 saved, 3 failed
    state: Arc<AtomicU8>,
}

const RECENT_KEY: &str = "recent_files";

/// When the process started (set by `run`), for the start-up timing.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Marks the start of the process, for `CLUSTER_PLANNER_TIMING=1`.
pub fn mark_start() {
    let _ = STARTED.set(std::time::Instant::now());
}

/// DejaVu Sans (shipped in assets/fonts with its licence) as a fallback after egui's own
/// font, so symbols such as arrows and bullets draw on every OS instead of as boxes.
pub fn install_fonts(ctx: &egui::Context) {
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        ctx.add_font(egui::epaint::text::FontInsert {
            name: format!("DejaVu Sans ({family:?})"),
            data: egui::FontData::from_static(crate::report::render::FONT),
            families: vec![egui::epaint::text::InsertFontFamily {
                family,
                priority: egui::epaint::text::FontPriority::Lowest,
            }],
        });
    }
}

impl ClusterPlannerApp {
    /// Saves a screenshot of the window to `out` after a few frames, then closes. The
    /// session only looks: no lock is taken and no recovery copy written.
    #[must_use]
    pub fn screenshot_to(mut self, out: PathBuf) -> ClusterPlannerApp {
        self.screenshot = Some(Screenshot { out, state: Arc::new(AtomicU8::new(0)) });
        self.session.look_only = true;
        self
    }

    /// Counts the frame; fonts on the first; the deliberate failure and the timing for checks.
    pub(super) fn start_frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.frames == 1 {
            install_fonts(ctx);
            // Solid scroll bars, always drawn: on a laptop screen a table wider or taller
            // than the window must be seen to scroll (egui's floating bars hide until hover).
            ctx.all_styles_mut(|s| s.spacing.scroll = egui::style::ScrollStyle::solid());
            // Captions, sources and links readable (contrast at least 4.5:1): egui's greyed
            // text, warning orange and link blue are fainter on a light background.
            ctx.style_mut_of(egui::Theme::Light, |s| {
                s.visuals.weak_text_color = Some(egui::Color32::from_rgb(88, 88, 88));
                s.visuals.warn_fg_color = egui::Color32::from_rgb(178, 70, 0);
                s.visuals.hyperlink_color = egui::Color32::from_rgb(0, 90, 170);
            });
            ctx.style_mut_of(egui::Theme::Dark, |s| {
                s.visuals.weak_text_color = Some(egui::Color32::from_rgb(165, 165, 165));
            });
            // For screenshot checks of both looks: CLUSTER_PLANNER_THEME=light or dark.
            match std::env::var("CLUSTER_PLANNER_THEME").as_deref() {
                Ok("light") => ctx.set_theme(egui::ThemePreference::Light),
                Ok("dark") => ctx.set_theme(egui::ThemePreference::Dark),
                _ => {}
            }
        }
        // For the check that a panic keeps the work (.ci/run): fail on purpose at frame N.
        if std::env::var("CLUSTER_PLANNER_PANIC_AT_FRAME").ok().and_then(|v| v.parse::<u64>().ok()) == Some(self.frames)
        {
            panic!("a deliberate failure for the crash check");
        }
        if self.frames == 2 && std::env::var_os("CLUSTER_PLANNER_TIMING").is_some() {
            // Frame 1 lays out; frame 2 is the first drawn with the fonts in place.
            eprintln!(
                "first frames drawn {:.0} ms after start",
                STARTED.get().map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0)
            );
        }
    }

    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(shot) = &self.screenshot else { return };
        ctx.request_repaint();
        match shot.state.load(Ordering::SeqCst) {
            0 if self.frames >= 5 && !self.import.busy() => {
                shot.state.store(1, Ordering::SeqCst);
                let state = shot.state.clone();
                let out = shot.out.clone();
                ctx.request_screenshot(move |image| {
                    let ok = crate::files::write_png(&out, image.size, image.as_raw()).is_ok();
                    state.store(if ok { 2 } else { 3 }, Ordering::SeqCst);
                });
            }
            2 | 3 => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            _ if self.frames > 600 => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            _ => {}
        }
    }
}

impl eframe::App for ClusterPlannerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // A bug in a frame must not take the committee's work with it: keep a recovery
        // copy, say where, and stop.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.show(ui)));
        if let Err(panic) = result {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let text = match self.session.write_recovery_copy() {
                Ok(p) => format!(
                    "Cluster Planner hit a problem it cannot recover from ({what}).\n\nYour unsaved work is kept at\n{}\nand will be offered back when you start Cluster Planner again.",
                    p.display()
                ),
                Err(e) => format!(
                    "Cluster Planner hit a problem it cannot recover from ({what}), and could not keep a copy: {e}"
                ),
            };
            eprintln!("{text}");
            if self.screenshot.is_none() {
                let _ = rfd::MessageDialog::new()
                    .set_title("Cluster Planner")
                    .set_description(&text)
                    .set_level(rfd::MessageLevel::Error)
                    .show();
            }
            std::process::exit(101);
        }
    }

    fn on_exit(&mut self) {
        let _ = self.write_recovery_now();
    }

    /// Only the window's own state is kept between runs (recent files; eframe keeps the
    /// window size and zoom). The scenario lives only in the user's file.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, RECENT_KEY, &self.session.recent);
        }
    }
}

/// How to open the window (from the command line).
#[derive(Debug, Default, Clone)]
pub struct WindowOptions {
    /// Opens this scenario (an unreadable one shows its error over the built-in example).
    pub file: Option<PathBuf>,
    /// Saves the window to this PNG after a few frames and exits (for checks).
    pub screenshot: Option<PathBuf>,
    /// The tab to open on, by its label (any case).
    pub tab: Option<String>,
    /// Opens the import dialog on this staff list.
    pub import: Option<PathBuf>,
    /// The window's inner size in points; 1280 x 800 when not set.
    pub size: Option<[f32; 2]>,
    /// Opens the comparison of options with these scenario files.
    pub compare: Vec<PathBuf>,
    /// The part of the comparison on show, by name: figures, steps, npv, changes.
    pub compare_part: Option<String>,
}

/// The window's smallest size: the import dialog and the tabs are laid out for it.
pub const MIN_WINDOW: [f32; 2] = [800.0, 500.0];

/// Runs the window.
pub fn run(o: WindowOptions) -> eframe::Result {
    let mut app = ClusterPlannerApp::with_built_in_example();
    if let Some(t) = o.tab.as_deref().and_then(Tab::by_label) {
        app.tab = t;
    }
    let shot = o.screenshot.is_some();
    if let Some(out) = o.screenshot {
        app = app.screenshot_to(out);
    }
    let file = o.file;
    if let Some(f) = &file {
        app.open_at_start(f);
    }
    if let Some(people) = &o.import {
        app.import.start(people);
    }
    if !o.compare.is_empty() {
        app.compare.start(&app.session.doc);
        for p in &o.compare {
            app.compare.add(p);
        }
        if let Some(part) = o.compare_part.as_deref().and_then(super::dialogs::compare::Part::by_name) {
            app.compare.part = part;
        }
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(o.size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size(MIN_WINDOW)
            .with_title("Cluster Planner")
            .with_drag_and_drop(true),
        // Checks must not depend on (or change) the user's saved window state.
        // ... nor may a remembered size override --size.
        persist_window: !shot && o.size.is_none(),
        ..Default::default()
    };
    let opened_file = file.is_some();
    eframe::run_native(
        "Cluster Planner",
        options,
        Box::new(move |cc| {
            if !shot {
                app.session.find_offers();
            }
            if !shot && let Some(storage) = cc.storage {
                app.session.recent = eframe::get_value(storage, RECENT_KEY).unwrap_or_default();
                // With no file named, open on the last file when it still opens.
                if !opened_file && let Some(last) = app.session.last_file() {
                    app.open_now(&last);
                }
            }
            Ok(Box::new(app))
        }),
    )
}
