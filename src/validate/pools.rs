//! Selection pools: every candidate is in the plan, every post is one of the cluster's, and
//! each recorded result agrees with the person's outcome (ring-fenced while pending,
//! appointed to the post, at risk when not appointed or withdrawn).

use super::{Context, Findings, Severity, Subject};
use crate::model::{Outcome, Selection};

pub(super) fn check(cx: &Context<'_>, out: &mut Findings) {
    out.kind = "Selection pools";
    // The candidates' records, found in one pass over the people (only when there are pools).
    let wanted: rustc_hash::FxHashSet<&str> =
        cx.s.clusters.iter().flat_map(|c| &c.pools).flat_map(|p| &p.candidates).map(|c| c.person.as_str()).collect();
    if wanted.is_empty() && cx.s.clusters.iter().all(|c| c.pools.is_empty()) {
        return;
    }
    let mut people: rustc_hash::FxHashMap<&str, &crate::model::Person> = rustc_hash::FxHashMap::default();
    for p in &cx.s.people {
        if wanted.contains(p.id.as_str()) {
            people.entry(p.id.as_str()).or_insert(p);
        }
    }
    for c in &cx.s.clusters {
        for pool in &c.pools {
            let subject = || Subject::Cluster(c.name.clone());
            for id in pool.posts.iter().filter(|id| {
                cx.ix.post(id).is_none_or(|at| cx.s.clusters.get(at.cluster).is_none_or(|x| x.name != c.name))
            }) {
                out.push(
                    Severity::Error,
                    subject(),
                    format!("pool \"{}\": {id} is not a post of this cluster", pool.name),
                );
            }
            for cand in &pool.candidates {
                let Some(p) = people.get(cand.person.as_str()).copied() else {
                    out.push(
                        Severity::Error,
                        subject(),
                        format!("pool \"{}\": candidate {} is not in the plan", pool.name, cand.person),
                    );
                    continue;
                };
                let agrees = match &cand.result {
                    Selection::Pending => {
                        matches!(&p.outcome, Outcome::RingFencedFor(id) if pool.posts.iter().any(|p| p == id))
                    }
                    Selection::Appointed(post) => matches!(&p.outcome, Outcome::AppointedTo(id) if id == post),
                    Selection::NotAppointed | Selection::Withdrew => {
                        p.outcome.kind().is_exit() || p.outcome == Outcome::AtRisk
                    }
                };
                if !agrees {
                    out.push(
                        Severity::Warning,
                        Subject::Person(p.id.clone()),
                        format!(
                            "pool \"{}\" records them as {}, but their outcome is {}",
                            pool.name,
                            cand.result.label(),
                            p.outcome.kind().label().to_lowercase()
                        ),
                    );
                }
            }
            // Each post of the pool goes to one person at most, and only the pool's posts.
            let mut taken: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
            for cand in &pool.candidates {
                if let Selection::Appointed(post) = &cand.result {
                    if !pool.posts.contains(post) {
                        out.push(
                            Severity::Error,
                            subject(),
                            format!(
                                "pool \"{}\": {} is recorded as appointed to {post}, which is not one of its posts",
                                pool.name, cand.person
                            ),
                        );
                    }
                    *taken.entry(post.as_str()).or_default() += 1;
                }
            }
            for (post, n) in taken.iter().filter(|(_, n)| **n > 1) {
                out.push(
                    Severity::Error,
                    subject(),
                    format!("pool \"{}\": {n} candidates are recorded as appointed to the one post {post}", pool.name),
                );
            }
            let (n, m) = (pool.candidates.len(), pool.posts.len());
            if n > m {
                let pending = pool.candidates.iter().filter(|c| c.result == Selection::Pending).count();
                out.push(
                    Severity::Info,
                    subject(),
                    format!(
                        "pool \"{}\": {n} candidates for {m} posts (competitive), {pending} still to decide",
                        pool.name
                    ),
                );
            }
        }
    }
}
