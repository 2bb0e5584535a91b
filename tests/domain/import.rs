//! Importing staff lists: fixtures in tests/import/ that look like real ESR and finance
//! extracts (title rows, a merged heading row, trailing spaces, blank rows, "£" and
//! thousands separators, percentages, bands written three ways, duplicate ids, Windows-1252,
//! semicolons, a BOM and tabs), a workbook and a 25,000-row file made by the tests. Each test
//! asserts what was imported and what was reported, with figures worked out by hand.

use std::path::{Path, PathBuf};

use cluster_planner::edit::Document;
use cluster_planner::edit::Edit;
use cluster_planner::engine::compute;
use cluster_planner::files::import::{self, Field, Level, Mapping, Prepared, SalaryBasis, Table};
use cluster_planner::model::money::Wte;
use cluster_planner::model::reference::new_scenario;
use cluster_planner::model::{Band, Grade, Outcome, Person, Scenario};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import").join(name)
}

fn read(name: &str) -> Table {
    import::read_table(&fixture(name), None).unwrap()
}

fn prepare(t: &Table, m: &Mapping, s: &Scenario) -> Prepared {
    import::prepare(t, m, s, &mut |_| true).unwrap()
}

fn person<'a>(p: &'a Prepared, id: &str) -> &'a Person {
    p.people.iter().find(|x| x.id == id).unwrap_or_else(|| panic!("{id} was not imported"))
}

fn issue_on(p: &Prepared, line: usize) -> Vec<String> {
    p.issues.iter().filter(|i| i.line == line).map(ToString::to_string).collect()
}

