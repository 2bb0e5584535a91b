//! Options appraisal: two options against business as usual, every figure worked by hand.

use cluster_planner::appraisal::{Candidate, Comparison, Role, business_as_usual};
use cluster_planner::model::{Outcome, Scenario};

use crate::years_and_mergers::{org, two_icbs};

/// A (1,000,000 people; non-pay £20m, planned £17m) and B (600,000; £13m, £12.5m) share a
/// £100,000 chief executive (`years_and_mergers::two_icbs`). One person of A, paid £50,000
/// with 10 years' service, either takes voluntary redundancy (option "VR") or is slotted
/// into the new post ("slot in").
fn option(outcome: Outcome) -> Scenario {
    let mut s = two_icbs(None);
    s.people = vec![crate::engine::person("1", "AAA", 50_000, 10, outcome)];
    s
}

/// The two options, "VR" and "slot in", against the business as usual of the first.
fn vr_or_slot_in() -> Comparison {
    let vr = option(Outcome::VoluntaryRedundancy);
    let slot = option(Outcome::SlottedInto("CEO".into()));
    let bau = Candidate::new("BAU", Role::BusinessAsUsual, business_as_usual(&vr));
    Comparison::new(
        bau,
        vec![Candidate::new("VR", Role::Alternative, vr), Candidate::new("slot in", Role::Preferred, slot)],
    )
}

/// Worked by hand (envelope £18.76; 10 years at 3.5%):
/// - the person costs £50,000 + NI 15% of £45,000 (£6,750) + pension 14.38% (£7,190) + levy
///   0.5% (£250) = £64,190 a year; the post £129,130 (as in years_and_mergers).
/// - business as usual: everyone in post, non-pay unchanged: £20m + £13m + £64,190 =
///   £33,064,190, planned = baseline; nothing to pay once.
/// - "VR": plans £17m + £12.5m + £129,130 = £29,629,130, so saves £3,435,060 a year; the
///   redundancy pay is 10 months at 4.35 weeks' pay, £50,000 ÷ 52 × 4.35 × 10 =
///   £41,826.92. NPV: £3,435,060 ÷ 1.035 = £3,318,898.55 in year 1, … ÷ 1.035^10 =
///   £2,435,178.66 in year 10; the ten £28,568,038.28, less £41,826.92 = £28,526,211.36.
///   Payback: £41,826.92 × 12 ÷ £3,435,060 = 0.15 → 1 month.
/// - "slot in": the same planned cost and saving, nothing to pay once, so its NPV is the
///   full £28,568,038.28 and it is £41,826.92 better.
/// - the waterfall of "VR": £33,064,190 − £0 (same baseline) − £0 (no one placed) +
///   £129,130 (the post) − £3,500,000 (non-pay) − £64,190 (the person leaving) =
///   £29,629,130; of "slot in": − £64,190 as a role of a person placed, nothing leaving.
#[test]
fn two_options_against_business_as_usual_worked_by_hand() {
    let c = vr_or_slot_in();
    assert!(c.coverage.same());
    assert_eq!((c.years, c.rate.0), (10, 350));

    let base = c.appraise(&c.base);
    assert_eq!(base.line.planned, 3_306_419_000);
    assert_eq!(base.line.baseline, 3_306_419_000);
    assert_eq!((base.net_saving, base.one_off, base.npv), (0, 0, 0));

    let a = c.appraise(&c.options[0]);
    assert_eq!(a.line.planned, 2_962_913_000);
    assert_eq!(a.net_saving, 343_506_000);
    assert_eq!(a.one_off, 4_182_692);
    assert_eq!(a.npv, 2_856_803_828 - 4_182_692);
    assert_eq!(a.payback_months, Some(1));
    let w = a.waterfall;
    assert_eq!(
        (w.base, w.other_baseline, w.roles_of_people_placed, w.posts_added, w.non_pay, w.people_leaving, w.option),
        (3_306_419_000, 0, 0, 12_913_000, -350_000_000, -6_419_000, 2_962_913_000)
    );
    let steps: i64 = w.steps().iter().map(|(_, v)| v).sum();
    assert_eq!(w.base + steps, w.option, "the steps add up to the option's cost");

    let b = c.appraise(&c.options[1]);
    assert_eq!(b.line.planned, 2_962_913_000);
    assert_eq!(b.net_saving, 343_506_000);
    assert_eq!((b.one_off, b.npv), (0, 2_856_803_828));
    assert_eq!(b.npv - a.npv, 4_182_692);
    assert_eq!((b.waterfall.roles_of_people_placed, b.waterfall.people_leaving), (-6_419_000, 0));

    // The JSON gives the same figures, with the differences from the base.
    let v = cluster_planner::report::comparison_json(&c);
    let vr = &v["options"][0];
    assert_eq!(vr["npv_pence"], 2_852_621_136_i64);
    assert_eq!(vr["delta_planned_pence"], -343_506_000_i64);
    assert_eq!(vr["delta_one_off_pence"], 4_182_692);
    assert_eq!(vr["summary"]["totals"]["planned_pence"], 2_962_913_000_i64);
    assert_eq!(v["discount_rate_bp"], 350);
}

