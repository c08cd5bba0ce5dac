#!/bin/sh
# DXF connector benchmark (prints figures, asserts nothing): pair reader, record reader and full extraction with
# geometry on ../shared/data/dxf/drawings/uncommon.dxf and on a generated ASCII DXF of at least MB megabytes
# (default 200; kept in connectors/dxf/target/dxf-benchmark/ for the next run).
# Usage: connectors/dxf/benchmark.sh [MB] [source.dxf] [--synthetic]    JAVA_OPTS adds JVM options (default -Xmx1g).
set -e
module=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$module/../.." && pwd)
(cd "$root" && mvn -B -o -q -pl connectors/dxf -am -DskipTests test-compile)
cd "$module"
exec java ${JAVA_OPTS:--Xmx1g} -cp "target/classes:target/test-classes:$root/connector-api/target/classes" \
    io.sinter.connector.dxf.internal.reader.DxfReaderBenchmark "$@"
