// The library as one body of work: reports of the corpus opened as a reader opens them, then
// one query over all of them and the notes, narrowed by filters, each hit opening its report at
// its paragraph with the words marked; the list sorted and narrowed, moved through by keys.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ROOT, useAppAndBrowser, freshContext, newPage, openApp, screenshot, landedOn, assertNoProblems, chooseFile,
} from './support.mjs';

const env = useAppAndBrowser();
const CORPUS = join(ROOT, 'tests/fixtures/corpus');
const OPENED = [
  ['un-hrc-wg-report-en.txt', 'A/HRC/63/42'],
  ['un-sc-sg-report-en.txt', 'S/2026/318'],
  ['eu-council-conclusions-en.txt', null],
  ['oic-resolution-ar.txt', 'OIC/CFM-51/2025/POL/RES/FINAL'],
];

/** A fresh profile with the corpus's reports opened one by one, and a note on the default report. */
async function libraryOfReports(t) {
  const context = await freshContext(t, env.browser, { viewport: { width: 1300, height: 900 } });
  const page = await newPage(context);
  await openApp(page, `${env.origin}/#p6`);
  await page.getByRole('button', { name: 'Add note to paragraph 6', exact: true }).click();
  await page.getByRole('textbox', { name: 'Note on paragraph 6', exact: true }).fill('Ask about detention reviews #kashmir');
  await page.getByRole('radio', { name: 'follow up' }).check();
  await page.locator('#p6').getByRole('button', { name: 'Save note' }).click();
  await page.waitForSelector('#p6[data-highlight="green"]');
  for (const [file] of OPENED) {
    const before = page.url();
    await chooseFile(page, join(CORPUS, file));
    await page.waitForFunction((b) => location.href !== b && document.querySelector('h1'), before);
  }
  await openApp(page, `${env.origin}/?library`);
  await page.locator('.library-index-progress', { hasText: '5 of 5 reports searchable.' }).waitFor();
  return page;
}

const search = async (page, query) => {
  await page.getByRole('searchbox', { name: 'Search every report and note in your library' }).fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.locator('.library-search-status').filter({ hasText: /\S/ }).waitFor();
  return page.locator('.library-search-status').textContent();
};

const foundReports = (page) => page.$$eval('.found-report', (els) => els.map((e) => e.querySelector('.entry-symbol')?.textContent ?? e.querySelector('a').textContent));

test('one query finds paragraphs and notes across the library and opens the right paragraph marked', async (t) => {
  const page = await libraryOfReports(t);
  const status = await search(page, 'detention');
  assert.match(status, /^\d+ paragraphs and 1 note in \d+ reports$/);
  const reports = await foundReports(page);
  assert.ok(reports.includes('A/HRC/63/42') && reports.includes('S/2026/318'), reports.join(' | '));
  // Every mark is the word looked for, in any case.
  const marks = await page.locator('.found-excerpt mark').allTextContents();
  assert.ok(marks.length > 4 && marks.every((m) => /^detention$/i.test(m)), marks.join(','));
  // The note is found with its paragraph's citation.
  const note = page.getByRole('link', { name: /^Your note on para\. 6 of / });
  assert.equal(await note.count(), 1);
  await screenshot(page, 'library-search');

  // A phrase, as written; the hit opens its report at its paragraph with the words marked.
  assert.match(await search(page, '"screening centres"'), /^1 paragraph in 1 report$/);
  const hit = page.locator('.found-link').first();
  const citation = await hit.textContent();
  await hit.click();
  await page.waitForSelector('mark.passage-target');
  assert.equal((await page.locator('mark.passage-target').allTextContents()).join(''), 'screening centres');
  const id = new URL(page.url()).hash.slice(1).split(':~:')[0];
  await landedOn(page, id);
  assert.match(citation, /^para\. \d+/);
  assert.equal(await page.locator(`#${id} mark.passage-target`).count(), 1);
  assertNoProblems(page);
});

