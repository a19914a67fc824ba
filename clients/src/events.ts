// Funnel's events as their receivers see them, against a running Funnel with real tokens:
//   npm run events -- <funnel-base-url> <keycloak-issuer>
// 1. Webhooks: a real HTTP receiver on 127.0.0.1 gets team red's events from an endpoint that carol
//    (manager) creates, and checks each request with the standardwebhooks package, as a receiver
//    would: signature, timestamp tolerance, body, webhook-id once, the team's sequence without gaps,
//    retries (it answers 500 to the first attempts of quote.sent) and a secret rotation's overlap.
// 2. Subscriptions: graphql-ws (with ws as the WebSocket) as alice (sales, red): live events, a
//    resume from the last cursor after missing changes, nothing of team blue, 4403 without a token.
// The server must run with funnel.events.webhooks.allow-private-destinations=true (the receiver is
// on loopback) and short retry delays (scripts/keycloak-e2e.sh sets both, and a short poll interval).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, CombinedError, fetchExchange, type OperationResult } from '@urql/core';
import { print } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Webhook } from 'standardwebhooks';
import WebSocket from 'ws';
import { graphql } from './gql';
import type { EventFeedSubscription } from './gql/graphql';
import { clientCredentialsToken, Report, serverArgs, tokens } from './common';

const WebhookCreate = graphql(`
  mutation WebhookCreate($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { endpoint { id enabled team url eventTypes } secret }
  }
`);

const WebhookRotate = graphql(`
  mutation WebhookRotate($id: ID!) {
    rotateWebhookSecret(id: $id) { endpoint { id previousSecretValidUntil } secret }
  }
`);

const WebhookDeliveries = graphql(`
  query WebhookDeliveries($team: String) {
    webhookEndpoints(team: $team, first: 5) {
      edges { node { id deliveries(first: 100) { edges { node {
        status attempts lastResponseStatus event { id typeName sequence }
      } } } } }
    }
  }
`);

