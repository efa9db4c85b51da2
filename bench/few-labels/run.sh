#!/usr/bin/env bash
# A few labels (issue #7): on Fashion-MNIST, ACC of unsupervised MMDC, of supervised-only training on N labels
# per class, and of the semi-supervised mode on the same labels, in one session, through the real command line.
# Default (the issue's session, docs/BENCHMARKS.md section 7): all 70,000 images (train + test merged, every image
# assigned and scored), a seeded 10,000-image training subset plus the labelled images, batch 256, 12 epochs
# (config-70k.json: the quick recipe with a 10k subset; one rotation warm-up epoch for MMDC and semi-supervised).
# Sized down for a busy machine: DATA=t10k SPLITS=t10k CONFIG=bench/few-labels/config.json (the 10,000-image test
# split, a 2,000-image subset, batch 128, 8 epochs).
# Usage: bench/few-labels/run.sh [seeds (default "1 2 3")] [labels per class (default "4 1 2 10")]
# Runs the N = 4 comparisons first, so that a cut-short session still answers the issue's question.
# MMDC_SKIP_BUILD=1 runs whatever ./mmdc has built. NICE (default 19) is the niceness of every run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MMDC="${MMDC:-$ROOT/mmdc}"  # another build of the launcher, e.g. a frozen copy while the tree is rebuilt
HERE="$ROOT/bench/few-labels"
SEEDS="${1:-1 2 3}"
NS="${2:-4 1 2 10}"
DATA_DIR=/usr/share/datasets/fashion-mnist
# DATA: "all" (the IDX folder: train + test, 70,000 images), "t10k" (the test split alone), or a path.
DATA="${DATA:-all}"
[[ "$DATA" == all ]] && DATA="$DATA_DIR"
[[ "$DATA" == t10k ]] && DATA="$DATA_DIR/t10k-images-idx3-ubyte.gz"
SPLITS="${SPLITS:-train t10k}"
CONFIG="${CONFIG:-$HERE/config-70k.json}"
if ! dpkg -s dataset-fashion-mnist >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dataset-fashion-mnist
fi
OUT="${OUT:-$ROOT/bench/results/few-labels-$(date -u +%Y%m%d-%H%M)}"
mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; date: $(date -u +%Y-%m-%dT%H:%MZ); load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
"$MMDC" --version >/dev/null  # builds on first use, outside the timings

# run NAME ARGS...: one ./mmdc train, timed, its log and run folder under $OUT.
run() {
  local name="$1"; shift
  [[ -f "$OUT/$name/run.json" ]] && return 0  # a re-run of the script picks up where it stopped
  /usr/bin/time -f "%e s wall, %U s user" -o "$OUT/$name.time" nice -n "${NICE:-19}" \
    "$MMDC" train --data "$DATA" --clusters 10 --config "$CONFIG" --out "$OUT/$name" "$@" \
    > "$OUT/$name.log" 2>&1 || echo "$name failed: see $OUT/$name.log" >&2
}

for n in $NS; do
  for seed in $SEEDS; do
    few="$OUT/few-n$n-seed$seed.csv"
    python3 "$HERE/make_few.py" "$DATA_DIR" "$n" "$seed" "$few" "$SPLITS"
    run "semi-n$n-seed$seed" --seed "$seed" --few-labels "$few"
    run "supervised-n$n-seed$seed" --seed "$seed" --few-labels "$few" --supervised-only
    run "mmdc-seed$seed" --seed "$seed"
    echo "$(date -u +%H:%M) done N=$n seed $seed (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  done
done
python3 "$HERE/summarise.py" "$OUT" | tee "$OUT/table.md"
