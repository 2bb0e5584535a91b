//! Exports read back: the workbook is opened again with calamine (as any program that does
//! not compute formulas would) and every figure is compared with the cost engine to the
//! penny; the redacted exports are searched for what they must not hold; the CSV is checked
//! against formula injection and imported again.

use std::collections::HashMap;

use calamine::{Data, Reader};
use cluster_planner::engine::{Summary, compute};
use cluster_planner::examples;
use cluster_planner::files::import;
use cluster_planner::files::workbook::{Redaction, people_csv, xlsx};
use cluster_planner::model::Scenario;

fn lnr() -> (Scenario, Summary) {
    let s = examples::by_name("lnr-cluster").unwrap();
    let sum = compute(&s);
    (s, sum)
}

/// Every sheet of a workbook: name -> rows of cells.
fn open(bytes: Vec<u8>) -> HashMap<String, Vec<Vec<Data>>> {
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut out = HashMap::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        out.insert(name, range.rows().map(<[Data]>::to_vec).collect());
    }
    out
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// A money cell back in pence: pounds x 100, rounded.
#[allow(clippy::cast_possible_truncation)]
fn pence(d: &Data) -> i64 {
    match d {
        Data::Float(f) => (f * 100.0).round() as i64,
        Data::Int(i) => i * 100,
        other => panic!("not a number: {other:?}"),
    }
}

fn column(rows: &[Vec<Data>], name: &str) -> usize {
    rows[0].iter().position(|c| text(c) == name).unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_workbook_has_five_sheets_whose_figures_equal_the_summary_to_the_penny() {
    let (s, sum) = lnr();
    let wb = open(xlsx(&s, &sum, Redaction::default()).unwrap());
    let mut names: Vec<&str> = wb.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["Assumptions", "One-off costs", "People and outcomes", "Structure", "Summary"]);

    let summary = &wb["Summary"];
    let (base, plan, target, gap) = (
        column(summary, "Baseline"),
        column(summary, "Planned"),
        column(summary, "Target"),
        column(summary, "Gap (planned − target)"),
    );
    let total = summary.iter().find(|r| text(&r[0]) == "Total").unwrap();
    // The published figures: £53m baseline, £36.3m of targets (£22,277,500 + £14,022,500).
    assert_eq!(pence(&total[base]), 5_300_000_000);
    assert_eq!(pence(&total[target]), 3_630_000_000);
    assert_eq!(pence(&total[base]), sum.totals.baseline);
    assert_eq!(pence(&total[plan]), sum.totals.planned);
    assert_eq!(pence(&total[gap]), sum.totals.gap().unwrap());
    // Each ICB's row equals the engine's figures for it, and the ICBs add up to the cluster.
    let code = column(summary, "ICB code");
    for o in &sum.organisations {
        let row = summary.iter().find(|r| text(&r[code]) == o.code).unwrap();
        assert_eq!(pence(&row[base]), o.line.baseline, "{}", o.code);
        assert_eq!(pence(&row[plan]), o.line.planned, "{}", o.code);
        assert_eq!(pence(&row[target]), o.line.target.unwrap(), "{}", o.code);
    }
    let cluster = summary.iter().find(|r| text(&r[0]) == "Cluster").unwrap();
    let icbs: i64 = summary.iter().filter(|r| text(&r[0]) == "ICB").map(|r| pence(&r[plan])).sum();
    assert_eq!(pence(&cluster[plan]), icbs);

    // One row a person; each person's cost and one-off payment as the engine has them; the
    // payments add up to the one-off total.
    let people = &wb["People and outcomes"];
    assert_eq!(people.len(), 1 + s.people.len());
    let (cost, one_off, id) =
        (column(people, "Annual Cost to ICB"), column(people, "One-off Cost"), column(people, "Assignment Number"));
    for (i, p) in s.people.iter().enumerate() {
        let row = &people[i + 1];
        assert_eq!(text(&row[id]), p.id);
        assert_eq!(pence(&row[cost]), sum.person_cost[i]);
    }
    let payments: i64 = people[1..].iter().map(|r| pence(&r[one_off])).sum();
    assert_eq!(payments, sum.one_off.total());
    let one_offs = &wb["One-off costs"];
    let row = one_offs.iter().find(|r| text(&r[0]) == "One-off costs").unwrap();
    assert_eq!(pence(&row[2]), sum.one_off.total());
    let row = one_offs.iter().find(|r| text(&r[0]) == "Net recurrent saving a year").unwrap();
    assert_eq!(pence(&row[2]), sum.totals.net_recurrent_saving());

    // Every post once, with its cost; then a column per ICB of the cluster (LLR and
    // Northamptonshire) with what that ICB pays, the two adding up to the post's cost.
    let structure = &wb["Structure"];
    assert_eq!(structure.len(), 1 + s.posts().count());
    let (post, post_cost) = (column(structure, "Post"), column(structure, "Annual cost to ICBs"));
    let members = &s.clusters[0].members;
    assert_eq!(members.len(), 2);
    let paid_by: Vec<usize> = members.iter().map(|m| column(structure, &format!("Paid by {m}"))).collect();
    for pc in &sum.posts {
        let row = structure.iter().find(|r| text(&r[post]) == pc.id).unwrap();
        assert_eq!(pence(&row[post_cost]), pc.cost.to_icb());
        for (i, &c) in paid_by.iter().enumerate() {
            assert_eq!(pence(&row[c]), pc.shares[i], "{} paid by {}", pc.id, members[i]);
        }
        assert_eq!(pence(&row[paid_by[0]]) + pence(&row[paid_by[1]]), pc.cost.to_icb(), "{}", pc.id);
    }
    // Assumptions: the envelope, and the Band 7 top point £54,710.
    let a = &wb["Assumptions"];
    assert!(a.iter().any(|r| text(&r[0]) == "Running-cost envelope" && text(&r[1]) == "£18.76"));
    assert!(a.iter().any(|r| text(&r[0]) == "Band 7 point 3" && pence(&r[1]) == 5_471_000));
}

