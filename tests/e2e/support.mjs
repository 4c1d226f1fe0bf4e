// Shared set-up for the end-to-end tests: a plain static file server for dist/ (at the root and
// under a sub-path, with no rewrite rules, as any static host would serve it) and Debian's
// Chromium, headless, driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.DIST_DIR || join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

/** Serves `dir` at `/` and again at each of `mounts` (e.g. `/viewer/`). Directory paths get index.html. */
export async function serve(dir = DIST, mounts = ['/viewer/']) {
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = mounts.find((m) => path.startsWith(m));
    if (mount) path = '/' + path.slice(mount.length);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      // As a static host does: with the length, so a reader can size its buffer from it.
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'content-length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  // Closing waits for no browser: a connection still open (a response the page stopped
  // reading, a keep-alive socket) would otherwise hold `close` until the browser that holds it
  // is closed, which a test's later clean-up does, after this one: a wait with no end.
  const close = () => new Promise((ok) => {
    server.close(ok);
    server.closeAllConnections();
  });
  return { origin, close };
}

/**
 * The longest any one step of a test may wait (a page to load, an element to appear, a
 * condition to hold): a stuck step fails with what it was waiting for. Whole tests have their
 * own limit (`node --test --test-timeout`, see scripts/test).
 */
export const STEP_TIMEOUT = 20000;

/**
 * The longest one end-to-end test may take. (`node --test --test-timeout`, in scripts/test,
 * bounds each test file as a whole: with several files it does not reach the tests inside.)
 */
export const TEST_TIMEOUT = 180000;

/** `node:test`'s `test`, under TEST_TIMEOUT: a stuck test fails by its name, and the rest run. */
export function test(name, fn) {
  return nodeTest(name, { timeout: TEST_TIMEOUT }, fn);
}

/** The publishing program (`src/bin/first-screens.rs`), as `cargo build` left it. */
const PUBLISHER = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'debug', 'first-screens');

/**
 * The publishing step the build runs on `reports/` (the `first-screens` program), run on the
 * reports of a site a test or the benchmark has added to: each long report's first screen.
 * It runs the program already built (scripts/test builds it first), never cargo: a cargo run
 * here would wait on any other cargo that holds the build directory (a `scripts/serve`
 * rebuilding), with nothing to say why the test stands still.
 */
export async function publishReports(site) {
  if (!existsSync(PUBLISHER)) throw new Error(`${PUBLISHER} is not built: run \`cargo build --bin first-screens\` (scripts/test does)`);
  try {
    await promisify(execFile)(PUBLISHER, [join(site, 'reports')], { timeout: STEP_TIMEOUT, killSignal: 'SIGKILL' });
  } catch (error) {
    throw new Error(`first-screens failed${error.killed ? ` (stopped after ${STEP_TIMEOUT} ms)` : ''}: ${error.stderr || error.message}`);
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's Chromium, headless, with a fresh profile. Every context it opens waits at most
 * STEP_TIMEOUT for anything (Playwright's own default is 30 s for actions and none at all where
 * a test sets none).
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: STEP_TIMEOUT,
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    return context;
  };
  return browser;
}

/**
 * A page that fails the test on any script error or console error, and whose `alert`s are
 * recorded (a hostile input that manages to run script shows up there).
 */
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  // Any Content-Security-Policy violation fails the test, as a console error.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`),
    ),
  );
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    // A `?report=` link asks for the report's published first screen beside the manifest, before
    // knowing whether it is published: "not found" is an answer there, not a problem.
    const firstScreenAbsent = /404/.test(msg.text()) && msg.location().url.includes('/reports/first-screens/');
    if (msg.type() === 'error' && !firstScreenAbsent) page.problems.push(`console error: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    page.problems.push(`dialog opened: ${dialog.message()}`);
    dialog.dismiss();
  });
  return page;
}

/** Opens a URL and waits until the app has rendered what it asks for (a report, the library, a notice). */
export async function openApp(page, url) {
  await page.goto(url);
  // The page arrives with a static copy of the default report; the app is running once it has
  // replaced it.
  await page.waitForSelector('html[data-app] :is(.report, .empty-state, .library, .missing-report)', { timeout: 15000 });
  return page;
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** The ids of the elements marked as the permalink's target, in document order. */
export function markedIds(page) {
  return page.$$eval('.is-target', (els) => els.map((el) => el.id));
}

/** Where an element sits relative to the viewport. */
export function viewportBox(page, id) {
  return page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  }, id);
}

/** Waits until the app has marked the element with this id and moved keyboard focus to it. */
export function landedOn(page, id) {
  return page.waitForFunction(
    (id) => document.activeElement?.id === id && document.getElementById(id).classList.contains('is-target'),
    id,
  );
}

/**
 * For one test file: a server for dist/ and a browser, started before its tests and closed
 * after. The returned object gets `origin` and `browser` once they are up.
 */
export function useAppAndBrowser() {
  const env = {};
  let server;
  before(async () => {
    server = await serve();
    env.origin = server.origin;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await server?.close();
  });
  return env;
}

/** A fresh browser context (no history, no storage) for one test, closed after it. */
export async function freshContext(t, browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  t.after(() => context.close());
  return context;
}

export function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], 'no script errors, console errors or dialogs');
}

/** In the page: fills the origin's storage quota with other data, as a full disk or other sites
 * would. (Run by any driver: it names nothing outside itself.) */
export function fillOriginStorage() {
  let chunk = 'x'.repeat(1 << 20);
  let i = 0;
  while (chunk.length > 0) {
    try {
      localStorage.setItem(`filler-${i++}`, chunk);
    } catch {
      chunk = chunk.slice(0, chunk.length >> 1);
    }
  }
}

/** Fills the origin's storage quota with other data, as a full disk or other sites would. */
export function fillStorage(page) {
  return page.evaluate(fillOriginStorage);
}

/** In the page: keeps the Origin Private File System's file `name` as the reader's backup file,
 * where the app keeps the one a reader chooses with the save picker (the same
 * FileSystemFileHandle). (Run by any driver: it names nothing outside itself.) */
export async function keepPrivateFileAsBackup(name) {
  const root = await navigator.storage.getDirectory();
  const handle = await root.getFileHandle(name, { create: true });
  await new Promise((ok, fail) => {
    const request = indexedDB.open('report-reader-backup', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('handles');
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const transaction = request.result.transaction('handles', 'readwrite');
      transaction.objectStore('handles').put(handle, 'file');
      transaction.oncomplete = () => { request.result.close(); ok(); };
      transaction.onerror = () => fail(transaction.error);
    };
  });
}

/** Gives back the space `fillStorage` took. */
export function freeStorage(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
}

/** Opens a report file through the "Open a report" panel: a path, or `{ name, mimeType, buffer }`. */
export async function chooseFile(page, files) {
  const button = page.getByRole('button', { name: 'Open a report' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByLabel('Choose a report file').setInputFiles(files);
}
