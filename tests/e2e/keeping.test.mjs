// A library that holds hundreds of reports and lasts: report texts in IndexedDB (moved there
// from localStorage, where earlier versions kept them), a full quota told with nothing lost,
// what the storage holds and whether the browser keeps it, the reminder to export; and the app
// installable, opening files from the system and what other apps share to it.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  ROOT, useAppAndBrowser, freshContext as newContext, newPage, openApp, screenshot, assertNoProblems, chooseFile,
  CHROMIUM_ARGS, STEP_TIMEOUT,
} from './support.mjs';

const env = useAppAndBrowser();
const FIXTURES = join(ROOT, 'tests/fixtures');

function freshContext(t, options = {}) {
  return newContext(t, env.browser, { viewport: { width: 1400, height: 900 }, ...options });
}

async function openPage(context, path = '/') {
  const page = await newPage(context);
  await openApp(page, `${env.origin}${path}`);
  return page;
}

/** A report of `paragraphs` numbered paragraphs of about 150 characters, with its own symbol. */
function longReport(symbol, paragraphs) {
  const words = 'the council recalls its resolutions on the situation and reaffirms its commitment to the sovereignty of member states'.split(' ');
  const lines = [symbol, '', `Report ${symbol}`, ''];
  for (let n = 1; n <= paragraphs; n++) {
    const text = Array.from({ length: 22 }, (_, i) => words[(n * 5 + i * 7) % words.length]).join(' ');
    lines.push(`${n}. ${text[0].toUpperCase()}${text.slice(1)}.`, '');
  }
  return lines.join('\n');
}

/** Every text stored in IndexedDB, by hash. */
function storedTexts(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('report-reader');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('texts')) return resolve({});
      const store = db.transaction('texts').objectStore('texts');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i].length])));
        db.close();
      };
    };
  }));
}

/** Puts `items` in localStorage before the app first starts, as an earlier version left them. */
function seed(context, items) {
  return context.addInitScript((items) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', 'yes');
    Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v));
  }, items);
}

const localKeys = (page, prefix) => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), prefix);

test('texts an earlier version kept in localStorage move to IndexedDB, with every report and note kept', async (t) => {
  const context = await freshContext(t);
  const page = await newPage(context);
  // The storage an earlier version left (tests/fixtures/storage/README.md): the library, two
  // report texts (one a revision of the default report) and a highlight.
  const earlier = JSON.parse(await readFile(join(FIXTURES, 'storage/library-texts-in-localstorage.json'), 'utf8'));
  await seed(context, earlier);
  const texts = Object.keys(earlier).filter((k) => k.startsWith('report-reader:text:'));
  assert.equal(texts.length, 2);
  await openApp(page, `${env.origin}/?library`);
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('report-reader:text:')));
  const moved = await storedTexts(page);
  for (const key of texts) {
    const hash = key.slice('report-reader:text:'.length);
    assert.equal(moved[hash], earlier[key].length, `${hash} moved whole`);
  }
  assert.equal(await page.evaluate(() => localStorage.getItem('report-reader:library')), earlier['report-reader:library'], 'the library as it was');
  const resolution = page.locator('.library-entry', { hasText: 'Special Rapporteur on Cultural Rights' });
  await resolution.getByRole('link').first().click();
  await page.waitForSelector('html[data-app] #p1[data-highlight]');
  await openApp(page, `${env.origin}/`);
  await page.locator('.version-bar', { hasText: 'version 2 of 2' }).waitFor();
  assertNoProblems(page);
});

test('where the texts cannot be moved they stay where they were, still open, and the reader is told', async (t) => {
  const context = await freshContext(t);
  const page = await newPage(context);
  const earlier = JSON.parse(await readFile(join(FIXTURES, 'storage/library-texts-in-localstorage.json'), 'utf8'));
  await seed(context, earlier);
  // A browser whose IndexedDB refuses (as a private window of some browsers does).
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function () { throw new DOMException('IndexedDB is not available here.', 'InvalidStateError'); };
  });
  await openApp(page, `${env.origin}/?library`);
  await page.getByRole('alert').getByText('could not be moved to where there is more room').waitFor();
  assert.equal((await localKeys(page, 'report-reader:text:')).length, 2, 'the texts are where they were');
  await page.locator('.library-entry', { hasText: 'Special Rapporteur on Cultural Rights' }).getByRole('link').first().click();
  await page.waitForSelector('html[data-app] #p1[data-highlight]');
  page.problems = page.problems.filter((p) => !p.includes('IndexedDB is not available here'));
  assertNoProblems(page);
});

