// The dev-mode demo data (src/main/resources/db/demo) as the API shows it, on a fresh dev mode at
// FUNNEL_BASE_URL: every stage and temperature in each team, held-back follow-ups and an
// unresponsive suggestion, quotes whose totals follow the README's rounding rule, invoices
// numbered 1, 2, 3... per team; that every demo contact replayed through the API ends with the
// same stage, history, temperature, follow-up figures and version (so the script wrote what the
// services would have); then that the services carry on from it (an answer moves a held-back lead,
// versions, quote and invoice counters). Besides the replays (new contacts named "... (replay)"),
// writes touch team blue only: the README examples (readme-examples.mjs) use team red's records.
import { BASE, assert, check, devToken, finish } from './report.mjs';

const tokens = {};
async function gql(user, query, variables) {
  tokens[user] ??= await devToken(user);
  const answer = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[user]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await answer.json();
  assert(answer.ok && !body.errors, `HTTP ${answer.status} ${JSON.stringify(body.errors || body).slice(0, 400)}`);
  return body.data;
}
const nodes = (connection) => connection.edges.map((e) => e.node);

// Decimal arithmetic on the API's amounts (decimal strings, or JSON numbers until they are strings).
const MINOR = { JPY: 0 };
function scaled(value, digits) {
  const [whole, fraction = ''] = String(value).split('.');
  return BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
}
function roundHalfUp(units, from, to) {
  const step = 10n ** BigInt(from - to);
  return (units + step / 2n) / step;
}

const STAGES = ['SUSPECT', 'LEAD', 'PROSPECT', 'CLIENT', 'DISQUALIFIED'];

for (const team of ['red', 'blue']) {
  await check(`${team}: 30+ contacts, every stage, some outside the funnel, every temperature`, async () => {
    const counts = await gql('carol', `query($team: String!) {
      all: contacts(filter: {team: $team}, first: 0) { totalCount }
      ${STAGES.map((s) => `${s}: contacts(filter: {team: $team, stages: [${s}]}, first: 0) { totalCount }`).join('\n')}
      COLD: contacts(filter: {team: $team, temperatures: [COLD]}, first: 0) { totalCount }
      WARM: contacts(filter: {team: $team, temperatures: [WARM]}, first: 0) { totalCount }
      HOT: contacts(filter: {team: $team, temperatures: [HOT]}, first: 0) { totalCount }
    }`, { team });
    const n = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.totalCount]));
    console.log(`  ${team}: ${JSON.stringify(n)}`);
    assert(n.all >= 30, `${n.all} contacts`);
    for (const key of [...STAGES, 'COLD', 'WARM', 'HOT']) assert(n[key] > 0, `no ${key} contact`);
    assert(n.all > STAGES.reduce((sum, s) => sum + n[s], 0), 'no contact outside the funnel');
  });

  await check(`${team}: follow-ups leave out the held-back contacts and suggest UNRESPONSIVE`, async () => {
    const data = await gql('carol', `query($team: String!) {
      contacts(filter: {team: $team, stages: [LEAD, PROSPECT]}, first: 100) {
        edges { node { id displayName followUp { heldBack suggestedDisqualification } } } }
      followUps(team: $team, first: 100) {
        edges { node { id followUp { heldBack suggestedDisqualification } } } } }`, { team });
    const listed = new Set(nodes(data.followUps).map((c) => c.id));
    const heldBack = nodes(data.contacts).filter((c) => c.followUp.heldBack);
    assert(heldBack.length > 0, 'no held-back lead or prospect');
    assert(heldBack.every((c) => !listed.has(c.id)), 'a held-back contact is on the follow-up list');
    assert(nodes(data.followUps).some((c) => c.followUp.suggestedDisqualification === 'UNRESPONSIVE'),
      'no UNRESPONSIVE suggestion on the follow-up list');
    console.log(`  ${team}: ${listed.size} to follow up, held back: ${heldBack.map((c) => c.displayName).join(', ')}`);
  });

  await check(`${team}: quotes in every status, totals by the README's rounding rule`, async () => {
    const data = await gql('carol', `query($team: String!) {
      quotes(filter: {team: $team}, first: 100) { edges { node { number status currency
        net { amount } tax { amount } gross { amount }
        lines { quantity unitPrice { amount } taxRate net { amount } tax { amount } gross { amount } } } } } }`, { team });
    const quotes = nodes(data.quotes);
    for (const status of ['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'CONVERTED', 'EXPIRED']) {
      assert(quotes.some((q) => q.status === status), `no ${status} quote`);
    }
    for (const q of quotes) {
      const minor = MINOR[q.currency] ?? 2;
      let net = 0n;
      let tax = 0n;
      for (const l of q.lines) {
        const lineNet = roundHalfUp(scaled(l.quantity, 3) * scaled(l.unitPrice.amount, 4), 7, minor);
        const lineTax = roundHalfUp(lineNet * scaled(l.taxRate, 2), minor + 4, minor);
        assert(scaled(l.net.amount, minor) === lineNet && scaled(l.tax.amount, minor) === lineTax
          && scaled(l.gross.amount, minor) === lineNet + lineTax, `quote ${q.number}: line ${JSON.stringify(l)}`);
        net += lineNet;
        tax += lineTax;
      }
      assert(scaled(q.net.amount, minor) === net && scaled(q.tax.amount, minor) === tax
        && scaled(q.gross.amount, minor) === net + tax, `quote ${q.number}: totals are not the sums of its lines`);
    }
    console.log(`  ${team}: ${quotes.length} quotes`);
  });

  await check(`${team}: invoices numbered 1, 2, 3... without gaps`, async () => {
    const data = await gql('carol', `query($team: String!) {
      invoices(filter: {team: $team}, first: 100) { edges { node { number } } } }`, { team });
    const numbers = nodes(data.invoices).map((i) => Number(i.number)).sort((a, b) => a - b);
    assert(numbers.length > 0 && numbers.every((n, i) => n === i + 1), `invoice numbers ${numbers}`);
  });
}

