//! Small widgets the tabs share.

use chrono::{Datelike, NaiveDate};

/// egui_extras' date picker on one of the app's dates (chrono's, where the picker's are
/// jiff's). Changes `date` when the user picks another day.
pub fn date_picker(ui: &mut egui::Ui, id: &str, date: &mut NaiveDate) -> egui::Response {
    let to_jiff = |d: NaiveDate| {
        let (y, m, day) = (d.year(), d.month(), d.day());
        jiff::civil::Date::new(
            i16::try_from(y).unwrap_or(2025),
            i8::try_from(m).unwrap_or(1),
            i8::try_from(day).unwrap_or(1),
        )
        .unwrap_or_default()
    };
    let mut picked = to_jiff(*date);
    // No calendar icon: its emoji is in no bundled font (it would draw as a box).
    let r = ui.add(
        egui_extras::DatePickerButton::new(&mut picked)
            .id_salt(id)
            .calendar_week(false)
            .show_icon(false)
            .format("%-d %B %Y")
            .start_end_years(2024..=2032),
    );
    let chosen = NaiveDate::from_ymd_opt(
        i32::from(picked.year()),
        u32::try_from(picked.month()).unwrap_or(1),
        u32::try_from(picked.day()).unwrap_or(1),
    );
    if let Some(d) = chosen
        && d != *date
    {
        *date = d;
    }
    r
}

/// A one-line form: a label, a text field and a button. Returns the text, trimmed, when the
/// button is clicked or Enter is pressed in the field with something typed (and clears it).
pub fn one_line_form(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    width: f32,
    text: &mut String,
    (button, hover): (&str, &str),
) -> Option<String> {
    let l = ui.label(label);
    let field = ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(width)).labelled_by(l.id);
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let clicked = ui.button(button).on_hover_text(hover).clicked();
    ((clicked || enter) && !text.trim().is_empty()).then(|| std::mem::take(text).trim().to_owned())
}

/// A table or grid wider than a laptop's screen scrolls sideways (scroll bar, or the wheel
/// with Shift), so no column is out of reach; the content keeps the full height.
pub fn sideways<R>(ui: &mut egui::Ui, id: &str, content: impl FnOnce(&mut egui::Ui) -> R) -> R {
    // With the app's solid scroll bars, the bar shows whenever there are columns past the
    // edge, so they are seen to be there.
    egui::ScrollArea::horizontal().id_salt(id).auto_shrink([false, false]).show(ui, content).inner
}