/// Options that cover different ICBs are compared on the ICBs common to all, and the
/// comparison says which are not common.
#[test]
fn options_over_different_icbs_are_compared_on_the_common_part() {
    let a = option(Outcome::NotAffected);
    let mut b = option(Outcome::NotAffected);
    let mut extra = org("CCC", 500_000, 1_000_000_000, 900_000_000);
    extra.in_scope = true;
    b.organisations.push(extra);
    let base = Candidate::new("BAU", Role::BusinessAsUsual, business_as_usual(&a));
    let c = Comparison::new(
        base,
        vec![Candidate::new("A", Role::Preferred, a), Candidate::new("A + C", Role::Alternative, b)],
    );
    assert!(!c.coverage.same());
    assert_eq!(c.coverage.common, ["AAA", "BBB"]);
    assert!(c.coverage.only_in.iter().any(|(n, codes)| n == "A + C" && codes == &["CCC".to_owned()]));
    // On the common part, A + C plans what A plans: C's £9m is left out.
    assert_eq!(c.appraise(&c.options[0]).line.planned, c.appraise(&c.options[1]).line.planned);
}

/// The grid's rows carry the base and each option, say which option is best where there is
/// a better way, and tell the rows that differ from those that do not.
#[test]
fn the_grid_marks_the_best_option_and_the_rows_that_differ() {
    let c = vr_or_slot_in();
    let rows = c.rows();
    let row = |group: &str, label: &str| rows.iter().find(|r| r.group == group && r.label.starts_with(label)).unwrap();
    // NPV: £28,526,211.36 for VR, £28,568,038.28 for slot in: slot in (column 2) is best.
    let npv = row("Totals", "Net present value (10 years at 3.5%)");
    assert_eq!(npv.values, vec![Some(0), Some(2_852_621_136), Some(2_856_803_828)]);
    assert_eq!(npv.best(), Some(2));
    // Redundancy: £41,826.92 against nothing: slot in is best (lower).
    assert_eq!(row("Totals", "One-off: redundancy").best(), Some(2));
    // The two options plan the same cost: no best, though both differ from the base.
    let planned = row("Totals", "Planned running cost");
    assert!(planned.differs());
    assert_eq!(planned.best(), None);
    // The baseline is the same everywhere: a row that does not differ.
    assert!(!row("Totals", "Baseline").differs());
    // People: one voluntary redundancy in VR, one slotted in slot in.
    assert_eq!(row("People by outcome", "Voluntary redundancy: headcount").values, vec![Some(0), Some(1), Some(0)]);
    assert_eq!(row("People by outcome", "Slotted in: headcount").values, vec![Some(0), Some(0), Some(1)]);
    // Posts: business as usual has no single management team; each option one post.
    assert_eq!(row("Posts by band", "Other salary").values, vec![Some(0), Some(1), Some(1)]);
}

