// The reader's core flows, each written once against the driver interface of drivers.mjs and run
// in every engine: Chromium, Firefox ESR and WebKitGTK (the engine of Safari). The Chromium suite
// of tests/e2e/ goes further; these are what a reader does every day, in whichever browser.
//
//   xvfb-run -a node --test tests/engines/flows.test.mjs        (scripts/test runs it so)
//   ENGINES=firefox node --test tests/engines/flows.test.mjs    (one engine)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, launch, until } from './drivers.mjs';
import { ROOT, serve, fillOriginStorage, keepPrivateFileAsBackup } from '../e2e/support.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures');
const engines = (process.env.ENGINES || ENGINES.join(',')).split(',').filter(Boolean);
/** The longest one flow may take in one engine. */
const FLOW_TIMEOUT = 90000;

/** Clicks the button whose accessible name is `name` (its label, or its text), as a person does. */
async function press(tab, name, within = 'body') {
  const marked = await tab.run((name, within) => {
    const scope = document.querySelector(within);
    const button = [...(scope?.querySelectorAll('button, a, summary') ?? [])].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent).trim() === name,
    );
    if (!button) return false;
    document.querySelectorAll('[data-flow-target]').forEach((e) => e.removeAttribute('data-flow-target'));
    button.setAttribute('data-flow-target', '');
    return true;
  }, name, within);
  assert.ok(marked, `a button named “${name}”`);
  await tab.click('[data-flow-target]');
}

/** Waits for a button named `name` to be in the page. */
function buttonShown(tab, name) {
  return tab.waitFor((name) => [...document.querySelectorAll('button')]
    .some((b) => (b.getAttribute('aria-label') ?? b.textContent).trim() === name), `a button “${name}”`, name);
}

