// The page's CSV writer (www/csv.js) against the cases the command line's writer is tested
// on (tests/data/csv_cells.txt): one contract, both sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { textField, numberField, csvFile } from '../../www/csv.js';

const unescape = (s) => s.replace(/\\([trn\\])/g, (_, c) => ({ t: '\t', r: '\r', n: '\n', '\\': '\\' })[c]);

const cases = readFileSync(new URL('../data/csv_cells.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const tab = l.indexOf('\t');
    return [unescape(l.slice(0, tab)), unescape(l.slice(tab + 1))];
  });

test('every text cell of the shared cases is written as the command line writes it', () => {
  assert.ok(cases.length >= 20, `${cases.length} cases`);
  const wrong = cases.filter(([cell, field]) => textField(cell) !== field).map(([cell, field]) => `${JSON.stringify(cell)}: ${JSON.stringify(textField(cell))} != ${JSON.stringify(field)}`);
  assert.deepEqual(wrong, []);
});

test('numbers are plain, a file has a BOM and CRLF records', () => {
  assert.equal(numberField(-3.2), '-3.2');
  assert.equal(numberField(10000000), '10000000');
  assert.equal(numberField(-0), '0');
  assert.equal(numberField(null), '');
  assert.equal(numberField(NaN), '');
  assert.equal(csvFile([['a', 'b'], ['1', textField('=x')]]), "\uFEFFa,b\r\n1,'=x\r\n");
});