/** `count` paragraphs of random words: text that no compression makes small. */
function randomReport(symbol, count) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = () => Array.from({ length: 3 + Math.floor(Math.random() * 8) }, () => letters[Math.floor(Math.random() * 26)]).join('');
  const lines = [symbol, '', `Report ${symbol}`, ''];
  for (let n = 1; n <= count; n++) lines.push(`${n}. ${Array.from({ length: 25 }, word).join(' ')}.`, '');
  return lines.join('\n');
}

test('a full quota is told when a report is opened, and nothing stored is lost: its notes save, the other reports open', async (t) => {
  const context = await freshContext(t);
  const page = await newPage(context);
  // A small quota for this site (the browser applies one to storage not yet made): room for a
  // short report, none for a long one.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin, quotaSize: 400 * 1024 });
  await openApp(page, `${env.origin}/`);
  await chooseFile(page, join(FIXTURES, 'council-resolution.txt'));
  await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  const resolutionUrl = page.url();
  await page.waitForFunction(async () => (await new Promise((resolve) => {
    const open = indexedDB.open('report-reader');
    open.onsuccess = () => { const keys = open.result.transaction('texts').objectStore('texts').count(); keys.onsuccess = () => { resolve(keys.result); open.result.close(); }; };
  })) === 1);
  const before = await storedTexts(page);
  const long = Buffer.from(randomReport('A/QUOTA/1', 6000));
  assert.ok(long.length > 1000 * 1000, `${long.length} bytes`);
  await chooseFile(page, { name: 'long.txt', mimeType: 'text/plain', buffer: long });
  await page.getByRole('status').getByText('could not be kept in the browser’s storage (it is full)').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Report A/QUOTA/1' }).waitFor();
  const longUrl = page.url();
  await page.getByRole('button', { name: 'Highlight paragraph 4', exact: true }).click();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:r-') && localStorage.getItem(k).includes('p4')));
  assert.deepEqual(await storedTexts(page), before, 'the texts stored before are there, unchanged');
  await openApp(page, resolutionUrl);
  await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  // The text that could not be kept is asked for again, and its note is there once it is given.
  await openApp(page, longUrl);
  await page.getByRole('heading', { name: /needs its file again/ }).waitFor();
  await chooseFile(page, { name: 'long.txt', mimeType: 'text/plain', buffer: long });
  await page.waitForSelector('#p4[data-highlight]');
  assertNoProblems(page);
});

test('the library says what its storage holds and whether the browser keeps it; the browser is asked once the reader has something to keep', async (t) => {
  const context = await freshContext(t);
  await context.addInitScript(() => {
    window.__persistAsked = 0;
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => { window.__persistAsked += 1; return persist(); };
  });
  const page = await openPage(context);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__persistAsked), 0, 'nothing of the reader’s yet: not asked');
  await page.getByRole('button', { name: 'Highlight paragraph 2', exact: true }).click();
  await page.waitForFunction(() => window.__persistAsked === 1);
  await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).click();
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.__persistAsked), 1, 'asked once');
  await openApp(page, `${env.origin}/?library`);
  const said = page.locator('.library-storage');
  await said.getByText(/^Storage: \d+(\.\d)? [KMG]B of \d+(\.\d)? [KMG]B used\. /).waitFor();
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  assert.match(await said.textContent(), persisted ? /has promised to keep your reports and notes/ : /may clear your reports and notes when space runs short/);
  await screenshot(page, 'library-storage');
  assertNoProblems(page);
});