// Each demo contact replayed through the API as a new contact of its team: its interactions at
// their times, and the moves a user made (qualify, disqualify, reopen, a purchase order, a
// conversion) in between. What the services then write must be what the demo data holds.
for (const [team, sales, billing] of [['red', 'alice', 'billy'], ['blue', 'bob', 'bella']]) {
  await check(`${team}: every demo contact, replayed through the API, ends as the demo data has it`, async () => {
    const shape = `id kind displayName source country employeeCount roles stage temperature temperatureOverridden
      version websiteVisits lastInteractionAt qualification { qualified }
      followUp { unansweredTouches touchesInWindow heldBack suggestedDisqualification }
      stageHistory { from to trigger at }`;
    const { contacts } = await gql(sales, `query($team: String!) { contacts(filter: {team: $team}, orderBy: {field: NAME, direction: ASC}, first: 100) {
      edges { node { ${shape} interactions(first: 30) { edges { node { channel direction occurredAt summary } } } } } } }`, { team });
    const differences = [];
    const demos = nodes(contacts).filter((c) => !c.displayName.endsWith('(replay)'));
    for (const demo of demos) {
      const steps = nodes(demo.interactions).map((i) => ({ at: i.occurredAt, touch: i }))
        .concat(demo.stageHistory.filter((h) => ['MANUAL', 'REOPEN', 'PURCHASE_ORDER', 'QUOTE_CONVERSION'].includes(h.trigger))
          .map((h) => ({ at: h.at, move: h })))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const { createContact: copy } = await gql(sales, `mutation($i: CreateContactInput!) { createContact(input: $i) { id } }`, {
        i: { team, kind: demo.kind, displayName: `${demo.displayName} (replay)`, source: demo.source, country: demo.country,
          employeeCount: demo.employeeCount, roles: demo.roles, inFunnel: demo.stageHistory.length > 0 },
      });
      const id = copy.id;
      for (const step of steps) {
        if (step.touch) {
          const { channel, direction, occurredAt, summary } = step.touch;
          await gql(sales, `mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }`,
            { i: { contactId: id, channel, direction, occurredAt, summary } });
        } else if (step.move.trigger === 'REOPEN') {
          await gql(sales, 'mutation($id: ID!) { reopenContact(id: $id) { id } }', { id });
        } else if (step.move.to === 'DISQUALIFIED') {
          await gql(sales, 'mutation($id: ID!) { disqualifyContact(id: $id, reason: OTHER) { id } }', { id });
        } else if (step.move.trigger === 'MANUAL') {
          await gql(sales, 'mutation($id: ID!) { qualifyContact(id: $id) { id } }', { id });
        } else {
          const { createQuote: quote } = await gql(sales, `mutation($c: ID!) { createQuote(input: {contactId: $c, currency: "EUR",
            validUntil: "2099-12-31", lines: [{description: "Replay", quantity: "1", unitPrice: "10", taxRate: "20"}]}) { id } }`, { c: id });
          await gql(sales, 'mutation($q: ID!) { sendQuote(id: $q) { id } }', { q: quote.id });
          if (step.move.trigger === 'PURCHASE_ORDER') {
            await gql(sales, 'mutation($q: ID!) { acceptQuote(id: $q, purchaseOrder: "PO-replay") { id } }', { q: quote.id });
          } else {
            await gql(billing, `mutation($q: ID!, $k: String!) { convertQuote(input: {quoteId: $q, idempotencyKey: $k}) { replayed } }`,
              { q: quote.id, k: `replay-${id}` });
          }
        }
      }
      if (demo.temperatureOverridden) {
        await gql(sales, 'mutation($id: ID!, $t: Temperature!) { setTemperature(id: $id, temperature: $t) { id } }',
          { id, t: demo.temperature });
      }
      const { contact: replay } = await gql(sales, `query($id: ID!) { contact(id: $id) { ${shape} } }`, { id });
      // everything but the record itself: history as from>to:trigger (its times are the replay's)
      const facts = (c) => Object.fromEntries(Object.entries(c)
        .filter(([k]) => !['id', 'displayName', 'interactions'].includes(k))
        .map(([k, v]) => [k, JSON.stringify(k === 'stageHistory' ? v.map((h) => `${h.from}>${h.to}:${h.trigger}`) : v)]));
      const [want, got] = [facts(demo), facts(replay)];
      const wrong = Object.keys(want).filter((k) => want[k] !== got[k]);
      if (wrong.length) differences.push(`${demo.displayName}: ${wrong.map((k) => `${k} ${want[k]}, replayed ${got[k]}`).join('; ')}`);
    }
    assert(differences.length === 0, differences.join(' | '));
    console.log(`  ${team}: ${demos.length} demo contacts replayed`);
    });
}

