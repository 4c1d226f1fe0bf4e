// Hostile input never runs and never becomes markup: a report with script, handlers and
// `javascript:` links; a note that tries to close its own mark; crafted addresses; a shared
// note and an import carrying HTML. Every test also fails on any CSP violation (see support).
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useAppAndBrowser, freshContext, newPage, openApp, assertNoProblems, chooseFile, screenshot } from './support.mjs';

const env = useAppAndBrowser();
const KEY = 'report-reader:annotations:oic-cfm-51-cg-jk-2025';

/** Nothing the inputs carry has run: no flag set, and no element of theirs in the page. */
async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no hostile code ran');
  assert.equal(await page.locator('main img, main script, main iframe, main object, main embed').count(), 0, 'no hostile element was made');
  assert.equal(await page.locator('a[href^="javascript:" i], [onerror], [onclick], [onload]').count(), 0, 'no script link or handler');
  assertNoProblems(page);
}

const HOSTILE_REPORT = [
  'OIC/CFM-51/2025/HOSTILE',
  '',
  '# A <script>window.pwned = "title"</script> report',
  '',
  '<script>window.pwned = "script"; alert(1)</script>',
  '',
  '1. A paragraph with <img src=x onerror="window.pwned = \'img\'"> inside.',
  '2. A [link](javascript:window.pwned=\'link\') and <a href="javascript:window.pwned=\'a\'">another</a>.',
  '3. Raw <iframe src="javascript:window.pwned=\'frame\'"></iframe> and </p></article><b onclick="window.pwned=1">bold</b>.',
  '',
].join('\n');

test('a report full of markup is shown as text, and none of it runs', async (t) => {
  const page = await newPage(await freshContext(t, env.browser));
  await openApp(page, `${env.origin}/`);
  await chooseFile(page, { name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(HOSTILE_REPORT) });
  await page.locator('.symbol', { hasText: 'OIC/CFM-51/2025/HOSTILE' }).waitFor();
  assert.match(await page.textContent('#p1 .para-text'), /<img src=x onerror=/, 'the tag is shown as the text it is');
  assert.match(await page.textContent('#p3 .para-text'), /<\/p><\/article><b onclick=/);
  await page.locator('#p2 .para-text').getByText('link').first().click();
  await assertInert(page);
  await screenshot(page, 'hostile-report');
});

test('a note that tries to close its mark or inject markup stays text, before and after a reload', async (t) => {
  const page = await newPage(await freshContext(t, env.browser));
  await openApp(page, `${env.origin}/`);
  const note = '</mark></p><img src=x onerror="window.pwned=1"><script>window.pwned=2</script> [click](javascript:window.pwned=3) **bold**';
  await page.getByRole('button', { name: 'Add note to paragraph 4', exact: true }).click();
  await page.getByRole('textbox', { name: 'Note on paragraph 4', exact: true }).fill(note);
  await page.locator('#p4').getByRole('button', { name: 'Save note' }).click();
  const card = page.locator('#p4 .note-card').first();
  await card.waitFor();
  assert.match(await card.textContent(), /<\/mark><\/p><img src=x onerror=/);
  assert.equal(await card.locator('strong').textContent(), 'bold', 'Markdown still works');
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('pwned=2'), KEY);
  await page.reload();
  await page.locator('#p4 .note-card').first().waitFor();
  await page.locator('#p4 .note-card').getByText('click').first().click();
  await assertInert(page);
});

test('crafted addresses give a notice in plain text and run nothing', async (t) => {
  const page = await newPage(await freshContext(t, env.browser));
  const fragments = [
    '#<img src=x onerror=window.pwned=1>',
    '#p8"><script>window.pwned=2</script>',
    '#javascript:window.pwned=3',
    '#p8:~:text=<img src=x onerror=window.pwned=4>',
    '#share=' + Buffer.from(JSON.stringify({ v: 1, report: '<img src=x onerror=window.pwned=5>', symbol: '<script>window.pwned=6</script>', annotation: {} })).toString('base64url'),
  ];
  for (const fragment of fragments) {
    await openApp(page, `${env.origin}/?report=oic-cfm-51-cg-jk-2025${fragment}`);
    await page.waitForSelector('.chunk > .para');
    await page.waitForTimeout(100);
    await assertInert(page);
  }
  await openApp(page, `${env.origin}/?report=<img src=x onerror=window.pwned=7>`);
  await page.getByRole('heading', { name: 'This report is not in your library' }).waitFor();
  assert.match(await page.textContent('.missing-report'), /<img src=x onerror=window.pwned=7>/);
  await assertInert(page);
});

test('an import whose notes carry HTML is previewed and imported as text', async (t) => {
  const page = await newPage(await freshContext(t, env.browser));
  await openApp(page, `${env.origin}/`);
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427',
          type: 'Annotation',
          created: '2025-07-01T10:00:00Z',
          modified: '2025-07-01T10:00:00Z',
          body: { type: 'TextualBody', value: '<img src=x onerror="window.pwned=1"></mark>Imported', format: 'text/markdown' },
          target: {
            source: 'oic-cfm-51-cg-jk-2025',
            selector: [
              { type: 'FragmentSelector', value: 'p6' },
              { type: 'TextQuoteSelector', exact: 'Members of the Contact Group', prefix: '', suffix: '' },
            ],
          },
        },
      ],
    },
  };
  const path = join(await mkdtemp(join(tmpdir(), 'hostile-import-')), 'notes.json');
  await writeFile(path, JSON.stringify(collection));
  if (!(await page.locator('details.exchange').evaluate((d) => d.open))) await page.getByText('Export and import').click();
  await page.getByLabel('Import notes from a file').setInputFiles(path);
  await page.getByRole('button', { name: 'Import these notes' }).click();
  const card = page.locator('#p6 .note-card').first();
  await card.waitFor();
  assert.match(await card.textContent(), /<img src=x onerror=/);
  await assertInert(page);
});
