// Draws the app's icons for the web app manifest from assets/favicon.svg (the pilcrow on blue),
// in the sizes browsers ask for, with headless Chromium: `node scripts/make-icons.mjs`.
// "any" icons are the rounded square as it is; "maskable" ones fill the square with the blue and
// keep the pilcrow inside the safe zone (the middle 80%), as platforms crop them to any shape.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = await readFile(join(ROOT, 'assets/favicon.svg'), 'utf8');
const glyph = svg.match(/<path[^>]*\/>/)[0];
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1f4e8c"/><g transform="translate(4.8 4.8) scale(0.7)">${glyph}</g></svg>`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [name, source, size] of [['icon-192.png', svg, 192], ['icon-512.png', svg, 512], ['maskable-512.png', maskable, 512]]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${source.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await writeFile(join(ROOT, 'assets/icons', name), await page.screenshot({ omitBackground: true }));
}
await browser.close();
