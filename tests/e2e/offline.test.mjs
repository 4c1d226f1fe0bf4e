// The app after its first visit, with the network gone: the service worker serves the app and
// the bundled reports. And, online or not, the page asks nothing of any other origin and runs
// under its strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, serve, launch, newPage, openApp, landedOn, assertNoProblems, screenshot } from './support.mjs';

async function withBrowser(t) {
  const browser = await launch();
  t.after(() => browser.close());
  return browser;
}

/** Waits until the offline worker is installed and controls the page. */
async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

test('after one visit, the app and its bundled report open with the server stopped', async (t) => {
  const server = await serve();
  const browser = await withBrowser(t);
  const context = await browser.newContext();
  const page = await newPage(context);
  await openApp(page, `${server.origin}/`);
  await offlineReady(page);
  await server.close();

  await page.reload();
  await page.waitForSelector('.chunk > .para');
  assert.equal(await page.locator('.chunk > .para').count(), 11);
  await page.goto(`${server.origin}/?report=oic-cfm-51-cg-jk-2025#p8`);
  await landedOn(page, 'p8');
  await page.getByRole('button', { name: 'Highlight paragraph 8', exact: true }).click();
  await page.waitForSelector('#p8[data-highlight]');
  await page.reload();
  await page.waitForSelector('#p8[data-highlight]');
  await screenshot(page, 'offline-p8');
  assertNoProblems(page);
});

test('the page makes no request to any other origin', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const browser = await withBrowser(t);
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await newPage(context);
  await openApp(page, `${server.origin}/#p8`);
  await page.getByRole('button', { name: 'Open a report' }).click();
  await page.getByRole('link', { name: 'Library' }).click();
  await page.waitForSelector('.library');
  await openApp(page, `${server.origin}/?report=oic-cfm-51-cg-jk-2025`);
  await offlineReady(page);
  const foreign = requests.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.ok(requests.length > 5, `requests were recorded (${requests.length})`);
  assert.deepEqual(foreign, [], 'every request goes to the app’s own origin');
  assertNoProblems(page);
});

test('the build runs under a strict Content-Security-Policy, and a violation would be caught', async (t) => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'index.html carries a policy');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /style-src 'self'(;|$)/);
  assert.match(policy, /default-src 'none'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.equal([...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)].length, 0, 'no inline script in index.html');

  const server = await serve();
  t.after(() => server.close());
  const browser = await withBrowser(t);
  const page = await newPage(await browser.newContext());
  await openApp(page, `${server.origin}/`);
  assertNoProblems(page);
  // The same page, made to try inline code: the policy blocks it and the test would see it.
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.pwned = 1');
    document.body.append(button);
    button.click();
  });
  await page.waitForFunction(() => true);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.ok(page.problems.some((p) => p.includes('CSP violation')), `a violation is reported: ${page.problems}`);
});
