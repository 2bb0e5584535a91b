//! Bringing a staff list in: an ESR (NHS staff record) or finance extract as CSV or a
//! spreadsheet becomes the scenario's people. No user interface here: the window, the
//! command line and the tests all go through the same four steps.
//!
//! 1. [`read_table`] reads the file into rows of text: CSV in any common delimiter (sniffed),
//!    UTF-8 with or without a BOM, UTF-16 with a BOM, or Windows-1252; XLSX, XLSM, XLSB, XLS
//!    and ODS through calamine. The header row is found by its known column names, so title
//!    rows and merged group headings above it are passed over; blank rows are skipped.
//! 2. [`guess`] maps columns to fields by their headers ("Assignment Number", "Pay Band",
//!    "FTE", "Annual Salary", ...). The user confirms or changes the [`Mapping`], and may save
//!    it as a named [`Profile`] (kept by header name, so it still fits when columns move).
//! 3. [`prepare`] reads every row with that mapping and reports, per row and column, what is
//!    missing or invalid ([`Issue`]). Rows with errors are left out; warnings are imported.
//! 4. [`reconcile`] compares the good rows with the scenario: people added, people who left
//!    (no longer in the extract), and people whose band, WTE, salary or other details
//!    changed. It keeps every decision (outcome and its date) about the people who remain.
//!    The result replaces the scenario's people in one undoable step.
//!
//! Choices made where the issue was silent are written beside the code that makes them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::limits::{MAX_SALARY_PENCE, MAX_YEARS};
use crate::model::money::Strictness::Lenient;
use crate::model::money::{Pence, Wte, format_pounds_pence, parse_decimal};
use crate::model::{Band, Grade, Outcome, Person, Scenario};

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

/// What a column can be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    Id,
    Name,
    FirstName,
    LastName,
    Title,
    Grade,
    Wte,
    Salary,
    Org,
    Service,
    Function,
    CostCentre,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Id,
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Title,
        Field::Grade,
        Field::Wte,
        Field::Salary,
        Field::Org,
        Field::Service,
        Field::Function,
        Field::CostCentre,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Field::Id => "Assignment number",
            Field::Name => "Full name",
            Field::FirstName => "First name",
            Field::LastName => "Last name",
            Field::Title => "Position title",
            Field::Grade => "Pay band",
            Field::Wte => "WTE",
            Field::Salary => "Annual salary",
            Field::Org => "ICB",
            Field::Service => "Length of service",
            Field::Function => "Function",
            Field::CostCentre => "Cost centre",
        }
    }

    /// What the field means and what it accepts, for a tooltip.
    #[must_use]
    pub fn help(self) -> &'static str {
        match self {
            Field::Id => "Each person's unique id, usually the ESR assignment number. Required.",
            Field::Name => "The person's name. Leave unused to import without names.",
            Field::FirstName => "Used with Last name when the extract has no full-name column.",
            Field::LastName => "Used with First name when the extract has no full-name column.",
            Field::Title => "The job or position title.",
            Field::Grade => "Agenda for Change band (\"Band 8a\", \"8A\", \"AfC 8a\"), VSM, or any other grade.",
            Field::Wte => "Whole-time equivalent: \"0.6\" or \"60%\". Unused: everyone is full-time.",
            Field::Salary => {
                "Annual salary: \"£54,710\", \"54710.00\". Required. Full-time or actual pay: choose below."
            }
            Field::Org => "The ICB each row belongs to: an ODS code (QK1) or its name. Or choose one ICB for all rows.",
            Field::Service => {
                "Complete years of NHS service (\"12\", \"12 years 3 months\", \"12Y 03M\") or the service start date; sets redundancy pay."
            }
            Field::Function => "The Blueprint function the person works in (matched to the catalogue by name).",
            Field::CostCentre => "The finance cost centre, kept with the person and shown in exports.",
        }
    }

    /// A short key for the command line's `--map KEY=HEADER`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::FirstName => "first-name",
            Field::LastName => "last-name",
            Field::Title => "title",
            Field::Grade => "grade",
            Field::Wte => "wte",
            Field::Salary => "salary",
            Field::Org => "org",
            Field::Service => "service",
            Field::Function => "function",
            Field::CostCentre => "cost-centre",
        }
    }

    /// Header names this field is known by, normalised, best first.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Id => &[
                "assignment number",
                "assignment no",
                "assignment num",
                "employee number",
                "employee no",
                "staff number",
                "person number",
                "esr number",
                "employee id",
                "staff id",
                "id",
            ],
            Field::Name => &["full name", "employee name", "staff name", "name", "employee full name"],
            Field::FirstName => &["first name", "forename", "forenames", "given name"],
            Field::LastName => &["last name", "surname", "family name"],
            Field::Title => &["position title", "job title", "post title", "position", "title", "job role", "role"],
            Field::Grade => &["pay band", "band", "grade", "pay grade", "afc band", "pay scale", "payscale"],
            Field::Wte => {
                &["fte", "wte", "assignment fte", "contracted wte", "whole time equivalent", "full time equivalent"]
            }
            Field::Salary => &[
                "annual salary",
                "salary",
                "basic salary",
                "annual basic salary",
                "basic pay",
                "annual pay",
                "full time salary",
                "fte salary",
            ],
            Field::Org => &[
                "organisation",
                "organization",
                "employing organisation",
                "org",
                "org code",
                "ods code",
                "icb",
                "employer",
            ],
            Field::Service => &[
                "length of service",
                "years of service",
                "nhs service",
                "continuous service",
                "reckonable service",
                "service years",
                "service",
                "continuous service date",
                "nhs start date",
            ],
            Field::Function => &["function", "directorate", "department"],
            Field::CostCentre => &["cost centre", "cost center", "cost centre code", "cost center code", "cc"],
        }
    }

    /// Whether a header names any field exactly (to find the header row).
    fn known_header(text: &str) -> bool {
        let n = normalise(text);
        !n.is_empty() && Field::ALL.iter().any(|f| f.synonyms().contains(&n.as_str()))
    }

    #[must_use]
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key().eq_ignore_ascii_case(key.trim()))
    }
}

