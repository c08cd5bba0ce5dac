#!/bin/sh
# Prints the time from process start to the first HTTP 200 of /health and the resident memory after
# 10 s idle, for N starts of the built distribution on a fresh home (the first start creates the database).
#   distribution/measure-startup.sh [N]     (after mvn -B package -DskipTests)
DIST=$(cd "$(dirname "$0")" && pwd)/target/sinter
N=${1:-3}
PORT=${PORT:-18765}
HOME_DIR=$(mktemp -d)
for i in $(seq 1 "$N"); do
  t0=$(date +%s%N)
  SINTER_HOME=$HOME_DIR "$DIST/bin/sinter" --daemon -Dsinter.http.port=$PORT > "$HOME_DIR/out-$i.txt" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.05; done
  t1=$(date +%s%N)
  sleep 10
  rss=$(ps -o rss= -p "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null
  echo "start $i: first HTTP 200 after $(( (t1 - t0) / 1000000 )) ms; idle RSS after 10 s: $(( rss / 1024 )) MB"
done
rm -rf "$HOME_DIR"
