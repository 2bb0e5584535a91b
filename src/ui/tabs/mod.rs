//! One file per tab. Each draws from the document and pushes commands; none changes the
//! scenario itself.

pub mod assumptions;
pub mod clusters;
pub mod consultation;
pub mod findings;
pub mod functions;
pub mod icbs;
pub mod overview;
pub mod people;
pub mod pools;
pub mod teams;

/// The tabs of the window, in their order on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Icbs,
    Clusters,
    Teams,
    People,
    Consultation,
    Functions,
    Assumptions,
    Findings,
}

impl Tab {
    pub const ALL: [Tab; 9] = [
        Tab::Overview,
        Tab::Icbs,
        Tab::Clusters,
        Tab::Teams,
        Tab::People,
        Tab::Consultation,
        Tab::Functions,
        Tab::Assumptions,
        Tab::Findings,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Icbs => "ICBs",
            Tab::Clusters => "Clusters",
            Tab::Teams => "Teams",
            Tab::People => "People",
            Tab::Consultation => "Consultation",
            Tab::Functions => "Functions",
            Tab::Findings => "Findings",
            Tab::Assumptions => "Assumptions",
        }
    }

    /// The tab with this label, in any case (`--tab teams`).
    #[must_use]
    pub fn by_label(label: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.label().eq_ignore_ascii_case(label))
    }
}
