//! The `cluster-planner` command: the desktop app, and the command-line tools around the
//! same scenario files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use cluster_planner::engine::compute;
use cluster_planner::validate::{Severity, counts, validate};
use cluster_planner::{examples, file, report};

#[derive(Parser, Debug)]
#[command(
    name = "cluster-planner",
    version,
    about = "Plan ICB clusters, single management teams and running cost against the £/head target",
    long_about = "Plan ICB clusters, single management teams and running cost against the £/head target.\n\n\
                  With no command, opens the window on FILE, or on the built-in example.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// A scenario file (.ron) to open in the window.
    file: Option<PathBuf>,
    /// Render the window, save a screenshot to this PNG and exit (for checks).
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
    /// The tab to open on (overview, clusters, teams, people, findings, assumptions).
    #[arg(long, value_name = "TAB")]
    tab: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the per-ICB and per-cluster table: baseline, planned, target, gap.
    Summary {
        file: PathBuf,
        /// Print JSON instead of a table (all money in pence).
        #[arg(long)]
        json: bool,
    },
    /// List validation findings. Exit 1 when there are errors, 2 when the file cannot be read.
    Check { file: PathBuf },
    /// Rewrite a file in canonical form, atomically (the previous version is kept as .bak).
    Format { file: PathBuf },
    /// Write one of the example scenarios (lnr-cluster, west-midlands, national-2025-26,
    /// england-stress-25k) to a file.
    Generate {
        #[arg(value_parser = examples::NAMES)]
        name: String,
        out: PathBuf,
    },
    /// Time open and recompute on a scenario: medians of several runs.
    Bench {
        file: PathBuf,
        #[arg(long, default_value_t = 21)]
        runs: usize,
        /// Also time frames of the window (headless: layout and tessellation).
        #[arg(long)]
        ui: bool,
    },
}

fn main() -> ExitCode {
    cluster_planner::ui::mark_start();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Summary { file, json }) => summary(&file, json),
        Some(Command::Check { file }) => check(&file),
        Some(Command::Format { file }) => format(&file),
        Some(Command::Generate { name, out }) => generate(&name, &out),
        Some(Command::Bench { file, runs, ui }) => bench(&file, runs, ui),
        None => window(cli.file.as_deref(), cli.screenshot, cli.tab.as_deref()),
    }
}

fn window(file: Option<&Path>, screenshot: Option<PathBuf>, tab: Option<&str>) -> ExitCode {
    let check = screenshot.clone();
    if let Err(e) = cluster_planner::ui::run(file, screenshot, tab) {
        eprintln!("error: cannot open the window: {e}");
        return ExitCode::FAILURE;
    }
    match check {
        Some(out) if !out.is_file() => {
            eprintln!("error: the screenshot {} was not written", out.display());
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

fn load_or_report(path: &Path) -> Result<cluster_planner::model::Scenario, ExitCode> {
    file::load(path).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })
}

fn summary(path: &Path, json: bool) -> ExitCode {
    let s = match load_or_report(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let sum = compute(&s);
    if json {
        match serde_json::to_string_pretty(&report::summary_json(&s, &sum)) {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", report::summary_table(&s, &sum));
        let (errors, warnings, _) = counts(&validate(&s));
        if errors + warnings > 0 {
            eprintln!(
                "note: {errors} error(s) and {warnings} warning(s); run `cluster-planner check {}`",
                path.display()
            );
        }
    }
    ExitCode::SUCCESS
}

fn check(path: &Path) -> ExitCode {
    let s = match load_or_report(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let findings = validate(&s);
    for f in &findings {
        println!("{f}");
    }
    let (e, w, i) = counts(&findings);
    println!("{}: {e} error(s), {w} warning(s), {i} note(s)", path.display());
    if findings.iter().any(|f| f.severity == Severity::Error) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn format(path: &Path) -> ExitCode {
    let s = match load_or_report(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match file::save(&s, path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(name: &str, out: &Path) -> ExitCode {
    let Some(s) = examples::by_name(name) else {
        eprintln!("error: no example called {name}");
        return ExitCode::FAILURE;
    };
    match file::save(&s, out) {
        Ok(()) => {
            println!(
                "{}: {} ICBs, {} clusters, {} people",
                out.display(),
                s.organisations.len(),
                s.clusters.len(),
                s.people.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn median_ms(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn bench(path: &Path, runs: usize, ui: bool) -> ExitCode {
    let runs = runs.max(1);
    let mut open = Vec::new();
    let mut recompute = Vec::new();
    let mut validation = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let s = match load_or_report(path) {
            Ok(s) => s,
            Err(code) => return code,
        };
        let findings = validate(&s);
        let sum = compute(&s);
        open.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box((&findings, &sum));
        last = Some(s);
    }
    let Some(s) = last else {
        return ExitCode::FAILURE;
    };
    for _ in 0..runs * 5 {
        let t = Instant::now();
        std::hint::black_box(compute(std::hint::black_box(&s)));
        recompute.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        std::hint::black_box(validate(std::hint::black_box(&s)));
        validation.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("{}: {} people, {} posts", path.display(), s.people.len(), s.posts().count());
    println!("open (read + parse + validate + compute), median of {runs}: {:.1} ms", median_ms(open));
    println!("full recompute, median of {}: {:.2} ms", runs * 5, median_ms(recompute));
    println!("validation, median of {}: {:.2} ms", runs * 5, median_ms(validation));
    if ui {
        let doc = cluster_planner::document::Document::new(s, Some(path.to_owned()), "");
        for (what, ms) in cluster_planner::ui::bench::frames(doc, 200) {
            println!("{what}: {ms:.2} ms");
        }
    }
    ExitCode::SUCCESS
}
