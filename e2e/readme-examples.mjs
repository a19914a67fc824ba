// Runs the examples of README.md against a fresh dev mode at FUNNEL_BASE_URL (default
// http://localhost:8080, the README's): it extracts them on every run, so a changed README is
// checked as it stands. One PASS / FAIL / SKIP line per fenced block.
//
// Which blocks run (every other block is listed as SKIP with the reason, never dropped silently):
// - ```graphql blocks: sent to /graphql. Any GraphQL error or a non-2xx answer fails the example,
//   unless the block holds a comment `# expect: CODE`, then it must fail with that extensions.code.
// - ```shell blocks whose every command is curl and that call http://localhost:8080 (the dev mode):
//   run with bash, that URL replaced by FUNNEL_BASE_URL; a non-2xx answer (curl --fail-with-body),
//   a failing command or `"errors"` in the output fails the example. Blocks that build, run
//   containers or call another host (production curl to funnel.example.com, mvnw, docker, bench)
//   only make sense elsewhere: SKIP.
// - Other languages (```sql for administrators, ```json samples of answers): SKIP.
//
// Who calls (a demo user's token from /dev/token): billy (billing, red) for convertQuote, carol
// (manager, red and blue) for team settings and campaigns, root (admin) for createTeam, else alice (sales, red).
//
// Variables of a graphql example come from the demo data (src/main/resources/db/demo):
// - $id, $contact, $contactId (ID): a lead of team red that no earlier example used, so examples do
//   not depend on each other; when the example passes `expectedVersion: N`, a lead at version N;
// - $quote, $quoteId (ID): a SENT quote of team red, not used by an earlier example;
// - $invoice, $invoiceId (ID): an invoice of team red;
// - $first (Int): 10; $after, $before (String): null.
// Any other variable fails the example, naming it: add it to the mapping above (VARIABLES below).
// Examples run in README order; a second run on the same dev mode may lack unused demo leads.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, assert, check, devToken, finish } from './report.mjs';

const README = process.env.FUNNEL_README || join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const DEV_URL = 'http://localhost:8080';

/** The fenced blocks of a Markdown text: language, text, line of the opening fence. */
export function fencedBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```+\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```/.test(lines[j])) body.push(lines[j++]);
    blocks.push({ lang: open[2].toLowerCase(), text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

const tokens = {};
async function tokenOf(user) {
  tokens[user] ??= await devToken(user);
  return tokens[user];
}

function userFor(document) {
  if (/\bconvertQuote\b/.test(document)) return 'billy';
  if (/\bcreateTeam\b/.test(document)) return 'root';
  if (/\bupdateTeamSettings\b|\bcreateCampaign\b|\baddCampaignCost\b/.test(document)) return 'carol';
  return 'alice';
}

async function graphql(user, query, variables) {
  const answer = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await tokenOf(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await answer.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: answer.status, body, text };
}

/** Demo records the variables are taken from, read once through the API as alice (team red). */
async function demoPools() {
  const { body } = await graphql('alice', `{
    leads: contacts(filter: {team: "red", stages: [LEAD]}, orderBy: {field: NAME, direction: ASC}, first: 100) {
      edges { node { id version } } }
    quotes(filter: {team: "red", statuses: [SENT]}, first: 100) { edges { node { id } } }
    invoices(filter: {team: "red"}, first: 100) { edges { node { id } } }
  }`);
  assert(body && body.data, `cannot read the demo data: ${JSON.stringify(body && body.errors)}`);
  const nodes = (connection) => connection.edges.map((e) => e.node);
  return { leads: nodes(body.data.leads), quotes: nodes(body.data.quotes), invoices: nodes(body.data.invoices) };
}

const used = new Set();
function take(pool, what, accept = () => true) {
  const found = pool.find((r) => !used.has(r.id) && accept(r));
  if (!found) throw new Error(`no unused ${what} left in the demo data (run against a fresh dev mode)`);
  used.add(found.id);
  return found.id;
}

/** The mapping documented at the top of this file. */
const VARIABLES = {
  id: 'contact', contact: 'contact', contactId: 'contact',
  quote: 'quote', quoteId: 'quote', invoice: 'invoice', invoiceId: 'invoice',
  first: 'first', after: 'cursor', before: 'cursor',
};

function variablesFor(document, pools) {
  const variables = {};
  const version = /expectedVersion:\s*(\d+)/.exec(document);
  for (const [, name] of document.matchAll(/\$(\w+)\s*:/g)) {
    const kind = VARIABLES[name];
    if (kind === 'contact') {
      variables[name] = version
        ? take(pools.leads, `red lead at version ${version[1]}`, (r) => r.version === Number(version[1]))
        : take(pools.leads, 'red lead');
    } else if (kind === 'quote') {
      variables[name] = take(pools.quotes, 'sent red quote');
    } else if (kind === 'invoice') {
      variables[name] = take(pools.invoices, 'red invoice');
    } else if (kind === 'first') {
      variables[name] = 10;
    } else if (kind === 'cursor') {
      variables[name] = null;
    } else {
      throw new Error(`no mapping for $${name}: add it to VARIABLES in e2e/readme-examples.mjs`);
    }
  }
  return variables;
}

function title(block) {
  const words = block.text.replace(/\s+/g, ' ').trim().slice(0, 60);
  return `README.md:${block.line} ${block.lang} ${words}`;
}

async function runGraphql(block, pools) {
  const expected = /#\s*expect:\s*([A-Z_]+)/.exec(block.text);
  const user = userFor(block.text);
  const variables = variablesFor(block.text, pools);
  const { status, body, text } = await graphql(user, block.text, variables);
  const codes = (body?.errors || []).map((e) => e.extensions?.code || 'no code');
  if (expected) {
    assert(codes.includes(expected[1]), `expected ${expected[1]}, got HTTP ${status} ${text.slice(0, 300)}`);
    return;
  }
  assert(status >= 200 && status < 300, `HTTP ${status} ${text.slice(0, 300)}`);
  assert(body && body.data && codes.length === 0, `as ${user}: ${text.slice(0, 400)}`);
}

/** The commands of a shell text: one per line, except where a quote or a backslash continues it. */
function shellCommands(text) {
  const commands = [];
  let current = '';
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '\\' && text[i + 1] === '\n') {
      i++;
      current += ' ';
      continue;
    } else if (c === '#' && /(^|\s)$/.test(current)) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    } else if (c === '\n' || c === ';' || c === '&' || c === '|') {
      if (current.trim()) commands.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) commands.push(current.trim());
  return commands;
}