/// West Midlands: six ICBs in three clusters. The Structure sheet has a "Paid by" column for
/// each of the six; a post's cost falls only in its own cluster's columns, and a column adds
/// up to what the engine has that ICB paying towards the posts.
#[test]
fn the_structure_sheet_has_a_column_per_icb_that_pays() {
    let s = examples::by_name("west-midlands").unwrap();
    let sum = compute(&s);
    assert_eq!(s.clusters.len(), 3);
    let wb = open(xlsx(&s, &sum, Redaction::default()).unwrap());
    let structure = &wb["Structure"];
    let payers: Vec<String> = structure[0].iter().map(text).filter(|h| h.starts_with("Paid by ")).collect();
    assert_eq!(payers.len(), 6, "{payers:?}");
    let post = column(structure, "Post");
    let mut paid: HashMap<&str, i64> = HashMap::new();
    for pc in &sum.posts {
        let c = &s.clusters[pc.cluster];
        let row = structure.iter().find(|r| text(&r[post]) == pc.id).unwrap();
        for o in &s.organisations {
            let Some(col) = structure[0].iter().position(|h| text(h) == format!("Paid by {}", o.code)) else {
                continue;
            };
            match c.members.iter().position(|m| *m == o.code) {
                Some(i) => {
                    assert_eq!(pence(&row[col]), pc.shares[i], "{} paid by {}", pc.id, o.code);
                    *paid.entry(o.code.as_str()).or_default() += pc.shares[i];
                }
                None => assert_eq!(row[col], Data::Empty, "{} is not {}'s post", pc.id, o.code),
            }
        }
    }
    assert_eq!(paid.len(), 6, "every ICB pays towards some post");
    for (code, total) in paid {
        let col = column(structure, &format!("Paid by {code}"));
        let sheet_total: i64 = structure[1..].iter().filter(|r| r[col] != Data::Empty).map(|r| pence(&r[col])).sum();
        assert_eq!(sheet_total, total, "{code}");
    }
}

#[test]
fn redacted_workbooks_hold_no_names_and_no_salaries() {
    let (s, sum) = lnr();
    let names: Vec<&str> = s.people.iter().filter_map(|p| p.name.as_deref()).collect();
    assert!(names.len() > 500);
    let all_text = |wb: &HashMap<String, Vec<Vec<Data>>>| -> Vec<String> {
        wb.values().flat_map(|rows| rows.iter().flat_map(|r| r.iter().map(text))).collect()
    };
    let full = open(xlsx(&s, &sum, Redaction::default()).unwrap());
    assert!(all_text(&full).iter().any(|t| t == names[0]), "the full workbook has names");

    let no_names = open(xlsx(&s, &sum, Redaction { names: true, salaries: false }).unwrap());
    let cells = all_text(&no_names);
    for n in &names {
        assert!(!cells.iter().any(|c| c.contains(n)), "{n} is in the workbook without names");
    }
    assert!(!no_names["People and outcomes"][0].iter().any(|c| text(c) == "Name"));

    let no_pay = open(xlsx(&s, &sum, Redaction { names: false, salaries: true }).unwrap());
    let people = &no_pay["People and outcomes"];
    let headers: Vec<String> = people[0].iter().map(text).collect();
    for h in ["Annual Salary", "Annual Cost to ICB", "One-off Cost"] {
        assert!(!headers.contains(&h.to_owned()), "{h}");
    }
    // No money cell at all in the people or structure sheets; the totals stay.
    for sheet in ["People and outcomes", "Structure"] {
        assert!(no_pay[sheet].iter().skip(1).flatten().all(|c| !matches!(c, Data::Float(f) if *f > 1000.0)), "{sheet}");
    }
    let total = no_pay["Summary"].iter().find(|r| text(&r[0]) == "Total").unwrap();
    assert_eq!(pence(&total[column(&no_pay["Summary"], "Baseline")]), sum.totals.baseline);
}

