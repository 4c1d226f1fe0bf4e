// Notes that travel without a server: W3C and Markdown export, import with a preview into a
// fresh browser, bad imports refused, one note shared by link, citations, passage links.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, useAppAndBrowser, freshContext as newContext, newPage, openApp, screenshot, landedOn, assertNoProblems } from './support.mjs';

const env = useAppAndBrowser();
const KEY = 'report-reader:annotations:oic-cfm-51-cg-jk-2025';
const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

function freshContext(t, options = {}) {
  return newContext(t, env.browser, { viewport: { width: 1400, height: 900 }, permissions: CLIPBOARD, ...options });
}

async function openPage(context, path = '/') {
  const page = await newPage(context);
  await openApp(page, `${env.origin}${path}`);
  return page;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '{"annotations":[]}').annotations.filter((a) => !a.deleted), KEY);

async function addNote(page, n, text) {
  await page.getByRole('button', { name: `Add note to paragraph ${n}`, exact: true }).click();
  await page.getByRole('textbox', { name: `Note on paragraph ${n}`, exact: true }).fill(text);
  await page.locator(`#p${n}`).getByRole('button', { name: 'Save note' }).click();
  await page.locator(`#p${n} > .para-notes .note-card`).first().waitFor();
}

async function selectWords(page, n, words) {
  await page.locator(`#p${n}`).scrollIntoViewIfNeeded();
  const box = await page.evaluate(([id, words]) => {
    const node = [...document.querySelector(`#${id} > .para-text`).childNodes].find((c) => c.nodeType === 3 && c.data.includes(words));
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(words));
    range.setEnd(node, node.data.indexOf(words) + words.length);
    const rects = range.getClientRects();
    const [a, b] = [rects[0], rects[rects.length - 1]];
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, [`p${n}`, words]);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 6 });
  await page.mouse.up();
}

async function openExchange(page) {
  const summary = page.getByText('Export and import');
  if (!(await page.locator('details.exchange').evaluate((d) => d.open))) await summary.click();
}