/// What changed, worked by hand on the two options of `vr_or_slot_in`:
/// - from business as usual to "VR": the team "A + B · Executive" (1 post) added; the post
///   CEO added at £129,130 a year; the person "Not affected → Voluntary redundancy", their
///   role's £64,190 a year taken out and £41,826.92 paid once; A's planned non-pay set to
///   £17m (−£3m a year) and B's to £12.5m (−£500,000). The groups' costs add up to what VR
///   plans less what business as usual plans: £129,130 − £64,190 − £3,500,000 =
///   −£3,435,060, the net saving.
/// - from "VR" to "slot in": one person "Voluntary redundancy → Slotted in": no change a
///   year (out of their role either way; the post is costed whoever holds it) and
///   −£41,826.92 once.
#[test]
fn what_changed_between_two_options_worked_by_hand() {
    use cluster_planner::edit::diff::{Section, changes};
    let c = vr_or_slot_in();
    let (bau, vr, slot) = (&c.base, &c.options[0], &c.options[1]);
    let list = changes(&bau.scenario, &bau.summary, &vr.scenario, &vr.summary);
    let group =
        |title: &str| list.groups.iter().find(|g| g.title == title).unwrap_or_else(|| panic!("{title}: {list:#?}"));
    assert_eq!(group("Teams added").items[0].what, "A + B · Executive");
    assert_eq!(group("Teams added").items[0].to, "1 post");
    let post = group("Posts added");
    assert_eq!((post.section, post.items.len(), post.cost()), (Section::Posts, 1, Some(12_913_000)));
    assert_eq!(post.items[0].what, "CEO Chief executive");
    let vr_group = group("Not affected → Voluntary redundancy");
    assert_eq!(vr_group.items.len(), 1);
    assert_eq!((vr_group.cost(), vr_group.one_off()), (Some(-6_419_000), Some(4_182_692)));
    let icbs = group("ICBs' own figures");
    assert_eq!(icbs.items.iter().map(|i| i.cost).collect::<Vec<_>>(), [Some(-300_000_000), Some(-50_000_000)]);
    assert_eq!(icbs.items[0].from, "not set");
    assert_eq!(icbs.items[0].to, "£17,000,000");
    let a_year: i64 = list.groups.iter().filter_map(|g| g.cost()).sum();
    assert_eq!(a_year, -343_506_000, "the groups add up to the net saving");
    // Nothing else: no cluster, function or assumption changed.
    assert!(list.groups.iter().all(|g| !matches!(g.section, Section::Clusters | Section::Assumptions)));

    let list = changes(&vr.scenario, &vr.summary, &slot.scenario, &slot.summary);
    assert_eq!(list.groups.len(), 1, "{list:#?}");
    let g = &list.groups[0];
    assert_eq!(g.title, "Voluntary redundancy → Slotted in");
    assert_eq!(g.items[0].to, "Slotted in: CEO Chief executive");
    assert_eq!((g.cost(), g.one_off()), (Some(0), Some(-4_182_692)));

    // As a sheet (the CSV the window exports): a row per change, money to the penny.
    let sheet = cluster_planner::appraisal::export::changes_sheet(&[("VR", "slot in", &list)]);
    let csv = String::from_utf8(cluster_planner::files::workbook::sheet_csv(&sheet)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].starts_with("VR,slot in,People,Voluntary redundancy → Slotted in,1 Person 1,"), "{csv}");
    assert!(lines[1].ends_with(",0.00,-41826.92"), "{csv}");
}

