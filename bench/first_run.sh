#!/usr/bin/env bash
# Time from a fresh clone to the first 200 on / with `make run`, and of a second `make run`.
# Usage: bench/first_run.sh [port]. Clones the committed HEAD of this repository into a
# temporary folder. Package caches (uv, npm) on this machine stay warm; say so when reporting.
set -euo pipefail
port=${1:-8765}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

time_to_200() {
  local start=$1
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 200 ]; do
    sleep 0.2
  done
  echo "$(( $(date +%s%N) / 1000000 - start ))"
}

git clone -q "$repo" "$work/site"
cd "$work/site"
for run in first second; do
  start=$(( $(date +%s%N) / 1000000 ))
  PORT=$port make run > "$work/$run.log" 2>&1 &
  pid=$!
  ms=$(time_to_200 "$start")
  echo "$run make run: first 200 on / after $(awk "BEGIN {print $ms/1000}") s"
  kill -- "$pid" 2>/dev/null || true
  pkill -f "granian.*--port $port" || true
  wait "$pid" 2>/dev/null || true
  sleep 1
done