const FLOWS = {
  async 'a permalink to paragraph 8 lands on it, marked and focused'(tab, origin) {
    await tab.open(`${origin}/#p8`);
    await tab.waitFor(() => document.activeElement?.id === 'p8' && document.getElementById('p8').classList.contains('is-target'), 'the focus on #p8');
    const top = await tab.run(() => document.getElementById('p8').getBoundingClientRect().top);
    assert.ok(top >= -2 && top < 200, `paragraph 8 at the top of the screen (${top})`);
    await tab.run(() => { location.hash = '#p10-11'; });
    await tab.waitFor(() => ['p10', 'p11'].every((id) => document.getElementById(id).classList.contains('is-target')), 'paragraphs 10 and 11 marked');
  },

  async 'a paragraph highlighted and a note in Markdown are kept over a reload'(tab, origin) {
    await tab.open(`${origin}/`);
    await press(tab, 'Highlight paragraph 8');
    await tab.waitFor(() => document.getElementById('p8').dataset.highlight === 'yellow', 'paragraph 8 highlighted');
    await press(tab, 'Add note to paragraph 8');
    await tab.type('textarea[aria-label="Note on paragraph 8"]', 'Compare with the **2024** communiqué.');
    await press(tab, 'Save note', '#p8');
    await tab.waitFor(() => document.querySelector('#p8 .note-card strong')?.textContent === '2024', 'the note shown, its Markdown read');
    // Saved (debounced) before the reload.
    await tab.waitFor(() => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:') && localStorage.getItem(k).includes('Compare with')), 'the note stored');
    await tab.reload();
    await tab.waitFor(() => document.getElementById('p8').dataset.highlight === 'yellow'
      && document.querySelector('#p8 .note-card strong')?.textContent === '2024', 'the highlight and note after a reload');
    // The notes panel lists it, and its entry leads to the paragraph.
    await tab.waitFor(() => [...document.querySelectorAll('.notes-panel a, aside a')].some((a) => /paragraph 8/.test(a.textContent)), 'the panel’s entry for paragraph 8');
  },

  async 'words selected in a paragraph are highlighted as a passage, kept over a reload'(tab, origin) {
    await tab.open(`${origin}/`);
    const words = 'Deputy Prime Minister and Foreign Minister';
    // Where the words begin and end on the screen: the mouse is dragged across them.
    const [from, to] = await tab.run((words) => {
      const text = document.querySelector('#p5 > .para-text');
      text.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(words);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const first = range.getBoundingClientRect();
          range.setStart(node, at + words.length - 1);
          range.setEnd(node, at + words.length);
          const last = range.getBoundingClientRect();
          return [[first.left + 1, first.top + first.height / 2], [last.right - 1, last.top + last.height / 2]];
        }
      }
      return [null, null];
    }, words);
    assert.ok(from && to, 'the words are in paragraph 5');
    await tab.drag(from, to);
    const selected = await tab.run(() => getSelection().toString());
    assert.equal(selected, words);
    await buttonShown(tab, 'Highlight selection as question (blue)');
    await press(tab, 'Highlight selection as question (blue)');
    await tab.waitFor(() => !!document.querySelector('#p5 mark.hl[data-colour="blue"]'), 'the passage marked');
    const marked = () => [...document.querySelectorAll('#p5 mark.hl')].map((m) => m.textContent).join('');
    assert.equal(await tab.run(marked), words);
    await tab.waitFor(() => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:') && localStorage.getItem(k).includes('"passage"')), 'the passage stored');
    await tab.reload();
    await tab.waitFor(() => !!document.querySelector('#p5 mark.hl'), 'the passage marked after a reload');
    assert.equal(await tab.run(marked), words);
  },

  async 'a link to a passage opens with exactly that passage marked'(tab, origin) {
    const words = 'the Contact Group acknowledged the valuable work of the IPHRC';
    await tab.open(`${origin}/#p9:~:text=${encodeURIComponent(words)}`);
    await tab.waitFor(() => document.getElementById('p9').classList.contains('is-target'), 'paragraph 9 marked as the link’s');
    // The browser hides the text directive from the page's address; the Navigation API keeps it
    // (Chromium, Firefox), and the app marks the passage. Where there is no Navigation API
    // (WebKit), the browser marks the passage itself, with Text Fragments of its own.
    const readable = await tab.run(() => !!window.navigation?.currentEntry);
    if (readable) {
      await tab.waitFor(() => !!document.querySelector('#p9 mark.passage-target'), 'the passage marked');
      assert.equal(await tab.run(() => [...document.querySelectorAll('#p9 mark.passage-target')].map((m) => m.textContent).join('')), words);
    } else {
      assert.ok(await tab.run(() => 'fragmentDirective' in document), 'the browser reads Text Fragments itself');
      assert.equal(await tab.run(() => location.hash), '#p9');
    }
  },

  async 'search finds words in the report, marks them and goes through them'(tab, origin) {
    await tab.open(`${origin}/`);
    await press(tab, 'Search the report and your notes (/)');
    await tab.waitFor(() => document.activeElement?.id === 'search-field', 'the search field focused');
    await tab.type('#search-field', 'contact group');
    await tab.waitFor(() => /^\d+ matches in \d+ paragraphs$/.test(document.getElementById('search-status')?.textContent.trim()), 'the matches counted');
    const [listed, expected] = await tab.run(() => [
      document.querySelectorAll('.search-hit').length,
      [...document.querySelectorAll('.chunk .para')].reduce((n, p) => n + (p.querySelector(':scope > .para-text').textContent.match(/contact group/gi) || []).length, 0),
    ]);
    assert.ok(listed > 1 && listed === expected, `every match listed (${listed} of ${expected})`);
    await tab.press('Enter');
    await tab.waitFor((n) => document.getElementById('search-status')?.textContent.includes(`Match 1 of ${n}.`), 'the first match', listed);
    await tab.press('Enter');
    await tab.waitFor((n) => document.getElementById('search-status')?.textContent.includes(`Match 2 of ${n}.`), 'the second match', listed);
  },

  async 'a PDF and a Word file open through the picker'(tab, origin) {
    await tab.open(`${origin}/`);
    await press(tab, 'Open a report');
    await tab.choose('input[type="file"]', join(FIXTURES, 'corpus/un-sc-letter-annex-en.pdf'));
    await tab.waitFor(() => /^Letter dated 16 March 2026/.test(document.querySelector('h1')?.textContent ?? ''), 'the letter’s title', );
    await tab.waitFor(() => !!document.getElementById('annex-p3'), 'the annex’s paragraph 3');
    await tab.open(`${origin}/`);
    await press(tab, 'Open a report');
    await tab.choose('input[type="file"]', join(FIXTURES, 'docx/un-hrc-upr-report.docx'));
    await tab.waitFor(() => document.querySelector('h1')?.textContent === 'Report of the Working Group on the Universal Periodic Review', 'the Word file’s title');
    assert.equal(await tab.run(() => document.querySelector('.symbol')?.textContent), 'A/HRC/61/27');
    assert.deepEqual(await tab.run(() => [...document.querySelectorAll('.chunk .para')].slice(0, 4).map((e) => e.id)), ['p1', 'p2', 'p3', 'p3-a']);
  },

  async 'notes exported as W3C annotations import into a fresh browser, the same'(tab, origin, driver) {
    await tab.open(`${origin}/`);
    await press(tab, 'Highlight paragraph 3');
    await press(tab, 'Add note to paragraph 3');
    await tab.type('textarea[aria-label="Note on paragraph 3"]', 'On the statement of the Assistant Secretary General.');
    await press(tab, 'Save note', '#p3');
    await tab.waitFor(() => !!document.querySelector('#p3 .note-card'), 'the note shown');
    // What the app downloads, as the file's bytes: each object URL it makes is kept.
    await tab.run(() => {
      window.exported = [];
      const make = URL.createObjectURL;
      URL.createObjectURL = (blob) => {
        window.exported.push(blob);
        return make.call(URL, blob);
      };
    });
    await press(tab, 'Export and import');
    await buttonShown(tab, 'Export notes (W3C JSON-LD)');
    await press(tab, 'Export notes (W3C JSON-LD)');
    await tab.waitFor(() => window.exported.length > 0, 'the export’s file');
    const file = JSON.parse(await tab.run(() => window.exported[0].text()));
    assert.equal(file.type, 'AnnotationCollection');
    const [annotation] = file.first.items;
    assert.equal(annotation.body.find((b) => b.type === 'TextualBody').value, 'On the statement of the Assistant Secretary General.');
    assert.match(annotation.target.selector.value ?? annotation.target.selector[0]?.value ?? '', /p3/);

    // Another browser (a fresh profile) imports the file: the same highlight and note.
    const other = await launch(driver.engine);
    try {
      const fresh = await other.tab();
      await fresh.open(`${origin}/`);
      await press(fresh, 'Export and import');
      const path = join(await mkdtemp(join(tmpdir(), 'report-reader-export-')), 'notes.jsonld');
      await writeFile(path, JSON.stringify(file));
      await fresh.choose('input[aria-label="Import notes from a file"]', path);
      await buttonShown(fresh, 'Import these notes');
      await press(fresh, 'Import these notes');
      await fresh.waitFor(() => document.getElementById('p3').dataset.highlight === 'yellow'
        && document.querySelector('#p3 .note-card')?.textContent.includes('On the statement'), 'the imported note on paragraph 3');
      assert.deepEqual(fresh.problems, []);
    } finally {
      await other.close();
    }
  },

  async 'two tabs: a note made in one appears in the other, and both are kept'(tab, origin, driver) {
    await tab.open(`${origin}/`);
    const second = await driver.tab();
    await second.open(`${origin}/`);
    await press(second, 'Add note to paragraph 6');
    await second.type('textarea[aria-label="Note on paragraph 6"]', 'Written in the second tab.');
    await press(second, 'Save note', '#p6');
    await press(tab, 'Add note to paragraph 7');
    await tab.type('textarea[aria-label="Note on paragraph 7"]', 'Written in the first tab.');
    await press(tab, 'Save note', '#p7');
    // Each tab shows the other's note without a reload, and what is stored holds both.
    await tab.waitFor(() => document.querySelector('#p6 .note-card')?.textContent.includes('second tab'), 'the second tab’s note in the first');
    await second.waitFor(() => document.querySelector('#p7 .note-card')?.textContent.includes('first tab'), 'the first tab’s note in the second');
    await tab.reload();
    await tab.waitFor(() => !!document.querySelector('#p6 .note-card') && !!document.querySelector('#p7 .note-card'), 'both notes after a reload');
  },

  async 'a storage that refuses: the reader is told, the note stays on screen'(tab, origin) {
    await tab.open(`${origin}/`);
    // Other data fills the origin's storage, as a full disk or other sites would.
    await tab.run(fillOriginStorage);
    await press(tab, 'Add note to paragraph 2');
    await tab.type('textarea[aria-label="Note on paragraph 2"]', 'A note with nowhere to go.');
    await press(tab, 'Save note', '#p2');
    await tab.waitFor(() => /not saved|full/i.test([...document.querySelectorAll('[role="alert"], .notice')].map((e) => e.textContent).join(' ')), 'the reader told the storage is full');
    assert.ok(await tab.run(() => document.querySelector('#p2 .note-card')?.textContent.includes('nowhere to go')), 'the note stays on screen');
    await tab.run(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  },

  async 'after one visit, the reader opens with the server stopped'(tab, origin, driver) {
    // A server of its own, stopped half-way.
    const own = await serve();
    await tab.open(`${own.origin}/`);
    await tab.run(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
    });
    // The worker keeps every part of the app when it installs.
    await tab.waitFor(async () => {
      const names = (await caches.keys()).filter((k) => k.startsWith('report-reader-'));
      const kept = names.length ? (await (await caches.open(names[0])).keys()).map((r) => r.url) : [];
      return kept.some((u) => u.endsWith('.wasm')) && kept.some((u) => new URL(u).pathname === '/');
    }, 'the offline worker’s cache filled');
    await own.close();
    await tab.reload();
    await tab.waitFor(() => document.querySelectorAll('.chunk > .para').length === 11, 'the default report, offline');
    await press(tab, 'Highlight paragraph 4');
    await tab.waitFor(() => document.getElementById('p4').dataset.highlight === 'yellow', 'a highlight made offline');
  },

  async 'the reader is told what this browser keeps: Safari’s seven-day rule in WebKit, once'(tab, origin, driver) {
    await tab.open(`${origin}/`);
    const noticeShown = () => [...document.querySelectorAll('.notice, [role="alert"], [role="status"]')]
      .some((e) => e.textContent.includes('Safari deletes what this site keeps after seven days without a visit'));
    await press(tab, 'Add note to paragraph 9');
    await tab.type('textarea[aria-label="Note on paragraph 9"]', 'Kept for how long?');
    await press(tab, 'Save note', '#p9');
    await tab.waitFor(() => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:') && localStorage.getItem(k).includes('Kept for how long')), 'the note stored');
    const library = () => document.querySelector('.library-storage')?.textContent ?? '';
    if (driver.engine === 'webkit') {
      await tab.waitFor(noticeShown, 'the seven-day rule told');
      assert.match(await tab.run(() => document.body.textContent), /Add to Dock/);
      await tab.open(`${origin}/?library`);
      await tab.waitFor((re) => new RegExp(re).test(document.querySelector('.library-storage')?.textContent ?? ''), 'the library saying so', 'seven days without a visit');
      // Told once: not again on the next note.
      await tab.open(`${origin}/`);
      await press(tab, 'Add note to paragraph 10');
      await tab.type('textarea[aria-label="Note on paragraph 10"]', 'Again.');
      await press(tab, 'Save note', '#p10');
      await tab.waitFor(() => !!document.querySelector('#p10 .note-card'), 'the second note');
      await new Promise((ok) => setTimeout(ok, 1500));
      assert.equal(await tab.run(noticeShown), false, 'told once');
    } else {
      await new Promise((ok) => setTimeout(ok, 1500));
      assert.equal(await tab.run(noticeShown), false, 'no seven-day rule outside WebKit');
      await tab.open(`${origin}/?library`);
      await tab.waitFor(() => (document.querySelector('.library-storage')?.textContent ?? '').length > 0, 'the library’s storage line');
      assert.doesNotMatch(await tab.run(library), /seven days/);
    }
  },

  async 'a backup written in one profile merges into another: notes, edits and deletions, nothing lost'(tab, origin, driver) {
    /** Adds a note to paragraph `n` of the default report. */
    const addNote = async (on, n, text) => {
      await press(on, `Add note to paragraph ${n}`);
      await on.type(`textarea[aria-label="Note on paragraph ${n}"]`, text);
      await press(on, 'Save note', `#p${n}`);
      await on.waitFor((n, text) => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:') && localStorage.getItem(k).includes(text)), 'the note stored', n, text);
    };
    /** Downloads a backup from the library: the file's text, as the app made it. */
    const backupOf = async (on) => {
      await on.open(`${origin}/?library`);
      await on.run(() => {
        window.made = [];
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => {
          window.made.push(blob);
          return make.call(URL, blob);
        };
      });
      await press(on, 'Download a backup');
      await on.waitFor(() => window.made.length > 0, 'the backup file');
      return on.run(() => window.made[0].text());
    };
    const restore = async (on, text) => {
      const path = join(await mkdtemp(join(tmpdir(), 'report-reader-backup-')), 'backup.json');
      await writeFile(path, text);
      await on.open(`${origin}/?library`);
      await on.choose('input[aria-label="Restore from a backup file"]', path);
    };
    const notes = (on) => on.run(() => [...document.querySelectorAll('.para-notes .note-card .note-body')].map((n) => n.textContent.trim()));

    // Profile A: two notes; its backup.
    await tab.open(`${origin}/`);
    await addNote(tab, 3, 'Written on A.');
    await addNote(tab, 4, 'To be deleted on A.');
    const first = await backupOf(tab);
    assert.equal(JSON.parse(first).format, 'report-reader.backup');

    // Profile B, a device of its own: a note, then A's backup merged in after its preview.
    const other = await launch(driver.engine);
    try {
      const b = await other.tab();
      await b.open(`${origin}/`);
      await addNote(b, 5, 'Written on B.');
      await restore(b, first);
      await b.waitFor(() => /2 new, 0 updated/.test(document.querySelector('.library-backup [role="region"]')?.textContent ?? ''), 'the preview');
      await press(b, 'Restore these notes');
      await b.waitFor(() => /^Restored from the backup/.test(document.querySelector('.backup-status')?.textContent ?? ''), 'the restore done');
      await b.open(`${origin}/`);
      await b.waitFor(() => document.querySelectorAll('.para-notes .note-card').length === 3, 'three notes on B');

      // A deletes a note; its new backup deletes it on B too, and the same backup again changes nothing.
      await tab.open(`${origin}/`);
      await press(tab, 'Delete note on paragraph 4', '#p4 .note-card');
      await tab.waitFor(() => !document.querySelector('#p4 .note-card'), 'the note gone on A');
      await tab.waitFor(() => Object.keys(localStorage).some((k) => k.startsWith('report-reader:annotations:') && /"deleted":\s*true/.test(localStorage.getItem(k))), 'the deletion stored');
      const second = await backupOf(tab);
      await restore(b, second);
      await b.waitFor(() => /1 deleted on the other device/.test(document.querySelector('.library-backup [role="region"]')?.textContent ?? ''), 'the preview of the deletion');
      await press(b, 'Restore these notes');
      await b.waitFor(() => /^Restored/.test(document.querySelector('.backup-status')?.textContent ?? ''), 'the second restore done');
      await b.open(`${origin}/`);
      await b.waitFor(() => document.querySelectorAll('.para-notes .note-card').length === 2, 'two notes on B');
      assert.deepEqual((await notes(b)).sort(), ['Written on A.', 'Written on B.']);
      // The first backup, older, does not bring the deleted note back.
      await restore(b, first);
      await b.waitFor(() => /nothing this browser does not have already/.test(document.querySelector('.backup-status')?.textContent ?? ''), 'nothing to restore');

      // A damaged file and a foreign one are refused in words, and nothing stored changes.
      const stored = () => Object.keys(localStorage).filter((k) => k.startsWith('report-reader:')).sort().map((k) => `${k}=${localStorage.getItem(k)}`).join('\n');
      const before = await b.run(stored);
      await restore(b, second.slice(0, second.length / 2));
      await b.waitFor(() => /not valid JSON.*Nothing was changed/.test(document.querySelector('.backup-problem')?.textContent ?? ''), 'the damaged file refused');
      await restore(b, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' }));
      await b.waitFor(() => /not a backup of this reader/.test(document.querySelector('.backup-problem')?.textContent ?? ''), 'the foreign file refused');
      assert.equal(await b.run(stored), before, 'nothing stored changed');
      assert.deepEqual(b.problems, []);
    } finally {
      await other.close();
    }
  },

  async 'a backup file kept where the browser can (File System Access), synced to another profile: notes and deletions merged'(tab, origin, driver) {
    await tab.open(`${origin}/?library`);
    const canKeep = await tab.run(() => typeof window.showSaveFilePicker === 'function');
    if (!canKeep) {
      // Firefox and Safari have no save picker: the backup is downloaded and restored instead.
      await buttonShown(tab, 'Download a backup');
      assert.equal(await tab.run(() => [...document.querySelectorAll('button')].some((b) => b.textContent.includes('Keep a backup file'))), false);
      return;
    }
    const keepFile = (on) => on.run(keepPrivateFileAsBackup, 'synced-backup.json');
    const fileText = (on) => on.run(async () => {
      const root = await navigator.storage.getDirectory();
      return (await (await root.getFileHandle('synced-backup.json')).getFile()).text();
    });
    const putFile = (on, text) => on.run(async (text) => {
      const root = await navigator.storage.getDirectory();
      const writable = await (await root.getFileHandle('synced-backup.json', { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }, text);
    const addNote = async (on, n, text) => {
      await press(on, `Add note to paragraph ${n}`);
      await on.type(`textarea[aria-label="Note on paragraph ${n}"]`, text);
      await press(on, 'Save note', `#p${n}`);
    };
    const fileHolds = (on, words, what) => until(async () => (await fileText(on)).includes(words), what);

    await keepFile(tab);
    await tab.open(`${origin}/?library`);
    await tab.waitFor(() => /Backup kept in “synced-backup.json”/.test(document.querySelector('.library-backup')?.textContent ?? ''), 'the kept file named');
    await tab.open(`${origin}/`);
    await addNote(tab, 3, 'Written on A, synced.');
    await fileHolds(tab, 'Written on A, synced.', 'A’s note written to its file');

    const other = await launch(driver.engine);
    try {
      const b = await other.tab();
      await b.open(`${origin}/`);
      await keepFile(b);
      await addNote(b, 5, 'Written on B.');
      await fileHolds(b, 'Written on B.', 'B’s note written to its file');
      // The sync brings A's file to B; B reads it when it opens.
      await putFile(b, await fileText(tab));
      await b.reload();
      await b.waitFor(() => !!document.querySelector('#p3 .note-card') && !!document.querySelector('#p5 .note-card'), 'A’s note merged on B, B’s kept');
      await fileHolds(b, 'Written on A, synced.', 'B’s file holding both');
      // A deletes its note; its file, synced to B, deletes it there too.
      await press(tab, 'Delete note on paragraph 3', '#p3 .note-card');
      await until(async () => /"deleted": true/.test(await fileText(tab)), 'the deletion written to A’s file');
      await putFile(b, await fileText(tab));
      await b.reload();
      await b.waitFor(() => !document.querySelector('#p3 .note-card') && !!document.querySelector('#p5 .note-card'), 'the deletion merged on B');
      // A damaged file is told, and nothing here changes.
      await putFile(b, '{"format": "report-reader.backup", "vers');
      await b.reload();
      await b.waitFor(() => /backup file you keep could not be read/.test(document.body.textContent), 'the damaged file told');
      assert.ok(await b.run(() => !!document.querySelector('#p5 .note-card')));
      assert.deepEqual(b.problems, []);
    } finally {
      await other.close();
    }
  },

  async 'the library lists the reports opened, and opens them'(tab, origin) {
    await tab.open(`${origin}/?library`);
    await tab.waitFor(() => /Report of the Meeting of the OIC Contact Group/.test(document.querySelector('.library')?.textContent ?? ''), 'the default report in the library');
  },

  async 'one search finds words across the library, and the notebook lists every note'(tab, origin) {
    await tab.open(`${origin}/`);
    await press(tab, 'Highlight paragraph 6');
    await tab.waitFor(() => !!document.getElementById('p6').dataset.highlight, 'paragraph 6 highlighted');
    await press(tab, 'Open a report');
    await tab.choose('input[type="file"]', join(FIXTURES, 'council-resolution.txt'));
    await tab.waitFor(() => document.querySelector('h1')?.textContent === 'Resolution on the Special Rapporteur on Cultural Rights', 'the resolution opened');
    await tab.open(`${origin}/?library`);
    await tab.waitFor(() => /^2 of 2 reports searchable/.test(document.querySelector('.library-index-progress')?.textContent ?? ''), 'both reports indexed');
    await tab.type('#library-search', '"special rapporteur"');
    await tab.press('Enter');
    await tab.waitFor(() => / in 1 report$/.test(document.querySelector('.library-search-status')?.textContent ?? ''), 'found in one report');
    const marks = await tab.run(() => [...document.querySelectorAll('.found-excerpt mark')].map((m) => m.textContent.toLowerCase()));
    assert.ok(marks.length > 0 && marks.every((m) => m === 'special rapporteur'), marks.join(', '));
    const paragraph = await tab.run(() => new URL(document.querySelector('.found-link').href).hash.slice(1).split(':~:')[0]);
    await tab.click('.found-link');
    await tab.waitFor((id) => document.getElementById(id)?.classList.contains('is-target'), 'the hit’s paragraph marked as the link’s', paragraph);
    // The app marks the words where it can read the text directive (the Navigation API); WebKit
    // hides it and marks them itself, with Text Fragments of its own (as for any passage link).
    if (await tab.run(() => !!window.navigation?.currentEntry)) {
      await tab.waitFor(() => document.querySelector('mark.passage-target')?.textContent.toLowerCase() === 'special rapporteur', 'the words marked where the hit leads');
    }
    await tab.open(`${origin}/?notebook`);
    await tab.waitFor(() => document.querySelectorAll('.notebook-entry').length === 1, 'the highlight in the notebook');
    assert.match(await tab.run(() => document.querySelector('.notebook-where a').textContent), /, para\. 6$/);
  },
};

const server = { origin: null, close: null };
before(async () => Object.assign(server, await serve()));
after(() => server.close?.());

for (const engine of engines) {
  describe(engine, () => {
    for (const [name, flow] of Object.entries(FLOWS)) {
      test(name, { timeout: FLOW_TIMEOUT }, async () => {
        // A fresh profile for each flow: nothing stored, nothing remembered.
        const driver = await launch(engine);
        try {
          const tab = await driver.tab();
          await flow(tab, server.origin, driver);
          assert.deepEqual(tab.problems, [], 'no script errors');
        } finally {
          await driver.close();
        }
      });
    }
  });
}
