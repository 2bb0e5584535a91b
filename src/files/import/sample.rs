//! Made-up staff lists for benchmarks and tests (large inputs are generated, never
//! committed).

/// A made-up ESR-style extract of `rows` people for the ICBs given (for benchmarks and
/// tests: large inputs are generated, never committed). Header first.
#[must_use]
pub fn sample_extract(rows: usize, orgs: &[&str], seed: u64) -> Vec<Vec<String>> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let bands =
        ["Band 4", "Band 5", "5", "Band 6", "AfC 7", "Band 7", "8A", "Band 8a", "Band 8b", "8c", "Band 8d", "9"];
    let pay = [30_162, 33_487, 33_487, 40_823, 50_273, 54_710, 58_487, 62_682, 68_631, 81_652, 96_941, 115_763];
    let mut out = vec![
        [
            "Assignment Number",
            "Full Name",
            "Organisation",
            "Position Title",
            "Pay Band",
            "FTE",
            "Annual Salary",
            "Length of Service",
            "Cost Centre",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
    ];
    for i in 0..rows {
        let b = rng.usize(0..bands.len());
        let wte = ["1", "1", "1", "0.8", "0.6", "60%"][rng.usize(0..6)];
        out.push(vec![
            format!("{:08}-1", 30_000_000 + i),
            format!("Person {i}"),
            orgs[i % orgs.len().max(1)].to_owned(),
            "Senior Manager".to_owned(),
            bands[b].to_owned(),
            wte.to_owned(),
            format!("£{},{:03}.00", pay[b] / 1000, pay[b] % 1000),
            format!("{} years {} months", rng.u32(0..35), rng.u32(0..12)),
            format!("T{:04}", rng.u32(1000..2000)),
        ]);
    }
    out
}

/// Writes rows as CSV text.
#[must_use]
pub fn to_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        let _ = w.write_record(r);
    }
    w.into_inner().unwrap_or_default()
}
