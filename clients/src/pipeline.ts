// A front end's screens against a running Funnel, with urql and the types graphql-codegen generated
// from ../schema.graphql (npm run schema-check writes them to src/gql):
//   npm run pipeline -- <funnel-base-url> <keycloak-issuer>
// It makes its own data (the database may be empty), as alice (sales, red): prospects by the
// lifecycle of README.md (a web-form lead that answers an outbound touch), then quotes.
import { Client, CombinedError, fetchExchange, type OperationResult } from '@urql/core';
import { graphql } from './gql';
import type { ContactScreenQuery, PipelineRowFragment } from './gql/graphql';
import { Report, serverArgs, tokens } from './common';

graphql(`
  fragment PipelineRow on Contact {
    id
    displayName
    stage
    temperature
    lastInteractionAt
  }
`);

graphql(`
  fragment PipelineRows on ContactConnection {
    totalCount
    edges { cursor node { ...PipelineRow } }
  }
`);

const PipelineForward = graphql(`
  query PipelineForward($filter: ContactFilter, $orderBy: ContactOrder, $first: Int!, $after: String) {
    contacts(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      ...PipelineRows
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const PipelineBackward = graphql(`
  query PipelineBackward($filter: ContactFilter, $orderBy: ContactOrder, $last: Int!, $before: String) {
    contacts(filter: $filter, orderBy: $orderBy, last: $last, before: $before) {
      ...PipelineRows
      pageInfo { hasPreviousPage startCursor }
    }
  }
`);

const CreateContact = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) { id displayName stage version }
  }
`);

const RecordInteraction = graphql(`
  mutation RecordInteraction($input: RecordInteractionInput!) {
    recordInteraction(input: $input) { id contact { id stage } }
  }
`);

graphql(`
  fragment MoneyParts on Money { amount currency }
`);

graphql(`
  fragment QuoteCard on Quote {
    id number status currency validUntil
    net { ...MoneyParts } tax { ...MoneyParts } gross { ...MoneyParts }
    lines { position description quantity taxRate unitPrice { ...MoneyParts }
            net { ...MoneyParts } tax { ...MoneyParts } gross { ...MoneyParts } }
  }
`);

const CreateQuote = graphql(`
  mutation CreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) { ...QuoteCard }
  }
`);

const SendQuote = graphql(`
  mutation SendQuote($id: ID!) {
    sendQuote(id: $id) { id status sentAt }
  }
`);

const ContactScreen = graphql(`
  query ContactScreen($id: ID!) {
    contact(id: $id) {
      id displayName stage temperature email
      interactions(first: 20) { totalCount edges { node { id channel direction occurredAt summary } } }
      stageHistory { from to trigger actor at }
      quotes(first: 20) { totalCount edges { node { ...QuoteCard } } }
    }
  }
`);

const NodeLookup = graphql(`
  query NodeLookup($id: ID!) {
    node(id: $id) { __typename id ... on Contact { displayName stage } }
  }
`);

const NodesLookup = graphql(`
  query NodesLookup($ids: [ID!]!) {
    nodes(ids: $ids) { __typename id }
  }
`);

const ContactSearch = graphql(`
  query ContactSearch($search: String!) {
    contacts(filter: { search: $search }) { totalCount }
  }
`);

const { graphqlUrl, issuer } = serverArgs('pipeline');
const report = new Report('pipeline');
const [aliceToken, bobToken] = await tokens(report, issuer, 'alice', 'bob');

function client(token: string): Client {
  return new Client({
    url: graphqlUrl,
    exchanges: [fetchExchange],
    // urql's default, said out loud: queries go over GET while the URL fits, as a browser app's do
    preferGetMethod: 'within-url-limit',
    requestPolicy: 'network-only',
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
  });
}
const alice = client(aliceToken);
const bob = client(bobToken);

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

const tag = `pipeline-${Date.now().toString(36)}`;
const PROSPECTS = 7;
const PAGE = 3;
const start = Date.now() - 3_600_000;
const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();

// --- Data: prospects, each with its outbound touch and the answer that made it a prospect
const prospects: { id: string; displayName: string }[] = [];
await report.check(`creates ${PROSPECTS} prospects: web-form leads that answered an outbound email`, async () => {
  for (let i = 0; i < PROSPECTS; i++) {
    const input = { displayName: `${tag} prospect ${i}`, email: `${tag}-${i}@example.com`, source: 'WEB_FORM' as const };
    const contact = data(await alice.mutation(CreateContact, { input }).toPromise()).createContact;
    expectEqual(`${contact.displayName} on creation`, contact.stage, 'LEAD');
    await alice.mutation(RecordInteraction, { input: { contactId: contact.id, channel: 'EMAIL', direction: 'OUTBOUND',
      summary: 'Sent our brochure', occurredAt: at(2 * i) } }).toPromise().then(data);
    const reply = data(await alice.mutation(RecordInteraction, { input: { contactId: contact.id, channel: 'EMAIL',
      direction: 'INBOUND', summary: 'Asked for a proposal', occurredAt: at(2 * i + 1) } }).toPromise()).recordInteraction;
    expectEqual(`${contact.displayName} after its answer`, reply.contact.stage, 'PROSPECT');
    prospects.push(contact);
  }
});
await report.check('creates a lead that never answered (not in the pipeline)', async () => {
  const lead = data(await alice.mutation(CreateContact, { input: { displayName: `${tag} silent lead`, source: 'WEB_FORM' } })
    .toPromise()).createContact;
  expectEqual('its stage', lead.stage, 'LEAD');
});