#[test]
fn a_messy_esr_extract_maps_itself_and_reports_every_bad_row() {
    let t = read("esr-llr-messy.csv");
    // Two title rows, a blank row and a merged group-heading row sit above the column names.
    assert_eq!(t.header_line, 5);
    assert_eq!(t.format, "CSV, UTF-8, comma-separated");
    // Rows 6 to 16 are data; the blank row 8 is skipped.
    assert_eq!(t.rows.len(), 10);
    let m = import::guess(&t);
    let col = |f: Field| m.columns.get(&f).map(String::as_str);
    assert_eq!(col(Field::Id), Some("Assignment Number")); // trailing space trimmed
    assert_eq!(col(Field::Name), Some("Employee Name"));
    assert_eq!(col(Field::Org), Some("Organisation"));
    assert_eq!(col(Field::Title), Some("Position Title")); // preferred over "Job Role"
    assert_eq!(col(Field::Grade), Some("Pay Band"));
    assert_eq!(col(Field::Wte), Some("FTE"));
    assert_eq!(col(Field::Salary), Some("Annual Salary"));
    assert_eq!(col(Field::Service), Some("Length of Service"));
    assert_eq!(col(Field::CostCentre), Some("Cost Centre"));
    assert_eq!(col(Field::Function), None);

    let s = new_scenario();
    let p = prepare(&t, &m, &s);
    assert!(p.blocking.is_empty(), "{:?}", p.blocking);
    // Good rows: 6, 7, 9, 10 and 14. Left out: 11 (salary), 12 (no id), 13 (duplicate of
    // row 7), 15 (WTE in hours), 16 (unknown ICB).
    let ids: Vec<&str> = p.people.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["10000001-1", "10000002-1", "10000003-1", "10000004-1", "10000008-1"]);
    assert_eq!(p.lines, [6, 7, 9, 10, 14]);
    assert_eq!(p.skipped, 5);
    assert_eq!(p.orgs, ["QK1"]);
    assert_eq!(
        issue_on(&p, 11),
        ["row 11, Annual Salary: error: '£1,2x4' is not an amount of money such as £54,710 or 54710.00"]
    );
    assert_eq!(issue_on(&p, 12), ["row 12, Assignment Number: error: no assignment number"]);
    assert_eq!(
        issue_on(&p, 13),
        ["row 13, Assignment Number: error: assignment number 10000002-1 is also on row 7; only the first is imported"]
    );
    assert!(issue_on(&p, 15)[0].contains("row 15, FTE: error: WTE '37.5' is more than 1; if it is hours"));
    // With all 42 ICBs, the hint gives the first code as an example.
    assert_eq!(
        issue_on(&p, 16),
        [
            "row 16, Organisation: error: 'Somewhere ICB' is not an ICB in this scenario (write its ODS code, such as QHG)"
        ]
    );
    assert_eq!(
        issue_on(&p, 14),
        ["row 14, Pay Band: warning: 'Consultant' is not an Agenda for Change band or VSM; kept as written"]
    );
    assert_eq!(p.count(Level::Error), 5);
    assert_eq!(p.count(Level::Warning), 1);

    // "£145,000.00", VSM, "22 years 4 months", the ICB found by the code in its name.
    let ada = person(&p, "10000001-1");
    assert_eq!((ada.org.as_str(), ada.salary_pence, ada.wte, ada.service_years), ("QK1", 14_500_000, Wte::FULL, 22));
    assert_eq!(ada.grade, Grade::Vsm);
    assert_eq!(ada.name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(ada.cost_centre.as_deref(), Some("T1000"));
    // "Band 8a", "8A" and "AfC 8a" are the same band; "0.6" and "60%" the same WTE;
    // "£58,487.00" and "58,487" the same salary.
    let grace = person(&p, "10000002-1");
    let alan = person(&p, "10000003-1");
    let mary = person(&p, "10000004-1");
    for x in [grace, alan, mary] {
        assert_eq!(x.grade, Grade::AfC(Band::Band8a), "{}", x.id);
    }
    assert_eq!((grace.wte, grace.salary_pence, grace.service_years), (Wte(6000), 5_848_700, 12));
    assert_eq!((alan.wte, alan.salary_pence), (Wte(6000), 5_848_700));
    // Spaces around a value are trimmed.
    assert_eq!((alan.name.as_deref(), alan.title.as_str()), (Some("Alan Turing"), "Senior Analyst"));
    // The ICB by its name alone, with "NHS", "ICB" and punctuation ignored; "£62682".
    assert_eq!((mary.org.as_str(), mary.salary_pence, mary.wte), ("QK1", 6_268_200, Wte::FULL));
    assert_eq!(person(&p, "10000008-1").grade, Grade::Other("Consultant".into()));

    // The import lands in the figures. Grace: £58,487 x 0.6 = £35,092.20 pay; NI 15% of
    // £30,092.20 = £4,513.83; pension 14.38% = £5,046.26; levy 0.5% = £175.46; £44,827.75.
    let plan = import::reconcile(&s, &p);
    assert_eq!(plan.added.len(), 5);
    let mut s2 = s.clone();
    s2.people = plan.people;
    let sum = compute(&s2);
    let gi = s2.people.iter().position(|x| x.id == "10000002-1").unwrap();
    assert_eq!(sum.person_cost[gi], 4_482_775);
    let qk1 = sum.org("QK1").unwrap();
    assert_eq!(qk1.headcount, 5);
    assert_eq!(qk1.baseline_people, sum.person_cost.iter().sum::<i64>());
}

