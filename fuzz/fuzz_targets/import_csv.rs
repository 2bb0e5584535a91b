//! Any bytes as a staff list: reading, mapping, checking and merging must give people or
//! reasons, never a panic; every row is either imported or reported; and what is imported
//! is within what a scenario file may hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = cluster_planner::files::import::parse_csv("fuzz.csv", data) else { return };
    let mut s = cluster_planner::model::reference::new_scenario();
    let mut mapping = cluster_planner::files::import::guess(&table);
    for actual in [false, true] {
        if actual {
            mapping.org = Some("QK1".into());
            mapping.salary_basis = cluster_planner::files::import::SalaryBasis::Actual;
        }
        let p = cluster_planner::files::import::prepare(&table, &mapping, &s, &mut |_| true).expect("not cancelled");
        if p.blocking.is_empty() {
            assert_eq!(p.people.len() + p.skipped, table.rows.len());
        }
        let plan = cluster_planner::files::import::reconcile(&s, &p);
        s.people = plan.people;
        assert_eq!(cluster_planner::model::limits::out_of_range(&s), None);
        let _ = cluster_planner::engine::compute(&s);
    }
});
