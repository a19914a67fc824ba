#!/usr/bin/env bash
# Dev-mode checks, as a newcomer meets the project: starts `./mvnw quarkus:dev` (fresh embedded
# PostgreSQL, demo data), then runs from e2e/:
#   - graphql-ui.test.mjs: the /dev page, a demo user's token into the GraphQL UI, Docs, a query
#     (headless Debian chromium, screenshots in target/e2e/);
#   - demo-data.test.mjs: the demo data as the API shows it, and the services carrying on from it;
#   - readme-examples.mjs: every README.md example meant for the dev mode, as written.
# Prints "N passed, N failed", stops dev mode and exits non-zero when anything failed.
#
# Environment:
#   FUNNEL_BASE_URL     where dev mode listens (default http://localhost:8080); its port is the
#                       one dev mode is started on, and nothing else may answer there
#   FUNNEL_DEV_PG_PORT  port of dev mode's embedded PostgreSQL (default: application.properties)
#   FUNNEL_DEV_ARGS     more arguments for quarkus:dev (e.g. -Dfunnel.graphql.max-depth=30)
#   FUNNEL_DEV_TIMEOUT  seconds to wait for readiness (default 420: a first build downloads)
# Installs nothing outside e2e/ (npm ci there when node_modules is missing), except
# `apt-get install -y chromium` when /usr/bin/chromium is missing.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BASE=${FUNNEL_BASE_URL:-http://localhost:8080}
BASE=${BASE%/}
PORT=$(sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#' <<<"$BASE")
PORT=${PORT:-80}
OUT=$ROOT/target/devmode-checks
mkdir -p "$OUT"
DEV_PID=

log() { printf '%s devmode-checks: %s\n' "$(date -u +%H:%M:%S)" "$*"; }

stop_dev() {
  if [[ -n $DEV_PID ]] && kill -0 "$DEV_PID" 2>/dev/null; then
    log "stopping dev mode (process group $DEV_PID)"
    kill -TERM -- "-$DEV_PID" 2>/dev/null
    for _ in $(seq 1 60); do
      kill -0 "$DEV_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$DEV_PID" 2>/dev/null
  fi
  DEV_PID=
}
trap stop_dev EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  log "something already answers at $BASE: stop it, or set FUNNEL_BASE_URL to a free port"
  echo "0 passed, 1 failed"
  exit 1
fi

if [[ ! -x /usr/bin/chromium && -z ${CHROMIUM:-} ]]; then
  log "installing Debian's chromium"
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >"$OUT/apt.log" 2>&1 \
    || { apt-get update >>"$OUT/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >>"$OUT/apt.log" 2>&1; } \
    || { log "cannot install chromium (see $OUT/apt.log)"; echo "0 passed, 1 failed"; exit 1; }
fi

if [[ ! -d e2e/node_modules ]]; then
  log "npm ci in e2e/"
  (cd e2e && npm ci --no-audit --no-fund) >"$OUT/npm.log" 2>&1 \
    || { log "npm ci failed (see $OUT/npm.log)"; echo "0 passed, 1 failed"; exit 1; }
fi

# Dev mode in a process group of its own (so that stopping it stops Maven, the application and its
# database), without the interactive console, continuous testing, the analytics question (it reads
# stdin) or a debug port (another dev mode may hold 5005).
DEV_ARGS=(-Dquarkus.http.port="$PORT" -Dquarkus.console.enabled=false -Dquarkus.test.continuous-testing=disabled
  -Dquarkus.analytics.disabled=true -Ddebug=false)
if [[ -n ${FUNNEL_DEV_PG_PORT:-} ]]; then
  DEV_ARGS+=("-D%dev.quarkus.embedded.postgresql.port=$FUNNEL_DEV_PG_PORT")
fi
# shellcheck disable=SC2206 # extra arguments are split on spaces on purpose
DEV_ARGS+=(${FUNNEL_DEV_ARGS:-})
log "starting ./mvnw quarkus:dev ${DEV_ARGS[*]} (log: $OUT/dev.log)"
setsid ./mvnw -B quarkus:dev "${DEV_ARGS[@]}" </dev/null >"$OUT/dev.log" 2>&1 &
DEV_PID=$!

deadline=$((SECONDS + ${FUNNEL_DEV_TIMEOUT:-420}))
until curl -sf -o /dev/null --max-time 2 "$BASE/q/health/ready"; do
  if ! kill -0 "$DEV_PID" 2>/dev/null || ((SECONDS > deadline)); then
    log "dev mode did not become ready; the end of its log:"
    tail -n 40 "$OUT/dev.log"
    echo "0 passed, 1 failed"
    exit 1
  fi
  sleep 2
done
log "dev mode is ready at $BASE"

passed=0
failed=0
for check in graphql-ui.test.mjs demo-data.test.mjs readme-examples.mjs; do
  log "e2e/$check"
  (cd e2e && FUNNEL_BASE_URL=$BASE node "$check") 2>&1 | tee "$OUT/${check%%.*}.log"
  status=${PIPESTATUS[0]}
  p=$(grep -c '^PASS ' "$OUT/${check%%.*}.log")
  f=$(grep -c '^FAIL ' "$OUT/${check%%.*}.log")
  if ((status != 0 && f == 0)); then
    echo "FAIL e2e/$check exited with $status"
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
done

stop_dev
echo "$passed passed, $failed failed"
((failed == 0))
