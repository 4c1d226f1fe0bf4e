// Documents in the forms real ones take, opened as a reader opens them: annotations to an agenda
// with its contents table, a letter that transmits a report in its annex (as a PDF, a running
// header falling inside a paragraph), and notes kept on the ids an annex had before the reader
// knew its parts.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ROOT, useAppAndBrowser, freshContext as newContext, newPage, openApp, screenshot, landedOn, assertNoProblems, chooseFile,
} from './support.mjs';

const env = useAppAndBrowser();
const CORPUS = join(ROOT, 'tests/fixtures/corpus');

function freshContext(t) {
  return newContext(t, env.browser, { viewport: { width: 1400, height: 900 } });
}

async function openFile(context, file, title) {
  const page = await newPage(context);
  await openApp(page, `${env.origin}/`);
  await chooseFile(page, join(CORPUS, file));
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return page;
}

test('annotations to an agenda: the agenda is a list of its own, the contents table links to the sections, #p1 is the body’s paragraph 1', async (t) => {
  const context = await freshContext(t);
  const page = await openFile(context, 'un-hrc-agenda-annotations-en.layout.txt', /^Annotations to the agenda for the sixty-second session/);
  // The agenda's items keep their numbers, under their heading, and are not the body's paragraphs.
  const item = page.locator('#h-i-provisional-agenda-item-4');
  assert.match(await item.textContent(), /Human rights situations that require the Council’s attention/);
  assert.match(await page.locator('#p1').textContent(), /In accordance with the programme of work/);

  // The contents table is links, not a run of dotted paragraphs.
  const contents = page.getByRole('navigation', { name: 'Contents' });
  assert.equal(await contents.getByRole('link').count(), 12);
  assert.equal(await page.locator('.report-body p').filter({ hasText: '. . . .' }).count(), 0, 'no dot leaders in the text');
  await screenshot(page, 'agenda-contents');
  await contents.getByRole('link', { name: /Universal periodic review/ }).click();
  await landedOn(page, 'h-6-universal-periodic-review');
  assert.equal(new URL(page.url()).hash, '#h-6-universal-periodic-review');

  // A permalink to paragraph 1 lands on the body's paragraph 1, not on agenda item 1.
  const url = new URL(page.url());
  await openApp(page, `${env.origin}/${url.search}#p1`);
  await landedOn(page, 'p1');
  assertNoProblems(page);
});

test('a letter with its annex, from a PDF: the annex numbers its own paragraphs, links and citations name it, and the running header stays out of the paragraph it falls in', async (t) => {
  const context = await freshContext(t);
  const page = await openFile(context, 'un-sc-letter-annex-en.pdf', /^Letter dated 16 March 2026 from the Permanent Representative of Ghana/);
  await page.locator('#annex').waitFor();
  assert.match(await page.locator('#annex').textContent(), /^Annex to the letter dated 16 March 2026 .* President of the Security Council/);
  assert.equal(await page.locator('#u4 > .para-text').textContent(), '(Signed) Kwabena Osei-Mensah');

  // Paragraph 4 of the annex runs over a page break, where the page's header (the symbol) stood.
  const p4 = await page.locator('#annex-p4 > .para-text').textContent();
  assert.doesNotMatch(p4, /S\/2026\/214/);
  const url = new URL(page.url());

  // "#p3": the letter's own paragraphs have no numbers, so paragraph 3 is the annex's.
  await openApp(page, `${env.origin}/${url.search}#p3`);
  await landedOn(page, 'annex-p3');
  await openApp(page, `${env.origin}/${url.search}#annex-appendix-p2`);
  await landedOn(page, 'annex-appendix-p2');
  await page.getByRole('button', { name: 'Add note to annex, appendix, paragraph 2', exact: true }).waitFor();
  await screenshot(page, 'letter-annex');
  assertNoProblems(page);
});

test('a note stored on the id an annex’s paragraph had before (p1_2) is on that paragraph now, not orphaned', async (t) => {
  const context = await freshContext(t);
  const page = await openFile(context, 'un-sg-report-annexes-en.layout.txt', /^Follow-up to the International Year of Volunteers/);
  const report = new URL(page.url()).searchParams.get('report');
  const key = `report-reader:annotations:${report}`;
  await page.getByRole('button', { name: 'Add note to annex I, paragraph 1', exact: true }).click();
  await page.getByRole('textbox', { name: 'Note on annex I, paragraph 1', exact: true }).fill('Compare with the 2023 review.');
  await page.locator('#annex-i-p1').getByRole('button', { name: 'Save note' }).click();
  const deadline = Date.now() + 5000;
  let doc = null;
  while (Date.now() < deadline) {
    doc = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key)) || 'null');
    if (doc?.annotations?.length === 1) break;
    await page.waitForTimeout(100);
  }
  assert.equal(doc?.annotations?.length, 1, 'the note is saved');

  // As the reader stored it before it knew annexes: on `p1_2`, the second paragraph numbered 1
  // after the body's own (its opening words kept with it, as they were).
  assert.equal(doc.annotations[0].target.paragraph, 'annex-i-p1');
  doc.annotations[0].target.paragraph = 'p1_2';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(doc)]);
  await page.reload();
  await page.locator('#annex-i-p1 .note-card').waitFor();
  assert.match(await page.locator('#annex-i-p1 .note-card').textContent(), /Compare with the 2023 review\./);
  assert.equal(await page.locator('#p1 .note-card').count(), 0, 'not on the body’s paragraph 1');
  assert.equal(await page.locator('.entry-flag').count(), 0, 'neither orphaned nor flagged as moved');
  assertNoProblems(page);
});

test('an Arabic letter from its PDF and a Chinese report: the symbol and its date, the annex’s "1 - " paragraphs, the contents as links', async (t) => {
  const context = await freshContext(t);
  // The symbol is Latin inside a right-to-left line ("S/2026/410، 12 أيار/مايو 2026").
  const letter = await openFile(context, 'un-sc-letter-annex-ar.pdf', /^رسالة مؤرخة 8 أيار\/مايو 2026/);
  assert.equal(await letter.locator('.cover .symbol').textContent(), 'S/2026/410');
  assert.match(await letter.locator('.cover').textContent(), /12 أيار\/مايو 2026/);
  const url = new URL(letter.url());
  await openApp(letter, `${env.origin}/${url.search}#p3`);
  await landedOn(letter, 'annex-p3');
  assert.match(await letter.locator('#annex-p3 > .para-text').textContent(), /^لاحظ المشاركون/);
  assert.equal(await letter.locator('#annex-p3').getAttribute('dir'), 'rtl');
  await letter.locator('#fn-2').waitFor({ state: 'attached' });
  await screenshot(letter, 'letter-annex-ar');
  assertNoProblems(letter);

  // A Chinese report as a text exported without its layout: its contents table leads to the
  // annex, its paragraph 2 whole although the export set its number after its first line.
  const report = await openFile(context, 'un-ga-report-annex-zh.txt', '农业技术促进可持续发展');
  const contents = report.getByRole('navigation', { name: '目录' });
  assert.equal(await contents.getByRole('link').count(), 7);
  assert.match(await report.locator('#p2 > .para-text').textContent(), /^本报告借鉴了29个会员国.*的最新数据。$/);
  const last = contents.getByRole('link').last();
  assert.match(await last.textContent(), /附件/);
  await last.click();
  await landedOn(report, 'annex');
  await screenshot(report, 'report-contents-zh');
  assertNoProblems(report);
});
