#!/usr/bin/env bash
# Fashion-MNIST (train + test merged, 70,000 images, k = 10): MMDC presets against the pixel baselines, in one
# session, through the real command line. Installs Debian's dataset-fashion-mnist when missing.
# Usage: bench/fashion-mnist/run.sh [seeds (default "1 2 3")] [presets (default "quick balanced")]
# SEEDS_<preset>="..." overrides the seeds of one preset (e.g. SEEDS_balanced="1" to save time).
# MMDC_SKIP_BUILD=1 runs whatever ./mmdc has built (the launcher then does no up-to-date check).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SEEDS="${1:-1 2 3}"
PRESETS="${2:-quick balanced}"
DATA=/usr/share/datasets/fashion-mnist
if ! dpkg -s dataset-fashion-mnist >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dataset-fashion-mnist
fi
OUT="$ROOT/bench/results/fashion-mnist-$(date -u +%Y%m%d-%H%M)"
mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; date: $(date -u +%Y-%m-%dT%H:%MZ)" | tee "$OUT/machine.txt"
"$ROOT/mmdc" --version >/dev/null  # builds on first use, outside the timings
for method in kmeans-pixels pca-kmeans; do
  /usr/bin/time -f "%e s wall, %M KB max RSS" -o "$OUT/$method.time" \
    "$ROOT/mmdc" baseline --data "$DATA" --clusters 10 --method "$method" --seed 1 --out "$OUT/$method" > "$OUT/$method.log" 2>&1
done
for preset in $PRESETS; do
  seeds_var="SEEDS_$preset"
  for seed in ${!seeds_var:-$SEEDS}; do
    name="$preset-seed$seed"
    /usr/bin/time -f "%e s wall, %M KB max RSS" -o "$OUT/$name.time" \
      "$ROOT/mmdc" train --data "$DATA" --clusters 10 --preset "$preset" --seed "$seed" --out "$OUT/$name" > "$OUT/$name.log" 2>&1
  done
done
python3 "$ROOT/bench/fashion-mnist/summarise.py" "$OUT"
