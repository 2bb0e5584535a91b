//! `sample-extract OUT [--rows N] [--orgs A,B]`: a made-up ESR-style staff list (CSV, or
//! XLSX by the name's ending) for benchmarks and trials.

use std::path::Path;

use cluster_planner::files::import;

use super::{Failure, Outcome, write_out};

pub fn run(out: &Path, rows: usize, orgs: &[String]) -> Outcome {
    let orgs: Vec<&str> = orgs.iter().map(String::as_str).collect();
    let table = import::sample_extract(rows, &orgs, 2025);
    let xlsx = out.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bytes = if xlsx { write_rows_xlsx(&table).map_err(Failure::new)? } else { import::to_csv(&table) };
    let code = write_out(out, &bytes)?;
    out!("{}: {rows} people", out.display())?;
    Ok(code)
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