#[test]
fn windows_1252_with_semicolons_first_and_last_names_and_start_dates() {
    let t = read("esr-qpm-1252-semicolon.csv");
    assert_eq!(t.format, "CSV, Windows-1252, semicolon-separated");
    let mut m = import::guess(&t);
    assert_eq!(m.columns.get(&Field::FirstName).map(String::as_str), Some("Forename"));
    assert_eq!(m.columns.get(&Field::LastName).map(String::as_str), Some("Surname"));
    assert_eq!(m.columns.get(&Field::Service).map(String::as_str), Some("Service Start Date"));
    assert_eq!(m.columns.get(&Field::Function).map(String::as_str), Some("Directorate"));
    let s = new_scenario();
    // No ICB column: nothing can be imported until the user picks the ICB.
    let p = prepare(&t, &m, &s);
    assert_eq!(p.blocking, ["choose the ICB the rows belong to, or the column that says"]);
    assert!(p.people.is_empty());
    m.org = Some("QPM".into());
    let p = prepare(&t, &m, &s);
    assert!(p.blocking.is_empty());
    assert_eq!(p.people.len(), 2);
    let zoe = person(&p, "20000001");
    // Accents and "£" decoded from Windows-1252 bytes.
    assert_eq!(zoe.name.as_deref(), Some("Zoë Brontë"));
    assert_eq!((zoe.salary_pence, zoe.grade.clone()), (11_576_300, Grade::AfC(Band::Band9)));
    // 1 April 2010 to the target date, 31 December 2025: 15 complete years.
    assert_eq!(zoe.service_years, 15);
    assert_eq!(zoe.function.as_deref(), Some("Finance and contracting"));
    let sean = person(&p, "20000002");
    // 15 September 2023 to 31 December 2025: 2 complete years. Title's trailing space trimmed.
    assert_eq!((sean.service_years, sean.wte, sean.title.as_str()), (2, Wte(8000), "Business Analyst"));
    // A service start date after the target date is an error on row 4.
    assert_eq!(
        issue_on(&p, 4),
        ["row 4, Service Start Date: error: service start date 2026-02-01 is after 2025-12-31"]
    );
}

#[test]
fn a_bom_and_tabs() {
    let t = read("bom-tab.tsv");
    assert_eq!(t.format, "CSV, UTF-8 with BOM, tab-separated");
    // The BOM is not part of the first column's name.
    assert_eq!(t.headers[0], "ID");
    let m = import::guess(&t);
    assert_eq!(m.columns.get(&Field::Id).map(String::as_str), Some("ID"));
    assert_eq!(m.columns.get(&Field::Org).map(String::as_str), Some("ICB"));
    let p = prepare(&t, &m, &new_scenario());
    assert_eq!(p.people.len(), 2);
    assert_eq!(person(&p, "30000002").org, "QPM");
    assert_eq!(person(&p, "30000002").wte, Wte(5000));
    // No service column: one warning for the whole file, not one a row.
    assert_eq!(p.issues.len(), 1);
    assert_eq!(p.issues[0].line, 0);
}

#[test]
fn actual_pay_is_divided_by_wte() {
    // £30,000 actual at 0.6 WTE is £50,000 full-time; £20,000 at 0.75 is £26,666.67
    // (2,000,000 x 10,000 / 7,500 = 2,666,666.67 pence, rounded to the penny).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actual.csv");
    std::fs::write(&path, "Assignment Number,Organisation,FTE,Annual Pay\n1,QK1,0.6,30000\n2,QK1,0.75,20000\n")
        .unwrap();
    let t = import::read_table(&path, None).unwrap();
    let mut m = import::guess(&t);
    m.salary_basis = SalaryBasis::Actual;
    let p = prepare(&t, &m, &new_scenario());
    assert_eq!(person(&p, "1").salary_pence, 5_000_000);
    assert_eq!(person(&p, "2").salary_pence, 2_666_667);
}

