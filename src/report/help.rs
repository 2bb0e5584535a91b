//! The words the app explains itself in: the committee's loop (Help ▸ Guide), the glossary
//! (Help ▸ Glossary; tooltips use these same words, through [`meaning`]), and About. Plain
//! data, no egui: the window shows it and a test holds it to the terms the issue names.

/// The committee's loop, step by step: (step, where and how).
pub const GUIDE: &[(&str, &str)] = &[
    (
        "1. Start a plan",
        "File ▸ New asks for the year: 2025/26 (the 42 ICBs) or 2026/27 to 2028/29 (the 36 ICBs from 1 April 2026), and whether targets use the registered or weighted population. Or open a scenario file with File ▸ Open; File ▸ Move to the 2026/27 map… takes a 2025/26 plan onto the 36 ICBs. Give it a name and notes on the Assumptions tab.",
    ),
    (
        "2. Build the clusters",
        "On the Clusters tab, type a name in New cluster and press Enter, then drag ICBs onto it (or use Add to cluster…). Choose how shared posts are split: by population, equally or by custom percentages. Make a merged ICB… makes the cluster one body from a date (NHS England proposed 1 April 2027).",
    ),
    (
        "3. Check each ICB's figures",
        "On the ICBs tab, type each ICB's population, baseline and planned non-pay; set an explicit target only where the board has one, with its reason. Only ICBs in scope count in the totals.",
    ),
    (
        "4. Design the teams",
        "On the Teams tab, add the single management teams of a cluster, then their posts: title, pay (Agenda for Change band and point, VSM or a salary), WTE and host ICB.",
    ),
    (
        "5. Bring in the people",
        "File ▸ Import people… reads a staff list (ESR or finance extract: CSV, Excel or OpenDocument). Map its columns once; the mapping can be kept for next time.",
    ),
    (
        "6. Decide each person's outcome, with dates",
        "On the People tab, select people (search, then Select all shown) and Set outcome: slotted in, ring-fenced, at risk, redeployed, transferred out, voluntary or compulsory redundancy, MARS; with the date it takes effect. Or drag a person onto a post's Held by on the Teams tab.",
    ),
    (
        "7. Read the result",
        "The Overview shows running cost against target: still to save, surplus (never netted), one-off costs and payback; the charts and the run-rate to the target date. The Findings tab lists what needs attention; click one to go to it.",
    ),
    (
        "8. Take it to the board",
        "File ▸ Print… or File ▸ Export ▸ Board pack (PDF) makes the board pack; Export ▸ Spreadsheet gives the figures for Excel. Save (Ctrl+S, Cmd+S on a Mac) keeps the plan in one scenario file.",
    ),
];