async function download(page, buttonName) {
  await openExchange(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const path = join(await mkdtemp(join(tmpdir(), 'export-')), file.suggestedFilename());
  await file.saveAs(path);
  return { path, text: await readFile(path, 'utf8'), name: file.suggestedFilename() };
}

async function importFile(page, path) {
  await openExchange(page);
  await page.getByLabel('Import notes from a file').setInputFiles(path);
}

async function makeNotes(page) {
  await addNote(page, 8, 'On the **ceasefire**.');
  await selectWords(page, 5, 'Ishaq Dar');
  await page.getByRole('button', { name: 'Highlight selection as question (blue)' }).click();
  await page.waitForSelector('#p5 mark.hl');
  await addNote(page, 3, 'Statement for the Secretary General.');
  await page.waitForFunction((key) => (JSON.parse(localStorage.getItem(key) || '{"annotations":[]}').annotations.length === 3), KEY);
}

test('export to W3C JSON-LD, import into a fresh browser: the same annotations', async (t) => {
  const page = await openPage(await freshContext(t));
  await makeNotes(page);
  const exported = await download(page, 'Export notes (W3C JSON-LD)');
  assert.equal(exported.name, 'oic-cfm-51-cg-jk-2025-notes.jsonld');
  const collection = JSON.parse(exported.text);
  assert.equal(collection.type, 'AnnotationCollection');
  assert.equal(collection.first.items.length, 3);
  for (const a of collection.first.items) {
    for (const key of ['@context', 'id', 'type', 'created', 'modified', 'motivation', 'target']) assert.ok(key in a, `${key} in ${a.id}`);
    assert.equal(a.type, 'Annotation');
    assert.ok(['highlighting', 'commenting'].includes(a.motivation));
    assert.equal(a.target.source, 'urn:report-reader:report:oic-cfm-51-cg-jk-2025');
    assert.equal(a.target.selector.type, 'FragmentSelector');
    assert.match(a.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }
  const passage = collection.first.items.find((a) => a.target.selector.refinedBy);
  assert.deepEqual(passage.target.selector.refinedBy.type, 'TextQuoteSelector');
  assert.equal(passage.target.selector.refinedBy.exact, 'Ishaq Dar');
  assert.equal(passage.target.styleClass, 'blue');
  const before = await stored(page);

  const other = await openPage(await freshContext(t));
  await importFile(other, exported.path);
  const preview = other.getByRole('region', { name: 'Import preview' });
  assert.match(await preview.textContent(), /3 new, 0 updated, 0 in conflict/);
  await other.getByRole('button', { name: 'Import these notes' }).click();
  await other.waitForSelector('#p8 .note-card');
  await other.waitForFunction((key) => (JSON.parse(localStorage.getItem(key) || '{"annotations":[]}').annotations.length === 3), KEY);
  const after = await stored(other);
  const byId = (list) => Object.fromEntries(list.map((a) => [a.id, a]));
  assert.deepEqual(byId(after), byId(before), 'identical annotations, ids and times included');
  assert.equal(await other.locator('#p5 mark.hl').textContent(), 'Ishaq Dar');

  // Importing the same file again changes nothing.
  await importFile(other, exported.path);
  assert.match(await preview.textContent(), /0 new, 0 updated, 0 in conflict \(both versions kept\), 3 unchanged/);
  assert.equal(await other.getByRole('button', { name: 'Import these notes' }).count(), 0);
  await screenshot(other, 'import-preview');
  assertNoProblems(page);
  assertNoProblems(other);
});

/** Validators for the W3C Web Annotation MUSTs: this project's schema, and the W3C test suite's own. */
async function annotationValidators() {
  const checks = [];
  const ours = new Ajv({ allErrors: true, strict: false });
  const musts = ours.compile(JSON.parse(await readFile(join(ROOT, 'tests/fixtures/web-annotation/musts.schema.json'), 'utf8')));
  checks.push({ name: 'tests/fixtures/web-annotation/musts.schema.json', annotation: musts, collection: musts });
  // The W3C test suite (w3c/web-annotation-tests: annotations/annotationMusts.test and
  // collections/collectionMusts.test with the schemas they name), where this machine has a copy.
  const suite = [process.env.WEB_ANNOTATION_TESTS, join(ROOT, '../shared/web-annotation-tests')].find((dir) => dir && existsSync(join(dir, 'definitions')));
  if (suite) {
    // The suite's schemas use the uri and date-time formats, and keywords of their own.
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false, validateSchema: false, logger: false }));
    for (const file of (await readdir(join(suite, 'definitions'))).filter((f) => f.endsWith('.json'))) ajv.addSchema(JSON.parse(await readFile(join(suite, 'definitions', file), 'utf8')));
    const assertions = async (list) => {
      const test = JSON.parse(await readFile(join(suite, list), 'utf8'));
      return Promise.all(test.assertions.map(async (path) => {
        const schema = JSON.parse(await readFile(join(suite, path), 'utf8'));
        return { path, validate: ajv.compile({ ...schema, id: undefined }), expected: schema.expectedResult ?? 'valid' };
      }));
    };
    const all = (list) => (value) => list.every(({ validate, expected }) => validate(value) === (expected === 'valid'));
    const annotation = await assertions('annotations/annotationMusts.test');
    const collection = await assertions('collections/collectionMusts.test');
    const failing = (list) => (value) => list.filter(({ validate, expected }) => validate(value) !== (expected === 'valid')).map((a) => a.path);
    checks.push({ name: `the W3C test suite in ${suite}`, annotation: Object.assign(all(annotation), { failing: failing(annotation) }), collection: Object.assign(all(collection), { failing: failing(collection) }) });
  } else {
    console.log('# the W3C test suite is not on this machine (set WEB_ANNOTATION_TESTS to a copy): checked against this project\'s schema of its MUSTs');
  }
  return checks;
}

