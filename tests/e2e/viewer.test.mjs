// The viewer as a reader uses it: the default report set out, permalinks opened fresh and
// followed in the same tab, links copied, and the built dist/ served under a sub-path.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT, useAppAndBrowser, freshContext, newPage, openApp, screenshot, markedIds, viewportBox, landedOn, assertNoProblems,
} from './support.mjs';

const env = useAppAndBrowser();

/** A fresh browser context with one page, for one test. */
async function fresh(t, options = {}) {
  return newPage(await freshContext(t, env.browser, options));
}

test('the default report is set out with its title block and eleven numbered paragraphs', async (t) => {
  const page = await fresh(t);
  await openApp(page, `${env.origin}/`);
  const source = await readFile(join(ROOT, 'reports/oic-cfm-51-cg-jk-2025.txt'), 'utf8');
  const sourceParagraphs = [...source.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => ({ n: m[1], text: m[2].trim() }));

  assert.equal(await page.textContent('.symbol'), 'OIC-CFM-51\\2025-CG-J&K\\FINAL.REP');
  assert.equal(await page.textContent('h1'), 'Report of the Meeting of the OIC Contact Group on Jammu and Kashmir');
  assert.equal(await page.locator('h1').count(), 1, 'the repeated title block is not a second title');
  assert.equal(
    await page.textContent('.subtitle em'),
    'Held on the sidelines of the 51st session of the OIC Council of Foreign Ministers',
  );
  assert.equal(await page.textContent('.place-date'), 'Istanbul, Republic of Türkiye, 22 June 2025');

  const paragraphs = await page.$$eval('.chunk > .para', (els) =>
    els.map((el) => ({ id: el.id, kind: el.dataset.kind, label: el.querySelector('.para-label')?.textContent, text: el.querySelector('.para-text').textContent })),
  );
  assert.deepEqual(paragraphs.map((p) => p.id), sourceParagraphs.map((p) => `p${p.n}`));
  assert.equal(paragraphs.length, 11);
  for (const [i, p] of paragraphs.entries()) {
    assert.equal(p.kind, 'numbered');
    assert.equal(p.label, `${i + 1}.`);
    assert.ok(p.text.startsWith(sourceParagraphs[i].text), `paragraph ${i + 1} has its source text`);
  }
  const eight = paragraphs[7].text;
  assert.ok(eight.includes('the need to adhere to the agreement to protect civilians, residential areas'), 'page break joined');
  assert.ok(eight.endsWith('stability in the South Asian region.'));
  assert.equal(await page.title(), 'Report of the Meeting of the OIC Contact Group on Jammu and Kashmir — OIC-CFM-51\\2025-CG-J&K\\FINAL.REP');
  await screenshot(page, 'default-report');
  assertNoProblems(page);
});

