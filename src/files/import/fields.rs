//! Step 2: the fields a column can fill, and the mapping of columns to fields, guessed from
//! the headers and confirmed by the user.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::read::Table;

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
    Site,
}

impl Field {
    pub const ALL: [Field; 13] = [
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
        Field::Site,
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
            Field::Site => "Site",
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
            Field::Site => {
                "The site the person is based at: each site is an establishment for collective consultation and HR1."
            }
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
            Field::Site => "site",
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
            Field::Site => {
                &["site", "base site", "base", "work location", "location", "base location", "establishment"]
            }
        }
    }

    /// Whether a header names any field exactly (to find the header row).
    pub(super) fn known_header(text: &str) -> bool {
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
pub(super) fn normalise(text: &str) -> String {
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
        Field::Site,
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
