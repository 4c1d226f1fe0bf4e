// Readers' own reports: opened through the picker, dropped, pasted, found again after a reload,
// published beside the app and opened by permalink, revised with their notes carried over, and
// every kind of bad file refused with a message while nothing stored changes.
import { test } from './support.mjs';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, DIST, serve, publishReports, useAppAndBrowser, freshContext as newContext, newPage, openApp, screenshot, landedOn, assertNoProblems,
  fillStorage, freeStorage, chooseFile,
} from './support.mjs';

const env = useAppAndBrowser();
const FIXTURES = join(ROOT, 'tests/fixtures');

function freshContext(t, options = {}) {
  return newContext(t, env.browser, { viewport: { width: 1400, height: 900 }, ...options });
}

async function openPage(context, path = '/', origin = env.origin) {
  const page = await newPage(context);
  await openApp(page, `${origin}${path}`);
  return page;
}

/** Everything the app keeps in this browser, to check that a refused file changed nothing. */
function storedState(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

test('a report opened through the file picker is set out, gets its own address and stays in the library', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  await chooseFile(page, join(FIXTURES, 'council-resolution.txt'));
  await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  assert.equal(await page.textContent('.symbol'), 'A/HRC/RES/58/12');
  const url = new URL(page.url());
  assert.match(url.search, /^\?report=r-[0-9a-f]{16}$/);
  assert.deepEqual(
    await page.$$eval('#p3 .para', (els) => els.map((e) => e.id)),
    ['p3-a', 'p3-b', 'p3-b-i', 'p3-b-ii', 'p3-c'],
  );
  await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).click();
  await page.waitForSelector('#p3[data-highlight]');
  await screenshot(page, 'opened-file');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  await page.waitForSelector('#p3[data-highlight]');

  // Its permalink works in this browser.
  await openApp(page, `${env.origin}/${url.search}#p3-b-i`);
  await landedOn(page, 'p3-b-i');

  await openApp(page, `${env.origin}/?library`);
  const entry = page.locator('.library-entry', { hasText: 'A/HRC/RES/58/12' });
  assert.match(await entry.textContent(), /Resolution on the Special Rapporteur.*1 highlight or note/s);
  assert.equal(await page.locator('.library-entry', { hasText: 'OIC Contact Group' }).count(), 1, 'the bundled report is listed too');
  await screenshot(page, 'library');
  assertNoProblems(page);
});

test('a file dropped on the page opens, and opening the same text again is the same report', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  const markdown = await readFile(join(FIXTURES, 'markdown-notes.md'), 'utf8');
  const drop = (name) => page.evaluate(([text, name]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'text/markdown' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [markdown, name]);
  await drop('notes.md');
  await page.getByRole('heading', { level: 1, name: 'Summary of the Consultations' }).waitFor();
  const first = page.url();
  await drop('copy of notes.md');
  await page.getByRole('status').getByText('already in your library').waitFor();
  assert.equal(page.url(), first, 'the same id');
  await openApp(page, `${env.origin}/?library`);
  assert.equal(await page.locator('.library-entry', { hasText: 'Summary of the Consultations' }).count(), 1);
  assertNoProblems(page);
});

test('footnotes link to their text and back', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  await chooseFile(page, join(FIXTURES, 'eu-communication.txt'));
  await page.getByRole('heading', { level: 1, name: /Communication from the Commission/ }).waitFor();
  await page.locator('#p1').getByRole('link', { name: 'Footnote 1' }).click();
  await landedOn(page, 'fn-1');
  assert.equal(await page.locator('#fn-1').textContent().then((t) => t.includes('COM(2021) 44 final.')), true);
  await page.getByRole('link', { name: 'Back to the reference to footnote 1' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'fnref-1');
  assert.equal(await page.locator('.notice').count(), 0, 'the way back is a known place, not an unknown link');
  assertNoProblems(page);
});

test('pasted text opens as a report', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  await page.getByRole('button', { name: 'Open a report' }).click();
  await page.getByLabel('Or paste the report’s text').fill('Note for the file\n\n1. First point made.\n2. Second point made.\n');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.getByRole('heading', { level: 1, name: 'Note for the file' }).waitFor();
  assert.equal(await page.locator('.chunk > .para').count(), 2);
  assertNoProblems(page);
});

test('a publisher’s report beside the app opens by permalink for anyone', async (t) => {
  const site = await mkdtemp(join(tmpdir(), 'published-'));
  await cp(DIST, site, { recursive: true });
  await cp(join(FIXTURES, 'council-resolution.txt'), join(site, 'reports/hrc-res-58-12.txt'));
  const manifest = JSON.parse(await readFile(join(site, 'reports/manifest.json'), 'utf8'));
  manifest.reports.push({ id: 'hrc-res-58-12', file: 'hrc-res-58-12.txt', title: 'Resolution on Cultural Rights', symbol: 'A/HRC/RES/58/12' });
  await writeFile(join(site, 'reports/manifest.json'), JSON.stringify(manifest));
  const published = await serve(site, ['/viewer/']);
  t.after(() => published.close());

  const context = await freshContext(t);
  const page = await openPage(context, '/viewer/?report=hrc-res-58-12#p3-b', published.origin);
  await landedOn(page, 'p3-b');
  assert.equal(await page.textContent('h1'), 'Resolution on the Special Rapporteur on Cultural Rights');
  await page.goto(`${published.origin}/viewer/#p8`);
  await landedOn(page, 'p8');
  assert.equal(await page.textContent('.symbol'), 'OIC-CFM-51\\2025-CG-J&K\\FINAL.REP', 'the default report still opens at …/#p8');
  assertNoProblems(page);
});

