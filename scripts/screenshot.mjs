// Takes screenshots of the served page with the sample report analysed:
//   node scripts/screenshot.mjs [out.png] [--width 1440] [--height 1000] [--dark] [--print] [--full]
//                               [--lang en] [--url http://127.0.0.1:8080/]
// Starts its own server on a free port unless --url is given.
import { launch } from '../tests/e2e/browser.mjs';
import { serve } from './serve.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'docs/screenshot.png';
let url = arg('--url');
let server;
if (!url) {
  server = await serve({ port: 0 });
  url = `http://127.0.0.1:${server.address().port}/`;
}
const browser = await launch();
const page = await browser.newPage({
  locale: 'zh-CN',
  viewport: { width: Number(arg('--width', 1440)), height: Number(arg('--height', 1000)) },
  colorScheme: process.argv.includes('--dark') ? 'dark' : 'light',
});
await page.goto(url);
await page.waitForSelector('body[data-ready="true"]');
await page.waitForSelector('#text mark.fact');
if (arg('--lang') === 'en') await page.click('#lang');
if (process.argv.includes('--print')) await page.emulateMedia({ media: 'print' });
await page.waitForFunction(() => !document.body.dataset.busy);
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
console.log(`screenshot: ${out}`);
await browser.close();
server?.close();
