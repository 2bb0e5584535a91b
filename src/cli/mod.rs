//! The command line: one file per command, each returning what went wrong as a
//! [`Failure`]; [`run`] prints every error in one place (`error: …` on standard error) and
//! turns it into the exit code. With no command, the window opens.

/// `println!` for the commands: a closed pipe ends the command quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `print!` for the commands, likewise.
macro_rules! out_str {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod bench;
mod chart;
mod check;
mod compare;
mod consultation;
mod export;
mod format;
mod generate;
mod import;
mod migrate;
mod print;
mod report;
mod sample_extract;
mod save_loop;
mod summary;
mod window;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cluster_planner::examples;
use cluster_planner::files;
use cluster_planner::model::Scenario;

/// Why a command stopped: the exit code, and the message for standard error (none when the
/// command has already said why).
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Exit 1 with a message.
    pub fn new(message: impl std::fmt::Display) -> Failure {
        Failure { code: 1, message: message.to_string() }
    }

    /// Exit 2: a file could not be read.
    pub fn unreadable(message: impl std::fmt::Display) -> Failure {
        Failure { code: 2, message: message.to_string() }
    }

    /// Exit 1, the reason already printed.
    pub fn quiet() -> Failure {
        Failure { code: 1, message: String::new() }
    }
}

/// What a command returns: its exit code when it ran to the end.
pub type Outcome = Result<ExitCode, Failure>;

