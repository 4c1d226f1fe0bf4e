// Trunk's post-build hook (see Trunk.toml). Four jobs on the staged dist/:
// 1. Strict CSP: the loader that starts the app (scripts/build-wasm.mjs built it) is a file of
//    its own, named by its hash. Where the page shows a report before the app runs, it starts the
//    app only once that is painted. The pre-paint script (web/route.js) goes the other way, into the
//    page, allowed by its hash: as a file it was a request the first paint waited for, and the
//    requests it starts began only once it had arrived. The build fails if any other inline script,
//    or any inline event handler, is left.
// 2. Offline: writes sw.js from web/sw.js with the list of every staged file and a version
//    derived from their contents.
// 3. First paint: puts the default report's static HTML (web/default-report.html, made by the
//    app's own renderer and kept current by a test) in the page, inside a copy of the app's
//    frame whose controls hold their place invisibly, so the report is painted at once and does
//    not move when the app takes over.
// 4. Publishing: the first screen of each report in reports/ (the `first-screens` program,
//    src/publish.rs), which the pre-paint script shows before the app has started.
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { spawnSync } from 'node:child_process';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('finish-build runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const indexPath = join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
if (inline.length !== 0) throw new Error(`expected no inline script before the loader is written, found ${inline.length}`);
// The app's files, as scripts/build-wasm.mjs named them.
const app = JSON.parse(await readFile(join(source, 'target', 'wasm-split', process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug', 'files.json'), 'utf8'));
// Where the page shows a report before the app runs (its static copy of the default report, or a
// published report's first screen, which web/route.js may still be fetching: waited for up to
// half a second), the app is compiled and started after that is painted (at most a tenth of a
// second later in a tab that paints nothing), so the report is on screen as soon as a static
// page's would be: once started, the app keeps the page too busy to paint.
const code = `import init from './${app.glue}';
await Promise.race([window.reportReaderFirstScreen, new Promise((late) => setTimeout(late, 500))]);
if (!document.documentElement.classList.contains('other-address')) {
  await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); setTimeout(painted, 100); });
}
await init({ module_or_path: './${app.wasm}' });
`;
const loader = `start-${hash(code)}.js`;
await writeFile(join(staging, loader), code);
// Fetched at once, while the page paints: the glue, the scripts it imports, and the main module.
const snippets = (await files(join(staging, 'snippets'))).map((path) => relative(staging, path).split(sep).join('/'));
const preloads = [app.glue, app.splitLoader, ...snippets].map((name) => `<link rel="modulepreload" href="./${name}" />`)
  .concat(`<link rel="preload" href="./${app.wasm}" as="fetch" type="application/wasm" crossorigin />`);
if (!html.includes('</head>')) throw new Error('index.html has no </head> to put the loader in');
html = html.replace('</head>', () => `${preloads.join('\n')}\n<script type="module" src="./${loader}"></script>\n</head>`);
const report = (await readFile(join(source, 'web/default-report.html'), 'utf8')).trim();
const frame = `<div id="prerendered">
<header class="app-bar"><a class="app-name" href="./">Report reader</a><span class="app-actions placeholder" aria-hidden="true"><select class="bar-select" disabled><option>Like the system</option></select><span class="bar-link">Library</span><span class="bar-button">Open a report</span><span class="bar-button">Search</span><span class="bar-button">Shortcuts</span><span class="panel-toggle">Highlights and notes</span></span></header>
<div class="layout prerendered-layout"><main id="report" tabindex="-1">${report}</main></div>
</div>`;
if (!html.includes('<body>')) throw new Error('index.html has no <body> to put the default report in');
html = html.replace('<body>', () => `<body>\n${frame}`);
const routeTag = html.match(/<script src="\.\/(route-[0-9a-f]+\.js)"[^>]*><\/script>/);
if (!routeTag) throw new Error('the pre-paint script (web/route.js) is not in the page');
const routeCode = (await readFile(join(staging, routeTag[1]), 'utf8')).trim();
if (/<\/script|<!--/i.test(routeCode)) throw new Error('web/route.js cannot be put in the page as it is (it holds </script or <!--)');
const routeHash = `'sha256-${createHash('sha256').update(routeCode).digest('base64')}'`;
html = html.replace(routeTag[0], () => `<script>${routeCode}</script>`);
await rm(join(staging, routeTag[1]));
const policy = "script-src 'self' 'wasm-unsafe-eval'";
if (!html.includes(policy)) throw new Error(`index.html's Content-Security-Policy no longer says ${policy}`);
html = html.replace(policy, () => `script-src 'self' ${routeHash} 'wasm-unsafe-eval'`);
const inlineLeft = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
if (inlineLeft.length !== 1 || inlineLeft[0][1] !== routeCode || /\son[a-z]+=/i.test(html.replace(routeCode, ''))) {
  throw new Error('index.html has inline script other than web/route.js, which the Content-Security-Policy forbids');
}
// The page's comments are for whoever edits index.html; every visitor would download them.
html = html.replace(/<!--[\s\S]*?-->\s*/g, '');
await writeFile(indexPath, html);

// Before the offline worker's list is made: the first screens are files to cache like any other.
const published = spawnSync('cargo', ['run', '--quiet', '--bin', 'first-screens', '--', join(staging, 'reports')], { cwd: source, stdio: 'inherit' });
if (published.status !== 0) throw new Error('the first screens of the published reports could not be made (see above)');

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}
const staged = (await files(staging)).filter((path) => !path.endsWith(`${sep}sw.js`)).sort();
const names = staged.map((path) => relative(staging, path).split(sep).join('/'));
const contents = await Promise.all(staged.map((path) => readFile(path)));
const version = hash(Buffer.concat(contents.flatMap((c, i) => [Buffer.from(names[i]), c])));
// pdf.js, the readers' scripts and the document reader are fetched when a reader first opens a PDF or a
// .docx, and kept by the worker then: not every visitor downloads them on the first visit.
const onFirstUse = (n) => n.startsWith('pdfjs/') || n.startsWith('readers/') || n.startsWith('document-reader');
const list = ['./', ...names.filter((n) => n !== 'index.html' && !onFirstUse(n)).map((n) => `./${n}`)];
const worker = (await readFile(join(source, 'web/sw.js'), 'utf8'))
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(list, null, 2));
await writeFile(join(staging, 'sw.js'), worker);
console.log(`finish-build: loader ${loader}, sw.js caches ${list.length} files (version ${version})`);
