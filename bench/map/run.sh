#!/usr/bin/env bash
# The map's t-SNE against Smile 2.6 (exact; LGPL, bench/test scope only) and de.javagl:bh-tsne 0.0.1 (Barnes–Hut):
# wall time and 10-NN label agreement in 2-D on Fashion-MNIST embeddings, then what a map redrawn beside training
# costs the training step (StepThroughputBench alone vs beside MapBesideTrainingBench, in back-to-back pairs).
# Usage: bench/map/run.sh [sizes, default 2000,5000,20000,70000; "-" skips the table] [pairs, default 6]
# Prints Markdown tables. On a machine others use, throughput varies a lot from minute to minute: read the medians.
source "$(dirname "$0")/../lib.sh"
SIZES="${1:-2000,5000,20000,70000}"
ROUNDS="${2:-6}"
DATA="$ROOT/bench/data/fmnist-quick-run"
CP="$(bench_classpath engine)"
# Snapshot our own classes and jars: in a shared working tree another build may rewrite them during a long run.
SNAP="$(mktemp -d)"
MAP_PID="" # the map JVM of the pairs below, perhaps suspended: never leave it behind
cleanup() {
  if [[ -n "$MAP_PID" ]]; then
    kill -CONT "$MAP_PID" 2>/dev/null || true
    kill "$MAP_PID" 2>/dev/null || true
  fi
  rm -rf "$SNAP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
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

# What a map redrawn beside training costs it: training-step throughput (img/s, mean of 2 repeats of 10 steps of
# batch 256, 32 px, compact net, k = 10) with a 10,000-point map redrawn again and again in another JVM, against
# the same with that JVM suspended (SIGSTOP), in back-to-back pairs so that both see the same background load.
step() {
  java $(djl_flags) -cp "$CP" io.mmdcstudio.engine.run.StepThroughputBench 256 32 16 10 1 10 2 | awk '{print $2}'
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
TICKS=$(getconf CLK_TCK)
echo
echo "| map beside training | pair | alone (img/s) | beside (img/s) | ratio | cores the map used meanwhile |"
echo "|---|---:|---:|---:|---:|---:|"
for mode in besideTraining unthrottled; do
  "${MAP_JAVA[@]}" io.mmdcstudio.engine.map.bench.MapBesideTrainingBench "$DATA" "$mode" 7200 >"$SNAP/$mode.log" &
  pid=$!
  MAP_PID=$pid
  sleep 8 # past JIT warm-up and the first neighbour search
  ratios=()
  for r in $(seq "$ROUNDS"); do
    kill -STOP "$pid"
    alone=$(step)
    kill -CONT "$pid"
    t0=$(date +%s.%N); c0=$(cpu_ticks "$pid")
    beside=$(step)
    cores=$(awk -v c="$(( $(cpu_ticks "$pid") - c0 ))" -v t="$TICKS" -v s="$t0" -v e="$(date +%s.%N)" \
      'BEGIN{printf "%.2f", c / t / (e - s)}')
    ratios+=("$(ratio "$beside" "$alone")")
    echo "| $mode | $r | $alone | $beside | ${ratios[-1]} | $cores |"
  done
  echo "| $mode | median | | | $(median "${ratios[@]}") | |"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  MAP_PID=""
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