test('a long published report paints its first screen before the app starts, unmoved when the app takes over; a link further on lands without it', async (t) => {
  const site = await mkdtemp(join(tmpdir(), 'published-long-'));
  await cp(DIST, site, { recursive: true });
  const lines = ['A/LONG/1', '', 'Report of a Long Session', '', 'Geneva, 3 March 2025', ''];
  for (let n = 1; n <= 3000; n++) {
    if (n % 40 === 1) lines.push(`Section ${Math.ceil(n / 40)}`, '');
    lines.push(`${n}. The council recalls resolution ${n} and reaffirms its commitment to the sovereignty and unity of member states.`);
    if (n % 7 === 0) lines.push('(a) Welcomes the efforts of the envoy;', '(b) Calls upon all parties to respect the law.');
    lines.push('');
  }
  const text = lines.join('\n');
  await writeFile(join(site, 'reports/long.txt'), text);
  const manifest = JSON.parse(await readFile(join(site, 'reports/manifest.json'), 'utf8'));
  manifest.reports.push({ id: 'long', file: 'long.txt', title: 'Report of a Long Session' });
  await writeFile(join(site, 'reports/manifest.json'), JSON.stringify(manifest));
  await publishReports(site);
  const published = await serve(site, []);
  t.after(() => published.close());

  // Each frame, before it is painted: is paragraph 1 shown, by a first screen (the page's, before
  // the app runs, or the app's own) or set out by the app, and where?
  const watchFrames = (context) => context.addInitScript(() => {
    window.framesSeen = [];
    // How many of the report's chunks the app has set out, each time that changes.
    window.chunksSeen = [];
    const look = () => {
      const chunks = document.documentElement.dataset.app && !document.getElementById('prerendered') ? document.querySelectorAll('#report .report-body > .chunk').length : 0;
      if (chunks && chunks !== window.chunksSeen.at(-1)) window.chunksSeen.push(chunks);
      const p1 = document.getElementById('p1');
      if (p1?.checkVisibility()) {
        const box = p1.getBoundingClientRect();
        window.framesSeen.push({
          app: !!document.documentElement.dataset.app, firstScreen: !!p1.closest('main[aria-busy="true"]'), buttons: !!p1.querySelector('button'),
          text: p1.querySelector('.para-text').textContent.slice(0, 40), top: box.top, left: box.left, width: box.width,
        });
      }
      if (!document.querySelector('.para button')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const unmoved = (frames) => frames.every((f) => Math.abs(f.top - frames[0].top) <= 2 && Math.abs(f.left - frames[0].left) <= 2 && Math.abs(f.width - frames[0].width) <= 2);
  const opened = async (path, width = 1400) => {
    const context = await freshContext(t, { viewport: { width, height: 900 } });
    await watchFrames(context);
    const page = await newPage(context);
    page.fetched = [];
    page.on('request', (request) => page.fetched.push(new URL(request.url()).pathname));
    await openApp(page, `${published.origin}${path}`);
    return page;
  };

  // Published with its first screen: painted before the app has even started, then taken over.
  for (const width of [1400, 360]) {
    const page = await opened('/?report=long', width);
    await page.getByRole('button', { name: 'Highlight paragraph 1', exact: true }).waitFor();
    const frames = await page.evaluate(() => window.framesSeen);
    assert.ok(frames[0] && !frames[0].app && frames[0].firstScreen && !frames[0].buttons,
      `at ${width} px, paragraph 1 was painted from the published first screen before the app ran: ${JSON.stringify(frames.slice(0, 2))}`);
    assert.ok(frames.some((f) => f.buttons), 'then set out by the app');
    assert.ok(unmoved(frames), `at ${width} px, nothing moves when the app takes over: ${JSON.stringify(frames)}`);
    assert.equal(await page.locator('main[aria-busy]').count(), 0, 'the first screen is gone once the report is set out');
    assert.equal(await page.locator('#p1').count(), 1, 'one paragraph 1, not two');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('report:first-screen').length), 0, 'the app took the page\'s first screen over, without making its own');
    // Manifest, text and first screen were fetched once each, before the app ran; it took them over.
    for (const path of ['/reports/long.txt', '/reports/manifest.json', '/reports/first-screens/long.html']) {
      assert.equal(page.fetched.filter((p) => p === path).length, 1, `${path} is fetched once: ${page.fetched}`);
    }
    assertNoProblems(page);
  }

  // On a slow line the app runs long before the text is in: it keeps the first screen, and the
  // bar its height (the report's tools are there already), so nothing moves on a phone either.
  const slow = await freshContext(t, { viewport: { width: 360, height: 740 } });
  await watchFrames(slow);
  await slow.route('**/reports/long.txt', async (route) => { await new Promise((later) => setTimeout(later, 1500)); await route.continue(); });
  const waiting = await newPage(slow);
  await openApp(waiting, `${published.origin}/?report=long`);
  await waiting.getByRole('button', { name: 'Highlight paragraph 1', exact: true }).waitFor();
  const slowFrames = await waiting.evaluate(() => window.framesSeen);
  assert.ok(slowFrames.some((f) => f.app && f.firstScreen), 'the app ran while the text was still on its way');
  assert.ok(unmoved(slowFrames), `nothing moves while the app waits for the text: ${JSON.stringify(slowFrames.filter((f, i) => i === 0 || f.top !== slowFrames[i - 1].top))}`);
  assertNoProblems(waiting);

  // The bar's tools work while the text is on its way: search asked for then opens with its field
  // ready once the report is set out, and the notes panel asked closed stays closed.
  const early = await newPage(await freshContext(t, { viewport: { width: 1400, height: 900 } }));
  await early.route('**/reports/long.txt', async (route) => { await new Promise((later) => setTimeout(later, 1500)); await route.continue(); });
  await openApp(early, `${published.origin}/?report=long`);
  await early.locator('main[aria-busy] #p1').waitFor();
  assert.equal(await early.locator('.para button').count(), 0, 'the report is not set out yet');
  await early.getByRole('button', { name: 'Search the report and your notes (/)' }).click();
  await early.getByRole('button', { name: 'Highlights and notes' }).click();
  await early.getByRole('button', { name: 'Highlight paragraph 1', exact: true }).waitFor();
  await early.waitForFunction(() => document.activeElement?.id === 'search-field');
  await early.keyboard.type('reaffirms');
  await early.locator('#search-status').filter({ hasText: /matches in/ }).waitFor();
  assert.equal(await early.locator('#notes-panel').isHidden(), true, 'the panel closed while loading stays closed');
  assertNoProblems(early);

  // Scrolled to, a far paragraph is what is painted there: its chunk keeps its size and place
  // when it is set out live.
  const page = await opened('/?report=long');
  await page.getByRole('button', { name: 'Highlight paragraph 1', exact: true }).waitFor();
  for (const id of ['p1203', 'p2503']) {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'start' }), id);
    await page.locator(`#${id} .annotation-tools`).waitFor();
    await page.waitForTimeout(200);
    const painted = await page.evaluate((id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + 10)?.closest('.para')?.id;
    }, id);
    assert.equal(painted, id, `${id} is on screen where it is laid out`);
  }
  // On a phone, four-digit numbers fit the margin: nothing of them is cut at the screen's edge.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => document.getElementById('p1203').scrollIntoView({ block: 'center' }));
  const label = await page.evaluate(() => { const r = document.querySelector('#p1203 .para-label').getBoundingClientRect(); return { left: r.left, text: document.querySelector('#p1203 .para-label').textContent }; });
  assert.ok(label.left >= 0, `the number ${label.text} starts on screen (at ${label.left} px)`);
  assertNoProblems(page);

  // A link further on shows no first screen of the top, only to move away from it: it lands.
  const far = await opened('/?report=long#p2990');
  await landedOn(far, 'p2990');
  assert.deepEqual(await far.evaluate(() => window.chunksSeen), [60], 'all 60 chunks set out at once, not a few a frame');
  assert.ok(!(await far.evaluate(() => window.framesSeen)).some((f) => f.firstScreen), 'no first screen for a link to paragraph 2990');
  assert.ok(!far.fetched.includes('/reports/first-screens/long.html'), 'nor is the published one fetched');
  await far.getByRole('button', { name: 'Highlight paragraph 2990', exact: true }).click();
  await far.waitForSelector('#p2990[data-highlight]');
  assertNoProblems(far);

  // A reader's own revision of the report: the published first screen is not what they read, so
  // the app puts the revision's in its place as soon as it runs.
  const reader = await opened('/?report=long');
  await reader.getByRole('button', { name: 'Highlight paragraph 1', exact: true }).waitFor();
  await chooseFile(reader, { name: 'long-rev2.txt', mimeType: 'text/plain', buffer: Buffer.from(text.replace('resolution 1 and', 'revised resolution 1 and')) });
  await reader.getByRole('navigation', { name: 'Versions of this report' }).waitFor();
  await reader.goto(`${published.origin}/?report=long`);
  await reader.waitForSelector('html[data-app] #p1 button');
  const frames = await reader.evaluate(() => window.framesSeen);
  assert.match(frames.at(-1).text, /^The council recalls revised resolution 1/, 'the revision is set out');
  assert.ok(frames.filter((f) => f.app).every((f) => f.text.includes('revised')), `once the app runs, only the revision is shown: ${JSON.stringify(frames.map((f) => [f.app, f.text]))}`);
  assertNoProblems(reader);

  // Deployed without its first screen (the publishing step not run): the app makes it itself,
  // from the text as it streams in, before parsing the whole.
  await rm(join(site, 'reports/first-screens'), { recursive: true });
  const unpublished = await opened('/?report=long');
  await unpublished.getByRole('button', { name: 'Highlight paragraph 1', exact: true }).waitFor();
  const own = await unpublished.evaluate(() => window.framesSeen);
  assert.ok(own.some((f) => f.app && f.firstScreen), `the app painted its own first screen: ${JSON.stringify(own.slice(0, 3))}`);
  assert.equal(await unpublished.evaluate(() => performance.getEntriesByName('report:first-screen').length), 1);
  assert.ok(!own.some((f) => !f.app), 'nothing of the report before the app ran');
  assert.ok(unmoved(own), `nothing moves: ${JSON.stringify(own)}`);
  assert.equal(unpublished.fetched.filter((p) => p === '/reports/long.txt').length, 1, 'the text is fetched once');
  assertNoProblems(unpublished);
});

