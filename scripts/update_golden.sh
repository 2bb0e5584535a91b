#!/usr/bin/env bash
# Rewrites tests/golden/*.json from the current build: `summary --json` on every example and
# on the generated 25,000-person file. Run it only for a deliberate change to the figures, and
# say in the commit and in tests/golden/README.md what changed and why.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=./target/debug/cluster-planner
tmp="$(mktemp -d)"
$bin generate england-stress-25k "$tmp/england-stress-25k.ron" >/dev/null
for f in saves/*.ron "$tmp/england-stress-25k.ron"; do
  $bin summary "$f" --json > "tests/golden/$(basename "$f" .ron).json"
done
rm -rf "$tmp"
git diff --stat tests/golden