const TeamLog = graphql(`
  query TeamLog($filter: EventFilter!, $after: String, $order: EventOrder, $first: Int!) {
    events(filter: $filter, after: $after, order: $order, first: $first) {
      edges { cursor node { id typeName team sequence subjectId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const EventFeed = graphql(`
  subscription EventFeed($after: String) {
    events(after: $after) { id typeName team sequence cursor data }
  }
`);

const ContactNew = graphql(`
  mutation ContactNew($input: CreateContactInput!) {
    createContact(input: $input) { id stage version }
  }
`);

const ContactEdit = graphql(`
  mutation ContactEdit($input: UpdateContactInput!) {
    updateContact(input: $input) { id version }
  }
`);

const TouchRecord = graphql(`
  mutation TouchRecord($input: RecordInteractionInput!) {
    recordInteraction(input: $input) { id contact { id stage } }
  }
`);

const QuoteDraft = graphql(`
  mutation QuoteDraft($input: CreateQuoteInput!) {
    createQuote(input: $input) { id status }
  }
`);

const QuoteSend = graphql(`
  mutation QuoteSend($id: ID!) {
    sendQuote(id: $id) { id status }
  }
`);

const QuoteConvert = graphql(`
  mutation QuoteConvert($input: ConvertQuoteInput!) {
    convertQuote(input: $input) { invoice { id } contact { stage } }
  }
`);

const { graphqlUrl, issuer } = serverArgs('events');
const wsUrl = graphqlUrl.replace(/^http/, 'ws');
const report = new Report('events');
// carol is the manager of red and blue, alice sales in red, bob sales in blue (keycloak/funnel-realm.json)
const [aliceToken, bobToken, carolToken] = await tokens(report, issuer, 'alice', 'bob', 'carol');
// the realm's confidential client billing (role billing, team red), as scripts/e2e_check.py uses it
const billingToken = await clientCredentialsToken(report, issuer, 'billing', 'billing-secret-change-me');

function client(token: string): Client {
  return new Client({
    url: graphqlUrl,
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
  });
}
const [alice, bob, carol, billing] = [client(aliceToken), client(bobToken), client(carolToken), client(billingToken)];

function describe(error: CombinedError): string {
  if (error.networkError) return `network: ${error.networkError.message}`;
  return error.graphQLErrors.map((e) => `${e.extensions?.code ?? 'NO CODE'} ${e.message}`).join('; ');
}

/** The data of a result that must have succeeded. */
function data<D>(result: OperationResult<D, any>): D {
  if (result.error) throw new Error(describe(result.error));
  if (!result.data) throw new Error('no data');
  return result.data;
}

function expectEqual(what: string, actual: unknown, expected: unknown): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`${what}: got ${a}, expected ${e}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds, polling; throws `what` with `state()` when it does not within `ms`. */
async function until(what: string, done: () => boolean | Promise<boolean>, ms: number, state = () => ''): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms / 1000} s${state() ? `; ${state()}` : ''}`);
    await sleep(50);
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const tag = `events-${Date.now().toString(36)}`;
const validUntil = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

// ------------------------------------------------------------------------------------------------
// The receiver: a plain Node HTTP server, as a customer's would be
// ------------------------------------------------------------------------------------------------

interface WebhookBody {
  id: string;
  type: string;
  timestamp: string;
  team: string;
  sequence: number;
  subjectId: string;
  actor: string;
  version: number;
  data: Record<string, any>;
}

interface Request {
  method: string;
  contentType: string;
  /** The raw body, as signed. */
  body: string;
  headers: { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };
  json: WebhookBody | null;
  /** The names of the secrets whose Webhook.verify accepted it, and why the others refused it. */
  verifiedWith: string[];
  refusals: string[];
  answered: number;
}

/** The type whose first attempts the receiver fails, and how many. */
const FAILING_TYPE = 'quote.sent';
const FAILURES = 2;
let failuresLeft = FAILURES;
const verifiers: { name: string; secret: string }[] = [];
const requests: Request[] = [];

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value ?? '';
};

const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = {
      'webhook-id': header(req, 'webhook-id'),
      'webhook-timestamp': header(req, 'webhook-timestamp'),
      'webhook-signature': header(req, 'webhook-signature'),
    };
    let json: WebhookBody | null = null;
    try {
      json = JSON.parse(body) as WebhookBody;
    } catch {
      // left null: a check below fails on it
    }
    const verifiedWith: string[] = [];
    const refusals: string[] = [];
    for (const { name, secret } of verifiers) {
      try {
        new Webhook(secret).verify(body, headers);
        verifiedWith.push(name);
      } catch (e) {
        refusals.push(`${name}: ${message(e)}`);
      }
    }
    // as a receiver does: a request it cannot verify is refused (and shows as a failed attempt)
    let status = verifiedWith.length ? 200 : 400;
    if (status === 200 && json?.type === FAILING_TYPE && failuresLeft > 0) {
      failuresLeft--;
      status = 500;
    }
    requests.push({ method: req.method ?? '', contentType: header(req, 'content-type'), body, headers, json,
      verifiedWith, refusals, answered: status });
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : status === 500 ? 'try again' : 'unverified');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/funnel-hook`;
console.log(`      webhook receiver: ${receiverUrl}`);

/** The requests answered 2xx: one per delivered event. */
const delivered = () => requests.filter((r) => r.answered >= 200 && r.answered < 300);
const deliveredOf = (type: string, test: (data: Record<string, any>, body: WebhookBody) => boolean) =>
  delivered().filter((r) => r.json?.type === type && test(r.json.data ?? {}, r.json));

interface LogEvent { id: string; typeName: string; team: string; sequence: number; subjectId: string; cursor: string }

/** Team red's replay log after `after` (every event when null), oldest first, as carol reads it. */
async function redLog(after: string | null): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  for (let page = 0; page < 20; page++) {
    const log = data(await carol.query(TeamLog, { filter: { team: 'red' }, after, first: 200 }).toPromise()).events;
    events.push(...log.edges.map((e) => ({ ...e.node, cursor: e.cursor })));
    if (!log.pageInfo.hasNextPage || !log.pageInfo.endCursor) break;
    after = log.pageInfo.endCursor;
  }
  return events;
}

// ------------------------------------------------------------------------------------------------
// 1. Webhooks
// ------------------------------------------------------------------------------------------------

// where team red's log stands before the endpoint exists: it receives the events after this one
let baseline: { cursor: string | null; sequence: number } = { cursor: null, sequence: 0 };
await report.check("team red's replay log: where it stands before the endpoint exists", async () => {
  const newest = data(await carol.query(TeamLog, { filter: { team: 'red' }, order: 'NEWEST_FIRST', first: 1 })
    .toPromise()).events.edges[0];
  baseline = newest ? { cursor: newest.cursor, sequence: newest.node.sequence } : baseline;
});