/// Lower case, letters and digits only, single spaces: "Assignment Number " and
/// "assignment_number" both read "assignment number".
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

/// Whether the salary column holds full-time salaries or actual (pro-rata) pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SalaryBasis {
    /// The full-time annual salary (ESR's "Annual Salary" is this). The default.
    #[default]
    FullTime,
    /// What the person is actually paid a year; divided by WTE to get the full-time salary.
    Actual,
}

/// Which column is used for what, and which ICB the rows belong to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Field -> column name. Kept by name, so a profile fits next month's extract even if
    /// its columns move.
    #[serde(default)]
    pub columns: BTreeMap<Field, String>,
    /// Every row belongs to this ICB (ODS code), whatever the ICB column says.
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub salary_basis: SalaryBasis,
}

/// Maps columns to fields by their headers: exact names first, then names that contain a
/// known name ("Annual Salary (FTE)"). No column is used twice.
#[must_use]
pub fn guess(table: &Table) -> Mapping {
    let norm: Vec<String> = table.headers.iter().map(|h| normalise(h)).collect();
    let mut used: HashSet<usize> = HashSet::new();
    let mut columns = BTreeMap::new();
    for f in Field::ALL {
        for syn in f.synonyms() {
            if let Some(c) = (0..norm.len()).find(|c| !used.contains(c) && norm[*c] == *syn) {
                used.insert(c);
                columns.insert(f, table.headers[c].clone());
                break;
            }
        }
    }
    // Words inside longer names; ICB before name, so "Organisation Name" is the ICB.
    let order = [
        Field::Id,
        Field::Salary,
        Field::Wte,
        Field::Grade,
        Field::Org,
        Field::Service,
        Field::CostCentre,
        Field::Function,
        Field::FirstName,
        Field::LastName,
        Field::Title,
        Field::Name,
    ];
    for f in order {
        if columns.contains_key(&f) {
            continue;
        }
        'syn: for syn in f.synonyms().iter().filter(|s| s.len() > 2) {
            for (c, n) in norm.iter().enumerate() {
                if !used.contains(&c) && format!(" {n} ").contains(&format!(" {syn} ")) {
                    used.insert(c);
                    columns.insert(f, table.headers[c].clone());
                    break 'syn;
                }
            }
        }
    }
    // A full name wins over first and last names when both are there.
    if columns.contains_key(&Field::Name) {
        columns.remove(&Field::FirstName);
        columns.remove(&Field::LastName);
    }
    Mapping { columns, org: None, salary_basis: SalaryBasis::FullTime }
}

/// How bad a problem with a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// The row is left out.
    Error,
    /// The row is imported; the value was taken as said.
    Warning,
}

/// A problem with one row and column, or with the mapping (`line` 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The row in the file (1-based); 0 for the mapping as a whole.
    pub line: usize,
    pub column: Option<String>,
    pub level: Level,
    pub message: String,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        match (self.line, &self.column) {
            (0, _) => write!(f, "{level}: {}", self.message),
            (l, Some(c)) => write!(f, "row {l}, {c}: {level}: {}", self.message),
            (l, None) => write!(f, "row {l}: {level}: {}", self.message),
        }
    }
}

/// Every row read with a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prepared {
    /// The good rows, as people (decisions not yet merged in).
    pub people: Vec<Person>,
    /// The row each person came from.
    pub lines: Vec<usize>,
    pub issues: Vec<Issue>,
    /// Problems with the mapping itself: nothing can be imported until they are fixed.
    pub blocking: Vec<String>,
    pub rows: usize,
    /// Rows left out because of errors.
    pub skipped: usize,
    /// The ICBs the file covers (those of its good rows, or the chosen ICB).
    pub orgs: Vec<String>,
    /// The fields that were mapped (only these overwrite people already in the scenario).
    pub fields: Vec<Field>,
}

