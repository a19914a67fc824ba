#!/usr/bin/env bash
# The benchmark of docs/benchmarks.md, in one command:
#
#   bench/run.sh            10,000, 100,000 and 1,000,000 contacts (~11 min on 2 idle cores, half of it
#                           loading, before E existed; ~1.5 min more with a native executable. With E and
#                           BEFORE_APP: 25-31 min on a shared machine, of which E 12-14, before E
#                           compared four builds with 30 s warm-ups; E_COST_ONLY=1 alone, each build
#                           warmed up until its JIT settles, now takes about 40 min at 100,000 with 6 rounds)
#   SMOKE=1 bench/run.sh    1,000 contacts, 1 s per measurement, 500 events, a file of 1,000 rows (about two minutes; run by .ci/run)
#
# It loads each data size into its own database of a throw-away PostgreSQL 15 cluster (port 25433),
# runs the packaged application (built first if missing) in production mode against it, with
# tokens signed by a local key (OIDC public-key mode), and measures it side by side with pgbench
# replaying the application's own SQL and with PostGraphile 4 on the same database (bench/bench.py).
# When a native executable is built (target/*-runner, or NATIVE_RUNNER names one), it is measured
# too at the largest size, after the JVM instances have stopped (start, memory, A and B), beside the
# JVM's figures. E (events), at the largest size: webhook delivery by one instance to a local
# receiver (bench/receiver.js), and the outbox's cost on convertQuote and recordInteraction against
# the build before events when BEFORE_APP names its target/quarkus-app (built from 170d032, e.g.
#   git worktree add --detach ../wt-before 170d032 && (cd ../wt-before && ./mvnw -B -q package -DskipTests)
#   BEFORE_APP=../wt-before/target/quarkus-app bench/run.sh
# ); that build runs on two copies of the largest database: this build's schema with the outbox taken
# out (bench/without-events.sql: the outbox's cost alone), and the schema it left itself
# (bench/before-events.sql: everything since). The table is printed and written to target/bench/results.md.
#
# Needs root (the cluster), a JDK 17, Debian's postgresql-15 (server and pgbench), wrk, Node.js 20
# with npm, python3 and openssl:  apt-get install postgresql-15 wrk nodejs npm python3 openssl
# Settings: SIZES ("10000 100000 1000000"), DURATION (seconds per measurement, 10), JAVA_OPTS
# (-Xmx512m), NATIVE_RUNNER (the native executable; default target/*-runner if there is one),
# NATIVE_OPTS (-Xmx512m, as the JVM's heap), BEFORE_APP (above; without it E's comparison is skipped),
# EVENTS (changes per E delivery phase: 20000, 500 in SMOKE), E_ROUNDS (rounds of E's comparison, 4), E_BUILDS (the builds E
# compares: "before beforeall after norelay"; before and after alone, "before after", are the two the target names), E_WARMUP and E_WARMUP_MAX (its warm-up per build and operation, at least and at most, s: 30, 300; it ends once the JIT's compilers use under E_SETTLED, 0.03, of a core),
# G_ONLY=1 runs G (contact import and export, files of G_ROWS rows: "100000 1000000") alone, into the smallest size's database (results in target/bench/results-imports.md),
# F_ONLY=1 runs F (the funnel) alone (results in target/bench/results-funnel.md), E_COST_ONLY=1 runs E's before/after comparison alone (with BEFORE_APP; results in target/bench/results-cost.md),
# KEEP_DB=1 keeps the cluster, REUSE_DATA=1 reuses databases already loaded at the size.
set -euo pipefail
if [ -n "${BEFORE_APP:-}" ]; then
    [ -f "$BEFORE_APP/quarkus-run.jar" ] || { echo "bench: BEFORE_APP $BEFORE_APP has no quarkus-run.jar" >&2; exit 1; }
    BEFORE_APP=$(cd "$BEFORE_APP" && pwd)
    export BEFORE_APP
fi
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

if [ -n "${BEFORE_APP:-}" ]; then
    # the largest database three times again, file copies: for the build before events, this build's
    # schema without the outbox (bench/without-events.sql), and the schema it left itself
    # (bench/before-events.sql), so that its Flyway finds the migrations it knows (V1-V7); and for
    # this build with its event relay off
    largest=${SIZES##* }
    echo "bench: copying funnel_$largest to funnel_before_$largest, funnel_beforeall_$largest and funnel_norelay_$largest" >&2
    for copy in before beforeall norelay; do
        su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -d postgres" > /dev/null <<SQL
DROP DATABASE IF EXISTS funnel_${copy}_$largest WITH (FORCE);
CREATE DATABASE funnel_${copy}_$largest TEMPLATE funnel_$largest STRATEGY FILE_COPY OWNER funnel;
SQL
    done
    su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -d funnel_before_$largest" < bench/without-events.sql > /dev/null
    cat bench/without-events.sql bench/before-events.sql \
        | su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -d funnel_beforeall_$largest" > /dev/null
else
    echo "bench: no BEFORE_APP: E's comparison with the build before events will be skipped" >&2
fi

python3 bench/bench.py
