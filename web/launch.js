// Files that come to the reader from the system. Opened with it: the manifest's file handlers,
// through `launchQueue` where the browser has it. Shared to it from another app: the manifest's
// share target, whose form the offline worker (web/sw.js) keeps and then opens `./?shared`.
const SHARED = 'shared-with-report-reader';

/** Calls `open(file)` for each file the system asks the reader to open, where it can. */
export function onLaunchedFiles(open) {
  if (!('launchQueue' in window)) return;
  window.launchQueue.setConsumer(async (params) => {
    for (const handle of params.files || []) open(await handle.getFile());
  });
}

/** What another app shared, taken (once): `{file}`, or `{link}` when only an address came. */
export async function takeShared() {
  if (!('caches' in window)) return undefined;
  const cache = await caches.open(SHARED);
  const response = await cache.match('shared');
  if (!response) return undefined;
  await cache.delete('shared');
  const name = decodeURIComponent(response.headers.get('x-file-name') || '');
  const link = decodeURIComponent(response.headers.get('x-link') || '');
  const blob = await response.blob();
  if (!name && blob.size === 0) return link ? { link } : undefined;
  return { file: new File([blob], name || 'Shared text.txt', { type: response.headers.get('content-type') || 'text/plain' }) };
}