impl Prepared {
    #[must_use]
    pub fn count(&self, level: Level) -> usize {
        self.issues.iter().filter(|i| i.level == level).count()
    }
}

/// Matches what an extract says about the organisation to an ICB of the scenario: its
/// ODS code, a word that is its code ("QK1 NHS Northamptonshire ICB"), or its name with
/// "NHS", "ICB" and "Integrated Care Board" ignored.
struct OrgMatcher {
    codes: HashMap<String, String>,
    names: Vec<(String, String)>,
    cache: std::cell::RefCell<HashMap<String, Option<String>>>,
}

fn name_key(text: &str) -> String {
    let n = normalise(text);
    let n = format!(" {n} ");
    let n = n.replace(" integrated care board ", " ").replace(" nhs ", " ").replace(" icb ", " ").replace(" and ", " ");
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl OrgMatcher {
    fn new(s: &Scenario) -> OrgMatcher {
        OrgMatcher {
            codes: s.organisations.iter().map(|o| (o.code.to_ascii_uppercase(), o.code.clone())).collect(),
            names: s.organisations.iter().map(|o| (name_key(&o.name), o.code.clone())).collect(),
            cache: std::cell::RefCell::new(HashMap::new()),
        }
    }

    fn find(&self, text: &str) -> Option<String> {
        let t = text.trim();
        if let Some(hit) = self.cache.borrow().get(t) {
            return hit.clone();
        }
        let hit = self.codes.get(&t.to_ascii_uppercase()).cloned().or_else(|| {
            let words: Vec<String> = t
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_ascii_uppercase)
                .filter(|w| !w.is_empty())
                .collect();
            let by_word: HashSet<&String> = words.iter().filter_map(|w| self.codes.get(w)).collect();
            if by_word.len() == 1 {
                return by_word.into_iter().next().cloned();
            }
            let key = name_key(t);
            if key.is_empty() {
                return None;
            }
            let exact: Vec<&String> = self.names.iter().filter(|(n, _)| *n == key).map(|(_, c)| c).collect();
            if exact.len() == 1 {
                return exact.first().map(|c| (*c).clone());
            }
            // "NHS Northamptonshire ICB (Corporate)" contains the ICB's name; only when one does.
            let within: Vec<&String> = self
                .names
                .iter()
                .filter(|(n, _)| !n.is_empty() && format!(" {key} ").contains(&format!(" {n} ")))
                .map(|(_, c)| c)
                .collect();
            (within.len() == 1).then(|| within[0].clone())
        });
        self.cache.borrow_mut().insert(t.to_owned(), hit.clone());
        hit
    }
}

/// "£1,234.50", "1234.5", "54,710" -> pence.
fn parse_money(text: &str) -> Result<Pence, String> {
    let t = text.trim();
    let t = t.strip_suffix("p.a.").or_else(|| t.strip_suffix("pa")).unwrap_or(t).trim();
    if t.starts_with('-') || t.starts_with('(') {
        return Err(format!("'{text}' is negative; a salary must be above zero"));
    }
    match parse_decimal(t, 2, Lenient) {
        Some(0) => Err("the salary is zero".into()),
        Some(p) if p > MAX_SALARY_PENCE => {
            Err(format!("'{text}' is more than {} a year", format_pounds_pence(MAX_SALARY_PENCE)))
        }
        Some(p) => Ok(p),
        None => Err(format!("'{text}' is not an amount of money such as £54,710 or 54710.00")),
    }
}

/// "0.6", "0.60", "60%", "1" -> WTE (to four decimal places).
fn parse_wte(text: &str) -> Result<Wte, String> {
    // A WTE is never in thousands, so a comma with no point is a decimal comma, as
    // spreadsheets set to a European locale write it: "0,8" is 0.8 (and "37,5" is hours).
    let decimal_comma;
    let mut t = text.trim();
    if t.contains(',') && !t.contains('.') {
        decimal_comma = t.replace(',', ".");
        t = &decimal_comma;
    }
    let v = match t.strip_suffix('%') {
        Some(p) => parse_decimal(p.trim(), 2, Lenient),
        None => parse_decimal(t, 4, Lenient),
    }
    .ok_or_else(|| format!("'{text}' is not a WTE such as 0.6 or 60%"))?;
    match v {
        0 => Err("WTE is 0: the person would cost nothing".into()),
        v if v > 10_000 && v <= 480_000 => Err(format!(
            "WTE '{text}' is more than 1; if it is hours a week, divide by the full-time hours (37.5 hours = 1.0)"
        )),
        v if v > 10_000 => Err(format!("WTE '{text}' is more than 1")),
        v => Ok(Wte(u32::try_from(v).unwrap_or(0))),
    }
}

