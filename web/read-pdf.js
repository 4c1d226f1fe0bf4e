// Reading a PDF's text with pdf.js (`pdfjs-dist`, the engine of Firefox's viewer), fetched from
// this app's own origin the first time a PDF is opened, never before; its worker is a module of
// the same origin (the Content-Security-Policy allows nothing else). What it gives back is each
// page's positioned text runs, as JSON, which `report::layout` lays out in Rust.
let engine;

/** The runs of every page; `onPage(n, total)` is told of each page before it is read, and
 * reading stops with an error named "Cancelled" as soon as `cancelled()` says so. */
export async function readPdf(bytes, onPage, cancelled) {
  if (!engine) {
    engine = await import(new URL('pdfjs/pdf.min.mjs', document.baseURI).href);
    engine.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.mjs', document.baseURI).href;
  }
  const task = engine.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  const doc = await task.promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (cancelled()) {
        const stop = new Error('Reading the PDF was cancelled.');
        stop.name = 'Cancelled';
        throw stop;
      }
      onPage(n, doc.numPages);
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items
        .filter((item) => item.str && item.str.trim() !== '')
        .map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5], w: item.width, size: Math.hypot(item.transform[2], item.transform[3]) }));
      pages.push({ runs });
      page.cleanup();
    }
    return JSON.stringify({ pages });
  } finally {
    await task.destroy();
  }
}
