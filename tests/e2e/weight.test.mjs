// The page's weight against its budget (brotli, what a compressing host sends): 300 KB for what a
// visit loads before it can analyse (the goal of issue 7), 64 KB for the compare module a
// visit fetches only when it opens that view, 16 KB for the .docx reader the worker fetches
// the first time a .docx comes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weight } from '../../scripts/weight.mjs';

const FIRST = 300 * 1024;
const LATER = 64 * 1024;
const DOCX = 16 * 1024;

test(`first load within ${FIRST / 1024} KB brotli, compare module within ${LATER / 1024} KB, .docx reader within ${DOCX / 1024} KB`, () => {
  const { first, later, docx, rows } = weight();
  assert.ok(rows.some((r) => r.file === 'pkg/zhreport_bg.wasm'), 'the analysis wasm is built (scripts/build)');
  assert.ok(rows.some((r) => r.file === 'pkg/zhreport_compare_bg.wasm'), 'the compare wasm is built');
  assert.ok(first.brotli <= FIRST, `first load is ${first.brotli} bytes brotli, budget ${FIRST}`);
  assert.ok(later.brotli <= LATER, `compare module is ${later.brotli} bytes brotli, budget ${LATER}`);
  assert.ok(rows.some((r) => r.file === 'docx.js'), 'the .docx reader is there');
  assert.ok(docx.brotli <= DOCX, `the .docx reader is ${docx.brotli} bytes brotli, budget ${DOCX}`);
});
