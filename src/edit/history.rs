//! Undo and redo: each applied edit keeps its inverse and its label.

use super::people_at::PeopleAt;
use super::{Edit, Refused};
use crate::model::Scenario;

#[derive(Debug, Clone)]
struct Step {
    /// Unique to this step, so the state after it can be recognised (saved or not).
    id: u64,
    label: String,
    inverse: Edit,
    redo: Edit,
}

/// Undo and redo: each applied edit keeps its inverse and a label. A new edit drops the
/// redo steps. `limit` bounds memory (cluster edits keep a copy of the clusters).
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
    next_id: u64,
}

impl Default for History {
    fn default() -> Self {
        History { undo: Vec::new(), redo: Vec::new(), limit: 200, next_id: 1 }
    }
}

impl History {
    /// Applies `edit` to `s`. On success it can be undone; returns the label.
    pub fn apply(&mut self, s: &mut Scenario, edit: Edit) -> Result<String, Refused> {
        self.apply_at(s, edit, None)
    }

    /// [`History::apply`], finding the people an edit names through `at` when given.
    pub fn apply_at(&mut self, s: &mut Scenario, edit: Edit, at: Option<&PeopleAt>) -> Result<String, Refused> {
        let label = edit.label(s);
        let redo = edit.clone();
        // Outcomes and their dates hold no figure that could be out of range; most edits
        // change no person's figures, and the people need not be read again.
        let figures = !matches!(edit, Edit::SetOutcomes { .. } | Edit::SetDates { .. } | Edit::RestoreOutcomes { .. });
        let people = edit.may_change_people_figures();
        let inverse = edit.apply_at(s, at)?;
        // A figure the file could not hold (a typing error such as a £1bn salary) is refused
        // here, not at the next save.
        let out_of_range = || {
            if people {
                crate::model::limits::out_of_range(s)
            } else {
                crate::model::limits::out_of_range_but_people(s)
            }
        };
        if figures && let Some(why) = out_of_range() {
            let _ = inverse.apply(s);
            return Err(Refused(why));
        }
        let id = self.next_id;
        self.next_id += 1;
        self.undo.push(Step { id, label: label.clone(), inverse, redo });
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(label)
    }

    /// Which state the scenario is in: the last step applied (0 before any). Undoing back to
    /// a state gives its number again, so "saved" can be told from "changed".
    #[must_use]
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.id)
    }

    /// "Undo assign 3 people to Chief Finance Officer", when there is something to undo.
    #[must_use]
    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(|s| format!("Undo {}", s.label))
    }

    #[must_use]
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(|s| format!("Redo {}", s.label))
    }

    pub fn undo(&mut self, s: &mut Scenario) -> Option<String> {
        self.undo_at(s, None)
    }

    /// [`History::undo`], finding the people through `at` when given.
    pub fn undo_at(&mut self, s: &mut Scenario, at: Option<&PeopleAt>) -> Option<String> {
        let step = self.undo.pop()?;
        match step.inverse.clone().apply_at(s, at) {
            Ok(_) => {
                let label = step.label.clone();
                self.redo.push(step);
                Some(label)
            }
            Err(_) => None,
        }
    }

    pub fn redo(&mut self, s: &mut Scenario) -> Option<String> {
        self.redo_at(s, None)
    }

    /// [`History::redo`], finding the people through `at` when given.
    pub fn redo_at(&mut self, s: &mut Scenario, at: Option<&PeopleAt>) -> Option<String> {
        let step = self.redo.pop()?;
        match step.redo.clone().apply_at(s, at) {
            Ok(inverse) => {
                let label = step.label.clone();
                self.undo.push(Step { id: step.id, label: label.clone(), inverse, redo: step.redo });
                Some(label)
            }
            Err(_) => None,
        }
    }

    /// The edit Undo would apply next (the inverse of the last step).
    #[must_use]
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.inverse)
    }

    /// The edit Redo would apply next.
    #[must_use]
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.redo)
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
