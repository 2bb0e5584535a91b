//! Lock files: a document open in Cluster Planner has `NAME.ron.lock` beside it saying who
//! has it open, on which computer, since when. A second person opening it (on a shared
//! drive) is told, and can open it read-only. The lock is removed when the document is
//! closed; one left by a crash can be taken over.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub user: String,
    pub machine: String,
    pub since: String,
    pub pid: u32,
}

impl Holder {
    #[must_use]
    pub fn me() -> Holder {
        Holder {
            user: whoami::username(),
            machine: whoami::fallible::hostname().unwrap_or_else(|_| "this computer".into()),
            since: chrono::Local::now().format("%-d %B %Y %H:%M").to_string(),
            pid: std::process::id(),
        }
    }

    fn same_process(&self, other: &Holder) -> bool {
        self.machine == other.machine && self.pid == other.pid
    }
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} on {} since {}", self.user, self.machine, self.since)
    }
}

#[must_use]
pub fn lock_path(doc: &Path) -> PathBuf {
    let mut name = doc.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".lock");
    doc.with_file_name(name)
}

/// Who holds the lock on `doc`, if someone other than this process does. A lock left on
/// this computer by a Cluster Planner that is no longer running (a crash, Ctrl+C, a power
/// cut) is stale and is not reported: otherwise people would be told that they themselves
/// have the file open.
#[must_use]
pub fn held_by_other(doc: &Path) -> Option<Holder> {
    let text = std::fs::read_to_string(lock_path(doc)).ok()?;
    let holder: Holder = ron::from_str(&text).ok()?;
    let me = Holder::me();
    if holder.same_process(&me) || (holder.machine == me.machine && !running(holder.pid)) {
        return None;
    }
    Some(holder)
}

/// Whether a process with this id is running on this computer. Linux looks in /proc and
/// macOS asks `ps`; elsewhere (Windows) the answer is yes, so the user is asked as before.
/// A reused id also answers yes: the safe way round.
fn running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("ps")
            .args(["-p", &pid.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .map_or(true, |s| s.success())
    } else {
        true
    }
}

/// This process's lock on a document; removed when dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

impl Lock {
    /// Takes the lock (over any existing one: the caller has asked the user first).
    /// A folder where no lock can be written (read-only media) gives no lock, not an error.
    #[must_use]
    pub fn take(doc: &Path) -> Option<Lock> {
        let path = lock_path(doc);
        let text = ron::to_string(&Holder::me()).ok()?;
        std::fs::write(&path, text).ok()?;
        Some(Lock { path })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only remove it if it is still ours (someone may have taken it over).
        if let Ok(text) = std::fs::read_to_string(&self.path)
            && let Ok(h) = ron::from_str::<Holder>(&text)
            && h.same_process(&Holder::me())
        {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_names_its_holder_and_goes_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("plan.ron");
        std::fs::write(&doc, "x").unwrap();
        assert!(held_by_other(&doc).is_none());
        let lock = Lock::take(&doc).unwrap();
        assert!(lock_path(&doc).exists());
        // Our own lock is not "someone else's".
        assert!(held_by_other(&doc).is_none());
        drop(lock);
        assert!(!lock_path(&doc).exists());
        // Another person's lock is reported with who, where and since when.
        let other = Holder {
            user: "jsmith".into(),
            machine: "FINANCE-PC-07".into(),
            since: "22 November 2026 09:14".into(),
            pid: 1,
        };
        std::fs::write(lock_path(&doc), ron::to_string(&other).unwrap()).unwrap();
        let h = held_by_other(&doc).unwrap();
        assert_eq!(h.to_string(), "jsmith on FINANCE-PC-07 since 22 November 2026 09:14");
        // Dropping our lock after someone took it over leaves theirs in place.
        let ours = Lock { path: lock_path(&doc) };
        drop(ours);
        assert!(lock_path(&doc).exists());
    }

    /// On this computer, a lock whose process has ended is stale (no question asked); one
    /// whose process is running is another window's, and is reported.
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    #[test]
    fn a_lock_left_by_a_process_that_ended_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("plan.ron");
        std::fs::write(&doc, "x").unwrap();
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let lock_of = |pid: u32| Holder { pid, ..Holder::me() };
        std::fs::write(lock_path(&doc), ron::to_string(&lock_of(child.id())).unwrap()).unwrap();
        assert_eq!(held_by_other(&doc).map(|h| h.pid), Some(child.id()), "a running window's lock");
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(held_by_other(&doc).is_none(), "the window has gone: its lock is stale");
        // The same process id on another computer is someone else's.
        let elsewhere = Holder { machine: "FINANCE-PC-07".into(), ..lock_of(child.id()) };
        std::fs::write(lock_path(&doc), ron::to_string(&elsewhere).unwrap()).unwrap();
        assert!(held_by_other(&doc).is_some());
    }
}
