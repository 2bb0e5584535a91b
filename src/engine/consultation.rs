//! Collective consultation on redundancies (TULRCA 1992 s188 and s193), per employer and
//! establishment: who is proposed for dismissal where and when, whether the duty to consult
//! and to notify the Secretary of State on form HR1 applies, by when, and what a failure
//! would risk. Not legal advice: the figures a committee checks with its HR and legal
//! advisers.
//!
//! - **Who counts**: everyone the plan proposes may be dismissed as redundant — compulsory
//!   and voluntary redundancy (volunteers are still dismissed by reason of redundancy), and
//!   the people at risk or ring-fenced, not yet placed (the duty starts with the proposal,
//!   not the decision; counting them errs towards consulting). Not MARS (a resignation),
//!   not redeployment, not a transfer with a function, not those placed in a post.
//! - **Employer**: each ICB is its own employer; a merged ICB is one employer from its merger
//!   date, so a person whose notice would be given on or after it counts there (the employer
//!   that gives notice makes the proposal).
//! - **Establishment**: the site a person is based at, read without regard to case or
//!   spaces at the ends; people with no site recorded are counted together, as one
//!   establishment of their employer (which may overstate).
//! - **When**: a person's exit date (their outcome's date; undated, the target date).
//! - **The duty**: 20 or more dismissals at one establishment within any 90 days: consult for
//!   at least 30 days before the first dismissal takes effect; 100 or more: 45 days; and no
//!   notice of dismissal before those days have run. HR1 is due by the same day, and before
//!   any notice of dismissal is given.
//! - **Notice**: each person's is the longer of their contractual notice (by band, a
//!   setting) and the statutory minimum (a week a year of service from 2 years, at most 12;
//!   one week before that: ERA 1996 s86). Their notice date is their exit date less it,
//!   unless notices are planned from a later date.
//! - **Protective award** (the risk if it went wrong): up to N days' pay for each person (the
//!   setting, 180, for dismissals from 6 April 2026; at most 90 before), a day's pay being
//!   the person's annual pay ÷ 365.

use chrono::{Days, NaiveDate};

use crate::model::money::{Pence, mul_div_round};
use crate::model::{Band, Consultation, Grade, Outcome, Person, Scenario};

/// Who employs a person at a date.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Employer {
    /// An ICB, by its code.
    Icb(String),
    /// A merged ICB, by its cluster's index (from the merger's date).
    Merged(usize),
}

/// One establishment of one employer, and what the law asks of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Establishment {
    pub employer: Employer,
    /// The employer as people name it: "QK1 Leicester, Leicestershire and Rutland", or the
    /// merged ICB's name.
    pub employer_name: String,
    /// The site; `None`: people with no site recorded.
    pub site: Option<String>,
    /// The people proposed for dismissal here (indexes into `scenario.people`), by exit date.
    pub dismissals: Vec<usize>,
    /// Of them, those decided (compulsory or voluntary redundancy); the rest are at risk or
    /// ring-fenced.
    pub decided: usize,
    /// The most dismissals in any 90 days.
    pub most_in_90_days: usize,
    /// The first and last exit of the busiest 90 days.
    pub busiest: Option<(NaiveDate, NaiveDate)>,
    /// Minimum days of consultation before the first dismissal: 0 (no duty), 30 or 45.
    pub min_days: u32,
    /// The first dismissal of those that bring the duty (20 or more within 90 days).
    pub first_dismissal: Option<NaiveDate>,
    /// The people the duty covers (in some 90 days with 20 or more), by exit date.
    pub covered: Vec<usize>,
    /// Their exit dates, aligned with `covered`.
    pub covered_exits: Vec<NaiveDate>,
    /// When each one's notice, given from the planned day, runs out (`None`: no day planned).
    pub notice_runs_out: Vec<Option<NaiveDate>>,
    /// The last day consultation may start: the minimum days before the first dismissal, and
    /// before the first notice (no notice before the minimum has run).
    pub consult_by: Option<NaiveDate>,
    /// The last day HR1 may be filed: the minimum days before the first dismissal, and
    /// before the first notice of dismissal.
    pub hr1_by: Option<NaiveDate>,
    /// The first notice of dismissal, as planned.
    pub first_notice: Option<NaiveDate>,
    /// The employer's consultation, as the plan records it.
    pub consultation: Option<Consultation>,
    /// What a protective award could reach for the people covered: days' pay × people.
    pub exposure: Pence,
    /// The days' pay a person that award is worked on (90 for dismissals before 6 April 2026).
    pub award_days: u32,
}

