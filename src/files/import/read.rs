//! Step 1: reading a staff list into rows of text. CSV in any common delimiter (sniffed),
//! UTF-8 with or without a BOM, UTF-16 with a BOM, or Windows-1252; XLSX, XLSM, XLSB, XLS
//! and ODS through calamine. The header row is found by its known column names.

use std::path::Path;

use std::collections::HashMap;

use super::fields::{Field, normalise};

/// Larger files are refused before they are read (an ESR extract of 25,000 people is about
/// 3 MB as CSV).
pub const MAX_IMPORT_BYTES: u64 = 100 * 1024 * 1024;

/// Rows looked at when searching for the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// A file that could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for ImportError {}

/// One row of the file as text, with its row number in the file (1-based, as a
/// spreadsheet or text editor shows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A sheet of the file, read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The file's name, for messages.
    pub file: String,
    /// How it was read: "CSV, UTF-8, comma-separated" or "Excel workbook, sheet 'Staff'".
    pub format: String,
    /// The sheets of a workbook (empty for CSV) and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// The row the column names are on (1-based).
    pub header_line: usize,
    /// Column names, trimmed; a blank name reads "Column N".
    pub headers: Vec<String>,
    /// The data rows below the header, blank rows left out.
    pub rows: Vec<Row>,
}

impl Table {
    /// The first non-blank value in a column, to show beside the mapping.
    #[must_use]
    pub fn sample(&self, column: usize) -> Option<&str> {
        self.rows.iter().take(50).filter_map(|r| r.cells.get(column).map(|c| c.trim())).find(|c| !c.is_empty())
    }

    /// The index of the column with this name (the first, if two share it).
    #[must_use]
    pub fn column(&self, header: &str) -> Option<usize> {
        let want = normalise(header);
        self.headers.iter().position(|h| h == header).or_else(|| self.headers.iter().position(|h| normalise(h) == want))
    }
}

/// Reads a staff list. `sheet` picks a workbook's sheet by name; by default the first sheet
/// with data.
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, ImportError> {
    let file = display_name(path);
    let err = |message: String| ImportError { file: file.clone(), message };
    let meta = std::fs::metadata(path).map_err(|e| err(format!("cannot read the file: {e}")))?;
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(err(format!(
            "the file is {} MB; a staff list may be at most {} MB",
            meta.len() / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, &file, sheet),
        _ => {
            let bytes = std::fs::read(path).map_err(|e| err(format!("cannot read the file: {e}")))?;
            // A workbook saved with a .csv name still opens.
            if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
                return read_workbook(path, &file, sheet);
            }
            parse_csv(&file, &bytes)
        }
    }
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Decodes text: a BOM decides (UTF-8, UTF-16LE/BE); else UTF-8 when it is valid, else
/// Windows-1252 (what Excel on Windows writes for "CSV").
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let name = if enc == encoding_rs::UTF_8 { "UTF-8 with BOM" } else { enc.name() };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// Picks the delimiter that splits the first lines into the most equal, widest rows.
fn sniff_delimiter(text: &str) -> u8 {
    let sample: String = text.lines().filter(|l| !l.trim().is_empty()).take(40).collect::<Vec<_>>().join("\n");
    let mut best = (b',', 0usize, 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        let mut rdr =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(d).from_reader(sample.as_bytes());
        for rec in rdr.records().flatten() {
            *counts.entry(rec.len()).or_default() += 1;
        }
        // The most common width above one column, and how many lines have it.
        if let Some((width, lines)) = counts.into_iter().filter(|(w, _)| *w > 1).max_by_key(|(w, n)| (*n, *w))
            && (lines, width) > (best.1, best.2)
        {
            best = (d, lines, width);
        }
    }
    best.0
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b';' => "semicolon-separated",
        b'\t' => "tab-separated",
        b'|' => "bar-separated",
        _ => "comma-separated",
    }
}

