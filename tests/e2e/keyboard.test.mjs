// Keyboard-only reading and annotating: j/k from paragraph to paragraph, h and n and c on the
// current one, ? for the list of shortcuts, Esc to close; and search over the report and the
// notes with its matches listed, marked in the text, and gone through with Enter.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { useAppAndBrowser, freshContext, newPage, openApp, assertNoProblems, screenshot } from './support.mjs';

const env = useAppAndBrowser();

async function fresh(t, options = {}) {
  const context = await freshContext(t, env.browser, { permissions: ['clipboard-read', 'clipboard-write'], ...options });
  const page = await newPage(context);
  await openApp(page, `${env.origin}/`);
  await page.waitForSelector('#p11');
  return page;
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

test('j and k move between paragraphs; h, n and c act on the current one', async (t) => {
  const page = await fresh(t);
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.activeElement?.id === 'p1');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await focusedId(page), 'p3');
  await page.keyboard.press('k');
  assert.equal(await focusedId(page), 'p2');
  const outline = await page.$eval('#p2', (el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'the current paragraph shows the focus');

  await page.keyboard.press('h');
  await page.waitForSelector('#p2[data-highlight]');
  await page.getByRole('status').getByText('Highlighted paragraph 2').waitFor();
  await page.keyboard.press('h');
  await page.waitForSelector('#p2:not([data-highlight])');
  await page.getByRole('status').getByText('Removed the highlight from paragraph 2').waitFor();

  await page.keyboard.press('n');
  const field = page.getByRole('textbox', { name: 'Note on paragraph 2', exact: true });
  await field.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Note on paragraph 2');
  await page.keyboard.type('Keys j, k, h and n are text here.');
  assert.equal(await field.inputValue(), 'Keys j, k, h and n are text here.', 'shortcuts do not fire while typing');
  await page.keyboard.press('Control+Enter');
  await page.locator('#p2 .note-card').getByText('Keys j, k, h and n are text here.').waitFor();

  await page.locator('#p5').focus();
  await page.keyboard.press('c');
  await page.getByRole('status').getByText('Copied link to paragraph 5').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${env.origin}/#p5`);
  assertNoProblems(page);
});

test('h and n on a selection highlight it and open a note on it', async (t) => {
  const page = await fresh(t);
  await page.evaluate(() => {
    const node = [...document.querySelector('#p5 > .para-text').childNodes].find((c) => c.nodeType === 3 && c.data.includes('Ishaq Dar'));
    const range = document.createRange();
    range.setStart(node, node.data.indexOf('Ishaq Dar'));
    range.setEnd(node, node.data.indexOf('Ishaq Dar') + 'Ishaq Dar'.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.press('h');
  await page.locator('#p5 mark.hl', { hasText: 'Ishaq Dar' }).waitFor();
  await page.getByRole('status').getByText('Highlighted the selected text in paragraph 5').waitFor();

  // The highlight is a keyboard stop after the paragraph's link buttons; Enter opens it.
  await page.getByRole('button', { name: 'Copy link to paragraph 5' }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ishaq Dar', 'Tab reaches the highlight');
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: /^Note on passage “Ishaq Dar” in paragraph 5/ });
  await editor.waitFor();
  await page.keyboard.type('Deputy Prime Minister.');
  await page.keyboard.press('Control+Enter');
  await page.locator('#p5 .note-card').getByText('Deputy Prime Minister.').waitFor();
  assertNoProblems(page);
});

test('? lists the shortcuts in a dialog that Esc closes, giving the focus back', async (t) => {
  const page = await fresh(t);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'help-close');
  for (const key of ['j', 'k', 'h', 'n', 'c', '/', '?', 'Esc']) {
    assert.ok(await dialog.locator('kbd', { hasText: key }).count(), `the help lists ${key}`);
  }
  await page.keyboard.press('j');
  assert.equal(await focusedId(page), 'help-close', 'the dialog is modal: j does nothing behind it');
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'help-close', 'Tab stays in the dialog');
  await screenshot(page, 'keyboard-help');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'p2');

  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await dialog.waitFor();
  await page.getByRole('button', { name: 'Close keyboard shortcuts' }).click();
  await dialog.waitFor({ state: 'detached' });
  assertNoProblems(page);
});

test('search lists matches in the text and the notes, marks them, and Enter goes through them', async (t) => {
  const page = await fresh(t);
  await page.getByRole('button', { name: 'Add note to paragraph 3', exact: true }).click();
  await page.getByRole('textbox', { name: 'Note on paragraph 3', exact: true }).fill('Ask about the Contact Group membership.');
  await page.locator('#p3').getByRole('button', { name: 'Save note' }).click();
  await page.locator('#p3 .note-card').first().waitFor();
  await page.locator('#p1').focus();

  await page.keyboard.press('/');
  const field = page.getByRole('searchbox', { name: 'Search the report and your notes' });
  await page.waitForFunction(() => document.activeElement?.id === 'search-field');
  await page.keyboard.type('contact group');
  const status = page.locator('#search-status');
  await status.getByText(/^\d+ matches in \d+ paragraphs$/).waitFor();
  const expected = await page.evaluate(() =>
    [...document.querySelectorAll('.chunk .para')].reduce((n, p) => n + (p.querySelector(':scope > .para-text').textContent.match(/contact group/gi) || []).length, 0),
  );
  const listed = await page.locator('.search-hit').count();
  assert.equal(listed, expected + 1, 'every match in the text, and the one in the note');
  // Marks are drawn on the frame after the list: wait for them.
  await page.waitForFunction((n) => CSS.highlights.get('search-hit')?.size === n, expected);
  assert.equal(
    await page.evaluate(() => [...CSS.highlights.get('search-hit')].every((r) => r.toString().toLowerCase() === 'contact group')),
    true,
    'each mark covers exactly the words found',
  );
  assert.equal(await page.locator('.search-hit').filter({ hasText: 'In your note on paragraph 3' }).count(), 1);

  await page.keyboard.press('Enter');
  await status.getByText(`Match 1 of ${listed}.`, { exact: false }).waitFor();
  await page.keyboard.press('Enter');
  await status.getByText(`Match 2 of ${listed}.`, { exact: false }).waitFor();
  const second = await page.locator('.search-hit.is-current .hit-link').getAttribute('href');
  const box = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, second.slice(1));
  assert.ok(box > 0 && box < 800, 'the current match is brought into view');
  await page.waitForFunction(() => CSS.highlights.get('search-current')?.size === 1);
  await page.keyboard.press('Shift+Enter');
  await status.getByText(`Match 1 of ${listed}.`, { exact: false }).waitFor();
  assert.equal(await field.inputValue(), 'contact group');
  await screenshot(page, 'search');

  await page.locator('.search-hit').filter({ hasText: 'In your note on paragraph 3' }).getByRole('link').click();
  await page.waitForFunction(() => location.hash === '#p3');
  await page.waitForSelector('#p3.is-target');

  await field.fill('zzzz-not-there');
  await status.getByText('No matches').waitFor();
  await field.press('Escape');
  await page.getByRole('search').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => CSS.highlights.has('search-hit')), false, 'marks go with the search');
  assertNoProblems(page);
});
