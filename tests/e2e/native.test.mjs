// The Report the page's wasm makes equals the one the native CLI makes, on the same bytes:
// the seeds (UTF-8, GBK, Big5) and the page fixtures. The wasm runs in the page's own worker
// in headless Chromium; the CLI is the debug build `cargo test` made (or builds it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { servedPage } from './browser.mjs';

const root = new URL('../../', import.meta.url);
const env = servedPage({ before, after });

/** The native Report of a file, from the CLI. */
function native(path) {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'zhreport', '--', 'analyze', '--format', 'json', path], {
    cwd: new URL('.', root),
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.toString());
}

/** A Report as plain data: absent and null fields alike left out (serde gives JSON null,
 *  serde-wasm-bindgen gives undefined). */
function plain(x) {
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.entries(x)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return x;
}

test('the wasm in the page and the native CLI give the same Report', async () => {
  const files = [
    ...(await readdir(new URL('tests/fixtures/seeds/', root))).map((f) => `tests/fixtures/seeds/${f}`),
    'tests/fixtures/encodings/000.gbk.txt',
    'tests/fixtures/encodings/004.big5.txt',
    ...(await readdir(new URL('tests/fixtures/pages/', root))).map((f) => `tests/fixtures/pages/${f}`),
  ];
  const page = await env.browser.newPage({ locale: 'zh-CN' });
  await page.goto(env.base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  for (const file of files) {
    const bytes = await readFile(new URL(file, root));
    const name = file.split('/').pop();
    // The page's worker, spoken to as the page does: parts of long lists, then the Report.
    const wasm = await page.evaluate(
      ([data, name]) =>
        new Promise((resolve, reject) => {
          const w = new Worker('./worker.js', { type: 'module' });
          const parts = {};
          w.onmessage = (e) => {
            if (e.data.stage) return;
            if (e.data.field) {
              (parts[e.data.field] ??= []).push(...e.data.part);
              return;
            }
            w.terminate();
            if (!e.data.ok) return reject(new Error(e.data.error));
            Object.assign(e.data.report, parts);
            resolve(e.data.report);
          };
          const buf = new Uint8Array(data).buffer;
          w.postMessage({ id: 1, type: 'bytes', bytes: buf, name, encoding: '' }, [buf]);
        }),
      [[...bytes], name],
    );
    const cli = native(file);
    // The CLI names a report by the path it was given, the page by the file's name.
    assert.ok(cli.source.name.endsWith(name), cli.source.name);
    cli.source.name = name;
    // These reports hold no character outside the BMP, so the page's UTF-16 offsets and the
    // CLI's character offsets are the same numbers.
    assert.ok(![...cli.text].some((c) => c.codePointAt(0) > 0xffff), file);
    assert.ok(cli.facts.length > 0 || file.includes('pages/'), `${file}: no facts`);
    assert.deepEqual(plain(wasm), plain(cli), file);
  }
  await page.close();
});
