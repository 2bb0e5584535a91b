//! Step 3: every row read with the mapping, and what is missing or invalid, by row and
//! column. Rows with errors are left out; rows with warnings are imported.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::fields::{Field, Mapping, SalaryBasis, normalise};
use super::read::{Row, Table};
use super::values::{parse_grade, parse_money, parse_service, parse_wte};
use crate::model::money::{Pence, Wte, format_pounds_pence, mul_div_round};
use crate::model::{Grade, Outcome, Person, Scenario};

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

/// Reads every row with a mapping. `progress(rows_done)` is called now and then; when it
/// returns false the work stops and `None` is returned (Cancel).
pub fn prepare(
    table: &Table,
    mapping: &Mapping,
    s: &Scenario,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Option<Prepared> {
    let mut out = Prepared { rows: table.rows.len(), ..Prepared::default() };
    let Some(reader) = RowReader::new(table, mapping, s, &mut out) else { return Some(out) };
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(table.rows.len());
    let mut covered: HashSet<String> = reader.fixed_org.iter().cloned().collect();
    for (n, row) in table.rows.iter().enumerate() {
        if n % 1000 == 0 && !progress(n) {
            return None;
        }
        let read = reader.read(row, &seen);
        let has_errors = !read.errors.is_empty();
        for (f, message) in read.errors {
            out.issues.push(Issue { line: row.line, column: reader.header(f), level: Level::Error, message });
        }
        for (f, message) in read.warnings {
            out.issues.push(Issue { line: row.line, column: reader.header(f), level: Level::Warning, message });
        }
        match read.person {
            Some(p) if !has_errors => {
                seen.insert(p.id.clone(), row.line);
                covered.insert(p.org.to_string());
                out.people.push(p);
                out.lines.push(row.line);
            }
            _ => {
                out.skipped += 1;
                if has_errors && !read.id.is_empty() {
                    seen.entry(read.id).or_insert(row.line);
                }
            }
        }
    }
    progress(table.rows.len());
    let mut orgs: Vec<String> = covered.into_iter().collect();
    orgs.sort();
    out.orgs = orgs;
    Some(out)
}

/// One row read: the person when every field could be read, and what was wrong, by field.
struct Read {
    id: String,
    person: Option<Person>,
    errors: Vec<(Field, String)>,
    warnings: Vec<(Field, String)>,
}

/// Reads rows with a mapping: the columns found, the ICB every row belongs to (when one was
/// chosen), and what each field is checked against.
struct RowReader<'a> {
    table: &'a Table,
    salary_basis: SalaryBasis,
    col: HashMap<Field, usize>,
    fixed_org: Option<String>,
    orgs: OrgMatcher,
    /// The hint that names this scenario's own ICBs, for a row whose ICB is not one.
    known: String,
    /// The catalogue's functions by their normalised name.
    functions: HashMap<String, String>,
    /// Service is counted to this date (the target date).
    as_of: NaiveDate,
}

impl<'a> RowReader<'a> {
    /// Finds the mapped columns, and what stops the import (`out.blocking`) or warns about
    /// the whole file; `None` when something blocks it.
    fn new(table: &'a Table, mapping: &Mapping, s: &Scenario, out: &mut Prepared) -> Option<RowReader<'a>> {
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
            return None;
        }
        out.fields = col.keys().copied().collect();
        out.fields.sort();
        if fixed_org.is_some() {
            out.fields.retain(|f| *f != Field::Org);
            out.fields.push(Field::Org);
        }
        file_warnings(&col, out);
        // The hint names this scenario's own ICBs: all of them when there are a few.
        let codes: Vec<&str> = s.organisations.iter().map(|o| o.code.as_str()).collect();
        let known = match codes.len() {
            0 => "this scenario has no ICBs".to_owned(),
            1..=6 => format!("this scenario's ICBs are {}", codes.join(", ")),
            _ => format!("write its ODS code, such as {}", codes[0]),
        };
        Some(RowReader {
            table,
            salary_basis: mapping.salary_basis,
            col,
            fixed_org,
            orgs: OrgMatcher::new(s),
            known,
            functions: s.functions.iter().map(|f| (normalise(&f.name), f.name.clone())).collect(),
            as_of: s.assumptions.target_date,
        })
    }

    fn has(&self, f: Field) -> bool {
        self.col.contains_key(&f)
    }

    /// The column's name in the file, for an issue.
    fn header(&self, f: Field) -> Option<String> {
        self.col.get(&f).map(|c| self.table.headers[*c].clone())
    }

