#!/usr/bin/env bash
# The front-end checks of clients/ against a running Funnel and its OIDC provider:
#   scripts/frontend-checks.sh <funnel-base-url> <keycloak-issuer>
# scripts/keycloak-e2e.sh runs it once scripts/e2e_check.py has created the teams of
# keycloak/funnel-realm.json; tokens come from that realm (password grant, client funnel-web).
#   1. schema-check: schema.graphql in graphql-js, graphql-schema-linter, graphql-codegen and tsc
#   2. audit: graphql-http's GraphQL-over-HTTP server audits (clients/audit-policy.json)
#   3. pipeline: a typed urql client's screens (clients/src/pipeline.ts)
#   4. events: a webhook receiver verifying with standardwebhooks, and the events subscription
#      over graphql-ws (clients/src/events.ts); the app must allow webhooks to loopback and retry
#      within seconds (scripts/keycloak-e2e.sh starts it so)
# Each runs whatever the others gave; the script fails when any of them failed.
# Needs Node.js 20 with npm; installs clients/ with `npm ci` when it is not installed or older than its lock file.
set -uo pipefail
[ $# = 2 ] || { echo "usage: $0 <funnel-base-url> <keycloak-issuer>" >&2; exit 2; }
cd "$(dirname "$0")/../clients"

# installed when missing, or older than the lock file (a pull that added a package)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error || exit 1
fi
failed=()
npm run -s schema-check || failed+=(schema-check)
npm run -s audit -- "$1" "$2" || failed+=(audit)
if [ -f src/gql/index.ts ]; then
    npm run -s pipeline -- "$1" "$2" || failed+=(pipeline)
    npm run -s events -- "$1" "$2" || failed+=(events)
else
    echo "pipeline, events: not run, graphql-codegen generated no client from schema.graphql (schema-check above)"
    failed+=(pipeline events)
fi
[ ${#failed[@]} = 0 ] || { echo "frontend-checks: failed: ${failed[*]}"; exit 1; }
echo "frontend-checks: schema-check, audit, pipeline and events passed"
