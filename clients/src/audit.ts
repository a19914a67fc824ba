// graphql-http's GraphQL-over-HTTP server audits against a running Funnel, with a real bearer token:
//   npm run audit -- <funnel-base-url> <keycloak-issuer>
// Prints each audit's id, requirement, status and name; fails on any MUST or SHOULD audit not ok,
// and on a MAY audit that audit-policy.json requires, unless audit-policy.json lists it as an
// exception with its reason (an exception whose audit passes fails too: the list stays short).
import { readFileSync } from 'node:fs';
import { auditServer, type AuditResult } from 'graphql-http';
import { Report, serverArgs, tokens } from './common';

interface Policy {
  required: Record<string, string>;
  exceptions: Record<string, string>;
}

const { graphqlUrl, issuer } = serverArgs('audit');
const policy = JSON.parse(readFileSync('audit-policy.json', 'utf8')) as Policy;
const report = new Report('audit');
const [token] = await tokens(report, issuer, 'alice');

const fetchFn: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

/** What the server answered, for a failed audit: status, content type and the body's start. */
async function answered(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return '';
  const res = result.response;
  let body = '';
  try {
    body = (await res.clone().text()).replace(/\s+/g, ' ').slice(0, 160);
  } catch {
    body = '(body already read)';
  }
  return `${result.reason}; got ${res.status} ${res.headers.get('content-type') ?? '(no content-type)'} ${body}`;
}

let results: AuditResult[] = [];
// an audit throws only when it cannot run at all (the server unreachable, say)
await report.check(`graphql-http's server audits run against ${graphqlUrl}`, async () => {
  results = await auditServer({ url: graphqlUrl, fetchFn });
});
let optional = 0;
for (const result of results) {
  const level = result.name.split(' ')[0];
  const line = `${result.id} ${result.status.padEnd(6)} ${result.name}`;
  const exception = policy.exceptions[result.id];
  const counts = level === 'MUST' || level === 'SHOULD' || result.id in policy.required;
  if (exception !== undefined) {
    report.record(line, result.status !== 'ok',
      result.status === 'ok' ? '(listed as an exception but passes: remove it from audit-policy.json)' : `(exception: ${exception})`);
  } else if (counts) {
    report.record(line, result.status === 'ok', await answered(result));
    if (result.status !== 'ok' && policy.required[result.id]) console.log(`      required: ${policy.required[result.id]}`);
  } else if (result.status !== 'ok') {
    optional++;
    console.log(`note  ${line} (optional: ${await answered(result)})`);
  } else {
    report.record(line, true);
  }
}
const known = new Set(results.map((r) => r.id));
for (const id of [...Object.keys(policy.required), ...Object.keys(policy.exceptions)].filter((id) => !known.has(id))) {
  report.record(`audit-policy.json names ${id}`, false, '(no such audit in this graphql-http version)');
}
console.log(`${results.length} audits; ${optional} optional (MAY) not met and not required`);
report.close();
