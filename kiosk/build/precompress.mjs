// After `vite build`: a gzip of each text file in dist beside it (`index-<hash>.js.gz`), made with
// Zopfli, which writes ordinary gzip (any client inflates it) about 4 % smaller than zlib's best.
// The hub sends it to a client that takes gzip (packages/hub/src/http/routes/kiosk.ts), so a
// tablet downloads these bytes; the service worker precaches the files, never the `.gz`.
// Each file is inflated again and compared before it is kept; a gzip no smaller than its file is
// not written.
import { gzipAsync } from '@gfx/zopfli';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The files worth compressing: text. Images are compressed already; maps are never served to a door. */
export const COMPRESSED = new Set([
  '.js',
  '.html',
  '.json',
  '.webmanifest',
  '.css',
  '.svg',
  '.txt',
]);

/**
 * Writes `<file>.gz` beside every text file under `dir`, and removes any `.gz` left from before.
 *
 * @param {string} dir - the built kiosk (`kiosk/dist`)
 * @param {{ numiterations?: number }} [options] - Zopfli's iterations (default 15)
 * @returns {Promise<{ file: string, bytes: number, gzip: number }[]>} what was written
 */
export async function precompress(dir, options = {}) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const written = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath ?? e.path, e.name);
    if (extname(file) === '.gz') await rm(file);
  }
  for (const e of entries) {
    if (!e.isFile() || !COMPRESSED.has(extname(e.name))) continue;
    const file = join(e.parentPath ?? e.path, e.name);
    const source = await readFile(file);
    const gz = Buffer.from(await gzipAsync(source, { numiterations: options.numiterations ?? 15 }));
    if (!gunzipSync(gz).equals(source))
      throw new Error(`precompress: ${file} does not inflate back`);
    if (gz.length >= source.length) continue;
    await writeFile(`${file}.gz`, gz);
    written.push({ file, bytes: source.length, gzip: gz.length });
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist/', import.meta.url));
  const written = await precompress(dir);
  const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
  for (const w of written) {
    console.log(`gzip ${w.file.slice(dir.length)}: ${kb(w.bytes)} -> ${kb(w.gzip)}`);
  }
}