fn write_xlsx(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("Read me").unwrap();
    notes.write_string(0, 0, "Finance establishment report, October 2025").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Establishment").unwrap();
    let bold = Format::new().set_bold();
    // A merged title across the sheet and a merged group heading, as finance teams make them.
    ws.merge_range(0, 0, 0, 6, "NHS Northamptonshire ICB establishment", &bold).unwrap();
    ws.merge_range(1, 0, 1, 2, "Employee", &bold).unwrap();
    ws.merge_range(1, 3, 1, 6, "Pay", &bold).unwrap();
    for (c, h) in ["Employee Number", "Name", "ICB", "Grade", "WTE", "Salary", "NHS Start Date"].iter().enumerate() {
        ws.write_string(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    let pct = Format::new().set_num_format("0%");
    let money = Format::new().set_num_format("£#,##0.00");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    // Numbers as numbers: the id, a WTE of 0.6 shown as 60%, a salary with pence, a date.
    ws.write_number(3, 0, 12_345_678.0).unwrap();
    ws.write_string(3, 1, "Priya Patel").unwrap();
    ws.write_string(3, 2, "QPM").unwrap();
    ws.write_string(3, 3, "Band 8b").unwrap();
    ws.write_number_with_format(3, 4, 0.6, &pct).unwrap();
    ws.write_number_with_format(3, 5, 68_631.5, &money).unwrap();
    ws.write_datetime_with_format(3, 6, ExcelDateTime::from_ymd(2005, 1, 1).unwrap(), &date).unwrap();
    ws.write_number(4, 0, 12_345_679.0).unwrap();
    ws.write_string(4, 1, "Sam Okafor").unwrap();
    ws.write_string(4, 2, "QPM").unwrap();
    ws.write_string(4, 3, "VSM").unwrap();
    ws.write_number(4, 4, 1.0).unwrap();
    ws.write_number_with_format(4, 5, 140_000.0, &money).unwrap();
    ws.write_datetime_with_format(4, 6, ExcelDateTime::from_ymd(2020, 6, 30).unwrap(), &date).unwrap();
    wb.save(path).unwrap();
}

#[test]
fn a_workbook_with_merged_headings_numbers_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("establishment.xlsx");
    write_xlsx(&path);
    // The first sheet with data is a note; the staff are on the second. Asking for the
    // sheet by name reads it.
    let t = import::read_table(&path, Some("establishment")).unwrap();
    assert_eq!(t.sheets, ["Read me", "Establishment"]);
    assert_eq!(t.format, "Excel workbook, sheet 'Establishment'");
    assert_eq!(t.header_line, 3);
    let m = import::guess(&t);
    assert_eq!(m.columns.get(&Field::Service).map(String::as_str), Some("NHS Start Date"));
    let p = prepare(&t, &m, &new_scenario());
    assert_eq!(p.people.len(), 2, "{:?}", p.issues);
    let priya = person(&p, "12345678");
    // 0.6 stored as a float shown as 60%; £68,631.50 to the penny; 1 Jan 2005 to 31 Dec 2025
    // is 20 complete years.
    assert_eq!((priya.wte, priya.salary_pence, priya.service_years), (Wte(6000), 6_863_150, 20));
    let sam = person(&p, "12345679");
    // 30 June 2020 to 31 December 2025: 5 complete years.
    assert_eq!((sam.grade.clone(), sam.service_years), (Grade::Vsm, 5));
    // A sheet that is not there is named with the ones that are.
    let e = import::read_table(&path, Some("Staff")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "establishment.xlsx: there is no sheet called 'Staff'; the sheets are: Read me, Establishment"
    );
}

#[test]
fn unreadable_files_say_why_and_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "\n\n ,, \n").unwrap();
    assert_eq!(import::read_table(&empty, None).unwrap_err().to_string(), "empty.csv: there are no rows in it");
    let fake = dir.path().join("fake.xlsx");
    std::fs::write(&fake, "not a workbook").unwrap();
    assert!(
        import::read_table(&fake, None).unwrap_err().to_string().starts_with("fake.xlsx: cannot read the workbook")
    );
    let binary = dir.path().join("binary.csv");
    std::fs::write(&binary, b"a,b\n\0\0\0,\x01").unwrap();
    assert!(import::read_table(&binary, None).unwrap_err().message.contains("NUL"));
    let missing = dir.path().join("missing.csv");
    assert!(import::read_table(&missing, None).unwrap_err().message.starts_with("cannot read the file"));
    // A file over the limit is refused by its size before it is read (a sparse file: no
    // 100 MB is written to disk).
    let big = dir.path().join("big.csv");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(import::MAX_IMPORT_BYTES + 1).unwrap();
    assert!(import::read_table(&big, None).unwrap_err().message.contains("at most 100 MB"));
}

#[test]
fn a_mapping_without_id_or_salary_says_so() {
    let t = read("esr-llr-messy.csv");
    let mut m = import::guess(&t);
    m.columns.remove(&Field::Id);
    m.columns.remove(&Field::Salary);
    m.columns.insert(Field::Grade, "No Such Column".into());
    let p = prepare(&t, &m, &new_scenario());
    assert_eq!(
        p.blocking,
        [
            "Pay band: there is no column called 'No Such Column'",
            "choose the column with each person's assignment number (or other unique id)",
            "choose the column with the annual salary",
        ]
    );
}

