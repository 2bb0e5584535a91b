//! The Findings tab: every validation finding, grouped by what it checks, with counts;
//! filtered by severity and by a search; a click goes to what a finding is about.

use crate::edit::Document;
use crate::ui::command::{Command, Commands};
use crate::validate::{Finding, Severity};

/// A group of findings of one kind: its name and the findings' places in the list.
type Group = (&'static str, Vec<usize>);

#[derive(Debug)]
pub struct FindingsView {
    pub search: String,
    /// Which severities to show: errors, warnings, notes.
    pub show: [bool; 3],
    /// The groups for (document revision, search, severities), worked out once per change.
    groups: Vec<Group>,
    key: Option<(u64, String, [bool; 3])>,
}

impl Default for FindingsView {
    fn default() -> Self {
        FindingsView { search: String::new(), show: [true; 3], groups: Vec::new(), key: None }
    }
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn matches(f: &Finding, needle: &str) -> bool {
    needle.is_empty()
        || f.message.to_lowercase().contains(needle)
        || f.subject.to_string().to_lowercase().contains(needle)
        || f.kind.to_lowercase().contains(needle)
}

impl FindingsView {
    fn refresh(&mut self, doc: &Document) {
        let key = (doc.revision, self.search.clone(), self.show);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let needle = self.search.trim().to_lowercase();
        // Groups in the order their first finding comes (errors first, as the list is).
        let mut groups: Vec<Group> = Vec::new();
        for (i, f) in doc.findings().iter().enumerate() {
            if !self.show[severity_index(f.severity)] || !matches(f, &needle) {
                continue;
            }
            match groups.iter_mut().find(|(k, _)| *k == f.kind) {
                Some((_, list)) => list.push(i),
                None => groups.push((f.kind, vec![i])),
            }
        }
        self.groups = groups;
        self.key = Some(key);
    }
}

pub fn show(ui: &mut egui::Ui, doc: &Document, view: &mut FindingsView, cmds: &mut Commands) {
    ui.heading("Findings");
    if doc.findings().is_empty() {
        ui.label("No findings: the scenario is consistent.");
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(doc.counts_text());
        ui.separator();
        for (i, what) in ["Errors", "Warnings", "Notes"].into_iter().enumerate() {
            ui.checkbox(&mut view.show[i], what).on_hover_text(format!("Show the {}", what.to_lowercase()));
        }
        ui.separator();
        let l = ui.label("Search:");
        ui.add(
            egui::TextEdit::singleline(&mut view.search).hint_text("person, post, ICB, words…").desired_width(220.0),
        )
        .labelled_by(l.id)
        .on_hover_text("Shows the findings whose text, subject or kind contains this");
    });
    view.refresh(doc);
    ui.label("Grouped by what they check. Click a finding to go to what it is about.");
    if view.groups.is_empty() {
        ui.label("No finding matches.");
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (gi, (kind, list)) in view.groups.iter().enumerate() {
            let title = format!("{kind} — {}", group_counts(doc, list));
            // The first group and small ones open; large ones (thousands of notes) closed until
            // asked for.
            let open = gi == 0 || list.len() <= 20;
            egui::CollapsingHeader::new(title).id_salt(("findings", *kind)).default_open(open).show(ui, |ui| {
                let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
                egui::ScrollArea::vertical().id_salt(("findings-list", *kind)).max_height(320.0).show_rows(
                    ui,
                    row_h,
                    list.len(),
                    |ui, range| {
                        for i in &list[range] {
                            finding_row(ui, &doc.findings()[*i], cmds);
                        }
                    },
                );
            });
        }
    });
}

/// "2 errors, 1 note", "3,668 notes": a group's findings by severity, leaving out none.
fn group_counts(doc: &Document, list: &[usize]) -> String {
    let mut n = [0_usize; 3];
    for i in list {
        n[severity_index(doc.findings()[*i].severity)] += 1;
    }
    let names = [("error", "errors"), ("warning", "warnings"), ("note", "notes")];
    let parts: Vec<String> = n
        .iter()
        .zip(names)
        .filter(|(k, _)| **k > 0)
        .map(|(k, (one, many))| {
            format!("{} {}", crate::model::money::format_count(*k), if *k == 1 { one } else { many })
        })
        .collect();
    parts.join(", ")
}

fn finding_row(ui: &mut egui::Ui, f: &Finding, cmds: &mut Commands) {
    let color = match f.severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Info => ui.visuals().weak_text_color(),
    };
    ui.horizontal(|ui| {
        ui.colored_label(color, f.severity.label());
        let text = format!("{}: {}", f.subject, f.message);
        if ui.add(egui::Link::new(&text)).on_hover_text(&text).clicked() {
            cmds.push(Command::Select(f.subject.clone()));
        }
    });
}
