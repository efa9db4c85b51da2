#!/usr/bin/env bash
# The map's t-SNE against Smile 2.6 (exact; LGPL, bench/test scope only) and de.javagl:bh-tsne 0.0.1 (Barnes–Hut):
# wall time and 10-NN label agreement in 2-D on Fashion-MNIST embeddings, then what a map redrawn beside training
# costs the training step (StepThroughputBench alone vs beside MapBesideTrainingBench, alternating rounds).
# Usage: bench/map/run.sh [sizes, default 2000,5000,20000,70000; "-" skips the table] [rounds, default 5]
# Prints Markdown tables. On a machine others use, throughput varies a lot between runs: read the medians.
source "$(dirname "$0")/../lib.sh"
SIZES="${1:-2000,5000,20000,70000}"
ROUNDS="${2:-5}"
DATA="$ROOT/bench/data/fmnist-quick-run"
CP="$(bench_classpath engine)"
# Snapshot our own classes and jars: in a shared working tree another build may rewrite them during a long run.
SNAP="$(mktemp -d)"
trap 'rm -rf "$SNAP"' EXIT
snapped=()
IFS=: read -r -a entries <<<"$CP"
for i in "${!entries[@]}"; do
  entry="${entries[$i]}"
  if [[ "$entry" == "$ROOT"/* || "$(basename "$entry")" == mmdc-*.jar ]]; then
    cp -r "$entry" "$SNAP/$i-$(basename "$entry")"
    entry="$SNAP/$i-$(basename "$entry")"
  fi
  snapped+=("$entry")
done
CP="$(IFS=:; echo "${snapped[*]}")"
MAP_JAVA=(java -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")
machine_line
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
if [[ "$SIZES" != "-" ]]; then
  "${MAP_JAVA[@]}" io.mmdcstudio.engine.map.bench.TsneBench "$DATA" "$SIZES" 500 300
fi

# Training-step throughput (img/s, median of 3 repeats of 10 steps of batch 256, 32 px, compact net, k = 10).
step() {
  java $(djl_flags) -cp "$CP" io.mmdcstudio.engine.run.StepThroughputBench 256 32 16 10 1 10 3 | awk '{print $2}'
}
# step_beside MODE: the same while a 10,000-point map is redrawn again and again in another JVM.
step_beside() {
  local log
  log="$(mktemp)"
  "${MAP_JAVA[@]}" io.mmdcstudio.engine.map.bench.MapBesideTrainingBench "$DATA" "$1" 900 >"$log" &
  local pid=$!
  sleep 5 # past JIT warm-up and the first neighbour search
  step
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  tail -1 "$log" >>"$SNAP/map-usage.txt"
  rm -f "$log"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
alones=(); besides=(); flats=()
echo
echo "| round | training alone (img/s) | beside map, besideTraining() | ratio | beside map, 1 thread flat out | ratio |"
echo "|---:|---:|---:|---:|---:|---:|"
for r in $(seq "$ROUNDS"); do
  alone=$(step)
  beside=$(step_beside besideTraining)
  flat=$(step_beside unthrottled)
  echo "| $r | $alone | $beside | $(ratio "$beside" "$alone") | $flat | $(ratio "$flat" "$alone") |"
  alones+=("$alone"); besides+=("$beside"); flats+=("$flat")
done
ma=$(median "${alones[@]}"); mb=$(median "${besides[@]}"); mf=$(median "${flats[@]}")
echo "| median | $ma | $mb | $(ratio "$mb" "$ma") | $mf | $(ratio "$mf" "$ma") |"
echo
echo "CPU used by the map beside training (its whole JVM, at the end of each window):"
sed 's/^/  /' "$SNAP/map-usage.txt"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
