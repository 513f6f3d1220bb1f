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

test('a traditional query in the compare filter finds the rows the simplified one finds', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  for (const year of [2021, 2022]) {
    await page.fill('#paste', `某县${year}年工作总结\n一、主要工作\n全县地区生产总值增长5.5%，新增城镇就业3300人。\n`);
    const before = await page.locator('#tabs .tab:not(.compare-tab)').count();
    await page.click('#analyze');
    await page.waitForFunction((n) => document.querySelectorAll('#tabs .tab:not(.compare-tab)').length === n, before + 1);
    await page.waitForFunction(() => !document.body.dataset.busy);
  }
  await page.click('#tabs .compare-tab');
  await page.waitForFunction(() => /对比/.test(document.querySelector('#status').textContent));
  const rows = () => page.locator('#compare-table tbody tr').count();
  const all = await rows();
  await page.fill('#compare-filter', '就业');
  assert.equal(await rows(), 1);
  assert.ok(all > 1);
  await page.fill('#compare-filter', '');
  await page.fill('#compare-filter', '就業');
  await page.waitForFunction(() => document.querySelectorAll('#compare-table tbody tr').length === 1, null, {
    timeout: 10_000,
  });
  assert.match(await page.locator('#compare-table tbody tr').first().textContent(), /城镇就业/);
  assert.deepEqual(errors, []);
  await page.close();
});
