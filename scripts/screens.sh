#!/usr/bin/env bash
# Screenshots of every tab for a look by eye: scripts/screens.sh OUT_DIR [WxH ...]
# Files: the LNR cluster, the 42-ICB national file and the 25,000-person stress file
# (generated), light and dark. Needs xvfb-run and Mesa (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/screens}"; shift || true
sizes=("${@:-1024x700 1400x900}")
[ $# -gt 0 ] && sizes=("$@") || sizes=(1024x700 1400x900)
mkdir -p "$out"
bin=./target/debug/cluster-planner
[ -f "$out/england-stress-25k.ron" ] || $bin generate england-stress-25k "$out/england-stress-25k.ron" >/dev/null
unset WAYLAND_DISPLAY
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}" XDG_DATA_HOME="$(mktemp -d)" CLUSTER_PLANNER_DATA_DIR="$(mktemp -d)"
tabs="${TABS:-overview icbs clusters teams people functions assumptions findings}"
files="${FILES:-saves/lnr-cluster.ron saves/national-2025-26.ron $out/england-stress-25k.ron}"
themes="${THEMES:-light dark}"
for f in $files; do
  for t in $tabs; do
    for s in "${sizes[@]}"; do
      for th in $themes; do
        name="$(basename "$f" .ron)-$t-$s-$th.png"
        CLUSTER_PLANNER_THEME=$th xvfb-run -a -s "-screen 0 2600x1500x24 -nolisten tcp" \
          timeout 180 $bin "$f" --tab "$t" --size "$s" --screenshot "$out/$name" 2>/dev/null || echo "failed: $name"
      done
    done
  done
done
ls "$out"/*.png | wc -l