test('where the browser may clear notes, a reader who has not exported them for a month is reminded once, until they dismiss it', async (t) => {
  const context = await freshContext(t);
  await context.addInitScript(() => { navigator.storage.persisted = async () => false; });
  const page = await openPage(context);
  await page.getByRole('button', { name: 'Highlight paragraph 2', exact: true }).click();
  await page.waitForFunction(() => localStorage.getItem('report-reader:first-kept'));
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.export-reminder').count(), 0, 'not in the first month');
  await page.evaluate(() => localStorage.setItem('report-reader:first-kept', String(Date.now() - 31 * 24 * 3600 * 1000)));
  await openApp(page, `${env.origin}/`);
  const reminder = page.locator('.export-reminder');
  await reminder.getByText('you have not exported them for a month').waitFor();
  await reminder.getByRole('link', { name: 'Export them from your library' }).waitFor();
  await screenshot(page, 'export-reminder');
  await reminder.getByRole('button', { name: 'Dismiss the reminder to export your notes' }).click();
  await reminder.waitFor({ state: 'detached' });
  await openApp(page, `${env.origin}/`);
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.export-reminder').count(), 0, 'dismissed: not again this month');
  // An export counts as well.
  await page.evaluate(() => localStorage.removeItem('report-reader:export-reminder-dismissed'));
  await openApp(page, `${env.origin}/?library`);
  await page.locator('.export-reminder').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all notes (W3C JSON-LD)' }).click();
  await download;
  await openApp(page, `${env.origin}/`);
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.export-reminder').count(), 0, 'exported just now');
  assertNoProblems(page);
});

test('a report opened in one tab is in the other tab’s library without a reload', async (t) => {
  const context = await freshContext(t);
  const library = await openPage(context, '/?library');
  const reader = await openPage(context);
  await chooseFile(reader, join(FIXTURES, 'council-resolution.txt'));
  await reader.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  await library.locator('.library-entry', { hasText: 'Special Rapporteur on Cultural Rights' }).waitFor();
  await library.locator('.library-entry', { hasText: 'Special Rapporteur on Cultural Rights' }).getByRole('link').first().click();
  await library.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  assertNoProblems(library);
  assertNoProblems(reader);
});

