//! Scenario files: bad input gives a clear message naming the file, line and field; saves
//! are atomic, keep a backup and never overwrite a newer file; load(save(s)) == s.

use std::fs;
use std::path::{Path, PathBuf};

use cluster_planner::examples;
use cluster_planner::files::{self as file, LoadError, SaveError};
use cluster_planner::model::Scenario;
use cluster_planner::model::reference;
use cluster_planner::validate::{Severity, validate};
use proptest::prelude::*;

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files").join(name)
}

/// Files that cannot be read, each with the place and the words of its message.
/// (file, Some((line, column)) where the message must point, words it must contain)
type Expectation = (&'static str, Option<(usize, usize)>, &'static str);

const UNREADABLE: &[Expectation] = &[
    ("empty.ron", Some((1, 1)), "the file is empty"),
    ("only-whitespace.ron", Some((1, 1)), "the file is empty"),
    ("truncated.ron", None, "the file ends too soon"),
    ("not-ron.ron", Some((1, 1)), "Expected struct scenario file"),
    ("json.ron", Some((1, 1)), "Expected opening `(`"),
    ("wrong-format.ron", Some((1, 1)), "format is \"orgvue-export\""),
    ("future-version.ron", None, "file format version 7; this version reads up to 1"),
    ("missing-version.ron", None, "`version` is missing"),
    // A value of the wrong kind names its field, in plain words.
    ("population-is-text.ron", Some((139, 34)), "`population` should be a whole number (Expected integer)"),
    ("negative-wte.ron", Some((190, 22)), "WTE must be a number from 0 to 100"),
    ("nan-wte.ron", Some((190, 22)), "WTE must be a number from 0 to 100"),
    ("absurd-wte.ron", Some((190, 22)), "WTE must be a number from 0 to 100"),
    (
        "misspelt-field.ron",
        Some((139, 17)),
        "there is no field `populaton` in Organisation; expected one of: code, name",
    ),
    ("unknown-outcome.ron", Some((192, 26)), "Unexpected variant named `Sacked` in enum `Outcome`"),
    ("deep-nesting.ron", Some((139, 34)), "Expected integer"),
    ("binary.ron", Some((1, 1)), "not UTF-8 text"),
    // The £ of Windows-1252 is the 48th character of line 6.
    ("windows-1252.ron", Some((6, 48)), "not UTF-8 text"),
    ("bad-date.ron", Some((15, 27)), "dates are written \"2025-12-31\""),
    ("huge-number.ron", Some((189, 31)), "Integer is out of bounds"),
    ("missing-salary.ron", None, "`salary_pence` is missing in Person"),
    ("negative-salary-text.ron", Some((189, 30)), "`salary_pence` should be a whole number"),
    ("nul-byte.ron", Some((3, 16)), "Expected identifier"),
    ("wrong-outcome-payload.ron", Some((180, 38)), "Expected string"),
    ("unclosed-string.ron", Some((174, 23)), "Expected closing `)`"),
    ("duplicate-field.ron", Some((140, 17)), "Unexpected duplicate field named `population` in `Organisation`"),
    ("text-for-list.ron", Some((146, 25)), "`members` should be a list in [ ] (Expected opening `[`)"),
    ("negative-population.ron", Some((139, 35)), "Integer is out of bounds"),
    ("wte-over-100.ron", Some((190, 22)), "WTE must be a number from 0 to 100"),
    ("unknown-band.ron", Some((161, 48)), "Unexpected variant named `Band10` in enum `Band`"),
    ("bom-only.ron", Some((1, 1)), "the file is empty"),
    ("trailing-garbage.ron", Some((197, 2)), "Non-whitespace trailing characters"),
    ("comment-only.ron", Some((1, 27)), "Expected opening `(`"),
    ("salary-with-decimals.ron", Some((189, 37)), "Expected comma"),
    ("date-as-number.ron", Some((15, 25)), "`target_date` should be a date in quotes, written \"2025-12-31\""),
    ("huge-version.ron", Some((3, 14)), "Integer is out of bounds"),
    // Found by the fuzzer: a salary this large overflowed a sum before loads were limited.
    ("fuzz-absurd-salary.ron", Some((112, 17)), "`salary_pence` of person 10000002 is 7954489891797073919 pence"),
];

#[test]
fn unreadable_files_say_where_and_what() {
    for (name, at, words) in UNREADABLE {
        let path = bad(name);
        let err = file::load(&path).expect_err(name);
        let msg = err.to_string();
        assert!(msg.starts_with(&path.display().to_string()), "{name}: message should name the file: {msg}");
        assert!(msg.contains(words), "{name}: expected {words:?} in {msg:?}");
        if let Some((line, col)) = at {
            assert!(msg.contains(&format!(":{line}:{col}:")), "{name}: expected line {line} column {col} in {msg:?}");
        }
    }
}

