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
    /// Write the board pack as a PDF (A4 landscape).
    Report {
        file: PathBuf,
        #[arg(long, value_name = "OUT.pdf")]
        pdf: PathBuf,
        /// Leave out names and salaries, for wider circulation.
        #[arg(long)]
        redacted: bool,
        /// The protective marking on every page.
        #[arg(long, default_value = "OFFICIAL-SENSITIVE — DRAFT")]
        marking: String,
    },
    /// Export one chart as SVG or PNG.
    Chart {
        file: PathBuf,
        /// cost-by-icb, cost-by-cluster, trajectory, outcomes or per-head
        #[arg(long, value_parser = ["cost-by-icb", "cost-by-cluster", "trajectory", "outcomes", "per-head"])]
        chart: String,
        #[arg(long, value_name = "OUT.svg", conflicts_with = "png", required_unless_present = "png")]
        svg: Option<PathBuf>,
        #[arg(long, value_name = "OUT.png")]
        png: Option<PathBuf>,
        /// PNG width in pixels.
        #[arg(long, default_value_t = 2000)]
        width: u32,
    },
    /// Print the board pack through CUPS (`lp`), or list printers with --list.
    Print {
        file: PathBuf,
        #[arg(long)]
        printer: Option<String>,
        #[arg(long, default_value_t = 1)]
        copies: u32,
        /// A4 or Letter.
        #[arg(long, default_value = "A4", value_parser = ["A4", "Letter"])]
        paper: String,
        #[arg(long)]
        redacted: bool,
    },
    /// For the crash-safety test: save two versions of an example to FILE in turn, forever
    /// (the test kills it with SIGKILL at random moments).
    #[command(hide = true)]
    SaveLoop {
        file: PathBuf,
        #[arg(long, value_parser = examples::NAMES)]
        example: String,
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
        Some(Command::SaveLoop { file, example }) => save_loop(&file, &example),
        Some(Command::Report { file, pdf, redacted, marking }) => report_cmd(&file, &pdf, redacted, &marking),
        Some(Command::Chart { file, chart, svg, png, width }) => {
            chart_cmd(&file, &chart, svg.as_deref(), png.as_deref(), width)
        }
        Some(Command::Print { file, printer, copies, paper, redacted }) => {
            print_cmd(&file, printer.as_deref(), copies, &paper, redacted)
        }
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

fn save_loop(path: &Path, example: &str) -> ExitCode {
    let Some(mut a) = examples::by_name(example) else { return ExitCode::FAILURE };
    let mut b = a.clone();
    a.name = "Version A".into();
    b.name = "Version B".into();
    println!("saving");
    for i in 0_u64.. {
        let s = if i % 2 == 0 { &b } else { &a };
        if let Err(e) = file::save(s, path) {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn pack_options(path: &Path, redacted: bool, marking: &str) -> cluster_planner::export::PackOptions {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut o = cluster_planner::export::PackOptions::new(&name);
    o.redacted = redacted;
    marking.clone_into(&mut o.marking);
    o
}

fn write_out(out: &Path, bytes: &[u8]) -> ExitCode {
    match file::write_atomic(out, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn report_cmd(path: &Path, pdf: &Path, redacted: bool, marking: &str) -> ExitCode {
    let s = match load_or_report(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let sum = compute(&s);
    match cluster_planner::export::board_pack_pdf(&s, &sum, &pack_options(path, redacted, marking)) {
        Ok(bytes) => write_out(pdf, &bytes),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn chart_cmd(path: &Path, chart: &str, svg: Option<&Path>, png: Option<&Path>, width: u32) -> ExitCode {
    let s = match load_or_report(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let sum = compute(&s);
    let Some(kind) = cluster_planner::chart::ChartKind::parse(chart) else {
        eprintln!("error: no chart called {chart}");
        return ExitCode::FAILURE;
    };
    match (svg, png) {
        (Some(out), _) => write_out(out, cluster_planner::export::chart_svg(kind, &s, &sum).as_bytes()),
        (None, Some(out)) => match cluster_planner::export::chart_png(kind, &s, &sum, width) {
            Ok(bytes) => write_out(out, &bytes),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        (None, None) => ExitCode::FAILURE,
    }
}

fn print_cmd(path: &Path, printer: Option<&str>, copies: u32, paper: &str, redacted: bool) -> ExitCode {
    use cluster_planner::print::{Paper, print_pdf};
    let s = match load_or_report(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let sum = compute(&s);
    let bytes = match cluster_planner::export::board_pack_pdf(
        &s,
        &sum,
        &pack_options(path, redacted, "OFFICIAL-SENSITIVE — DRAFT"),
    ) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let tmp = match tempfile::Builder::new().prefix("board-pack-").suffix(".pdf").tempfile() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot write the PDF to print: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(tmp.path(), &bytes) {
        eprintln!("error: cannot write the PDF to print: {e}");
        return ExitCode::FAILURE;
    }
    let paper = if paper == "Letter" { Paper::Letter } else { Paper::A4 };
    match print_pdf(tmp.path(), printer, copies, paper) {
        Ok(msg) => {
            println!("{msg}");
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
    let sum = compute(&s);
    let mut svg = Vec::new();
    let mut pdf = Vec::new();
    let o = cluster_planner::export::PackOptions::new("bench.ron");
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(cluster_planner::export::chart_svg(
            cluster_planner::chart::ChartKind::CostByIcb,
            &s,
            &sum,
        ));
        svg.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    for _ in 0..runs.min(11) {
        let t = Instant::now();
        let bytes = cluster_planner::export::board_pack_pdf(&s, &sum, &o);
        pdf.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(bytes.map(|b| b.len()).unwrap_or(0));
    }
    println!("one chart (cost by ICB) to SVG, median of {runs}: {:.2} ms", median_ms(svg));
    println!("board pack PDF (compute included separately), median of {}: {:.0} ms", runs.min(11), median_ms(pdf));
    if ui {
        let doc = cluster_planner::document::Document::new(s, Some(path.to_owned()), "");
        for (what, ms) in cluster_planner::ui::bench::frames(doc, 200) {
            println!("{what}: {ms:.2} ms");
        }
    }
    ExitCode::SUCCESS
}
