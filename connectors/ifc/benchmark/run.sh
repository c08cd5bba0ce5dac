#!/usr/bin/env bash
# IFC benchmark (issue 4): this connector's reader against web-ifc on duplex.ifc, AC20-FZK-Haus.ifc and a
# generated file of at least 300 MiB (copies of duplex.ifc with new #ids and GlobalIds), side by side.
# Needs Maven (offline), a JDK 17 and Node.js 20 with npm; web-ifc is installed into benchmark/node_modules.
# Not part of the Maven build or CI. Environment: SINTER_SHARED (default ../shared next to the checkout),
# BENCH_MIN_BYTES (size of the generated file, default 314572800), BENCH_XMX (default: the generated file's size),
# BENCH_LARGE_ROUNDS (rounds on the large file, median taken, default 3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(cd "$module/../.." && pwd)
shared=${SINTER_SHARED:-$(cd "$root/.." && pwd)/shared}
out=$module/target/benchmark
min_bytes=${BENCH_MIN_BYTES:-314572800}
mkdir -p "$out"

duplex=$shared/data/ifc/models/duplex.ifc
fzk=$(find "$shared/data/ifc" -name AC20-FZK-Haus.ifc | sort | head -1)
large=$out/duplex-replicated-$min_bytes.ifc
[ -f "$duplex" ] && [ -n "$fzk" ] || { echo "shared IFC files not found under $shared/data/ifc" >&2; exit 1; }

echo "== build (test classes)"
(cd "$root" && mvn -B -o -q -pl connectors/ifc -am test-compile)
cp="$module/target/classes:$module/target/test-classes:$root/connector-api/target/classes"

echo "== web-ifc (npm)"
if [ ! -f "$here/node_modules/web-ifc/package.json" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
fi
echo "web-ifc $(node -p "require('$here/node_modules/web-ifc/package.json').version"), node $(node --version)"

if [ ! -f "$large" ] || [ "$large" -ot "$duplex" ]; then
    echo "== generating $large"
    java -cp "$cp" io.sinter.connector.ifc.internal.IfcReplicator "$duplex" "$large" "$min_bytes"
fi
files=("$duplex" "$fzk" "$large")

echo "== web-ifc: parse (OpenModel + GetLine of every line) and geometry (OpenModel + StreamAllMeshes)"
(cd "$here" && node bench-webifc.mjs "${files[@]}") | grep -P '\t' > "$out/webifc.tsv"
cat "$out/webifc.tsv"

xmx=${BENCH_XMX:-$(( $(stat -c %s "$large") / 1048576 ))m}
echo "== sinter (java -Xmx$xmx): parse (index + decode every instance) and parse + geometry (full extraction)"
java -Xmx"$xmx" -Dbench.largeRounds="${BENCH_LARGE_ROUNDS:-3}" -cp "$cp" io.sinter.connector.ifc.internal.IfcComparisonBenchmark --webifc "$out/webifc.tsv" "${files[@]}"
