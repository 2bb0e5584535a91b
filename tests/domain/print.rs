//! Printing through a real CUPS with a PDF printer (cups-pdf). .ci/run starts cupsd, adds
//! the printer and runs this with --ignored; it needs CLUSTER_PLANNER_TEST_PRINTER (the
//! printer's name) and CLUSTER_PLANNER_TEST_PRINT_OUT (where cups-pdf writes its files).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use cluster_planner::engine::compute;
use cluster_planner::examples;
use cluster_planner::report::pack::{PackOptions, board_pack_pdf};
use cluster_planner::report::print::{Paper, print_pdf, printers};

#[test]
#[ignore = "needs CUPS with a PDF printer; .ci/run sets it up"]
fn the_board_pack_prints_through_cups_with_its_figures() {
    let printer = std::env::var("CLUSTER_PLANNER_TEST_PRINTER").expect("CLUSTER_PLANNER_TEST_PRINTER");
    let out_dir =
        PathBuf::from(std::env::var("CLUSTER_PLANNER_TEST_PRINT_OUT").expect("CLUSTER_PLANNER_TEST_PRINT_OUT"));
    let (list, _) = printers().unwrap();
    assert!(list.contains(&printer), "{printer} in {list:?}");

    let s = examples::lnr_cluster();
    let sum = compute(&s);
    let dir = tempfile::tempdir().unwrap();
    // A name of its own, so the job's output cannot be mistaken for an earlier one.
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis();
    let pdf = dir.path().join(format!("board-pack-{stamp}.pdf"));
    std::fs::write(&pdf, board_pack_pdf(&s, &sum, &PackOptions::new("lnr-cluster.ron")).unwrap()).unwrap();
    let before: Vec<PathBuf> =
        std::fs::read_dir(&out_dir).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default();
    let msg = print_pdf(&pdf, Some(&printer), 1, Paper::A4).unwrap();
    assert!(msg.starts_with("request id is"), "{msg}");

    // Wait (at most a minute) for cups-pdf to write the file.
    let start = Instant::now();
    let printed = loop {
        let now: Vec<PathBuf> =
            std::fs::read_dir(&out_dir).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default();
        if let Some(p) = now.into_iter().find(|p| {
            !before.contains(p)
                && p.extension().is_some_and(|e| e == "pdf")
                && p.file_name().is_some_and(|n| n.to_string_lossy().contains(&stamp.to_string()))
        }) {
            // Let the writer finish.
            std::thread::sleep(Duration::from_millis(500));
            break p;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "no PDF came out of the printer in {}", out_dir.display());
        std::thread::sleep(Duration::from_millis(250));
    };
    let text = std::process::Command::new("pdftotext").arg(&printed).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    // The published figures, as the summary prints them.
    for figure in ["£53,000,000", "£36,626,000", "£36,300,000", "£22,277,500", "£14,022,500", "£412,000", "£18.76"]
    {
        assert!(text.contains(figure), "{figure} in the printed PDF {}", printed.display());
    }
}
