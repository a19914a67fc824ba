#!/usr/bin/env bash
# Loads a realistic data set into a fresh database of a local PostgreSQL 15 cluster (created when
# missing, kept afterwards): Funnel migrates the schema, then bench/generate.sql fills it
# server-side. By default 4 teams, 1,000,000 contacts, 10,000,000 interactions, 200,000 quotes
# with lines, 50,000 invoices (~4.5 min on 2 cores). Smaller: CONTACTS=10000 (quotes and invoices
# follow: a fifth of the contacts, a quarter of the quotes).
#
#   ./mvnw package -DskipTests && bench/generate-data.sh
#
# Settings: PG_CLUSTER (funnel_data), PG_PORT (25434), DB (funnel; dropped and created again),
# CONTACTS, INTERACTIONS_PER_CONTACT (10), QUOTES, INVOICES. Needs root (cluster, superuser load).
# Drop the cluster with: pg_dropcluster --stop 15 funnel_data
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PG_PORT:-25434}
PG_CLUSTER=${PG_CLUSTER:-funnel_data}
DB=${DB:-funnel}
CONTACTS=${CONTACTS:-1000000}
INTERACTIONS_PER_CONTACT=${INTERACTIONS_PER_CONTACT:-10}
QUOTES=${QUOTES:-$((CONTACTS / 5))}
INVOICES=${INVOICES:-$((QUOTES / 4))}
MIGRATE_PORT=${MIGRATE_PORT:-8299}
WORK=target/bench
mkdir -p "$WORK"
psql_su() { su postgres -c "psql -q -X -p $PG_PORT $*"; }

if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$PG_CLUSTER"; then
    pg_createcluster 15 "$PG_CLUSTER" -p "$PG_PORT" -- --auth-local=trust --auth-host=scram-sha-256 > /dev/null
fi
pg_ctlcluster 15 "$PG_CLUSTER" start 2>/dev/null || true
for _ in $(seq 150); do su postgres -c "pg_isready -q -p $PG_PORT" && break; sleep 0.2; done
su postgres -c "pg_isready -q -p $PG_PORT" || { echo "PostgreSQL cluster $PG_CLUSTER did not start" >&2; exit 1; }
psql_su "-v ON_ERROR_STOP=1" <<SQL
SELECT 'CREATE ROLE funnel LOGIN PASSWORD ''funnel''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'funnel') \gexec
SELECT 'CREATE ROLE funnel_app NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'funnel_app') \gexec
GRANT funnel_app TO funnel;
DROP DATABASE IF EXISTS "$DB" WITH (FORCE);
CREATE DATABASE "$DB" OWNER funnel;
SQL

# Funnel migrates the schema at start; stop it once it is ready.
QUARKUS_HTTP_PORT=$MIGRATE_PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
QUARKUS_DATASOURCE_USERNAME=funnel QUARKUS_DATASOURCE_PASSWORD=funnel \
QUARKUS_OIDC_PUBLIC_KEY="$(openssl pkey -in dev/dev-signing-key.pem -pubout 2>/dev/null | grep -v -- ----- | tr -d '\n')" \
    java -jar target/quarkus-app/quarkus-run.jar > "$WORK/migrate.log" 2>&1 &
app=$!
until curl -fs -o /dev/null "http://127.0.0.1:$MIGRATE_PORT/q/health/ready"; do
    sleep 0.2
    kill -0 $app 2>/dev/null || { tail -20 "$WORK/migrate.log"; exit 1; }
done
kill $app && wait $app 2>/dev/null || true

start=$(date +%s)
# As the superuser, like a restore: row-level security would otherwise check every generated row.
cp bench/generate.sql "$WORK/generate.sql" && chmod a+r "$WORK/generate.sql"
psql_su "-d $DB -v ON_ERROR_STOP=1 -v contacts=$CONTACTS -v interactions_per_contact=$INTERACTIONS_PER_CONTACT \
    -v quotes=$QUOTES -v invoices=$INVOICES -f $PWD/$WORK/generate.sql"
echo "generated in $(( $(date +%s) - start )) s: database $DB on port $PG_PORT (cluster $PG_CLUSTER)"
