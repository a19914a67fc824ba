#!/usr/bin/env bash
# End to end against a real OIDC provider: downloads Keycloak through Maven, starts it on
# loopback with keycloak/funnel-realm.json, runs the packaged Funnel (target/quarkus-app) on a
# throw-away PostgreSQL cluster, and checks a password grant (sales users of two teams), a
# client-credentials grant (billing) and that a team never reaches another team's data.
#
#   ./mvnw package -DskipTests && scripts/keycloak-e2e.sh
#
# Then the front-end checks of clients/ (scripts/frontend-checks.sh: webhooks and subscriptions
# included), and the operations checks: a second instance on the same database converts the same
# quote concurrently with the first (one invoice), webhooks under faults (scripts/webhook_faults.py:
# a burst of 1,000 changes through both instances delivered exactly once, PostgreSQL restarted
# during a burst, an instance killed during a delivery), an instance killed during a contact import
# (the run resumes, no row twice), and readiness goes down while PostgreSQL
# is stopped and comes back by itself when it restarts, with both instances answering again.
#
# Needs: JDK 17, python3, curl, Node.js 20 with npm, PostgreSQL server binaries (Debian's
# postgresql-15 package) and root, to create a cluster. Ports: 8180 (Keycloak), 8190 and 8191
# (Funnel), 25432 (PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

KC_VERSION=${KC_VERSION:-26.7.3}
KC_PORT=8180
APP_PORT=8190
APP2_PORT=8191
PG_PORT=25432
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

