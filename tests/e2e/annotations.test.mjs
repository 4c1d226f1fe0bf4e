// Highlights and notes as a reader makes them: on paragraphs and passages, kept across reloads,
// deleted and undone, shared between two tabs, and safe when stored data is damaged or storage
// is full.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, useAppAndBrowser, freshContext as newContext, newPage, openApp, screenshot, landedOn, assertNoProblems, fillStorage, freeStorage, chooseFile } from './support.mjs';

const KEY = 'report-reader:annotations:oic-cfm-51-cg-jk-2025';
const env = useAppAndBrowser();

/** A fresh context wide enough for the notes panel to sit beside the report. */
function freshContext(t, options = {}) {
  return newContext(t, env.browser, { viewport: { width: 1400, height: 900 }, ...options });
}

async function openReport(context, path = '/') {
  const page = await newPage(context);
  await openApp(page, `${env.origin}${path}`);
  return page;
}

/** The stored document for the default report, parsed. */
async function stored(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || 'null'), KEY);
}

/**
 * Waits until the stored annotations satisfy `check` (saving is debounced). The check runs here,
 * not in the page: the page's Content-Security-Policy rightly refuses to evaluate strings.
 */
async function waitForStored(page, check, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const raw = await page.evaluate((key) => localStorage.getItem(key), KEY);
    let doc = null;
    try {
      doc = JSON.parse(raw || 'null');
    } catch {
      // not written yet (a corrupt value waiting to be replaced)
    }
    if (doc !== null && check(doc)) return doc;
    if (raw === null && check(null)) return null;
    if (Date.now() > deadline) throw new Error(`stored annotations never satisfied ${check}: ${raw?.slice(0, 300)}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const live = (doc) => (doc?.annotations || []).filter((a) => !a.deleted);

async function addParagraphNote(page, n, text) {
  await page.getByRole('button', { name: `Add note to paragraph ${n}`, exact: true }).click();
  const field = page.getByRole('textbox', { name: `Note on paragraph ${n}`, exact: true });
  await field.fill(text);
  await page.locator(`#p${n}`).getByRole('button', { name: 'Save note' }).click();
  await page.locator(`#p${n} > .para-notes .note-card`).first().waitFor();
}

/** Selects `words` inside paragraph `n` by dragging the mouse across them, as a reader does. */
async function selectWords(page, n, words) {
  await page.locator(`#p${n}`).scrollIntoViewIfNeeded();
  const box = await page.evaluate(([id, words]) => {
    const text = document.querySelector(`#${id} > .para-text`);
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const at = node.data.indexOf(words);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        const rects = range.getClientRects();
        const first = rects[0];
        const last = rects[rects.length - 1];
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
    }
    return null;
  }, [`p${n}`, words]);
  assert.ok(box, `"${words}" is in paragraph ${n}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

test('highlight paragraph 8 and add a note; after a reload both are still there', async (t) => {
  const context = await freshContext(t);
  const page = await openReport(context);

  const highlight = page.getByRole('button', { name: 'Highlight paragraph 8', exact: true });
  assert.equal(await highlight.getAttribute('aria-pressed'), 'false');
  await highlight.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#p8[data-highlight="yellow"]');
  assert.equal(await highlight.getAttribute('aria-pressed'), 'true');

  await addParagraphNote(page, 8, 'Compare with **paragraph 6** of the communiqué.');
  assert.equal(await page.locator('#p8 .note-card strong').textContent(), 'paragraph 6', 'Markdown in notes is rendered');
  assert.equal(await page.locator('#p8[data-has-note="true"] .note-marker').isVisible(), true, 'the paragraph shows a note marker');
  assert.equal(await page.getByRole('button', { name: 'Edit note on paragraph 8' }).count(), 2, 'margin button and card both offer editing');
  await screenshot(page, 'paragraph-8-noted');

  await waitForStored(page, (doc) => doc && doc.annotations.some((a) => a.note.includes('paragraph 6')));
  await page.reload();
  await page.waitForSelector('#p8[data-highlight="yellow"]');
  assert.equal(await page.locator('#p8 .note-card .note-body').textContent(), 'Compare with paragraph 6 of the communiqué.');
  const entry = page.locator('.notes-panel .entry').first();
  assert.match(await entry.textContent(), /paragraph 8.*Compare with/s);
  assertNoProblems(page);
});

test('an edit made just before the page is closed is not lost', async (t) => {
  const context = await freshContext(t);
  const page = await openReport(context);
  await addParagraphNote(page, 10, 'Typed, then the tab closed at once.');
  await page.close({ runBeforeUnload: true });
  const again = await openReport(context);
  await again.locator('#p10 .note-body').filter({ hasText: 'Typed, then the tab closed at once.' }).waitFor();
  assertNoProblems(again);
});

test('a passage selected in paragraph 5 is highlighted, and the same words are marked after a reload', async (t) => {
  const context = await freshContext(t);
  const page = await openReport(context);
  const words = 'Deputy Prime Minister and Foreign Minister';
  await selectWords(page, 5, words);
  const adder = page.getByRole('toolbar', { name: 'Highlight the selected text' });
  await adder.waitFor();
  await screenshot(page, 'selection-adder');
  await adder.getByRole('button', { name: 'Highlight selection as question (blue)' }).click();
  await page.waitForSelector('#p5 mark.hl[data-colour="blue"]');
  assert.equal(await page.locator('#p5 mark.hl').allTextContents().then((t) => t.join('')), words);
  assert.equal(await adder.count(), 0, 'the buttons go once used');
  assert.equal(await page.locator('#p5').getAttribute('data-highlight'), null, 'a passage does not tint the paragraph');

  const textBefore = await page.locator('#p5 > .para-text').textContent();
  await waitForStored(page, (doc) => doc && doc.annotations.some((a) => a.target.kind === 'passage'));
  const saved = live(await stored(page))[0];
  assert.equal(saved.target.quote.exact, words);
  assert.equal(saved.target.paragraph, 'p5');

  await page.reload();
  await page.waitForSelector('#p5 mark.hl');
  assert.equal(await page.locator('#p5 mark.hl').allTextContents().then((t) => t.join('')), words);
  assert.equal(await page.locator('#p5 > .para-text').textContent(), textBefore, 'marks do not change the text');
  assert.equal(await page.locator('#p5').getAttribute('id'), 'p5');
  await screenshot(page, 'passage-p5');

  // A note on a passage, through the same buttons.
  await selectWords(page, 5, 'South Asia');
  await page.getByRole('button', { name: 'Add note to selection' }).click();
  await page.getByRole('textbox', { name: /^Note on passage “South Asia” in paragraph 5$/ }).fill('Which developments?');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.locator('#p5 .note-card .note-quote').filter({ hasText: 'South Asia' }).waitFor();
  assertNoProblems(page);
});

test('deleting a note can be undone, and the undo is kept', async (t) => {
  const context = await freshContext(t);
  const page = await openReport(context);
  await addParagraphNote(page, 3, 'Statement by the ASG.');
  await page.locator('#p3 .note-card').getByRole('button', { name: 'Delete note on paragraph 3' }).click();
  assert.equal(await page.locator('#p3 .note-card').count(), 0);
  const toast = page.getByRole('status');
  await toast.getByText('Deleted note on paragraph 3').waitFor();
  await screenshot(page, 'deleted-undo');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await page.locator('#p3 .note-card').filter({ hasText: 'Statement by the ASG.' }).waitFor();
  await waitForStored(page, (doc) => doc && doc.annotations.some((a) => a.note === 'Statement by the ASG.' && !a.deleted));
  await page.reload();
  await page.locator('#p3 .note-card').filter({ hasText: 'Statement by the ASG.' }).waitFor();

  // Deleted for good, it stays deleted after a reload.
  await page.locator('#p3 .note-card').getByRole('button', { name: 'Delete note on paragraph 3' }).click();
  await waitForStored(page, (doc) => doc && doc.annotations.every((a) => a.deleted));
  await page.reload();
  await page.waitForSelector('#p3');
  assert.equal(await page.locator('.note-card').count(), 0);
  assertNoProblems(page);
});

test('two tabs on the same report: edits appear in the other, and edits made in both are all kept', async (t) => {
  const context = await freshContext(t);
  const a = await openReport(context);
  const b = await openReport(context);

  await addParagraphNote(a, 2, 'From tab A.');
  await b.locator('#p2 .note-card').filter({ hasText: 'From tab A.' }).waitFor();

  // Both tabs edit before either has heard of the other's edit.
  await Promise.all([addParagraphNote(a, 4, 'Second from tab A.'), addParagraphNote(b, 9, 'From tab B.')]);
  for (const page of [a, b]) {
    await page.locator('#p4 .note-card').filter({ hasText: 'Second from tab A.' }).waitFor();
    await page.locator('#p9 .note-card').filter({ hasText: 'From tab B.' }).waitFor();
    await page.locator('#p2 .note-card').filter({ hasText: 'From tab A.' }).waitFor();
  }
  await waitForStored(a, (doc) => doc && doc.annotations.filter((x) => !x.deleted).length === 3);

  // A deletion in one tab is not brought back by the other.
  await a.locator('#p2 .note-card').getByRole('button', { name: 'Delete note on paragraph 2' }).click();
  await b.waitForFunction(() => !document.querySelector('#p2 .note-card'));
  await addParagraphNote(b, 10, 'Later from tab B.');
  await waitForStored(b, (doc) => doc && doc.annotations.some((x) => x.note === 'Later from tab B.'));
  await a.reload();
  await a.locator('#p10 .note-card').waitFor();
  assert.equal(await a.locator('#p2 .note-card').count(), 0, 'the deleted note stays deleted');
  assert.deepEqual(
    (await a.locator('.note-card .note-body').allTextContents()).sort(),
    ['From tab B.', 'Later from tab B.', 'Second from tab A.'],
  );
  assertNoProblems(a);
  assertNoProblems(b);
});

test('a corrupt stored value gives a notice, is kept aside, and the app keeps working', async (t) => {
  const context = await freshContext(t);
  const corrupt = '{"format":"report-reader.annotations","version":2,"annotations":[{"id":"x",';
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, corrupt]);
  const page = await openReport(context);
  const notice = page.locator('.storage-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read.*kept aside, untouched/s);
  await screenshot(page, 'corrupt-notice');

  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('report-reader:unreadable:')));
  assert.equal(aside.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside[0]), corrupt, 'kept byte for byte');

  await page.getByRole('button', { name: 'Highlight paragraph 1', exact: true }).click();
  await page.waitForSelector('#p1[data-highlight]');
  await waitForStored(page, (doc) => doc && doc.annotations.length === 1);
  await page.reload();
  await page.waitForSelector('#p1[data-highlight]');
  assert.equal(await page.locator('.storage-notice').count(), 0, 'the new data reads fine');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside[0]), corrupt, 'still kept aside');
  assertNoProblems(page);
});

test('notes stored by an older version are read, and saved back in the current one', async (t) => {
  const context = await freshContext(t);
  const v1 = await readFile(join(ROOT, 'tests/fixtures/storage/annotations-v1.json'), 'utf8');
  await context.addInitScript(([key, value]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, value);
  }, [KEY, v1]);
  const page = await openReport(context);
  await page.waitForSelector('#p8[data-highlight="yellow"]');
  assert.equal(await page.locator('#p8 .note-body').textContent(), 'The ceasefire paragraph: compare with the communiqué.');
  await page.waitForSelector('#p11[data-highlight="green"]');
  await addParagraphNote(page, 1, 'New note.');
  await waitForStored(page, (doc) => doc && doc.version === 2 && doc.annotations.length === 4);
  assertNoProblems(page);
});

test('when storage is full the reader is told, the change stays on screen, and nothing stored is lost', async (t) => {
  const context = await freshContext(t);
  const page = await openReport(context);
  await addParagraphNote(page, 6, 'Saved before the disk filled.');
  await waitForStored(page, (doc) => doc && doc.annotations.length === 1);
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY);

  // Fill the origin's quota with another key, as other data would.
  await fillStorage(page);
  await addParagraphNote(page, 7, 'Written while storage is full.');
  const notice = page.locator('.storage-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be saved.*storage .* is full/s);
  const box = await notice.boundingBox();
  assert.ok(box.y >= 0 && box.y < 900, 'the notice is in view where the reader is');
  assert.equal(await page.locator('#p7 .note-body').textContent(), 'Written while storage is full.', 'still on screen');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), before, 'what was stored is untouched');
  await screenshot(page, 'storage-full');

  // Space comes back; the next edit saves everything.
  await freeStorage(page);
  await page.getByRole('button', { name: 'Highlight paragraph 7' }).click();
  await waitForStored(page, (doc) => doc && doc.annotations.length === 2);
  await page.waitForFunction(() => !document.querySelector('.storage-notice'));
  await page.reload();
  await page.locator('#p7 .note-body').filter({ hasText: 'Written while storage is full.' }).waitFor();
  await page.locator('#p6 .note-body').filter({ hasText: 'Saved before the disk filled.' }).waitFor();
  assertNoProblems(page);
});

test('the panel lists notes in document order, filters by colour, renames colours, and goes to a paragraph', async (t) => {
  const context = await freshContext(t);
  const page = await openReport(context);
  await addParagraphNote(page, 9, 'Ninth.');
  await page.getByRole('button', { name: 'Highlight paragraph 2' }).click();
  await page.getByRole('button', { name: 'Edit note on paragraph 9' }).first().click();
  await page.getByRole('radio', { name: 'disagree' }).check();
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.waitForSelector('#p9[data-highlight="pink"]');

  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  const places = () => panel.locator('.entry .entry-place').allTextContents();
  assert.deepEqual(await places(), ['paragraph 2', 'paragraph 9']);
  await panel.getByRole('button', { name: 'Show important (yellow)' }).click();
  assert.deepEqual(await places(), ['paragraph 9']);
  await panel.getByRole('button', { name: 'Show important (yellow)' }).click();

  await panel.getByText('Colours and their meanings').click();
  const meaning = panel.getByRole('textbox', { name: 'Meaning of pink highlights' });
  await meaning.fill('objection');
  await meaning.press('Enter');
  await meaning.blur();
  await panel.getByRole('button', { name: 'Show objection (pink)' }).waitFor();

  await panel.getByRole('link', { name: 'Go to paragraph 9' }).click();
  await landedOn(page, 'p9');
  assert.equal(new URL(page.url()).hash, '#p9', 'the permalink is in the address bar');
  await screenshot(page, 'panel');

  await page.reload();
  await panel.getByRole('button', { name: 'Show objection (pink)' }).waitFor();
  assertNoProblems(page);
});

test('a passage whose words are no longer in the report is listed as an orphan, never dropped', async (t) => {
  const context = await freshContext(t);
  const doc = {
    format: 'report-reader.annotations',
    version: 2,
    report: 'oic-cfm-51-cg-jk-2025',
    annotations: [
      {
        id: 'gone-words',
        target: { kind: 'passage', paragraph: 'p4', quote: { exact: 'a sentence that was struck from the final text', prefix: '', suffix: '', start: 10, end: 57 } },
        colour: 'pink',
        note: 'Raised by one delegation.',
        created: 1,
        modified: 1,
      },
      { id: 'gone-paragraph', target: { kind: 'paragraph', paragraph: 'p12' }, colour: null, note: 'On a paragraph 12 that is gone.', created: 2, modified: 2 },
    ],
  };
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(doc)]);
  const page = await openReport(context);
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  await panel.getByRole('heading', { name: 'Could not be placed' }).waitFor();
  const orphans = await panel.locator('.orphans .entry').allTextContents();
  assert.equal(orphans.length, 2);
  assert.match(orphans[0], /Was in paragraph 4.*a sentence that was struck.*Raised by one delegation/s);
  assert.match(orphans[1], /paragraph “p12”.*On a paragraph 12 that is gone/s);
  assert.equal(await page.locator('#p4 mark').count(), 0);
  await screenshot(page, 'orphans');
  assertNoProblems(page);
});

test('with hundreds of notes, a change is saved to the journal, reaches the other tab and survives a reload', async (t) => {
  const context = await freshContext(t);
  const a = await openReport(context);
  // 600 stored highlights: past the size where saves go to the journal.
  await a.evaluate((key) => {
    const annotations = Array.from({ length: 600 }, (_, i) => ({
      id: `seed-${String(i).padStart(4, '0')}`,
      target: { kind: 'passage', paragraph: 'p1', quote: { exact: 'Meeting', prefix: 'A ', suffix: ' of', start: 2, end: 9 } },
      colour: 'green', note: '', created: 1000 + i, modified: 1000 + i,
    }));
    localStorage.setItem(key, JSON.stringify({ format: 'report-reader.annotations', version: 2, report: 'oic-cfm-51-cg-jk-2025', annotations }));
  }, KEY);
  await a.reload();
  await a.waitForSelector('#p1 mark.hl');
  const document = await a.evaluate((key) => localStorage.getItem(key), KEY);
  const b = await openReport(context);

  await addParagraphNote(a, 6, 'Journalled in tab A.');
  await a.waitForFunction((key) => localStorage.getItem(`${key}:recent`)?.includes('Journalled in tab A.'), KEY);
  assert.equal(await a.evaluate((key) => localStorage.getItem(key), KEY), document, 'the 600-annotation document is not rewritten');
  await b.locator('#p6 .note-card').filter({ hasText: 'Journalled in tab A.' }).waitFor();
  await addParagraphNote(b, 7, 'Journalled in tab B.');
  await a.locator('#p7 .note-card').filter({ hasText: 'Journalled in tab B.' }).waitFor();

  await a.reload();
  await a.locator('#p6 .note-card').filter({ hasText: 'Journalled in tab A.' }).waitFor();
  await a.locator('#p7 .note-card').filter({ hasText: 'Journalled in tab B.' }).waitFor();
  assert.equal(await a.locator('.entries .entry').count(), 602);
  assertNoProblems(a);
  assertNoProblems(b);
});

test('with notes all through a long report, the panel keeps them in order in runs laid out near the screen, and a new highlight redraws one run', async (t) => {
  const context = await freshContext(t);
  const page = await openReport(context);
  const text = ['A/LONG/1', '', 'Report of a long meeting', ''];
  for (let n = 1; n <= 300; n++) text.push(`${n}. The meeting considered item ${n} of its agenda and the documents before it on that item.`, '');
  await chooseFile(page, { name: 'long-meeting.txt', mimeType: 'text/plain', buffer: Buffer.from(text.join('\n')) });
  await page.getByRole('heading', { level: 1, name: 'Report of a long meeting' }).waitFor();
  const report = new URL(page.url()).searchParams.get('report');
  // A note on every paragraph but 150.
  await page.evaluate(([key, report]) => {
    const annotations = [];
    for (let n = 1; n <= 300; n++) {
      if (n !== 150) annotations.push({ id: `seed-${n}`, target: { kind: 'paragraph', paragraph: `p${n}` }, colour: 'green', note: `Note on item ${n}.`, created: 1000 + n, modified: 1000 + n });
    }
    localStorage.setItem(key, JSON.stringify({ format: 'report-reader.annotations', version: 2, report, annotations }));
  }, [`report-reader:annotations:${report}`, report]);
  await page.reload();
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  await page.waitForFunction(() => document.querySelectorAll('.notes-panel .entry').length === 299);
  const places = await panel.locator('.entries .entry-place').allTextContents();
  assert.deepEqual(places, Array.from({ length: 300 }, (_, i) => `paragraph ${i + 1}`).filter((p) => p !== 'paragraph 150'), 'in document order');
  assert.equal(await panel.getByRole('listitem').count(), 299, 'one list of every entry, for a screen reader too');
  // In runs of 32 paragraphs; those far from the screen are not laid out.
  const runs = panel.locator('.entry-group');
  assert.equal(await runs.count(), 10);
  const laidOut = () => runs.evaluateAll((els) => els.map((e) => e.querySelector('.entry').checkVisibility({ contentVisibilityAuto: true })));
  const before = await laidOut();
  assert.equal(before[0], true);
  assert.equal(before.at(-1), false, 'the last run, far down the panel, is skipped');

  // Highlighting paragraph 150 adds its entry in place, and touches its own run only.
  await page.evaluate(() => {
    window.runsTouched = new Set();
    new MutationObserver((list) => list.forEach((m) => {
      const node = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      window.runsTouched.add([...document.querySelectorAll('.entry-group')].indexOf(node.closest('.entry-group')));
    })).observe(document.querySelector('.notes-panel .entries'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // The reader goes there by its address (paragraphs far from the screen get their buttons as
  // they come near).
  await page.evaluate(() => { location.hash = 'p150'; });
  await landedOn(page, 'p150');
  await page.getByRole('button', { name: 'Highlight paragraph 150', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.notes-panel .entry').length === 300);
  const after = await panel.locator('.entries .entry-place').allTextContents();
  assert.deepEqual(after.slice(148, 151), ['paragraph 149', 'paragraph 150', 'paragraph 151']);
  // Scrolled to twice: the runs it passes are laid out on the way, and move it.
  const added = panel.locator('.entry', { hasText: 'paragraph 150' });
  await added.scrollIntoViewIfNeeded();
  await page.waitForTimeout(100);
  await added.scrollIntoViewIfNeeded();
  await screenshot(page, 'panel-long-report');
  // Paragraph 150 is the 150th: in the fifth run (paragraphs 129 to 160).
  assert.deepEqual(await page.evaluate(() => [...window.runsTouched]), [4]);

  // Far entries are still there for the keyboard: Delete on the last one is reached and works.
  const last = panel.getByRole('button', { name: 'Delete note on paragraph 300', exact: true });
  await last.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.notes-panel .entry').length === 299);
  assert.equal(await page.locator('#p300').getAttribute('data-has-note'), null);
  assertNoProblems(page);
});
