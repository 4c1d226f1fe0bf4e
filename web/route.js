// Runs before the page is first painted, so the first paint is already right:
// - the page carries a static copy of the default report, painted at once while the app starts;
//   at any other address (another report, a version, the library) it would be the wrong page,
//   so it is hidden until the app replaces it;
// - the colour theme the reader chose (report-reader:theme) applies from the first frame;
// - a link to a report published beside the app (`?report=id`) starts fetching the manifest and
//   that report's text now, while the app itself loads; the app takes these over (the manifest's
//   text, the report's response: `browser::fetch_text`) instead of starting them once it runs;
// - for such a link with no fragment, the report's first screen, which the build publishes beside
//   the manifest (`first-screens/<id>.html`, src/publish.rs), is shown as soon as it arrives, in
//   the page's frame, before the app has started; the app takes that markup over as its first screen
//   (`browser::take_over_page`). A link to a paragraph gets none: it may lie further on, and the
//   reader would see the top and then be moved.
const DEFAULT_REPORT = 'oic-cfm-51-cg-jk-2025';
if (!new RegExp(`^(\\?report=${DEFAULT_REPORT})?$`).test(location.search)) {
  document.documentElement.classList.add('other-address');
}
try {
  const theme = localStorage.getItem('report-reader:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked: the theme follows the system until the app says otherwise.
}
const asked = new URLSearchParams(location.search);
const report = asked.get('report');
if (report && report !== DEFAULT_REPORT && !asked.has('version')) {
  window.reportReaderPrefetch = (async () => {
    const requests = new Map();
    try {
      const manifest = await fetch('reports/manifest.json');
      if (!manifest.ok) return requests;
      const text = await manifest.text();
      requests.set('reports/manifest.json', text);
      const published = JSON.parse(text);
      const entry = published?.reports?.find?.((r) => r.id === report);
      const file = entry?.file;
      if (typeof file === 'string' && !file.includes('..') && !file.startsWith('/') && !file.includes('://')) requests.set(`reports/${file}`, fetch(`reports/${file}`));
    } catch {
      // No manifest, or not one: the app fetches it again itself and says what is wrong.
    }
    return requests;
  })();
  // The app's loader waits for this (shown, or known not to be) before it starts the app: once
  // started, compiling and starting it keeps the page too busy to paint anything else.
  window.reportReaderFirstScreen = showFirstScreen();
}

/**
 * Shows a published report's first screen in the page's frame, unless the app is running. Asked
 * for at once, beside the manifest rather than after it (a round trip sooner): for an id that is
 * not published the request is answered "not found", and the app says what there is to say.
 * Ids of the form `r-<16 hex digits>` are reports readers opened themselves, never published.
 */
async function showFirstScreen() {
  const here = new URL(window.navigation?.currentEntry?.url ?? location.href);
  if (here.hash.length > 1 || !/^[A-Za-z0-9._-]{1,100}$/.test(report) || /^r-[0-9a-f]{16}$/.test(report)) return;
  let markup;
  try {
    const response = await fetch(`reports/first-screens/${report}.html`);
    if (!response.ok) return;
    markup = await response.text();
  } catch {
    return; // Offline and not cached: the app makes the first screen itself from the text.
  }
  // Once the page is parsed (not later: the loaded event waits for the app's scripts too).
  if (document.readyState === 'loading') await new Promise((parsed) => document.addEventListener('readystatechange', parsed, { once: true }));
  const frame = document.getElementById('prerendered');
  const main = frame?.querySelector('main');
  // Too late: the app is running and shows the report itself.
  if (!main || document.documentElement.dataset.app) return;
  main.innerHTML = markup;
  main.setAttribute('aria-busy', 'true');
  frame.dataset.firstScreen = report;
  document.documentElement.classList.remove('other-address');
}