/** Notes on the default report, then a revision of it opened: every note follows or is listed. */
async function revisionKeepsEveryNote(t, fixture) {
  const context = await freshContext(t);
  const page = await openPage(context);
  await page.getByRole('button', { name: 'Highlight paragraph 8', exact: true }).click();
  await page.getByRole('button', { name: 'Add note to paragraph 8', exact: true }).click();
  await page.getByRole('textbox', { name: 'Note on paragraph 8', exact: true }).fill('On the ceasefire.');
  await page.locator('#p8').getByRole('button', { name: 'Save note' }).click();
  await page.locator('#p8 .note-card').waitFor();
  await page.waitForFunction(() => (localStorage.getItem('report-reader:annotations:oic-cfm-51-cg-jk-2025') || '').includes('On the ceasefire.'));
  // Passages, marked straight into the stored data as a selection would.
  await page.evaluate(() => {
    const key = 'report-reader:annotations:oic-cfm-51-cg-jk-2025';
    const doc = JSON.parse(localStorage.getItem(key) || 'null');
    const quote = (id, words) => {
      const text = document.querySelector(`#${id} > .para-text`).textContent;
      const start = [...text.slice(0, text.indexOf(words))].length;
      return { exact: words, prefix: [...text].slice(Math.max(0, start - 32), start).join(''), suffix: '', start, end: start + [...words].length };
    };
    doc.annotations.push(
      { id: 'passage-5', target: { kind: 'passage', paragraph: 'p5', quote: quote('p5', 'Ishaq Dar') }, colour: 'blue', note: 'The Foreign Minister.', created: 5, modified: 5 },
      { id: 'passage-8', target: { kind: 'passage', paragraph: 'p8', quote: quote('p8', 'the principles of the United Nations Charter') }, colour: 'pink', note: 'Struck in the final text?', created: 6, modified: 6 },
    );
    localStorage.setItem(key, JSON.stringify(doc));
  });
  await page.reload();
  await page.waitForSelector('#p5 mark.hl');

  await chooseFile(page, join(FIXTURES, fixture));
  await page.getByRole('navigation', { name: 'Versions of this report' }).waitFor();
  assert.match(await page.locator('.version-bar').textContent(), /version 2 of 2/);
  assert.equal(await page.locator('.chunk > .para').count(), 12);
  await page.waitForSelector('#p9[data-highlight="yellow"]');
  assert.equal(await page.locator('#p9 .note-body').textContent(), 'On the ceasefire.');
  assert.equal(await page.locator('#p8').getAttribute('data-highlight'), null, 'not left on the paragraph now numbered 8');
  assert.equal(await page.locator('#p6 mark.hl').textContent(), 'Ishaq Dar');
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  assert.match(await panel.locator('.entry', { hasText: 'On the ceasefire.' }).textContent(), /paragraph 9.*moved, was paragraph 8/s);
  const orphan = panel.locator('.orphans .entry');
  assert.match(await orphan.textContent(), /the principles of the United Nations Charter.*Struck in the final text\?/s);
  assert.match(await page.locator('.storage-notice', { hasText: 'In this version' }).textContent(), /2 of your highlights and notes moved.*1 could not be placed/s);
  await screenshot(page, 'revision');

  // The revision is what opens from now on, and the first version is still there to read.
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('#p12');
  await page.getByRole('link', { name: 'version 1' }).click();
  await page.waitForSelector('#p8[data-highlight="yellow"]');
  assert.equal(await page.locator('#p12').count(), 0);
  assert.match(await page.locator('.version-bar').textContent(), /version 1 of 2/);
  assertNoProblems(page);
  return page;
}

