// The whole analysis in wasm, in Node 20's V8 (the engine of Chromium), on the corpus the
// native throughput example uses: best of three runs, as that example reports. Needs
// `scripts/build` and a corpus file:
//   cargo run --release --example corpus -- 10 > /tmp/corpus10.txt
//   node scripts/wasm-throughput.mjs /tmp/corpus10.txt
import { readFileSync } from 'node:fs';
import { initSync, analyzeBytes, toSimplified } from '../www/pkg/zhreport.js';

initSync({ module: readFileSync(new URL('../www/pkg/zhreport_bg.wasm', import.meta.url)) });
const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/wasm-throughput.mjs CORPUS_FILE');
  process.exit(2);
}
const bytes = readFileSync(path);
const mb = bytes.length / 1048576;
const text = bytes.toString('utf8');

function best(f) {
  let min = Infinity;
  let out;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    out = f();
    min = Math.min(min, performance.now() - t0);
  }
  return [min / 1000, out];
}

console.log(`${mb.toFixed(1)} MB, wasm in Node ${process.versions.node} (V8 ${process.versions.v8})\n`);
console.log('| stage | time | throughput |\n|---|---:|---:|');
const [conv] = best(() => toSimplified(text));
console.log(`| convert alone (zhconv zh-CN) | ${conv.toFixed(3)} s | ${(mb / conv).toFixed(1)} MB/s |`);
// Each stage's start, from the binding's progress callback, in the last run.
let marks = [];
const [whole, report] = best(() => {
  marks = [];
  return analyzeBytes(bytes, undefined, undefined, (stage) => marks.push([stage, performance.now()]));
});
const end = performance.now();
for (let i = 0; i < marks.length; i++) {
  const [stage, t] = marks[i];
  const next = i + 1 < marks.length ? marks[i + 1][1] : end;
  // The last stage runs on until the call returns: the Report's offsets made UTF-16 and the
  // Report made a JS object are counted with it.
  const name = i + 1 < marks.length ? stage : `${stage}, then the Report to JS`;
  console.log(`| ${name} (last run) | ${((next - t) / 1000).toFixed(3)} s | |`);
}
console.log(`| **whole: analyzeBytes** | ${whole.toFixed(3)} s | **${(mb / whole).toFixed(1)} MB/s** |`);
console.log(`\n${report.facts.length} facts, ${report.sections.length} sections`);
