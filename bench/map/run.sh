#!/usr/bin/env bash
# The map's t-SNE against Smile 2.6 (exact; LGPL, bench/test scope only) and de.javagl:bh-tsne 0.0.1 (Barnes–Hut):
# wall time and 10-NN label agreement in 2-D on Fashion-MNIST embeddings, then what a map redrawn beside training
# costs the training step (StepThroughputBench with MapBesideTrainingBench switched off and on every 2 s).
# Usage: bench/map/run.sh [sizes, default 2000,5000,20000,70000; "-" skips the table] [pairs, default 30]
# Prints Markdown tables. On a machine others use, throughput varies a lot from minute to minute: read the medians.
source "$(dirname "$0")/../lib.sh"
SIZES="${1:-2000,5000,20000,70000}"
ROUNDS="${2:-30}"
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

# What a map redrawn beside training costs it: one training JVM (StepThroughputBench: batch 256, 32 px, compact
# net, k = 10) reports img/s after every 6 steps (about 2 s); between reports the map JVM (a 10,000-point map
# redrawn again and again) is switched on (SIGCONT) and off (SIGSTOP) in turn, so that "alone" and "beside"
# alternate every 2 s and see the same background load. The cost is read from the medians over many switches.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
TICKS=$(getconf CLK_TCK)
REPEATS=$((ROUNDS * 2))
echo
echo "| map beside training | switches | alone, median img/s | beside, median img/s | median of pair ratios | pair ratios, quartiles | cores the map used while on |"
echo "|---|---:|---:|---:|---:|---|---:|"
for mode in besideTraining unthrottled; do
  "${MAP_JAVA[@]}" io.mmdcstudio.engine.map.bench.MapBesideTrainingBench "$DATA" "$mode" 7200 >"$SNAP/$mode.log" &
  pid=$!
  MAP_PID=$pid
  sleep 8 # past JIT warm-up and the first neighbour search
  kill -STOP "$pid"
  alone=(); beside=(); ratios=(); on_ticks=0; on_seconds=0
  state=alone
  coproc TRAIN { java $(djl_flags) -cp "$CP" io.mmdcstudio.engine.run.StepThroughputBench 256 32 16 10 1 6 "$REPEATS" 1; }
  while read -r kind rate rest <&"${TRAIN[0]}"; do
    [[ "$kind" == rate ]] || continue
    if [[ "$state" == alone ]]; then
      alone+=("$rate")
      kill -CONT "$pid"; state=beside; t0=$(date +%s.%N); c0=$(cpu_ticks "$pid")
    else
      beside+=("$rate")
      kill -STOP "$pid"; state=alone
      on_ticks=$((on_ticks + $(cpu_ticks "$pid") - c0))
      on_seconds=$(awk -v a="$on_seconds" -v s="$t0" -v e="$(date +%s.%N)" 'BEGIN{print a + e - s}')
      ratios+=("$(awk -v a="${alone[-1]}" -v b="$rate" 'BEGIN{printf "%.3f", b/a}')")
    fi
  done
  # the training JVM has exited: its output ended
  quartiles=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{v[NR]=$1} END{printf "%.2f–%.2f", v[int(NR/4)+1], v[int(3*NR/4)]}')
  cores=$(awk -v c="$on_ticks" -v t="$TICKS" -v s="$on_seconds" 'BEGIN{printf "%.2f", c / t / s}')
  echo "| $mode | ${#ratios[@]} pairs | $(median "${alone[@]}") | $(median "${beside[@]}") | $(median "${ratios[@]}") | $quartiles | $cores |"
  kill -CONT "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  MAP_PID=""
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
