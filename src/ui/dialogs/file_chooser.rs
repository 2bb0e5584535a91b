//! The app's own file chooser, for a desktop with no native one: a Linux session without
//! the xdg-desktop-portal service or zenity, where rfd's dialog cannot appear. A folder's
//! sub-folders and the files of the kind asked for; a name typed or clicked; Up and Home;
//! Enter or a double click to choose; Cancel or Esc to leave.

use std::path::{Path, PathBuf};

use crate::ui::command::{Command, Commands};

/// What the chosen file is for, and so what happens to it.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Open,
    SaveAs,
    Import,
    Export(crate::ui::command::Export),
    /// Another scenario for the comparison of options.
    CompareAdd,
    /// A scenario to be the comparison's base.
    CompareBase,
}

/// What to ask for: the title, the kind of file and where to start.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRequest {
    pub purpose: Purpose,
    pub title: String,
    /// The kind's name ("Cluster Planner scenario") and its extensions, without the dot.
    pub kind: String,
    pub extensions: Vec<String>,
    pub folder: Option<PathBuf>,
    /// The name offered when saving.
    pub file_name: Option<String>,
}

impl FileRequest {
    #[must_use]
    pub fn saving(&self) -> bool {
        matches!(self.purpose, Purpose::SaveAs | Purpose::Export(_))
    }
}

#[derive(Debug)]
pub struct FileChooser {
    pub request: FileRequest,
    pub folder: PathBuf,
    /// The name typed or clicked (or a whole path).
    pub name: String,
    /// The folder's sub-folders and matching files, read when the folder changes.
    entries: Vec<(String, bool)>,
    problem: Option<String>,
    /// A save over an existing file waits for a second click.
    replace: Option<PathBuf>,
}

impl FileChooser {
    #[must_use]
    pub fn new(request: FileRequest) -> FileChooser {
        let folder = request
            .folder
            .clone()
            .filter(|f| f.is_dir())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        // A whole path, so the folder shown is unambiguous and Up always has somewhere to go.
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        let name = request.file_name.clone().unwrap_or_default();
        let mut c = FileChooser { request, folder, name, entries: Vec::new(), problem: None, replace: None };
        c.read_folder();
        c
    }

    fn read_folder(&mut self) {
        self.entries.clear();
        self.problem = None;
        match std::fs::read_dir(&self.folder) {
            Err(e) => self.problem = Some(format!("{} cannot be read: {e}", self.folder.display())),
            Ok(list) => {
                for e in list.flatten() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let dir = e.path().is_dir();
                    if dir || self.matches(&e.path()) {
                        self.entries.push((name, dir));
                    }
                }
                // Folders first, then files, each by name.
                self.entries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase())));
            }
        }
    }

    fn matches(&self, p: &Path) -> bool {
        let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        self.request.extensions.iter().any(|x| x.eq_ignore_ascii_case(&ext))
    }

    fn enter(&mut self, folder: PathBuf) {
        self.folder = folder;
        self.replace = None;
        self.read_folder();
    }

    /// The file the name stands for: a whole path, or a name in the folder; when saving,
    /// with the kind's extension added if it has none of them.
    #[must_use]
    pub fn target(&self) -> Option<PathBuf> {
        let name = self.name.trim();
        if name.is_empty() {
            return None;
        }
        let mut p = if Path::new(name).is_absolute() { PathBuf::from(name) } else { self.folder.join(name) };
        if self.request.saving()
            && !self.matches(&p)
            && !p.is_dir()
            && let Some(ext) = self.request.extensions.first()
        {
            let mut s = p.into_os_string();
            s.push(format!(".{ext}"));
            p = PathBuf::from(s);
        }
        Some(p)
    }

    /// Chooses what the name stands for: a folder is entered; a file is the answer (when
    /// opening it must exist; when saving over one, a second click confirms).
    fn confirm(&mut self) -> Option<PathBuf> {
        let p = self.target()?;
        if p.is_dir() {
            self.name.clear();
            self.enter(p);
            return None;
        }
        if self.request.saving() {
            if !p.parent().is_some_and(Path::is_dir) {
                self.problem = Some(format!("There is no folder {}.", p.parent().unwrap_or(&p).display()));
                return None;
            }
            if p.exists() && self.replace.as_ref() != Some(&p) {
                self.replace = Some(p.clone());
                return None;
            }
            return Some(p);
        }
        if p.is_file() {
            Some(p)
        } else {
            self.problem = Some(format!("There is no file {}.", p.display()));
            None
        }
    }
}

