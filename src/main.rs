//! The `cluster-planner` command: the desktop app, and the command-line tools around the
//! same scenario files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use cluster_planner::engine::compute;
use cluster_planner::validate::{Severity, counts, validate};
use cluster_planner::{examples, file, import, report};

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
    /// Open the window with the import dialog on this staff list (CSV, XLSX, XLS, ODS).
    #[arg(long, value_name = "PEOPLE")]
    import: Option<PathBuf>,
    /// The window's size, e.g. 900x600 (to check a small screen); at least 800x500.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    size: Option<[f32; 2]>,
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
        Some(Command::Bench { file, runs, ui, import }) => bench(&file, runs, ui, import.as_deref()),
        Some(Command::Import { scenario, people, org, profile, map, actual_pay, sheet, out }) => {
            let opts = ImportOptions { org, profile, map, actual_pay, sheet };
            import_cmd(&scenario, &people, &opts, &out)
        }
        Some(Command::Export { file, xlsx, csv, no_names, no_salaries }) => {
            export_cmd(&file, xlsx.as_deref(), csv.as_deref(), no_names, no_salaries)
        }
        Some(Command::SampleExtract { out, rows, orgs }) => sample_extract(&out, rows, &orgs),
        Some(Command::SaveLoop { file, example }) => save_loop(&file, &example),
        Some(Command::Report { file, pdf, redacted, marking }) => report_cmd(&file, &pdf, redacted, &marking),
        Some(Command::Chart { file, chart, svg, png, width }) => {
            chart_cmd(&file, &chart, svg.as_deref(), png.as_deref(), width)
        }
        Some(Command::Print { file, printer, copies, paper, redacted }) => {
            print_cmd(&file, printer.as_deref(), copies, &paper, redacted)
        }
        None => window(cluster_planner::ui::WindowOptions {
            file: cli.file,
            screenshot: cli.screenshot,
            tab: cli.tab,
            import: cli.import,
            size: cli.size,
        }),
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