let endpointId = '';
let firstSecret = '';
await report.check('createWebhookEndpoint as carol (manager) for red, every type: enabled, a whsec_ secret of 32 bytes', async () => {
  const created = data(await carol.mutation(WebhookCreate, { input: { team: 'red', url: receiverUrl,
    description: `${tag}: scripts/frontend-checks.sh events` } }).toPromise()).createWebhookEndpoint;
  expectEqual('endpoint', [created.endpoint.enabled, created.endpoint.team, created.endpoint.url, created.endpoint.eventTypes],
    [true, 'red', receiverUrl, []]);
  if (!/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(created.secret) || Buffer.from(created.secret.slice(6), 'base64').length !== 32) {
    throw new Error(`secret ${created.secret.slice(0, 10)}...: not whsec_ and the base64 of 32 bytes`);
  }
  endpointId = created.endpoint.id;
  firstSecret = created.secret;
  verifiers.push({ name: 'the first secret', secret: firstSecret });
});

// the changes, through GraphQL as the users make them: a lead that answers, is quoted and buys
let contactId = '';
let quoteId = '';
let invoiceId = '';
await report.check('alice creates a web-form lead, which answers an outbound email (a prospect)', async () => {
  const contact = data(await alice.mutation(ContactNew, { input: { displayName: `${tag} buyer`, source: 'WEB_FORM' } })
    .toPromise()).createContact;
  contactId = contact.id;
  expectEqual('stage', contact.stage, 'LEAD');
  await alice.mutation(TouchRecord, { input: { contactId, channel: 'EMAIL', direction: 'OUTBOUND' } }).toPromise().then(data);
  const reply = data(await alice.mutation(TouchRecord, { input: { contactId, channel: 'EMAIL', direction: 'INBOUND' } })
    .toPromise()).recordInteraction;
  expectEqual('stage after the answer', reply.contact.stage, 'PROSPECT');
});
await report.check(`alice creates a quote and sends it (the receiver answers 500 to the first ${FAILURES} attempts of ${FAILING_TYPE})`, async () => {
  const quote = data(await alice.mutation(QuoteDraft, { input: { contactId, currency: 'EUR', validUntil,
    lines: [{ description: 'Audit', quantity: '1', unitPrice: '1200', taxRate: '20' }] } }).toPromise()).createQuote;
  quoteId = quote.id;
  expectEqual('sent', data(await alice.mutation(QuoteSend, { id: quoteId }).toPromise()).sendQuote.status, 'SENT');
});

type Delivery = { status: string; attempts: number; lastResponseStatus?: number | null; event: { id: string; typeName: string; sequence: number } };
async function deliveries(): Promise<Delivery[]> {
  const endpoints = data(await carol.query(WebhookDeliveries, { team: 'red' }).toPromise()).webhookEndpoints.edges;
  const endpoint = endpoints.find((e) => e.node.id === endpointId);
  if (!endpoint) throw new Error(`webhookEndpoints has no endpoint ${endpointId}`);
  return endpoint.node.deliveries.edges.map((e) => e.node);
}
await report.check(`webhookEndpoints shows the ${FAILING_TYPE} delivery PENDING after an attempt answered 500`, async () => {
  if (!endpointId) throw new Error('no endpoint');
  let seen: Delivery | undefined;
  await until(`a PENDING ${FAILING_TYPE} delivery with lastResponseStatus 500`, async () => {
    seen = (await deliveries()).find((d) => d.event.typeName === FAILING_TYPE);
    if (seen?.status === 'DELIVERED') throw new Error(`already delivered when first seen: ${JSON.stringify(seen)}`);
    return seen?.status === 'PENDING' && seen.lastResponseStatus === 500 && seen.attempts >= 1;
  }, 10_000, () => JSON.stringify(seen ?? null));
});
await report.check('billing converts the quote: an invoice, the contact a client', async () => {
  const converted = data(await billing.mutation(QuoteConvert, { input: { quoteId, idempotencyKey: `${tag}-1` } })
    .toPromise()).convertQuote;
  invoiceId = converted.invoice.id;
  expectEqual('stage', converted.contact.stage, 'CLIENT');
});

