//! Keeping work safe in the window: autosave to a recovery copy, the recovery offer at
//! start, the lock-file question, and Save As when a save fails.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::document::Document;
use crate::lock::Holder;
use crate::recovery::{self, RecoveryCopy};

/// How often a document with unsaved changes is copied to the recovery folder.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
pub struct Safety {
    /// When the last recovery copy was started (`None`: not since the last save).
    pub last_autosave: Option<Instant>,
    /// What the last background write said (shown in the status bar).
    pub autosave_result: Arc<Mutex<Option<Result<PathBuf, String>>>>,
    /// Recovery copies found at start, offered one at a time.
    pub offers: Vec<RecoveryCopy>,
    /// "Show what differs" for the offer on screen.
    pub offer_diff: Option<Vec<String>>,
    /// A file someone else has open: (its path, who).
    pub lock_question: Option<(PathBuf, Holder)>,
    /// A save that failed, with its message: Save As is offered.
    pub save_failed: Option<String>,
    /// The user chose "Don't save" on quitting: no recovery copy then.
    pub discarded: bool,
}

impl Safety {
    /// Copies the document to the recovery folder in the background when it has had
    /// unsaved changes for a minute. Cheap on the UI thread: one clone of the scenario.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document) {
        if !doc.dirty {
            self.last_autosave = None;
            return;
        }
        let started = *self.last_autosave.get_or_insert_with(Instant::now);
        if started.elapsed() >= AUTOSAVE_EVERY {
            self.last_autosave = Some(Instant::now());
            let s = doc.scenario.clone();
            let path = doc.path.clone();
            let result = self.autosave_result.clone();
            std::thread::spawn(move || {
                let r = recovery::write(&s, path.as_deref());
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(r);
                }
            });
        }
        // Wake up in time for the next copy even if nothing else happens.
        ctx.request_repaint_after(AUTOSAVE_EVERY);
    }

    /// "Recovery copy saved 12:03" or the error, for the status bar.
    #[must_use]
    pub fn status(&self) -> Option<(String, bool)> {
        let slot = self.autosave_result.lock().ok()?;
        match slot.as_ref()? {
            Ok(_) => Some((format!("Recovery copy kept {}", chrono::Local::now().format("%H:%M")), false)),
            Err(e) => Some((format!("No recovery copy: {e}"), true)),
        }
    }
}

/// What the user answered in one of the dialogs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Restore,
    Discard,
    OpenReadOnly(PathBuf),
    OpenAnyway(PathBuf),
    SaveAs,
    Dismiss,
}

/// Shows whichever dialog is due and returns the answer, if one was given this frame.
pub fn dialogs(ctx: &egui::Context, safety: &mut Safety, doc: &Document) -> Option<Answer> {
    let mut answer = None;
    if let Some(copy) = safety.offers.first() {
        egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
            ui.heading("Recover unsaved work?");
            let what = copy
                .original
                .as_ref()
                .map_or_else(|| format!("a new scenario, \"{}\"", copy.scenario.name), |p| p.display().to_string());
            ui.label(format!("Cluster Planner kept a copy of unsaved changes to {what}, written {}.", copy.written));
            ui.label("Restore opens that copy (unsaved, so you can check it and save it). Discard deletes it.");
            if let Some(lines) = &safety.offer_diff {
                ui.separator();
                // Full height at once: a modal only has the room its last frame used, so
                // without this the dialog would grow and move a step a frame.
                egui::ScrollArea::vertical().max_height(240.0).min_scrolled_height(240.0).show(ui, |ui| {
                    if lines.is_empty() {
                        ui.label("The copy is the same as the file.");
                    }
                    for l in lines {
                        ui.label(l);
                    }
                });
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    answer = Some(Answer::Restore);
                }
                if ui.button("Discard").on_hover_text("Delete the recovery copy").clicked() {
                    answer = Some(Answer::Discard);
                }
                if safety.offer_diff.is_none() && ui.button("Show what differs").clicked() {
                    let on_disk = copy.original.as_deref().and_then(|p| crate::file::load(p).ok());
                    let base = on_disk.unwrap_or_else(|| crate::model::Scenario::empty(""));
                    safety.offer_diff = Some(crate::diff::describe(&base, &copy.scenario));
                }
            });
        });
    } else if let Some((path, holder)) = &safety.lock_question {
        egui::Modal::new(egui::Id::unique("lock-question")).show(ctx, |ui| {
            ui.heading("Someone else has this file open");
            ui.label(format!("{} is open by {holder}.", path.display()));
            ui.label(
                "If you both save, one of you will lose changes. Open it read-only to look without saving over it.",
            );
            ui.horizontal(|ui| {
                if ui.button("Open read-only").clicked() {
                    answer = Some(Answer::OpenReadOnly(path.clone()));
                }
                if ui.button("Open anyway").on_hover_text("Take over the file (for example after a crash)").clicked() {
                    answer = Some(Answer::OpenAnyway(path.clone()));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(Answer::Dismiss);
                }
            });
        });
    } else if let Some(msg) = &safety.save_failed {
        egui::Modal::new(egui::Id::unique("save-failed")).show(ctx, |ui| {
            ui.heading("Not saved");
            ui.label(msg);
            ui.label(format!("{} is still open with its changes.", doc.display_name()));
            ui.horizontal(|ui| {
                if ui.button("Save As…").clicked() {
                    answer = Some(Answer::SaveAs);
                }
                if ui.button("Close").clicked() {
                    answer = Some(Answer::Dismiss);
                }
            });
        });
    }
    answer
}
