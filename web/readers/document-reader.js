// The document reader: a web worker of its own (the `document-reader` crate, which Trunk builds
// beside the app) that reads Word files and lays out a PDF's text runs. It is fetched from this
// origin the first time a PDF or a .docx is opened, never before, and kept for the next one
// (as is this module, which the app imports then: web/on-demand.js). Each request gets `{text}`
// (the report's text, which the app parses as any other) or `{problem}` (why there is none, in
// words); requests are answered one at a time, in order.
let worker;
let ready;
let queue = Promise.resolve();

function start() {
  worker = new Worker(new URL('document-reader_loader.js', document.baseURI));
  ready = new Promise((resolve, reject) => {
    worker.onmessage = (event) => (event.data && event.data.ready ? resolve() : null);
    worker.onerror = (event) => {
      event.preventDefault();
      worker = undefined;
      reject(new Error(`the document reader could not be started (${event.message || 'it could not be fetched'})`));
    };
  });
}

function ask(message, transfer) {
  const asked = queue.then(async () => {
    if (!worker) start();
    await ready;
    return new Promise((resolve, reject) => {
      worker.onmessage = (event) => {
        if (typeof event.data.text === 'string') resolve(event.data.text);
        else reject(new Error(event.data.problem || 'the document could not be read'));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        // A worker that failed mid-way is started afresh for the next document.
        worker.terminate();
        worker = undefined;
        reject(new Error(`the document reader stopped (${event.message || 'unknown error'})`));
      };
      worker.postMessage(message, transfer);
    });
  });
  queue = asked.catch(() => {});
  return asked;
}

/** The report text of a Word file's bytes; rejects with the reason it cannot be read. */
export function readDocx(bytes) {
  return ask({ docx: bytes }, [bytes.buffer]);
}

/** The text of a PDF's pages, laid out from their runs (JSON, as `readPdf` gives them). */
export function layOutPdf(pagesJson) {
  return ask({ pdfPages: pagesJson }, []);
}
