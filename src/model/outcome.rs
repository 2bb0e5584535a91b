//! What happens to a person, and what each outcome means: whether it names a post, holds
//! one, leaves the person's current role, or is an exit from the ICB. These rules live here
//! once; the engine, the checks, the import and the window all ask them.

use serde::{Deserialize, Serialize};

use super::Code;

/// What happens to a person.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Outcome {
    #[default]
    NotAffected,
    /// Slotted into a post of a single management team (post id).
    SlottedInto(Code),
    /// In a competitive ring-fenced pool for a post (post id); still employed and still
    /// costed in their current role until appointed.
    RingFencedFor(Code),
    /// Appointed to a post (post id).
    AppointedTo(Code),
    AtRisk,
    /// Found suitable alternative employment outside the management teams (another NHS
    /// body or a programme role): leaves this ICB's running cost, no redundancy cost.
    Redeployed,
    /// Moves with a function to another body: leaves this ICB, but the cost is moved, not saved.
    TransferredOut,
    /// Voluntary redundancy, costed on Section 16 terms.
    VoluntaryRedundancy,
    /// Mutually agreed resignation scheme, costed on the MARS parameters.
    Mars,
    CompulsoryRedundancy,
}

/// The outcome kinds without their post, for counts and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OutcomeKind {
    NotAffected,
    Slotted,
    RingFenced,
    Appointed,
    AtRisk,
    Redeployed,
    TransferredOut,
    VoluntaryRedundancy,
    Mars,
    CompulsoryRedundancy,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 10] = [
        OutcomeKind::NotAffected,
        OutcomeKind::Slotted,
        OutcomeKind::RingFenced,
        OutcomeKind::Appointed,
        OutcomeKind::AtRisk,
        OutcomeKind::Redeployed,
        OutcomeKind::TransferredOut,
        OutcomeKind::VoluntaryRedundancy,
        OutcomeKind::Mars,
        OutcomeKind::CompulsoryRedundancy,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            OutcomeKind::NotAffected => "Not affected",
            OutcomeKind::Slotted => "Slotted in",
            OutcomeKind::RingFenced => "Ring-fenced",
            OutcomeKind::Appointed => "Appointed",
            OutcomeKind::AtRisk => "At risk",
            OutcomeKind::Redeployed => "Redeployed",
            OutcomeKind::TransferredOut => "Transferred out",
            OutcomeKind::VoluntaryRedundancy => "Voluntary redundancy",
            OutcomeKind::Mars => "MARS",
            OutcomeKind::CompulsoryRedundancy => "Compulsory redundancy",
        }
    }

    /// Whether the outcome names a post (slotted into, ring-fenced for, appointed to).
    #[must_use]
    pub fn needs_post(self) -> bool {
        matches!(self, OutcomeKind::Slotted | OutcomeKind::RingFenced | OutcomeKind::Appointed)
    }

    /// Whether the person leaves the ICB: redeployed elsewhere, transferred out with a
    /// function, or leaving on voluntary or compulsory redundancy or MARS. Such a person is
    /// no longer someone to place in a post, and a re-import keeps them although the staff
    /// list no longer has them.
    #[must_use]
    pub fn is_exit(self) -> bool {
        matches!(
            self,
            OutcomeKind::Redeployed
                | OutcomeKind::TransferredOut
                | OutcomeKind::VoluntaryRedundancy
                | OutcomeKind::Mars
                | OutcomeKind::CompulsoryRedundancy
        )
    }

    /// Whether the exit is paid off: a redundancy (Section 16) or MARS, with a one-off cost.
    #[must_use]
    pub fn is_paid_exit(self) -> bool {
        matches!(self, OutcomeKind::VoluntaryRedundancy | OutcomeKind::Mars | OutcomeKind::CompulsoryRedundancy)
    }

    /// The outcome of this kind, with the post it names (`None` when it needs a post and
    /// none is given).
    #[must_use]
    pub fn with_post(self, post: Option<&str>) -> Option<Outcome> {
        let post = || post.map(Code::from);
        Some(match self {
            OutcomeKind::NotAffected => Outcome::NotAffected,
            OutcomeKind::Slotted => Outcome::SlottedInto(post()?),
            OutcomeKind::RingFenced => Outcome::RingFencedFor(post()?),
            OutcomeKind::Appointed => Outcome::AppointedTo(post()?),
            OutcomeKind::AtRisk => Outcome::AtRisk,
            OutcomeKind::Redeployed => Outcome::Redeployed,
            OutcomeKind::TransferredOut => Outcome::TransferredOut,
            OutcomeKind::VoluntaryRedundancy => Outcome::VoluntaryRedundancy,
            OutcomeKind::Mars => Outcome::Mars,
            OutcomeKind::CompulsoryRedundancy => Outcome::CompulsoryRedundancy,
        })
    }

    /// The key used in JSON output, e.g. `at_risk`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            OutcomeKind::NotAffected => "not_affected",
            OutcomeKind::Slotted => "slotted",
            OutcomeKind::RingFenced => "ring_fenced",
            OutcomeKind::Appointed => "appointed",
            OutcomeKind::AtRisk => "at_risk",
            OutcomeKind::Redeployed => "redeployed",
            OutcomeKind::TransferredOut => "transferred_out",
            OutcomeKind::VoluntaryRedundancy => "voluntary_redundancy",
            OutcomeKind::Mars => "mars",
            OutcomeKind::CompulsoryRedundancy => "compulsory_redundancy",
        }
    }
}

