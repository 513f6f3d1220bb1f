// End to end: a filter query typed in traditional characters finds what its simplified form
// finds (the report is shown mainland simplified). Run with `node --test tests/e2e/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedPage } from './browser.mjs';

const env = servedPage({ before, after });

test('a traditional query in the facts filter finds the rows the simplified one finds', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  await page.waitForFunction(() => !document.body.dataset.busy);
  const rows = () => page.locator('#facts tbody tr').count();
  await page.fill('#filter', '技术创新');
  await page.waitForFunction(() => !document.body.dataset.busy);
  const simplified = await rows();
  assert.ok(simplified > 0, 'the simplified query finds rows');
  await page.fill('#filter', '');
  await page.fill('#filter', '技術創新');
  await page.waitForFunction((n) => document.querySelectorAll('#facts tbody tr').length === n, simplified, {
    timeout: 10_000,
  });
  assert.equal(await rows(), simplified);
  assert.deepEqual(errors, []);
  await page.close();
});
