// The app in parts (scripts/build-wasm.mjs cuts the wasm at its `#[lazy]` functions): the first
// load is the reader, and each feature only some readers use is fetched the first time it is
// used, from a fresh profile, and works then.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, DIST, serve, useAppAndBrowser, freshContext, newPage, openApp, landedOn, assertNoProblems, chooseFile, screenshot, keepPrivateFileAsBackup,
} from './support.mjs';

const env = useAppAndBrowser();
const FIXTURES = join(ROOT, 'tests/fixtures');
/** A part of the app's wasm fetched on first use: `report-reader-<part>-<hash>.wasm`. */
const PART = /\/report-reader-([a-z_]+)-[0-9a-f]{16}\.wasm$/;

/**
 * A fresh profile on the default report, and the paths it has fetched since `fetched.length = 0`.
 * Without the offline worker, which fetches every part to keep it two seconds after the start:
 * what is fetched here is what the page itself asked for.
 */
async function freshReader(t, path = '/') {
  const context = await freshContext(t, env.browser, { serviceWorkers: 'block' });
  const page = await newPage(context);
  const fetched = [];
  context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await openApp(page, `${env.origin}${path}`);
  return { page, fetched };
}

const partsIn = (paths) => [...new Set(paths.map((p) => p.match(PART)?.[1]).filter(Boolean))].sort();

test('the first load is the reader: nothing only a later feature needs is fetched before the first highlight works', async (t) => {
  const { page, fetched } = await freshReader(t, '/#p3');
  await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).click();
  await page.waitForSelector('#p3[data-highlight]');
  const later = fetched.filter((p) => PART.test(p) || /^\/(pdfjs|readers)\/|\/document-reader/.test(p));
  assert.deepEqual(later, [], `fetched before the first highlight: ${fetched.join(' ')}`);
  assert.ok(fetched.some((p) => /\/report-reader-[0-9a-f]{16}_bg\.wasm$/.test(p)), 'the reader’s own wasm was fetched');
  assertNoProblems(page);
});

// Each feature: what a person does, what shows it works, and the parts its first use fetches.
const FEATURES = [
  {
    name: 'search',
    parts: ['run_search'],
    async use(page) {
      await page.keyboard.press('/');
      await page.keyboard.type('Kashmir');
      await page.locator('#search-status').getByText(/matches/).waitFor();
      assert.ok(await page.locator('.search-hits li').count() > 0, 'matches are listed');
      await page.waitForFunction(() => CSS.highlights.get('search-hit')?.size > 0);
    },
  },
  {
    name: 'the shortcuts’ help',
    parts: ['help_overlay'],
    async use(page) {
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
  },
  {
    name: 'export and import',
    parts: ['exchange_tools'],
    async use(page) {
      await page.getByText('Export and import').click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export notes (Markdown)' }).click(),
      ]);
      assert.match(file.suggestedFilename(), /-notes\.md$/);
    },
  },
  {
    name: 'opening a file',
    parts: ['open_file', 'open_tools'],
    async use(page) {
      await chooseFile(page, join(FIXTURES, 'council-resolution.txt'));
      await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
    },
  },
  {
    name: 'a note (its Markdown read by the parser)',
    parts: ['read_note'],
    async use(page) {
      await page.getByRole('button', { name: 'Add note to paragraph 3', exact: true }).click();
      await page.getByRole('textbox', { name: 'Note on paragraph 3', exact: true }).fill('Check the *ceasefire* terms.');
      await page.locator('#p3').getByRole('button', { name: 'Save note' }).click();
      await page.locator('#p3 > .para-notes .note-card em', { hasText: 'ceasefire' }).waitFor();
    },
  },
  {
    name: 'a backup file kept (its writer, and its reader when the app opens)',
    parts: ['write_kept_file', 'merge_kept_file'],
    async use(page) {
      await page.evaluate(keepPrivateFileAsBackup, 'kept-backup.json');
      await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).click();
      const written = () => page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        return (await (await root.getFileHandle('kept-backup.json')).getFile()).text();
      });
      const deadline = Date.now() + 10000;
      while (!(await written()).includes('"p3"')) {
        assert.ok(Date.now() < deadline, 'the kept file written after the change');
        await page.waitForTimeout(200);
      }
      // The tab shown again: the file is read for what another device wrote.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await page.waitForTimeout(500);
    },
  },
  {
    name: 'the library',
    parts: ['library_screen'],
    async use(page) {
      await page.getByRole('link', { name: 'Library' }).click();
      await page.locator('.library').waitFor();
      await page.locator('.library-entry', { hasText: 'Jammu and Kashmir' }).first().waitFor();
    },
  },
  {
    name: 'the notebook',
    parts: ['notebook_screen'],
    async use(page) {
      await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).click();
      await page.getByRole('link', { name: 'All your notes' }).click();
      await page.locator('.notebook-entry').first().waitFor();
    },
  },
  {
    name: 'the reports citing a report (in a library of more than one)',
    parts: ['cited_by_section'],
    async use(page) {
      await chooseFile(page, join(FIXTURES, 'council-resolution.txt'));
      await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('report:cited-by').length > 0, null, { timeout: 15000 });
    },
  },
];

