#!/usr/bin/env bash
# Member-API benchmark: GET /record and POST /work on a record of 100 works and 50 other items.
# Starts a real Orrery on the embedded database (or PostgreSQL, see bench/README.md) and prints medians and p99.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test -Dtest=RecordApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" 2>&1 \
  | grep -E '^(Record of|GET |POST )'
