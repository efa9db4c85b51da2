#!/usr/bin/env bash
# Timings of the gmm module: linear assignment, k-means (vs Commons Math), PCA, and Fashion-MNIST
# baselines when its IDX files are present. Usage, from anywhere:
#   bench/gmm/run.sh [assignment] [kmeans] [pca] [fmnist] [--fashion-mnist DIR]
# No arguments runs every section (about 3 minutes on 2 cores).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -pl gmm test-compile
classpath_file="$root/gmm/target/bench-classpath.txt"
./mvnw -q -pl gmm dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
exec java -Xmx6g -XX:+UseParallelGC \
  -cp "gmm/target/classes:gmm/target/test-classes:$(cat "$classpath_file")" \
  io.mmdcstudio.gmm.bench.GmmBench "$@"