function assertValid(check, kind, value) {
  const validate = check[kind];
  assert.ok(validate(value), `${check.name}: ${value.id} fails ${JSON.stringify(validate.errors ?? validate.failing?.(value))}`);
}

test('every export meets each MUST of the W3C Web Annotation model: highlights, passages, notes, tags and every colour', async (t) => {
  const page = await openPage(await freshContext(t));
  await makeNotes(page);
  // Every colour, on whole paragraphs reached by a range link and on a passage.
  await openApp(page, `${env.origin}/#p9-10`);
  await landedOn(page, 'p9');
  const colours = [['important', 'yellow'], ['question', 'blue'], ['disagree', 'pink'], ['follow up', 'green']];
  for (const [i, [meaning, colour]] of colours.entries()) {
    await selectWords(page, 9 + (i % 2), i < 2 ? 'the' : 'and');
    await page.getByRole('button', { name: `Highlight selection as ${meaning} (${colour})` }).click();
    await page.waitForSelector(`mark.hl[data-colour="${colour}"]`);
  }
  await page.getByRole('button', { name: 'Highlight paragraph 10', exact: true }).click();
  await page.waitForSelector('#p10[data-highlight]');
  await page.waitForFunction((key) => (JSON.parse(localStorage.getItem(key) || '{"annotations":[]}').annotations.length === 8), KEY);
  const collection = JSON.parse((await download(page, 'Export notes (W3C JSON-LD)')).text);
  assert.equal(collection.first.items.length, 8);
  assert.deepEqual(new Set(collection.first.items.map((a) => a.target.styleClass).filter(Boolean)), new Set(['yellow', 'blue', 'pink', 'green']));
  for (const item of collection.first.items.filter((a) => a.target.styleClass)) {
    assert.equal(item.stylesheet.type, 'CssStylesheet');
    assert.match(item.stylesheet.value, new RegExp(`^\\.${item.target.styleClass} \\{ background-color: #[0-9a-f]{6}; \\}$`));
  }
  // The library's export of every report's notes, too.
  await openApp(page, `${env.origin}/?library`);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all notes (W3C JSON-LD)' }).click()]);
  const library = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(library.first.items.length, 8);

  for (const check of await annotationValidators()) {
    for (const whole of [collection, library]) {
      assertValid(check, 'collection', whole);
      for (const item of whole.first.items) assertValid(check, 'annotation', item);
    }
  }
  // And the schema does catch what #14 found: a styleClass with no stylesheet.
  const [ours] = await annotationValidators();
  const { stylesheet, ...unstyled } = collection.first.items.find((a) => a.stylesheet);
  assert.ok(stylesheet && !ours.annotation(unstyled), 'a styleClass without a stylesheet fails the schema');
  assert.ok(!ours.annotation({ ...unstyled, stylesheet, created: '2025-06-22 10:15' }), 'so does a date that is not xsd:dateTime');
  assertNoProblems(page);
});

