#!/bin/sh
# End-to-end sync benchmark (prints numbers; not a test, never part of mvn verify):
# generates a CSV of ROWS rows x 10 columns in distribution/target/benchmark/, starts the built server
# (distribution/target/sinter/sinter.jar) in its own JVM with -Xmx1g on a free 127.0.0.1 port and a fresh home,
# and syncs the file through the REST API: initial run, a re-run with 1 % of the rows changed, an unchanged re-run.
#   mvn -B -q -DskipTests package && distribution/benchmark-sync.sh [ROWS]
# or in one go:  mvn -B -q -DskipTests -Pbenchmark package
# Environment: SERVER_OPTS (extra server JVM options, e.g. -XX:StartFlightRecording=filename=sync.jfr), XMX (1g).
set -e
DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$DIR")
ROWS=${1:-${ROWS:-1000000}}
DIST=$DIR/target/sinter
API=$(ls "$ROOT"/connector-api/target/connector-api-*.jar | grep -v sources | head -1)
CSV=$DIST/deploy/connector-csv.jar
[ -f "$DIST/sinter.jar" ] && [ -f "$CSV" ] && [ -f "$API" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
CLASSES=$DIR/target/benchmark-classes
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
"$JAVAC" -nowarn -d "$CLASSES" -cp "$API:$CSV" $(find "$DIR/src/bench/java" -name '*.java')
exec "$JAVA" -Xmx2g -cp "$CLASSES:$API:$CSV" -Dbench.rows="$ROWS" -Dbench.dist="$DIST" -Dbench.work="$DIR/target/benchmark" \
  -Dbench.xmx="${XMX:-1g}" -Dbench.serverOpts="${SERVER_OPTS:-}" -Dbench.command="distribution/benchmark-sync.sh $ROWS" \
  io.sinter.distribution.bench.SyncBenchmark
