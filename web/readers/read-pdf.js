// Reading a PDF's text with pdf.js (`pdfjs-dist`, the engine of Firefox's viewer), fetched from
// this app's own origin the first time a PDF is opened, never before; its worker is a module of
// the same origin (the Content-Security-Policy allows nothing else). What it gives back is each
// page's positioned text runs, as JSON, which the document reader's `layout` lays out in Rust.
// The app imports this module the first time a PDF is opened (web/on-demand.js).
let engine;

// Letters as the text has them rather than as a font draws them: Arabic presentation forms (the
// shapes of a letter at the start, middle or end of a word, lam-alef ligatures) and Latin
// ligatures ("ﬁ") are what PDFs often map their glyphs back to. The browser's own NFKC, on
// those characters only (elsewhere it would change "½" or "²").
const SHAPED = /[\uFB00-\uFB06\uFB50-\uFDFF\uFE70-\uFEFE]/g;
const unshaped = (text) => text.replace(SHAPED, (c) => c.normalize('NFKC'));

/** The runs of every page; `onPage(n, total)` is told of each page before it is read, and
 * reading stops with an error named "Cancelled" as soon as `cancelled()` says so. Of a long
 * PDF, `onFirstPages(json)` is given the first pages as soon as they are read, to be shown while
 * the rest is read. */
export async function readPdf(bytes, onPage, cancelled, onFirstPages) {
  if (!engine) {
    engine = await import(new URL('pdfjs/pdf.min.mjs', document.baseURI).href);
    engine.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.mjs', document.baseURI).href;
  }
  const task = engine.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  const doc = await task.promise;
  try {
    // A few pages asked for at once: the engine's worker reads them one after the other, but
    // never waits for this side between two.
    const pages = new Array(doc.numPages);
    const read = async (n) => {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages[n - 1] = {
        runs: content.items
          .filter((item) => item.str && item.str.trim() !== '')
          .map((item) => ({ text: unshaped(item.str), x: item.transform[4], y: item.transform[5], w: item.width, size: Math.hypot(item.transform[2], item.transform[3]) })),
      };
      page.cleanup();
    };
    const AT_ONCE = 8;
    const FIRST_PAGES = AT_ONCE;
    for (let first = 1; first <= doc.numPages; first += AT_ONCE) {
      if (cancelled()) {
        const stop = new Error('Reading the PDF was cancelled.');
        stop.name = 'Cancelled';
        throw stop;
      }
      onPage(first, doc.numPages);
      const batch = [];
      for (let n = first; n < first + AT_ONCE && n <= doc.numPages; n++) batch.push(read(n));
      await Promise.all(batch);
      if (first === 1 && doc.numPages > FIRST_PAGES) onFirstPages(JSON.stringify({ pages: pages.slice(0, FIRST_PAGES) }));
    }
    return JSON.stringify({ pages });
  } finally {
    await task.destroy();
  }
}