test('a revision keeps every note: moved notes follow their text, and the rest are listed as orphans', (t) =>
  revisionKeepsEveryNote(t, 'oic-cfm-51-cg-jk-2025-rev2.txt'));

test('a text whose symbol is the default report’s with /Rev.1 is its new version, with every note; an addendum is a report of its own', async (t) => {
  const page = await revisionKeepsEveryNote(t, 'oic-cfm-51-cg-jk-2025-rev1.txt');
  const addendum = (await readFile(join(ROOT, 'reports/oic-cfm-51-cg-jk-2025.txt'), 'utf8'))
    .replaceAll('OIC-CFM-51\\2025-CG-J&K\\FINAL.REP', 'OIC-CFM-51\\2025-CG-J&K\\FINAL.REP/Add.1')
    .replace('Report\nof the Meeting', 'Annex to the Report\nof the Meeting');
  await chooseFile(page, { name: 'addendum.txt', mimeType: 'text/plain', buffer: Buffer.from(addendum) });
  await page.getByRole('heading', { level: 1, name: /^Annex to the Report/ }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Versions of this report' }).count(), 0, 'not a version of the report it adds to');
  assert.equal(await page.locator('#p8[data-highlight]').count(), 0, 'nor does it carry that report’s notes');
  await openApp(page, `${env.origin}/?library`);
  // Listed under the report it adds to.
  const parent = page.locator('.library-reports .library-list > .library-entry[data-report="oic-cfm-51-cg-jk-2025"]');
  const entry = parent.getByRole('list', { name: /^Addenda to Report of the Meeting/ }).locator('.library-entry', { hasText: 'FINAL.REP/Add.1' });
  assert.match(await entry.textContent(), /addendum to Report of the Meeting of the OIC Contact Group/);
  await entry.getByRole('link', { name: /^Report of the Meeting/ }).click();
  await page.waitForSelector('html[data-app] #p12');
  await screenshot(page, 'library-addendum');
  assertNoProblems(page);
});

test('the reader can say a report is a version of another: versions and notes join, and separate again', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  const noteOn = async (n, text) => {
    await page.getByRole('button', { name: `Add note to paragraph ${n}`, exact: true }).click();
    await page.getByRole('textbox', { name: `Note on paragraph ${n}`, exact: true }).fill(text);
    await page.locator(`#p${n}`).getByRole('button', { name: 'Save note' }).click();
    await page.locator(`#p${n} .note-card`, { hasText: text }).waitFor();
  };
  await chooseFile(page, join(FIXTURES, 'council-resolution.txt'));
  await page.getByRole('heading', { level: 1, name: 'Resolution on the Special Rapporteur on Cultural Rights' }).waitFor();
  const resolution = new URL(page.url()).searchParams.get('report');
  await noteOn(1, 'On the Geneva meeting.');
  await chooseFile(page, join(FIXTURES, 'french-report.txt'));
  await page.getByRole('heading', { level: 1, name: /Rapport de la réunion/ }).waitFor();
  const french = new URL(page.url()).searchParams.get('report');
  await noteOn(2, 'Une note sur le communiqué.');
  await page.waitForFunction((id) => (localStorage.getItem(`report-reader:annotations:${id}`) || '').includes('communiqué'), french);

  await openApp(page, `${env.origin}/?library`);
  const frenchEntry = page.locator('.library-entry', { hasText: 'Rapport de la réunion' });
  await frenchEntry.getByRole('button', { name: /^Make Rapport de la réunion.* a version of another report$/ }).click();
  await frenchEntry.getByLabel(/is a version of/).selectOption({ label: 'Resolution on the Special Rapporteur on Cultural Rights' });
  await frenchEntry.getByRole('button', { name: 'Join as a version' }).click();
  await page.locator('.library-entry', { hasText: 'Rapport de la réunion' }).filter({ hasNot: page.locator('.entry-joined') }).waitFor({ state: 'detached' });
  const joinedEntry = page.locator('.library-entry', { hasText: 'A/HRC/RES/58/12' });
  assert.match(await joinedEntry.textContent(), /2 versions.*Versions you joined to it: Rapport de la réunion/s);
  await screenshot(page, 'library-joined');

  // The joined report's own address opens the report it joined, in its newest version, which
  // is the French text, with both reports' notes.
  await openApp(page, `${env.origin}/?report=${french}`);
  await page.getByRole('navigation', { name: 'Versions of this report' }).waitFor();
  assert.match(await page.locator('.version-bar').textContent(), /version 2 of 2/);
  await page.locator('#p2 .note-card', { hasText: 'Une note sur le communiqué.' }).waitFor();
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  if (await panel.isHidden()) await page.getByRole('button', { name: 'Highlights and notes' }).click();
  await panel.locator('.entry', { hasText: 'On the Geneva meeting.' }).waitFor();

  // Separated again: each report has its own versions and notes, as before.
  await openApp(page, `${env.origin}/?library`);
  await page.getByRole('button', { name: /^Separate “Rapport de la réunion.*” from “Resolution on the Special Rapporteur on Cultural Rights” again$/ }).click();
  await page.locator('.library-entry', { hasText: 'Rapport de la réunion' }).waitFor();
  assert.doesNotMatch(await page.locator('.library-entry', { hasText: 'A/HRC/RES/58/12' }).textContent(), /versions|joined/);
  await openApp(page, `${env.origin}/?report=${french}`);
  await page.locator('#p2 .note-card', { hasText: 'Une note sur le communiqué.' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Versions of this report' }).count(), 0);
  await openApp(page, `${env.origin}/?report=${resolution}`);
  await page.locator('#p1 .note-card', { hasText: 'On the Geneva meeting.' }).waitFor();
  assert.equal(await page.getByText('Une note sur le communiqué.').count(), 0, 'the French report’s note went back with it');
  assertNoProblems(page);
});

/** The default report open with a highlight on paragraph 2, and everything stored then. */
async function withANote(t) {
  const context = await freshContext(t);
  const page = await openPage(context);
  await page.getByRole('button', { name: 'Highlight paragraph 2', exact: true }).click();
  await page.waitForFunction(() => localStorage.getItem('report-reader:annotations:oic-cfm-51-cg-jk-2025'));
  return { context, page, before: await storedState(page) };
}

/** HTML printed to an A4 PDF by the test's own Chromium, as publishers make theirs. */
async function printToPdf(context, html) {
  const printer = await context.newPage();
  await printer.setContent(html);
  const pdf = await printer.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' } });
  await printer.close();
  return pdf;
}

test('a PDF opens as the report it contains: pdf.js fetched only then, page by page, its outline, pages and notes kept', async (t) => {
  const context = await freshContext(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await openPage(context);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  assert.ok(!fetched.some((p) => p.includes('/pdfjs/')), 'no PDF engine in the first load');
  await chooseFile(page, join(FIXTURES, 'corpus/un-hrc-special-rapporteur-en.pdf'));
  await page.getByRole('heading', { level: 1, name: 'Report of the Special Rapporteur on the right to education, Farida Shaheed' }).waitFor();
  assert.ok(fetched.some((p) => p.endsWith('/pdfjs/pdf.min.mjs')) && fetched.some((p) => p.endsWith('/pdfjs/pdf.worker.min.mjs')), 'pdf.js and its worker, from this origin, once a PDF is opened');
  assert.equal(await page.textContent('.symbol'), 'A/HRC/59/23');
  const ids = await page.$$eval('#report [id^="p"], #report [id^="h-"]', (els) => els.map((e) => e.id).filter((id) => /^(p\d|h-)/.test(id)));
  for (const id of ['h-summary', 'h-i-introduction', 'p1', 'p2', 'p3', 'p3-a', 'p3-c', 'p4', 'p5', 'p7-b']) assert.ok(ids.includes(id), `${id} in ${ids}`);
  assert.match(await page.locator('#p4 > .para-text').textContent(), /and for the capacity of the mandate/, 'a paragraph cut by a page break is whole');
  // Each paragraph says which page it came from, and a citation names it.
  assert.equal(await page.locator('#p1 > .para-margin .para-page').textContent(), 'p. 2page 2');
  assert.equal(await page.locator('#p4 > .para-margin .para-page [aria-hidden]').textContent(), 'pp. 2–3');
  assert.equal(await page.locator('#p5 > .para-margin .para-page [aria-hidden]').textContent(), 'p. 3');
  await page.getByRole('button', { name: 'Copy citation for paragraph 4', exact: true }).click();
  await page.getByRole('status').getByText('Copied citation of paragraph 4').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'A/HRC/59/23, para. 4 (pp. 2–3)');
  await page.locator('#p3-c').scrollIntoViewIfNeeded();
  await screenshot(page, 'pdf-paragraph-pages');
  await page.locator('#p2').getByRole('link', { name: 'Footnote 1' }).waitFor();
  assert.equal(await page.locator('#report').getByText('GE.25-11482').count(), 0, 'no page furniture');
  await page.getByRole('button', { name: 'Highlight paragraph 3', exact: true }).click();
  await page.waitForSelector('#p3[data-highlight]');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:r-') && localStorage.getItem(k).includes('p3')));
  await page.reload();
  await page.waitForSelector('html[data-app] #p3[data-highlight]');
  await chooseFile(page, join(FIXTURES, 'corpus/un-hrc-special-rapporteur-en.pdf'));
  await page.getByRole('status').getByText('already in your library').waitFor();
  await screenshot(page, 'opened-pdf');
  assertNoProblems(page);
});

test('an Arabic PDF opens right to left, its words in reading order and its paragraphs numbered as written', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  await chooseFile(page, join(FIXTURES, 'corpus/un-hrc-report-ar.pdf'));
  await page.locator('.symbol', { hasText: 'A/HRC/59/40' }).waitFor();
  assert.equal(await page.getAttribute('#report article', 'dir'), 'rtl');
  assert.equal(await page.textContent('h1'), 'تقرير المقررة الخاصة المعنية بالحق في التعليم');
  const ids = await page.$$eval('.report-body [id]', (els) => els.map((e) => e.id).filter((id) => /^(p\d|h-)/.test(id)));
  assert.deepEqual(ids, ['h-أولا-مقدمة', 'p1', 'p2', 'p2-a', 'p2-b', 'h-ثانيا-الاستنتاجات', 'p3']);
  assert.equal(await page.locator('#p1 > .para-margin .para-label').textContent(), '١.');
  assert.equal(await page.locator('#p2-a > .para-margin .para-label').textContent(), '(أ)');
  assert.match(await page.locator('#p1 > .para-text').textContent(), /^يقدم هذا التقرير عملاً بقرار مجلس حقوق الإنسان 53\/7،/);
  await page.getByRole('button', { name: 'Highlight paragraph 2 (a)', exact: true }).click();
  await page.waitForSelector('#p2-a[data-highlight]');
  await screenshot(page, 'opened-arabic-pdf');
  assertNoProblems(page);
});

test('the bundled report printed to PDF is a version of it: the same ids, and its notes follow', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  await page.getByRole('button', { name: 'Highlight paragraph 8', exact: true }).click();
  await page.waitForFunction(() => localStorage.getItem('report-reader:annotations:oic-cfm-51-cg-jk-2025'));
  // The report as it is published: its own markup and style, printed.
  const style = await readFile(join(ROOT, 'style/main.css'), 'utf8');
  const markup = await readFile(join(ROOT, 'web/default-report.html'), 'utf8');
  const pdf = await printToPdf(context, `<!doctype html><html lang="en"><style>${style}</style><body><main id="report">${markup}</main></body></html>`);
  await chooseFile(page, { name: 'oic-cfm-51-report.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('navigation', { name: 'Versions of this report' }).waitFor();
  assert.match(await page.locator('.version-bar').textContent(), /version 2 of 2/);
  assert.deepEqual(await page.$$eval('.chunk > .para', (els) => els.map((e) => e.id)), Array.from({ length: 11 }, (_, i) => `p${i + 1}`));
  assert.equal(await page.textContent('h1'), 'Report of the Meeting of the OIC Contact Group on Jammu and Kashmir');
  await page.waitForSelector('#p8[data-highlight]');
  assert.match(await page.locator('#p8 > .para-text').textContent(), /and the need to adhere to the agreement to protect civilians/);
  assertNoProblems(page);
});

/** A long report (numbered paragraphs under numbered sections) as HTML, to print to PDF. */
function longReportHtml(symbol, paragraphs) {
  const words = 'the council recalls its resolutions on the situation and reaffirms its commitment to the sovereignty of member states and welcomes the efforts of all parties'.split(' ');
  let body = `<p style="text-align:right">${symbol}</p><h1>Report of the Long Session</h1>`;
  for (let n = 1; n <= paragraphs; n++) {
    if (n % 40 === 1) body += `<h2>${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][Math.floor(n / 40) % 10]}. Section</h2>`;
    const text = Array.from({ length: 60 }, (_, i) => words[(n * 7 + i * 3) % words.length]).join(' ');
    body += `<p>${n}. ${text[0].toUpperCase()}${text.slice(1)}.</p>`;
  }
  return `<!doctype html><html lang="en"><body style="font: 11pt serif">${body}</body></html>`;
}

test('a long PDF shows its first pages while the rest is read, and stopping it brings back the report that was open', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  await page.getByRole('button', { name: 'Highlight paragraph 8', exact: true }).click();
  await page.waitForFunction(() => localStorage.getItem('report-reader:annotations:oic-cfm-51-cg-jk-2025'));
  const before = await storedState(page);
  const pdf = await printToPdf(context, longReportHtml('A/LONG/1', 2400));
  await chooseFile(page, { name: 'long.pdf', mimeType: 'application/pdf', buffer: pdf });
  // The first pages, while the rest is read: the report's head and first paragraphs.
  const shown = page.locator('main#report[aria-busy="true"]');
  await shown.locator('.symbol', { hasText: 'A/LONG/1' }).waitFor();
  await shown.locator('#p1').waitFor();
  const status = page.locator('.open-progress');
  assert.match(await status.textContent(), /Reading page \d+ of \d+ of “long\.pdf”…/);
  await screenshot(page, 'long-pdf-first-screen');
  await status.getByRole('button', { name: 'Stop reading the PDF' }).click();
  await status.getByText('Reading the PDF was stopped; nothing was opened.').waitFor();
  await page.waitForSelector('#p8[data-highlight]');
  assert.equal(await page.textContent('h1'), 'Report of the Meeting of the OIC Contact Group on Jammu and Kashmir', 'the report that was open is back');
  assert.deepEqual(await storedState(page), before, 'nothing stored changed');
  assertNoProblems(page);
});

test('a scanned PDF, a damaged one, a file that only says it is a PDF and an encrypted one are refused in words, and nothing stored changes', async (t) => {
  const { context, page, before } = await withANote(t);
  // A page of pictures and no text, printed to PDF as a scanner's would be.
  const scanned = await printToPdf(context, '<body style="margin:0"><div style="width:180mm;height:250mm;background:repeating-linear-gradient(#000 0 2px,#fff 2px 14px)"></div></body>');
  const real = await readFile(join(FIXTURES, 'corpus/un-sc-resolution-en.pdf'));
  const status = page.locator('.open-progress');
  for (const [name, buffer, words] of [
    ['scan.pdf', scanned, 'This PDF is scanned images without text; the reader cannot read it'],
    ['damaged.pdf', real.subarray(0, 1200), 'This file is damaged or is not a PDF after all'],
    ['pretend.pdf', Buffer.from('%PDF-1.7\nnot really a PDF at all\n'), 'This file is damaged or is not a PDF after all'],
    ['encrypted.pdf', await readFile(join(FIXTURES, 'pdf/encrypted.pdf')), 'This PDF is protected by a password'],
  ]) {
    await chooseFile(page, { name, mimeType: 'application/pdf', buffer });
    await status.getByText(words).waitFor();
    assert.match(await status.textContent(), new RegExp(`“${name}” was not opened`));
  }
  assert.deepEqual(await storedState(page), before, 'nothing stored changed');
  assertNoProblems(page);
});

test('a Word document opens as the report it contains: its automatic numbers, headings, footnotes and head; its notes kept', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await chooseFile(page, join(FIXTURES, 'docx/un-hrc-upr-report.docx'));
  await page.getByRole('heading', { level: 1, name: 'Report of the Working Group on the Universal Periodic Review' }).waitFor();
  assert.ok(fetched.some((p) => p.endsWith('/document-reader_bg.wasm')), 'the document reader is fetched when a .docx is opened');
  assert.ok(!fetched.some((p) => p.includes('/pdfjs/')), 'and not pdf.js');
  assert.equal(await page.textContent('.symbol'), 'A/HRC/61/27');
  const labels = await page.$$eval('.chunk .para', (els) => els.map((e) => `${e.id} ${e.querySelector(':scope > .para-margin .para-label')?.textContent ?? ''}`));
  assert.deepEqual(labels, ['p1 1.', 'p2 2.', 'p3 3.', 'p3-a (a)', 'p3-b (b)', 'p3-c (c)', 'p4 4.', 'p5 5.', 'p6 6.'], 'the numbers Word shows, which are in no text');
  assert.deepEqual(await page.$$eval('.report-body h2', (els) => els.map((e) => e.textContent.replace('¶', '').trim())), ['I. Introduction', 'II. Summary of the proceedings of the review process', 'III. Conclusions and/or recommendations']);
  await page.locator('#p1').getByRole('link', { name: 'Footnote 1' }).click();
  await page.locator('#fn-1.is-target', { hasText: 'See A/HRC/5/21, annex.' }).waitFor();
  assert.equal(await page.locator('#p2 em').textContent(), 'took note');
  assert.doesNotMatch(await page.locator('#p5 > .para-text').textContent(), /heard twice/, 'deleted text of a tracked change is not the report’s');
  await page.getByRole('button', { name: 'Highlight paragraph 3 (a)', exact: true }).click();
  await page.waitForSelector('#p3-a[data-highlight]');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:r-') && localStorage.getItem(k).includes('p3-a')));
  await page.reload();
  await page.waitForSelector('html[data-app] #p3-a[data-highlight]');
  await chooseFile(page, join(FIXTURES, 'docx/un-hrc-upr-report.docx'));
  await page.getByRole('status').getByText('already in your library').waitFor();
  await page.waitForSelector('#p3-a[data-highlight]');
  await screenshot(page, 'opened-docx');
  // A second document is read by the same worker; its symbol is in its page header only.
  await chooseFile(page, join(FIXTURES, 'docx/oic-communique.docx'));
  await page.locator('.symbol', { hasText: 'OIC/EX-CFM/2026/PAL/FC' }).waitFor();
  assert.equal(fetched.filter((p) => p.endsWith('/document-reader_bg.wasm')).length <= 2, true, 'fetched once per page load');
  assertNoProblems(page);
});

