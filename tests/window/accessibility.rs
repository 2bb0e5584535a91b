//! Every control a user can reach has a name a screen reader can say. The app is walked
//! through every tab, every menu and every dialog, and each interactive node of the
//! accessibility tree (button, check box, radio button, combo box, text field, slider, drag
//! value, tab, menu item, link) must have a non-empty accessible label: its own text, or the
//! label it is tied to with `labelled_by`.

use crate::common;

use std::path::Path;

use cluster_planner::ui::{ClusterPlannerApp, Tab};
use common::{INTERACTIVE, harness};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};

/// The interactive nodes on screen with no accessible label, described by role and by the
/// nearest labelled ancestor's text (so a failure says where to look).
fn unlabelled(h: &Harness<'static, ClusterPlannerApp>, screen: &str) -> Vec<String> {
    let mut out = Vec::new();
    for node in h.query_all(By::new().predicate(|n| INTERACTIVE.contains(&n.role()) && !n.is_hidden())) {
        let n = node.accesskit_node();
        if n.label().is_some_and(|l| !l.trim().is_empty()) {
            continue;
        }
        // Where it is: the first text found among its nearest ancestors' children.
        let mut near = String::new();
        let mut up = node.parent();
        while near.is_empty() {
            let Some(p) = up else { break };
            near = p
                .children()
                .filter_map(|c| {
                    let c = c.accesskit_node();
                    if c.role() == Role::Label { c.value() } else { None }
                })
                .next()
                .unwrap_or_default();
            up = p.parent();
        }
        out.push(format!("{screen}: a {:?} (value {:?}) near \"{near}\"", n.role(), n.value()));
    }
    out
}

/// What was found on one screen: the unlabelled controls, and how many controls there were.
#[derive(Default)]
struct Found {
    missing: Vec<String>,
    checked: usize,
}

impl Found {
    fn look(&mut self, h: &Harness<'static, ClusterPlannerApp>, screen: &str) {
        self.missing.extend(unlabelled(h, screen));
        self.checked += h.query_all(By::new().predicate(|n| INTERACTIVE.contains(&n.role()))).count();
    }
}

#[test]
fn every_tab_menu_and_dialog_names_its_controls() {
    let mut h = harness(ClusterPlannerApp::with_built_in_example());
    h.run();
    let mut found = Found::default();
    for tab in Tab::ALL {
        h.state_mut().tab = tab;
        h.run();
        found.look(&h, &format!("{tab:?} tab"));
    }
    for menu in ["File", "Edit", "View"] {
        h.get_by_label(menu).click();
        h.run();
        found.look(&h, &format!("{menu} menu"));
        h.key_press(egui::Key::Escape);
        h.run();
    }
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    found.look(&h, "File ▸ Export menu");
    h.get_by_label("Spreadsheet (XLSX or CSV)…").click();
    h.run();
    assert!(h.state().export_sheet.open);
    found.look(&h, "export dialog");
    h.get_by_label("Cancel").click();
    h.run();

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    h.run();
    assert!(h.state().print.open);
    found.look(&h, "print dialog");
    h.get_by_label("Cancel").click();
    h.run();

    // The import dialog, with the ICB chosen for all rows (its combo box shows then).
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/esr-qpm-1252-semicolon.csv");
    h.state_mut().import.start(&path);
    {
        let app = h.state_mut();
        app.import.wait(&app.session.doc);
    }
    h.run();
    h.get_by_label("All rows belong to").click();
    h.run();
    {
        let app = h.state_mut();
        app.import.wait(&app.session.doc);
    }
    h.run();
    assert!(h.state().import.mapping.org.is_some());
    // The ICB combo box is named by the choice it belongs to, not only by the ICB it shows.
    h.get_by_role_and_label(Role::ComboBox, "All rows belong to");
    found.look(&h, "import dialog");

    // Hundreds of controls were looked at, and every one has a name.
    let Found { missing, checked } = found;
    assert!(checked > 200, "only {checked} controls were checked");
    assert!(missing.is_empty(), "{} controls have no accessible label:\n{}", missing.len(), missing.join("\n"));
}
