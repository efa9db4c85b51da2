#!/usr/bin/env bash
# Ingest benchmark: images/s of DatasetLoader cold, cached, and against a plain ImageIO.read + resize loop.
# Usage: bench/ingest/run.sh [images=5000] [size=64] [reps=3]
# Generates its JPEGs once into bench/data/ingest (git-ignored); later runs reuse them.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=bench/data/ingest
mkdir -p "$data"
# One reactor run: engine's test classes and a class path in which gmm is this checkout's build, not ~/.m2's.
./mvnw -q -pl engine -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$data/classpath.txt"
cp="engine/target/test-classes:engine/target/classes:$(cat "$data/classpath.txt")"
exec java -Xmx3g -XX:+UseParallelGC -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$cp" io.mmdcstudio.engine.data.bench.IngestBench "$data" "$@"
