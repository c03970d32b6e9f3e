#!/bin/sh
# Times `mealcli import diners` at registry scale (docs/benchmarks.md, "Import at registry
# scale"): for each size, RUNS imports into a fresh database holding the register's canteens,
# then RUNS dry runs of the same file into that database once it holds the diners. Prints one
# line per run: size, what, wall seconds, user seconds, system seconds, peak memory (KB).
#
#   bench/import-scale.sh MEALCLI WORKDIR [RUNS] [SIZES...]
#
# MEALCLI is a release build (`swift build -c release --product mealcli`, then
# .build/release/mealcli). WORKDIR receives the register (`mealcli fixture --preset registry`),
# the diners files (bench/registry-diners.sh) and the databases.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 MEALCLI WORKDIR [RUNS] [SIZES...]" >&2; exit 2; }
mealcli=$1; work=$2; runs=${3:-3}
shift 2; [ $# -gt 0 ] && shift
sizes=${*:-10000 30000 100000 300000}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
[ -f "$work/registry/diners.csv" ] || "$mealcli" fixture --preset registry --out "$work/registry" >/dev/null
for size in $sizes; do
    file="$work/diners-$size.csv"
    [ -f "$file" ] || "$here/registry-diners.sh" "$work/registry/diners.csv" "$size" "$file"
    for run in $(seq "$runs"); do
        db="$work/bench-$size.db"
        rm -f "$db" "$db-wal" "$db-shm"
        "$mealcli" init --db "$db" >/dev/null
        "$mealcli" import canteens "$work/registry/canteens.csv" --db "$db" >/dev/null
        /usr/bin/time -f "$size import %e %U %S %M" "$mealcli" import diners "$file" --db "$db" >/dev/null
    done
    for run in $(seq "$runs"); do
        /usr/bin/time -f "$size dry-run %e %U %S %M" "$mealcli" import diners "$file" --db "$db" --dry-run >/dev/null
    done
done
