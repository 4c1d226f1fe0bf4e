// The notebook: every highlight and note of the library in one list, filtered, searched, sorted,
// followed to its paragraph, and exported (Markdown, W3C, Obsidian notes with block ids) whole
// or as a selection; and one report's notebook from its notes panel.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import {
  ROOT, useAppAndBrowser, freshContext, newPage, openApp, screenshot, landedOn, assertNoProblems, chooseFile,
} from './support.mjs';

const env = useAppAndBrowser();
const CORPUS = join(ROOT, 'tests/fixtures/corpus');

async function note(page, n, text, colour) {
  await page.getByRole('button', { name: `Add note to paragraph ${n}`, exact: true }).click();
  await page.getByRole('textbox', { name: `Note on paragraph ${n}`, exact: true }).fill(text);
  if (colour) await page.getByRole('radio', { name: colour }).check();
  await page.locator(`#p${n}`).getByRole('button', { name: 'Save note' }).click();
  await page.locator(`#p${n} .note-card`).first().waitFor();
}

/** A fresh profile with notes on the default report and on a report of the corpus. */
async function notebookOfTwoReports(t) {
  const context = await freshContext(t, env.browser, { viewport: { width: 1300, height: 900 }, acceptDownloads: true });
  const page = await newPage(context);
  await openApp(page, `${env.origin}/`);
  await page.getByRole('button', { name: 'Highlight paragraph 2', exact: true }).click();
  await page.waitForSelector('#p2[data-highlight="yellow"]');
  await note(page, 6, 'Ask about the #kashmir envoy', 'follow up');
  await chooseFile(page, join(CORPUS, 'un-hrc-wg-report-en.txt'));
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Arbitrary Detention' }).waitFor();
  await note(page, 4, 'Check the numbers against last year #follow', 'question');
  return page;
}

const entries = (page) => page.$$eval('.notebook-entry .notebook-where a', (els) => els.map((e) => e.textContent));
const status = (page) => page.locator('.notebook-actions .library-search-status').textContent();

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('the notebook lists every note of the library, filters, sorts and leads to the paragraph', async (t) => {
  const page = await notebookOfTwoReports(t);
  await openApp(page, `${env.origin}/?library`);
  await page.getByRole('link', { name: /^Notebook: every highlight and note/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor();
  await page.locator('.notebook-entry').nth(2).waitFor();
  assert.equal(await status(page), '3 highlights and notes in 2 reports');
  // Report by report, the last opened first, each as it reads.
  assert.deepEqual(await entries(page), [
    'A/HRC/63/42, para. 4 (p. 2)',
    'OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 2',
    'OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 6',
  ]);
  await screenshot(page, 'notebook');

  await page.getByRole('checkbox', { name: 'Show entries marked “follow up”' }).check();
  assert.deepEqual(await entries(page), ['OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 6']);
  await page.getByRole('checkbox', { name: 'Show entries marked “follow up”' }).uncheck();
  await page.getByRole('searchbox', { name: "Search the notebook's quotes, notes and tags" }).fill('NUMBERS last');
  assert.deepEqual(await entries(page), ['A/HRC/63/42, para. 4 (p. 2)']);
  await page.getByRole('searchbox', { name: "Search the notebook's quotes, notes and tags" }).fill('');
  await page.getByRole('combobox', { name: 'Show the entries with the tag' }).selectOption('kashmir');
  assert.equal(await status(page), '1 highlight or note in 1 report');
  await page.getByRole('combobox', { name: 'Show the entries with the tag' }).selectOption('');
  await page.getByRole('combobox', { name: 'Show which entries' }).selectOption('highlights');
  assert.deepEqual(await entries(page), ['OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 2']);
  await page.getByRole('combobox', { name: 'Show which entries' }).selectOption('all');
  await page.getByRole('combobox', { name: 'Sort the entries' }).selectOption('newest');
  assert.equal((await entries(page))[0], 'A/HRC/63/42, para. 4 (p. 2)');
  // Tomorrow onwards: nothing was written then.
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  await page.getByRole('textbox', { name: 'Show entries last edited from the date' }).fill(tomorrow);
  assert.equal(await status(page), 'No highlights or notes');
  await page.getByRole('textbox', { name: 'Show entries last edited from the date' }).fill('');
  await page.getByRole('link', { name: 'A/HRC/63/42, para. 4 (p. 2)' }).click();
  await landedOn(page, 'p4');
  assertNoProblems(page);
});

test('a selection or the whole notebook is exported as Markdown, W3C and Obsidian notes', async (t) => {
  const page = await notebookOfTwoReports(t);
  await openApp(page, `${env.origin}/?notebook`);
  await page.locator('.notebook-entry').nth(2).waitFor();

  const markdown = (await download(page, 'Export as Markdown')).bytes.toString('utf8');
  assert.match(markdown, /A\/HRC\/63\/42/);
  assert.match(markdown, /Check the numbers against last year #follow/);
  const w3c = JSON.parse((await download(page, 'Export as W3C Web Annotations')).bytes.toString('utf8'));
  assert.equal(w3c.type, 'AnnotationCollection');
  assert.equal(w3c.first.items.length, 3);

  // The whole notebook for Obsidian: a note per report, in a zip.
  const zipped = await download(page, 'Export for Obsidian');
  assert.equal(zipped.name, 'notebook-obsidian.zip');
  const zip = await JSZip.loadAsync(zipped.bytes);
  const names = Object.keys(zip.files).sort();
  assert.equal(names.length, 2, names.join(', '));
  const oic = await zip.file(names.find((n) => n.startsWith('OIC'))).async('string');
  assert.match(oic, /^---\n(.*\n)*tags:\n {2}- report-reader\n---\n/);
  assert.match(oic, /^> \[!follow-up\] para\. 6 — follow up$/m);
  assert.match(oic, /^\^p6$/m, 'the block id of paragraph 6');
  assert.match(oic, /#kashmir/);
  assert.match(oic, /\(http:\/\/127\.0\.0\.1:\d+\/#p6\)/, 'a link back to the paragraph');

  // A selection: one entry, one file.
  await page.getByRole('checkbox', { name: 'Select A/HRC/63/42, para. 4 (p. 2)' }).check();
  await page.getByText('1 selected: exports take those.').waitFor();
  const one = await download(page, 'Export for Obsidian');
  assert.match(one.name, /^A-HRC-63-42.*\.md$|^A.HRC.63.42.*\.md$/);
  const text = one.bytes.toString('utf8');
  assert.match(text, /^> \[!question\] para\. 4 \(p\. 2\) — question$/m);
  assert.match(text, /^\^p4$/m);
  assert.doesNotMatch(text, /kashmir/);
  assertNoProblems(page);
});

test("a report's notes panel leads to its own notebook", async (t) => {
  const page = await notebookOfTwoReports(t);
  if (!(await page.locator('#notes-panel').isVisible())) await page.getByRole('button', { name: /Highlights and notes/ }).first().click();
  await page.getByRole('link', { name: 'This report’s notes in the notebook' }).click();
  await page.getByRole('heading', { level: 1, name: /^Notebook: / }).waitFor();
  await page.locator('.notebook-entry').first().waitFor();
  assert.deepEqual(await entries(page), ['A/HRC/63/42, para. 4 (p. 2)']);
  assert.equal(await page.getByRole('combobox', { name: 'Show the entries of the report' }).count(), 0);
  assertNoProblems(page);
});