/** Why a shell block is not run here, or null when it runs: only curl, and against the dev mode. */
function shellSkipReason(text) {
  const hosts = [...text.matchAll(/https?:\/\/[^/\s'"]+/g)].map((m) => m[0]);
  const other = hosts.find((h) => h !== DEV_URL);
  if (other) return `calls ${other}, not the dev mode`;
  for (const command of shellCommands(text)) {
    // the program after any VAR=value prefixes, or the one inside VAR=$(...)
    const program = command.replace(/^(\w+=(\$\(|'[^']*'|"[^"]*"|\S*)\s*)+/, '').split(/\s+/)[0]
      || (/\$\((\S+)/.exec(command) || [])[1];
    if (program !== 'curl') return `runs ${program}, not a call to the dev mode`;
  }
  if (hosts.length === 0) return 'calls no URL';
  return null;
}

function runShell(block) {
  const script = `set -eo pipefail\ncurl() { command curl --fail-with-body --show-error "$@"; }\n${block.text.split(DEV_URL).join(BASE)}`;
  let output;
  try {
    output = execFileSync('bash', ['-c', script], { encoding: 'utf8', timeout: 30000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`exit ${e.status}: ${(e.stdout || '') + (e.stderr || '')}`.slice(0, 400));
  }
  assert(output.trim().length > 0, 'no output');
  assert(!output.includes('"errors"'), output.slice(0, 400));
}

const blocks = fencedBlocks(readFileSync(README, 'utf8'));
let pools = null;
await check('the demo data can be read (for the variables of the examples)', async () => {
  pools = await demoPools();
});
for (const block of blocks) {
  if (block.lang === 'graphql') {
    await check(title(block), () => runGraphql(block, pools || { leads: [], quotes: [], invoices: [] }));
  } else if (block.lang === 'shell' || block.lang === 'sh' || block.lang === 'bash') {
    const reason = shellSkipReason(block.text);
    if (reason) console.log(`SKIP ${title(block)}: ${reason}`);
    else await check(title(block), () => runShell(block));
  } else {
    console.log(`SKIP ${title(block)}: a ${block.lang || 'plain'} block is not an example to run`);
  }
}
finish();