test('filters narrow a search to notes, a colour, a tag, a symbol and a year', async (t) => {
  const page = await libraryOfReports(t);
  const scope = page.getByRole('combobox', { name: 'Search in' });
  await scope.selectOption('notes');
  assert.equal(await search(page, 'detention'), '1 note in 1 report');
  await scope.selectOption('all');
  await page.getByRole('combobox', { name: 'Search notes of the colour' }).selectOption('green');
  // Text narrowed to the paragraphs highlighted in that colour: paragraph 6 has no "detention".
  assert.equal(await search(page, 'detention'), '1 note in 1 report');
  assert.match(await search(page, 'Kashmir'), /^1 paragraph and 1 note in 1 report$/);
  await page.getByRole('combobox', { name: 'Search notes of the colour' }).selectOption('');
  await page.getByRole('combobox', { name: 'Search notes with the tag' }).selectOption('kashmir');
  assert.match(await search(page, 'people'), /^1 paragraph in 1 report$/);
  await page.getByRole('combobox', { name: 'Search notes with the tag' }).selectOption('');
  await page.getByRole('textbox', { name: 'Search reports whose symbol begins' }).fill('S/');
  await search(page, 'detention');
  assert.deepEqual(await foundReports(page), ['S/2026/318']);
  await page.getByRole('textbox', { name: 'Search reports whose symbol begins' }).fill('');
  await page.getByRole('combobox', { name: 'Search reports of the year' }).selectOption('2025');
  const in2025 = await search(page, 'session');
  assert.ok(!(await foundReports(page)).includes('A/HRC/63/42'), in2025);
  // Arabic is found as typed without its vowel marks.
  await page.getByRole('combobox', { name: 'Search reports of the year' }).selectOption('');
  assert.match(await search(page, 'الخارجية'), /in 1 report$/);
  assertNoProblems(page);
});

test('the index is kept: a reload searches at once, and a removed report is no longer found', async (t) => {
  const page = await libraryOfReports(t);
  await page.reload();
  await page.locator('.library-index-progress', { hasText: '5 of 5 reports searchable.' }).waitFor();
  assert.ok((await page.evaluate(() => performance.getEntriesByName('library:index-report').length)) === 0, 'nothing indexed again');
  await search(page, '"pretrial detention"');
  assert.deepEqual(await foundReports(page), ['A/HRC/63/42']);
  const entry = page.locator('.library-reports .library-entry', { hasText: 'A/HRC/63/42' });
  await entry.getByRole('button', { name: /^Remove / }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove', exact: true }).click();
  await page.locator('.library-index-progress', { hasText: '4 of 4 reports searchable.' }).waitFor();
  assert.equal(await search(page, '"pretrial detention"'), 'Nothing found');
  assertNoProblems(page);
});

test('the list sorts and narrows by organ, language and notes, and arrow keys move through it', async (t) => {
  const page = await libraryOfReports(t);
  const titles = () => page.$$eval('.library-reports .library-list > .library-entry', (els) => els.map((e) => e.dataset.report));
  const symbols = () => page.$$eval('.library-reports .library-list > .library-entry', (els) => els.map((e) => e.querySelector('.entry-symbol')?.textContent ?? '—'));
  await page.getByRole('combobox', { name: 'Sort the reports by' }).selectOption('symbol');
  assert.deepEqual(await symbols(), ['A/HRC/63/42', 'OIC-CFM-51\\2025-CG-J&K\\FINAL.REP', 'OIC/CFM-51/2025/POL/RES/FINAL', 'S/2026/318', '15234/25']);
  await page.getByRole('combobox', { name: 'Sort the reports by' }).selectOption('date');
  const byDate = await page.$$eval('.library-reports .library-list > .library-entry .entry-meta', (els) => els.map((e) => e.textContent.split(' · ')[0]));
  assert.equal(byDate[0], '21 July 2026', byDate.join(' | '));
  await page.getByRole('combobox', { name: 'Show the reports in the language' }).selectOption('ar');
  assert.deepEqual(await symbols(), ['OIC/CFM-51/2025/POL/RES/FINAL']);
  await page.getByRole('combobox', { name: 'Show the reports in the language' }).selectOption('');
  await page.getByRole('checkbox', { name: 'Show only the reports with notes' }).check();
  assert.deepEqual(await titles(), ['oic-cfm-51-cg-jk-2025']);
  assert.equal(await page.locator('.library-count').textContent(), '1 of 5 reports shown.');
  await page.getByRole('checkbox', { name: 'Show only the reports with notes' }).uncheck();
  await page.getByRole('combobox', { name: 'Show the reports of the organ' }).selectOption('S');
  assert.deepEqual(await symbols(), ['S/2026/318']);
  await page.getByRole('combobox', { name: 'Show the reports of the organ' }).selectOption('');
  // Arrow keys move from title to title.
  await page.locator('.library-reports .entry-title').first().focus();
  await page.keyboard.press('ArrowDown');
  const second = await page.locator('.library-reports .entry-title').nth(1).textContent();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), second);
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), await page.locator('.library-reports .entry-title').first().textContent());
  await screenshot(page, 'library-list');
  assertNoProblems(page);
});