test('notes made with Hypothesis are imported by their quotes, with tags; replies and page notes are listed', async (t) => {
  const page = await openPage(await freshContext(t));
  await addNote(page, 2, 'Mine, before the import.');
  await page.waitForFunction((key) => localStorage.getItem(key), KEY);
  await importFile(page, join(ROOT, 'tests/fixtures/hypothesis/oic-cfm-51-search.json'));
  const preview = page.getByRole('region', { name: 'Import preview' });
  assert.match(await preview.textContent(), /3 new, 0 updated, 0 in conflict \(both versions kept\), 0 unchanged, 2 with no place in the report/);
  const notPlaced = await preview.getByRole('list', { name: 'Not placed in the report' }).getByRole('listitem').allTextContents();
  assert.deepEqual(notPlaced, [
    'A note on the whole page: “Useful summary of the Contact Group meeting; compare with the 2024 report.”',
    'A reply: “Agreed; the OIC has said so since 1994.”',
  ]);
  await page.getByRole('button', { name: 'Import these notes' }).click();
  // Placed by quote, its prefix and suffix choosing among the report's "the Jammu and Kashmir
  // issue" (paragraphs 4, 8 and 10) and paragraph 10's two "Jammu and Kashmir".
  await page.waitForSelector('#p10 mark.hl');
  assert.equal(await page.locator('#p4 mark.hl').count(), 0);
  const p10 = await page.locator('#p10 > .para-text').textContent();
  const marked = await page.locator('#p10 mark.hl').first().evaluate((m) => {
    const range = document.createRange();
    range.setStart(m.closest('.para-text'), 0);
    range.setEndBefore(m);
    return { text: m.textContent, before: range.toString().length };
  });
  assert.equal(marked.text, 'Jammu and Kashmir');
  assert.ok(p10.slice(0, marked.before).endsWith('developments related to the '), `the occurrence its context names: …${p10.slice(marked.before - 40, marked.before)}[${marked.text}]`);
  const card = page.locator('#p10 .note-card').filter({ hasText: 'Key demand' });
  assert.deepEqual(await page.locator('#p8 .note-card').filter({ hasText: 'Brokered' }).getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents(), ['ceasefire']);
  assert.deepEqual(await card.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents(), ['un-resolutions', 'plebiscite']);
  await page.locator('#p5 mark.hl').first().waitFor();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).annotations.length === 4, KEY);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).annotations, KEY);
  const imported = stored.filter((a) => a.id.startsWith('hypothesis:'));
  assert.equal(imported.length, 3);
  const dated = imported.find((a) => a.id === 'hypothesis:Hy8aQk0fEfCw2ec2C8aPZA');
  assert.equal(new Date(dated.created).toISOString(), '2025-06-22T10:15:04.417Z', 'the offset date is the moment it names');
  assert.equal(new Date(dated.modified).toISOString(), '2025-06-23T02:30:00.000Z');
  assert.ok(stored.some((a) => a.note === 'Mine, before the import.'), 'the reader\'s own note is kept');

  // The same file again places nothing twice.
  await importFile(page, join(ROOT, 'tests/fixtures/hypothesis/oic-cfm-51-search.json'));
  assert.match(await preview.textContent(), /0 new, 0 updated, 0 in conflict \(both versions kept\), 3 unchanged/);
  await screenshot(page, 'hypothesis-import');
  assertNoProblems(page);
});

test('a download stays available after the click; new annotations get ids from the browser\'s cryptographic generator', async (t) => {
  const context = await freshContext(t);
  await context.addInitScript(() => {
    window.revoked = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url) => { window.revoked.push({ url, at: performance.now() }); revoke(url); };
    window.randomCalls = 0;
    const random = Math.random;
    Math.random = () => { window.randomCalls += 1; return random(); };
  });
  const page = await openPage(context);
  await addNote(page, 4, 'A note to export.');
  const randomBefore = await page.evaluate(() => window.randomCalls);
  await page.getByRole('button', { name: 'Highlight paragraph 6', exact: true }).click();
  await page.getByRole('button', { name: 'Highlight paragraph 7', exact: true }).click();
  await page.waitForFunction((key) => (JSON.parse(localStorage.getItem(key) || '{"annotations":[]}').annotations.length === 3), KEY);
  const ids = (await stored(page)).map((a) => a.id);
  for (const id of ids) assert.match(id, /^a[0-9a-f]+-[0-9a-f]{16}$/, 'a time and 64 random bits');
  assert.equal(new Set(ids).size, 3);
  assert.equal(await page.evaluate(() => window.randomCalls), randomBefore, 'Math.random is not what makes them');

  const clickedAt = await page.evaluate(() => performance.now());
  const exported = await download(page, 'Export notes (Markdown)');
  assert.match(exported.text, /A note to export\./);
  await page.waitForTimeout(1000);
  const early = await page.evaluate((since) => window.revoked.filter((r) => r.at - since < 1000), clickedAt);
  assert.deepEqual(early, [], 'the file\'s address is not revoked as soon as the download starts');
  assertNoProblems(page);
});

