// How the report looks wherever it is read: dark (following the system, or chosen and
// remembered), printed with its highlights and its notes as numbered endnotes, in Arabic right
// to left, and on a phone-sized screen.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, useAppAndBrowser, freshContext, newPage, openApp, assertNoProblems, screenshot, chooseFile, landedOn } from './support.mjs';

const env = useAppAndBrowser();

async function fresh(t, options = {}, path = '/') {
  const page = await newPage(await freshContext(t, env.browser, options));
  await openApp(page, `${env.origin}${path}`);
  return page;
}

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/\d+/g).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test('dark mode follows the system, and a chosen theme is remembered', async (t) => {
  const page = await fresh(t, { colorScheme: 'dark' });
  assert.ok(luminance(await background(page)) < 60, 'dark when the system is dark');
  await screenshot(page, 'dark-system');

  const theme = page.getByRole('combobox', { name: 'Colour theme' });
  await theme.selectOption('light');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.ok(luminance(await background(page)) > 200, 'light when chosen, though the system is dark');
  await page.reload();
  await page.waitForSelector('html[data-app] .report');
  assert.equal(await theme.inputValue(), 'light', 'the choice is remembered');
  assert.ok(luminance(await background(page)) > 200);

  await theme.selectOption('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(luminance(await background(page)) < 60, 'dark when chosen, though the system is light');
  await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).click();
  await page.waitForSelector('#p3[data-highlight]');
  await screenshot(page, 'dark-chosen');
  await theme.selectOption('system');
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-theme'));
  assert.ok(luminance(await background(page)) > 200, 'back to following the (now light) system');
  assertNoProblems(page);
});

