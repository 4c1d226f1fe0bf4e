// Runs before the page is first painted, so the first paint is already right:
// - the page carries a static copy of the default report, painted at once while the app starts;
//   at any other address (another report, a version, the library) it would be the wrong page,
//   so it is hidden until the app replaces it;
// - the colour theme the reader chose (report-reader:theme) applies from the first frame.
if (!/^(\?report=oic-cfm-51-cg-jk-2025)?$/.test(location.search)) {
  document.documentElement.classList.add('other-address');
}
try {
  const theme = localStorage.getItem('report-reader:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked: the theme follows the system until the app says otherwise.
}