const expectedDeliveries: [string, string, (d: Record<string, any>) => boolean][] = [
  ['contact.created', 'the lead', (d) => d.contact?.id === contactId],
  ['contact.stage_changed', 'SUSPECT -> LEAD', (d) => d.contactId === contactId && d.from === 'SUSPECT' && d.to === 'LEAD'],
  ['interaction.recorded', 'OUTBOUND', (d) => d.contactId === contactId && d.direction === 'OUTBOUND'],
  ['interaction.recorded', 'INBOUND', (d) => d.contactId === contactId && d.direction === 'INBOUND'],
  ['contact.stage_changed', 'LEAD -> PROSPECT', (d) => d.contactId === contactId && d.from === 'LEAD' && d.to === 'PROSPECT'],
  ['quote.created', 'DRAFT', (d) => d.quoteId === quoteId && d.status === 'DRAFT'],
  ['quote.sent', 'SENT', (d) => d.quoteId === quoteId && d.status === 'SENT'],
  ['quote.converted', 'CONVERTED', (d) => d.quoteId === quoteId && d.status === 'CONVERTED'],
  ['invoice.issued', 'of the quote', (d) => d.invoiceId === invoiceId && d.quoteId === quoteId],
  ['contact.stage_changed', 'PROSPECT -> CLIENT', (d) => d.contactId === contactId && d.from === 'PROSPECT' && d.to === 'CLIENT'],
];
const missing = () => expectedDeliveries.filter(([type, , test]) => deliveredOf(type, test).length === 0)
  .map(([type, what]) => `${type} (${what})`);
await report.check(`the receiver gets each change's event: ${[...new Set(expectedDeliveries.map(([type]) => type))].join(', ')}`, async () => {
  if (!endpointId) throw new Error('no endpoint');
  await until('deliveries', () => missing().length === 0, 20_000, () => `missing ${missing().join(', ')}`);
});

/** The checks of every request so far that are not about its timing. */
function requestProblems(): string[] {
  const problems: string[] = requests.length ? [] : ['the receiver got no request'];
  for (const r of requests) {
    const b = r.json;
    const where = `request ${r.headers['webhook-id'] || '(no webhook-id)'}`;
    if (!r.verifiedWith.length) problems.push(`${where}: not verified (${r.refusals.join('; ')})`);
    if (r.method !== 'POST' || !r.contentType.startsWith('application/json')) problems.push(`${where}: ${r.method} ${r.contentType}`);
    if (!b) {
      problems.push(`${where}: body not JSON: ${r.body.slice(0, 80)}`);
      continue;
    }
    if (b.id !== r.headers['webhook-id']) problems.push(`${where}: body id ${b.id}`);
    if (typeof b.type !== 'string' || !/^[a-z]+\.[a-z_]+$/.test(b.type)) problems.push(`${where}: type ${b.type}`);
    if (typeof b.timestamp !== 'string' || Number.isNaN(Date.parse(b.timestamp))) problems.push(`${where}: timestamp ${b.timestamp}`);
    if (b.team !== 'red') problems.push(`${where}: team ${b.team}`);
    if (!Number.isInteger(b.sequence) || b.sequence <= baseline.sequence) problems.push(`${where}: sequence ${b.sequence}`);
    if (typeof b.data !== 'object' || b.data === null || Array.isArray(b.data)) problems.push(`${where}: data ${JSON.stringify(b.data)}`);
  }
  return problems;
}
await report.check('every request verifies with new Webhook(secret).verify(body, headers); its body: id = webhook-id, type, timestamp, team, sequence, data', () => {
  const problems = requestProblems();
  if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
  console.log(`      ${requests.length} requests, ${delivered().length} answered 2xx`);
});