// --- Pipeline screen: prospects, last interaction first, paged forward then back
const expected = prospects.map((p) => p.id).reverse();
// the screen's state: this run's prospects, last interaction first (the default direction, DESC)
const pipeline = { filter: { stages: ['PROSPECT' as const], search: tag }, orderBy: { field: 'LAST_INTERACTION_AT' as const } };
const forwardPage = async (after: string | null) =>
  data(await alice.query(PipelineForward, { ...pipeline, first: PAGE, after }).toPromise()).contacts;
const backwardPage = async (before: string | null) =>
  data(await alice.query(PipelineBackward, { ...pipeline, last: PAGE, before }).toPromise()).contacts;
const forward: PipelineRowFragment[] = [];
await report.check(`pipeline forward, first: ${PAGE} / after: every prospect, last interaction first`, async () => {
  let after: string | null = null;
  let pages = 0;
  do {
    const page = await forwardPage(after);
    expectEqual('totalCount', page.totalCount, PROSPECTS);
    forward.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? null : null;
    if (page.pageInfo.hasNextPage && !after) throw new Error('hasNextPage without an endCursor');
  } while (after && ++pages < PROSPECTS);
  expectEqual('order', forward.map((row) => row.id), expected);
  expectEqual('lastInteractionAt', forward.map((row) => row.lastInteractionAt && Date.parse(row.lastInteractionAt)),
    expected.map((_, i) => Date.parse(at(2 * (PROSPECTS - 1 - i) + 1))));
  if (forward.some((row) => row.stage !== 'PROSPECT')) throw new Error('a row is not a prospect');
});
await report.check(`pipeline backward, last: ${PAGE} / before: the same rows in the same order`, async () => {
  const pages: PipelineRowFragment[][] = [];
  let before: string | null = null;
  do {
    const page = await backwardPage(before);
    expectEqual('totalCount', page.totalCount, PROSPECTS);
    pages.unshift(page.edges.map((edge) => edge.node));
    before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor ?? null : null;
    if (page.pageInfo.hasPreviousPage && !before) throw new Error('hasPreviousPage without a startCursor');
  } while (before && pages.length < PROSPECTS);
  expectEqual('page sizes', pages.map((page) => page.length), [1, PAGE, PAGE]);
  expectEqual('order', pages.flat().map((row) => row.id), expected);
});

// --- Contact screen: interactions, history, quotes with exact amounts, node(id:)
const contact = prospects[0] ?? { id: 'none', displayName: 'none' };
const validUntil = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
/** Totals the server must compute (README, Quotes): net rounded half-up to the minor unit, then tax. */
const quotes = [
  { currency: 'EUR', lines: [{ description: 'Books', quantity: '3', unitPrice: '19.99', taxRate: '5.5' },
                             { description: 'Pens', quantity: '3', unitPrice: '19.99', taxRate: '20' }],
    totals: ['119.94', '15.29', '135.23'] },
  { currency: 'JPY', lines: [{ description: 'Tea', quantity: '2', unitPrice: '1000', taxRate: '10' }],
    totals: ['2000', '200', '2200'] },
  { currency: 'BHD', lines: [{ description: 'Dates', quantity: '3', unitPrice: '1.255', taxRate: '10' }],
    totals: ['3.765', '0.377', '4.142'] },
];
const quoteIds: string[] = [];
for (const quote of quotes) {
  await report.check(`createQuote in ${quote.currency}: totals ${quote.totals.join(' / ')} as decimal strings`, async () => {
    const created = data(await alice.mutation(CreateQuote, { input: { contactId: contact.id, currency: quote.currency,
      validUntil, lines: quote.lines } }).toPromise()).createQuote;
    quoteIds.push(created.id);
    expectEqual('net / tax / gross', [created.net.amount, created.tax.amount, created.gross.amount], quote.totals);
  });
}
await report.check('sendQuote: the EUR quote is SENT', async () => {
  expectEqual('status', data(await alice.mutation(SendQuote, { id: quoteIds[0] ?? '' }).toPromise()).sendQuote.status, 'SENT');
});

/** ISO 4217 minor digits, from the platform's ICU data (EUR 2, JPY 0, BHD 3). */
const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;

