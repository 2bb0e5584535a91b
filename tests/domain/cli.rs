//! The command line over every file in saves/, and its exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-planner")).args(args).output().expect("run cluster-planner")
}

fn saves() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn every_example_checks_clean_and_is_in_canonical_form() {
    let files = saves();
    assert!(files.len() >= 3, "{files:?}");
    for f in files {
        let o = run(&["check", f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}: {}", f.display(), stdout(&o));
        assert!(stdout(&o).contains(": 0 errors, 0 warnings"), "{}", stdout(&o));
        // `format` rewrites nothing: the committed files are canonical.
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy.ron");
        std::fs::copy(&f, &copy).unwrap();
        assert_eq!(run(&["format", copy.to_str().unwrap()]).status.code(), Some(0));
        assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&f).unwrap(), "{} is not canonical", f.display());
    }
}

#[test]
fn summary_json_adds_up_for_every_example() {
    for f in saves() {
        let o = run(&["summary", f.to_str().unwrap(), "--json"]);
        assert_eq!(o.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let orgs = v["organisations"].as_array().unwrap();
        // The totals are the ICBs in scope, added up; still to save and the surplus are each
        // body's shortfall and surplus added up, never netted between bodies (a merged ICB,
        // merged by the target date, is one body: its members' figures are netted in it).
        let in_scope: Vec<&serde_json::Value> = orgs.iter().filter(|o| o["in_scope"] == true).collect();
        let clusters = v["clusters"].as_array().unwrap();
        let merged: Vec<&serde_json::Value> = clusters.iter().filter(|c| c["merged_by_target_date"] == true).collect();
        let in_merged = |o: &serde_json::Value| merged.iter().any(|c| c["name"] == o["cluster"]);
        for key in ["baseline_pence", "planned_pence", "target_pence", "transferred_out_pence", "one_off_pence"] {
            let sum: i64 = in_scope.iter().map(|o| o[key].as_i64().unwrap()).sum();
            assert_eq!(v["totals"][key].as_i64().unwrap(), sum, "{} {key}", f.display());
        }
        for key in ["still_to_save_pence", "surplus_pence"] {
            let sum: i64 = in_scope.iter().filter(|o| !in_merged(o)).map(|o| o[key].as_i64().unwrap()).sum::<i64>()
                + merged.iter().map(|c| c[key].as_i64().unwrap()).sum::<i64>();
            assert_eq!(v["totals"][key].as_i64().unwrap(), sum, "{} {key}", f.display());
        }
        for c in &merged {
            let gap = c["gap_pence"].as_i64().unwrap();
            assert_eq!(c["still_to_save_pence"].as_i64().unwrap(), gap.max(0), "{} {}", f.display(), c["name"]);
        }
        for o in orgs {
            let gap = o["gap_pence"].as_i64().unwrap();
            assert_eq!(o["still_to_save_pence"].as_i64().unwrap(), gap.max(0));
            assert_eq!(o["surplus_pence"].as_i64().unwrap(), (-gap).max(0));
        }
        // gap_pence stays the net figure.
        let net = v["totals"]["still_to_save_pence"].as_i64().unwrap() - v["totals"]["surplus_pence"].as_i64().unwrap();
        assert_eq!(v["totals"]["gap_pence"].as_i64().unwrap(), net);
        for c in v["clusters"].as_array().unwrap() {
            let members: Vec<&str> = c["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
            let planned: i64 = orgs
                .iter()
                .filter(|o| members.contains(&o["code"].as_str().unwrap()))
                .map(|o| o["planned_pence"].as_i64().unwrap())
                .sum();
            assert_eq!(c["planned_pence"].as_i64().unwrap(), planned);
            let one_off: i64 = orgs
                .iter()
                .filter(|o| members.contains(&o["code"].as_str().unwrap()))
                .map(|o| o["one_off_pence"].as_i64().unwrap())
                .sum();
            assert_eq!(c["one_off_pence"].as_i64().unwrap(), one_off, "clusters carry their one-off costs");
            let gap = c["planned_pence"].as_i64().unwrap() - c["target_pence"].as_i64().unwrap();
            assert_eq!(c["gap_pence"].as_i64().unwrap(), gap);
        }
        assert!(v["outcomes"].is_object());
        assert!(v["one_off_pence"].is_i64());
    }
}

#[test]
fn lnr_example_reproduces_the_published_figures() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/lnr-cluster.ron");
    let o = run(&["summary", f.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // Combined baseline £53m; targets 67% of £33.25m and 71% of £19.75m.
    assert_eq!(v["totals"]["baseline_pence"], 5_300_000_000_i64);
    let org = |code: &str| v["organisations"].as_array().unwrap().iter().find(|o| o["code"] == code).unwrap().clone();
    assert_eq!(org("QK1")["baseline_pence"], 3_325_000_000_i64);
    assert_eq!(org("QPM")["baseline_pence"], 1_975_000_000_i64);
    assert_eq!(org("QK1")["target_pence"], 2_227_750_000_i64);
    assert_eq!(org("QPM")["target_pence"], 1_402_250_000_i64);
    // Baseline − target = £16.7m, 31.5% of £53m
    assert_eq!(
        v["totals"]["baseline_pence"].as_i64().unwrap() - v["totals"]["target_pence"].as_i64().unwrap(),
        1_670_000_000
    );
    // The table prints the same figures.
    let table = stdout(&run(&["summary", f.to_str().unwrap()]));
    assert!(table.contains("£53,000,000") && table.contains("£36,300,000"), "{table}");
    assert!(table.contains("£22,277,500") && table.contains("£14,022,500"), "{table}");
}

#[test]
fn exit_codes_and_messages() {
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files");
    // Unreadable: exit 2, message on stderr naming the file and line.
    let o = run(&["check", bad.join("truncated.ron").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("truncated.ron:") && err.contains("the file ends too soon"), "{err}");
    assert!(o.stdout.is_empty());
    // Readable with errors: exit 1, findings on stdout.
    let o = run(&["check", bad.join("dangling-post.ron").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error: person 10000001: outcome names post EXE-COO"));
    // summary of an unreadable file: exit 2
    assert_eq!(run(&["summary", bad.join("binary.ron").to_str().unwrap()]).status.code(), Some(2));
    // format refuses a newer file and leaves it alone
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.ron");
    std::fs::copy(bad.join("future-version.ron"), &newer).unwrap();
    let before = std::fs::read(&newer).unwrap();
    assert_eq!(run(&["format", newer.to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(std::fs::read(&newer).unwrap(), before);
    // --help and --version
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("summary") && stdout(&o).contains("check") && stdout(&o).contains("format"));
    let o = run(&["--version"]);
    assert_eq!(stdout(&o).trim(), format!("cluster-planner {}", env!("CARGO_PKG_VERSION")));
    // Unknown command: usage error on stderr, non-zero
    let o = run(&["summarise", "x.ron", "--jsn"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(!o.stderr.is_empty());
}

#[test]
fn generate_writes_a_scenario_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wm.ron");
    let o = run(&["generate", "west-midlands", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(run(&["check", out.to_str().unwrap()]).status.code(), Some(0));
    // Deterministic: the committed example is what the generator writes.
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/west-midlands.ron");
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(committed).unwrap());
}

/// The stress file at any size, for the benchmarks at national scale: 2,000 people shared
/// by population (each ICB's share rounded down, so a few fewer), and only for that example.
#[test]
fn generate_makes_the_stress_file_at_a_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.ron");
    let o = run(&["generate", "england-stress-25k", out.to_str().unwrap(), "--people", "2000"]);
    assert_eq!(o.status.code(), Some(0));
    let s = cluster_planner::files::load(&out).unwrap();
    assert!((1958..=2000).contains(&s.people.len()), "{} people", s.people.len());
    assert_eq!(s.name, "England stress test: 2,000 people (generated)");
    let o = run(&["generate", "lnr-cluster", out.to_str().unwrap(), "--people", "2000"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--people is for england-stress-25k"));
}

#[test]
fn import_a_staff_list_and_export_the_result() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let base = dir.path().join("new.ron");
    cluster_planner::files::save(&cluster_planner::model::reference::new_scenario(), &base).unwrap();
    let out = dir.path().join("imported.ron");
    let messy = root.join("tests/import/esr-llr-messy.csv");
    let o =
        run(&["import", base.to_str().unwrap(), "--people", messy.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", String::from_utf8_lossy(&o.stderr));
    // Each problem with its file, row and column; then the counts and the changes.
    assert!(
        text.contains("esr-llr-messy.csv: row 11, Annual Salary: error: '£1,2x4' is not an amount of money"),
        "{text}"
    );
    assert!(text.contains("5 rows ready to import, 5 left out with errors, 1 warnings"), "{text}");
    assert!(text.contains("5 added, 0 left, 0 changed"), "{text}");
    let s = cluster_planner::files::load(&out).unwrap();
    assert_eq!(s.people.len(), 5);

    // The Windows-1252 file has no ICB column: refused until --org says which.
    let qpm = root.join("tests/import/esr-qpm-1252-semicolon.csv");
    let o = run(&["import", out.to_str().unwrap(), "--people", qpm.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("cannot import: choose the ICB the rows belong to"), "{}", stdout(&o));
    // --map renames a field's column; an unknown field is named with the ones there are.
    let o = run(&[
        "import",
        out.to_str().unwrap(),
        "--people",
        qpm.to_str().unwrap(),
        "--org",
        "QPM",
        "--map",
        "function=",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("2 added, 0 left"), "{}", stdout(&o));
    let s = cluster_planner::files::load(&out).unwrap();
    assert_eq!(s.people.len(), 7);
    assert!(s.people.iter().filter(|p| p.org == "QPM").all(|p| p.function.is_none()));
    let o =
        run(&["import", out.to_str().unwrap(), "--people", qpm.to_str().unwrap(), "--map", "pay=Grade", "--out", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no field 'pay'; the fields are id, name,"));
    // An unreadable staff list: exit 2, and nothing written.
    let o = run(&["import", out.to_str().unwrap(), "--people", "/no/such.csv", "--out", "x.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!Path::new("x.ron").exists());

    // Export: a workbook and a CSV without names.
    let xlsx = dir.path().join("out.xlsx");
    assert_eq!(run(&["export", out.to_str().unwrap(), "--xlsx", xlsx.to_str().unwrap()]).status.code(), Some(0));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let csv = dir.path().join("out.csv");
    let o = run(&["export", out.to_str().unwrap(), "--csv", csv.to_str().unwrap(), "--no-names"]);
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 8); // header + 7 people
    assert!(!text.contains("Ada Lovelace") && text.contains("10000001-1"));
}

#[test]
fn import_with_a_saved_profile() {
    // A profile saved in the app's data folder (as the window's import dialog saves it)
    // maps a file the guess cannot finish: no ICB column, and the salary is actual pay.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut m = cluster_planner::files::import::Mapping::default();
    for (f, col) in [
        (cluster_planner::files::import::Field::Id, "Ref"),
        (cluster_planner::files::import::Field::Salary, "Pay this year"),
        (cluster_planner::files::import::Field::Wte, "Hours share"),
    ] {
        m.columns.insert(f, col.into());
    }
    m.org = Some("QPM".into());
    m.salary_basis = cluster_planner::files::import::SalaryBasis::Actual;
    cluster_planner::files::import::save_profile(&data.join("import-profiles.ron"), "Payroll", &m).unwrap();
    let people = dir.path().join("payroll.csv");
    std::fs::write(&people, "Ref,Pay this year,Hours share\nP1,30000,0.6\n").unwrap();
    let base = dir.path().join("new.ron");
    cluster_planner::files::save(&cluster_planner::model::reference::new_scenario(), &base).unwrap();
    let out = dir.path().join("out.ron");
    let args = ["import", base.to_str().unwrap(), "--people", people.to_str().unwrap(), "--out", out.to_str().unwrap()];
    let with_profile = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_cluster-planner"))
            .args(args)
            .args(extra)
            .env("CLUSTER_PLANNER_DATA_DIR", &data)
            .output()
            .unwrap()
    };
    // Without the profile nothing maps.
    assert_eq!(with_profile(&[]).status.code(), Some(1));
    let o = with_profile(&["--profile", "Payroll"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let s = cluster_planner::files::load(&out).unwrap();
    // £30,000 actual at 0.6 WTE is £50,000 full-time, in QPM.
    assert_eq!((s.people[0].org.as_str(), s.people[0].salary_pence), ("QPM", 5_000_000));
    let o = with_profile(&["--profile", "Nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("there is no mapping profile called 'Nope'"));
}

/// `--size` is refused before any window opens when it is not a size, or smaller than
/// the window's smallest (800 x 500), with the value named.
#[test]
fn a_window_size_below_the_smallest_or_not_a_size_is_refused() {
    let o = run(&["--size", "700x400"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("700x400 is smaller than the window's smallest size, 800x500"), "{err}");
    let o = run(&["--size", "wide"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("'wide' is not a size such as 900x600"));
}

/// `cluster-planner check FILE | head -1`: the reader goes away after one line, and the
/// command ends quietly instead of panicking on the closed pipe.
#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // The national stress file's thousands of notes are more than a pipe holds (64 KB).
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("england-stress-25k.ron");
    assert_eq!(run(&["generate", "england-stress-25k", f.to_str().unwrap()]).status.code(), Some(0));
    let mut child = Command::new(env!("CARGO_BIN_EXE_cluster-planner"))
        .args(["check", f.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap(); // then dropped: closed
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(first.starts_with("note: "), "{first}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101), "a panic exits 101");
}

/// `consultation` on the example: LLR's headquarters has 60 proposed (37 compulsory or
/// voluntary redundancies, 23 at risk or ring-fenced) on 31 December 2025: 30 days'
/// consultation, to run before the first 12-week notice on 8 October, so by 8 September;
/// HR1 by 7 October. Recorded from 1 September: no finding, exit 0. Northamptonshire's
/// locality office (18) has no duty, and a note says it is near it.
#[test]
fn consultation_lists_each_employer_and_site() {
    let f = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/lnr-cluster.ron");
    let o = run(&["consultation", f.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let all = v["establishments"].as_array().unwrap();
    assert_eq!(all.len(), 4);
    let hq = &all[0];
    assert_eq!(hq["site"], "Leicester, Leicestershire and Rutland headquarters");
    assert_eq!(
        (hq["proposed"].as_u64(), hq["decided"].as_u64(), hq["min_days"].as_u64()),
        (Some(60), Some(37), Some(30))
    );
    assert_eq!((hq["consult_by"].as_str(), hq["hr1_by"].as_str()), (Some("2025-09-08"), Some("2025-10-07")));
    assert_eq!(hq["protective_award_days"], 90, "dismissals before 6 April 2026");
    assert!(hq["findings"].as_array().unwrap().is_empty());
    assert_eq!(all.iter().filter(|e| e["duty"] == false).count(), 1);
    let text = stdout(&run(&["consultation", f.to_str().unwrap()]));
    assert!(
        text.contains("Not legal advice") && text.contains("no duty to consult") && text.contains("is near the 20"),
        "{text}"
    );
}