/// Files that read, but whose contents are inconsistent: validation says what is wrong.
const INCONSISTENT: &[(&str, &str)] = &[
    ("dangling-post.ron", "outcome names post EXE-COO, which does not exist"),
    ("duplicate-person.ron", "two people have this id"),
    ("negative-non-pay.ron", "baseline non-pay is negative"),
    ("unknown-member.ron", "member XXX is not an ICB in this scenario"),
    ("custom-shares-not-100.ron", "custom shares add up to 90%, not 100%"),
    ("reports-to-loop.ron", "reporting line goes round in a circle"),
    ("no-pay-point.ron", "Band 9 has no pay point 9"),
    ("missing-population.ron", "population is missing"),
    ("slotted-into-other-cluster.ron", "is from QPM but placed in post EXE-CEO"),
    ("post-filled-twice.ron", "is filled twice: 10000001, 10000002"),
];

const GOOD: &[&str] = &["good-minimal.ron", "good-with-bom.ron"];

#[test]
fn every_bad_file_is_tested_and_has_its_exit_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files");
    let mut names: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for n in &names {
        assert!(
            UNREADABLE.iter().any(|u| u.0 == n) || INCONSISTENT.iter().any(|i| i.0 == n) || GOOD.contains(&n.as_str()),
            "{n} is in tests/bad_files but no test says what it should give"
        );
    }
    assert!(UNREADABLE.len() + INCONSISTENT.len() >= 40);
    let check = |name: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cluster-planner"))
            .arg("check")
            .arg(dir.join(name))
            .output()
            .unwrap()
    };
    for (name, _, words) in UNREADABLE {
        let o = check(name);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(words) && !err.contains("panicked"), "{name}: {err}");
    }
    for (name, words) in INCONSISTENT {
        let o = check(name);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert!(String::from_utf8_lossy(&o.stdout).contains(words), "{name}");
    }
    for name in GOOD {
        assert_eq!(check(name).status.code(), Some(0), "{name}");
    }
}

#[test]
fn inconsistent_files_load_and_report_errors() {
    for (name, words) in INCONSISTENT {
        let s = file::load(&bad(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let findings = validate(&s);
        assert!(
            findings.iter().any(|f| f.severity == Severity::Error && f.message.contains(words)),
            "{name}: expected an error containing {words:?}, got {findings:#?}"
        );
        // ...and the figures are still computed, without a panic.
        let _ = cluster_planner::engine::compute(&s);
    }
    for good in ["good-minimal.ron", "good-with-bom.ron"] {
        let s = file::load(&bad(good)).unwrap();
        assert_eq!(validate(&s), vec![], "{good}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // A sparse 600 MB file: costs no disk space, and is refused by its size alone.
    let f = fs::File::create(&path).unwrap();
    f.set_len(600 * 1024 * 1024).unwrap();
    let err = file::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }));
    assert!(err.to_string().contains("the file is 600.0 MB; scenario files are limited to 512 MB"), "{err}");
}

#[test]
fn a_missing_file_names_the_file() {
    let err = file::load(Path::new("no/such/scenario.ron")).unwrap_err();
    assert!(err.to_string().starts_with("no/such/scenario.ron: cannot read the file"), "{err}");
}

#[test]
fn save_is_atomic_keeps_a_backup_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut s = examples::lnr_cluster();
    file::save(&s, &path).unwrap();
    assert_eq!(file::load(&path).unwrap(), s);
    assert!(!file::backup_path(&path).exists(), "no backup of a file that did not exist");

    let first = fs::read(&path).unwrap();
    s.name = "Second version".into();
    file::save(&s, &path).unwrap();
    assert_eq!(file::load(&path).unwrap().name, "Second version");
    assert_eq!(fs::read(file::backup_path(&path)).unwrap(), first, "the previous version is kept as .bak");
    // No temporary files are left behind.
    let names: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, vec!["plan.ron", "plan.ron.bak"]);
}

#[cfg(unix)]
#[test]
fn save_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    file::save(&examples::national(), &path).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
    file::save(&examples::national(), &path).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o664);
}

#[test]
fn a_newer_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.ron");
    let newer = fs::read(bad("future-version.ron")).unwrap();
    fs::write(&path, &newer).unwrap();
    let err = file::save(&examples::national(), &path).unwrap_err();
    assert!(matches!(err, SaveError::NewerVersion { found: 7, .. }));
    assert!(err.to_string().contains("Use Save As"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), newer, "the newer file is untouched");
}

