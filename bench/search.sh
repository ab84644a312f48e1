#!/usr/bin/env bash
# Search benchmark (issue 10): generate N synthetic researchers into a database, time a full index rebuild on an
# empty index, query latencies through HTTP (name, affiliation, ROR, DOI, e-mail, text) and write-to-search lag on
# a second node. Not part of the test suite. Usage:
#   bench/search.sh                      # 100,000 records on an H2 file database under /tmp
#   bench/search.sh -Dsearch.records=1000000 -Dsearch.datasource.url=jdbc:postgresql://host/db \
#       -Dsearch.datasource.username=u -Dsearch.datasource.password=p
# Other knobs: -Dsearch.seconds=20 (measured time per query kind); -Dsearch.load=false (the database already holds
# the records of an earlier run); -Dsearch.index-dir=DIR (keep node A's index there, so that a later run starts on it
# instead of rebuilding); -Dsearch.kinds=quick-name,name (only these query kinds, no second node). Give Maven's test
# JVM heap for 10^6 records: -DargLine=-Xmx3g. The test JVM may run for up to two hours (a 10^6 run on a busy
# machine takes over 30 minutes, surefire's usual limit).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dorrery.fork-timeout=7200 "$@" 2>&1 | grep -E '^Search bench'
