//! Scenario files: RON inside a version envelope, read defensively and written atomically.
//!
//! ```ron
//! (
//!     format: "cluster-planner-scenario",
//!     version: 1,
//!     scenario: ( name: "...", ... ),
//! )
//! ```
//!
//! Reading never panics: a file that is too large, not UTF-8, malformed, of the wrong
//! shape or from a newer version of the program gives a [`LoadError`] that names the
//! file, the line and column, and what was expected. Writing goes to a temporary file in
//! the same folder, is flushed to disk, the previous file is kept as `NAME.ron.bak`, and
//! the temporary file is renamed over the target, so the target is always either the old
//! or the new version, never a mix.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::model::{Scenario, limits};

/// What the `format` field of every scenario file says.
pub const FORMAT_NAME: &str = "cluster-planner-scenario";
/// The file format version this program writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// Files larger than this are refused before they are read (a national scenario of
/// 25,000 people is about 16 MB, of 200,000 people about 130 MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    scenario: &'a Scenario,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeIn {
    format: String,
    version: u32,
    scenario: Scenario,
}

#[derive(Debug)]
pub enum LoadError {
    Io { path: PathBuf, error: std::io::Error },
    TooLarge { path: PathBuf, bytes: u64 },
    NotText { path: PathBuf, line: usize, column: usize },
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    NotAScenario { path: PathBuf, found: String },
    NewerVersion { path: PathBuf, found: u32 },
}

impl LoadError {
    /// The CLI's exit code for a file that cannot be read.
    pub const EXIT_CODE: i32 = 2;
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io { path, error } => {
                write!(f, "{}: cannot read the file: {}", path.display(), plain_io(error))
            }
            LoadError::TooLarge { path, bytes } => write!(
                f,
                "{}: the file is {:.1} MB; scenario files are limited to {} MB, so this is not opened",
                path.display(),
                mb(*bytes),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            LoadError::NotText { path, line, column } => write!(
                f,
                "{}:{line}:{column}: the file is not UTF-8 text (a binary file, or saved in another encoding)",
                path.display()
            ),
            LoadError::Syntax { path, line, column, message } => {
                write!(f, "{}:{line}:{column}: {message}", path.display())
            }
            LoadError::NotAScenario { path, found } => write!(
                f,
                "{}:1:1: this is not a Cluster Planner scenario (format is \"{found}\", expected \"{FORMAT_NAME}\")",
                path.display()
            ),
            LoadError::NewerVersion { path, found } => write!(
                f,
                "{}: this file was saved by a newer Cluster Planner (file format version {found}; this version reads up to {FORMAT_VERSION}). \
                 Open it with the newer version; it has not been changed.",
                path.display()
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// A file error in words, without the system's "(os error 2)".
fn plain_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "there is no file there (it may have been moved, renamed or deleted)".into(),
        K::PermissionDenied => "you are not allowed to read it (ask whoever manages the folder)".into(),
        K::IsADirectory => "it is a folder, not a file".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)] // for display only
fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Reads and parses a scenario file.
pub fn load(path: &Path) -> Result<Scenario, LoadError> {
    let io = |error| LoadError::Io { path: path.to_owned(), error };
    let file = fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), bytes: len });
    }
    // The file may grow while we read it: never read more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), bytes: bytes.len() as u64 });
    }
    parse_bytes(path, &bytes)
}

/// Parses the bytes of a scenario file; `path` is used in messages only.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Scenario, LoadError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, column) = line_col(&bytes[..e.valid_up_to()]);
            return Err(LoadError::NotText { path: path.to_owned(), line, column });
        }
    };
    parse_str(path, text)
}

/// Parses scenario text; `path` is used in messages only.
pub fn parse_str(path: &Path, text: &str) -> Result<Scenario, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "the file is empty; expected a scenario starting with `(format: \"cluster-planner-scenario\", …`"
                .into(),
        });
    }
    // Look for the version before parsing the rest, so a newer file is refused with the
    // right message even when its contents no longer fit this version's shape.
    if let Some(v) = peek_version(text)
        && v > FORMAT_VERSION
    {
        return Err(LoadError::NewerVersion { path: path.to_owned(), found: v });
    }
    let env: EnvelopeIn = ron::Options::default().from_str(text).map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: name_the_field(text, e.span.start.line, e.span.start.col, explain(&e.code)),
    })?;
    if env.format != FORMAT_NAME {
        return Err(LoadError::NotAScenario { path: path.to_owned(), found: env.format });
    }
    if let Some(v) = limits::first_violation(&env.scenario) {
        let (line, column) = locate(&v, text);
        return Err(LoadError::Syntax { path: path.to_owned(), line, column, message: v.message });
    }
    match env.version {
        v if v > FORMAT_VERSION => Err(LoadError::NewerVersion { path: path.to_owned(), found: v }),
        // Version 1 is the first. When version 2 comes, version-1 files are read into the
        // version-1 shape and migrated here, and their fixtures stay in tests/.
        _ => {
            let mut s = env.scenario;
            s.share_names();
            Ok(s)
        }
    }
}

