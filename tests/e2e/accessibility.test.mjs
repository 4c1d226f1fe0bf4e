// Every view checked with axe-core (the npm package, injected into the page): the reader in
// light and dark, with notes, the editor, search, the shortcuts' help, the open panel, a notice,
// an Arabic report, an agenda with its contents table, a letter with its annex, a phone-sized
// window, the library (with the reminder to export notes) and a missing report. Zero violations.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, useAppAndBrowser, freshContext, newPage, openApp, assertNoProblems, chooseFile } from './support.mjs';

const env = useAppAndBrowser();
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now; fails with each violation and where it is. */
async function assertAccessible(page, view) {
  // Evaluated by the browser's debugger, as a tool would: the page's own policy forbids it.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\s+/g, ' ')).join('\n    ')}`);
  });
  assert.deepEqual(violations, [], `axe-core violations in ${view}`);
}

async function fresh(t, options = {}, path = '/') {
  const page = await newPage(await freshContext(t, env.browser, options));
  await openApp(page, `${env.origin}${path}`);
  await page.waitForSelector('.chunk > .para, .library, .missing-report');
  return page;
}

test('the reader, light and dark, with a highlight, notes and the note editor', async (t) => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await fresh(t, { colorScheme });
    await assertAccessible(page, `the default report (${colorScheme})`);
    await page.getByRole('button', { name: 'Highlight paragraph 2', exact: true }).click();
    await page.getByRole('button', { name: 'Add note to paragraph 5', exact: true }).click();
    await page.getByRole('textbox', { name: 'Note on paragraph 5', exact: true }).fill('A **note** with a [link](https://example.org).');
    await page.locator('#p5').getByRole('button', { name: 'Save note' }).click();
    await page.locator('#p5 .note-card').first().waitFor();
    await page.getByRole('button', { name: 'Add note to paragraph 7', exact: true }).click();
    await assertAccessible(page, `the reader with notes and an open editor (${colorScheme})`);
    assertNoProblems(page);
  }
});

test('search with matches, and the shortcuts’ help', async (t) => {
  const page = await fresh(t);
  await page.keyboard.press('/');
  await page.keyboard.type('Kashmir');
  await page.locator('#search-status').getByText(/matches/).waitFor();
  await page.keyboard.press('Enter');
  await assertAccessible(page, 'search');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await assertAccessible(page, 'the shortcuts’ help');
  assertNoProblems(page);
});

test('a permalink with a notice, the open panel, and a phone-sized window', async (t) => {
  const page = await fresh(t, {}, '/#p99');
  await page.locator('.notice').first().waitFor();
  await assertAccessible(page, 'a notice about a missing paragraph');
  await page.getByRole('button', { name: 'Open a report' }).click();
  await page.getByLabel('Choose a report file').waitFor({ state: 'attached' });
  await assertAccessible(page, 'the open panel');

  const phone = await fresh(t, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, '/#p8');
  await assertAccessible(phone, 'a phone-sized window');
  assertNoProblems(page);
});

test('an Arabic report, the library and a missing report', async (t) => {
  const page = await fresh(t);
  await chooseFile(page, join(ROOT, 'tests/fixtures/arabic-report.txt'));
  await page.locator('.symbol', { hasText: 'OIC/CFM-51/2025/REP/AR' }).waitFor();
  await assertAccessible(page, 'an Arabic report');
  await openApp(page, `${env.origin}/?library`);
  await page.locator('.library-entry').first().waitFor();
  await page.locator('.library-storage', { hasText: 'Storage:' }).waitFor();
  await assertAccessible(page, 'the library');
  // The reminder to export notes, where it is due.
  await page.evaluate(() => localStorage.setItem('report-reader:first-kept', String(Date.now() - 40 * 24 * 3600 * 1000)));
  await page.addInitScript(() => { navigator.storage.persisted = async () => false; });
  await openApp(page, `${env.origin}/`);
  await page.getByRole('button', { name: 'Highlight paragraph 2', exact: true }).click();
  await openApp(page, `${env.origin}/?library`);
  await page.locator('.export-reminder').waitFor();
  await assertAccessible(page, 'the library with the reminder to export notes');
  await openApp(page, `${env.origin}/?report=not-here`);
  await assertAccessible(page, 'a missing report');
  assertNoProblems(page);
});

test('annotations to an agenda with its contents table, and a letter with its annex, in light and dark', async (t) => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await fresh(t, { colorScheme });
    await chooseFile(page, join(ROOT, 'tests/fixtures/corpus/un-hrc-agenda-annotations-en.layout.txt'));
    await page.getByRole('navigation', { name: 'Contents' }).waitFor();
    await assertAccessible(page, `an agenda with its contents (${colorScheme})`);
    await chooseFile(page, join(ROOT, 'tests/fixtures/corpus/un-sc-letter-annex-en.layout.txt'));
    await page.locator('#annex-appendix').waitFor();
    await assertAccessible(page, `a letter with its annex (${colorScheme})`);
    assertNoProblems(page);
  }
});

test('the page has its landmarks and a live region for announcements', async (t) => {
  const page = await fresh(t);
  assert.equal(await page.getByRole('banner').count(), 1);
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('navigation', { name: 'Reports and reading tools' }).count(), 1);
  assert.equal(await page.getByRole('complementary', { name: 'Highlights and notes' }).count(), 1);
  const live = page.locator('.toast-region[role=status][aria-live=polite]');
  assert.equal(await live.count(), 1, 'one polite live region for announcements');
  await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#p3[data-highlight]');
  await page.locator('#p3').focus();
  await page.keyboard.press('c');
  await live.getByText('Copied link to paragraph 3').or(live.getByText('Copy this link to paragraph 3')).waitFor();
  await page.keyboard.press('n');
  await page.keyboard.type('Said out loud.');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('status').getByText('Note on paragraph 3 saved.').waitFor();
  assertNoProblems(page);
});
