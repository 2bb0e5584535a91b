//! Mapping profiles: a named mapping saved in the app's data folder, so next month's
//! extract maps itself.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fields::Mapping;

/// A named, saved mapping: the same extract next month maps in one click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    pub mapping: Mapping,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    format: String,
    version: u32,
    profiles: Vec<Profile>,
}

const PROFILE_FORMAT: &str = "cluster-planner-import-profiles";

/// Where the mapping profiles are kept: the app's data folder (see `recovery::data_dir`).
#[must_use]
pub fn profiles_path() -> PathBuf {
    crate::files::recovery::data_dir().join("import-profiles.ron")
}

/// The saved profiles (none when the file does not exist yet).
pub fn load_profiles(path: &Path) -> Result<Vec<Profile>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: cannot read the mapping profiles: {e}", path.display())),
    };
    let f: ProfileFile = ron::from_str(&text).map_err(|e| format!("{}:{e}", path.display()))?;
    if f.format != PROFILE_FORMAT {
        return Err(format!("{}: this is not a file of mapping profiles", path.display()));
    }
    Ok(f.profiles)
}

/// Saves a profile under `name` (replacing one of that name), atomically.
pub fn save_profile(path: &Path, name: &str, mapping: &Mapping) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a profile needs a name".into());
    }
    let mut profiles = load_profiles(path)?;
    profiles.retain(|p| p.name != name);
    profiles.push(Profile { name: name.to_owned(), mapping: mapping.clone() });
    profiles.sort_by(|a, b| a.name.cmp(&b.name));
    let f = ProfileFile { format: PROFILE_FORMAT.to_owned(), version: 1, profiles };
    let text = ron::ser::to_string_pretty(&f, ron::ser::PrettyConfig::new().struct_names(false))
        .map_err(|e| format!("cannot write the mapping profiles: {e}"))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    crate::files::write_atomic_with(path, text.as_bytes(), false).map_err(|e| e.to_string())
}
