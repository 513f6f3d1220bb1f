// Times the page in headless Chromium: a report of N MB (made from the seeds, every number
// raised per copy so copies differ) pasted and analysed, until its facts are on screen; and
// the main thread's long tasks (over 50 ms) meanwhile, from the Long Tasks API.
//   node scripts/page-timing.mjs [MB=1]        (after scripts/build)
import { readFileSync, readdirSync } from 'node:fs';
import { launch } from '../tests/e2e/browser.mjs';
import { serve } from './serve.mjs';

const mb = Number(process.argv[2] ?? 1);
const dir = new URL('../tests/fixtures/seeds/', import.meta.url);
const seeds = readdirSync(dir).sort().map((f) => readFileSync(new URL(f, dir), 'utf8'));
let text = '';
for (let copy = 0; text.length * 3 < mb * 1024 * 1024; copy++) {
  for (const s of seeds) text += s.replace(/\d+/g, (n) => String(Number(n) + copy)) + '\n\n';
}
const bytes = Buffer.byteLength(text);

const server = await serve({ port: 0 });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('body[data-ready="true"]');
await page.evaluate(() => {
  window.__long = [];
  window.__frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
  // What a long task was: the long animation frames (over 50 ms) with their scripts, and the
  // time spent in style and layout after them.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__frames.push({
        start: e.startTime,
        duration: Math.round(e.duration),
        layout: Math.round(e.startTime + e.duration - e.styleAndLayoutStart),
        scripts: e.scripts.map((s) => `${s.invoker} ${Math.round(s.duration)} ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: false });
});
await page.evaluate((t) => {
  document.querySelector('#paste').value = t;
}, text);
const { first, all } = await page.evaluate(
  () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const tabs = document.querySelectorAll('#tabs .tab').length;
      let first = 0;
      document.querySelector('#analyze').click();
      const poll = () => {
        const shown = document.querySelectorAll('#tabs .tab').length > tabs && document.querySelector('#text mark.fact');
        if (shown && !first) first = performance.now() - t0;
        if (shown && !document.body.dataset.busy) {
          requestAnimationFrame(() => resolve({ first, all: performance.now() - t0 }));
        } else setTimeout(poll, 5);
      };
      poll();
    }),
);
await new Promise((r) => setTimeout(r, 300));
const long = await page.evaluate(() => window.__long);
const marks = await page.evaluate(() =>
  Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
);
const stage = (a, b) => (marks[b] - marks[a]).toFixed(0);
console.log(
  `render: text ${stage('zhreport:render-start', 'zhreport:text-rendered')} ms, ` +
    `table ${stage('zhreport:text-rendered', 'zhreport:table-rendered')} ms`,
);
const facts = await page.locator('#text mark.fact').count();
console.log(
  `page: ${(bytes / 1048576).toFixed(2)} MB pasted → first facts on screen in ${first.toFixed(0)} ms, ` +
    `all ${facts} rendered in ${all.toFixed(0)} ms; ` +
    `long tasks: ${long.length}, longest ${long.length ? Math.max(...long.map((l) => l.duration)).toFixed(0) : 0} ms`,
);
// The last step begun before a time (the text, a panel, the table).
const stepAt = (time) =>
  Object.entries(marks)
    .filter(([, t]) => t <= time)
    .sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'before the render';
for (const l of long) {
  const at = (l.start - marks['zhreport:render-start']).toFixed(0);
  console.log(`  long task at ${at} ms from the render's start (${stepAt(l.start + l.duration)}), ${l.duration.toFixed(0)} ms`);
}
for (const f of await page.evaluate(() => window.__frames)) {
  if (f.duration > 50) {
    const at = (f.start - marks['zhreport:render-start']).toFixed(0);
    const step = stepAt(f.start + f.duration);
    console.log(`  long frame at ${at} ms from the render's start (${step}), ${f.duration} ms: style and layout ${f.layout} ms; scripts: ${f.scripts.join(', ') || 'none'}`);
  }
}
await browser.close();
server.close();