fn csv_file(dir: &Path, name: &str, text: &str) -> Table {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    import::read_table(&path, None).unwrap()
}

#[test]
fn re_import_keeps_decisions_and_reports_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let header = "Assignment Number,Full Name,Organisation,Position Title,Pay Band,FTE,Annual Salary,Directorate\n";
    let v1 = csv_file(
        dir.path(),
        "september.csv",
        &format!(
            "{header}A1,Ann,QK1,Head of Finance,Band 8a,1,55690,Finance and contracting\n\
             B2,Bob,QK1,Analyst,Band 6,1,38682,\n\
             C3,Cat,QK1,Officer,Band 4,1,27485,\n\
             N9,Nia,QPM,Officer,Band 4,1,27485,\n"
        ),
    );
    let mut doc = Document::new(new_scenario(), None, "Untitled.ron");
    let p1 = prepare(&v1, &import::guess(&v1), &doc.scenario);
    let plan1 = import::reconcile(&doc.scenario, &p1);
    doc.apply(Edit::ReplacePeople { people: plan1.people, what: "import 4 people".into() }).unwrap();
    // Decisions: Ann at risk; Bob takes voluntary redundancy; Cat and Nia not affected.
    doc.apply(Edit::SetOutcomes { ids: vec!["A1".into()], outcome: Outcome::AtRisk, effective: None }).unwrap();
    doc.apply(Edit::SetOutcomes { ids: vec!["B2".into()], outcome: Outcome::VoluntaryRedundancy, effective: None })
        .unwrap();
    // October's extract covers QK1 only, with no directorate column: Ann is promoted to 8b
    // at £64,455; Bob has gone (his VR is recorded); Cat has left; Dev is new.
    let v2 = csv_file(
        dir.path(),
        "october.csv",
        "Assignment Number,Full Name,Organisation,Position Title,Pay Band,FTE,Annual Salary\n\
         A1,Ann,QK1,Head of Finance,Band 8b,1,64455\n\
         D4,Dev,QK1,Analyst,Band 6,0.5,38682\n",
    );
    let p2 = prepare(&v2, &import::guess(&v2), &doc.scenario);
    let plan = import::reconcile(&doc.scenario, &p2);
    assert_eq!(plan.added, ["D4"]);
    assert_eq!(plan.left, ["C3"]);
    assert_eq!(plan.kept_leavers, ["B2"]);
    assert_eq!(plan.changed.len(), 1);
    assert_eq!(plan.changed[0].what, ["Band 8a → Band 8b", "salary £55,690.00 → £64,455.00"]);
    assert_eq!((plan.band_changes, plan.wte_changes, plan.salary_changes), (1, 0, 1));
    assert_eq!(plan.decisions_kept, 1); // Ann's "at risk"
    assert_eq!(
        plan.headline(),
        "1 added, 1 left, 1 changed (1 band, 0 WTE, 1 salary), 0 unchanged; decisions kept for 1 person"
    );
    let before = doc.scenario.people.clone();
    doc.apply(Edit::ReplacePeople { people: plan.people.clone(), what: "import 2 people from october.csv".into() })
        .unwrap();
    let by_id = |id: &str| doc.scenario.people.iter().find(|p| p.id == id).cloned();
    let ann = by_id("A1").unwrap();
    assert_eq!(ann.outcome, Outcome::AtRisk);
    assert_eq!(ann.grade, Grade::AfC(Band::Band8b));
    // No directorate column this time: Ann keeps the function she had.
    assert_eq!(ann.function.as_deref(), Some("Finance and contracting"));
    assert_eq!(by_id("B2").unwrap().outcome, Outcome::VoluntaryRedundancy);
    assert!(by_id("C3").is_none());
    // Nia is in QPM, which October's extract does not cover: untouched.
    assert!(by_id("N9").is_some());
    assert_eq!(doc.scenario.people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["A1", "B2", "N9", "D4"]);
    // One step, and Undo takes it back whole.
    assert_eq!(doc.history.undo_label().as_deref(), Some("Undo import 2 people from october.csv"));
    doc.undo();
    assert_eq!(doc.scenario.people, before);
}