test('Word files the reader cannot read are refused in words, and nothing stored changes', async (t) => {
  const { page, before } = await withANote(t);
  const status = page.locator('.open-progress');
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  for (const [name, buffer, words] of [
    ['encrypted.docx', await readFile(join(FIXTURES, 'docx/encrypted.docx')), 'This Word document is protected by a password'],
    ['macros.docm', await readFile(join(FIXTURES, 'docx/macros.docm')), 'This is a macro-enabled Word document (.docm)'],
    ['no-document.docx', await readFile(join(FIXTURES, 'docx/no-document.docx')), 'This zip archive has no Word document in it'],
    ['saved-as-text.docx', Buffer.from('1. Not a Word document at all.\n'), 'This file is not a Word document (.docx)'],
    ['cut-short.docx', (await readFile(join(FIXTURES, 'docx/un-hrc-upr-report.docx'))).subarray(0, 9000), 'not a Word document'],
  ]) {
    await chooseFile(page, { name, mimeType: docx, buffer });
    await status.getByText(words).waitFor();
    assert.match(await status.textContent(), new RegExp(`“${name.replace('.', '\\.')}” was not opened`));
  }
  assert.deepEqual(await storedState(page), before, 'nothing stored changed');
  // The reader is still there for a good file after the bad ones.
  await chooseFile(page, join(FIXTURES, 'docx/oic-communique.docx'));
  await page.locator('.symbol', { hasText: 'OIC/EX-CFM/2026/PAL/FC' }).waitFor();
  assertNoProblems(page);
});

