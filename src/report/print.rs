//! Printing: through CUPS (`lp`, `lpstat`) on Linux and macOS, or by opening the PDF in the
//! system's viewer so its own print dialog does the rest (every OS). Each command runs with
//! a time limit, so a stuck print system gives a message, never a hang.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    #[must_use]
    pub fn media(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// No CUPS on this computer (`lp` not found): use the system viewer instead.
    NoPrintSystem,
    /// The print system did not answer in time.
    TimedOut(String),
    /// The print system answered with an error.
    Refused(String),
    /// The viewer could not be opened.
    Viewer(String),
    /// The PDF could not be written for the printer.
    CannotWrite(String),
}

impl std::fmt::Display for PrintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrintError::NoPrintSystem => f.write_str(
                "No printers can be reached from this computer's printing service. Use \"Open in viewer\" and print from there.",
            ),
            PrintError::TimedOut(what) => write!(f, "The printer did not answer ({what}). Nothing was printed."),
            PrintError::Refused(msg) => write!(f, "The printer refused the job: {msg}"),
            PrintError::Viewer(msg) => write!(f, "Could not open the PDF viewer: {msg}"),
            PrintError::CannotWrite(msg) => write!(f, "cannot write the PDF to print: {msg}"),
        }
    }
}

impl std::error::Error for PrintError {}

/// Runs a command with a time limit and returns its standard output.
fn run(program: &str, args: &[&str], limit: Duration) -> Result<String, PrintError> {
    let mut child = match Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(PrintError::NoPrintSystem),
        Err(e) => return Err(PrintError::Refused(format!("{program}: {e}"))),
    };
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let mut out = String::new();
                let mut err = String::new();
                if let Some(mut o) = child.stdout.take() {
                    let _ = o.read_to_string(&mut out);
                }
                if let Some(mut e) = child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                return if status.success() {
                    Ok(out)
                } else {
                    Err(PrintError::Refused(if err.trim().is_empty() {
                        format!("{program} failed ({status})")
                    } else {
                        err.trim().to_owned()
                    }))
                };
            }
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PrintError::TimedOut(format!("{program} took more than {} s", limit.as_secs())));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(PrintError::Refused(e.to_string())),
        }
    }
}

/// The printers CUPS knows (`lpstat -e`), and the default one if set (`lpstat -d`).
pub fn printers() -> Result<(Vec<String>, Option<String>), PrintError> {
    let list = run("lpstat", &["-e"], Duration::from_secs(5))?;
    let names: Vec<String> = list.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    let default = run("lpstat", &["-d"], Duration::from_secs(5))
        .ok()
        .and_then(|t| t.split_once(':').map(|(_, d)| d.trim().to_owned()))
        .filter(|d| !d.is_empty() && !d.contains(' '));
    Ok((names, default))
}

/// Sends a PDF to a printer through `lp`. Returns what CUPS said (e.g. "request id is PDF-3").
pub fn print_pdf(pdf: &Path, printer: Option<&str>, copies: u32, paper: Paper) -> Result<String, PrintError> {
    let copies = copies.clamp(1, 99).to_string();
    let media = format!("media={}", paper.media());
    let file = pdf.to_string_lossy().into_owned();
    // The job's title is the file's name (print queues and PDF printers show it).
    let title = pdf.file_stem().map_or_else(|| "Cluster Planner".to_owned(), |s| s.to_string_lossy().into_owned());
    let mut args: Vec<&str> = vec!["-t", &title];
    if let Some(p) = printer {
        args.extend(["-d", p]);
    }
    args.extend(["-n", &copies, "-o", &media, "-o", "fit-to-page", "--", &file]);
    run("lp", &args, Duration::from_secs(20)).map(|out| out.trim().to_owned())
}

/// Prints PDF bytes: writes them to a temporary file named `prefix…pdf` (the job's title)
/// and sends it with [`print_pdf`]. The window's Print and the `print` command both use it.
pub fn print_bytes(
    bytes: &[u8],
    prefix: &str,
    printer: Option<&str>,
    copies: u32,
    paper: Paper,
) -> Result<String, PrintError> {
    let cannot = |e: std::io::Error| PrintError::CannotWrite(e.to_string());
    let tmp = tempfile::Builder::new().prefix(prefix).suffix(".pdf").tempfile().map_err(cannot)?;
    std::fs::write(tmp.path(), bytes).map_err(cannot)?;
    print_pdf(tmp.path(), printer, copies, paper)
}

/// Writes PDF bytes to a file in the temporary folder that stays for the viewer, and opens
/// it there. Returns where the file is, also when the viewer could not be opened.
pub fn open_bytes_in_viewer(bytes: &[u8]) -> Result<PathBuf, (PrintError, Option<PathBuf>)> {
    let path = std::env::temp_dir().join(format!("cluster-planner-print-{}.pdf", std::process::id()));
    crate::files::write_atomic(&path, bytes).map_err(|e| (PrintError::Viewer(e.to_string()), None))?;
    match open_in_viewer(&path) {
        Ok(()) => Ok(path),
        Err(e) => Err((e, Some(path))),
    }
}

/// Opens a file in the system's default application (its PDF viewer prints it).
pub fn open_in_viewer(path: &Path) -> Result<(), PrintError> {
    opener::open(path).map_err(|e| PrintError::Viewer(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_print_system_says_so() {
        let e = run("cluster-planner-no-such-lp", &[], Duration::from_secs(1)).unwrap_err();
        assert_eq!(e, PrintError::NoPrintSystem);
        assert!(e.to_string().contains("No printers can be reached"));
        assert!(!e.to_string().contains("CUPS"), "printers, not the print system's name");
    }

    #[cfg(unix)]
    #[test]
    fn a_print_system_that_does_not_answer_times_out() {
        let t = Instant::now();
        let e = run("sleep", &["30"], Duration::from_millis(300)).unwrap_err();
        assert!(matches!(e, PrintError::TimedOut(_)), "{e}");
        assert!(t.elapsed() < Duration::from_secs(5), "gave up quickly");
    }

    #[cfg(unix)]
    #[test]
    fn a_refusal_carries_the_print_systems_words() {
        let e =
            run("sh", &["-c", "echo 'lp: The printer or class does not exist.' >&2; exit 1"], Duration::from_secs(5))
                .unwrap_err();
        assert_eq!(e, PrintError::Refused("lp: The printer or class does not exist.".into()));
    }
}