/// Draws the chooser; on a choice pushes what it was for, and closes on a choice or Cancel.
pub fn show(ctx: &egui::Context, chooser: &mut Option<FileChooser>, cmds: &mut Commands) {
    let Some(c) = chooser else { return };
    let mut done = false;
    let mut chosen = None;
    egui::Modal::new(egui::Id::unique("file-chooser")).show(ctx, |ui| {
        let screen = ctx.content_rect();
        ui.set_width((screen.width() - 80.0).clamp(320.0, 640.0));
        ui.heading(&c.request.title);
        ui.label(
            egui::RichText::new("This computer has no file chooser of its own (xdg-desktop-portal or zenity), so Cluster Planner shows this one.")
                .weak(),
        );
        ui.horizontal_wrapped(|ui| {
            ui.label("Folder:");
            ui.label(egui::RichText::new(c.folder.display().to_string()).strong());
        });
        ui.horizontal(|ui| {
            if ui.button("Up").on_hover_text("The folder this one is in").clicked()
                && let Some(up) = c.folder.parent().map(Path::to_path_buf)
            {
                c.enter(up);
            }
            if ui.button("Home").on_hover_text("Your home folder").clicked()
                && let Some(home) = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))
            {
                c.enter(PathBuf::from(home));
            }
            ui.label(egui::RichText::new(format!("Showing folders and {} files", c.request.kind)).weak());
        });
        let list_h = (screen.height() - 320.0).clamp(120.0, 360.0);
        egui::ScrollArea::vertical().max_height(list_h).auto_shrink([false, true]).show(ui, |ui| {
            if c.entries.is_empty() {
                ui.label(egui::RichText::new("Nothing here of this kind.").weak().italics());
            }
            // A click on a folder enters it; on a file, names it; a double click chooses it.
            let mut enter = None;
            let mut pick = None;
            for (name, dir) in &c.entries {
                let text = if *dir { format!("{name}/") } else { name.clone() };
                let r = ui.selectable_label(!*dir && c.name == *name, text);
                if *dir && r.clicked() {
                    enter = Some(c.folder.join(name));
                } else if !*dir && (r.clicked() || r.double_clicked()) {
                    pick = Some((name.clone(), r.double_clicked()));
                }
            }
            if let Some(f) = enter {
                c.enter(f);
            }
            if let Some((name, twice)) = pick {
                c.name = name;
                if twice {
                    chosen = c.confirm();
                }
            }
        });
        let mut go = false;
        ui.horizontal(|ui| {
            let l = ui.label("File name:");
            let field = ui.add(egui::TextEdit::singleline(&mut c.name).desired_width(360.0)).labelled_by(l.id);
            go |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        });
        if let Some(p) = &c.replace {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} exists. Choose {} again to replace it.", p.display(), action(&c.request)),
            );
        }
        if let Some(problem) = &c.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.horizontal(|ui| {
            go |= ui.button(action(&c.request)).clicked();
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                done = true;
            }
        });
        if go {
            chosen = c.confirm();
        }
    });
    if let Some(path) = chosen {
        cmds.push(Command::FileChosen(c.request.purpose.clone(), path));
        done = true;
    }
    if done {
        *chooser = None;
    }
}

fn action(r: &FileRequest) -> &'static str {
    match r.purpose {
        Purpose::Open => "Open",
        Purpose::SaveAs => "Save",
        Purpose::Import => "Import",
        Purpose::CompareAdd => "Add",
        Purpose::CompareBase => "Use as the base",
        Purpose::Export(_) => "Export",
    }
}
