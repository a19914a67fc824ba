'use strict';
// PostGraphile v4 peer of Funnel for the benchmark: same database, same row-level security.
// Each request's bearer JWT is checked here (RS256, issuer); the request then runs, like Funnel's,
// as role funnel_app with funnel.team_codes = the token's teams, so the database's RLS policies
// (funnel_team_ids()) scope every row. No token or a bad one: 401, no database work.
//
// Env: DATABASE_URL, PORT, JWT_PUBLIC_KEY_FILE (PEM, RS256), JWT_ISSUER;
//      optional DATABASE_SCHEMA (public), PG_POOL_MAX (10), HOST (127.0.0.1).

const fs = require('fs');
const http = require('http');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');
const { postgraphile } = require('postgraphile');
const { makeAddPgTableConditionPlugin, makeAddPgTableOrderByPlugin, orderByAscDesc } = require('graphile-utils');

function env(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    if (fallback !== undefined) return fallback;
    console.error(`missing environment variable ${name}`);
    process.exit(2);
  }
  return value;
}

const databaseUrl = env('DATABASE_URL');
const port = Number(env('PORT'));
const host = env('HOST', '127.0.0.1');
const schema = env('DATABASE_SCHEMA', 'public');
const publicKey = fs.readFileSync(env('JWT_PUBLIC_KEY_FILE'));
const verifyOptions = { algorithms: ['RS256'], issuer: env('JWT_ISSUER') };

// Funnel's Contact.quotes(statuses:) counts a quote as shown today: an open quote (DRAFT, SENT,
// ACCEPTED) past its valid_until date shows as EXPIRED. The same rule as a condition field,
// quotesByContactId(condition: {statuses: ["SENT"]}); Funnel's "today" is the UTC date.
const SHOWN_STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'EXPIRED', 'DECLINED', 'CONVERTED'];
const QuoteStatusesCondition = makeAddPgTableConditionPlugin(
  schema, 'quote', 'statuses',
  (build) => ({
    description: 'Only quotes in any of these statuses as shown today (an open quote past its date is EXPIRED); all when empty.',
    type: new build.graphql.GraphQLList(new build.graphql.GraphQLNonNull(build.graphql.GraphQLString)),
  }),
  (value, { sql, sqlTableAlias }) => {
    if (value == null || value.length === 0) return null;
    const today = sql.fragment`(now() at time zone 'UTC')::date`;
    const status = sql.fragment`${sqlTableAlias}.status`;
    const validUntil = sql.fragment`${sqlTableAlias}.valid_until`;
    const clauses = [...new Set(value)].map((s) => {
      if (!SHOWN_STATUSES.includes(s)) throw new Error(`unknown quote status ${s}`);
      switch (s) {
        case 'DRAFT': case 'SENT': case 'ACCEPTED':
          return sql.fragment`(${status} = ${sql.value(s)} and ${validUntil} >= ${today})`;
        case 'EXPIRED':
          return sql.fragment`(${status} = 'EXPIRED' or (${status} in ('DRAFT', 'SENT', 'ACCEPTED') and ${validUntil} < ${today}))`;
        default:
          return sql.fragment`${status} = ${sql.value(s)}`;
      }
    });
    return sql.fragment`(${sql.join(clauses, ' or ')})`;
  },
);

// Funnel orders "last_interaction_at desc nulls last, id desc". PostgreSQL's default puts nulls
// first in DESC order, and graphileBuildOptions.orderByNullsLast would also turn ID_DESC into
// "id DESC NULLS LAST", which no longer matches the indexes' "id DESC" (nor interaction's
// "occurred_at DESC, id DESC") and adds a sort step. So nulls-last only where Funnel has it:
// LAST_INTERACTION_AT_NULLS_LAST_DESC = last_interaction_at DESC NULLS LAST.
const ContactLastInteractionNullsLast = makeAddPgTableOrderByPlugin(schema, 'contact', () =>
  orderByAscDesc('LAST_INTERACTION_AT_NULLS_LAST', 'last_interaction_at', { nulls: 'last' }));

// Timestamps come back in UTC, as Funnel gives them.
const pool = new Pool({ connectionString: databaseUrl, max: Number(env('PG_POOL_MAX', '10')), options: '-c TimeZone=UTC' });
pool.on('error', (e) => console.error('idle database client error:', e.message));

const graphql = postgraphile(pool, schema, {
  // production-like
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  showErrorStack: false,
  extendedErrors: [],
  retryOnInitFail: false,
  allowExplain: false,
  enableQueryBatching: false,
  // schema shape
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: true, // introspection runs as the owner (funnel), not funnel_app: RBAC would hide nothing
  ignoreIndexes: true,
  disableDefaultMutations: true, // a read peer; writes stay Funnel's
  appendPlugins: [QuoteStatusesCondition, ContactLastInteractionNullsLast],
  // per request, the same settings Funnel sets on its connection (transaction-local set_config)
  pgSettings: (req) => ({
    role: 'funnel_app',
    'funnel.team_codes': req.funnelTeams,
    'funnel.all_teams': 'off',
  }),
});

function teamsOf(authorization) {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization || '');
  if (!match) return null;
  try {
    const claims = jwt.verify(match[1], publicKey, verifyOptions);
    const teams = Array.isArray(claims.teams) ? claims.teams.filter((t) => typeof t === 'string') : [];
    return teams.join(',');
  } catch (e) {
    return null;
  }
}

function unauthorized(res) {
  const body = JSON.stringify({ errors: [{ message: 'Unauthorized' }] });
  res.writeHead(401, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'WWW-Authenticate': 'Bearer',
  });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const path = req.url.split('?', 1)[0];
  if (path === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  if (path !== '/graphql') {
    res.writeHead(404);
    res.end();
    return;
  }
  const teams = teamsOf(req.headers.authorization);
  if (teams === null) {
    unauthorized(res);
    return;
  }
  req.funnelTeams = teams;
  graphql(req, res);
});
server.keepAliveTimeout = 65000;

(async () => {
  await graphql.getGraphQLSchema(); // introspect before saying we are ready
  server.listen(port, host, () => console.log(`postgraphile peer listening on ${port}`));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

function stop() {
  server.close();
  pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
