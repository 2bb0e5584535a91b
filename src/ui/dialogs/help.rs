//! Help ▸ Guide, Glossary and About: the words of `report::help` in a dialog that scrolls,
//! left with Close or Esc.

use crate::report::help;

/// Which help page is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpPage {
    Guide,
    Glossary,
    About,
}

impl HelpPage {
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            HelpPage::Guide => "Guide: the committee's loop",
            HelpPage::Glossary => "Glossary",
            HelpPage::About => "About Cluster Planner",
        }
    }
}

#[derive(Debug, Default)]
pub struct HelpView {
    pub page: Option<HelpPage>,
    /// Narrows the glossary to terms or meanings holding these words.
    pub filter: String,
}

pub fn show(ctx: &egui::Context, view: &mut HelpView) {
    let Some(page) = view.page else { return };
    let mut close = false;
    egui::Modal::new(egui::Id::unique("help")).show(ctx, |ui| {
        let screen = ctx.content_rect();
        ui.set_max_width((screen.width() - 80.0).clamp(300.0, 720.0));
        ui.heading(page.title());
        ui.add_space(4.0);
        if page == HelpPage::Glossary {
            ui.horizontal(|ui| {
                let l = ui.label("Find a term:");
                let field = egui::TextEdit::singleline(&mut view.filter)
                    .id(egui::Id::unique("glossary-find"))
                    .hint_text("e.g. MARS")
                    .desired_width(240.0);
                ui.add(field).labelled_by(l.id);
            });
        }
        let rows: Vec<(String, String)> = match page {
            HelpPage::Guide => help::GUIDE.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect(),
            HelpPage::Glossary => {
                let needle = view.filter.trim().to_lowercase();
                help::GLOSSARY
                    .iter()
                    .filter(|(t, m)| {
                        needle.is_empty() || t.to_lowercase().contains(&needle) || m.to_lowercase().contains(&needle)
                    })
                    .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                    .collect()
            }
            HelpPage::About => help::about().into_iter().map(|(a, b)| (a.to_owned(), b)).collect(),
        };
        egui::ScrollArea::vertical().max_height((screen.height() - 200.0).max(200.0)).show(ui, |ui| {
            for (head, text) in rows {
                ui.label(egui::RichText::new(head).strong());
                ui.label(text);
                ui.add_space(6.0);
            }
        });
        ui.separator();
        close = ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
    });
    if close {
        view.page = None;
    }
}