test('Markdown export reads as a cited summary', async (t) => {
  const page = await openPage(await freshContext(t));
  await makeNotes(page);
  const md = await download(page, 'Export notes (Markdown)');
  assert.ok(md.text.startsWith('# OIC-CFM-51\\2025-CG-J&K\\FINAL.REP\n\n**Report of the Meeting of the OIC Contact Group on Jammu and Kashmir**'));
  const order = ['para. 3', 'para. 5', 'para. 8'].map((p) => md.text.indexOf(`## OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, ${p}`));
  assert.ok(order.every((i) => i > 0) && order[0] < order[1] && order[1] < order[2], 'in document order');
  assert.ok(md.text.includes('> Ishaq Dar\n\n*Highlighted: question*'));
  assert.ok(md.text.includes('On the **ceasefire**.'));
  await page.getByRole('button', { name: 'Copy notes as Markdown' }).click();
  await page.getByRole('status').getByText('Copied notes as Markdown').waitFor();
  assert.equal(await clipboard(page), md.text);
  assertNoProblems(page);
});

test('bad imports get a clear message and change nothing', async (t) => {
  const page = await openPage(await freshContext(t));
  await addNote(page, 2, 'Kept whatever happens.');
  await page.waitForFunction((key) => localStorage.getItem(key), KEY);
  const snapshot = await page.evaluate(() => JSON.stringify(localStorage));
  const dir = await mkdtemp(join(tmpdir(), 'bad-'));
  const cases = [
    ['broken.json', '{"type": "AnnotationCollection", "first": {', /not valid JSON/],
    ['shape.json', '{"hello": "world"}', /does not hold annotations/],
    ['future.jsonld', JSON.stringify({ type: 'AnnotationCollection', generator: { schemaVersion: 9 }, first: { items: [] } }), /newer version of this app/],
    ['other.jsonld', JSON.stringify({ type: 'AnnotationCollection', first: { items: [{ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'x', type: 'Annotation', target: { source: 'urn:report-reader:report:some-other-report', selector: { type: 'FragmentSelector', value: 'p1' } } }] } }), /another report \(some-other-report\)/],
  ];
  for (const [name, text, message] of cases) {
    const path = join(dir, name);
    await writeFile(path, text);
    await importFile(page, path);
    const problem = page.locator('.import-problem');
    await problem.filter({ hasText: message }).waitFor();
    assert.match(await problem.textContent(), /Nothing was imported/);
  }
  await screenshot(page, 'bad-import');
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), snapshot, 'nothing stored changed');
  assertNoProblems(page);
});

test('a note shared by link opens as a preview in another browser and can be added', async (t) => {
  const page = await openPage(await freshContext(t));
  await addNote(page, 8, 'Look at the last sentence <script>window.pwned = 1</script>.');
  await page.locator('#p8 .note-card').getByRole('button', { name: 'Share note on paragraph 8' }).click();
  await page.getByRole('status').getByText('Copied link to the note on paragraph 8').waitFor();
  const link = await clipboard(page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+$/);

  const other = await openPage(await freshContext(t), link.slice(env.origin.length));
  await landedOn(other, 'p8');
  const preview = other.getByRole('region', { name: 'Shared note, not in your notes yet' });
  assert.match(await preview.textContent(), /Look at the last sentence <script>window.pwned = 1<\/script>\./);
  assert.deepEqual(await stored(other), [], 'not added until the reader says so');
  await screenshot(other, 'shared-note');
  await preview.getByRole('button', { name: 'Add to my notes' }).click();
  await other.locator('#p8 .note-card:not(.shared-preview)').waitFor();
  await other.waitForFunction((key) => localStorage.getItem(key), KEY);
  assert.equal((await stored(other))[0].note, 'Look at the last sentence <script>window.pwned = 1</script>.');
  assert.equal(await other.evaluate(() => window.pwned), undefined);

  // A link cut short, or tampered with, is refused with a message.
  const damaged = await openPage(await freshContext(t), `/${link.slice(env.origin.length + 1, -12)}`);
  await damaged.getByRole('alert').getByText(/damaged or cut short/).waitFor();
  await damaged.goto(`${env.origin}/#share=${'A'.repeat(20000)}`);
  await damaged.getByRole('alert').getByText(/too long/).waitFor();
  assertNoProblems(other);
  assertNoProblems(damaged);
});

