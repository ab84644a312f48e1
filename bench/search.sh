#!/usr/bin/env bash
# Search benchmark (issue 10): generate N synthetic researchers into a database, time a full index rebuild on an
# empty index, query latencies through HTTP (name, affiliation, ROR, DOI, e-mail, text) and write-to-search lag on
# a second node. Not part of the test suite. Usage:
#   bench/search.sh                      # 100,000 records on an H2 file database under /tmp
#   bench/search.sh -Dsearch.records=1000000 -Dsearch.datasource.url=jdbc:postgresql://host/db \
#       -Dsearch.datasource.username=u -Dsearch.datasource.password=p
# Other knobs: -Dsearch.seconds=20 (measured time per query kind). Give Maven's test JVM heap for 10^6 records:
#   -DargLine=-Xmx3g
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" 2>&1 | grep -E '^Search bench'