const sentRequests = () => requests.filter((r) => r.json?.type === FAILING_TYPE);
await report.check(`${FAILING_TYPE}: answered 500, 500, then 200, every attempt with the same webhook-id and body`, () => {
  const attempts = sentRequests();
  expectEqual('answers', attempts.map((r) => r.answered), [500, 500, 200]);
  expectEqual('webhook-ids', new Set(attempts.map((r) => r.headers['webhook-id'])).size, 1);
  expectEqual('bodies', new Set(attempts.map((r) => r.body)).size, 1);
});
await report.check(`webhookEndpoints.deliveries: ${FAILING_TYPE} DELIVERED after 3 attempts (last answer 200), the others after 1`, async () => {
  let list: Delivery[] = [];
  // the relay writes an attempt's result just after the receiver answered it
  await until('every delivery DELIVERED', async () => {
    list = await deliveries();
    return list.length > 0 && list.every((d) => d.status === 'DELIVERED');
  }, 5_000, () => JSON.stringify(list.filter((d) => d.status !== 'DELIVERED')));
  const sent = list.filter((d) => d.event.typeName === FAILING_TYPE);
  expectEqual(FAILING_TYPE, sent.map((d) => [d.status, d.attempts, d.lastResponseStatus]), [['DELIVERED', 3, 200]]);
  const others = list.filter((d) => d.event.typeName !== FAILING_TYPE && (d.attempts !== 1 || d.lastResponseStatus !== 200));
  expectEqual('others not delivered at the first attempt', others, []);
  expectEqual('deliveries listed', list.length, delivered().length);
});

// a receiver must refuse what was not signed as it is, or was signed too long ago
const genuine = () => deliveredOf('contact.created', (d) => d.contact?.id === contactId)[0];
await report.check('the same delivery with one byte of its body changed: verify throws', () => {
  const r = genuine();
  if (!r) throw new Error('no delivery to tamper with');
  const hook = new Webhook(firstSecret);
  hook.verify(r.body, r.headers); // the genuine one passes...
  const at = r.body.indexOf('"team":"') + 8;
  const tampered = r.body.slice(0, at) + String.fromCharCode(r.body.charCodeAt(at) ^ 1) + r.body.slice(at + 1);
  if (tampered.length !== r.body.length || tampered === r.body) throw new Error('the body was not changed by one byte');
  try {
    hook.verify(tampered, r.headers);
  } catch (e) {
    expectEqual('error', message(e), 'No matching signature found');
    return;
  }
  throw new Error(`accepted a changed body: ${tampered.slice(at - 8, at + 8)}`);
});
await report.check('the genuine delivery verified with the clock 10 minutes later: verify throws, too old', () => {
  const r = genuine();
  if (!r) throw new Error('no delivery');
  const hook = new Webhook(firstSecret);
  hook.verify(r.body, r.headers);
  const now = Date.now;
  Date.now = () => now() + 10 * 60_000;
  try {
    hook.verify(r.body, r.headers);
  } catch (e) {
    expectEqual('error', message(e), 'Message timestamp too old');
    return;
  } finally {
    Date.now = now;
  }
  throw new Error('accepted a signature made 10 minutes ago');
});

// rotation: the next deliveries carry two signatures, with the new and the previous secret
let rotatedAt = Number.POSITIVE_INFINITY;
let secondSecret = '';
await report.check('rotateWebhookSecret: a new whsec_ secret; the previous one stays valid for the overlap (about 24 h)', async () => {
  if (!endpointId) throw new Error('no endpoint');
  const rotated = data(await carol.mutation(WebhookRotate, { id: endpointId }).toPromise()).rotateWebhookSecret;
  secondSecret = rotated.secret;
  if (!secondSecret.startsWith('whsec_') || secondSecret === firstSecret) throw new Error(`secret ${secondSecret.slice(0, 10)}...`);
  const overlapEnd = Date.parse(rotated.endpoint.previousSecretValidUntil ?? '');
  if (!(overlapEnd > Date.now() + 23 * 3_600_000)) throw new Error(`previousSecretValidUntil ${rotated.endpoint.previousSecretValidUntil}`);
  verifiers.push({ name: 'the new secret', secret: secondSecret });
});
let rotationContact = '';
await report.check('the next delivery verifies with the new secret and with the previous one: two v1 signatures', async () => {
  if (!secondSecret) throw new Error('no rotation');
  rotationContact = data(await alice.mutation(ContactNew, { input: { displayName: `${tag} after rotation`, inFunnel: false } })
    .toPromise()).createContact.id;
  await until('its delivery', () => deliveredOf('contact.created', (d) => d.contact?.id === rotationContact).length > 0, 10_000);
  const r = deliveredOf('contact.created', (d) => d.contact?.id === rotationContact)[0]!;
  rotatedAt = r.json!.sequence;
  expectEqual('signatures', r.headers['webhook-signature'].split(' ').map((s) => s.split(',')[0]), ['v1', 'v1']);
  new Webhook(secondSecret).verify(r.body, r.headers);
  new Webhook(firstSecret).verify(r.body, r.headers);
  // and a third secret does not verify it: the two above say something
  let other = true;
  try {
    new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(r.body, r.headers);
  } catch {
    other = false;
  }
  if (other) throw new Error('a secret of neither verifies it');
});