test('bad files are refused with a clear message and nothing stored changes', async (t) => {
  const { page, before } = await withANote(t);
  const status = page.locator('.open-progress');

  await chooseFile(page, join(FIXTURES, 'input/empty.txt'));
  await status.getByText('The file is empty').waitFor();
  await chooseFile(page, join(FIXTURES, 'input/picture.png'));
  await status.getByText('This file is not text').waitFor();
  const huge = join(await mkdtemp(join(tmpdir(), 'huge-')), 'huge.txt');
  await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
  await chooseFile(page, huge);
  await status.getByText('The file is 50.0 MB').waitFor();
  await screenshot(page, 'bad-file');
  assert.deepEqual(await storedState(page), before, 'nothing stored changed');
  assert.equal(await page.locator('.chunk > .para').count(), 11, 'the report on screen is still there');

  // Text in UTF-16 with a byte order mark reads correctly.
  await chooseFile(page, join(FIXTURES, 'input/french-utf16.txt'));
  await page.getByRole('heading', { level: 1, name: 'Compte rendu de la réunion du Groupe de contact' }).waitFor();
  assert.equal(await page.textContent('#p1 .para-text'), 'La réunion s’est tenue à Genève.');

  // HTML is read for its text only: nothing in it runs.
  await chooseFile(page, join(FIXTURES, 'input/hostile.html'));
  await page.getByRole('heading', { level: 1, name: 'Hostile report' }).waitFor();
  assert.equal(await page.textContent('#p1 .para-text'), 'First paragraph.');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('.report img, .report iframe, .report script').count(), 0);
  assertNoProblems(page);
});

