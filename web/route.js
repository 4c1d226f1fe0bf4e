// Runs before the page is first painted, so the first paint is already right:
// - the page carries a static copy of the default report, painted at once while the app starts;
//   at any other address (another report, a version, the library) it would be the wrong page,
//   so it is hidden until the app replaces it;
// - the colour theme the reader chose (report-reader:theme) applies from the first frame;
// - a link to a report published beside the app (`?report=id`) starts fetching the manifest and
//   that report's text now, while the app itself loads; the app takes these over (the manifest's
//   text, the report's response: `browser::fetch_text`) instead of starting them once it runs.
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
}
