// Report texts (and the files they were read from) in IndexedDB, which holds far more than
// localStorage and does not compete with notes for room. Only src/ui/storage.rs calls these;
// each returns a promise, and a failure rejects with the browser's error (its `name` says
// "QuotaExceededError" when the storage is full).
const DATABASE = 'report-reader';
const TEXTS = 'texts';
const FILES = 'files';
// The library's search index: one record per report (its current version's paragraphs and
// words), made from the texts above by the library's search and made again when they change.
const SEARCH = 'search';
// What each report cites (one small record per report, made with its search record): read by
// a report to list the reports that cite it.
const CITATIONS = 'citations';
let opened;

function database() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 3);
      request.onupgradeneeded = () => {
        const have = request.result.objectStoreNames;
        for (const store of [TEXTS, FILES, SEARCH, CITATIONS]) {
          if (!have.contains(store)) request.result.createObjectStore(store);
        }
      };
      request.onsuccess = () => {
        // Another tab upgrading the database closes this connection; the next call opens anew.
        request.result.onversionchange = () => { request.result.close(); opened = undefined; };
        resolve(request.result);
      };
      request.onerror = () => { opened = undefined; reject(request.error); };
      request.onblocked = () => { opened = undefined; reject(new DOMException('The report store is held by another tab', 'BlockedError')); };
    });
  }
  return opened;
}

function transact(store, mode, work) {
  return database().then((db) => new Promise((resolve, reject) => {
    const transaction = db.transaction(store, mode);
    const request = work(transaction.objectStore(store));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onabort = () => reject(transaction.error || request.error);
    transaction.onerror = (event) => event.preventDefault();
  }));
}

/** The stored text of a report version, or undefined. */
export const getText = (hash) => transact(TEXTS, 'readonly', (s) => s.get(hash));
/** Keeps a report version's text; resolves once it is written for good. */
export const putText = (hash, text) => transact(TEXTS, 'readwrite', (s) => s.put(text, hash));
/** Keeps the file a report version was read from (a PDF or a Word document). */
export const putFile = (hash, name, type, bytes) => transact(FILES, 'readwrite', (s) => s.put({ name, type, bytes }, hash));
/** Forgets a report version's text and file. */
export const forget = (hash) => transact(TEXTS, 'readwrite', (s) => s.delete(hash)).then(() => transact(FILES, 'readwrite', (s) => s.delete(hash)));
/** The hashes of every stored text. */
export const storedHashes = () => transact(TEXTS, 'readonly', (s) => s.getAllKeys());

/** Keeps a report's search record (a JSON string), in place of its earlier one. */
export const putRecord = (report, record) => transact(SEARCH, 'readwrite', (s) => s.put(record, report));
/** Every search record kept, as JSON strings. */
export const allRecords = () => transact(SEARCH, 'readonly', (s) => s.getAll());
/** Forgets a report's search record and what it cites. */
export const forgetRecord = (report) => transact(SEARCH, 'readwrite', (s) => s.delete(report)).then(() => transact(CITATIONS, 'readwrite', (s) => s.delete(report)));
/** Keeps what a report cites (a JSON string). */
export const putCitations = (report, record) => transact(CITATIONS, 'readwrite', (s) => s.put(record, report));
/** What every report cites, as JSON strings. */
export const allCitations = () => transact(CITATIONS, 'readonly', (s) => s.getAll());

/** What this site uses of the browser's storage and what it may use, in bytes ([used, quota]), or undefined. */
export async function estimate() {
  if (!navigator.storage || !navigator.storage.estimate) return undefined;
  const { usage, quota } = await navigator.storage.estimate();
  return [usage || 0, quota || 0];
}

/** Whether the browser has promised to keep this site's storage; undefined where it cannot say. */
export async function persisted() {
  if (!navigator.storage || !navigator.storage.persisted) return undefined;
  return navigator.storage.persisted();
}

/** Asks the browser to keep this site's storage; resolves with its answer (undefined where it cannot). */
export async function persist() {
  if (!navigator.storage || !navigator.storage.persist) return undefined;
  return navigator.storage.persist();
}
