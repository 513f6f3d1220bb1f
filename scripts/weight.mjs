// Page weight: every file the page loads (html, js, css, wasm, the sample excluded), raw and
// brotli-compressed (quality 11), as a static host serving compressed files would send them.
//   node scripts/weight.mjs            prints a table
//   import { weight } from './weight.mjs'   for the budget test
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const PAGE = new Set(['.html', '.js', '.css', '.wasm', '.webmanifest', '.svg']);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function weight() {
  const rows = files(www)
    .filter((p) => PAGE.has(extname(p)))
    .map((p) => {
      const raw = readFileSync(p);
      const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      return { file: p.slice(www.length), raw: raw.length, brotli: br.length };
    });
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, brotli: a.brotli + r.brotli }), { raw: 0, brotli: 0 });
  return { rows, total };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { rows, total } = weight();
  for (const r of rows) console.log(`${r.file.padEnd(28)} ${String(r.raw).padStart(9)} ${String(r.brotli).padStart(9)}`);
  console.log(`${'total'.padEnd(28)} ${String(total.raw).padStart(9)} ${String(total.brotli).padStart(9)}`);
}