// ------------------------------------------------------------------------------------------------
// 2. The events subscription, over graphql-ws
// ------------------------------------------------------------------------------------------------

interface FeedEvent { id: string; typeName: string; team: string; sequence: number; cursor: string; data: Record<string, any> }

/** Disposes a client whose connection may have failed (dispose then rethrows why). */
const quietly = (client: WsClient) => Promise.resolve(client.dispose()).catch(() => {});

/** One graphql-ws client with one events subscription, collecting what it receives. */
class Feed {
  readonly events: FeedEvent[] = [];
  readonly errors: string[] = [];
  private connected = false;
  private readonly client: WsClient;

  constructor(token: string, after: string | null) {
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { connected: () => (this.connected = true) },
    });
    this.client.subscribe<EventFeedSubscription>({ query: print(EventFeed), variables: { after } }, {
      next: (result) => {
        if (result.errors?.length) this.errors.push(result.errors.map((e) => e.message).join('; '));
        const event = result.data?.events;
        if (!event) return;
        let parsed: Record<string, any> = {};
        try {
          parsed = JSON.parse(event.data) as Record<string, any>;
        } catch {
          this.errors.push(`data of ${event.id} is not JSON: ${event.data}`);
        }
        this.events.push({ ...event, data: parsed });
      },
      error: (e) => this.errors.push(e instanceof Error ? e.message : Array.isArray(e)
        ? e.map((x: { message?: string; extensions?: { code?: string } }) => `${x.extensions?.code ?? ''} ${x.message ?? ''}`).join('; ')
        : `closed ${JSON.stringify(e, ['code', 'reason'])}`),
      complete: () => {},
    });
  }

  /**
   * Resolves once the subscription is live: without after it reads from "now", a moment the client
   * cannot see, so `probe` makes a change (one event) until its event comes back.
   */
  async live(probe: () => Promise<string>): Promise<void> {
    await until('connection_ack', () => this.connected || this.errors.length > 0, 10_000);
    if (this.errors.length) throw new Error(this.errors.join('; '));
    for (let attempt = 1; ; attempt++) {
      const subject = await probe();
      try {
        await until('the probe', () => this.events.some((e) => e.data.contact?.id === subject) || this.errors.length > 0, 2_000);
        break;
      } catch (e) {
        if (attempt === 5) throw e;
      }
    }
    if (this.errors.length) throw new Error(this.errors.join('; '));
  }

  dispose(): Promise<void> {
    return quietly(this.client);
  }
}

/** How a connection ends whose connection_init carries `payload` (none when undefined). */
function closeOf(payload: Record<string, string> | undefined): Promise<string> {
  return new Promise((resolve) => {
    let acked = false;
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: payload,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
      on: {
        connected: () => (acked = true),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          resolve(`${acked ? 'acknowledged, then ' : ''}closed ${code} ${reason}`);
          void quietly(client);
        },
      },
    });
    setTimeout(() => {
      resolve(`${acked ? 'acknowledged and ' : ''}still open after 10 s`);
      void quietly(client);
    }, 10_000).unref();
  });
}

const forged = (token: string) => {
  const at = token.lastIndexOf('.') + 20;
  return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
};
for (const [what, payload] of [
  ['no payload', undefined],
  ['a payload without Authorization', {}],
  ["alice's token with a forged signature", { Authorization: `Bearer ${forged(aliceToken)}` }],
  ['Authorization without Bearer', { Authorization: aliceToken }],
] as [string, Record<string, string> | undefined][]) {
  await report.check(`a connection whose connection_init has ${what} is closed with 4403`, async () => {
    const end = await closeOf(payload);
    if (!/^closed 4403 /.test(end)) throw new Error(end);
  });
}

