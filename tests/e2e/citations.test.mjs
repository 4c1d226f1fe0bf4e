// Documents that cite each other: symbols in a report's text are links, to the cited report in
// the reader's library (at the paragraph the text names) or else to the document's public
// address; and a report lists the reports of the library that cite it, with their paragraphs.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ROOT, useAppAndBrowser, freshContext, newPage, openApp, screenshot, landedOn, assertNoProblems, chooseFile,
} from './support.mjs';

const env = useAppAndBrowser();
const CORPUS = join(ROOT, 'tests/fixtures/corpus');

// A letter in the form of the Security Council's, citing a report of the corpus by its symbol
// and paragraph, a resolution by its number, and a report the reader does not have.
const LETTER = `United Nations

S/2026/999

Security Council

Distr.: General
3 December 2026
Original: English

Letter dated 1 December 2026 from the Secretary-General addressed to the President of the Security Council

1. I have the honour to refer to the report of the Working Group on Arbitrary Detention (A/HRC/63/42).

2. The Council will recall paragraph 4 of A/HRC/63/42, on the opinions adopted in 2025, and its own resolution 2720 (2023).

3. The findings are also set out in document A/HRC/99/1.
`;

async function libraryWithALetter(t) {
  const context = await freshContext(t, env.browser, { viewport: { width: 1300, height: 900 } });
  const page = await newPage(context);
  await openApp(page, `${env.origin}/`);
  await chooseFile(page, join(CORPUS, 'un-hrc-wg-report-en.txt'));
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Arbitrary Detention' }).waitFor();
  const report = new URL(page.url()).search;
  await chooseFile(page, { name: 'letter.txt', mimeType: 'text/plain', buffer: Buffer.from(LETTER) });
  await page.locator('.symbol', { hasText: 'S/2026/999' }).waitFor();
  return { page, report, letter: new URL(page.url()).search };
}

test('a symbol in the text leads to the report in the library, at the paragraph it names, or to its public address', async (t) => {
  const { page, report } = await libraryWithALetter(t);
  const inLibrary = page.locator('#p2 a.doc-link', { hasText: 'A/HRC/63/42' });
  assert.equal(await inLibrary.getAttribute('href'), `${report}#p4`);
  assert.equal(await page.locator('#p1 a.doc-link', { hasText: 'A/HRC/63/42' }).getAttribute('href'), report);
  // Not in the library: the UN's address by symbol, and the app itself asks nothing of it.
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  assert.equal(await page.locator('#p3 a.doc-link', { hasText: 'A/HRC/99/1' }).getAttribute('href'), 'https://undocs.org/en/A/HRC/99/1');
  assert.equal(await page.locator('#p2 a.doc-link', { hasText: '2720 (2023)' }).getAttribute('href'), 'https://undocs.org/en/S/RES/2720%282023%29');
  // The text reads as it did: the links are inside it.
  assert.equal(await page.locator('#p2 .para-text').textContent(), 'The Council will recall paragraph 4 of A/HRC/63/42, on the opinions adopted in 2025, and its own resolution 2720 (2023).');
  await screenshot(page, 'citations-links');
  await inLibrary.click();
  await landedOn(page, 'p4');
  assert.ok(!requested.some((u) => u.includes('undocs.org')), requested.join('\n'));
  assertNoProblems(page);
});

test('a report lists the reports of the library that cite it, with the citing paragraphs', async (t) => {
  const { page, report, letter } = await libraryWithALetter(t);
  await openApp(page, `${env.origin}/${report}`);
  const section = page.getByRole('region', { name: 'Cited by 1 report in your library' });
  await section.waitFor({ timeout: 15000 });
  const links = await section.locator('.cited-by-paragraphs a').allTextContents();
  assert.deepEqual(links, ['S/2026/999, para. 1', 'S/2026/999, para. 2']);
  assert.match(await section.locator('.cited-by-paragraphs li').nth(1).textContent(), /on paragraph 4/);
  await section.getByRole('link', { name: 'S/2026/999, para. 2' }).click();
  await landedOn(page, 'p2');
  assert.equal(new URL(page.url()).search, letter);
  // The letter is cited by none.
  assert.equal(await page.locator('.cited-by').count(), 0);
  assertNoProblems(page);
});