/// "Band 8a", "8A", "AfC 8a", "Band 8 - Range A", "Agenda for Change Band 7", "VSM".
fn parse_grade(text: &str) -> Grade {
    let t = text.trim();
    let n = normalise(t);
    if matches!(n.as_str(), "vsm" | "very senior manager" | "esm" | "executive senior manager") || n.starts_with("vsm ")
    {
        return Grade::Vsm;
    }
    let mut key = format!(" {n} ");
    for word in [" agenda for change ", " review body ", " afc ", " band ", " range ", " pay "] {
        key = key.replace(word, " ");
    }
    let key: String = key.split_whitespace().collect();
    match Band::parse(&key) {
        Some(b) => Grade::AfC(b),
        None => Grade::Other(t.to_owned()),
    }
}

/// Complete years of service from "12", "12.7", "12 years 3 months", "12Y 03M 15D", or a
/// service start date (complete years to `as_of`).
fn parse_service(text: &str, as_of: NaiveDate) -> Result<u32, String> {
    let t = text.trim();
    let bad = || format!("'{text}' is not a length of service such as 12, \"12 years 3 months\" or a start date");
    if let Some(date) = parse_date(t) {
        if date > as_of {
            return Err(format!("service start date {date} is after {as_of}"));
        }
        let mut years = as_of.year() - date.year();
        if (as_of.month(), as_of.day()) < (date.month(), date.day()) {
            years -= 1;
        }
        let years = u32::try_from(years).map_err(|_| bad())?;
        if years > MAX_YEARS {
            return Err(format!("service start date {date} gives {years} years of service; at most {MAX_YEARS}"));
        }
        return Ok(years);
    }
    // Numbers, each optionally followed by a unit (years when there is none).
    let mut months: i64 = 0;
    let mut found = false;
    let mut rest = t;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let num_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        if num_end == 0 {
            return Err(bad());
        }
        let tenths = parse_decimal(&rest[..num_end], 4, Lenient).ok_or_else(bad)?; // the number x 10,000
        rest = rest[num_end..].trim_start();
        let unit_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let unit = rest[..unit_end].to_ascii_lowercase();
        rest = &rest[unit_end..];
        let months_per_unit = match unit.chars().next() {
            None | Some('y') => 12,
            Some('m') => 1,
            Some('w' | 'd') => 0, // days and weeks never make a complete year on their own
            _ => return Err(bad()),
        };
        months = months.saturating_add(tenths.saturating_mul(months_per_unit) / 10_000);
        found = true;
    }
    if !found {
        return Err(bad());
    }
    let years = u32::try_from(months / 12).map_err(|_| bad())?;
    if years > MAX_YEARS {
        return Err(format!("{years} years of service is more than {MAX_YEARS}"));
    }
    Ok(years)
}

/// 2010-04-01, 01/04/2010 (UK day first), 1.4.2010, 01-Apr-2010.
fn parse_date(t: &str) -> Option<NaiveDate> {
    let t = t.trim();
    let t = t.split_once([' ', 'T']).map_or(t, |(d, _)| d); // "2010-04-01 00:00:00"
    for f in ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d-%b-%Y", "%d %b %Y", "%d/%m/%y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some(d);
        }
    }
    None
}