    /// Reads one row. `seen` holds the ids already read, with their rows.
    fn read(&self, row: &Row, seen: &HashMap<String, usize>) -> Read {
        let cell = |f: Field| self.col.get(&f).and_then(|c| row.cells.get(*c)).map_or("", |v| v.trim());
        let mut r = Read { id: cell(Field::Id).to_owned(), person: None, errors: Vec::new(), warnings: Vec::new() };
        if r.id.is_empty() {
            r.errors.push((Field::Id, "no assignment number".to_owned()));
        } else if let Some(first) = seen.get(&r.id) {
            let message = format!("assignment number {} is also on row {first}; only the first is imported", r.id);
            r.errors.push((Field::Id, message));
        }
        let org = self.org(cell(Field::Org), &mut r);
        let wte = self.wte(cell(Field::Wte), &mut r);
        let salary = self.salary(cell(Field::Salary), wte, &mut r);
        let service = self.service(cell(Field::Service), &mut r);
        let grade = self.grade(cell(Field::Grade), &mut r);
        let title = cell(Field::Title).to_owned();
        if self.has(Field::Title) && title.is_empty() {
            r.warnings.push((Field::Title, "no position title".into()));
        }
        let name = if self.has(Field::Name) {
            Some(cell(Field::Name).to_owned())
        } else if self.has(Field::FirstName) || self.has(Field::LastName) {
            Some(format!("{} {}", cell(Field::FirstName), cell(Field::LastName)).trim().to_owned())
        } else {
            None
        }
        .filter(|n| !n.is_empty());
        let function = self.function(cell(Field::Function), &mut r);
        let cost_centre = Some(cell(Field::CostCentre).to_owned()).filter(|c| !c.is_empty());
        let site = Some(cell(Field::Site).trim().to_owned()).filter(|c| !c.is_empty());
        if let (Some(org), Some(wte), Some(salary_pence), Some(service_years)) = (org, wte, salary, service) {
            r.person = Some(Person {
                id: r.id.clone(),
                name,
                org: org.into(),
                title,
                grade,
                salary_pence,
                wte,
                service_years,
                function: function.map(Into::into),
                cost_centre,
                outcome: Outcome::NotAffected,
                effective: None,
                site: site.map(Into::into),
                reason: String::new(),
                offer: None,
            });
        }
        r
    }

    /// The chosen ICB, or the row's, matched by code or name.
    fn org(&self, text: &str, r: &mut Read) -> Option<String> {
        if let Some(o) = &self.fixed_org {
            return Some(o.clone());
        }
        if text.is_empty() {
            r.errors.push((Field::Org, "no ICB".to_owned()));
            return None;
        }
        let found = self.orgs.find(text);
        if found.is_none() {
            r.errors.push((Field::Org, format!("'{text}' is not an ICB in this scenario ({})", self.known)));
        }
        found
    }

    /// The WTE; full-time when there is no WTE column.
    fn wte(&self, text: &str, r: &mut Read) -> Option<Wte> {
        if !self.has(Field::Wte) {
            return Some(Wte::FULL);
        }
        if text.is_empty() {
            r.errors.push((Field::Wte, "no WTE".to_owned()));
            return None;
        }
        parse_wte(text).map_err(|e| r.errors.push((Field::Wte, e))).ok()
    }

    /// The full-time salary: as written, or actual pay / WTE to the penny (£30,000 at 0.6
    /// is £50,000 full-time). A very low one is a warning: monthly or hourly pay?
    fn salary(&self, text: &str, wte: Option<Wte>, r: &mut Read) -> Option<Pence> {
        if text.is_empty() {
            r.errors.push((Field::Salary, "no salary".to_owned()));
            return None;
        }
        let salary = match (parse_money(text), self.salary_basis, wte) {
            (Err(e), _, _) => {
                r.errors.push((Field::Salary, e));
                None
            }
            (Ok(p), SalaryBasis::FullTime, _) => Some(p),
            (Ok(p), SalaryBasis::Actual, Some(w)) => Some(mul_div_round(p, i64::from(Wte::SCALE), i64::from(w.0))),
            (Ok(_), SalaryBasis::Actual, None) => None,
        };
        if let Some(p) = salary
            && p < 1_000_000
        {
            r.warnings.push((
                Field::Salary,
                format!("{} a year full-time is very low: is it monthly or hourly pay?", format_pounds_pence(p)),
            ));
        }
        salary
    }

    /// Complete years of service; 0 (no redundancy pay) when not known.
    fn service(&self, text: &str, r: &mut Read) -> Option<u32> {
        if !self.has(Field::Service) {
            return Some(0);
        }
        if text.is_empty() {
            r.warnings.push((Field::Service, "no length of service: taken as 0 years (no redundancy pay)".into()));
            return Some(0);
        }
        parse_service(text, self.as_of).map_err(|e| r.errors.push((Field::Service, e))).ok()
    }

    /// The pay band; one that is not AfC or VSM is kept as written, with a warning.
    fn grade(&self, text: &str, r: &mut Read) -> Grade {
        if !self.has(Field::Grade) {
            return Grade::Other(String::new());
        }
        let g = parse_grade(text);
        match &g {
            Grade::Other(x) if x.is_empty() => r.warnings.push((Field::Grade, "no pay band".into())),
            Grade::Other(x) => {
                r.warnings
                    .push((Field::Grade, format!("'{x}' is not an Agenda for Change band or VSM; kept as written")));
            }
            _ => {}
        }
        g
    }

    /// The function, as the catalogue names it; one not in it is kept as written.
    fn function(&self, text: &str, r: &mut Read) -> Option<String> {
        if text.is_empty() {
            return None;
        }
        if let Some(f) = self.functions.get(&normalise(text)) {
            return Some(f.clone());
        }
        r.warnings.push((Field::Function, format!("'{text}' is not a function in the catalogue; kept as written")));
        Some(text.to_owned())
    }
}

/// Warnings about the file as a whole: no WTE, no length of service.
fn file_warnings(col: &HashMap<Field, usize>, out: &mut Prepared) {
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
}
