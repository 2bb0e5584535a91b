//! Exports: the SVG holds the figures the screen shows; the PDF board pack has its pages,
//! embeds its fonts and carries real text; PNGs are real images.

use cluster_planner::engine::compute;
use cluster_planner::examples;
use cluster_planner::report::chart::ChartKind;
use cluster_planner::report::pack::{PackOptions, board_pack_pages, board_pack_pdf};
use cluster_planner::report::render::{chart_png, chart_svg};

fn attr_values(svg: &str, class: &str, attr: &str) -> Vec<String> {
    svg.split(&format!(r#"class="{class}""#))
        .skip(1)
        .filter_map(|rest| {
            let tag_end = rest.find('>')?;
            let tag = &rest[..tag_end];
            let at = tag.find(&format!(r#"{attr}=""#))? + attr.len() + 2;
            Some(tag[at..at + tag[at..].find('"')?].to_owned())
        })
        .collect()
}

#[test]
fn cost_chart_svg_holds_bars_and_target_markers() {
    let s = examples::lnr_cluster();
    let sum = compute(&s);
    let svg = chart_svg(ChartKind::CostByIcb, &s, &sum);
    assert!(svg.starts_with("<svg "));
    assert_eq!(
        attr_values(&svg, "bar", "data-label"),
        vec!["Leicester, Leicestershire and Rutland", "Northamptonshire"]
    );
    // The bars are the planned costs the summary shows...
    let planned: Vec<i64> = attr_values(&svg, "bar", "data-value").iter().map(|v| v.parse().unwrap()).collect();
    assert_eq!(planned, vec![sum.org("QK1").unwrap().line.planned, sum.org("QPM").unwrap().line.planned]);
    // ...and the markers are the published targets: 67% of £33.25m = £22,277,500 and
    // 71% of £19.75m = £14,022,500.
    assert_eq!(attr_values(&svg, "marker", "data-value"), vec!["2227750000", "1402250000"]);
    // The gaps are labelled: LLR £22,689,500 − £22,277,500 = £412,000 still to save;
    // Northamptonshire £13,936,500 − £14,022,500 = −£86,000, under target.
    assert_eq!(planned, vec![2_268_950_000, 1_393_650_000]);
    assert!(svg.contains(">£412k to save</text>") && svg.contains(">£86k under</text>"));
    // Exact values on hover.
    assert!(svg.contains("<title>Leicester, Leicestershire and Rutland: £22,689,500</title>"));
}

#[test]
fn the_other_charts_hold_their_figures() {
    let s = examples::lnr_cluster();
    let sum = compute(&s);
    // Per head: the envelope line at £18.76 and LLR at £22,689,500 / 1,238,148 = £18.33.
    let svg = chart_svg(ChartKind::PerHead, &s, &sum);
    assert_eq!(attr_values(&svg, "reference", "data-value"), vec!["1876"]);
    assert_eq!(attr_values(&svg, "bar", "data-value")[0], "1833");
    // Trajectory: April to December 2025, nine months, ending on the planned total.
    let svg = chart_svg(ChartKind::Trajectory, &s, &sum);
    let months = attr_values(&svg, "point", "data-label");
    assert_eq!(months.len(), 9);
    assert_eq!((months[0].as_str(), months[8].as_str()), ("Apr 25", "Dec 25"));
    assert_eq!(attr_values(&svg, "point", "data-value")[0], "5300000000"); // the £53m baseline
    assert_eq!(attr_values(&svg, "reference", "data-value"), vec!["3630000000"]); // £36.3m target
    // Outcomes: one bar per outcome, adding up to the 530 people.
    let svg = chart_svg(ChartKind::Outcomes, &s, &sum);
    let counts: i64 = attr_values(&svg, "bar", "data-value").iter().map(|v| v.parse::<i64>().unwrap()).sum();
    assert_eq!(counts, 530);
}

#[test]
fn png_export_is_a_real_image_of_the_chosen_size() {
    let s = examples::west_midlands();
    let sum = compute(&s);
    let png = chart_png(ChartKind::CostByCluster, &s, &sum, 1200).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width and height, big-endian, at bytes 16..24. 1000 x 560 scaled to 1200 wide.
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((w, h), (1200, 672));
    assert!(png.len() > 10_000, "a chart, not a blank image");
}

#[test]
fn board_pack_has_its_pages_fonts_and_text() {
    let s = examples::lnr_cluster();
    let sum = compute(&s);
    let o = PackOptions::new("lnr-cluster.ron");
    let pages = board_pack_pages(&s, &sum, &o);
    // Cover, the table (4 rows), five charts, outcomes beside one-off costs, collective
    // consultation (the table of 4 sites, its one finding listed after it: Northamptonshire's
    // locality office is 18 in 90 days, near the 20 that bring the duty; the timeline),
    // assumptions (30 rows, 24 to a page: 2 pages), and the exits register: 68 VR + 22 MARS
    // + 9 compulsory = 99 rows of one line, 24 to a page (18 points each from 120 to 555) =
    // 5 pages. 1 + 1 + 5 + 1 + 3 + 2 + 5 = 18.
    assert_eq!(pages.len(), 18);
    assert!(pages[17].contains("Page 18 of 18"));
    assert!(pages.iter().all(|p| p.contains("OFFICIAL-SENSITIVE — DRAFT") && p.contains("lnr-cluster.ron")));
    // The summary's figures, exactly as the summary prints them.
    let table = cluster_planner::report::summary_table(&s, &sum);
    // LLR is £412,000 over its target and Northamptonshire £86,000 under: still to save
    // £412,000 and a surplus of £86,000, side by side, never netted to £326,000.
    for figure in ["£53,000,000", "£36,626,000", "£36,300,000", "£22,277,500", "£14,022,500", "£412,000", "£86,000"]
    {
        assert!(table.contains(figure), "{figure} in the summary");
        assert!(pages[1].contains(&format!(">{figure}</text>")), "{figure} on the table page");
    }
    let pdf = board_pack_pdf(&s, &sum, &o).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/Count 18"), "18 pages in the page tree");
    assert!(text.contains("/FontFile2"), "the font is embedded");
    assert!(text.contains("DejaVuSans"));
}

/// The people-process pages: each employer's heading is one line across the table (it
/// once wrapped to three or four in the first column, the rest of its row empty, and the
/// table took ten pages at national scale), and the findings are a page of their own after
/// the table, a finding a row, instead of running text above it.
#[test]
fn consultation_pages_head_each_employer_in_one_line_and_list_findings_after_the_table() {
    let s = examples::lnr_cluster();
    let sum = compute(&s);
    let pages = board_pack_pages(&s, &sum, &PackOptions::new("lnr-cluster.ron"));
    let at = |title: &str| pages.iter().position(|p| p.contains(&format!(">{title}</text>"))).unwrap();
    let table = &pages[at("People process: collective consultation and HR1")];
    let listed = &pages[at("People process: consultation findings")];
    assert_eq!(listed, &pages[at("People process: collective consultation and HR1") + 1], "the page after the table");
    // LNR's consultation from 1 August 2025, HR1 the same day: its heading, whole, on one line.
    let employer = cluster_planner::engine::consultation::employer_name(
        &s,
        &cluster_planner::engine::consultation::Employer::Icb("QK1".into()),
    );
    assert!(table.contains(&format!(">{employer}: from 1 Aug 2025; HR1 1 Aug 2025</text>")), "{employer}");
    // Northamptonshire's locality office: 18 proposed within 90 days, 2 short of the duty.
    let near = "18 within 90 days is near the 20 that bring the duty to consult";
    assert!(words(table).contains("One finding on the dates recorded: listed after the table."));
    assert!(!words(table).contains(near), "not in the text above the table");
    assert!(words(listed).contains(near));
}

/// A page's words as read: each text's content (tags left out, escapes undone), lines joined
/// by a space.
fn words(page: &str) -> String {
    page.split("</text>")
        .filter_map(|t| t.rsplit_once('>').map(|(_, w)| w))
        .collect::<Vec<_>>()
        .join(" ")
        .replace("&amp;", "&")
        .replace("&#39;", "'")
}

#[test]
fn redacted_pack_has_no_names_or_salaries() {
    let s = examples::lnr_cluster();
    let sum = compute(&s);
    let mut o = PackOptions::new("lnr-cluster.ron");
    let full = board_pack_pages(&s, &sum, &o).join("");
    o.redacted = true;
    let redacted = board_pack_pages(&s, &sum, &o);
    assert_eq!(redacted.len(), 13, "the five register pages are left out");
    let redacted = redacted.join("");
    let leaver = s.people.iter().find(|p| p.outcome == cluster_planner::model::Outcome::VoluntaryRedundancy).unwrap();
    let name = leaver.name.clone().unwrap();
    assert!(full.contains(&cluster_planner::report::svg::esc(&name)));
    assert!(!redacted.contains(&cluster_planner::report::svg::esc(&name)));
    assert!(!redacted.contains(&leaver.id));
    assert!(redacted.contains("Redacted: no names or salaries."));
}

/// Needs poppler-utils (pdftotext, pdffonts, pdftoppm): run by .ci/run with --ignored.
#[test]
#[ignore = "needs poppler-utils; .ci/run runs it"]
fn pdf_text_and_pages_check_with_poppler() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("pack.pdf");
    let s = examples::lnr_cluster();
    let sum = compute(&s);
    std::fs::write(&pdf, board_pack_pdf(&s, &sum, &PackOptions::new("lnr-cluster.ron")).unwrap()).unwrap();
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    // Still to save £412,000 and a surplus of £86,000 beside it, never netted to £326,000.
    for figure in
        ["£53,000,000", "£36,626,000", "£36,300,000", "£22,277,500", "£14,022,500", "£412,000", "£86,000", "£18.76"]
    {
        assert!(text.contains(figure), "{figure} in the PDF's text");
    }
    assert!(!text.contains("£326,000"), "no netted gap in the pack");
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("DejaVuSans") && fonts.contains(" yes yes yes "), "{fonts}");
    let out = dir.path().join("page");
    let ok = Command::new("pdftoppm").args(["-r", "30", "-png"]).arg(&pdf).arg(&out).status().unwrap();
    assert!(ok.success());
    let rendered = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "png"))
        .count();
    let pages = board_pack_pages(&s, &sum, &PackOptions::new("lnr-cluster.ron")).len();
    assert_eq!(rendered, pages, "every page renders");
}