/// Where in the file a figure beyond its limit is: the line and column of its field, after
/// the text that names its item.
fn locate(v: &limits::Violation, text: &str) -> (usize, usize) {
    let start = v.anchor.as_deref().and_then(|a| text.find(a)).unwrap_or(0);
    let at = text[start..].find(&format!("{}:", v.field)).map_or(start, |i| start + i);
    line_col(&text.as_bytes()[..at])
}

/// A value of the wrong kind names its field and says what was wanted in plain words:
/// "`population` should be a whole number (Expected integer)", where ron says only
/// "Expected integer". The field is the nearest `name:` before the place of the error.
fn name_the_field(text: &str, line: usize, column: usize, message: String) -> String {
    let wanted = [
        ("Expected integer", "a whole number"),
        ("Expected string", "text in quotes"),
        ("Expected opening `[`", "a list in [ ]"),
        ("Expected boolean", "true or false"),
        ("Expected float", "a number"),
    ];
    let Some((_, plain)) = wanted.iter().find(|(ron, _)| message == *ron) else { return message };
    let offset: usize =
        text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>() + column.saturating_sub(1);
    let before = text.get(..offset.min(text.len())).unwrap_or("");
    let field = before.rfind(':').and_then(|colon| {
        let name: String = before[..colon]
            .chars()
            .rev()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        (!name.is_empty()).then(|| name.chars().rev().collect::<String>())
    });
    match field {
        Some(f) if f.ends_with("date") || f == "effective" || f.ends_with("_from") || f == "as_at" => {
            format!("`{f}` should be a date in quotes, written \"2025-12-31\" ({message})")
        }
        Some(f) => format!("`{f}` should be {plain} ({message})"),
        None => format!("this should be {plain} ({message})"),
    }
}

/// Turns ron's terse error into something a finance or HR lead can act on.
fn explain(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::Eof => "the file ends too soon: it looks cut off (expected more, such as a closing bracket)".into(),
        E::MissingStructField { field, outer } => {
            format!("`{field}` is missing{}", outer.as_ref().map(|o| format!(" in {o}")).unwrap_or_default())
        }
        E::NoSuchStructField { expected, found, outer } => format!(
            "there is no field `{found}`{}; expected one of: {}",
            outer.as_ref().map(|o| format!(" in {o}")).unwrap_or_default(),
            expected.join(", ")
        ),
        E::ExceededRecursionLimit => "the file is nested too deeply to be a scenario".into(),
        // chrono's date errors arrive as plain messages
        E::Message(m)
            if [
                "input is out of range",
                "premature end of input",
                "input contains invalid characters",
                "trailing input",
            ]
            .iter()
            .any(|c| m.contains(c)) =>
        {
            format!("{m}: dates are written \"2025-12-31\" (year-month-day)")
        }
        other => format!("{other}").replace("`EnvelopeIn`", "scenario file (format, version, scenario)"),
    }
}

/// The `version: N` of the envelope if it is among the first few lines.
fn peek_version(text: &str) -> Option<u32> {
    let head = text.get(..text.len().min(4096)).unwrap_or(text);
    let at = head.find("version:")?;
    let digits: String = head[at + 8..].trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
    let last_nl = prefix.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[last_nl..]).chars().count() + 1;
    (line, column)
}

/// The canonical text of a scenario: pretty RON, four-space indents, fields in a fixed
/// order, so two versions of a file diff line by line.
pub fn to_string(s: &Scenario) -> String {
    let config =
        ron::ser::PrettyConfig::new().indentor("    ".to_owned()).struct_names(false).new_line("\n".to_owned());
    let env = EnvelopeOut { format: FORMAT_NAME, version: FORMAT_VERSION, scenario: s };
    // Serialising plain data to a String cannot fail; fall back to an empty string rather
    // than panic if it ever did (save then refuses to write it, see below).
    ron::Options::default().to_string_pretty(&env, config).map(|t| t + "\n").unwrap_or_default()
}