test('citations for a paragraph and for a range of paragraphs', async (t) => {
  const page = await openPage(await freshContext(t));
  await page.getByRole('button', { name: 'Copy citation for paragraph 8', exact: true }).click();
  await page.getByRole('status').getByText('Copied citation of paragraph 8').waitFor();
  assert.equal(await clipboard(page), 'OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 8');

  await openApp(page, `${env.origin}/#p8-10`);
  const bar = page.getByRole('region', { name: 'Paragraphs the link points to' });
  assert.match(await bar.textContent(), /OIC-CFM-51\\2025-CG-J&K\\FINAL\.REP, paras\. 8–10/);
  await bar.getByRole('button', { name: 'Copy citation' }).click();
  await page.getByRole('status').getByText('Copied citation').waitFor();
  assert.equal(await clipboard(page), 'OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, paras. 8–10');
  assertNoProblems(page);
});

test('a link to a selected passage opens in a fresh browser with exactly that passage marked', async (t) => {
  const page = await openPage(await freshContext(t));
  const words = 'the Contact Group acknowledged the valuable work of the IPHRC';
  await selectWords(page, 9, words);
  await page.getByRole('button', { name: 'Copy link to passage' }).click();
  await page.getByRole('status').getByText('Copied link to the passage in paragraph 9').waitFor();
  const link = await clipboard(page);
  assert.match(link, /#p9:~:text=.+/);

  const other = await openPage(await freshContext(t), link.slice(env.origin.length));
  await landedOn(other, 'p9');
  await other.waitForSelector('#p9 mark.passage-target');
  assert.equal(await other.locator('#p9 mark.passage-target').allTextContents().then((t) => t.join('')), words);
  assert.equal(await other.locator('mark.passage-target').count(), 1);
  await screenshot(other, 'passage-link');
  assertNoProblems(other);
});

/** Records every text a status line shows from now on (progress comes and goes quickly). */
function recordStatus(page, selector) {
  return page.evaluate((selector) => {
    window.statusSeen = [];
    const watch = () => {
      const el = document.querySelector(selector);
      if (!el) return requestAnimationFrame(watch);
      const note = () => window.statusSeen.push(`${el.querySelector('progress') ? '[progress] ' : ''}${el.textContent.trim()}`);
      new MutationObserver(note).observe(el, { childList: true, subtree: true, characterData: true });
    };
    watch();
  }, selector);
}

test('exports and imports say what they are doing while they run, and what they did', async (t) => {
  const page = await openPage(await freshContext(t));
  await makeNotes(page);
  await openExchange(page);
  await recordStatus(page, '.exchange-progress');
  const { path } = await download(page, 'Export notes (W3C JSON-LD)');
  await page.locator('.exchange-progress').getByText('Exported 3 highlights and notes as “oic-cfm-51-cg-jk-2025-notes.jsonld”.').waitFor();
  await importFile(page, path);
  await page.getByRole('region', { name: 'Import preview' }).waitFor();
  const seen = await page.evaluate(() => window.statusSeen);
  assert.ok(seen.includes('[progress] Preparing the export of 3 highlights and notes…'), JSON.stringify(seen));
  assert.ok(seen.some((s) => /^\[progress\] (Reading|Comparing the notes in) “oic-cfm-51-cg-jk-2025-notes.jsonld”/.test(s)), JSON.stringify(seen));
  assertNoProblems(page);
});