impl From<std::io::Error> for Failure {
    /// Standard output closed early (`cluster-planner check FILE | head`) ends the command
    /// quietly; any other failure to write is an error.
    fn from(e: std::io::Error) -> Failure {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure { code: 0, message: String::new() }
        } else {
            Failure::new(format!("cannot write the output: {e}"))
        }
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "cluster-planner",
    version,
    about = "Plan ICB clusters, single management teams and running cost against the £/head target",
    long_about = "Plan ICB clusters, single management teams and running cost against the £/head target.\n\n\
                  With no command, opens the window on FILE, or on the built-in example.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A scenario file (.ron) to open in the window.
    pub file: Option<PathBuf>,
    /// Render the window, save a screenshot to this PNG and exit (for checks).
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The tab to open on (overview, icbs, clusters, teams, people, functions, assumptions,
    /// findings).
    #[arg(long, value_name = "TAB")]
    pub tab: Option<String>,
    /// Open the window with the import dialog on this staff list (CSV, XLSX, XLS, ODS).
    #[arg(long, value_name = "PEOPLE")]
    pub import: Option<PathBuf>,
    /// The window's size, e.g. 900x600 (to check a small screen); at least 800x500.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,
    /// Open the window comparing the scenario with this option (repeat for more).
    #[arg(long, value_name = "OPTION.ron")]
    pub compare: Vec<PathBuf>,
    /// The part of the comparison to show: figures, steps, npv, changes.
    #[arg(long, value_name = "PART")]
    pub compare_part: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the per-ICB and per-cluster table: baseline, planned, target, gap.
    Summary {
        file: PathBuf,
        /// Print JSON instead of a table (all money in pence).
        #[arg(long)]
        json: bool,
    },
    /// List validation findings. Exit 1 when there are errors, 2 when the file cannot be read.
    Check { file: PathBuf },
    /// Collective consultation per employer and site: the people proposed for redundancy,
    /// the busiest 90 days, the minimum consultation, by when to consult and file HR1, the
    /// first dismissal, the protective award at risk and the findings. Exit 1 on an error
    /// finding. Not legal advice.
    Consultation {
        file: PathBuf,
        /// Print JSON (dates as YYYY-MM-DD, money in pence).
        #[arg(long)]
        json: bool,
    },
    /// Rewrite a file in canonical form, atomically (the previous version is kept as .bak).
    Format { file: PathBuf },
    /// Write one of the example scenarios (lnr-cluster, west-midlands, national-2025-26,
    /// england-stress-25k) to a file.
    Generate {
        #[arg(value_parser = examples::NAMES)]
        name: String,
        out: PathBuf,
        /// For england-stress-25k: this many people instead of 25,000 (e.g. 200000 for the
        /// benchmarks at national scale), in proportion to population as before.
        #[arg(long, value_name = "N")]
        people: Option<usize>,
        /// For england-stress-25k: another option of the same plan (1, 2, …): the same
        /// people and posts, with other decisions for about one person in five and other
        /// planned non-pay, for comparing options at national scale.
        #[arg(long, value_name = "K")]
        option: Option<u64>,
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
    /// Print the board pack on a printer.
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
    /// Import a staff list (CSV, XLSX, XLS, ODS) into a scenario and write the result to
    /// OUT. Prints how each row was read. Exit 0 written; 1 nothing importable or the
    /// mapping incomplete; 2 a file unreadable.
    Import {
        /// The scenario to import into.
        scenario: PathBuf,
        /// The staff list.
        #[arg(long, value_name = "FILE")]
        people: PathBuf,
        /// Every row belongs to this ICB (ODS code), instead of the file's ICB column.
        #[arg(long, value_name = "CODE")]
        org: Option<String>,
        /// A saved mapping profile (made in the window's import dialog).
        #[arg(long, value_name = "NAME")]
        profile: Option<String>,
        /// Map a field to a column: id, name, first-name, last-name, title, grade, wte,
        /// salary, org, service, function, cost-centre (e.g. --map salary="Basic Pay").
        #[arg(long, value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// The salary column is actual (pro-rata) pay, not the full-time salary.
        #[arg(long)]
        actual_pay: bool,
        /// The workbook's sheet to read (default: the first with data).
        #[arg(long)]
        sheet: Option<String>,
        /// Where to write the scenario with the people imported (atomically).
        #[arg(long, value_name = "OUT.ron")]
        out: PathBuf,
    },
    /// Compare 2 to 8 options side by side against business as usual (the first option's
    /// baseline: everyone in post, no structure change) or --base: figures, differences,
    /// net recurrent saving, net present value (Green Book: the years and rate of the
    /// base's assumptions, 10 and 3.5% by default) and the steps from the base's cost.
    Compare {
        #[arg(required = true, num_args = 1..=8)]
        files: Vec<PathBuf>,
        /// A scenario file to compare against instead of business as usual.
        #[arg(long, value_name = "BAU.ron")]
        base: Option<PathBuf>,
        /// Each option's role, in order: bau, do-minimum, preferred, alternative (default:
        /// the first preferred, the rest alternatives).
        #[arg(long, value_delimiter = ',')]
        roles: Vec<String>,
        /// Print JSON (money in pence): per option the figures of `summary --json`,
        /// `npv_pence`, `net_saving_pence`, `delta_*_pence`, `waterfall_pence`.
        #[arg(long)]
        json: bool,
        /// Also write the comparison as a workbook: Options, Steps from the base, Net
        /// present value (values, not formulas).
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: Option<PathBuf>,
        /// Also write the first option's board pack with an Options section: the grid, the
        /// steps from the base, the net present value and what changed.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: Option<PathBuf>,
        /// Print what changed from the base to each option, group by group, every change.
        #[arg(long)]
        changes: bool,
    },
    /// Move a 2025/26 scenario onto the 36 ICBs of 1 April 2026 (2026/27 populations).
    /// ICBs that merged whole go across on their own; the people of the three split ICBs
    /// (QM7, QJG, QNQ) go where --rules says. Prints every person's old and new ICB. Exit 1,
    /// nothing written, when someone is not placed.
    Migrate {
        file: PathBuf,
        #[arg(long, value_name = "OUT.ron")]
        out: PathBuf,
        /// CSV lines `split ICB,cost centre,successor`, `*` as the cost centre for everyone
        /// else of that ICB (e.g. `QM7,*,S1Y5D`).
        #[arg(long, value_name = "RULES.csv")]
        rules: Option<PathBuf>,
        /// Write the report of every person's move here instead of printing it.
        #[arg(long, value_name = "REPORT.csv")]
        report: Option<PathBuf>,
    },
    /// Export the figures as an XLSX workbook, or people and outcomes as CSV.
    Export {
        file: PathBuf,
        #[arg(long, value_name = "OUT.xlsx", conflicts_with = "csv", required_unless_present = "csv")]
        xlsx: Option<PathBuf>,
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<PathBuf>,
        /// Leave out people's names.
        #[arg(long)]
        no_names: bool,
        /// Leave out individual salaries, costs and payments (totals stay).
        #[arg(long)]
        no_salaries: bool,
    },
    /// Write a made-up ESR-style staff list (CSV, or XLSX by the name's ending) for
    /// benchmarks and trials: ROWS people spread over the ICB codes given.
    SampleExtract {
        out: PathBuf,
        #[arg(long, default_value_t = 25_000)]
        rows: usize,
        #[arg(long, value_delimiter = ',', default_value = "QK1,QPM")]
        orgs: Vec<String>,
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
        /// Also time importing this staff list into the scenario (read, map, check, merge).
        #[arg(long, value_name = "PEOPLE")]
        import: Option<PathBuf>,
        /// Also time comparing FILE with these options: opening and computing them all, the
        /// grid, the change list between FILE and the first, and (with --ui) the grid's frame.
        #[arg(long, value_name = "OPTION.ron")]
        compare: Vec<PathBuf>,
    },
}

/// Runs the command the user gave, and prints its error, if any, in the one place.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Some(Command::Summary { file, json }) => summary::run(&file, json),
        Some(Command::Check { file }) => check::run(&file),
        Some(Command::Consultation { file, json }) => consultation::run(&file, json),
        Some(Command::Format { file }) => format::run(&file),
        Some(Command::Generate { name, out, people, option }) => generate::run(&name, &out, people, option),
        Some(Command::Bench { file, runs, ui, import, compare }) => {
            bench::run(&file, runs, ui, import.as_deref(), &compare)
        }
        Some(Command::Import { scenario, people, org, profile, map, actual_pay, sheet, out }) => {
            let opts = import::Options { org, profile, map, actual_pay, sheet };
            import::run(&scenario, &people, &opts, &out)
        }
        Some(Command::Export { file, xlsx, csv, no_names, no_salaries }) => {
            export::run(&file, xlsx.as_deref(), csv.as_deref(), no_names, no_salaries)
        }
        Some(Command::Compare { files, base, roles, json, xlsx, pdf, changes }) => {
            compare::run(&files, base.as_deref(), &roles, compare::Outputs { json, xlsx, pdf, changes })
        }
        Some(Command::Migrate { file, out, rules, report }) => {
            migrate::run(&file, &out, rules.as_deref(), report.as_deref())
        }
        Some(Command::SampleExtract { out, rows, orgs }) => sample_extract::run(&out, rows, &orgs),
        Some(Command::SaveLoop { file, example }) => save_loop::run(&file, &example),
        Some(Command::Report { file, pdf, redacted, marking }) => report::run(&file, &pdf, redacted, &marking),
        Some(Command::Chart { file, chart, svg, png, width }) => {
            chart::run(&file, &chart, svg.as_deref(), png.as_deref(), width)
        }
        Some(Command::Print { file, printer, copies, paper, redacted }) => {
            print::run(&file, printer.as_deref(), copies, &paper, redacted)
        }
        None => window::run(cluster_planner::ui::WindowOptions {
            file: cli.file,
            screenshot: cli.screenshot,
            tab: cli.tab,
            import: cli.import,
            size: cli.size,
            compare: cli.compare,
            compare_part: cli.compare_part,
        }),
    };
    match result {
        Ok(code) => code,
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("error: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}

/// "900x600" as a window size, refused below the window's smallest size.
fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(|| format!("'{s}' is not a size such as 900x600"))?;
    let read =
        |v: &str| v.trim().parse::<u16>().map(f32::from).map_err(|_| format!("'{s}' is not a size such as 900x600"));
    let size = [read(w)?, read(h)?];
    let min = cluster_planner::ui::MIN_WINDOW;
    if size[0] < min[0] || size[1] < min[1] {
        return Err(format!("{s} is smaller than the window's smallest size, {}x{}", min[0], min[1]));
    }
    Ok(size)
}

/// Reads a scenario; an unreadable file is exit code 2.
fn load(path: &Path) -> Result<Scenario, Failure> {
    files::load(path).map_err(Failure::unreadable)
}

/// Writes `bytes` to `out` atomically.
fn write_out(out: &Path, bytes: &[u8]) -> Outcome {
    files::write_atomic(out, bytes).map_err(Failure::new)?;
    Ok(ExitCode::SUCCESS)
}

/// The middle of the sorted figures (the benchmarks' medians).
fn median_ms(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}
