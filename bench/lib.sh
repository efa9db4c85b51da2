# Shared helpers for the benchmark scripts (sourced, not run). Builds the test class path of a module once.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NATIVES="$ROOT/engine/target/natives"

# bench_classpath MODULE -> prints a class path with the module's main+test classes and test dependencies.
bench_classpath() {
  local module="$1"
  (cd "$ROOT" && ./mvnw -q -B -pl "$module" -am install -DskipTests >&2)
  (cd "$ROOT" && ./mvnw -q -B -pl "$module" test-compile >&2)
  local cpfile="$ROOT/$module/target/bench-classpath.txt"
  (cd "$ROOT" && ./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >&2)
  echo "$ROOT/$module/target/test-classes:$ROOT/$module/target/classes:$(cat "$cpfile")"
}

# JVM flags that make DJL run offline on the pre-extracted PyTorch natives.
djl_flags() {
  echo "-Dai.djl.offline=true -DPYTORCH_LIBRARY_PATH=$NATIVES -DPYTORCH_VERSION=2.7.1 -DPYTORCH_FLAVOR=cpu -XX:+UseParallelGC"
}

JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
JEMALLOC_CONF="oversize_threshold:0,dirty_decay_ms:-1,muzzy_decay_ms:-1"

machine_line() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
}