test('printing shows the report with its highlights and the notes as numbered endnotes', async (t) => {
  const page = await fresh(t);
  await page.getByRole('button', { name: 'Highlight paragraph 2', exact: true }).click();
  for (const [n, text] of [[8, 'Ceasefire: check the date.'], [3, 'Who else spoke?']]) {
    await page.getByRole('button', { name: `Add note to paragraph ${n}`, exact: true }).click();
    await page.getByRole('textbox', { name: `Note on paragraph ${n}`, exact: true }).fill(text);
    await page.locator(`#p${n}`).getByRole('button', { name: 'Save note' }).click();
    await page.locator(`#p${n} .note-card`).first().waitFor();
  }
  await page.emulateMedia({ media: 'print' });
  const endnotes = page.locator('.print-endnotes li');
  await endnotes.first().waitFor();
  assert.deepEqual(
    await endnotes.evaluateAll((items) => items.map((li) => [li.querySelector('.endnote-place').textContent, li.querySelector('.endnote-body').textContent])),
    [['Paragraph 3', 'Who else spoke?'], ['Paragraph 8', 'Ceasefire: check the date.']],
    'notes in document order',
  );
  const markers = await page.$$eval('.para-notes .note-card', (cards) => cards.map((c) => [c.closest('.para').id, getComputedStyle(c, '::before').content]));
  assert.deepEqual(markers, [['p3', '"[" counter(endnote) "]"'], ['p8', '"[" counter(endnote) "]"']]);
  assert.equal(await page.locator('.app-bar').isVisible(), false, 'the app’s controls are not printed');
  assert.equal(await page.locator('.para-side').first().isVisible(), false);
  assert.notEqual(await page.$eval('#p2 > .para-text', (el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)', 'the highlight prints');
  await page.screenshot({ path: join(ROOT, 'tests/e2e/artifacts/printed.png'), fullPage: true });
  const pdf = await page.pdf({ path: join(ROOT, 'tests/e2e/artifacts/printed.pdf') });
  assert.ok(pdf.length > 10000, 'a PDF is printed');
  await page.emulateMedia({ media: 'screen' });
  await page.waitForSelector('.print-endnotes', { state: 'detached' });
  assertNoProblems(page);
});

test('an Arabic report runs right to left, keeps its numbers and anchors, and highlights land on the words chosen', async (t) => {
  const page = await fresh(t);
  await chooseFile(page, join(ROOT, 'tests/fixtures/arabic-report.txt'));
  await page.locator('.symbol', { hasText: 'OIC/CFM-51/2025/REP/AR' }).waitFor();
  assert.equal(await page.getAttribute('article.report', 'lang'), 'ar');
  assert.equal(await page.getAttribute('article.report', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('#p1', 'dir'), 'rtl');
  const label = await page.$eval('#p1', (p) => {
    const box = p.querySelector('.para-label').getBoundingClientRect();
    const text = p.querySelector('.para-text').getBoundingClientRect();
    return { labelLeft: box.left, textRight: text.right };
  });
  assert.ok(label.labelLeft >= label.textRight - 1, `the number sits to the right of the text (${JSON.stringify(label)})`);

  const url = new URL(page.url());
  await page.goto(`${url.origin}${url.pathname}${url.search}#p2`);
  await landedOn(page, 'p2');

  const words = 'بيانا مشتركا';
  const box = await page.evaluate((words) => {
    const node = [...document.querySelector('#p2 > .para-text').childNodes].find((c) => c.nodeType === 3 && c.data.includes(words));
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(words));
    range.setEnd(node, node.data.indexOf(words) + words.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, words);
  await page.keyboard.press('h');
  const mark = page.locator('#p2 mark.hl');
  await mark.waitFor();
  assert.equal(await mark.textContent(), words, 'the highlight covers exactly the selected Arabic words');
  await page.reload();
  await page.locator('#p2 mark.hl').waitFor();
  assert.equal(await page.locator('#p2 mark.hl').textContent(), words, 'and again after a reload');
  await screenshot(page, 'arabic-rtl');
  assertNoProblems(page);
});

test('a French report is marked as French', async (t) => {
  const page = await fresh(t);
  await chooseFile(page, join(ROOT, 'tests/fixtures/french-report.txt'));
  await page.waitForFunction(() => document.querySelector('article.report')?.lang === 'fr');
  assert.equal(await page.getAttribute('#p1', 'dir'), 'ltr');
  assertNoProblems(page);
});

test('on a 360 px wide screen nothing scrolls sideways and every control is still there', async (t) => {
  const page = await fresh(t, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, '/#p8');
  await landedOn(page, 'p8');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px too wide)`);
  for (const name of ['Search the report and your notes (/)', 'Highlights and notes', 'Open a report']) {
    const button = page.getByRole('button', { name, exact: true });
    const box = await button.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `${name} is on screen`);
  }
  await page.getByRole('button', { name: 'Highlight paragraph 8', exact: true }).click();
  await page.waitForSelector('#p8[data-highlight]');
  await screenshot(page, 'phone-360');
  assertNoProblems(page);
});

test('on a large monitor the text keeps a readable measure, centred beside the notes', async (t) => {
  const page = await fresh(t, { viewport: { width: 2560, height: 1440 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, 'no sideways scrolling');
  const { text, main, panel } = await page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width }; };
    return { text: box(document.querySelector('#p1 > .para-text')), main: box(document.querySelector('main')), panel: box(document.querySelector('.notes-panel')) };
  });
  assert.ok(text.width <= 40 * 18 && text.width >= 30 * 18, `a measure of about 36rem (${text.width} px)`);
  assert.ok(Math.abs((text.left - main.left) - (main.right - text.right)) < 160, 'the text sits in the middle of its column');
  assert.ok(panel.left >= main.right - 1, 'the notes panel is beside it');
  assertNoProblems(page);
});

test('with reduced motion asked for, moving to a paragraph does not animate', async (t) => {
  const page = await fresh(t, { reducedMotion: 'reduce' });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.activeElement?.id === 'p2');
  await page.goto(`${env.origin}/#p10`);
  await landedOn(page, 'p10');
  const animation = await page.$eval('#p10', (el) => getComputedStyle(el, '::before').animationName);
  assert.equal(animation, 'none', 'the target’s arrival is not animated');
  assertNoProblems(page);
});