let screen: ContactScreenQuery['contact'] = null;
await report.check('contact screen: the prospect, its two interactions (newest first), its history', async () => {
  screen = data(await alice.query(ContactScreen, { id: contact.id }).toPromise()).contact;
  if (!screen) throw new Error('contact not found');
  expectEqual('stage', screen.stage, 'PROSPECT');
  expectEqual('interactions', screen.interactions.edges.map((e) => e.node.direction), ['INBOUND', 'OUTBOUND']);
  expectEqual('interaction count', screen.interactions.totalCount, 2);
  const history = screen.stageHistory;
  expectEqual('first change from', history[0]?.from ?? null, null);
  expectEqual('last change', [history.at(-1)?.from, history.at(-1)?.to, history.at(-1)?.trigger], ['LEAD', 'PROSPECT', 'TWO_WAY_EXCHANGE']);
});
await report.check('contact screen: its quotes, newest first, with their statuses', async () => {
  const cards = screen?.quotes.edges.map((e) => e.node) ?? [];
  expectEqual('currencies', cards.map((q) => q.currency), ['BHD', 'JPY', 'EUR']);
  expectEqual('statuses', cards.map((q) => q.status), ['DRAFT', 'DRAFT', 'SENT']);
});
await report.check("contact screen: every amount is a string with exactly its currency's minor digits", async () => {
  const cards = screen?.quotes.edges.map((e) => e.node) ?? [];
  if (!cards.length) throw new Error('no quotes');
  for (const q of cards) {
    const monies = [q.net, q.tax, q.gross, ...q.lines.flatMap((l) => [l.unitPrice, l.net, l.tax, l.gross])];
    const digits = minorDigits(q.currency);
    const form = digits ? new RegExp(`^-?\\d+\\.\\d{${digits}}$`) : /^-?\d+$/;
    for (const { amount, currency } of monies) {
      if (typeof amount !== 'string') throw new Error(`${q.currency} amount ${JSON.stringify(amount)} is a ${typeof amount}`);
      if (!form.test(amount) || currency !== q.currency) throw new Error(`${q.currency} amount "${amount}" ${currency}: not ${digits} minor digits`);
    }
    for (const line of q.lines) {
      if (typeof line.quantity !== 'string' || typeof line.taxRate !== 'string') throw new Error('quantity and taxRate must be decimal strings');
    }
  }
});
await report.check('node(id:) returns the same contact', async () => {
  const node = data(await alice.query(NodeLookup, { id: contact.id }).toPromise()).node;
  expectEqual('node', node, { __typename: 'Contact', id: contact.id, displayName: contact.displayName, stage: 'PROSPECT' });
});
await report.check('nodes(ids:) returns a contact, a quote and an interaction, in order', async () => {
  const interaction = screen?.interactions.edges[0]?.node.id ?? '';
  const ids = [contact.id, quoteIds[0] ?? '', interaction];
  const nodes = data(await alice.query(NodesLookup, { ids }).toPromise()).nodes;
  expectEqual('nodes', nodes.map((n) => n && [n.__typename, n.id]), [['Contact', ids[0]], ['Quote', ids[1]], ['Interaction', ids[2]]]);
});
await report.check("another team's user gets null for the contact's id, as for an unknown one", async () => {
  const seen = data(await bob.query(NodesLookup, { ids: [contact.id] }).toPromise()).nodes;
  expectEqual('nodes as bob', seen, [null]);
  expectEqual('node as bob', data(await bob.query(NodeLookup, { id: contact.id }).toPromise()).node, null);
});

// --- A form with a validation error, shown to the user; nothing is written
/** The error a form shows: the server's message, for the field it names. */
async function refused(what: string, result: Promise<OperationResult<unknown, any>>, field: RegExp): Promise<void> {
  const { error } = await result;
  const first = error?.graphQLErrors[0];
  if (!first) throw new Error(error ? describe(error) : 'accepted');
  console.log(`      ${what}: the user sees "${first.message}" at ${String(first.extensions.field)}`);
  expectEqual('code', first.extensions.code, 'VALIDATION');
  if (!field.test(String(first.extensions.field))) throw new Error(`field ${String(first.extensions.field)} does not match ${field}`);
  if (/Exception|Value\{|java\.|graphql\.|System error/.test(first.message)) throw new Error(`an internal message: ${first.message}`);
}
await report.check('createContact with a bad email: VALIDATION on input.email, shown to the user, nothing written', async () => {
  const displayName = `${tag} bad email`;
  await refused('contact form', alice.mutation(CreateContact, { input: { displayName, email: 'not-an-email' } }).toPromise(), /^input\.email$/);
  expectEqual('contacts written', data(await alice.query(ContactSearch, { search: displayName }).toPromise()).contacts.totalCount, 0);
});
await report.check('createQuote with a JPY unit price of 1000.5: VALIDATION on that line\'s unitPrice', async () => {
  const lines = [{ description: 'Tea', quantity: '1', unitPrice: '1000.5', taxRate: '10' }];
  await refused('quote form', alice.mutation(CreateQuote, { input: { contactId: contact.id, currency: 'JPY', validUntil, lines } })
    .toPromise(), /^input\.lines.*unitPrice$/);
});

report.close();