test('a part that cannot be fetched is told, the app goes on, and the part comes once it can be fetched', async (t) => {
  const { page } = await freshReader(t);
  const PART_OF_SEARCH = /\/report-reader-run_search-[0-9a-f]{16}\.wasm$/;
  await page.route(PART_OF_SEARCH, (route) => route.abort('internetdisconnected'));
  await page.keyboard.press('/');
  await page.keyboard.type('Kashmir');
  const notice = page.locator('.notice', { hasText: 'A part of the reader could not be fetched' });
  await notice.waitFor();
  assert.equal(await page.locator('#search-status').textContent(), 'Searching…', 'no answer is given before search has come');
  await screenshot(page, 'part-unavailable');
  // Nothing else stopped: the reader still highlights.
  await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).click();
  await page.waitForSelector('#p3[data-highlight]');
  await page.unroute(PART_OF_SEARCH);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await page.locator('#search-status').getByText(/matches/).waitFor();
  await notice.waitFor({ state: 'detached' });
  // The browser itself logs the request that failed; nothing else may go wrong.
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
});

test('a published report other than the bundled one fetches the parser’s part as it opens', async (t) => {
  const site = await mkdtemp(join(tmpdir(), 'published-parts-'));
  t.after(() => rm(site, { recursive: true, force: true }));
  await cp(DIST, site, { recursive: true });
  await cp(join(FIXTURES, 'council-resolution.txt'), join(site, 'reports/hrc-res-58-12.txt'));
  const manifest = JSON.parse(await readFile(join(site, 'reports/manifest.json'), 'utf8'));
  manifest.reports.push({ id: 'hrc-res-58-12', file: 'hrc-res-58-12.txt', title: 'Resolution on Cultural Rights' });
  await writeFile(join(site, 'reports/manifest.json'), JSON.stringify(manifest));
  const published = await serve(site, []);
  t.after(() => published.close());
  const context = await freshContext(t, env.browser, { serviceWorkers: 'block' });
  const page = await newPage(context);
  const fetched = [];
  context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await openApp(page, `${published.origin}/?report=hrc-res-58-12#p3-b`);
  await landedOn(page, 'p3-b');
  assert.equal(await page.textContent('h1'), 'Resolution on the Special Rapporteur on Cultural Rights');
  assert.ok(partsIn(fetched).includes('parse_report'), `fetched: ${partsIn(fetched).join(', ')}`);
  assertNoProblems(page);
});

for (const feature of FEATURES) {
  test(`${feature.name}: its part is fetched the first time it is used, and it works`, async (t) => {
    const { page, fetched } = await freshReader(t);
    // The reader is idle: none of its parts has been asked for yet.
    assert.deepEqual(partsIn(fetched).filter((p) => feature.parts.includes(p)), []);
    fetched.length = 0;
    await feature.use(page);
    const got = partsIn(fetched);
    for (const part of feature.parts) assert.ok(got.includes(part), `${feature.name} fetched its part “${part}” (fetched: ${got.join(', ')})`);
    assertNoProblems(page);
  });
}