/// Reads every row with a mapping. `progress(rows_done)` is called now and then; when it
/// returns false the work stops and `None` is returned (Cancel).
pub fn prepare(
    table: &Table,
    mapping: &Mapping,
    s: &Scenario,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Option<Prepared> {
    let mut out = Prepared { rows: table.rows.len(), ..Prepared::default() };
    let mut col: HashMap<Field, usize> = HashMap::new();
    for (field, header) in &mapping.columns {
        match table.column(header) {
            Some(c) => {
                col.insert(*field, c);
            }
            None => out.blocking.push(format!("{}: there is no column called '{header}'", field.label())),
        }
    }
    if !col.contains_key(&Field::Id) {
        out.blocking.push("choose the column with each person's assignment number (or other unique id)".into());
    }
    if !col.contains_key(&Field::Salary) {
        out.blocking.push("choose the column with the annual salary".into());
    }
    let fixed_org = match &mapping.org {
        Some(code) => match s.organisation(code) {
            Some(o) => Some(o.code.clone()),
            None => {
                out.blocking.push(format!("{code} is not an ICB in this scenario"));
                None
            }
        },
        None => None,
    };
    if fixed_org.is_none() && mapping.org.is_none() && !col.contains_key(&Field::Org) {
        out.blocking.push("choose the ICB the rows belong to, or the column that says".into());
    }
    if !out.blocking.is_empty() {
        return Some(out);
    }
    out.fields = col.keys().copied().collect();
    out.fields.sort();
    if fixed_org.is_some() {
        out.fields.retain(|f| *f != Field::Org);
        out.fields.push(Field::Org);
    }
    if !col.contains_key(&Field::Wte) {
        out.issues.push(Issue {
            line: 0,
            column: None,
            level: Level::Warning,
            message: "no WTE column: everyone is taken as full-time (1.0)".into(),
        });
    }
    if !col.contains_key(&Field::Service) {
        out.issues.push(Issue {
            line: 0,
            column: None,
            level: Level::Warning,
            message: "no length-of-service column: redundancy pay will be nil until service is entered".into(),
        });
    }
    let orgs = OrgMatcher::new(s);
    // The hint names this scenario's own ICBs: all of them when there are a few.
    let codes: Vec<&str> = s.organisations.iter().map(|o| o.code.as_str()).collect();
    let known = match codes.len() {
        0 => "this scenario has no ICBs".to_owned(),
        1..=6 => format!("this scenario's ICBs are {}", codes.join(", ")),
        _ => format!("write its ODS code, such as {}", codes[0]),
    };
    let functions: HashMap<String, String> = s.functions.iter().map(|f| (normalise(&f.name), f.name.clone())).collect();
    let as_of = s.assumptions.target_date;
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(table.rows.len());
    let mut covered: HashSet<String> = fixed_org.iter().cloned().collect();
    for (n, row) in table.rows.iter().enumerate() {
        if n % 1000 == 0 && !progress(n) {
            return None;
        }
        let cell = |f: Field| col.get(&f).and_then(|c| row.cells.get(*c)).map_or("", |v| v.trim());
        let header = |f: Field| col.get(&f).map(|c| table.headers[*c].clone());
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let id = cell(Field::Id).to_owned();
        if id.is_empty() {
            errors.push((Field::Id, "no assignment number".to_owned()));
        } else if let Some(first) = seen.get(&id) {
            errors.push((
                Field::Id,
                format!("assignment number {id} is also on row {first}; only the first is imported"),
            ));
        }
        let org = match &fixed_org {
            Some(o) => Some(o.clone()),
            None => {
                let text = cell(Field::Org);
                if text.is_empty() {
                    errors.push((Field::Org, "no ICB".to_owned()));
                    None
                } else {
                    let found = orgs.find(text);
                    if found.is_none() {
                        errors.push((Field::Org, format!("'{text}' is not an ICB in this scenario ({known})")));
                    }
                    found
                }
            }
        };
        let wte = if col.contains_key(&Field::Wte) {
            let t = cell(Field::Wte);
            if t.is_empty() {
                errors.push((Field::Wte, "no WTE".to_owned()));
                None
            } else {
                parse_wte(t).map_err(|e| errors.push((Field::Wte, e))).ok()
            }
        } else {
            Some(Wte::FULL)
        };
        let salary = {
            let t = cell(Field::Salary);
            if t.is_empty() {
                errors.push((Field::Salary, "no salary".to_owned()));
                None
            } else {
                match (parse_money(t), mapping.salary_basis, wte) {
                    (Err(e), _, _) => {
                        errors.push((Field::Salary, e));
                        None
                    }
                    (Ok(p), SalaryBasis::FullTime, _) => Some(p),
                    // Actual pay / WTE, to the penny: £30,000 at 0.6 is £50,000 full-time.
                    (Ok(p), SalaryBasis::Actual, Some(w)) => {
                        Some(crate::model::money::mul_div_round(p, i64::from(Wte::SCALE), i64::from(w.0)))
                    }
                    (Ok(_), SalaryBasis::Actual, None) => None,
                }
            }
        };
        if let Some(p) = salary
            && p < 1_000_000
        {
            warnings.push((
                Field::Salary,
                format!("{} a year full-time is very low: is it monthly or hourly pay?", format_pounds_pence(p)),
            ));
        }
        let service = if col.contains_key(&Field::Service) {
            let t = cell(Field::Service);
            if t.is_empty() {
                warnings.push((Field::Service, "no length of service: taken as 0 years (no redundancy pay)".into()));
                Some(0)
            } else {
                parse_service(t, as_of).map_err(|e| errors.push((Field::Service, e))).ok()
            }
        } else {
            Some(0)
        };
        let grade = if col.contains_key(&Field::Grade) {
            let t = cell(Field::Grade);
            let g = parse_grade(t);
            match &g {
                Grade::Other(x) if x.is_empty() => warnings.push((Field::Grade, "no pay band".into())),
                Grade::Other(x) => {
                    warnings.push((
                        Field::Grade,
                        format!("'{x}' is not an Agenda for Change band or VSM; kept as written"),
                    ));
                }
                _ => {}
            }
            g
        } else {
            Grade::Other(String::new())
        };
        let title = cell(Field::Title).to_owned();
        if col.contains_key(&Field::Title) && title.is_empty() {
            warnings.push((Field::Title, "no position title".into()));
        }
        let name = if col.contains_key(&Field::Name) {
            Some(cell(Field::Name).to_owned())
        } else if col.contains_key(&Field::FirstName) || col.contains_key(&Field::LastName) {
            Some(format!("{} {}", cell(Field::FirstName), cell(Field::LastName)).trim().to_owned())
        } else {
            None
        }
        .filter(|n| !n.is_empty());
        let function = {
            let t = cell(Field::Function);
            if t.is_empty() {
                None
            } else if let Some(f) = functions.get(&normalise(t)) {
                Some(f.clone())
            } else {
                warnings.push((Field::Function, format!("'{t}' is not a function in the catalogue; kept as written")));
                Some(t.to_owned())
            }
        };
        let cost_centre = Some(cell(Field::CostCentre).to_owned()).filter(|c| !c.is_empty());
        let has_errors = !errors.is_empty();
        for (f, message) in errors {
            out.issues.push(Issue { line: row.line, column: header(f), level: Level::Error, message });
        }
        for (f, message) in warnings {
            out.issues.push(Issue { line: row.line, column: header(f), level: Level::Warning, message });
        }
        if has_errors {
            out.skipped += 1;
            if !id.is_empty() {
                seen.entry(id).or_insert(row.line);
            }
            continue;
        }
        let (Some(org), Some(wte), Some(salary_pence), Some(service_years)) = (org, wte, salary, service) else {
            out.skipped += 1;
            continue;
        };
        seen.insert(id.clone(), row.line);
        covered.insert(org.clone());
        out.people.push(Person {
            id,
            name,
            org,
            title,
            grade,
            salary_pence,
            wte,
            service_years,
            function,
            cost_centre,
            outcome: Outcome::NotAffected,
            effective: None,
        });
        out.lines.push(row.line);
    }
    progress(table.rows.len());
    let mut orgs: Vec<String> = covered.into_iter().collect();
    orgs.sort();
    out.orgs = orgs;
    Some(out)
}

/// What changed for one person who stays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    /// "Band 7 → Band 8a", "WTE 1.00 → 0.80", "salary £54,710.00 → £58,487.00".
    pub what: Vec<String>,
}