/// A change to an assumption, a cluster's split and a function is listed with what it was
/// and what it is.
#[test]
fn assumptions_splits_and_functions_are_listed_as_they_change() {
    use cluster_planner::edit::diff::changes;
    use cluster_planner::engine::compute;
    use cluster_planner::model::{Apportionment, Disposition, Function, money::Rate};
    let a = option(Outcome::NotAffected);
    let mut b = a.clone();
    b.assumptions.discount_rate = Rate(150);
    b.clusters[0].apportionment = Apportionment::Equal;
    b.functions.push(Function {
        name: "Estates".into(),
        disposition: Disposition::TransferToRegion,
        date: None,
        notes: String::new(),
    });
    let list = changes(&a, &compute(&a), &b, &compute(&b));
    let titles: Vec<&str> = list.groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles, ["Shared posts split differently", "What happens to functions", "Assumptions"]);
    assert_eq!(
        (list.groups[0].items[0].from.as_str(), list.groups[0].items[0].to.as_str()),
        ("by population", "equal shares")
    );
    let rate = &list.groups[2].items[0];
    assert_eq!(
        (rate.what.as_str(), rate.from.as_str(), rate.to.as_str()),
        ("Options appraisal: discount rate", "3.5%", "1.5%")
    );
}

/// The board pack made from a comparison has its Options section after the cover: the
/// grid with the best option starred, a waterfall for each option with its legend, the net
/// present value year by year, and what changed.
#[test]
fn the_board_pack_carries_the_options_section() {
    use cluster_planner::report::pack::{PackOptions, board_pack_pages, board_pack_with_options_pages};
    let c = vr_or_slot_in();
    let first = &c.options[0];
    let o = PackOptions::new("vr.ron");
    let plain = board_pack_pages(&first.scenario, &first.summary, &o);
    let pages = board_pack_with_options_pages(&first.scenario, &first.summary, &o, &c);
    let text = |p: &str| p.to_owned();
    let at = |needle: &str| pages.iter().position(|p| text(p).contains(needle)).unwrap_or_else(|| panic!("{needle}"));
    assert_eq!(at("Options appraisal: the options side by side"), 1, "straight after the cover");
    // The grid: NPV £28,526,211 for VR and ★ £28,568,038 for slot in.
    let grid = &pages[1];
    assert!(grid.contains("£28,526,211") && grid.contains("★ £28,568,038"), "{grid}");
    let steps = &pages[at("from the base&apos;s cost to each option&apos;s")];
    assert!(
        steps.contains("A step that takes cost out") && steps.contains("−£3,500,000") && steps.contains("£29,629,130")
    );
    let npv = &pages[at("net present value year by year")];
    assert!(npv.contains("0.966184") && npv.contains("−£41,827") && npv.contains("£28,568,038"), "{npv}");
    let changed = &pages[at("what changed from the base")];
    assert!(changed.contains("People: Not affected → Voluntary redundancy"), "{changed}");
    // The grid's rows (totals, people, posts, the cluster and both ICBs) take two pages.
    assert_eq!(pages.len(), plain.len() + 5, "the grid on two pages; steps, NPV and changes on one each");
}

/// The steps from business as usual to LNR's cluster keep what moves out with functions
/// apart from the people leaving: £4,927,706.60 moved, not saved (the Overview's figure), so
/// the waterfall does not read as a larger saving than the net recurrent saving.
#[test]
fn cost_moved_out_is_its_own_step_not_a_saving() {
    let s = cluster_planner::examples::lnr_cluster();
    let c = Comparison::new(
        Candidate::new("BAU", Role::BusinessAsUsual, business_as_usual(&s)),
        vec![Candidate::new("cluster", Role::Preferred, s)],
    );
    let a = c.appraise(&c.options[0]);
    assert_eq!(a.waterfall.moved_out, -492_770_660);
    assert_eq!(a.waterfall.moved_out, -c.options[0].summary.totals.transferred_out);
    // Planned cost falls by baseline − planned = £16,374,000; the net saving is that less
    // the £4,927,706.60 moved: £11,446,293.40.
    assert_eq!(a.net_saving, 1_637_400_000 - 492_770_660);
    let steps: i64 = a.waterfall.steps().iter().map(|(_, v)| v).sum();
    assert_eq!(a.waterfall.base + steps, a.waterfall.option);
}