test('a published report whose file the site no longer has says so in words, and nothing stored changes', async (t) => {
  const site = await mkdtemp(join(tmpdir(), 'published-gone-'));
  t.after(() => rm(site, { recursive: true, force: true }));
  await cp(DIST, site, { recursive: true });
  const manifest = JSON.parse(await readFile(join(site, 'reports/manifest.json'), 'utf8'));
  manifest.reports.push({ id: 'gone', file: 'gone.txt', title: 'A Report Taken Down' });
  await writeFile(join(site, 'reports/manifest.json'), JSON.stringify(manifest));
  const published = await serve(site, []);
  t.after(() => published.close());
  const context = await freshContext(t);
  const page = await openPage(context, '/?report=gone#p3', published.origin);
  await page.getByRole('heading', { name: 'This report could not be fetched' }).waitFor();
  assert.match(
    await page.textContent('.missing-report'),
    /The report “gone” is published with this reader, but its file could not be loaded \(the server has no such file \(404\)\)\./,
  );
  assert.doesNotMatch(JSON.stringify(await storedState(page)), /gone/, 'nothing of it is stored');
  // The browser logs the missing file itself; nothing else may go wrong.
  assert.deepEqual(page.problems.filter((p) => !/404/.test(p)), []);
});

test('a permalink to a report this browser does not have says so and offers to open the file', async (t) => {
  const context = await freshContext(t);
  const page = await newPage(context);
  await page.goto(`${env.origin}/?report=r-0123456789abcdef#p3`);
  await page.getByRole('heading', { name: 'This report is not in your library' }).waitFor();
  await page.getByRole('button', { name: 'Open the report’s file' }).click();
  await page.getByLabel('Choose a report file').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#open-panel').isVisible(), true);
  await screenshot(page, 'missing-report');
  assertNoProblems(page);
});