# FUNNEL_NATIVE=1: the same checks against the native executable (./mvnw package -Dnative), as ops run it
if [ "${FUNNEL_NATIVE:-}" = 1 ]; then
    runner=$(ls target/*-runner 2> /dev/null | head -1)
    [ -x "$runner" ] || { echo "keycloak-e2e: build the native executable first: ./mvnw package -Dnative" >&2; exit 1; }
    funnel_cmd=("$runner")
    WORK=target/keycloak-e2e-native
    mkdir -p "$WORK"
else
    [ -f target/quarkus-app/quarkus-run.jar ] || { echo "keycloak-e2e: build first: ./mvnw package -DskipTests" >&2; exit 1; }
    funnel_cmd=(java -jar target/quarkus-app/quarkus-run.jar)
fi
echo "keycloak-e2e: Funnel runs as: ${funnel_cmd[*]}"

# --- Keycloak, from Maven Central
KC_DIR=target/keycloak-e2e
mkdir -p "$KC_DIR"
KC_HOME="$KC_DIR/keycloak-$KC_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    ./mvnw -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" \
        -DoutputDirectory="$KC_DIR" -Dmdep.overWriteIfNewer=true
    tar -xzf "$KC_DIR/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$KC_DIR"
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
app2=""
start_funnel() { # port, log
    # the events check (frontend-checks.sh) posts webhooks to a receiver on 127.0.0.1 and waits for retries and subscriptions;
    # the webhook fault checks kill an instance while its attempt is held: the attempt's timeout (30 s) outlasts the
    # kill, and its claim (35 s) is taken over by the restarted instance
    FUNNEL_EVENTS_WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS=true FUNNEL_EVENTS_WEBHOOKS_RETRY_DELAYS=1s,1s,2s,5s \
    FUNNEL_EVENTS_POLL_INTERVAL=200ms FUNNEL_EVENTS_WEBHOOKS_TIMEOUT=30s FUNNEL_EVENTS_WEBHOOKS_CLAIM_LEASE=35s \
    FUNNEL_IMPORTS_STALLED_AFTER=5s \
    QUARKUS_HTTP_PORT=$1 \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/funnel" \
    QUARKUS_DATASOURCE_USERNAME=funnel QUARKUS_DATASOURCE_PASSWORD=funnel \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:$KC_PORT/realms/funnel" \
        "${funnel_cmd[@]}" > "$WORK/$2" 2>&1 &
    pids+=($!)
}
start_funnel $APP_PORT funnel.log
app1=${pids[-1]}
wait_for "http://127.0.0.1:$APP_PORT/q/health/ready" 90 Funnel

ISSUER="http://127.0.0.1:$KC_PORT/realms/funnel"
python3 scripts/e2e_check.py "$ISSUER" "http://127.0.0.1:$APP_PORT"

# --- Logs: production writes one JSON object per line (README, "Operate"), start-up included
python3 - "$WORK/funnel.log" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
bad = [l for l in lines if not (l.startswith("{") and {"timestamp", "level", "message"} <= json.loads(l).keys())]
started = any("started in" in json.loads(l).get("message", "") for l in lines if l.startswith("{"))
print(f"logs: {len(lines)} lines, {len(bad)} not JSON log records, start-up logged: {started}")
for l in bad[:3]:
    print("  not a JSON log record:", l[:200].rstrip())
print(f"log-check: {int(not bad and started)} passed, {int(bool(bad) or not started)} failed")
sys.exit(1 if bad or not started else 0)
PY

# --- Front end: the schema as tools load it, the GraphQL-over-HTTP audits and a typed client, with
# real tokens (scripts/frontend-checks.sh). A failure fails this script, after the operations checks.
frontend=ok
scripts/frontend-checks.sh "http://127.0.0.1:$APP_PORT" "$ISSUER" || frontend=failed

# --- Operations: a second instance on the same database (the service keeps no state of its own)
start_funnel $APP2_PORT funnel-2.log
app2=${pids[-1]}
wait_for "http://127.0.0.1:$APP2_PORT/q/health/ready" 90 "the second Funnel"
python3 scripts/ops_check.py "$ISSUER" "http://127.0.0.1:$APP_PORT" "http://127.0.0.1:$APP2_PORT" two-instances

# --- Webhooks under faults (scripts/webhook_faults.py, a receiver checking every signature): 1,000 changes
# through both instances, each event delivered exactly once; PostgreSQL restarted while changes are made,
# every answered change delivered
python3 scripts/webhook_faults.py "$ISSUER" "http://127.0.0.1:$APP_PORT" "http://127.0.0.1:$APP2_PORT" burst
python3 scripts/webhook_faults.py "$ISSUER" "http://127.0.0.1:$APP_PORT" "http://127.0.0.1:$APP2_PORT" db-restart "$PG_CLUSTER"
wait_for "http://127.0.0.1:$APP_PORT/q/health/ready" 60 "Funnel after the database restart"
wait_for "http://127.0.0.1:$APP2_PORT/q/health/ready" 60 "the second Funnel after the database restart"

# --- Operations: readiness follows the database, and recovers by itself
ready() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/q/health/ready"; }
pg_ctlcluster 15 "$PG_CLUSTER" stop
down=no
for _ in $(seq 1 30); do
    if [ "$(ready $APP_PORT)" = 503 ] && [ "$(ready $APP2_PORT)" = 503 ]; then down=yes; break; fi
    sleep 1
done
live=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/q/health/live")
pg_ctlcluster 15 "$PG_CLUSTER" start
up=no
for _ in $(seq 1 60); do
    if [ "$(ready $APP_PORT)" = 200 ] && [ "$(ready $APP2_PORT)" = 200 ]; then up=yes; break; fi
    sleep 1
done
echo "readiness with PostgreSQL stopped: down=$down (liveness $live); after restart: up=$up"
[ "$down" = yes ] && [ "$live" = 200 ] && [ "$up" = yes ] || { echo "ops-check readiness: 0 passed, 1 failed"; exit 1; }
python3 scripts/ops_check.py "$ISSUER" "http://127.0.0.1:$APP_PORT" "http://127.0.0.1:$APP2_PORT" after-restart

# --- Operations: graceful shutdown. On SIGTERM readiness goes down at once (the load balancer
# stops sending), requests keep being answered during the shutdown delay, then the process exits.
kill -TERM "$app2"
sleep 1
during=$(ready $APP2_PORT)
served=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP2_PORT/q/health/live")
exited=no
for _ in $(seq 1 40); do
    if ! kill -0 "$app2" 2>/dev/null; then exited=yes; break; fi
    sleep 1
done
echo "graceful shutdown: readiness $during, still serving $served, exited within 40 s: $exited"
[ "$during" = 503 ] && [ "$served" = 200 ] && [ "$exited" = yes ] || { echo "ops-check shutdown: 0 passed, 1 failed"; exit 1; }
echo "ops-check shutdown: 1 passed, 0 failed"

# --- Webhooks: the instance is killed (SIGKILL) while the receiver holds its attempt, then started
# again: the attempt's claim runs out and the restarted instance delivers the event
rm -f "$WORK/held"
python3 scripts/webhook_faults.py "$ISSUER" "http://127.0.0.1:$APP_PORT" - kill "$WORK/held" &
faults=$!
for _ in $(seq 1 60); do [ -f "$WORK/held" ] && break; sleep 1; done
kill -KILL "$app1"
wait "$app1" 2>/dev/null || true
start_funnel $APP_PORT funnel-restarted.log
wait_for "http://127.0.0.1:$APP_PORT/q/health/ready" 90 "Funnel, started again"
wait "$faults"

# --- Imports: the instance is killed (SIGKILL) while it imports a file, then started again; the run,
# started again, resumes and imports every row exactly once (scripts/import_faults.py)
app1=${pids[-1]}
rm -f "$WORK/importing"
python3 scripts/import_faults.py "$ISSUER" "http://127.0.0.1:$APP_PORT" "$WORK/importing" &
imports=$!
for _ in $(seq 1 120); do [ -f "$WORK/importing" ] && break; sleep 0.2; done
kill -KILL "$app1"
wait "$app1" 2>/dev/null || true
start_funnel $APP_PORT funnel-restarted-2.log
wait_for "http://127.0.0.1:$APP_PORT/q/health/ready" 90 "Funnel, started again after the import"
wait "$imports"
[ "$frontend" = ok ] || { echo "keycloak-e2e: the front-end checks failed (scripts/frontend-checks.sh, above)" >&2; exit 1; }
