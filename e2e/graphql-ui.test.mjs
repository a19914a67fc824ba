// The dev-mode GraphQL UI as a newcomer meets it, in headless Chromium: the /dev page, a demo
// user's button, the UI (SmallRye's GraphiQL) with the token in its headers, the schema in Docs,
// a query that answers data. Screenshots go to target/e2e/. Needs a running dev mode at
// FUNNEL_BASE_URL (default http://localhost:8080) and Debian's chromium (CHROMIUM overrides
// /usr/bin/chromium); `npx playwright install` is not used.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { BASE, assert, check, fail, finish } from './report.mjs';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'e2e');
const USER = process.env.FUNNEL_UI_USER || 'alice';
const QUERY = '{ me { name } contacts(first: 3) { totalCount } }';

mkdirSync(SHOTS, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'funnel-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
});
const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(20000);
const urls = [];
page.on('request', (r) => urls.push(r.url()));
const consoleErrors = [];
// (the UI asks for /favicon.ico, which nothing serves)
page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && consoleErrors.push(m.text()));
page.on('response', (r) => r.status() >= 400 && consoleErrors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`));
let token = null;
const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

try {
  await check('the /dev page lists the demo users', async () => {
    await page.goto(`${BASE}/dev`);
    for (const user of ['alice', 'bob', 'carol', 'billy', 'bella', 'root']) {
      assert(await page.locator(`button[data-user="${user}"]`).count() === 1, `no button for ${user}`);
    }
    await shot('1-dev-page');
  });

  const landed = await check(`${USER}'s button opens the GraphQL UI`, async () => {
    await Promise.all([page.waitForURL(/\/q\/graphql-ui\/?$/), page.click(`button[data-user="${USER}"]`)]);
    await page.waitForSelector('.graphiql-container');
    assert(urls.some((u) => u === `${BASE}/dev/token`), 'the button did not ask /dev/token');
  });

  await check('the UI shows the token in its Headers tab', async () => {
    await page.getByText('Headers', { exact: true }).click();
    const headers = await page.locator('.graphiql-editor-tool .CodeMirror').last().evaluate((e) => e.CodeMirror.getValue());
    token = (JSON.parse(headers).Authorization || '').replace(/^Bearer /, '');
    assert(token.split('.').length === 3, `the Headers tab holds ${headers}`);
    await shot('2-ui-headers');
  });

  if (landed) {
    await check('Docs shows the schema (Query.contacts: ContactConnection, type Contact)', async () => {
      await page.click('[aria-label="Show Documentation Explorer"]');
      const docs = page.locator('.graphiql-doc-explorer');
      await docs.getByText('Query', { exact: true }).click();
      await docs.getByText('contacts', { exact: true }).first().waitFor();
      await docs.getByText('followUps', { exact: true }).first().waitFor();
      await shot('3-docs-query');
      for (const type of ['ContactConnection', 'ContactEdge', 'Contact']) {
        await docs.getByText(type, { exact: true }).first().click();
        await docs.locator('.graphiql-doc-explorer-title', { hasText: type }).waitFor();
      }
      await docs.getByText('stageHistory', { exact: true }).first().waitFor();
      await shot('4-docs-contact');
    });

    /** Runs what the query editor holds (after replacing it, unless query is null); the result pane's text. */
    const run = async (query, screenshot) => {
      if (query !== null) {
        await page.locator('.graphiql-query-editor .CodeMirror').evaluate((e, q) => e.CodeMirror.setValue(q), query);
      }
      await page.evaluate(() => { document.querySelector('.result-window').dataset.before = document.querySelector('.result-window').innerText; });
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(() => {
        const pane = document.querySelector('.result-window');
        const text = pane?.innerText || '';
        return text !== pane.dataset.before && (text.includes('"data"') || text.includes('"errors"') || text.includes('rror'));
      });
      await shot(screenshot);
      const text = await page.locator('.result-window').innerText();
      assert(!text.includes('"errors"'), `the result pane shows errors: ${text}`);
      return text;
    };

    await check('the first query the /dev page puts in the editor shows data', async () => {
      const text = await run(null, '5-first-query');
      assert(/"displayName":\s*"/.test(text), `no contacts in the result pane: ${text}`);
    });

    await check(`the query ${QUERY} shows data, not an error`, async () => {
      const text = await run(QUERY, '6-query-result');
      assert(/"totalCount":\s*\d+/.test(text) && /"name":\s*"/.test(text), `no data in the result pane: ${text}`);
    });

    await check('the token never appears in a URL, even after editing the Headers tab', async () => {
      assert(token, 'no token to look for');
      // SmallRye's UI copies edited headers into the address bar; dev mode's render.js keeps them out
      await page.locator('.graphiql-editor-tool .CodeMirror').last()
        .evaluate((e) => e.CodeMirror.replaceRange(' ', { line: 0, ch: 1 }));
      await page.waitForTimeout(1000);
      const leaks = [page.url(), ...urls].filter((u) => u.includes(token) || decodeURIComponent(u).includes(token));
      assert(leaks.length === 0, `the token is in ${leaks[0]}`);
    });
  }
} catch (e) {
  fail('the GraphQL UI run', e.message);
} finally {
  if (consoleErrors.length) {
    console.log(`(browser console errors: ${consoleErrors.join(' | ')})`);
  }
  await shot('7-last').catch(() => {});
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  finish();
}