impl Outcome {
    #[must_use]
    pub fn kind(&self) -> OutcomeKind {
        match self {
            Outcome::NotAffected => OutcomeKind::NotAffected,
            Outcome::SlottedInto(_) => OutcomeKind::Slotted,
            Outcome::RingFencedFor(_) => OutcomeKind::RingFenced,
            Outcome::AppointedTo(_) => OutcomeKind::Appointed,
            Outcome::AtRisk => OutcomeKind::AtRisk,
            Outcome::Redeployed => OutcomeKind::Redeployed,
            Outcome::TransferredOut => OutcomeKind::TransferredOut,
            Outcome::VoluntaryRedundancy => OutcomeKind::VoluntaryRedundancy,
            Outcome::Mars => OutcomeKind::Mars,
            Outcome::CompulsoryRedundancy => OutcomeKind::CompulsoryRedundancy,
        }
    }

    /// The post this outcome names, if any.
    #[must_use]
    pub fn post(&self) -> Option<&str> {
        match self {
            Outcome::SlottedInto(p) | Outcome::RingFencedFor(p) | Outcome::AppointedTo(p) => Some(p),
            _ => None,
        }
    }

    /// The post the outcome names, to change in place.
    pub fn post_mut(&mut self) -> Option<&mut Code> {
        match self {
            Outcome::SlottedInto(p) | Outcome::RingFencedFor(p) | Outcome::AppointedTo(p) => Some(p),
            _ => None,
        }
    }

    /// See [`OutcomeKind::is_exit`].
    #[must_use]
    pub fn is_exit(&self) -> bool {
        self.kind().is_exit()
    }

    /// Whether the person's current role stops being costed: they hold a new post (costed
    /// through the post instead) or leave. If the post named is missing, the person stays
    /// costed (a finding says why), so money never silently disappears. Ring-fenced and at
    /// risk people are still employed and costed in their current role.
    #[must_use]
    pub fn leaves_current_role(&self, post_exists: bool) -> bool {
        match self {
            Outcome::NotAffected | Outcome::AtRisk | Outcome::RingFencedFor(_) => false,
            Outcome::SlottedInto(_) | Outcome::AppointedTo(_) => post_exists,
            _ => self.is_exit(),
        }
    }

    /// Slotted or appointed: the person now holds the post.
    #[must_use]
    pub fn holds_post(&self) -> Option<&str> {
        match self {
            Outcome::SlottedInto(p) | Outcome::AppointedTo(p) => Some(p),
            _ => None,
        }
    }
}
