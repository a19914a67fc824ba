#!/usr/bin/env bash
# Figures of one Funnel instance for docs/scaling.md: JVM start time, RSS idle and under load,
# requests/s for the main contacts page and for convertQuote. Runs the packaged application in
# production mode on a throw-away PostgreSQL 15 cluster, with tokens signed by a local key
# (OIDC public-key mode), so no OIDC server is needed.
#
#   ./mvnw package -DskipTests && bench/one-instance.sh
#
# Needs root (to create the cluster), python3, openssl and hey (Debian: apt-get install hey).
# JAVA_OPTS passes JVM options (e.g. -Xmx512m). KEEP_DB=1 keeps the PostgreSQL cluster (port 25433) afterwards, to look at plans.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=25433
APP_PORT=8290
PG_CLUSTER=funnel_bench
WORK=target/bench
CONTACTS=${CONTACTS:-1000}
QUOTES=${QUOTES:-400}
mkdir -p "$WORK"
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
    [ -n "${KEEP_DB:-}" ] || pg_dropcluster --stop 15 "$PG_CLUSTER" 2>/dev/null || true
}
trap cleanup EXIT

pg_dropcluster --stop 15 "$PG_CLUSTER" 2>/dev/null || true
pg_createcluster 15 "$PG_CLUSTER" -p $PG_PORT -- --auth-local=trust --auth-host=scram-sha-256 > /dev/null
pg_ctlcluster 15 "$PG_CLUSTER" start
su postgres -c "psql -q -p $PG_PORT -c \"create user funnel password 'funnel'\" -c 'create database funnel owner funnel' \
    -c 'create role funnel_app nologin' -c 'grant funnel_app to funnel'"

KEY=dev/dev-signing-key.pem
PUB=$(openssl pkey -in $KEY -pubout 2>/dev/null | grep -v -- ----- | tr -d '\n')

start=$(date +%s%N)
QUARKUS_HTTP_PORT=$APP_PORT \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/funnel" \
QUARKUS_DATASOURCE_USERNAME=funnel QUARKUS_DATASOURCE_PASSWORD=funnel \
QUARKUS_OIDC_PUBLIC_KEY="$PUB" QUARKUS_OIDC_TOKEN_ISSUER=funnel-bench QUARKUS_OIDC_DISCOVERY_ENABLED=false \
QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$WORK/funnel.log" 2>&1 &
app=$!
until curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/q/health/ready"; do
    sleep 0.05
    kill -0 $app 2>/dev/null || { cat "$WORK/funnel.log"; exit 1; }
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
started_in=$(grep -o 'started in [0-9.]*s' "$WORK/funnel.log" | head -1)

python3 bench/load.py "http://127.0.0.1:$APP_PORT" "$KEY" "$CONTACTS" "$QUOTES" "$WORK" "$app" "$ready_ms" "$started_in"
