// Traditional → mainland simplified, side by side in one run (Node's V8, the engine of
// Chromium): opencc-js (what a page would otherwise use) against zhreport's wasm build of zhconv.
// Needs `npm install --no-save opencc-js@1.4.2` and `scripts/build`.
//   node scripts/compare-convert.mjs [MB=1]
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { initSync, toSimplified } from '../www/pkg/zhreport.js';

initSync({ module: readFileSync(new URL('../www/pkg/zhreport_bg.wasm', import.meta.url)) });
const mb = Number(process.argv[2] ?? 1);
const seed = readFileSync(new URL('../tests/fixtures/seeds/004_f11c072e94adb095.txt', import.meta.url), 'utf8')
  // The glosses out, as zhreport's cleaning does before converting.
  .replace(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/g, '');
let text = '';
while (Buffer.byteLength(text) < mb * 1048576) text += seed;
const bytes = Buffer.byteLength(text);

function time(name, f) {
  f(text.slice(0, 10000)); // warm up
  const t0 = performance.now();
  const out = f(text);
  const s = (performance.now() - t0) / 1000;
  console.log(`| ${name} | ${(bytes / 1048576 / s).toFixed(1)} MB/s |`);
  return out;
}

console.log(`${(bytes / 1048576).toFixed(2)} MB of seed 004 (traditional), glosses removed\n`);
console.log('| converter | throughput |\n|---|---:|');
const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });
const a = time('opencc-js 1.4.2 (tw → cn)', opencc);
const b = time('zhreport wasm (zhconv zh-CN)', toSimplified);
const ca = [...a];
const cb = [...b];
let diff = 0;
const examples = new Map();
for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
  if (ca[i] !== cb[i]) {
    diff++;
    const k = `${ca[i]}→${cb[i]}`;
    if (!examples.has(k)) examples.set(k, [...seed].length > i ? ca.slice(Math.max(0, i - 2), i + 3).join('') : '');
  }
}
console.log(`\nthe outputs differ in ${diff} of ${ca.length} characters (opencc-js→zhreport, first of each kind):`);
for (const [k, ctx] of [...examples].slice(0, 12)) console.log(`  ${k}  in “${ctx}”`);
