//! Recovery copies: while a document has unsaved changes the app writes a copy of it to its
//! own data folder (never over the user's file). On the next start a copy newer than its
//! file is offered back. A clean save removes it.
//!
//! The folder is `<data dir>/cluster-planner/recovery` (e.g. `~/.local/share` on Linux,
//! `~/Library/Application Support` on macOS, `%LOCALAPPDATA%` on Windows), or
//! `$CLUSTER_PLANNER_DATA_DIR/recovery` when that is set (tests and CI use it).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::files as file;
use crate::model::Scenario;

const FORMAT: &str = "cluster-planner-recovery";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    /// The file the document was opened from or saved to, if any.
    original: Option<PathBuf>,
    /// When the copy was written (local time, for people to read).
    written: String,
    scenario: Scenario,
}

/// A recovery copy found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryCopy {
    /// Where the copy itself is.
    pub path: PathBuf,
    pub original: Option<PathBuf>,
    pub written: String,
    pub scenario: Scenario,
}

static DATA_DIR: std::sync::RwLock<Option<PathBuf>> = std::sync::RwLock::new(None);

/// Uses `dir` as the data folder for the rest of this process (tests).
pub fn set_data_dir(dir: &Path) {
    if let Ok(mut d) = DATA_DIR.write() {
        *d = Some(dir.to_owned());
    }
}

/// The app's data folder.
#[must_use]
pub fn data_dir() -> PathBuf {
    if let Some(d) = DATA_DIR.read().ok().and_then(|d| d.clone()) {
        return d;
    }
    if let Some(d) = std::env::var_os("CLUSTER_PLANNER_DATA_DIR") {
        return PathBuf::from(d);
    }
    dirs::data_local_dir().unwrap_or_else(std::env::temp_dir).join("cluster-planner")
}

#[must_use]
pub fn recovery_dir() -> PathBuf {
    data_dir().join("recovery")
}

/// A stable name for a document's recovery copy: its file name and a hash of its full
/// path (FNV-1a, so it does not change between versions of the program), or "untitled"
/// and this process for a document never saved.
#[must_use]
pub fn copy_path(original: Option<&Path>) -> PathBuf {
    let name = match original {
        Some(p) => {
            let full = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in full.to_string_lossy().bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            let stem = p.file_stem().map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
            format!("{stem}-{h:016x}.recovery.ron")
        }
        None => format!("untitled-{}.recovery.ron", std::process::id()),
    };
    recovery_dir().join(name)
}

/// Writes (atomically) the recovery copy of a document. Returns where it went.
pub fn write(s: &Scenario, original: Option<&Path>) -> Result<PathBuf, String> {
    let dir = recovery_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: cannot create the recovery folder: {e}", dir.display()))?;
    let env = Envelope {
        format: FORMAT.to_owned(),
        version: file::FORMAT_VERSION,
        original: original.map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned())),
        written: chrono::Local::now().format("%-d %B %Y at %H:%M:%S").to_string(),
        scenario: s.clone(),
    };
    let text = ron::ser::to_string_pretty(&env, ron::ser::PrettyConfig::new().struct_names(false))
        .map_err(|e| format!("cannot write the recovery copy: {e}"))?;
    let path = copy_path(original);
    file::write_atomic_with(&path, text.as_bytes(), false).map_err(|e| e.to_string())?;
    Ok(path)
}

/// Removes a document's recovery copy (after a clean save, or when the user discards it).
pub fn remove(original: Option<&Path>) {
    let _ = std::fs::remove_file(copy_path(original));
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// Recovery copies worth offering: each newer than its original file (or with no file, or
/// whose file is gone). Unreadable copies are skipped, never fatal.
#[must_use]
pub fn pending() -> Vec<RecoveryCopy> {
    let Ok(entries) = std::fs::read_dir(recovery_dir()) else { return Vec::new() };
    let mut out: Vec<(SystemTime, RecoveryCopy)> = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        if !path.to_string_lossy().ends_with(".recovery.ron") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let Ok(env) = ron::from_str::<Envelope>(&text) else { continue };
        if env.format != FORMAT || env.version > file::FORMAT_VERSION {
            continue;
        }
        let copy_time = modified(&path).unwrap_or(SystemTime::UNIX_EPOCH);
        let newer = match env.original.as_deref().and_then(modified) {
            Some(orig_time) => copy_time > orig_time,
            None => true,
        };
        if newer {
            out.push((
                copy_time,
                RecoveryCopy { path, original: env.original, written: env.written, scenario: shared(env.scenario) },
            ));
        }
    }
    out.sort_by_key(|x| std::cmp::Reverse(x.0));
    out.into_iter().map(|(_, c)| c).collect()
}

/// Deletes one recovery copy (Discard).
pub fn discard(copy: &RecoveryCopy) {
    let _ = std::fs::remove_file(&copy.path);
}

/// The scenario with its long names shared, as a file read gives it ([`Scenario::share_names`]).
fn shared(mut s: Scenario) -> Scenario {
    s.share_names();
    s
}
