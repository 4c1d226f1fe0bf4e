// The backup file the reader keeps, where the browser has the File System Access API: its handle
// (chosen once with the save picker, or any FileSystemFileHandle, such as one of the Origin
// Private File System's) kept in IndexedDB, written and read through it. Only
// src/ui/backup_file.rs calls these; each returns a promise.
const DATABASE = 'report-reader-backup';
const HANDLES = 'handles';
const KEY = 'file';
let opened;

function database() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(HANDLES);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => { opened = undefined; reject(request.error); };
    });
  }
  return opened;
}

function transact(mode, work) {
  return database().then((db) => new Promise((resolve, reject) => {
    const transaction = db.transaction(HANDLES, mode);
    const request = work(transaction.objectStore(HANDLES));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onabort = () => reject(transaction.error || request.error);
  }));
}

const kept = () => transact('readonly', (store) => store.get(KEY));

/** Whether a file can be chosen to keep a backup in (Chromium's save picker). */
export function canChoose() {
  return typeof window.showSaveFilePicker === 'function';
}

/** Asks the reader where to keep the backup; keeps the handle; its name. */
export async function choose() {
  const handle = await window.showSaveFilePicker({
    suggestedName: 'report-reader-backup.json',
    types: [{ description: 'Report reader backup', accept: { 'application/json': ['.json'] } }],
  });
  await transact('readwrite', (store) => store.put(handle, KEY));
  return handle.name;
}

/** The kept file's name, or null. */
export async function keptName() {
  return (await kept())?.name ?? null;
}

export function forget() {
  return transact('readwrite', (store) => store.delete(KEY));
}

/** "granted", "prompt" or "denied" for reading and writing the kept file; "none" without one. */
async function permission(handle, ask) {
  if (typeof handle.queryPermission !== 'function') return 'granted';
  const state = await handle.queryPermission({ mode: 'readwrite' });
  if (state !== 'prompt' || !ask) return state;
  return handle.requestPermission({ mode: 'readwrite' });
}

/** Writes the backup: "written", "none" (no file kept) or "permission" (the browser asks again). */
export async function write(text) {
  const handle = await kept();
  if (!handle) return 'none';
  if ((await permission(handle, false)) !== 'granted') return 'permission';
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
  return 'written';
}

/** The kept file's text, null without one, or "permission" where the browser asks again. */
export async function read() {
  const handle = await kept();
  if (!handle) return null;
  if ((await permission(handle, false)) !== 'granted') return 'permission';
  return (await handle.getFile()).text();
}

/** Asks again for the permission the browser wants (on a click: it needs the reader's gesture). */
export async function askAgain() {
  const handle = await kept();
  return !!handle && (await permission(handle, true)) === 'granted';
}