impl Establishment {
    /// Whether the duty to consult collectively (and to file HR1) applies.
    #[must_use]
    pub fn duty(&self) -> bool {
        self.min_days > 0
    }
}

/// The employer's name, for tables and findings.
#[must_use]
pub fn employer_name(s: &Scenario, e: &Employer) -> String {
    match e {
        Employer::Icb(code) => s
            .organisation(code)
            .map_or_else(|| code.clone(), |o| format!("{code} {}", crate::model::short_name(&o.name))),
        Employer::Merged(ci) => s.clusters.get(*ci).map_or_else(String::new, |c| {
            c.merger.as_ref().map_or_else(|| c.name.clone(), |m| format!("{} (merged ICB)", m.name))
        }),
    }
}

/// The employer's consultation as the plan records it.
#[must_use]
pub fn consultation_of<'a>(s: &'a Scenario, e: &Employer) -> Option<&'a Consultation> {
    match e {
        Employer::Icb(code) => s.organisation(code)?.consultation.as_ref(),
        Employer::Merged(ci) => s.clusters.get(*ci)?.consultation.as_ref(),
    }
}

/// Whether an outcome is a dismissal by reason of redundancy, decided.
#[must_use]
pub fn is_dismissal(o: &Outcome) -> bool {
    matches!(o, Outcome::CompulsoryRedundancy | Outcome::VoluntaryRedundancy)
}

/// Whether the plan proposes the person may be dismissed as redundant: decided, or at risk
/// or ring-fenced and not yet placed.
#[must_use]
pub fn is_proposed(o: &Outcome) -> bool {
    is_dismissal(o) || matches!(o, Outcome::AtRisk | Outcome::RingFencedFor(_))
}

/// The day from which a protective award may reach the longer period: 6 April 2026.
fn longer_award_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 6).unwrap_or_default()
}

/// A person's exit date: their outcome's date, or the target date.
#[must_use]
pub fn exit_date(s: &Scenario, p: &Person) -> NaiveDate {
    p.effective.unwrap_or(s.assumptions.target_date)
}

/// A person's notice in weeks: the longer of the contractual (by band) and the statutory.
#[must_use]
pub fn notice_weeks(s: &Scenario, p: &Person) -> u32 {
    let t = &s.assumptions.people_process;
    let contractual = match &p.grade {
        Grade::AfC(b) if *b <= Band::Band4 => t.notice_weeks_bands_1_4,
        Grade::AfC(b) if *b <= Band::Band6 => t.notice_weeks_bands_5_6,
        _ => t.notice_weeks_band_7_up,
    };
    let statutory = if p.service_years >= 2 { p.service_years.min(12) } else { 1 };
    contractual.max(statutory)
}

/// `d` plus `n` days, or the last date there is (a file may hold any date: never a panic).
#[must_use]
pub fn plus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// `d` less `n` days, or the first date there is.
#[must_use]
pub fn less(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(NaiveDate::MIN)
}

/// Days from `a` to `b` (negative when `b` is earlier).
#[must_use]
pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// A site's name without spaces at its ends (looked at only at the ends: most have none).
fn trimmed(site: &str) -> &str {
    let b = site.as_bytes();
    if b.first().is_some_and(u8::is_ascii_whitespace) || b.last().is_some_and(u8::is_ascii_whitespace) {
        site.trim()
    } else {
        site
    }
}

