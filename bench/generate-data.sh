#!/usr/bin/env bash
# Creates a PostgreSQL 15 cluster (port 25434, kept afterwards), lets Funnel migrate it, and loads
# bench/generate.sql: by default 4 teams, 1,000,000 contacts, 10,000,000 interactions, 200,000
# quotes with lines, 50,000 invoices. Smaller: CONTACTS=10000 QUOTES=2000 INVOICES=500.
#
#   ./mvnw package -DskipTests && bench/generate-data.sh
#
# Needs root (to create the cluster). Drop it with: pg_dropcluster --stop 15 funnel_data
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PG_PORT:-25434}
PG_CLUSTER=funnel_data
CONTACTS=${CONTACTS:-1000000}
INTERACTIONS_PER_CONTACT=${INTERACTIONS_PER_CONTACT:-10}
QUOTES=${QUOTES:-200000}
INVOICES=${INVOICES:-50000}
WORK=target/bench
mkdir -p "$WORK"

pg_dropcluster --stop 15 "$PG_CLUSTER" 2>/dev/null || true
pg_createcluster 15 "$PG_CLUSTER" -p "$PG_PORT" -- --auth-local=trust --auth-host=scram-sha-256 > /dev/null
pg_ctlcluster 15 "$PG_CLUSTER" start
su postgres -c "psql -q -p $PG_PORT -c \"create user funnel password 'funnel'\" -c 'create database funnel owner funnel' \
    -c 'create role funnel_app nologin' -c 'grant funnel_app to funnel'"

# Funnel migrates the schema at start; stop it once it is ready.
QUARKUS_HTTP_PORT=8299 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/funnel" \
QUARKUS_DATASOURCE_USERNAME=funnel QUARKUS_DATASOURCE_PASSWORD=funnel \
QUARKUS_OIDC_PUBLIC_KEY="$(openssl pkey -in dev/dev-signing-key.pem -pubout 2>/dev/null | grep -v -- ----- | tr -d '\n')" \
    java -jar target/quarkus-app/quarkus-run.jar > "$WORK/migrate.log" 2>&1 &
app=$!
until curl -fs -o /dev/null http://127.0.0.1:8299/q/health/ready; do
    sleep 0.2
    kill -0 $app 2>/dev/null || { tail -20 "$WORK/migrate.log"; exit 1; }
done
kill $app && wait $app 2>/dev/null || true

start=$(date +%s)
# As the superuser, like a restore: row-level security would otherwise check every generated row.
cp bench/generate.sql "$WORK/generate.sql" && chmod a+r "$WORK/generate.sql"
su postgres -c "psql -q -p $PG_PORT -d funnel -v ON_ERROR_STOP=1 -v contacts=$CONTACTS \
    -v interactions_per_contact=$INTERACTIONS_PER_CONTACT -v quotes=$QUOTES -v invoices=$INVOICES \
    -f $PWD/$WORK/generate.sql"
echo "generated in $(( $(date +%s) - start )) s; database on port $PG_PORT (cluster $PG_CLUSTER)"