/// A word's box on a page, from `pdftotext -bbox-layout`.
#[derive(Debug)]
struct Word {
    page: usize,
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

fn attr(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!(r#"{name}=""#)).unwrap() + name.len() + 2;
    tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
}

/// Every word of a PDF with its box, and each page's size, as poppler lays them out.
fn words_of(pdf: &std::path::Path) -> (Vec<(f64, f64)>, Vec<Word>) {
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8_lossy(&out.stdout);
    let (mut pages, mut words) = (Vec::new(), Vec::new());
    for (i, page) in html.split("<page ").skip(1).enumerate() {
        let tag = &page[..page.find('>').unwrap()];
        pages.push((attr(tag, "width"), attr(tag, "height")));
        for w in page.split("<word ").skip(1) {
            let end = w.find('>').unwrap();
            let tag = &w[..end];
            let text = w[end + 1..w.find("</word>").unwrap()].to_owned();
            let (x0, y0, x1, y1) = (attr(tag, "xMin"), attr(tag, "yMin"), attr(tag, "xMax"), attr(tag, "yMax"));
            words.push(Word { page: i, text, x0, y0, x1, y1 });
        }
    }
    (pages, words)
}

/// The board packs a board sees, at 2 ICBs and at 42 (the national file and 25,000 people):
/// no word's box overlaps another's on any page (nothing overprints: a figure too wide for
/// its box, a name run into the next column, a label on a legend) and no word runs off the
/// page. Boxes are shrunk by half a point each way: poppler's boxes of two words on one line
/// may touch.
#[test]
#[ignore = "needs poppler-utils; .ci/run runs it"]
fn board_packs_have_no_overprinted_or_cut_off_words() {
    use cluster_planner::appraisal::{Candidate, Comparison, Role, business_as_usual};
    use cluster_planner::report::pack::board_pack_with_options_pdf;
    let dir = tempfile::tempdir().unwrap();
    // With the Options section: LNR as a cluster and as a merger; and eight options of the
    // national plan (the most a comparison holds: its columns then headed "Option 1" …).
    let options = |name: &str, all: Vec<(String, cluster_planner::model::Scenario)>| {
        let base = Candidate::new("Business as usual", Role::BusinessAsUsual, business_as_usual(&all[0].1));
        let c = Comparison::new(base, all.into_iter().map(|(n, s)| Candidate::new(n, Role::Alternative, s)).collect());
        let first = &c.options[0];
        board_pack_with_options_pdf(&first.scenario, &first.summary, &PackOptions::new(name), &c).unwrap()
    };
    let plain = |name: &str, s: cluster_planner::model::Scenario| {
        board_pack_pdf(&s, &compute(&s), &PackOptions::new(&format!("{name}.ron"))).unwrap()
    };
    let lnr_options = options(
        "lnr-cluster.ron",
        vec![
            ("lnr-cluster.ron".into(), examples::lnr_cluster()),
            ("lnr-merger-2027.ron".into(), examples::lnr_merger_2027()),
        ],
    );
    let national_options = options(
        "national-2025-26.ron",
        (1..=8).map(|k| (format!("national option {k}.ron"), examples::national())).collect(),
    );
    for (name, bytes) in [
        ("lnr-cluster", plain("lnr-cluster", examples::lnr_cluster())),
        ("national-2025-26", plain("national-2025-26", examples::national())),
        ("england-stress-25k", plain("england-stress-25k", examples::england_stress())),
        // Mergers: the netting said on the cover, a 36-month run-rate with its months apart.
        ("lnr-merger-2027", plain("lnr-merger-2027", examples::lnr_merger_2027())),
        ("national-2026-27", plain("national-2026-27", examples::national_2026_27())),
        ("lnr-options", lnr_options),
        ("national-8-options", national_options),
    ] {
        let pdf = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&pdf, bytes).unwrap();
        let (pages, words) = words_of(&pdf);
        assert!(words.len() > 500, "{name}: the pack has its text ({} words)", words.len());
        let mut problems = Vec::new();
        for w in &words {
            let (pw, ph) = pages[w.page];
            if w.x0 < 0.0 || w.y0 < 0.0 || w.x1 > pw || w.y1 > ph {
                problems.push(format!("page {}: \"{}\" runs off the page", w.page + 1, w.text));
            }
            // Figures drawn into each other are read by poppler as one word: "£1,915,809,113£1,352,…".
            if w.text.matches('£').count() > 1 {
                problems.push(format!("page {}: \"{}\" is two figures run together", w.page + 1, w.text));
            }
        }
        for (i, a) in words.iter().enumerate() {
            for b in words[i + 1..].iter().take_while(|b| b.page == a.page) {
                let apart = a.x1 - 0.5 <= b.x0 + 0.5
                    || b.x1 - 0.5 <= a.x0 + 0.5
                    || a.y1 - 0.5 <= b.y0 + 0.5
                    || b.y1 - 0.5 <= a.y0 + 0.5;
                if !apart {
                    problems.push(format!("page {}: \"{}\" overlaps \"{}\"", a.page + 1, a.text, b.text));
                }
            }
        }
        assert!(
            problems.is_empty(),
            "{name}: {} problems, first: {:#?}",
            problems.len(),
            &problems[..problems.len().min(20)]
        );
    }
}

/// Targets set by hand are marked (†) before the ICB's name on the table page, never cut off
/// with a long name, and the page says what the mark means and each target's reason.
#[test]
fn explicit_targets_are_marked_with_their_reasons_in_the_pack() {
    let s = examples::lnr_cluster();
    let sum = compute(&s);
    let pages = board_pack_pages(&s, &sum, &PackOptions::new("lnr-cluster.ron"));
    let table = &pages[1];
    assert!(table.contains("† QK1 Leicester"), "the mark stands before the name");
    assert!(table.contains("† a target set by hand, not population × envelope"));
    let reason = s.organisation("QK1").unwrap().target_note.clone();
    assert!(!reason.is_empty());
    let first_words: String = reason.chars().take(20).collect();
    assert!(table.contains(&first_words), "the reason is given: {first_words}");
}

#[test]
fn a_board_pack_is_offered_under_the_scenario_and_the_day() {
    use cluster_planner::report::pack::pack_file_name;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert_eq!(pack_file_name("lnr-cluster.ron", false, day), "lnr-cluster-board-pack-2026-11-24.pdf");
    assert_eq!(pack_file_name("lnr-cluster.ron", true, day), "lnr-cluster-board-pack-redacted-2026-11-24.pdf");
    // A plan never saved has no file name yet: its untitled name stands in.
    assert_eq!(pack_file_name("Untitled.ron", false, day), "Untitled-board-pack-2026-11-24.pdf");
}

/// A plan with no people yet (the national file) has no page of people by outcome made of
/// empty rows: its pack has one page fewer than the same plan with people.
#[test]
fn a_plan_with_no_people_has_no_empty_outcomes_chart() {
    let s = examples::national();
    assert!(s.people.is_empty());
    let sum = compute(&s);
    let pages = board_pack_pages(&s, &sum, &PackOptions::new("national-2025-26.ron"));
    assert!(!pages.iter().any(|p| p.contains(">People by outcome</text>")), "no outcomes chart");
    let mut with_one = s.clone();
    // One person not affected (no exit, so no register page either).
    with_one.people = examples::lnr_cluster()
        .people
        .into_iter()
        .filter(|p| p.outcome == cluster_planner::model::Outcome::NotAffected)
        .take(1)
        .collect();
    let sum = compute(&with_one);
    let more = board_pack_pages(&with_one, &sum, &PackOptions::new("national-2025-26.ron"));
    assert_eq!(more.len(), pages.len() + 1, "one person brings the outcomes chart back");
}
