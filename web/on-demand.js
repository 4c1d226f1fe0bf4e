// What only some readers need (pdf.js and the scripts that read PDFs and Word files, in
// readers/) is fetched the first time it is used, never in the first load: this imports such a
// module from beside the page, once, and calls a function it exports.
const modules = new Map();

export function callOnDemand(path, name, args) {
  if (!modules.has(path)) {
    const loading = import(new URL(path, document.baseURI).href);
    // A module that could not be fetched (offline, say) is tried again the next time.
    loading.catch(() => modules.delete(path));
    modules.set(path, loading);
  }
  return modules.get(path).then((module) => module[name](...args));
}