test('removing a report asks first, says how many notes go with it, and then forgets it', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  await chooseFile(page, join(FIXTURES, 'markdown-notes.md'));
  await page.getByRole('heading', { level: 1, name: 'Summary of the Consultations' }).waitFor();
  await page.getByRole('button', { name: 'Highlight paragraph 1', exact: true }).click();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:r-')));

  await openApp(page, `${env.origin}/?library`);
  await page.getByRole('button', { name: 'Rename Summary of the Consultations' }).click();
  await page.getByRole('textbox', { name: 'New name for Summary of the Consultations' }).fill('Brussels consultations');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('link', { name: 'Brussels consultations' }).waitFor();

  await page.getByRole('button', { name: 'Remove Brussels consultations' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove Brussels consultations?' });
  assert.match(await dialog.textContent(), /Its 1 highlight or note will be deleted with it/);
  await dialog.getByRole('button', { name: 'Download the notes first' }).waitFor();
  await screenshot(page, 'remove-confirm');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await page.waitForFunction(() => !document.querySelector('.library-entry[data-report^="r-"]'));
  await page.reload();
  await page.getByRole('heading', { name: 'Your library' }).waitFor();
  assert.equal(await page.locator('.library-entry', { hasText: 'Brussels' }).count(), 0);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':r-')).length), 0, 'its text and notes are gone');
  assertNoProblems(page);
});

test('opening a big report shows what is happening until it is set out', async (t) => {
  const context = await freshContext(t);
  const page = await openPage(context);
  const paragraphs = Array.from({ length: 4000 }, (_, i) => `${i + 1}. ${'The Committee considered the matter and decided to continue its work. '.repeat(6)}`);
  paragraphs[3499] += 'It met again in Zanzibar.';
  const text = `A/BIG/1\n\nA big report\n\n${paragraphs.join('\n')}\n`;
  await page.getByRole('button', { name: 'Open a report' }).click();
  // The panel's tools arrive with their part, the first time it is opened.
  await page.locator('.open-progress').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    window.statusSeen = [];
    const el = document.querySelector('.open-progress');
    new MutationObserver(() => window.statusSeen.push(el.textContent.trim())).observe(el, { childList: true, subtree: true, characterData: true });
  });
  await chooseFile(page, { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('heading', { level: 1, name: 'A big report' }).waitFor();
  await page.waitForSelector('#p4000');
  const seen = await page.evaluate(() => window.statusSeen);
  assert.ok(seen.some((s) => /^Reading “big.txt” \(\d+ KB\)…$/.test(s)), JSON.stringify(seen));
  assert.ok(seen.includes('Setting out “big.txt”…'), JSON.stringify(seen));

  // Far from the screen a paragraph is text, id and number only; its buttons come with it.
  assert.equal(await page.locator('#p3000 button, #p3000 .link-tools').count(), 0, 'no buttons far off screen');
  assert.ok((await page.locator('.annotation-tools').count()) < 400, 'only chunks near the screen have buttons');
  await page.evaluate(() => { location.hash = '#p3000'; });
  await landedOn(page, 'p3000');
  await page.getByRole('button', { name: 'Highlight paragraph 3000', exact: true }).click();
  await page.waitForSelector('#p3000[data-highlight]');

  // A far paragraph focused (as a screen reader may) keeps the focus when its chunk, plain
  // markup until then, is set out live on coming near the screen.
  assert.equal(await page.locator('#p2000 button').count(), 0, 'paragraph 2000 is plain markup so far');
  await page.evaluate(() => document.getElementById('p2000').focus({ preventScroll: true }));
  await page.evaluate(() => document.getElementById('p2000').scrollIntoView({ block: 'center' }));
  await page.getByRole('button', { name: 'Highlight paragraph 2000', exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'p2000');

  // The search finds a word in a far chunk, and its mark is on the live text once it is reached.
  assert.equal(await page.locator('#p3500 button').count(), 0, 'paragraph 3500 is plain markup so far');
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.id === 'search-field');
  await page.keyboard.type('zanzibar');
  await page.waitForFunction(() => CSS.highlights.get('search-hit')?.size === 1);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Highlight paragraph 3500', exact: true }).waitFor();
  await page.waitForFunction(() => {
    const [range] = CSS.highlights.get('search-hit') ?? [];
    return range?.startContainer.isConnected && document.getElementById('p3500').contains(range.startContainer) && range.toString() === 'Zanzibar';
  });
  assertNoProblems(page);
});
