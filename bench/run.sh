#!/usr/bin/env bash
# The benchmark of docs/benchmarks.md, in one command:
#
#   bench/run.sh            10,000, 100,000 and 1,000,000 contacts (~11 min on 2 cores, half of it loading;
#                           ~1.5 min more with a native executable)
#   SMOKE=1 bench/run.sh    1,000 contacts, 1 s per measurement (about two minutes; run by .ci/run)
#
# It loads each data size into its own database of a throw-away PostgreSQL 15 cluster (port 25433),
# runs the packaged application (built first if missing) in production mode against it, with
# tokens signed by a local key (OIDC public-key mode), and measures it side by side with pgbench
# replaying the application's own SQL and with PostGraphile 4 on the same database (bench/bench.py).
# When a native executable is built (target/*-runner, or NATIVE_RUNNER names one), it is measured
# too at the largest size, after the JVM instances have stopped (start, memory, A and B), beside the
# JVM's figures. The table is printed and written to target/bench/results.md.
#
# Needs root (the cluster), a JDK 17, Debian's postgresql-15 (server and pgbench), wrk, Node.js 20
# with npm, python3 and openssl:  apt-get install postgresql-15 wrk nodejs npm python3 openssl
# Settings: SIZES ("10000 100000 1000000"), DURATION (seconds per measurement, 10), JAVA_OPTS
# (-Xmx512m), NATIVE_RUNNER (the native executable; default target/*-runner if there is one),
# NATIVE_OPTS (-Xmx512m, as the JVM's heap), KEEP_DB=1 keeps the cluster, REUSE_DATA=1 reuses
# databases already loaded at the size.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk pgbench node npm python3 openssl java pg_createcluster; do
    command -v $tool > /dev/null || { echo "bench: $tool is missing (see the header of bench/run.sh)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "bench: run as root (it creates a PostgreSQL cluster)" >&2; exit 1; }

export PG_PORT=25433 PG_CLUSTER=funnel_bench MIGRATE_PORT=8292
if [ "${SMOKE:-}" = 1 ]; then
    export SIZES=${SIZES:-1000} DURATION=${DURATION:-1}
else
    export SIZES=${SIZES:-10000 100000 1000000}
fi
WORK=target/bench
mkdir -p $WORK
cleanup() { [ -n "${KEEP_DB:-}" ] || pg_dropcluster --stop 15 $PG_CLUSTER 2> /dev/null || true; }
trap cleanup EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
if [ -n "${NATIVE_RUNNER:-}" ]; then
    [ -x "$NATIVE_RUNNER" ] || { echo "bench: NATIVE_RUNNER $NATIVE_RUNNER is not an executable" >&2; exit 1; }
else
    NATIVE_RUNNER=$(ls target/*-runner 2> /dev/null | head -1 || true)
fi
export NATIVE_RUNNER
(cd bench/postgraphile && npm ci --no-audit --no-fund --loglevel=error > /dev/null)

if ! pg_lsclusters -h | awk '{print $2}' | grep -qx $PG_CLUSTER; then
    # a server sized like a small managed PostgreSQL; statements go to the log only while captured
    pg_createcluster 15 $PG_CLUSTER -p $PG_PORT -o shared_buffers=1GB -o max_connections=200 \
        -- --auth-local=trust --auth-host=scram-sha-256 > /dev/null
fi
pg_ctlcluster 15 $PG_CLUSTER start 2> /dev/null || true

for size in $SIZES; do
    loaded=$(su postgres -c "psql -X -A -t -p $PG_PORT -d funnel_$size -c 'select count(*) from contact'" 2> /dev/null || true)
    if [ -n "${REUSE_DATA:-}" ] && [ "$loaded" = "$size" ]; then
        echo "bench: reusing funnel_$size" >&2
        continue
    fi
    echo "bench: loading $size contacts into funnel_$size" >&2
    DB=funnel_$size CONTACTS=$size bench/generate-data.sh > $WORK/generate-$size.log 2>&1 \
        || { tail -20 $WORK/generate-$size.log >&2; exit 1; }
    tail -1 $WORK/generate-$size.log >&2
done

python3 bench/bench.py