#[test]
fn a_figure_that_could_not_be_opened_again_is_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut s = examples::lnr_cluster();
    file::save(&s, &path).unwrap();
    let before = fs::read(&path).unwrap();
    // A salary of £1,000,000,000 a year: a typing error, beyond the £100m limit.
    s.people[0].salary_pence = 100_000_000_000;
    let err = file::save(&s, &path).unwrap_err();
    assert!(matches!(err, SaveError::OutOfRange { .. }));
    assert!(err.to_string().contains("the most a scenario may hold there is £100,000,000"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone").join("plan.ron");
    let err = file::save(&examples::national(), &path).unwrap_err();
    assert!(err.to_string().contains("The file on disk is unchanged"), "{err}");
}

#[test]
fn the_text_is_canonical_so_versions_diff_well() {
    let s = examples::lnr_cluster();
    let a = file::to_string(&s);
    let b = file::to_string(&file::parse_str(Path::new("x.ron"), &a).unwrap());
    assert_eq!(a, b);
    assert!(a.starts_with("(\n    format: \"cluster-planner-scenario\",\n    version: 1,\n"));
}

/// Reading a file makes the people who name the same long site or function (too long to be
/// kept inside their record) share one copy of it, so a recompute at national scale reads
/// one copy instead of one each; and changes nothing else: the scenario read equals the
/// one written, and writes the same text again.
#[test]
fn a_file_read_shares_long_names_and_reads_as_written() {
    let mut s = examples::lnr_cluster();
    let long_site = "Lakeside House, Leicester, second floor"; // 39 bytes
    for (i, p) in s.people.iter_mut().enumerate() {
        // Each person their own copy, as an edit gives it.
        p.site = Some(if i % 2 == 0 { long_site.into() } else { "County Hall".into() });
    }
    let text = file::to_string(&s);
    let read = file::parse_str(Path::new("x.ron"), &text).unwrap();
    assert_eq!(read, s);
    assert_eq!(file::to_string(&read), text);
    let sites: Vec<&str> = read.people.iter().filter_map(|p| p.site.as_deref()).filter(|x| *x == long_site).collect();
    assert!(sites.len() >= 2);
    assert!(sites.iter().all(|x| x.as_ptr() == sites[0].as_ptr()), "one copy of the long site");
    let functions: Vec<&str> =
        read.people.iter().filter_map(|p| p.function.as_deref()).filter(|f| f.len() > 23).collect();
    assert!(functions.len() >= 2, "LNR's people work in functions with long names");
    for a in &functions {
        for b in &functions {
            assert_eq!(a == b, a.as_ptr() == b.as_ptr(), "{a} and {b}: one copy of each name");
        }
    }
}

#[test]
fn reference_data_has_the_42_icbs_and_26_leadership_teams() {
    let icbs = reference::icbs();
    assert_eq!(icbs.len(), 42);
    // England's 2025/26 allocation population is 63,849,324 (domain.md §1.4); the 42
    // per-ICB figures are each rounded to a whole person, so their sum is within 21.
    let england: u64 = icbs.iter().map(|o| o.population.unwrap()).sum();
    assert!(england.abs_diff(63_849_324) <= 21, "{england}");
    // 2025/26 RCA v1.4 total 873,992 £k (domain.md §3.1): a total rounded to £1,000, so
    // the sum of the 42 allowances (£873,991,620) is within £500 of £873,992,000.
    let rca: i64 = icbs.iter().map(|o| o.running_cost_allowance_pence.unwrap()).sum();
    assert!((rca - 87_399_200_000).abs() <= 50_000, "{rca}");
    let clusters = reference::clusters_2025_26();
    assert_eq!(clusters.len(), 26);
    let placed: usize = clusters.iter().map(|c| c.members.len()).sum();
    assert_eq!(placed, 41, "every ICB but Frimley, whose 2025/26 arrangement was not found");
    assert!(reference::functions().len() >= 18);
    let s = reference::new_scenario();
    assert!(validate(&s).iter().all(|f| f.severity != Severity::Error));
}

// ---- property test: load(save(s)) == s ----

fn text() -> impl Strategy<Value = String> {
    // Quotes, backslashes, newlines, £ and non-Latin text must all survive.
    prop_oneof![
        "[A-Za-z0-9 ,.&'-]{0,24}",
        Just("Leicester, Leicestershire & Rutland".to_owned()),
        Just("quote \" backslash \\ newline \n tab \t pound £ ümlaut 漢字".to_owned()),
        Just(String::new()),
    ]
}

fn date() -> impl Strategy<Value = Option<chrono::NaiveDate>> {
    proptest::option::of(
        (2020i32..2030, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    )
}

fn wte() -> impl Strategy<Value = cluster_planner::model::money::Wte> {
    (0u32..=1_000_000).prop_map(cluster_planner::model::money::Wte)
}

fn outcome() -> impl Strategy<Value = cluster_planner::model::Outcome> {
    use cluster_planner::model::Outcome::*;
    prop_oneof![
        Just(NotAffected),
        text().prop_map(|t| SlottedInto(t.into())),
        text().prop_map(|t| RingFencedFor(t.into())),
        text().prop_map(|t| AppointedTo(t.into())),
        Just(AtRisk),
        Just(Redeployed),
        Just(TransferredOut),
        Just(VoluntaryRedundancy),
        Just(Mars),
        Just(CompulsoryRedundancy),
    ]
}

fn person() -> impl Strategy<Value = cluster_planner::model::Person> {
    use cluster_planner::model::{Band, Grade, Person};
    (
        (text(), proptest::option::of(text()), text(), text()),
        prop_oneof![
            proptest::sample::select(Band::ALL.to_vec()).prop_map(Grade::AfC),
            Just(Grade::Vsm),
            text().prop_map(Grade::Other)
        ],
        // Within the limits a file may hold (file::MAX_*), which save and load both enforce.
        (-10_000_000_000i64..=10_000_000_000, wte(), 0u32..=100, proptest::option::of(text()), outcome(), date()),
        proptest::option::of(text()),
    )
        .prop_map(
            |(
                (id, name, org, title),
                grade,
                (salary_pence, wte, service_years, function, outcome, effective),
                cost_centre,
            )| {
                Person {
                    id,
                    name,
                    org: org.into(),
                    title,
                    grade,
                    salary_pence,
                    wte,
                    service_years,
                    function: function.map(Into::into),
                    cost_centre,
                    outcome,
                    effective,
                    site: None,
                    reason: String::new(),
                    offer: None,
                }
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    use cluster_planner::model::{Apportionment, Cluster, Funding, Pay, Post, Share, Team};
    const BUDGET: i64 = 10_000_000_000_000;
    let org = (
        text(),
        proptest::option::of(0u64..=1_000_000_000),
        -BUDGET..=BUDGET,
        proptest::option::of(-BUDGET..=BUDGET),
        date(),
    )
        .prop_map(|(code, population, non_pay, target, from)| {
            let mut o = reference::icbs().remove(0);
            o.code = code;
            o.population = population;
            o.baseline_non_pay_pence = non_pay;
            o.target_override_pence = target;
            o.planned_non_pay_from = from;
            o
        });
    let post =
        (text(), -10_000_000_000i64..=10_000_000_000, wte(), any::<bool>(), proptest::option::of(text()), date())
            .prop_map(|(id, salary, wte, programme, reports_to, effective)| Post {
                id: id.into(),
                title: "Post".into(),
                pay: if salary % 2 == 0 {
                    Pay::Salary { salary_pence: salary }
                } else {
                    Pay::Vsm { salary_pence: salary }
                },
                wte,
                host: "QPM".into(),
                funding: if programme { Funding::Programme } else { Funding::RunningCost },
                reports_to,
                effective,
            });
    let cluster =
        (text(), proptest::collection::vec(text(), 0..4), proptest::collection::vec(post, 0..4), 0u8..3, 0u32..=10_000)
            .prop_map(|(name, members, posts, rule, pct)| Cluster {
                apportionment: match rule {
                    0 => Apportionment::Population,
                    1 => Apportionment::Equal,
                    _ => Apportionment::Custom(
                        members
                            .iter()
                            .map(|m| Share { org: m.clone(), percent: cluster_planner::model::money::Rate(pct) })
                            .collect(),
                    ),
                },
                name,
                members,
                teams: vec![Team { name: "Team".into(), posts }],
                notes: String::new(),
                merger: None,
                consultation: None,
                pools: Vec::new(),
            });
    (
        text(),
        proptest::collection::vec(org, 0..4),
        proptest::collection::vec(cluster, 0..3),
        proptest::collection::vec(person(), 0..12),
    )
        .prop_map(|(name, organisations, clusters, people)| {
            let mut s = Scenario::empty(&name);
            s.organisations = organisations;
            s.clusters = clusters;
            s.people = people;
            s.functions = reference::functions();
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn load_of_save_is_the_same_scenario(s in scenario()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        file::save(&s, &path).unwrap();
        prop_assert_eq!(file::load(&path).unwrap(), s);
    }
}
