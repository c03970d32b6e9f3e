#!/bin/sh
# Times `mealcli import roads` on a synthetic city extract (docs/benchmarks.md, "Road network
# import (issue 13)"): RUNS imports of a NODES-node extract (`mealcli fixture --synthetic-roads`,
# a 30 m street grid around Yuehu), each into a fresh, empty database: the extract is smaller than
# the bundled district, which it would not cover, so no registry is loaded.
# Prints one line per run: nodes, wall seconds, user seconds, system seconds, peak memory (KB),
# then the medians.
#
#   bench/roads-import.sh MEALCLI WORKDIR [RUNS] [NODES]
#
# MEALCLI is a release build (`swift build -c release --product mealcli`, then
# .build/release/mealcli). WORKDIR receives the extract (`mealcli fixture --synthetic-roads`)
# and the databases.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 MEALCLI WORKDIR [RUNS] [NODES]" >&2; exit 2; }
mealcli=$1; work=$2; runs=${3:-3}; nodes=${4:-1000000}
mkdir -p "$work"
extract="$work/synthetic-$nodes/roads.osm.pbf"
[ -f "$extract" ] || "$mealcli" fixture --synthetic-roads "$nodes" --out "$work/synthetic-$nodes"
ls -l "$extract"
results="$work/roads-import-$nodes.txt"
: > "$results"
for run in $(seq "$runs"); do
    db="$work/roads-bench.db"
    rm -f "$db" "$db-wal" "$db-shm"
    "$mealcli" init --db "$db" >/dev/null
    /usr/bin/time -f "$nodes %e %U %S %M" -a -o "$results" "$mealcli" import roads "$extract" --db "$db" >"$work/roads-import-out.txt"
    tail -n 1 "$results"
done
sed -n '1,3p;$p' "$work/roads-import-out.txt"
median() { awk "{ print \$$1 }" "$results" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "median of $runs: wall $(median 2) s, peak RSS $(median 5) KB"