const redFeed = new Feed(aliceToken, null);
const blueFeed = new Feed(bobToken, null);
let live: FeedEvent | undefined;
let blueContact = '';
const redOnly = (feed: Feed) => feed.events.filter((e) => e.team !== 'red').map((e) => `${e.team} ${e.typeName} ${e.id}`);
await report.check("alice (sales, red) subscribes from now; carol's web-form contact in red reaches her as contact.stage_changed", async () => {
  const probe = (user: Client, team: string) => async () => data(await user.mutation(ContactNew,
    { input: { team, displayName: `${tag} probe`, inFunnel: false } }).toPromise()).createContact.id;
  await Promise.all([redFeed.live(probe(carol, 'red')), blueFeed.live(probe(bob, 'blue'))]);
  const lead = data(await carol.mutation(ContactNew, { input: { team: 'red', displayName: `${tag} live lead`, source: 'WEB_FORM' } })
    .toPromise()).createContact;
  expectEqual('stage', lead.stage, 'LEAD');
  const isLead = (e: FeedEvent) => e.typeName === 'contact.stage_changed' && e.data.contactId === lead.id && e.data.to === 'LEAD';
  await until('contact.stage_changed to LEAD', () => redFeed.events.some(isLead) || redFeed.errors.length > 0, 10_000);
  if (redFeed.errors.length) throw new Error(redFeed.errors.join('; '));
  live = redFeed.events.find(isLead);
  const own = redFeed.events.filter((e) => e.data.contactId === lead.id || e.data.contact?.id === lead.id);
  expectEqual('its events', own.map((e) => [e.typeName, e.data.to ?? null]),
    [['contact.created', null], ['contact.stage_changed', 'SUSPECT'], ['contact.stage_changed', 'LEAD']]);
  const sequences = own.map((e) => e.sequence);
  expectEqual('their sequences', sequences, sequences.map((_, i) => (sequences[0] ?? 0) + i));
});
await report.check("bob's contact in blue reaches bob's subscription, never alice's", async () => {
  blueContact = data(await bob.mutation(ContactNew, { input: { displayName: `${tag} blue lead`, source: 'WEB_FORM' } })
    .toPromise()).createContact.id;
  await until("bob's subscription gets contact.created", () => blueFeed.events.some((e) => e.data.contact?.id === blueContact), 10_000);
  await sleep(500);
  expectEqual("alice's events of another team", redOnly(redFeed), []);
  if (redFeed.events.some((e) => e.data.contact?.id === blueContact || e.data.contactId === blueContact)) throw new Error("alice got bob's contact");
});

// disconnected: three changes missed, then a resume from the last cursor
const last = redFeed.events.at(-1);
await redFeed.dispose();
const missed: [string, string][] = [];
await report.check('while alice is disconnected: three changes in red (contact created, updated, created), one in blue', async () => {
  const a = data(await carol.mutation(ContactNew, { input: { team: 'red', displayName: `${tag} missed a`, inFunnel: false } })
    .toPromise()).createContact;
  missed.push(['contact.created', a.id]);
  await carol.mutation(ContactEdit, { input: { id: a.id, expectedVersion: a.version, email: `${tag}@example.com` } }).toPromise().then(data);
  missed.push(['contact.updated', a.id]);
  const b = data(await carol.mutation(ContactNew, { input: { team: 'red', displayName: `${tag} missed b`, inFunnel: false } })
    .toPromise()).createContact;
  missed.push(['contact.created', b.id]);
  blueContact = data(await bob.mutation(ContactNew, { input: { displayName: `${tag} blue while away`, inFunnel: false } })
    .toPromise()).createContact.id;
});
const resumed = new Feed(aliceToken, last?.cursor ?? null);
const subject = (e: FeedEvent) => String(e.data.contact?.id ?? e.data.contactId ?? '');
await report.check('alice resumes after her last cursor: the 3 missed events, in order, sequences consecutive after it', async () => {
  if (!last || !live) throw new Error('nothing was received before the disconnection');
  await until('3 events', () => resumed.events.length >= 3 || resumed.errors.length > 0, 10_000,
    () => `got ${resumed.events.map((e) => e.typeName).join(', ')}`);
  if (resumed.errors.length) throw new Error(resumed.errors.join('; '));
  const three = resumed.events.slice(0, 3);
  expectEqual('events', three.map((e) => [e.typeName, subject(e)]), missed);
  expectEqual('sequences', three.map((e) => e.sequence), [1, 2, 3].map((i) => last.sequence + i));
  expectEqual('teams', three.map((e) => e.team), ['red', 'red', 'red']);
});
await report.check('then live again without a gap: the next change follows them; no duplicate, nothing of blue', async () => {
  const c = data(await carol.mutation(ContactNew, { input: { team: 'red', displayName: `${tag} after resume`, inFunnel: false } })
    .toPromise()).createContact;
  await until('its contact.created', () => resumed.events.some((e) => subject(e) === c.id), 10_000);
  await until("bob's contact created while alice was away reaches bob", () => blueFeed.events.some((e) => subject(e) === blueContact), 5_000);
  await sleep(500);
  const start = last?.sequence ?? 0;
  expectEqual('sequences', resumed.events.map((e) => e.sequence), [1, 2, 3, 4].map((i) => start + i));
  expectEqual('the last', resumed.events.map((e) => [e.typeName, subject(e)]).at(-1), ['contact.created', c.id]);
  expectEqual('ids', new Set(resumed.events.map((e) => e.id)).size, resumed.events.length);
  expectEqual('events of another team', redOnly(resumed), []);
  if (resumed.errors.length || blueFeed.errors.length) throw new Error([...resumed.errors, ...blueFeed.errors].join('; '));
});
await Promise.all([resumed.dispose(), blueFeed.dispose()]);