#[test]
fn mapping_profiles_are_saved_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profiles.ron");
    assert!(import::load_profiles(&path).unwrap().is_empty());
    let t = read("esr-qpm-1252-semicolon.csv");
    let mut m = import::guess(&t);
    m.org = Some("QPM".into());
    import::save_profile(&path, "QPM monthly", &m).unwrap();
    import::save_profile(&path, "Other", &Mapping::default()).unwrap();
    // Saving under the same name replaces it.
    m.salary_basis = SalaryBasis::Actual;
    import::save_profile(&path, "QPM monthly", &m).unwrap();
    let got = import::load_profiles(&path).unwrap();
    assert_eq!(got.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Other", "QPM monthly"]);
    assert_eq!(got[1].mapping, m);
    assert!(import::save_profile(&path, "  ", &m).is_err());
    std::fs::write(&path, "not ron").unwrap();
    assert!(import::load_profiles(&path).unwrap_err().contains("profiles.ron"));
}

#[test]
fn twenty_five_thousand_rows_with_one_bad_one() {
    // Generated here, never committed: 25,000 people over QK1 and QPM, then row 12,346 (the
    // 12,345th person; the header is row 1) gets a salary that is not money.
    let mut rows = import::sample_extract(25_000, &["QK1", "QPM"], 7);
    rows[12_345][6] = "n/a".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("esr-25k.csv");
    std::fs::write(&path, import::to_csv(&rows)).unwrap();
    let t = import::read_table(&path, None).unwrap();
    assert_eq!(t.rows.len(), 25_000);
    let s = new_scenario();
    let mut calls = 0;
    let p = import::prepare(&t, &import::guess(&t), &s, &mut |_| {
        calls += 1;
        true
    })
    .unwrap();
    assert_eq!(p.people.len(), 24_999);
    assert_eq!(p.skipped, 1);
    let errors: Vec<String> = p.issues.iter().filter(|i| i.level == Level::Error).map(ToString::to_string).collect();
    assert_eq!(
        errors,
        ["row 12346, Annual Salary: error: 'n/a' is not an amount of money such as £54,710 or 54710.00"]
    );
    // Progress was reported along the way (every 1,000 rows and at the end).
    assert_eq!(calls, 26);
    // Cancel stops the work.
    let mut seen = 0;
    let cancelled = import::prepare(&t, &import::guess(&t), &s, &mut |n| {
        seen = n;
        n < 5_000
    });
    assert!(cancelled.is_none());
    assert_eq!(seen, 5_000);
    // Every good row is in the plan: 24,999 added to a scenario with no people.
    assert_eq!(import::reconcile(&s, &p).people.len(), 24_999);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Cells people really type, and their near misses.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9£,. %-]{0,12}",
            "(Band |AfC |band )?[0-9][a-dA-D]?",
            "[0-9]{1,3}(Y|y| years)? ?[0-9]{0,2}(M|m| months)?",
            "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}",
            "[0-9.]{1,30}[eE][+-]?[0-9]{1,12}",
            "\\PC{0,20}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any bytes read as CSV give a table or a message; never a panic.
        #[test]
        fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let s = new_scenario();
            if let Ok(t) = import::parse_csv("fuzz.csv", &bytes) {
                let m = import::guess(&t);
                if let Some(p) = import::prepare(&t, &m, &s, &mut |_| true) {
                    let _ = import::reconcile(&s, &p);
                }
            }
        }

        /// Any cell text under the known headers is imported or reported, and what is
        /// imported is within what a scenario file may hold.
        #[test]
        fn any_cells(rows in proptest::collection::vec(proptest::collection::vec(cell(), 9), 1..20)) {
            let mut table = vec![
                "Assignment Number,Full Name,Organisation,Position Title,Pay Band,FTE,Annual Salary,Length of Service,Cost Centre"
                    .split(',').map(str::to_owned).collect::<Vec<_>>(),
            ];
            for mut r in rows {
                r[2] = "QK1".into();
                table.push(r);
            }
            let t = import::parse_csv("fuzz.csv", &import::to_csv(&table)).unwrap();
            let mut s = new_scenario();
            let p = import::prepare(&t, &import::guess(&t), &s, &mut |_| true).unwrap();
            prop_assert_eq!(p.people.len() + p.skipped, t.rows.len());
            s.people = import::reconcile(&s, &p).people;
            prop_assert_eq!(cluster_planner::model::limits::out_of_range(&s), None);
            let _ = compute(&s);
        }
    }
}