fn window(o: cluster_planner::ui::WindowOptions) -> ExitCode {
    let check = o.screenshot.clone();
    if let Err(e) = cluster_planner::ui::run(o) {
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

/// Times an import step by step: read the file, map and check every row, merge with the
/// scenario; and the workbook export of the result.
fn bench_import(s: &cluster_planner::model::Scenario, people: &Path, runs: usize) {
    let (mut read, mut prep, mut merge, mut all, mut xlsx) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut imported = None;
    for _ in 0..runs.max(1) {
        let t0 = Instant::now();
        let Ok(table) = import::read_table(people, None) else {
            eprintln!("error: cannot read {}", people.display());
            return;
        };
        let t1 = Instant::now();
        let mapping = import::guess(&table);
        let Some(prepared) = import::prepare(&table, &mapping, s, &mut |_| true) else { return };
        let t2 = Instant::now();
        let plan = import::reconcile(s, &prepared);
        let t3 = Instant::now();
        read.push((t1 - t0).as_secs_f64() * 1000.0);
        prep.push((t2 - t1).as_secs_f64() * 1000.0);
        merge.push((t3 - t2).as_secs_f64() * 1000.0);
        all.push((t3 - t0).as_secs_f64() * 1000.0);
        let mut s2 = s.clone();
        s2.people = plan.people;
        imported = Some((s2, prepared.people.len(), table.rows.len()));
    }
    let Some((s2, good, rows)) = imported else { return };
    let sum = compute(&s2);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        std::hint::black_box(cluster_planner::workbook::xlsx(
            &s2,
            &sum,
            cluster_planner::workbook::Redaction::default(),
        ))
        .ok();
        xlsx.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let n = all.len();
    println!("import {}: {rows} rows, {good} imported", people.display());
    println!("  read the file, median of {n}: {:.0} ms", median_ms(read));
    println!("  map and check every row, median of {n}: {:.0} ms", median_ms(prep));
    println!("  merge with the scenario, median of {n}: {:.0} ms", median_ms(merge));
    println!("  import in all, median of {n}: {:.0} ms", median_ms(all));
    println!("export the workbook ({} people), median of {n}: {:.0} ms", s2.people.len(), median_ms(xlsx));
}

fn median_ms(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

#[derive(Debug)]
struct ImportOptions {
    org: Option<String>,
    profile: Option<String>,
    map: Vec<String>,
    actual_pay: bool,
    sheet: Option<String>,
}

/// The mapping the command line asks for: the guess, then the profile, then each --map.
fn import_mapping(table: &import::Table, o: &ImportOptions) -> Result<import::Mapping, String> {
    let mut m = import::guess(table);
    if let Some(name) = &o.profile {
        let path = import::profiles_path();
        let profiles = import::load_profiles(&path)?;
        let Some(p) = profiles.into_iter().find(|p| &p.name == name) else {
            return Err(format!("there is no mapping profile called '{name}' in {}", path.display()));
        };
        m = p.mapping;
    }
    for pair in &o.map {
        let Some((key, column)) = pair.split_once('=') else {
            return Err(format!("--map {pair}: write FIELD=COLUMN, e.g. salary=\"Basic Pay\""));
        };
        let Some(field) = import::Field::from_key(key) else {
            let keys: Vec<&str> = import::Field::ALL.iter().map(|f| f.key()).collect();
            return Err(format!("--map {pair}: no field '{key}'; the fields are {}", keys.join(", ")));
        };
        if column.trim().is_empty() {
            m.columns.remove(&field);
        } else {
            m.columns.insert(field, column.trim().to_owned());
        }
    }
    if o.org.is_some() {
        m.org.clone_from(&o.org);
    }
    if o.actual_pay {
        m.salary_basis = import::SalaryBasis::Actual;
    }
    Ok(m)
}

fn import_cmd(scenario: &Path, people: &Path, o: &ImportOptions, out: &Path) -> ExitCode {
    let s = match load_or_report(scenario) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let table = match import::read_table(people, o.sheet.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mapping = match import_mapping(&table, o) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for f in import::Field::ALL {
        let col = mapping.columns.get(&f).map_or("not used", String::as_str);
        println!("  {:<18} <- {col}", f.label());
    }
    let Some(prepared) = import::prepare(&table, &mapping, &s, &mut |_| true) else { return ExitCode::FAILURE };
    if !prepared.blocking.is_empty() || prepared.people.is_empty() {
        print!("{}", import::report_text(&table, &prepared, None));
        eprintln!("error: nothing imported; {} is not written", out.display());
        return ExitCode::FAILURE;
    }
    let plan = import::reconcile(&s, &prepared);
    print!("{}", import::report_text(&table, &prepared, Some(&plan)));
    let mut s = s;
    s.people = plan.people;
    if let Some(why) = file::out_of_range(&s) {
        eprintln!("error: {why}");
        return ExitCode::FAILURE;
    }
    match file::save(&s, out) {
        Ok(()) => {
            println!("{}: {} people", out.display(), s.people.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn export_cmd(path: &Path, xlsx: Option<&Path>, csv: Option<&Path>, no_names: bool, no_salaries: bool) -> ExitCode {
    let s = match load_or_report(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let sum = compute(&s);
    let r = cluster_planner::workbook::Redaction { names: no_names, salaries: no_salaries };
    match (xlsx, csv) {
        (Some(out), _) => match cluster_planner::workbook::xlsx(&s, &sum, r) {
            Ok(bytes) => write_out(out, &bytes),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        (None, Some(out)) => write_out(out, &cluster_planner::workbook::people_csv(&s, &sum, r)),
        (None, None) => ExitCode::FAILURE,
    }
}

fn sample_extract(out: &Path, rows: usize, orgs: &[String]) -> ExitCode {
    let orgs: Vec<&str> = orgs.iter().map(String::as_str).collect();
    let table = import::sample_extract(rows, &orgs, 2025);
    let xlsx = out.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bytes = if xlsx {
        match write_rows_xlsx(&table) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        import::to_csv(&table)
    };
    let code = write_out(out, &bytes);
    if code == ExitCode::SUCCESS {
        println!("{}: {rows} people", out.display());
    }
    code
}

fn write_rows_xlsx(rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(u32::try_from(r).unwrap_or(u32::MAX), u16::try_from(c).unwrap_or(u16::MAX), v)?;
        }
    }
    wb.save_to_buffer()
}

fn bench(path: &Path, runs: usize, ui: bool, people: Option<&Path>) -> ExitCode {
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
    if let Some(people) = people {
        bench_import(&s, people, runs.min(11));
    }
    if ui {
        let doc = cluster_planner::document::Document::new(s, Some(path.to_owned()), "");
        for (what, ms) in cluster_planner::ui::bench::frames(doc, 200) {
            println!("{what}: {ms:.2} ms");
        }
    }
    ExitCode::SUCCESS
}