/// The people list after an import, and how it differs from before.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// The scenario's whole new list of people.
    pub people: Vec<Person>,
    /// In the extract, not in the scenario.
    pub added: Vec<String>,
    /// In the scenario (for an ICB the extract covers), not in the extract: removed.
    pub left: Vec<String>,
    /// Not in the extract but kept, because their exit (redundancy, MARS, redeployment or
    /// transfer) is already recorded and its cost must stay in the figures.
    pub kept_leavers: Vec<String>,
    pub changed: Vec<Change>,
    pub unchanged: usize,
    /// People who remain with a decision already made (an outcome other than not affected).
    pub decisions_kept: usize,
    /// Of the changes: how many changed band, WTE, salary.
    pub band_changes: usize,
    pub wte_changes: usize,
    pub salary_changes: usize,
}

impl Plan {
    /// One line for the preview, the command line and the Undo menu.
    #[must_use]
    pub fn headline(&self) -> String {
        let n = crate::model::money::format_count;
        format!(
            "{} added, {} left, {} changed ({} band, {} WTE, {} salary), {} unchanged; decisions kept for {} {}",
            n(self.added.len()),
            n(self.left.len()),
            n(self.changed.len()),
            n(self.band_changes),
            n(self.wte_changes),
            n(self.salary_changes),
            n(self.unchanged),
            n(self.decisions_kept),
            if self.decisions_kept == 1 { "person" } else { "people" }
        )
    }
}