#[test]
fn opendocument_and_excel_97_files_made_by_libreoffice() {
    // The same three people saved by LibreOffice Calc as .ods and as .xls (BIFF8): numbers
    // are numbers in both, and both read the same.
    for name in ["esr-qpm-finance.ods", "esr-qpm-finance.xls"] {
        let t = read(name);
        assert_eq!(t.rows.len(), 3, "{name}");
        let m = import::guess(&t);
        assert_eq!(m.columns.get(&Field::Wte).map(String::as_str), Some("Contracted WTE"), "{name}");
        assert_eq!(m.columns.get(&Field::Service).map(String::as_str), Some("Years of Service"), "{name}");
        let p = prepare(&t, &m, &new_scenario());
        assert!(p.issues.is_empty(), "{name}: {:?}", p.issues);
        let liam = person(&p, "40000002");
        assert_eq!(liam.name.as_deref(), Some("Liam Byrne"));
        assert_eq!(
            (liam.org.as_str(), liam.wte, liam.salary_pence, liam.service_years),
            ("QPM", Wte(8000), 5_027_300, 6)
        );
        assert_eq!(liam.grade, Grade::AfC(Band::Band7));
        assert_eq!(person(&p, "40000001").grade, Grade::AfC(Band::Band8c));
    }
    assert!(read("esr-qpm-finance.ods").format.starts_with("OpenDocument spreadsheet, sheet '"));
    assert!(read("esr-qpm-finance.xls").format.starts_with("Excel 97-2003 workbook, sheet '"));
}

#[test]
fn an_unknown_icb_is_told_which_icbs_the_scenario_has() {
    // QPM is not among the West Midlands example's six ICBs: each row says which they are.
    let wm = cluster_planner::examples::by_name("west-midlands").unwrap();
    let codes: Vec<&str> = wm.organisations.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(codes.len(), 6);
    let t = read("esr-qpm-finance.ods");
    let p = prepare(&t, &import::guess(&t), &wm);
    assert_eq!(p.skipped, 3);
    assert_eq!(
        issue_on(&p, 2),
        [format!(
            "row 2, Organisation: error: 'QPM' is not an ICB in this scenario (this scenario's ICBs are {})",
            codes.join(", ")
        )]
    );
}

/// A "Base Site" column gives each person their site (an establishment for collective
/// consultation); a re-import with another site says so and moves them.
#[test]
fn a_site_column_gives_each_person_their_site() {
    let csv = "Assignment Number,Organisation,Position Title,Pay Band,FTE,Annual Salary,Length of Service,Base Site\n\
               1001,QK1,Analyst,Band 6,1,40000,5,County Hall\n\
               1002,QK1,Analyst,Band 6,1,40000,5,\n";
    let t = import::parse_csv("sites.csv", csv.as_bytes()).unwrap();
    let m = import::guess(&t);
    assert_eq!(m.columns.get(&Field::Site).map(String::as_str), Some("Base Site"));
    let mut s = new_scenario();
    let p = prepare(&t, &m, &s);
    assert_eq!(person(&p, "1001").site.as_deref(), Some("County Hall"));
    assert_eq!(person(&p, "1002").site, None, "an empty cell is no site");
    s.people = import::reconcile(&s, &p).people;
    let moved = csv.replace("County Hall", "Loughborough");
    let t = import::parse_csv("sites.csv", moved.as_bytes()).unwrap();
    let plan = import::reconcile(&s, &prepare(&t, &import::guess(&t), &s));
    assert_eq!(plan.changed.len(), 1);
    assert_eq!(plan.changed[0].what, ["site County Hall → Loughborough"]);
}
