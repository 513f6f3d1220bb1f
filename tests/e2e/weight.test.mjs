// The page's weight against its budget (brotli, what a compressing host sends): 300 KB, the
// goal of issue 7.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weight } from '../../scripts/weight.mjs';

const BUDGET = 300 * 1024;

test(`page weight within ${BUDGET / 1024} KB brotli`, () => {
  const { total, rows } = weight();
  assert.ok(rows.some((r) => r.file.endsWith('.wasm')), 'the wasm is built (scripts/build)');
  assert.ok(total.brotli <= BUDGET, `page is ${total.brotli} bytes brotli, budget ${BUDGET}`);
});