/// Merges the good rows into the scenario's people.
///
/// - A person in both keeps their outcome and its date (every decision made stays); the
///   fields the mapping covers are updated from the extract; the rest stay as they were.
/// - A person in the extract only is added (not affected), after the people already there.
/// - A person of an ICB the extract covers who is not in it has left and is removed —
///   unless their exit is already recorded (redundancy, MARS, redeployment, transfer): a
///   newer extract no longer lists people who have gone, but their cost must stay.
/// - People of other ICBs are untouched, so each ICB's extract can be imported in turn.
#[must_use]
pub fn reconcile(s: &Scenario, prepared: &Prepared) -> Plan {
    let mut plan = Plan::default();
    let covered: HashSet<&str> = prepared.orgs.iter().map(String::as_str).collect();
    let incoming: HashMap<&str, &Person> = prepared.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let has = |f: Field| prepared.fields.contains(&f);
    let mut matched: HashSet<&str> = HashSet::new();
    for old in &s.people {
        match incoming.get(old.id.as_str()) {
            Some(new) => {
                matched.insert(new.id.as_str());
                let mut p = old.clone();
                let mut what = Vec::new();
                if has(Field::Org) && p.org != new.org {
                    what.push(format!("ICB {} → {}", p.org, new.org));
                    p.org.clone_from(&new.org);
                }
                if has(Field::Grade) && p.grade != new.grade {
                    what.push(format!("{} → {}", p.grade, new.grade));
                    p.grade = new.grade.clone();
                    plan.band_changes += 1;
                }
                if has(Field::Wte) && p.wte != new.wte {
                    what.push(format!("WTE {} → {}", p.wte, new.wte));
                    p.wte = new.wte;
                    plan.wte_changes += 1;
                }
                if p.salary_pence != new.salary_pence {
                    what.push(format!(
                        "salary {} → {}",
                        format_pounds_pence(p.salary_pence),
                        format_pounds_pence(new.salary_pence)
                    ));
                    p.salary_pence = new.salary_pence;
                    plan.salary_changes += 1;
                }
                if has(Field::Title) && p.title != new.title {
                    what.push(format!("title \"{}\" → \"{}\"", p.title, new.title));
                    p.title.clone_from(&new.title);
                }
                if has(Field::Service) && p.service_years != new.service_years {
                    what.push(format!("service {} → {} years", p.service_years, new.service_years));
                    p.service_years = new.service_years;
                }
                if (has(Field::Name) || has(Field::FirstName) || has(Field::LastName)) && p.name != new.name {
                    what.push("name".into());
                    p.name.clone_from(&new.name);
                }
                if has(Field::Function) && p.function != new.function {
                    what.push(format!(
                        "function {} → {}",
                        p.function.as_deref().unwrap_or("none"),
                        new.function.as_deref().unwrap_or("none")
                    ));
                    p.function.clone_from(&new.function);
                }
                if has(Field::CostCentre) && p.cost_centre != new.cost_centre {
                    what.push(format!(
                        "cost centre {} → {}",
                        p.cost_centre.as_deref().unwrap_or("none"),
                        new.cost_centre.as_deref().unwrap_or("none")
                    ));
                    p.cost_centre.clone_from(&new.cost_centre);
                }
                if p.outcome != Outcome::NotAffected {
                    plan.decisions_kept += 1;
                }
                if what.is_empty() {
                    plan.unchanged += 1;
                } else {
                    plan.changed.push(Change { id: p.id.clone(), what });
                }
                plan.people.push(p);
            }
            None if covered.contains(old.org.as_str()) => {
                if old.outcome.is_exit() {
                    plan.kept_leavers.push(old.id.clone());
                    plan.people.push(old.clone());
                } else {
                    plan.left.push(old.id.clone());
                }
            }
            None => plan.people.push(old.clone()),
        }
    }
    for p in &prepared.people {
        if !matched.contains(p.id.as_str()) {
            plan.added.push(p.id.clone());
            plan.people.push(p.clone());
        }
    }
    plan
}

/// A report for the command line: how the file was read, each problem, and the changes.
#[must_use]
pub fn report_text(table: &Table, prepared: &Prepared, plan: Option<&Plan>) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}; column names on row {}; {} rows",
        table.file,
        table.format,
        table.header_line,
        table.rows.len()
    );
    for b in &prepared.blocking {
        let _ = writeln!(out, "{}: cannot import: {b}", table.file);
    }
    for i in &prepared.issues {
        let _ = writeln!(out, "{}: {i}", table.file);
    }
    let _ = writeln!(
        out,
        "{} rows ready to import, {} left out with errors, {} warnings",
        prepared.people.len(),
        prepared.skipped,
        prepared.count(Level::Warning)
    );
    if let Some(plan) = plan {
        let _ = writeln!(out, "{}", plan.headline());
        for c in &plan.changed {
            let _ = writeln!(out, "  changed {}: {}", c.id, c.what.join("; "));
        }
        for id in &plan.left {
            let _ = writeln!(out, "  left {id}");
        }
        for id in &plan.kept_leavers {
            let _ = writeln!(out, "  kept {id}: not in the extract, but their exit is recorded");
        }
    }
    out
}

/// A named, saved mapping: the same extract next month maps in one click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    pub mapping: Mapping,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    format: String,
    version: u32,
    profiles: Vec<Profile>,
}

const PROFILE_FORMAT: &str = "cluster-planner-import-profiles";

/// Where the mapping profiles are kept: the app's data folder (see `recovery::data_dir`).
#[must_use]
pub fn profiles_path() -> PathBuf {
    crate::files::recovery::data_dir().join("import-profiles.ron")
}

/// The saved profiles (none when the file does not exist yet).
pub fn load_profiles(path: &Path) -> Result<Vec<Profile>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: cannot read the mapping profiles: {e}", path.display())),
    };
    let f: ProfileFile = ron::from_str(&text).map_err(|e| format!("{}:{e}", path.display()))?;
    if f.format != PROFILE_FORMAT {
        return Err(format!("{}: this is not a file of mapping profiles", path.display()));
    }
    Ok(f.profiles)
}

/// Saves a profile under `name` (replacing one of that name), atomically.
pub fn save_profile(path: &Path, name: &str, mapping: &Mapping) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a profile needs a name".into());
    }
    let mut profiles = load_profiles(path)?;
    profiles.retain(|p| p.name != name);
    profiles.push(Profile { name: name.to_owned(), mapping: mapping.clone() });
    profiles.sort_by(|a, b| a.name.cmp(&b.name));
    let f = ProfileFile { format: PROFILE_FORMAT.to_owned(), version: 1, profiles };
    let text = ron::ser::to_string_pretty(&f, ron::ser::PrettyConfig::new().struct_names(false))
        .map_err(|e| format!("cannot write the mapping profiles: {e}"))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    crate::files::write_atomic_with(path, text.as_bytes(), false).map_err(|e| e.to_string())
}