/// What the check needs of one person proposed for dismissal, kept small, so that the
/// check after an edit reads a compact table (a few megabytes at national scale) instead
/// of every person's whole record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposed {
    pub exit: NaiveDate,
    pub notice_weeks: u32,
    /// Annual pay (salary × WTE), for the protective award.
    pub pay: Pence,
    /// Compulsory or voluntary redundancy (decided), or at risk or ring-fenced.
    pub decided: bool,
    /// The establishment, by its place in the register's list.
    pub at: u32,
}

/// An establishment's key: a merged ICB's cluster, or the ICB's code; and the site, without
/// case or end spaces (`None`: no site recorded).
type Place = (Option<usize>, String, Option<String>);

/// The places of the last few people read into a register (their merged ICB, ICB and site
/// as written, and the place's position in the list). Staff lists come grouped by ICB, a
/// few sites each, so one of them usually serves the next person without a hash and
/// without writing the site's name in lower case.
#[derive(Debug, Default)]
pub struct Last<'s> {
    recent: [Option<Seen<'s>>; 4],
    /// Which of `recent` the next new place replaces.
    next: usize,
}

/// A place read: its merged ICB, ICB and site as written, and its position in the list.
type Seen<'s> = (Option<usize>, &'s str, Option<&'s str>, u32);

impl<'s> Last<'s> {
    fn find(&self, merged: Option<usize>, org: &str, site: Option<&str>) -> Option<u32> {
        self.recent.iter().flatten().find(|(m, o, x, _)| *m == merged && *o == org && *x == site).map(|e| e.3)
    }

    fn keep(&mut self, merged: Option<usize>, org: &'s str, site: Option<&'s str>, at: u32) {
        self.recent[self.next] = Some((merged, org, site, at));
        self.next = (self.next + 1) % self.recent.len();
    }
}

/// Every person proposed for dismissal, by place in the staff list, and the establishments
/// they are counted at. Built once for a scenario; after an edit of some people's outcomes
/// or dates only those people are read again ([`Register::update`]).
#[derive(Debug, Clone, Default)]
pub struct Register {
    pub each: Vec<Option<Proposed>>,
    /// The establishments, in the order they were first met: their key, and the site as
    /// first written.
    places: Vec<(Place, Option<String>)>,
    index: rustc_hash::FxHashMap<Place, u32>,
    /// Which ICBs merge, and from when.
    merging: rustc_hash::FxHashMap<String, (usize, NaiveDate)>,
}

/// Two registers are the same when every person is proposed (or not) alike, at the same
/// establishment: the order establishments were met in, which differs between one built at
/// once and one brought up to date, does not count.
impl PartialEq for Register {
    fn eq(&self, other: &Register) -> bool {
        let key = |r: &Register, p: &Proposed| r.places.get(p.at as usize).map(|(k, _)| k.clone());
        self.each.len() == other.each.len()
            && self.each.iter().zip(&other.each).all(|(a, b)| match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => {
                    (a.exit, a.notice_weeks, a.pay, a.decided) == (b.exit, b.notice_weeks, b.pay, b.decided)
                        && key(self, a) == key(other, b)
                }
                _ => false,
            })
    }
}

impl Eq for Register {}

impl Register {
    /// Every person of the scenario read once (in chunks on threads, for a large list).
    #[must_use]
    pub fn new(s: &Scenario) -> Register {
        let mut parts = super::parallel::fold(s.people.len(), |range| Register::of(s, range)).into_iter();
        let mut r = parts.next().unwrap_or_default();
        for part in parts {
            r.append(part);
        }
        r
    }

    /// An empty register of the scenario: nobody read yet ([`Register::push`] reads them).
    #[must_use]
    pub fn empty(s: &Scenario) -> Register {
        let mut r = Register::default();
        for (ci, c) in s.clusters.iter().enumerate() {
            if let Some(m) = &c.merger {
                for code in &c.members {
                    r.merging.entry(code.clone()).or_insert((ci, m.from));
                }
            }
        }
        r
    }