test('thirty long reports opened are all in the library after the browser restarts, each opening without its file, and a new note saves', async (t) => {
  const profile = await mkdtemp(join(tmpdir(), 'reader-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT, viewport: { width: 1280, height: 800 },
  });
  let context = await launch();
  // The browser first, then its profile: a browser still writing its cache would leave the
  // folder not empty under the removal.
  t.after(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  let page = await newPage(context);
  await openApp(page, `${env.origin}/`);
  const count = 30;
  // 4,000 paragraphs of about 150 characters: 0.6 million characters each, 18 million in all.
  const size = longReport('A/LIB/1', 4000).length;
  assert.ok(size > 600000, `${size} characters`);
  for (let n = 1; n <= count; n++) {
    await chooseFile(page, { name: `report-${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(longReport(`A/LIB/${n}`, 4000)) });
    await page.locator('.symbol', { hasText: new RegExp(`^A/LIB/${n}$`) }).waitFor({ timeout: 60000 });
  }
  assert.equal((await localKeys(page, 'report-reader:text:')).length, 0, 'no text in localStorage');
  assert.equal(Object.keys(await storedTexts(page)).length, count);
  await context.close();

  context = await launch();
  context.setDefaultTimeout(STEP_TIMEOUT);
  page = await newPage(context);
  await openApp(page, `${env.origin}/?library`);
  const links = await page.$$eval('.library-entry .entry-title', (els) => els.map((a) => [a.textContent, a.getAttribute('href')]).filter(([title]) => title.startsWith('Report A/LIB/')));
  assert.equal(links.length, count, 'every report in the library');
  for (const [title, href] of links) {
    await openApp(page, new URL(href, `${env.origin}/`).href);
    await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60000 });
  }
  await page.getByRole('button', { name: 'Highlight paragraph 7', exact: true }).click();
  await page.waitForSelector('#p7[data-highlight]');
  await page.reload();
  await page.waitForSelector('html[data-app] #p7[data-highlight]', { timeout: 60000 });
  assertNoProblems(page);
});

/** A browser with a profile of its own (a context of the shared browser is an incognito one). */
async function profileContext(t) {
  const profile = await mkdtemp(join(tmpdir(), 'reader-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT, viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  t.after(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });
  return context;
}

test('the app is installable: its manifest has what browsers ask for, its icons exist, and Chromium finds nothing in the way, here and under a sub-path', async (t) => {
  const context = await profileContext(t);
  for (const path of ['/', '/viewer/']) {
    const page = await openPage(context, path);
    // The offline worker is registered two seconds after the start, and then takes control.
    await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 15000 });
    const cdp = await context.newCDPSession(page);
    const { errors, data, url } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'the manifest parses without errors');
    assert.equal(url, `${env.origin}${path}manifest.webmanifest`);
    const manifest = JSON.parse(data);
    for (const member of ['name', 'short_name', 'description', 'start_url', 'scope', 'id', 'display', 'theme_color', 'background_color', 'icons', 'file_handlers', 'share_target']) {
      assert.ok(manifest[member], `${member} is there`);
    }
    assert.equal(manifest.display, 'standalone');
    assert.equal(new URL(manifest.start_url, url).href, `${env.origin}${path}`, 'it starts where it is served');
    const icons = await page.evaluate(async (icons) => Promise.all(icons.map(async (icon) => {
      const response = await fetch(icon.src);
      const bitmap = await createImageBitmap(await response.blob());
      return { sizes: icon.sizes, purpose: icon.purpose, type: response.headers.get('content-type'), drawn: `${bitmap.width}x${bitmap.height}` };
    })), manifest.icons);
    assert.deepEqual(icons.map((i) => [i.sizes, i.drawn, i.type]), [['192x192', '192x192', 'image/png'], ['512x512', '512x512', 'image/png'], ['512x512', '512x512', 'image/png']]);
    assert.ok(icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
    const accepted = Object.values(manifest.file_handlers[0].accept).flat();
    for (const extension of ['.txt', '.md', '.html', '.pdf', '.docx']) assert.ok(accepted.includes(extension), `opens ${extension} files`);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'nothing keeps Chromium from offering to install it');
    assert.equal(await page.getAttribute('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]', 'content'), '#16171a');
    assertNoProblems(page);
  }
});

test('a file the system opens with the installed reader (launchQueue) opens as a report', async (t) => {
  const context = await freshContext(t);
  // What Chromium gives an installed app launched on a file: a queue whose consumer is called
  // with handles of the files.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'launchQueue', { value: { setConsumer(consumer) { window.__launchConsumer = consumer; } } });
  });
  const page = await openPage(context);
  const text = await readFile(join(FIXTURES, 'council-resolution.txt'), 'utf8');
  await page.waitForFunction(() => typeof window.__launchConsumer === 'function');
  await page.evaluate(async (text) => {
    const file = new File([text], 'council-resolution.txt', { type: 'text/plain' });
    await window.__launchConsumer({ files: [{ kind: 'file', name: file.name, getFile: async () => file }] });
  }, text);
  await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  assert.match(page.url(), /\?report=r-[0-9a-f]{16}$/);
  assertNoProblems(page);
});

test('a file or text shared from another app (the share target) opens as a report; a bare address is told', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 15000 });
  const text = await readFile(join(FIXTURES, 'council-resolution.txt'), 'utf8');
  // What the system posts to the share target's action, as a form.
  const share = (fields) => page.evaluate(async ({ fields, text }) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value === 'FILE' ? new File([text], 'council-resolution.txt', { type: 'text/plain' }) : value);
    const response = await fetch('./share', { method: 'POST', body: form });
    return new URL(response.url).search;
  }, { fields, text });
  assert.equal(await share({ file: 'FILE' }), '?shared');
  await openApp(page, `${env.origin}/?shared`);
  await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  assert.equal(await share({ title: 'A/HRC/RES/58/9', text: 'Resolution on shared things\n\n1. Decides to share.\n\n2. Decides to read.' }), '?shared');
  await openApp(page, `${env.origin}/?shared`);
  await page.locator('#p2', { hasText: 'Decides to read.' }).waitFor();
  await share({ url: 'https://undocs.org/A/HRC/RES/58/9' });
  await openApp(page, `${env.origin}/?shared`);
  await page.getByRole('alert').getByText('A web address was shared to the reader (https://undocs.org/A/HRC/RES/58/9)').waitFor();
  assertNoProblems(page);
});