#[test]
fn the_csv_defuses_formulas_and_imports_again() {
    let (mut s, _) = lnr();
    s.people[0].title = "=HYPERLINK(\"http://example.com\",\"click\")".into();
    s.people[1].name = Some("@SUM(A1:A9)".into());
    s.people[2].cost_centre = Some("-T100".into());
    let sum = compute(&s);
    let bytes = people_csv(&s, &sum, Redaction::default());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM so Excel reads UTF-8");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\""), "{}", &text[..400]);
    assert!(text.contains(",'@SUM(A1:A9),"));
    assert!(text.contains(",'-T100,"));
    // No cell of the file starts with a formula character.
    let mut rdr = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    for rec in rdr.records() {
        for cell in &rec.unwrap() {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{cell}");
        }
    }

    // The export's column names are ones the importer knows: it reads back as the same people.
    let (s, sum) = lnr();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    std::fs::write(&path, people_csv(&s, &sum, Redaction::default())).unwrap();
    let t = import::read_table(&path, None).unwrap();
    let m = import::guess(&t);
    let p = import::prepare(&t, &m, &s, &mut |_| true).unwrap();
    assert_eq!(p.people.len(), s.people.len(), "{:?}", p.issues.iter().take(3).collect::<Vec<_>>());
    for (a, b) in s.people.iter().zip(&p.people) {
        assert_eq!(
            (&a.id, &a.name, &a.org, &a.title, &a.grade, a.salary_pence, a.wte, a.service_years, &a.function),
            (&b.id, &b.name, &b.org, &b.title, &b.grade, b.salary_pence, b.wte, b.service_years, &b.function)
        );
    }
    // Re-importing the scenario's own export changes nothing and keeps every decision.
    let plan = import::reconcile(&s, &p);
    assert!(plan.added.is_empty() && plan.left.is_empty() && plan.changed.is_empty(), "{}", plan.headline());
    assert_eq!(plan.people, s.people);
}

/// The comparison's workbook reads back with the figures of the comparison: the NPV of each
/// option on the Options sheet and as the sum of its years on the NPV sheet, to the penny.
#[test]
fn the_options_workbook_reads_back_to_the_penny() {
    use cluster_planner::appraisal::{Candidate, Comparison, Role, business_as_usual};
    let cluster = examples::lnr_cluster();
    let merger = examples::lnr_merger_2027();
    let bau = Candidate::new("BAU", Role::BusinessAsUsual, business_as_usual(&cluster));
    let c = Comparison::new(
        bau,
        vec![Candidate::new("cluster", Role::Preferred, cluster), Candidate::new("merger", Role::Alternative, merger)],
    );
    let sheets = open(cluster_planner::appraisal::export::options_xlsx(&c).unwrap());
    let options = &sheets["Options"];
    let npv_row = options.iter().find(|r| text(&r[1]).starts_with("Net present value")).unwrap();
    let npv = c.appraise(&c.options[0]).npv;
    assert_eq!(pence(&npv_row[4]), npv, "the cluster's NPV");
    assert_eq!(pence(&npv_row[5]), c.appraise(&c.options[1]).npv);
    // Still to save: £326,000 merged against £412,000, only by netting: no best named.
    let still = options.iter().find(|r| text(&r[0]) == "Totals" && text(&r[1]) == "Still to save").unwrap();
    assert_eq!((pence(&still[4]), pence(&still[5])), (41_200_000, 32_600_000));
    assert_eq!(text(&still[6]), "");
    // One-off MARS: the same in both, so no best either; the What changed sheet is there.
    assert!(sheets["What changed"].len() > 100, "every change from the base, for both options");
    // The NPV sheet: year 0 less the one-off, ten years of present values, adding up to the NPV.
    let years: i64 = sheets["Net present value"]
        .iter()
        .skip(1)
        .filter(|r| text(&r[0]) == "cluster" && text(&r[1]) != "Net present value")
        .map(|r| pence(&r[4]))
        .sum();
    assert_eq!(years, npv);
}
