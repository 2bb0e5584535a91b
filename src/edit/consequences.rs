//! What a destructive edit does, to whom, in words, so the window can ask first: deleting a
//! cluster, a team, or a post that people hold or are ring-fenced for.

use super::Edit;
use crate::model::{Post, Scenario};

/// A question to put before an edit that takes something away: a title, what it does
/// (a line each), and the words of the button that does it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub title: String,
    pub lines: Vec<String>,
    pub confirm: String,
    pub then: Edit,
}

/// The people whose outcomes name one of these posts: "Jade Ost (slotted in)".
fn people_of(s: &Scenario, posts: &[&Post]) -> Vec<String> {
    s.people
        .iter()
        .filter(|p| p.outcome.post().is_some_and(|id| posts.iter().any(|q| q.id == id)))
        .map(|p| {
            format!("{} ({})", p.name.clone().unwrap_or_else(|| p.id.clone()), p.outcome.kind().label().to_lowercase())
        })
        .collect()
}

/// What happens to the people of these posts, as lines to show (at most a dozen named).
fn people_lines(s: &Scenario, posts: &[&Post]) -> Vec<String> {
    let people = people_of(s, posts);
    if people.is_empty() {
        return vec!["No one holds or is ring-fenced for these posts.".into()];
    }
    let mut lines = vec![format!(
        "{} {} placed in or ring-fenced for them: {} stay costed in their current role, and the Findings list them until they are given new outcomes.",
        people.len(),
        if people.len() == 1 { "person is" } else { "people are" },
        if people.len() == 1 { "they" } else { "they all" },
    )];
    lines.extend(people.iter().take(12).map(|p| format!("• {p}")));
    if people.len() > 12 {
        lines.push(format!("… and {} more", people.len() - 12));
    }
    lines
}

/// The question to ask before `edit`, or `None` when it takes nothing away that needs one.
#[must_use]
pub fn question(s: &Scenario, edit: &Edit) -> Option<Question> {
    match edit {
        Edit::DeleteCluster { cluster } => {
            let c = s.clusters.get(*cluster)?;
            let posts: Vec<&Post> = c.teams.iter().flat_map(|t| &t.posts).collect();
            let mut lines = vec![format!(
                "Its {} teams and {} posts go; its ICBs ({}) are left in no cluster and out of the plan's scope unless chosen.",
                c.teams.len(),
                posts.len(),
                if c.members.is_empty() { "none".to_owned() } else { c.members.join(", ") }
            )];
            lines.extend(people_lines(s, &posts));
            lines.push("Edit ▸ Undo brings it all back.".into());
            Some(Question {
                title: format!("Delete the cluster \"{}\"?", c.name),
                lines,
                confirm: "Yes, delete the cluster".into(),
                then: edit.clone(),
            })
        }
        Edit::DeleteTeam { cluster, team } => {
            let t = s.clusters.get(*cluster)?.teams.get(*team)?;
            let posts: Vec<&Post> = t.posts.iter().collect();
            let mut lines = vec![format!("Its {} posts go.", posts.len())];
            lines.extend(people_lines(s, &posts));
            lines.push("Edit ▸ Undo brings it back.".into());
            Some(Question {
                title: format!("Delete the team \"{}\"?", t.name),
                lines,
                confirm: "Yes, delete the team".into(),
                then: edit.clone(),
            })
        }
        Edit::DeletePost { cluster, team, index } => {
            let p = s.clusters.get(*cluster)?.teams.get(*team)?.posts.get(*index)?;
            // A post no one is placed in or ring-fenced for goes without a question.
            if people_of(s, &[p]).is_empty() {
                return None;
            }
            let mut lines = people_lines(s, &[p]);
            lines.push("Edit ▸ Undo brings it back.".into());
            Some(Question {
                title: format!("Delete the post \"{}\" ({})?", p.title, p.id),
                lines,
                confirm: "Yes, delete the post".into(),
                then: edit.clone(),
            })
        }
        _ => None,
    }
}