await check('blue: an answer moves a held-back lead on; versions, quote and invoice numbers carry on', async () => {
  const { contacts } = await gql('bob', `{ contacts(filter: {team: "blue", stages: [LEAD]}, first: 100) {
    edges { node { id version followUp { heldBack } } } } }`);
  const lead = nodes(contacts).find((c) => c.followUp.heldBack);
  assert(lead, 'no held-back lead in blue');
  const answered = await gql('bob', `mutation($id: ID!) {
    recordInteraction(input: {contactId: $id, channel: EMAIL, direction: INBOUND, summary: "Finally answered"}) {
      contact { stage version followUp { heldBack unansweredTouches } } } }`, { id: lead.id });
  const after = answered.recordInteraction.contact;
  assert(after.stage === 'PROSPECT' && !after.followUp.heldBack && after.followUp.unansweredTouches === 0,
    `after its answer: ${JSON.stringify(after)}`);
  const updated = await gql('bob', `mutation($id: ID!, $v: Int!) {
    updateContact(input: {id: $id, expectedVersion: $v, hasBudget: true}) { version } }`, { id: lead.id, v: after.version });
  assert(updated.updateContact.version > after.version, 'the version did not move');

  const before = await gql('bella', `{ quotes(filter: {team: "blue", statuses: [SENT]}, first: 100) { edges { node { id number } } }
    invoices(filter: {team: "blue"}, first: 100) { totalCount } }`);
  const created = await gql('bob', `mutation($c: ID!) { createQuote(input: {contactId: $c, currency: "EUR", validUntil: "2099-12-31",
    lines: [{description: "Workshop", quantity: "1", unitPrice: "100", taxRate: "20"}]}) { number } }`, { c: lead.id });
  const quoteCount = (await gql('bella', '{ quotes(filter: {team: "blue"}, first: 0) { totalCount } }')).quotes.totalCount;
  assert(Number(created.createQuote.number) === quoteCount, `new quote number ${created.createQuote.number}, ${quoteCount} quotes`);
  const sent = nodes(before.quotes)[0];
  const converted = await gql('bella', `mutation($q: ID!) { convertQuote(input: {quoteId: $q, idempotencyKey: "demo-data-check"}) {
    invoice { number } } }`, { q: sent.id });
  assert(Number(converted.convertQuote.invoice.number) === before.invoices.totalCount + 1,
    `invoice number ${converted.convertQuote.invoice.number} after ${before.invoices.totalCount} invoices`);
});

finish();
