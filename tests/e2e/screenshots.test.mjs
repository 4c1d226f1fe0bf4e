// The pictures of the README (docs/images/reader-light.png and reader-dark.png), made from the
// release build each time the tests run, so that they always show the app as it is: the default
// report with a paragraph highlighted and a note, in the light and the dark theme.
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, test, useAppAndBrowser, freshContext, newPage, openApp, assertNoProblems } from './support.mjs';

const env = useAppAndBrowser();
const IMAGES = join(ROOT, 'docs/images');

test('the README shows the default report with a highlight and a note, light and dark', async (t) => {
  const context = await freshContext(t, env.browser, { viewport: { width: 1200, height: 1000 }, colorScheme: 'light' });
  const page = await newPage(context);
  await openApp(page, `${env.origin}/`);
  await page.getByRole('button', { name: 'Highlight paragraph 2', exact: true }).click();
  await page.getByRole('button', { name: 'Add note to paragraph 1', exact: true }).click();
  await page.getByRole('textbox', { name: 'Note on paragraph 1', exact: true })
    .fill('Ministerial level: compare with the **2024** meeting, held at the level of senior officials.');
  await page.locator('#p1').getByRole('button', { name: 'Save note' }).click();
  const card = page.locator('#p1 > .para-notes .note-card').first();
  await card.waitFor();
  // The note as the reader wrote it, its Markdown read.
  await card.locator('strong', { hasText: '2024' }).waitFor();
  assert.equal(await page.locator('#p2').getAttribute('data-highlight'), 'yellow');
  // Take the focus off the editor's buttons, and the pointer off the paragraphs' tools.
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir(IMAGES, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, scheme === 'dark');
    const path = join(IMAGES, `reader-${scheme}.png`);
    await page.screenshot({ path, fullPage: false });
    assert.ok((await stat(path)).size > 20000, `${path} holds a picture`);
  }
  assertNoProblems(page);
});
