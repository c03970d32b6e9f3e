#!/bin/sh
# Writes a diners file of COUNT rows for the import benchmarks (docs/benchmarks.md, "Import at
# registry scale"): the rows of SOURCE (the 30,760-person register of
# `mealcli fixture --preset registry`) taken in turn, over and over, each given a fresh id
# D000001, D000002, ... So every size has the register's mix of Chinese names, addresses,
# statuses (about 6 % subscribed) and preferred canteens, and refers only to its canteens.
#
#   bench/registry-diners.sh SOURCE COUNT OUT
#
# The generator writes no quoted cells with line breaks, so one line is one row; the id is the
# first cell and never quoted, so replacing the text before the first comma replaces the id.
set -eu
[ $# -eq 3 ] || { echo "usage: $0 SOURCE_DINERS_CSV COUNT OUT_CSV" >&2; exit 2; }
awk -v count="$2" '
    NR == 1 { print; next }
    { rows[++n] = substr($0, index($0, ",")) }
    END {
        if (n == 0) { print "no data rows in the source" > "/dev/stderr"; exit 1 }
        for (i = 1; i <= count; i++) printf "D%06d%s\n", i, rows[(i - 1) % n + 1]
    }
' "$1" > "$3"
