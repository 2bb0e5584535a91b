//! Asking for a file: the operating system's own dialog (rfd), or, where there is none,
//! the app's own chooser. On Linux rfd needs the xdg-desktop-portal service or zenity; with
//! neither it returns at once with nothing, which looks like a button that does nothing.
//! A native dialog that "answers" in under a second never appeared (nobody cancels that
//! fast), so from then on the app's own chooser is used, and the status bar says why.
//! `CLUSTER_PLANNER_FILE_DIALOG=builtin` chooses the app's own from the start.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::dialogs::file_chooser::{FileChooser, FileRequest};

/// Faster than anyone could cancel a dialog they saw.
const NO_DIALOG_SHOWN: Duration = Duration::from_secs(1);

#[derive(Debug, Default)]
pub struct FileDialogs {
    /// The app's own chooser instead of the operating system's.
    pub built_in: bool,
    /// The app's own chooser, while open.
    pub chooser: Option<FileChooser>,
}

/// What came of asking.
#[derive(Debug)]
pub enum Asked {
    Chosen(PathBuf),
    /// Cancelled, or the app's own chooser is open and will answer later.
    Nothing,
    /// The native dialog could not appear: the app's own is open instead.
    NoNativeDialog,
}

impl FileDialogs {
    #[must_use]
    pub fn from_env() -> FileDialogs {
        let built_in = std::env::var("CLUSTER_PLANNER_FILE_DIALOG").is_ok_and(|v| v.eq_ignore_ascii_case("builtin"));
        FileDialogs { built_in, chooser: None }
    }

    pub fn ask(&mut self, request: FileRequest) -> Asked {
        if self.built_in {
            self.chooser = Some(FileChooser::new(request));
            return Asked::Nothing;
        }
        let started = Instant::now();
        let mut d = rfd::FileDialog::new().set_title(&request.title).add_filter(&request.kind, &request.extensions);
        if let Some(dir) = &request.folder {
            d = d.set_directory(dir);
        }
        if let Some(name) = &request.file_name {
            d = d.set_file_name(name);
        }
        let answer = if request.saving() { d.save_file() } else { d.pick_file() };
        match answer {
            Some(p) => Asked::Chosen(p),
            None if cfg!(target_os = "linux") && started.elapsed() < NO_DIALOG_SHOWN => {
                self.built_in = true;
                self.chooser = Some(FileChooser::new(request));
                Asked::NoNativeDialog
            }
            None => Asked::Nothing,
        }
    }
}

/// The folder of the open file, to start file dialogs in.
#[must_use]
pub fn folder_of(path: Option<&Path>) -> Option<PathBuf> {
    path.and_then(Path::parent).filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf)
}
