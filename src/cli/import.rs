//! `import SCENARIO --people FILE --out OUT`: a staff list into a scenario. Prints how each
//! row was read. The people go in as one [`Edit`], as in the window, and the result is saved
//! through a [`Session`]. Exit 0 written; 1 nothing importable or the mapping incomplete;
//! 2 a file unreadable.

use std::path::Path;
use std::process::ExitCode;

use cluster_planner::edit::{Edit, Session};
use cluster_planner::files::import;

use super::{Failure, Outcome};

#[derive(Debug)]
pub struct Options {
    pub org: Option<String>,
    pub profile: Option<String>,
    pub map: Vec<String>,
    pub actual_pay: bool,
    pub sheet: Option<String>,
}

/// The mapping the command line asks for: the guess, then the profile, then each --map.
fn mapping(table: &import::Table, o: &Options) -> Result<import::Mapping, String> {
    let mut m = import::guess(table);
    if let Some(name) = &o.profile {
        let path = import::profiles_path();
        let profiles = import::load_profiles(&path)?;
        let Some(p) = profiles.into_iter().find(|p| &p.name == name) else {
            return Err(format!("there is no mapping profile called '{name}' in {}", path.display()));
        };
        m = p.mapping;
    }
    for pair in &o.map {
        let Some((key, column)) = pair.split_once('=') else {
            return Err(format!("--map {pair}: write FIELD=COLUMN, e.g. salary=\"Basic Pay\""));
        };
        let Some(field) = import::Field::from_key(key) else {
            let keys: Vec<&str> = import::Field::ALL.iter().map(|f| f.key()).collect();
            return Err(format!("--map {pair}: no field '{key}'; the fields are {}", keys.join(", ")));
        };
        if column.trim().is_empty() {
            m.columns.remove(&field);
        } else {
            m.columns.insert(field, column.trim().to_owned());
        }
    }
    if o.org.is_some() {
        m.org.clone_from(&o.org);
    }
    if o.actual_pay {
        m.salary_basis = import::SalaryBasis::Actual;
    }
    Ok(m)
}

pub fn run(scenario: &Path, people: &Path, o: &Options, out: &Path) -> Outcome {
    let mut session = Session::command_line();
    session.open_with(scenario, false).map_err(Failure::unreadable)?;
    let s = &session.doc.scenario;
    let table = import::read_table(people, o.sheet.as_deref()).map_err(Failure::unreadable)?;
    let mapping = mapping(&table, o).map_err(Failure::new)?;
    for f in import::Field::ALL {
        let col = mapping.columns.get(&f).map_or("not used", String::as_str);
        out!("  {:<18} <- {col}", f.label())?;
    }
    let prepared = import::prepare(&table, &mapping, s, &mut |_| true).ok_or_else(Failure::quiet)?;
    if !prepared.blocking.is_empty() || prepared.people.is_empty() {
        out_str!("{}", import::report_text(&table, &prepared, None))?;
        return Err(Failure::new(format!("nothing imported; {} is not written", out.display())));
    }
    let plan = import::reconcile(s, &prepared);
    out_str!("{}", import::report_text(&table, &prepared, Some(&plan)))?;
    let (edit, _) = Edit::import(&table.file, &prepared, &plan);
    // A figure the file could not hold is refused by the edit, as in the window.
    session.doc.apply(edit).map_err(Failure::new)?;
    session.save_to(out).map_err(Failure::new)?;
    out!("{}: {} people", out.display(), session.doc.scenario.people.len())?;
    Ok(ExitCode::SUCCESS)
}