test('opening #p8 in a fresh browser lands on paragraph 8 and marks it', async (t) => {
  const page = await fresh(t);
  await openApp(page, `${env.origin}/#p8`);
  await landedOn(page, 'p8');
  assert.deepEqual(await markedIds(page), ['p8']);
  const box = await viewportBox(page, 'p8');
  assert.ok(box.top >= 0 && box.top < 100, `paragraph 8 is at the top of the view (top ${box.top})`);
  const background = await page.$eval('#p8', (el) => getComputedStyle(el, '::before').backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the mark is visible');
  await screenshot(page, 'permalink-p8');
  assertNoProblems(page);
});

test('#p8-10 marks paragraphs 8 to 10 and brings 8 into view', async (t) => {
  const page = await fresh(t);
  await openApp(page, `${env.origin}/#p8-10`);
  await landedOn(page, 'p8');
  assert.deepEqual(await markedIds(page), ['p8', 'p9', 'p10']);
  assert.equal(await page.locator('.notice').count(), 0);
  assertNoProblems(page);
});

test('a fragment that names no paragraph gives a notice and the report stays', async (t) => {
  const page = await fresh(t);
  await openApp(page, `${env.origin}/#p99`);
  const notice = page.getByRole('alert');
  assert.equal(await notice.locator('p').textContent(), 'This report has no paragraph 99: its numbered paragraphs run from 1 to 11.');
  assert.equal(await page.locator('.chunk > .para').count(), 11);
  assert.deepEqual(await markedIds(page), []);
  await screenshot(page, 'unknown-anchor');
  await page.getByRole('button', { name: 'Dismiss notice' }).click();
  assert.equal(await page.locator('.notice').count(), 0);

  await openApp(page, `${env.origin}/#%3Cimg%20src=x%20onerror=alert(1)%3E`);
  assert.equal(
    await page.getByRole('alert').locator('p').textContent(),
    '“#<img src=x onerror=alert(1)>” does not point to a paragraph of this report.',
  );
  assert.equal(await page.locator('.notice img').count(), 0, 'the fragment is shown as text');
  // The notice is about the address: following a good link takes it away, as leaving the report does.
  await page.evaluate(() => { location.hash = '#p8'; });
  await landedOn(page, 'p8');
  await page.waitForFunction(() => !document.querySelector('.notice'));
  await page.evaluate(() => { location.hash = '#p99'; });
  await page.getByRole('alert').waitFor();
  await page.getByRole('link', { name: 'Library' }).click();
  await page.locator('.library').waitFor();
  assert.equal(await page.locator('.notice').count(), 0, 'no notice about the report follows the reader to the library');
  assertNoProblems(page);
});

test('following links in the same tab: ¶ by keyboard, an edited hash, back and forward', async (t) => {
  const page = await fresh(t);
  await openApp(page, `${env.origin}/`);
  assert.deepEqual(await markedIds(page), []);

  const selfLink = page.getByRole('link', { name: 'Link to paragraph 3' });
  await selfLink.focus();
  // Visible once focused by keyboard (after its short fade-in).
  await page.waitForFunction(() => getComputedStyle(document.activeElement.parentElement).opacity === '1');
  await page.keyboard.press('Enter');
  await landedOn(page, 'p3');
  assert.equal(new URL(page.url()).hash, '#p3');
  assert.deepEqual(await markedIds(page), ['p3']);

  await page.evaluate(() => { location.hash = '#p9'; });
  await landedOn(page, 'p9');
  assert.deepEqual(await markedIds(page), ['p9']);
  const box = await viewportBox(page, 'p9');
  assert.ok(box.top >= 0 && box.bottom <= box.height, `paragraph 9 is brought into view (${JSON.stringify(box)})`);

  await page.goBack();
  await landedOn(page, 'p3');
  assert.deepEqual(await markedIds(page), ['p3']);
  await page.goForward();
  await landedOn(page, 'p9');
  assert.deepEqual(await markedIds(page), ['p9']);

  await page.evaluate(() => { location.hash = '#nowhere'; });
  await page.getByRole('alert').waitFor();
  assert.deepEqual(await markedIds(page), []);
  await page.evaluate(() => { location.hash = '#p2'; });
  await landedOn(page, 'p2');
  assert.equal(await page.locator('.notice').count(), 0, 'a good link clears the notice');
  assertNoProblems(page);
});

test('"Copy link to paragraph 8", reached by keyboard, puts the absolute permalink on the clipboard', async (t) => {
  const page = await fresh(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await openApp(page, `${env.origin}/?from=mail`);
  // Tab through the page as a keyboard user would until the button has focus.
  let label = null;
  for (let i = 0; i < 60 && label !== 'Copy link to paragraph 8'; i++) {
    await page.keyboard.press('Tab');
    label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  }
  assert.equal(label, 'Copy link to paragraph 8');
  await page.keyboard.press('Enter');
  const toast = page.getByRole('status');
  await toast.getByText('Copied link to paragraph 8').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${env.origin}/?from=mail#p8`);
  await screenshot(page, 'copied-link');

  // The link works for whoever opens it.
  const other = await fresh(t);
  await openApp(other, copied);
  await landedOn(other, 'p8');
  assert.deepEqual(await markedIds(other), ['p8']);
  assertNoProblems(page);
  assertNoProblems(other);
});

test('when the clipboard refuses, the link is shown selected for copying by hand', async (t) => {
  const page = await fresh(t);
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await openApp(page, `${env.origin}/`);
  await page.getByRole('button', { name: 'Copy link to paragraph 5' }).click();
  const field = page.getByRole('textbox', { name: 'Link to paragraph 5' });
  assert.equal(await field.inputValue(), `${env.origin}/#p5`);
  assertNoProblems(page);
});

test('dist/ served under a sub-path works as it does at the root', async (t) => {
  const page = await fresh(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
  await openApp(page, `${env.origin}/viewer/#p8`);
  await landedOn(page, 'p8');
  assert.deepEqual(await markedIds(page), ['p8']);
  assert.deepEqual(failed, [], 'every asset loads from under /viewer/');
  await page.getByRole('button', { name: 'Copy link to paragraph 10' }).click();
  await page.getByRole('status').getByText('Copied link to paragraph 10').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${env.origin}/viewer/#p10`);
  assertNoProblems(page);
});

test('on a phone-sized screen the report reads without sideways scrolling', async (t) => {
  const page = await fresh(t, { viewport: { width: 360, height: 740 } });
  await openApp(page, `${env.origin}/#p8`);
  await landedOn(page, 'p8');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
  await screenshot(page, 'phone-p8');
  assertNoProblems(page);
});

test('the default report is in the page as served: readable without JavaScript, and unmoved when the app takes over', async (t) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    const still = await newPage(await freshContext(t, env.browser, { viewport, javaScriptEnabled: false }));
    await still.goto(`${env.origin}/`);
    assert.equal(await still.locator('#prerendered .para').count(), 11, 'eleven paragraphs without the app');
    assert.equal(await still.textContent('h1'), 'Report of the Meeting of the OIC Contact Group on Jammu and Kashmir');
    const boxes = (page) => page.$$eval('#p1, #p5, #p11, h1', (els) => els.map((el) => { const r = el.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top), Math.round(r.width)]; }));
    const before = await boxes(still);

    const app = await fresh(t, { viewport });
    await openApp(app, `${env.origin}/`);
    assert.equal(await app.locator('#prerendered').count(), 0, 'the app replaced the static copy');
    assert.equal(await app.locator('#p5').count(), 1, 'one paragraph 5, not two');
    const after = await boxes(app);
    for (const [i, [left, top, width]] of after.entries()) {
      assert.ok(Math.abs(left - before[i][0]) <= 2 && Math.abs(top - before[i][1]) <= 2 && Math.abs(width - before[i][2]) <= 2,
        `no shift at ${viewport.width} px: ${JSON.stringify(before[i])} then ${JSON.stringify([left, top, width])}`);
    }
    assertNoProblems(app);
  }
  const library = await newPage(await freshContext(t, env.browser, { javaScriptEnabled: true }));
  await library.route('**/*.wasm', (route) => route.abort());
  await library.goto(`${env.origin}/?library`).catch(() => {});
  assert.equal(await library.locator('#prerendered').isVisible(), false, 'another address never shows the default report');
});
