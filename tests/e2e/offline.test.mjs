// The app after its first visit, with the network gone: the service worker serves the app and
// the bundled reports. And, online or not, the page asks nothing of any other origin and runs
// under its strict Content-Security-Policy.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
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

test('after one visit, the parts fetched on first use work with the server stopped: search, export and the library', async (t) => {
  const server = await serve();
  const browser = await withBrowser(t);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await newPage(context);
  await openApp(page, `${server.origin}/`);
  // The worker keeps every part when it installs: none of them was used on this visit.
  await offlineReady(page);
  await server.close();

  await page.reload();
  await page.waitForSelector('html[data-app] .chunk > .para');
  await page.keyboard.press('/');
  await page.keyboard.type('Kashmir');
  await page.locator('#search-status').getByText(/matches/).waitFor();
  await page.keyboard.press('Escape');
  await page.getByText('Export and import').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export notes (Markdown)' }).click()]);
  assert.match(file.suggestedFilename(), /-notes\.md$/);
  await page.getByRole('link', { name: 'Library' }).click();
  await page.locator('.library-entry', { hasText: 'Jammu and Kashmir' }).first().waitFor();
  assertNoProblems(page);
});

test('the offline worker keeps the page once, whatever its query, and opens every address of it offline', async (t) => {
  const server = await serve();
  const browser = await withBrowser(t);
  const page = await newPage(await browser.newContext());
  await openApp(page, `${server.origin}/`);
  await offlineReady(page);
  for (const path of ['/?report=oic-cfm-51-cg-jk-2025', '/?library', '/?report=oic-cfm-51-cg-jk-2025&version=1', '/?x=1#p3']) {
    await openApp(page, `${server.origin}${path}`);
  }
  // Each answer from the network is written within its fetch event: let the last one land.
  await page.waitForTimeout(500);
  const pages = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((k) => k.startsWith('report-reader-'));
    const cache = await caches.open(names[0]);
    return { caches: names.length, pages: (await cache.keys()).map((r) => new URL(r.url)).filter((u) => u.pathname === '/').map((u) => u.href) };
  });
  assert.equal(pages.caches, 1);
  assert.deepEqual(pages.pages, [`${server.origin}/`], 'one copy of the page, under the app’s own address');
  await server.close();
  for (const [path, selector] of [['/?library', '.library'], ['/?report=oic-cfm-51-cg-jk-2025#p8', '#p8.is-target']]) {
    await page.goto(`${server.origin}${path}`);
    await page.waitForSelector(`html[data-app] ${selector}`, { timeout: 15000 });
  }
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
  // One inline script, the pre-paint script, allowed by its hash and by nothing looser.
  const allowed = policy.match(/script-src 'self' 'sha256-([A-Za-z0-9+/=]+)' 'wasm-unsafe-eval'(;|$)/)?.[1];
  assert.ok(allowed, `scripts from the app's origin, one by its hash, and wasm: ${policy}`);
  assert.match(policy, /style-src 'self'(;|$)/);
  assert.match(policy, /default-src 'none'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  assert.equal(inline.length, 1, 'one inline script in index.html');
  assert.equal(createHash('sha256').update(inline[0][1]).digest('base64'), allowed, 'it is the one the policy allows');

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