    /// The register of the people at positions `range` alone (a chunk of the staff list):
    /// [`Register::append`] joins the chunks' registers in order.
    #[must_use]
    pub fn of(s: &Scenario, range: std::ops::Range<usize>) -> Register {
        let mut r = Register::empty(s);
        r.each = Vec::with_capacity(range.len());
        // Staff lists come grouped by ICB and site: the last person's place usually serves
        // the next without a hash.
        let mut last = Last::default();
        for p in s.people.get(range).unwrap_or_default() {
            r.push(s, p, &mut last);
        }
        r
    }

    /// The next person of the staff list read into the register. `last` is the place of the
    /// person read before (start from `None`).
    pub fn push<'s>(&mut self, s: &'s Scenario, p: &'s Person, last: &mut Last<'s>) {
        let rec = self.read(s, p, last);
        self.each.push(rec);
    }

    /// The register of the next chunk of people added after these: its establishments
    /// found among these (or added, in the order it met them), its people pointed at them.
    pub fn append(&mut self, next: Register) {
        let to: Vec<u32> = next
            .places
            .into_iter()
            .map(|(key, site)| {
                if let Some(&at) = self.index.get(&key) {
                    return at;
                }
                let at = u32::try_from(self.places.len()).unwrap_or(u32::MAX);
                self.places.push((key.clone(), site));
                self.index.insert(key, at);
                at
            })
            .collect();
        self.each.extend(next.each.into_iter().map(|rec| {
            rec.map(|mut r| {
                r.at = to.get(r.at as usize).copied().unwrap_or(r.at);
                r
            })
        }));
    }

    /// After a change to the outcomes or dates of the people at `changed`: those read again.
    pub fn update(&mut self, s: &Scenario, changed: &[usize]) {
        let mut last = Last::default();
        for &i in changed {
            if let (Some(p), true) = (s.people.get(i), i < self.each.len()) {
                self.each[i] = self.read(s, p, &mut last);
            }
        }
    }

    fn read<'s>(&mut self, s: &'s Scenario, p: &'s Person, last: &mut Last<'s>) -> Option<Proposed> {
        if !is_proposed(&p.outcome) {
            return None;
        }
        let exit = exit_date(s, p);
        let weeks = notice_weeks(s, p);
        let merged = if self.merging.is_empty() {
            None
        } else {
            let notice = less(exit, u64::from(weeks) * 7);
            self.merging.get(p.org.as_str()).filter(|(_, from)| notice >= *from).map(|(ci, _)| *ci)
        };
        let org = if merged.is_some() { "" } else { p.org.as_str() };
        let site = p.site.as_deref().map(trimmed).filter(|x| !x.is_empty());
        let at = match last.find(merged, org, site) {
            Some(at) => at,
            None => {
                let key: Place = (merged, org.to_owned(), site.map(str::to_lowercase));
                let at = match self.index.get(&key) {
                    Some(&at) => at,
                    None => {
                        let at = u32::try_from(self.places.len()).unwrap_or(u32::MAX);
                        self.places.push((key.clone(), site.map(str::to_owned)));
                        self.index.insert(key, at);
                        at
                    }
                };
                last.keep(merged, org, site, at);
                at
            }
        };
        Some(Proposed {
            exit,
            notice_weeks: weeks,
            pay: p.wte.of(p.salary_pence),
            decided: is_dismissal(&p.outcome),
            at,
        })
    }

    /// Every establishment with someone proposed for dismissal, employer by employer, site
    /// by site (in the order of the employers' codes, then the sites').
    #[must_use]
    pub fn establishments(&self, s: &Scenario) -> Vec<Establishment> {
        let mut lists: Vec<Vec<(NaiveDate, usize)>> = vec![Vec::new(); self.places.len()];
        for (i, rec) in self.each.iter().enumerate() {
            if let Some(r) = rec {
                lists[r.at as usize].push((r.exit, i));
            }
        }
        let mut out: Vec<Establishment> = self
            .places
            .iter()
            .zip(lists)
            .filter(|(_, list)| !list.is_empty())
            .map(|(((merged, org, _), site), mut list)| {
                let employer = merged.map_or_else(|| Employer::Icb(org.clone()), Employer::Merged);
                establishment(s, self, employer, site.clone(), &mut list)
            })
            .collect();
        out.sort_by(|a, b| (&a.employer, &a.site).cmp(&(&b.employer, &b.site)));
        out
    }
}

