// Trunk's build hook (see Trunk.toml; index.html's Rust link has `data-trunk-skip`, so Trunk
// builds no wasm of its own for the app). Builds the app's wasm and cuts it where the code says
// `#[lazy]`, so that what only some readers use is fetched when first used:
// 1. `cargo rustc` of the app, its link keeping relocations (`--emit-relocs`), which the splitter
//    reads to know what each function uses. Given to the final link only, so the dependencies'
//    builds are those of every other cargo command.
// 2. `wasm-split-cli`: the main module, one part per `#[lazy]` function, one per set of lazy
//    functions sharing code, and `__wasm_split.js`, which fetches and links a part on first call.
// 3. `wasm-bindgen` on the main module only (the parts are linked to it by `__wasm_split.js`).
// 4. `wasm-opt -Oz` on every module, in a release build.
// 5. Into the staging directory under names carrying their contents' hash. The glue and the
//    split loader import each other, so those two (and the main module) share one hash, of all
//    three; each part's name has its own.
// Then scripts/finish-build.mjs (the post-build hook) writes the loader that starts the app.
// REPORT_READER_ONE_WASM=1 builds the same code as one wasm (no parts), to compare;
// REPORT_READER_KEEP_NAMES=1 keeps the functions' names, for `twiggy` or a profile.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('build-wasm runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
const release = process.env.TRUNK_PROFILE === 'release';
const NAME = 'report-reader';
const work = join(source, 'target', 'wasm-split', release ? 'release' : 'debug');
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

function run(command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: source, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build-wasm: ${command} failed (${result.error?.message ?? `exit ${result.status}`})`);
  console.log(`build-wasm: ${command} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await rm(work, { recursive: true, force: true });
await mkdir(join(work, 'split'), { recursive: true });
run('cargo', [
  'rustc', '--offline', ...(release ? ['--release'] : []), '--target', 'wasm32-unknown-unknown',
  '--bin', NAME, ...(process.env.REPORT_READER_ONE_WASM ? [] : ['--features', 'split']), '--', '-C', 'link-arg=--emit-relocs',
]);
const built = join(source, 'target', 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${NAME}.wasm`);
run('wasm-split-cli', ['--out-name', NAME, built, join(work, 'split')]);
run('wasm-bindgen', [
  '--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-name', NAME,
  '--out-dir', join(work, 'bindgen'), join(work, 'split', `${NAME}.wasm`),
]);

const parts = (await readdir(join(work, 'split'))).filter((n) => n.endsWith('.wasm') && n !== `${NAME}.wasm`).sort();
const mainWasm = join(work, 'bindgen', `${NAME}_bg.wasm`);
if (release) {
  // The features rustc's wasm32 target uses; wasm-opt must be told, or it refuses them.
  const features = ['--enable-bulk-memory', '--enable-reference-types', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue'];
  for (const file of [mainWasm, ...parts.map((p) => join(work, 'split', p))]) {
    const strip = process.env.REPORT_READER_KEEP_NAMES ? ['-g'] : ['--strip-debug', '--strip-producers'];
    run('wasm-opt', ['-Oz', ...strip, ...features, file, '-o', file]);
  }
}

let splitLoader = await readFile(join(work, 'split', '__wasm_split.js'), 'utf8');
// A part that cannot be fetched (offline before the offline worker has kept it, or a newer build
// deployed meanwhile, whose files have other names) would otherwise be told to the wasm as a
// failure, which it meets with a panic that stops the whole app. Instead the page is told (the
// app shows a notice and goes on), and the part is tried again when the browser is back online,
// or every half minute; the feature that asked for it comes when it arrives.
const FAILS_THE_APP = `function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        let success;
        try {
            await callee();
            success = true;
        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }
    }
}`;
const WAITS_FOR_THE_PART = `function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        for (let failed = false; ; failed = true) {
            try {
                await callee();
                if (failed) dispatchEvent(new CustomEvent('report-reader:part-arrived'));
                break;
            } catch (e) {
                dispatchEvent(new CustomEvent('report-reader:part-unavailable', { detail: String(e) }));
                await new Promise((again) => {
                    addEventListener('online', again, { once: true });
                    setTimeout(again, 30000);
                });
            }
        }
        getSharedImports().__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, true);
    }
}`;
if (!splitLoader.includes(FAILS_THE_APP)) throw new Error('build-wasm: the splitter\'s loader no longer reports a failed load as expected (see FAILS_THE_APP)');
splitLoader = splitLoader.replace(FAILS_THE_APP, WAITS_FOR_THE_PART);
for (const part of parts) {
  const bytes = await readFile(join(work, 'split', part));
  const named = `${NAME}-${part.replace(/\.wasm$/, '').replace(/^split_/, '').replace(/_[0-9]+$/, '')}-${hash(bytes)}.wasm`;
  if (!splitLoader.includes(`"./${part}"`)) throw new Error(`build-wasm: __wasm_split.js does not name ${part}`);
  splitLoader = splitLoader.replaceAll(`"./${part}"`, `"./${named}"`);
  await writeFile(join(staging, named), bytes);
}
let glue = await readFile(join(work, 'bindgen', `${NAME}.js`), 'utf8');
const mainBytes = await readFile(mainWasm);
const version = hash(Buffer.concat([Buffer.from(glue), mainBytes, Buffer.from(splitLoader)]));
const names = { glue: `${NAME}-${version}.js`, wasm: `${NAME}-${version}_bg.wasm`, splitLoader: `${NAME}-split-${version}.js` };
if (!splitLoader.includes(`from "./${NAME}.js"`)) throw new Error('build-wasm: __wasm_split.js no longer imports the glue as expected');
splitLoader = splitLoader.replace(`from "./${NAME}.js"`, `from "./${names.glue}"`);
// Present once the code has a `#[lazy]` function: the glue imports the split loader.
glue = glue.replaceAll(`from './__wasm_split.js'`, `from './${names.splitLoader}'`)
  .replaceAll(`from "./__wasm_split.js"`, `from "./${names.splitLoader}"`)
  .replace(`new URL('${NAME}_bg.wasm', import.meta.url)`, `new URL('${names.wasm}', import.meta.url)`);
await writeFile(join(staging, names.glue), glue);
await writeFile(join(staging, names.wasm), mainBytes);
await writeFile(join(staging, names.splitLoader), splitLoader);
await cp(join(work, 'bindgen', 'snippets'), join(staging, 'snippets'), { recursive: true });
await writeFile(join(work, 'files.json'), JSON.stringify({ ...names, parts: parts.length }, null, 2));
console.log(`build-wasm: ${names.glue}, ${names.wasm} and ${parts.length} parts`);
