#!/usr/bin/env bash
# Training-step throughput of MMDC Studio (DJL + PyTorch 2.7.1) against the same network and batch in PyTorch
# from Python (Debian's python3-torch), back to back in one run, with glibc malloc and with jemalloc.
# Usage: bench/throughput/run.sh [rounds]   (prints a table; paste it into docs/BENCHMARKS.md)
source "$(dirname "$0")/../lib.sh"
ROUNDS="${1:-3}"
need=()
dpkg -s python3-torch >/dev/null 2>&1 || need+=(python3-torch)
dpkg -s libjemalloc2 >/dev/null 2>&1 || need+=(libjemalloc2)
if [ "${#need[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >&2
fi
CP="$(bench_classpath engine)"
machine_line
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
run_case() { # name batch size width k channels
  local name="$1" batch="$2" size="$3" width="$4" k="$5" ch="$6"
  for r in $(seq "$ROUNDS"); do
    glibc=$(java $(djl_flags) -cp "$CP" io.mmdcstudio.engine.run.StepThroughputBench "$batch" "$size" "$width" "$k" "$ch" 20 5 | awk '{print $2}')
    jem=$(LD_PRELOAD="$JEMALLOC" MALLOC_CONF="$JEMALLOC_CONF" java $(djl_flags) -cp "$CP" io.mmdcstudio.engine.run.StepThroughputBench "$batch" "$size" "$width" "$k" "$ch" 20 5 | awk '{print $2}')
    torch=$(/usr/bin/python3 "$ROOT/bench/throughput/torch_step.py" --batch "$batch" --size "$size" --width "$width" --k "$k" --channels "$ch" --steps 20 --repeats 5 | awk '{print $2}')
    echo "$name round $r: djl-glibc $glibc img/s, djl-jemalloc $jem img/s, torch $torch img/s, ratio glibc/torch $(awk -v a="$glibc" -v b="$torch" 'BEGIN{printf "%.2f", a/b}'), jemalloc/torch $(awk -v a="$jem" -v b="$torch" 'BEGIN{printf "%.2f", a/b}')"
  done
}
run_case "gray 32px w16 b256" 256 32 16 10 1
run_case "rgb 64px w16 b128" 128 64 16 10 3