/// Reads CSV text from bytes (`file` names it in messages).
pub fn parse_csv(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    let (text, encoding) = decode(bytes);
    if text.contains('\0') {
        return Err(ImportError {
            file: file.to_owned(),
            message: "this is not a text file (it has NUL bytes); save the sheet as CSV or XLSX".into(),
        });
    }
    let delimiter = sniff_delimiter(&text);
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Row numbers as an editor shows them, counted from each record's byte offset (the csv
    // crate's own line count is one short after a CRLF).
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1usize);
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {
                let mut at = record.position().map_or(counted_to, |p| usize::try_from(p.byte()).unwrap_or(0));
                while bytes.get(at).is_some_and(|b| *b == b'\r' || *b == b'\n') {
                    at += 1;
                }
                let at = at.min(bytes.len()).max(counted_to);
                line += bytes[counted_to..at].iter().filter(|b| **b == b'\n').count();
                counted_to = at;
                rows.push(Row { line, cells: record.iter().map(str::to_owned).collect() });
            }
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(ImportError { file: file.to_owned(), message: format!("row {line}: {e}") });
            }
        }
    }
    let format = format!("CSV, {encoding}, {}", delimiter_name(delimiter));
    finish(file, format, Vec::new(), None, rows)
}

fn cell_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole numbers as integers (an assignment number 12345678, not 12345678.0); others
        // in the shortest form that reads back as the same number.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_workbook(path: &Path, file: &str, sheet: Option<&str>) -> Result<Table, ImportError> {
    use calamine::Reader;
    let err = |message: String| ImportError { file: file.to_owned(), message };
    let mut wb = calamine::open_workbook_auto(path)
        .map_err(|e| err(format!("cannot read the workbook ({e}); is it an Excel or OpenDocument file?")))?;
    let names = wb.sheet_names();
    let order: Vec<String> = match sheet {
        Some(s) => {
            let Some(found) = names.iter().find(|n| n.eq_ignore_ascii_case(s)) else {
                return Err(err(format!("there is no sheet called '{s}'; the sheets are: {}", names.join(", "))));
            };
            vec![found.clone()]
        }
        None => names.clone(),
    };
    let mut first_error = None;
    for name in &order {
        let range = match wb.worksheet_range(name) {
            Ok(r) => r,
            Err(e) => {
                first_error.get_or_insert_with(|| format!("cannot read sheet '{name}': {e}"));
                continue;
            }
        };
        let start_row = range.start().map_or(0, |(r, _)| usize::try_from(r).unwrap_or(0));
        let rows: Vec<Row> = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row { line: start_row + i + 1, cells: cells.iter().map(cell_text).collect() })
            .collect();
        if rows.iter().all(|r| r.cells.iter().all(|c| c.trim().is_empty())) && sheet.is_none() {
            continue; // an empty sheet: try the next
        }
        let kind = match path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).as_deref() {
            Some("ods") => "OpenDocument spreadsheet",
            Some("xls") => "Excel 97-2003 workbook",
            _ => "Excel workbook",
        };
        return finish(file, format!("{kind}, sheet '{name}'"), names.clone(), Some(name.clone()), rows);
    }
    Err(err(first_error.unwrap_or_else(|| "the workbook has no sheet with data".into())))
}

/// Finds the header row and keeps the non-blank rows below it.
fn finish(
    file: &str,
    format: String,
    sheets: Vec<String>,
    sheet: Option<String>,
    rows: Vec<Row>,
) -> Result<Table, ImportError> {
    let blank = |r: &Row| r.cells.iter().all(|c| c.trim().is_empty());
    let candidates: Vec<usize> = (0..rows.len()).filter(|i| !blank(&rows[*i])).take(HEADER_SEARCH_ROWS).collect();
    let Some(&first) = candidates.first() else {
        return Err(ImportError { file: file.to_owned(), message: "there are no rows in it".into() });
    };
    // The row naming the most known columns; with none, the first non-blank row.
    let header_at = candidates
        .iter()
        .map(|i| (*i, rows[*i].cells.iter().filter(|c| Field::known_header(c)).count()))
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(i, n)| (*n, std::cmp::Reverse(*i)))
        .map_or(first, |(i, _)| i);
    let header = &rows[header_at];
    let width = rows[header_at..].iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let headers: Vec<String> = (0..width)
        .map(|c| {
            let h = header.cells.get(c).map_or("", |s| s.trim());
            if h.is_empty() { format!("Column {}", c + 1) } else { h.split_whitespace().collect::<Vec<_>>().join(" ") }
        })
        .collect();
    let header_line = header.line;
    let data: Vec<Row> = rows.into_iter().skip(header_at + 1).filter(|r| !blank(r)).collect();
    Ok(Table { file: file.to_owned(), format, sheets, sheet, header_line, headers, rows: data })
}
