#!/usr/bin/env bash
# End to end against a real OIDC provider: downloads Keycloak through Maven, starts it on
# loopback with keycloak/funnel-realm.json, runs the packaged Funnel (target/quarkus-app) on a
# throw-away PostgreSQL cluster, and checks a password grant (sales users of two teams), a
# client-credentials grant (billing) and that a team never reaches another team's data.
#
#   ./mvnw package -DskipTests && scripts/keycloak-e2e.sh
#
# Needs: JDK 17, python3, PostgreSQL server binaries (Debian's postgresql-15 package) and root
# or the postgres user to create a cluster. Ports: 8180 (Keycloak), 8190 (Funnel), 55432 (PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

KC_VERSION=${KC_VERSION:-26.7.3}
KC_PORT=8180
APP_PORT=8190
PG_PORT=55432
PG_CLUSTER=funnel_e2e
WORK=target/keycloak-e2e
mkdir -p "$WORK"
pids=()

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pg_ctlcluster 15 "$PG_CLUSTER" stop 2>/dev/null || true
    pg_dropcluster 15 "$PG_CLUSTER" 2>/dev/null || true
}
trap cleanup EXIT

wait_for() { # url, seconds, what
    for _ in $(seq 1 "$2"); do
        if curl -fs -o /dev/null "$1"; then return 0; fi
        sleep 1
    done
    echo "keycloak-e2e: $3 did not come up within $2 s ($1)" >&2
    return 1
}

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "keycloak-e2e: build first: ./mvnw package -DskipTests" >&2; exit 1; }

# --- Keycloak, from Maven Central
KC_HOME="$WORK/keycloak-$KC_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    ./mvnw -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" \
        -DoutputDirectory="$WORK" -Dmdep.overWriteIfNewer=true
    tar -xzf "$WORK/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$WORK"
fi
rm -rf "$KC_HOME/data"
mkdir -p "$KC_HOME/data/import"
cp keycloak/funnel-realm.json "$KC_HOME/data/import/funnel-realm.json"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port=$KC_PORT --import-realm \
    > "$WORK/keycloak.log" 2>&1 &
pids+=($!)

# --- PostgreSQL: a cluster of its own, thrown away at the end
pg_dropcluster --stop 15 "$PG_CLUSTER" 2>/dev/null || true
pg_createcluster 15 "$PG_CLUSTER" -p $PG_PORT -- --auth-local=trust --auth-host=scram-sha-256 > /dev/null
pg_ctlcluster 15 "$PG_CLUSTER" start
# as on a managed database: the service's user owns its database but may not create roles, so
# the administrator creates funnel_app once (V3__row_level_security.sql says so when it is missing)
su postgres -c "psql -q -p $PG_PORT -c \"create user funnel password 'funnel'\" -c 'create database funnel owner funnel' \
    -c 'create role funnel_app nologin' -c 'grant funnel_app to funnel'"

wait_for "http://127.0.0.1:$KC_PORT/realms/funnel/.well-known/openid-configuration" 240 Keycloak

# --- Funnel, the packaged application in production mode
QUARKUS_HTTP_PORT=$APP_PORT \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/funnel" \
QUARKUS_DATASOURCE_USERNAME=funnel QUARKUS_DATASOURCE_PASSWORD=funnel \
QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:$KC_PORT/realms/funnel" \
    java -jar target/quarkus-app/quarkus-run.jar > "$WORK/funnel.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$APP_PORT/q/health/ready" 90 Funnel

python3 scripts/e2e_check.py "http://127.0.0.1:$KC_PORT/realms/funnel" "http://127.0.0.1:$APP_PORT"