#[derive(Debug)]
pub enum SaveError {
    /// The target was written by a newer version of the program: never overwrite it.
    NewerVersion {
        path: PathBuf,
        found: u32,
    },
    Io {
        path: PathBuf,
        what: &'static str,
        error: std::io::Error,
    },
    /// A figure is beyond what a scenario may hold (it could not be opened again).
    OutOfRange {
        path: PathBuf,
        message: String,
    },
    Serialise,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::NewerVersion { path, found } => write!(
                f,
                "{}: not saved, because that file was written by a newer Cluster Planner (format version {found}) and \
                 saving would lose its newer content. Use Save As to choose another name.",
                path.display()
            ),
            SaveError::Io { path, what, error } => {
                write!(f, "{}: not saved ({what}: {error}). The file on disk is unchanged.", path.display())
            }
            SaveError::OutOfRange { path, message } => {
                write!(f, "{}: not saved, because {message}. The file on disk is unchanged.", path.display())
            }
            SaveError::Serialise => f.write_str("not saved: the scenario could not be turned into text"),
        }
    }
}

impl std::error::Error for SaveError {}

/// Saves atomically: temp file in the same folder, flushed to disk, previous version kept
/// as `NAME.bak`, then renamed over the target (retried a few times if the target is
/// briefly locked, as on Windows when a viewer or antivirus has it open).
pub fn save(s: &Scenario, path: &Path) -> Result<(), SaveError> {
    // Never write a file this program could not open again.
    if let Some(v) = limits::first_violation(s) {
        return Err(SaveError::OutOfRange { path: path.to_owned(), message: v.message });
    }
    let text = to_string(s);
    if text.is_empty() {
        return Err(SaveError::Serialise);
    }
    write_atomic(path, text.as_bytes())
}

/// The backup kept beside a saved file: `lnr.ron` -> `lnr.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, keeping the previous file as a backup.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, true)
}

/// Writes `bytes` to `path` atomically; with `keep_backup`, the previous file is kept as
/// `NAME.bak` first.
pub fn write_atomic_with(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let err = |what, error| SaveError::Io { path: path.to_owned(), what, error };
    if let Ok(existing) = fs::read(path)
        && let Some(v) = std::str::from_utf8(&existing).ok().and_then(peek_version)
        && v > FORMAT_VERSION
    {
        return Err(SaveError::NewerVersion { path: path.to_owned(), found: v });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    // tempfile creates files readable by the owner only; a saved scenario should keep the
    // permissions of the file it replaces (or the usual rw-r--r-- for a new one).
    let perms = fs::metadata(path).ok().map(|m| m.permissions()).or_else(default_permissions);
    let mut tmp =
        temp_in(&dir, ".tmp", perms.as_ref()).map_err(|e| err("cannot create a temporary file in the folder", e))?;
    tmp.write_all(bytes).map_err(|e| err("cannot write", e))?;
    tmp.as_file().sync_all().map_err(|e| err("cannot flush to disk", e))?;

    if keep_backup && path.exists() {
        // Copy, not rename: the target stays in place until the new version replaces it.
        let bak = backup_path(path);
        let mut bak_tmp = temp_in(&dir, ".bak.tmp", perms.as_ref()).map_err(|e| err("cannot make the backup", e))?;
        let mut old = fs::File::open(path).map_err(|e| err("cannot read the previous version for the backup", e))?;
        std::io::copy(&mut old, bak_tmp.as_file_mut()).map_err(|e| err("cannot make the backup", e))?;
        bak_tmp.as_file().sync_all().map_err(|e| err("cannot make the backup", e))?;
        bak_tmp.persist(&bak).map_err(|e| err("cannot make the backup", e.error))?;
    }

    let mut tmp = Some(tmp);
    let mut last = None;
    for attempt in 0..5 {
        let Some(t) = tmp.take() else { break };
        match t.persist(path) {
            Ok(_) => {
                sync_dir(&dir);
                return Ok(());
            }
            Err(e) => {
                last = Some(e.error);
                tmp = Some(e.file);
                std::thread::sleep(Duration::from_millis(50 << attempt));
            }
        }
    }
    Err(err("cannot replace the file", last.unwrap_or_else(|| std::io::Error::other("unknown"))))
}

fn default_permissions() -> Option<fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        None // Windows: a new file gets the folder's usual access rights.
    }
}

fn temp_in(dir: &Path, suffix: &str, perms: Option<&fs::Permissions>) -> std::io::Result<tempfile::NamedTempFile> {
    let tmp = tempfile::Builder::new().prefix(".cluster-planner-").suffix(suffix).tempfile_in(dir)?;
    if let Some(p) = perms {
        // Set after creation: a mode given at creation is cut down by the umask.
        tmp.as_file().set_permissions(p.clone())?;
    }
    Ok(tmp)
}

/// Makes the rename itself durable (Unix; a no-op elsewhere).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
