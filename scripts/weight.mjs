// Page weight: every file the page loads (html, js, css, wasm, the sample excluded), raw and
// brotli-compressed (quality 11), as a static host serving compressed files would send them.
// `first` is what a visit loads before it can analyse; `later` what a view fetches when it is
// opened (the compare module); `docx` what the worker fetches the first time a .docx comes
// (its reader).
//   node scripts/weight.mjs            prints a table
//   import { weight } from './weight.mjs'   for the budget test
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const LATER = /zhreport_compare/;
const DOCX = /^docx\.js$/;
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
  const sum = (list) => list.reduce((a, r) => ({ raw: a.raw + r.raw, brotli: a.brotli + r.brotli }), { raw: 0, brotli: 0 });
  for (const r of rows) {
    r.later = LATER.test(r.file);
    r.docx = DOCX.test(r.file);
  }
  return {
    rows,
    total: sum(rows),
    first: sum(rows.filter((r) => !r.later && !r.docx)),
    later: sum(rows.filter((r) => r.later)),
    docx: sum(rows.filter((r) => r.docx)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { rows, total, first, later, docx } = weight();
  const line = (name, r) => console.log(`${name.padEnd(30)} ${String(r.raw).padStart(9)} ${String(r.brotli).padStart(9)}`);
  for (const r of rows) line(r.later ? `${r.file} (later)` : r.docx ? `${r.file} (.docx)` : r.file, r);
  line('first load', first);
  line('later (compare view)', later);
  line('later (a .docx read)', docx);
  line('total', total);
}