/// A made-up ESR-style extract of `rows` people for the ICBs given (for benchmarks and
/// tests: large inputs are generated, never committed). Header first.
#[must_use]
pub fn sample_extract(rows: usize, orgs: &[&str], seed: u64) -> Vec<Vec<String>> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let bands =
        ["Band 4", "Band 5", "5", "Band 6", "AfC 7", "Band 7", "8A", "Band 8a", "Band 8b", "8c", "Band 8d", "9"];
    let pay = [30_162, 33_487, 33_487, 40_823, 50_273, 54_710, 58_487, 62_682, 68_631, 81_652, 96_941, 115_763];
    let mut out = vec![
        [
            "Assignment Number",
            "Full Name",
            "Organisation",
            "Position Title",
            "Pay Band",
            "FTE",
            "Annual Salary",
            "Length of Service",
            "Cost Centre",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
    ];
    for i in 0..rows {
        let b = rng.usize(0..bands.len());
        let wte = ["1", "1", "1", "0.8", "0.6", "60%"][rng.usize(0..6)];
        out.push(vec![
            format!("{:08}-1", 30_000_000 + i),
            format!("Person {i}"),
            orgs[i % orgs.len().max(1)].to_owned(),
            "Senior Manager".to_owned(),
            bands[b].to_owned(),
            wte.to_owned(),
            format!("£{},{:03}.00", pay[b] / 1000, pay[b] % 1000),
            format!("{} years {} months", rng.u32(0..35), rng.u32(0..12)),
            format!("T{:04}", rng.u32(1000..2000)),
        ]);
    }
    out
}

/// Writes rows as CSV text.
#[must_use]
pub fn to_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        let _ = w.write_record(r);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_read_the_ways_people_write_it() {
        assert_eq!(parse_money("£1,234.50"), Ok(123_450));
        assert_eq!(parse_money("1234.5"), Ok(123_450));
        assert_eq!(parse_money(" £ 54,710 "), Ok(5_471_000));
        // Excel's float noise rounds to the penny: 54710.499999 -> £54,710.50.
        assert_eq!(parse_money("54710.499999"), Ok(5_471_050));
        assert!(parse_money("-5").is_err());
        assert!(parse_money("£1,2x4").is_err());
        assert!(parse_money("0").is_err());
    }

    #[test]
    fn wte_reads_decimals_and_percentages() {
        assert_eq!(parse_wte("0.6"), Ok(Wte(6000)));
        assert_eq!(parse_wte("60%"), Ok(Wte(6000)));
        // 16/30 as Excel stores it: 0.533333... -> 0.5333.
        assert_eq!(parse_wte("0.53333333333"), Ok(Wte(5333)));
        assert!(parse_wte("37.5").unwrap_err().contains("hours"));
        // Decimal commas: a WTE is never in thousands.
        assert_eq!(parse_wte("0,8"), Ok(Wte(8000)));
        assert_eq!(parse_wte("62,5%"), Ok(Wte(6250)));
        assert!(parse_wte("37,5").unwrap_err().contains("hours"));
        assert!(parse_wte("0,6,1").is_err());
        assert!(parse_wte("0").is_err());
    }

    #[test]
    fn bands_are_read_however_they_are_written() {
        for t in ["Band 8a", "8A", "AfC 8a", "Band 8 - Range A", "Agenda for Change Band 8a", " band 8A "] {
            assert_eq!(parse_grade(t), Grade::AfC(Band::Band8a), "{t}");
        }
        assert_eq!(parse_grade("VSM"), Grade::Vsm);
        assert_eq!(parse_grade("Medical Consultant"), Grade::Other("Medical Consultant".into()));
    }

    #[test]
    fn service_is_complete_years() {
        let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
        assert_eq!(parse_service("12", as_of), Ok(12));
        assert_eq!(parse_service("12.9", as_of), Ok(12));
        assert_eq!(parse_service("12 years 3 months", as_of), Ok(12));
        assert_eq!(parse_service("11Y 12M 03D", as_of), Ok(12));
        // 1 Jan 2014 to 31 Dec 2025 is 11 complete years; 31 Dec 2013 is 12.
        assert_eq!(parse_service("01/01/2014", as_of), Ok(11));
        assert_eq!(parse_service("2013-12-31", as_of), Ok(12));
        assert!(parse_service("long", as_of).is_err());
        // Found by fuzzing: a start date in the year 1013 would be 1,012 years of service.
        assert!(parse_service("01/04/1013", as_of).unwrap_err().contains("at most 100"));
        assert!(parse_service("101 years", as_of).is_err());
    }
}