/// The glossary: (term, meaning), in the order a committee meets them.
pub const GLOSSARY: &[(&str, &str)] = &[
    (
        "Running cost envelope",
        "The most an ICB may spend on running costs: £18.76 per head of population by the end of Q3 2025/26 (Model ICB Blueprint, May 2025). A setting on the Assumptions tab.",
    ),
    (
        "Target",
        "An ICB's population × the envelope, unless the ICB has an explicit target. A cluster's target is the sum of its ICBs' targets.",
    ),
    (
        "Explicit target",
        "A target set by hand (for example a board's published figure) in place of population × envelope; marked † and shown with its reason wherever it is used.",
    ),
    ("Baseline", "Running cost before the change: pay of everyone in post with on-costs, plus non-pay."),
    (
        "Planned",
        "Running cost after the plan: the posts kept and people still in post, with on-costs, plus planned non-pay.",
    ),
    ("Still to save", crate::report::style::STILL_TO_SAVE),
    ("Surplus, not netted", crate::report::style::SURPLUS),
    (
        "Moved, not saved",
        "Cost that transfers out with a function (to providers, a region or national teams): it leaves the ICB's running cost but is not a saving to the public purse.",
    ),
    (
        "Cluster",
        "ICBs that stay separate statutory bodies, with their own allocations, but share a chair, a chief executive and single management teams.",
    ),
    (
        "Single management team",
        "One team serving every ICB of a cluster, its cost split between them by the apportionment.",
    ),
    (
        "Apportionment",
        "How a shared post's cost is split between a cluster's ICBs: by population, equally, or by custom percentages adding to 100.",
    ),
    (
        "Merged ICB",
        "A cluster's ICBs become one statutory body from a date (NHS England proposed 1 April 2027, at least 1.5 million people): one board, one allocation, one target on the combined population, one employer. Its staff transfer to it by statute: not a redundancy, no cost. Its surplus in one part meets its shortfall in another; its shared posts need no split.",
    ),
    (
        "Weighted population",
        "The population adjusted for need (age, deprivation, health), as NHS England used for configuration decisions. The envelope per head applies to the registered population unless the Assumptions say weighted.",
    ),
    (
        "Registered population",
        "People registered with the ICB's GP practices: the 2025/26 basis of the envelope per head.",
    ),
    ("Not affected", "Stays in their current role; the change does not touch their job."),
    ("Slotted in", "Matched to a post in the new structure that is the same or nearly the same as their current job."),
    (
        "Ring-fenced",
        "In a pool of candidates with first call on a set of new posts, ahead of anyone else; more candidates than posts means selection.",
    ),
    ("Appointed", "Won a post in the new structure through selection (from a ring-fenced pool or by competition)."),
    ("At risk", "Their post is going and they are not yet matched to a new one: at risk of redundancy."),
    (
        "Redeployed",
        "Moved to a suitable post outside the plan's structure (another NHS body); they leave the ICB's cost.",
    ),
    (
        "Transferred out",
        "Moves with a function to another employer (TUPE or a similar transfer); their cost is moved, not saved.",
    ),
    (
        "Voluntary redundancy",
        "Leaves by agreement with Section 16 redundancy pay; a one-off cost, and the post's cost stops.",
    ),
    ("Compulsory redundancy", "Dismissed by reason of redundancy after consultation, with Section 16 redundancy pay."),
    (
        "MARS",
        "Mutually agreed resignation scheme: a local scheme paying months of pay for each year of service, up to a limit and a salary cap, agreed between the person and the employer. Not a redundancy; its terms are settings on the Assumptions tab.",
    ),
    (
        "Section 16",
        "Section 16 of the Agenda for Change handbook: NHS redundancy pay, a month's pay for each complete year of reckonable service (at least 2 years, at most 24 months), pay between a floor and a cap. Set on the Assumptions tab.",
    ),
    ("WTE", "Whole-time equivalent: 1.00 is full time (37.5 hours a week)."),
    (
        "On-costs",
        "Employer National Insurance, the employer's pension contribution paid locally, and the apprenticeship levy.",
    ),
    ("One-off costs", "Redundancy and MARS payments, paid once."),
    (
        "Net recurrent saving",
        "Baseline − planned, less the cost moved out with functions: what the public purse saves each year.",
    ),
    (
        "Payback",
        "One-off costs ÷ the net recurrent saving a month, rounded up: the months until the saving has paid for the exits.",
    ),
    ("In scope", "ICBs in a cluster, or ticked on the ICBs tab: the headline and totals cover these, and only these."),
    (
        "Collective consultation",
        "Proposing 20 or more redundancies at one establishment within 90 days: consult representatives for at least 30 days before the first dismissal, 45 from 100 (TULRCA 1992 s188). Each ICB is its own employer; a merged ICB is one from its date. Voluntary redundancy counts; MARS does not.",
    ),
    (
        "Establishment",
        "The site where an employee is assigned to work: each site is counted on its own for collective consultation.",
    ),
    (
        "HR1",
        "The form that notifies the Secretary of State (Insolvency Service) of proposed redundancies: before any notice of dismissal, and at least 30 (or 45) days before the first dismissal. Failing to file is an offence.",
    ),
    (
        "Protective award",
        "What a tribunal may award each employee when an employer fails to consult: up to 180 days' pay from 6 April 2026 (90 before). Shown as a risk, not a cost.",
    ),
    (
        "Selection pool",
        "A set of posts and the people ring-fenced for them. More people than posts: competitive slot-in. Those not appointed, or who withdraw, are at risk.",
    ),
    (
        "Suitable alternative employment",
        "A post offered to someone at risk that suits them. Unreasonably refusing it ends their redundancy payment (AfC Section 16).",
    ),
    (
        "Pay protection",
        "A person placed in a lower-paid post keeps the difference for the months the local policy sets, in full or stepping down. Its own cost line while it lasts.",
    ),
    (
        "Options appraisal",
        "Options compared with business as usual (HM Treasury Green Book): the net recurrent saving, one-off costs, payback and the net present value over 10 years at 3.5%.",
    ),
];

/// The meaning of a glossary term (any case), for tooltips in the glossary's words.
#[must_use]
pub fn meaning(term: &str) -> &'static str {
    GLOSSARY.iter().find(|(t, _)| t.eq_ignore_ascii_case(term)).map_or("", |(_, m)| *m)
}

/// About Cluster Planner: (heading, text).
#[must_use]
pub fn about() -> Vec<(&'static str, String)> {
    vec![
        ("Version", env!("CARGO_PKG_VERSION").to_owned()),
        ("Licence", format!("{} — free to use, change and share.", env!("CARGO_PKG_LICENSE"))),
        (
            "What it is for",
            "Planning ICB clusters and mergers: single management teams, what happens to each person, and running cost against the envelope, for a transition committee and its board. It works offline; nothing leaves this computer.".to_owned(),
        ),
        (
            "Data",
            "The 42 ICBs of 2022–2026 with 2025/26 allocation populations and running cost allowances (NHS England 2025/26 allocations); the 26 leadership teams of 2025/26 (Written Ministerial Statement 9 Sep 2025; NHS Confed, ICB clusters and mergers, 6 Oct 2025); the 36 ICBs from 1 April 2026 with registered and weighted populations for 2026/27 and registered for 2027/28 and 2028/29 (NHS England ODS change summary, 6 Nov 2025; NHS England place-based allocation tool 2026/27–2028/29); the Model ICB Blueprint's functions (May 2025). Pay: Agenda for Change 2025/26; on-costs from gov.uk, NHSBSA and HMRC. Every figure is dated and editable on the Assumptions tab.".to_owned(),
        ),
        (
            "Fonts",
            "DejaVu Sans (free licence, in assets/fonts), embedded in every PDF and image so they look the same everywhere.".to_owned(),
        ),
        ("Not advice", "The figures are a plan's arithmetic, not financial, HR or legal advice.".to_owned()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glossary_has_the_terms_a_committee_asks_about() {
        for term in [
            "slotted in",
            "ring-fenced",
            "at risk",
            "redeployed",
            "MARS",
            "moved, not saved",
            "explicit target",
            "running cost envelope",
            "apportionment",
            "section 16",
            "HR1",
            "protective award",
            "establishment",
            "pay protection",
            "selection pool",
            "suitable alternative employment",
        ] {
            assert!(!meaning(term).is_empty(), "{term} is in the glossary");
        }
        assert_eq!(meaning("no such term"), "");
    }
}