// ------------------------------------------------------------------------------------------------
// Webhooks, over the whole run: every event of red once, without gaps
// ------------------------------------------------------------------------------------------------

let log: LogEvent[] = [];
const undelivered = () => {
  const got = new Set(delivered().map((r) => r.headers['webhook-id']));
  return log.filter((e) => !got.has(e.id));
};
await report.check("every event of red's replay log since the endpoint was created reached the receiver, once, as the log tells it", async () => {
  if (!endpointId) throw new Error('no endpoint');
  await until('deliveries of every event', async () => {
    log = await redLog(baseline.cursor);
    return log.length > 0 && undelivered().length === 0;
  }, 10_000, () => `not delivered: ${undelivered().map((e) => `${e.sequence} ${e.typeName}`).join(', ')}`);
  await sleep(1_000); // time for a second delivery of anything, which must not come
  const byId = new Map<string, Request[]>();
  for (const r of delivered()) byId.set(r.headers['webhook-id'], [...(byId.get(r.headers['webhook-id']) ?? []), r]);
  const twice = [...byId].filter(([, rs]) => rs.length > 1).map(([id]) => id);
  expectEqual('webhook-ids answered 2xx more than once', twice, []);
  const extra = requests.filter((r) => r.json?.type !== FAILING_TYPE && r.answered !== 200).map((r) => r.headers['webhook-id']);
  expectEqual('requests answered otherwise (other than the failed attempts)', extra, []);
  const asLogged = log.map((e) => [e.id, e.typeName, e.team, e.sequence]);
  const asReceived = log.map((e) => {
    const b = byId.get(e.id)?.[0]?.json;
    return [b?.id, b?.type, b?.team, b?.sequence];
  });
  expectEqual('deliveries against the log', asReceived, asLogged);
  expectEqual('deliveries of events not in the log', byId.size, log.length);
});
await report.check('the body sequence numbers of red: strictly increasing without gaps from the first after the endpoint was created', () => {
  const sequences = delivered().map((r) => r.json?.sequence ?? -1).sort((a, b) => a - b);
  if (sequences.length < expectedDeliveries.length) throw new Error(`only ${sequences.length} deliveries`);
  expectEqual('sequences', sequences, sequences.map((_, i) => baseline.sequence + 1 + i));
  console.log(`      sequences ${sequences[0]}..${sequences.at(-1)}: ${sequences.length} events`);
});
await report.check('after the rotation, every delivery carries two signatures that verify with both secrets', () => {
  const after = requests.filter((r) => (r.json?.sequence ?? 0) >= rotatedAt);
  if (!after.length) throw new Error('no delivery after the rotation');
  const bad = after.filter((r) => r.verifiedWith.length !== 2 || r.headers['webhook-signature'].split(' ').length !== 2);
  expectEqual('deliveries without both', bad.map((r) => `${r.json?.sequence} ${r.verifiedWith.join('+')}`), []);
  console.log(`      ${after.length} deliveries after the rotation`);
});
await report.check('every request of the run verified, with the webhook body as specified', () => {
  const problems = requestProblems();
  if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
  console.log(`      ${requests.length} requests: ${delivered().length} answered 2xx, ${requests.length - delivered().length} answered 500`);
});

receiver.closeAllConnections();
receiver.close();
report.close();