/// Every establishment with someone proposed for dismissal, employer by employer, site by
/// site (in the order of the employers' codes, then the sites').
#[must_use]
pub fn establishments(s: &Scenario) -> Vec<Establishment> {
    Register::new(s).establishments(s)
}

fn establishment(
    s: &Scenario,
    reg: &Register,
    employer: Employer,
    site: Option<String>,
    list: &mut [(NaiveDate, usize)],
) -> Establishment {
    list.sort();
    let rec = |i: usize| {
        reg.each[i].unwrap_or(Proposed { exit: NaiveDate::MIN, notice_weeks: 0, pay: 0, decided: false, at: 0 })
    };
    // For each dismissal as the first of 90 days (that day and the 89 after), how many fall
    // in them; everyone in some 90 days of 20 or more is covered by the duty.
    let (mut most, mut busiest) = (0, None);
    let mut covered = vec![false; list.len()];
    let mut end = 0;
    for start in 0..list.len() {
        let last_day = plus(list[start].0, 89);
        end = end.max(start);
        while end + 1 < list.len() && list[end + 1].0 <= last_day {
            end += 1;
        }
        let n = end - start + 1;
        if n > most {
            most = n;
            busiest = Some((list[start].0, list[end].0));
        }
        if n >= 20 {
            covered[start..=end].iter_mut().for_each(|c| *c = true);
        }
    }
    let min_days = match most {
        100.. => 45,
        20.. => 30,
        _ => 0,
    };
    let covered: Vec<usize> = list.iter().zip(&covered).filter(|(_, c)| **c).map(|((_, i), _)| *i).collect();
    let consultation = consultation_of(s, &employer).cloned();
    let first_dismissal = covered.first().map(|&i| rec(i).exit);
    let notice_of = |r: Proposed| {
        let by_exit = less(r.exit, u64::from(r.notice_weeks) * 7);
        consultation.as_ref().and_then(|c| c.notices_from).map_or(by_exit, |from| from.max(by_exit))
    };
    let first_notice = covered.iter().map(|&i| notice_of(rec(i))).min();
    // Consultation runs its minimum before the first dismissal and before the first notice.
    let by_dismissal = first_dismissal.map(|d| less(d, u64::from(min_days)));
    let consult_by = by_dismissal.map(|d| first_notice.map_or(d, |n| d.min(less(n, u64::from(min_days)))));
    let hr1_by = by_dismissal.map(|d| first_notice.map_or(d, |n| d.min(less(n, 1))));
    let setting = s.assumptions.people_process.protective_award_days;
    let award_days = if first_dismissal.is_some_and(|d| d < longer_award_from()) { setting.min(90) } else { setting };
    let exposure = covered.iter().map(|&i| mul_div_round(rec(i).pay, i64::from(award_days), 365)).sum();
    let decided = list.iter().filter(|(_, i)| rec(*i).decided).count();
    // Each covered person's exit, and the day their notice given from the planned day runs
    // out (the checks read these, not the people's records).
    let covered_exits = covered.iter().map(|&i| rec(i).exit).collect();
    let notice_runs_out = covered
        .iter()
        .map(|&i| {
            consultation
                .as_ref()
                .and_then(|c| c.notices_from)
                .map(|from| plus(from, u64::from(rec(i).notice_weeks) * 7))
        })
        .collect();
    Establishment {
        employer_name: employer_name(s, &employer),
        employer,
        site,
        dismissals: list.iter().map(|(_, i)| *i).collect(),
        decided,
        most_in_90_days: most,
        busiest,
        min_days,
        first_dismissal,
        covered,
        covered_exits,
        notice_runs_out,
        consult_by,
        hr1_by,
        first_notice,
        consultation,
        exposure,
        award_days,
    }
}
