// End to end: the built page (www/, with www/pkg from scripts/build) served on loopback and
// driven in Debian's headless Chromium. Run with `node --test tests/e2e/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { servedPage } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { docx } from './docx.mjs';

const root = new URL('../../', import.meta.url);
const requests = [];
const env = servedPage({ before, after });

async function open() {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return { page, errors };
}

/** Rendering goes a frame at a time: waits until the page has shown all of a report. */
const settled = (page) => page.waitForFunction(() => !document.body.dataset.busy);

/** Waits until `n` reports have tabs and the one shown is rendered whole. */
async function shown(page, n, timeout = 30_000) {
  await page.waitForFunction((n) => document.querySelectorAll('#tabs .tab:not(.compare-tab)').length === n, n, { timeout });
  await page.waitForFunction(() => !document.body.dataset.busy, null, { timeout });
}

test('the sample report is analysed on arrival', async () => {
  const { page, errors } = await open();
  // Seed 004 is traditional with pinyin glosses: the page shows it simplified, glosses gone.
  const text = await page.textContent('#text');
  assert.match(text, /着力搭建技术创新平台/);
  assert.doesNotMatch(text, /lǐng|導/);
  assert.ok((await page.locator('#text mark.fact').count()) > 100);
  assert.equal(await page.locator('#outline .lvl-0').count(), 3);
  // The table shows a page of rows, and more as its end comes into view.
  const rows = () => page.locator('#facts tbody tr').count();
  // Pages of 30 rows come one a frame while the table's end is near the view, and stop there.
  await settled(page);
  // The count once it has held for five frames.
  const firstPage = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = -1;
        let same = 0;
        const tick = () => {
          const n = document.querySelectorAll('#facts tbody tr').length;
          if (n === last && ++same >= 5) return resolve(n);
          if (n !== last) [last, same] = [n, 0];
          requestAnimationFrame(tick);
        };
        tick();
      }),
  );
  assert.ok(firstPage >= 30, `facts table has ${firstPage} rows`);
  const total = await page.locator('#text mark.fact').count();
  assert.ok(firstPage < total, `facts table shows ${firstPage} rows of ${total} before it is scrolled`);
  await page.$eval('#facts-wrap', (w) => {
    w.scrollTop = w.scrollHeight;
  });
  await page.waitForFunction((n) => document.querySelectorAll('#facts tbody tr').length > n, firstPage);
  // Warnings read in the interface's language.
  const warnings = await page.textContent('#warnings');
  assert.match(warnings, /“22、5万人次”中的顿号应为小数点，按 225000 计/);
  assert.match(warnings, /是乱码（编码错误），无法恢复/);
  await page.click('#lang');
  await settled(page);
  assert.match(await page.textContent('#warnings'), /a 、 stands where a decimal point belongs/);
  await page.click('#lang');
  await settled(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('pasted text is analysed: facts highlighted, outline clickable, text not HTML', async () => {
  const { page, errors } = await open();
  const report = [
    '某县科技局2023年工作总结',
    '一、主要工作',
    '全年专利申请量2924件，同比增长41.7%，新认定国家高新技术企业13家。<img src=x onerror="window.pwned=1">',
    '二、2024年工作计划',
    '力争新增高新技术企业20家。',
  ].join('\n');
  await page.fill('#paste', report);
  await page.click('#analyze');
  await shown(page, 2);
  const marks = await page.locator('#text mark.fact').allTextContents();
  assert.deepEqual(marks, ['2924件', '41.7%', '13家', '20家']);
  assert.equal(await page.locator('#text mark.role-target').textContent(), '20家');
  assert.equal(await page.locator('#text mark.kind-growth').textContent(), '41.7%');
  // The markup in the report is shown as text, never run.
  assert.equal(await page.locator('#text img').count(), 0);
  assert.match(await page.textContent('#text'), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // Outline: two sections with roles, and a click brings the heading into view.
  const nodes = page.locator('#outline .node');
  assert.equal(await nodes.count(), 2);
  assert.match(await nodes.nth(1).textContent(), /2024年工作计划/);
  await nodes.nth(1).click();
  // A table row click jumps to its fact.
  await page.locator('#facts tbody tr').first().click();
  assert.equal(await page.title(), 'zhreport · 工作报告阅读器');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a report drawn over many frames keeps its "analysed" line when the drawing ends', async () => {
  const { page, errors } = await open();
  // More paragraphs than one frame draws: the status shows the drawing's progress meanwhile.
  const lines = Array.from({ length: 3000 }, (_, i) => `第${i + 1}项工作新增企业${i + 1}家，投资${i + 1}万元。`);
  await page.evaluate((t) => {
    document.querySelector('#paste').value = t;
  }, '某局工作总结\n' + lines.join('\n'));
  await page.click('#analyze');
  await shown(page, 2, 60_000);
  assert.match(await page.textContent('#meta'), /6000 项数据/);
  assert.match(await page.textContent('#status'), /^已分析 1 份报告（\d+ 毫秒）$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a GBK file picked or dropped is decoded, and a PDF is refused', async () => {
  const { page, errors } = await open();
  const gbk = await readFile(new URL('tests/fixtures/encodings/000.gbk.txt', root));
  // When the new report's title is shown, no panel may still show the sample's.
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      if (!/义乌/.test(document.querySelector('#meta .title')?.textContent ?? '')) return;
      window.panelsAtTitle = ['#outline', '#summary', '#warnings'].map((id) => document.querySelector(id).textContent);
      observer.disconnect();
    }).observe(document.querySelector('#meta'), { childList: true, subtree: true });
  });
  await page.setInputFiles('#files', { name: '000.gbk.txt', mimeType: 'text/plain', buffer: gbk });
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab:not(.compare-tab)').length === 2);
  await page.waitForFunction(() => window.panelsAtTitle);
  assert.deepEqual(await page.evaluate(() => window.panelsAtTitle), ['', '', '']);
  assert.match(await page.textContent('#meta'), /gb18030/);
  assert.match(await page.textContent('#meta .title'), /义乌市科技局、知识产权局、地震局2009年工作总结和2010年工作思路/);
  assert.match(await page.textContent('#outline'), /2010年工作思路/);

  // Drop: the same bytes through a DataTransfer, as a file manager would.
  await page.evaluate(([bytes, docxBytes]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'dropped-gbk.txt', { type: 'text/plain' }));
    dt.items.add(new File([new TextEncoder().encode('%PDF-1.7\n')], 'scan.pdf', { type: 'application/pdf' }));
    dt.items.add(new File([new Uint8Array(docxBytes)], 'dropped.docx'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [[...gbk], [...docx(['某局工作总结', '一、主要工作', '新建院士工作站3个。'])]]);
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab:not(.compare-tab)').length === 4);
  await page.waitForSelector('#errors li');
  await settled(page);
  assert.match(await page.textContent('#tabs'), /dropped-gbk\.txt/);
  assert.match(await page.textContent('#tabs'), /dropped\.docx/);
  assert.match(await page.textContent('#errors'), /scan\.pdf.*PDF/);
  // The last file analysed is shown: the .docx.
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['3个']);
  await page.locator('#tabs .tab', { hasText: 'dropped-gbk.txt' }).click();
  await settled(page);
  assert.match(await page.textContent('#text'), /1000多万元/);
  // The encoding menu re-reads the file on screen and says which, with a measured time; on the
  // sample it re-reads nothing and says it applies to the next files.
  await page.selectOption('#encoding', 'big5');
  await page.waitForFunction(() => /重新读取 dropped-gbk\.txt（\d+ 毫秒）/.test(document.querySelector('#status').textContent));
  assert.match(await page.textContent('#meta'), /big5/);
  assert.doesNotMatch(await page.textContent('#status'), /（0 毫秒）/);
  await page.locator('#tabs .tab').first().click();
  await settled(page);
  assert.equal(await page.inputValue('#encoding'), 'big5', 'the sample keeps the choice for the next files');
  const sampleText = await page.textContent('#text');
  await page.selectOption('#encoding', 'utf-16le');
  assert.match(await page.textContent('#status'), /之后选择的文件将按/);
  assert.equal(await page.textContent('#text'), sampleText);
  // Back on the file, the menu shows how it was read.
  await page.locator('#tabs .tab', { hasText: '000.gbk.txt' }).click();
  await settled(page);
  assert.equal(await page.inputValue('#encoding'), '');
  // UTF-16 big-endian without a BOM, holding 一 (U+4E00, a NUL on the other side): read.
  const text = '某县2021年工作总结\n一、主要工作\n全年新增企业12家，一是抓项目。\n';
  const be = Buffer.from(text, 'utf16le').swap16();
  await page.setInputFiles('#files', { name: 'be.txt', mimeType: 'text/plain', buffer: be });
  await page.waitForFunction(() => /be\.txt/.test(document.querySelector('#tabs').textContent));
  await settled(page);
  assert.match(await page.textContent('#meta'), /utf-16be/);
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['12家']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a .docx and an .html file are read in the page; .doc, images and PDFs get what to do', async () => {
  const { page, errors } = await open();
  const word = docx([
    '某区科技局2023年工作总结',
    '一、主要工作',
    '全年新认定高新技术企业13家，专利申请量2924件。',
    '二、2024年工作计划',
    '力争新增高新技术企业20家。',
  ]);
  await page.setInputFiles('#files', [
    { name: 'report.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: word },
    { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(
      '<html><head><meta charset="utf-8"><script>window.pwned=1</script></head><body><div>首页 &gt; 工作总结</div>' +
        '<h1>某县2023年工作总结</h1><p>一、主要工作</p><p>完成投资3.2亿元，增长8%。</p></body></html>') },
    { name: 'old.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
    { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab:not(.compare-tab)').length === 3);
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length === 2);
  await settled(page);
  const errorsText = await page.textContent('#errors');
  assert.match(errorsText, /old\.doc.*另存为 \.docx/);
  assert.match(errorsText, /scan\.png.*文字识别/);
  // The html tab is the last one analysed and is shown.
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['3.2亿元', '8%']);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.locator('#tabs .tab').nth(1).click();
  await settled(page);
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['13家', '2924件', '20家']);
  assert.match(await page.textContent('#outline'), /2024年工作计划/);
  assert.equal(await page.locator('#text mark.role-target').textContent(), '20家');
  assert.deepEqual(errors, []);
  await page.close();
});

test('reading aids: removed text on demand, outline follows the scroll, TSV copy, theme kept, keyboard', async () => {
  const { page, errors } = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // What cleaning removed: seed 004's 1,485 pinyin glosses, shown struck through.
  await page.check('#show-removed');
  await page.waitForFunction(() => !document.body.dataset.busy && document.querySelectorAll('#text del.removed').length > 1000);
  assert.equal(await page.locator('#text del.removed').first().textContent(), '(lǐng)');
  await page.uncheck('#show-removed');
  await page.waitForFunction(() => !document.body.dataset.busy && document.querySelectorAll('#text del.removed').length === 0);
  // Scrolled to the end, the outline marks a section of the last part (the one at the top of
  // the view), and none before it.
  await page.evaluate(() => {
    const box = document.querySelector('#text');
    box.scrollTop = box.scrollHeight;
  });
  await page.waitForSelector('#outline .node.current');
  const [current, lastPart] = await page.evaluate(() => [
    Number(document.querySelector('#outline .node.current').dataset.sec),
    Number([...document.querySelectorAll('#outline .node')].find((n) => n.textContent.includes('2011年工作重点')).dataset.sec),
  ]);
  assert.ok(current >= lastPart, `current section ${current}, last part ${lastPart}`);
  // Scrolled so that a middle section's heading is at the top, the outline marks that section
  // (anchors sit inside paragraphs: their offsetTop says nothing of where they are).
  const [middle, marked] = await page.evaluate(async () => {
    const box = document.querySelector('#text');
    const anchors = [...box.querySelectorAll('.anchor')];
    const a = anchors[Math.floor(anchors.length / 2)];
    box.scrollTop += a.getBoundingClientRect().top - box.getBoundingClientRect().top;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return [Number(a.dataset.sec), Number(document.querySelector('#outline .node.current')?.dataset.sec)];
  });
  assert.equal(marked, middle);
  // A click in the outline scrolls the text, not the window.
  const before = await page.evaluate(() => [window.scrollY, document.querySelector('#text').scrollTop]);
  await page.locator('#outline .node').first().click();
  await page.waitForTimeout(800);
  const after = await page.evaluate(() => [window.scrollY, document.querySelector('#text').scrollTop]);
  assert.equal(after[0], before[0], 'the window did not move');
  assert.notEqual(after[1], before[1], 'the text did');
  // The table as TSV on the clipboard: a header and one row per fact.
  await page.click('#copy-tsv');
  const tsv = await page.evaluate(() => navigator.clipboard.readText());
  const lines = tsv.split('\n');
  assert.equal(lines[0], '章节\t主体\t原文\t数值\t单位\t类型\t角色');
  const facts = await page.locator('#text mark.fact[id]').count();
  assert.equal(lines.length - 1, facts);
  // The theme is kept across a reload (the report is not).
  await page.selectOption('#theme', 'dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  // Keyboard: a table row takes focus and Enter brings its fact into view.
  await settled(page);
  await page.focus('#facts tbody tr:nth-child(3)');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#text mark.fact.flash');
  assert.deepEqual(errors, []);
  await page.close();
});

/** The cells of the compare row of `subject`, without its tick box and its split button. */
async function compareRow(page, subject) {
  const rows = await page.locator('#compare-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].slice(1, -1).map((td) => td.textContent)),
  );
  const row = rows.find((r) => r[0] === subject) ?? rows.find((r) => r[0].startsWith(subject));
  assert.ok(row, `no row ${subject} in ${JSON.stringify(rows)}`);
  return row;
}

test('compare lines up the same subject across reports; a long analysis can be cancelled', async () => {
  const { page, errors } = await open();
  for (const [year, patents, firms] of [
    [2022, 2000, 10],
    [2023, 2500, 13],
  ]) {
    await page.fill('#paste', `某局${year}年工作总结\n一、主要工作\n全年专利申请量${patents}件，新建院士工作站${firms}个。\n`);
    const before = await page.locator('#tabs .tab:not(.compare-tab)').count();
    await page.click('#analyze');
    await shown(page, before + 1);
  }
  await page.click('#tabs .compare-tab');
  await page.waitForSelector('#compare:not([hidden])');
  await page.waitForFunction(() => /对比/.test(document.querySelector('#status').textContent));
  const row = (subject) => compareRow(page, subject);
  // The sample stays out: the reader has two reports of their own.
  assert.deepEqual(await page.locator('#compare-table thead .c-period').allTextContents(), ['2022', '2023']);
  assert.deepEqual(await row('新建院士工作站'), ['新建院士工作站', '个', '10个', '13个', '', '', '+3个 (+30%)']);
  assert.deepEqual((await row('专利申请量')).slice(2, 4), ['2000件', '2500件']);
  assert.equal(await page.isHidden('#report'), true);
  // Back to a report.
  await page.locator('#tabs .tab').first().click();
  assert.equal(await page.isHidden('#compare'), true);

  // Cancel: a large paste, stopped before it is done; the page stays usable. In paragraphs:
  // Chromium 156 lays out a textarea holding one line of millions of chars for over a minute
  // (230,000 chars: 0.5 s; 920,000: 3.5 s), before any script of the page runs.
  const big = '一、主要工作\n' + '全年新增企业12家，投资3.5亿元，增长8%。\n'.repeat(150_000);
  await page.evaluate((t) => {
    document.querySelector('#paste').value = t;
  }, big);
  const tabs = await page.locator('#tabs .tab').count();
  await page.click('#analyze');
  await page.click('#cancel');
  await page.waitForFunction(() => /取消/.test(document.querySelector('#status').textContent));
  assert.equal(await page.locator('#tabs .tab').count(), tabs);
  // Emptied first: Chromium 156 takes over a minute to select and replace millions of chars in
  // a textarea, as `fill` does.
  await page.evaluate(() => {
    document.querySelector('#paste').value = '';
  });
  await page.fill('#paste', '一、主要工作\n全年新增企业7家。\n');
  await page.click('#analyze');
  await page.waitForFunction((n) => document.querySelectorAll('#tabs .tab').length === n + 1, tabs);
  await settled(page);
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['7家']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('compare: three years given out of order come in time order, a target beside its year', async () => {
  const { page, errors } = await open();
  const years = {
    2023: '某县2023年工作总结\n一、主要工作\n全县地区生产总值增长5.5%，新增城镇就业3300人。\n',
    2021: '某县2021年工作总结\n一、主要工作\n全县地区生产总值增长7.5%，新增城镇就业2800人。\n',
    2022: '某县2022年工作总结和2023年工作计划\n一、2022年工作总结\n全县地区生产总值增长5.2%，新增城镇就业3100人。\n二、2023年工作计划\n主要预期目标是：地区生产总值增长6%左右，新增城镇就业3000人以上。\n',
  };
  for (const year of [2023, 2021, 2022]) {
    await page.fill('#paste', years[year]);
    const before = await page.locator('#tabs .tab:not(.compare-tab)').count();
    await page.click('#analyze');
    await shown(page, before + 1);
  }
  await page.click('#tabs .compare-tab');
  await page.waitForFunction(() => /对比/.test(document.querySelector('#status').textContent));
  assert.deepEqual(await page.locator('#compare-table thead .c-period').allTextContents(), ['2021', '2022', '2023']);
  const jobs = await compareRow(page, '城镇就业');
  assert.deepEqual(jobs.slice(0, 5), ['城镇就业新增', '人', '2800人', '3100人目标 3000人以上', '3300人']);
  assert.equal(jobs[6], '2023年目标 3000人以上 → 3300人 ✓ 完成');
  const gdp = await compareRow(page, '地区生产总值');
  assert.equal(gdp[6], '2023年目标 6%左右 → 5.5% ✗ 未完成');
  assert.equal(gdp[7], '+0.3 个百分点');
  // Three results: a trend line with a point for each.
  assert.equal(await page.locator('#compare-table tbody tr svg.trend circle').count(), 6);
  // The reader corrects a year: the 2021 report set to 2024 moves to the end.
  await page.locator('#compare-table thead .c-year').first().fill('2024');
  await page.locator('#compare-table thead .c-year').first().dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('#compare-table thead .c-period')?.textContent === '2022');
  assert.deepEqual(await page.locator('#compare-table thead .c-period').allTextContents(), ['2022', '2023', '2024']);
  // Filter and the CSV export follow the rows shown.
  await page.click('#compare-reset');
  await page.waitForFunction(() => document.querySelector('#compare-table thead .c-period')?.textContent === '2021');
  await page.fill('#compare-filter', '就业');
  assert.equal(await page.locator('#compare-table tbody tr').count(), 1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFsubject,cue,unit,kind,2021'), csv.slice(0, 80));
  assert.equal(csv.trimEnd().split('\r\n').length, 2, csv);
  assert.match(csv, /城镇就业,新增,人,count,2800人,/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the table sorts, filters and exports a CSV that reads back', async () => {
  const { page, errors } = await open();
  await settled(page);
  // Sort by value, descending: the largest sum first.
  await page.click('#facts thead th:nth-child(4) button');
  await page.click('#facts thead th:nth-child(4) button');
  const first = await page.locator('#facts tbody tr:first-child td.c-value').textContent();
  assert.equal(first, '35,100,000,000');
  // Filter: money only, then one section.
  await page.selectOption('#filter-kind', 'money');
  const money = await page.locator('#facts tbody tr').count();
  assert.ok(money > 5 && money < 40, `${money} money rows`);
  const kinds = await page.locator('#facts tbody td.c-kind').allTextContents();
  assert.ok(kinds.every((k) => k === '金额'));
  await page.selectOption('#filter-section', { label: '三、2011年工作重点' });
  const planRows = await page.locator('#facts tbody tr').count();
  assert.ok(planRows < money);
  await page.selectOption('#filter-section', '');
  await page.selectOption('#filter-kind', '');
  // Export the CSV and read it back: BOM, header, one row per fact.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 BOM');
  const lines = csv.slice(1).trim().split('\r\n');
  assert.equal(lines[0], 'file,section,subject,text,value,max,unit,kind,role,approx');
  const facts = await page.evaluate(() => document.querySelectorAll('#text mark.fact[id]').length);
  assert.equal(lines.length - 1, facts);
  assert.ok(lines.some((l) => l.includes(',22、5万人次,225000,,人次,count,')), 'the 、-decimal fact');
  // The export follows the table's filter, as the copy does.
  await page.selectOption('#filter-kind', 'money');
  const [filtered] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const moneyLines = (await readFile(await filtered.path(), 'utf8')).slice(1).trim().split('\r\n');
  assert.equal(moneyLines.length - 1, money);
  assert.ok(moneyLines.slice(1).every((l) => l.includes(',money,')));
  await page.selectOption('#filter-kind', '');
  // Keyboard focus on a fact shows its details.
  await page.focus('#text mark.fact');
  await page.keyboard.press('Tab');
  await page.waitForSelector('#tip:not([hidden])');
  assert.match(await page.textContent('#tip'), /数值/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: paste, analyse, reach the file picker, switch tabs', async () => {
  const { page, errors } = await open();
  await page.focus('#paste');
  await page.keyboard.insertText('一、主要工作\n全年新增企业12家。\n');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'analyze');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#tabs .tab:not(.compare-tab)').length === 2);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'files');
  // The picker shows its focus on its visible label.
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector('.file-pick')).outlineStyle);
  assert.equal(outline, 'solid');
  // Tabs are buttons: focus the sample's and press Enter.
  await page.focus('#tabs .tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#text mark.fact').length > 100);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile pasted text stays text; an oversized file is refused with the limit named', async () => {
  const { page, errors } = await open();
  const hostile = [
    '恶意测试工作总结',
    '<script>window.pwned = 1</script><b onmouseover="window.pwned=2">粗体</b>',
    '"><svg onload="window.pwned=3">全年完成12项。',
    'RTL\u202E覆盖\u202C与\u2066隔离\u2069控制符',
    '长行' + '科技'.repeat(50_000) + '共完成8家。',
  ].join('\n');
  await page.evaluate((text) => {
    document.querySelector('#paste').value = text;
  }, hostile);
  await page.click('#analyze');
  await shown(page, 2, 60_000);
  const text = await page.textContent('#text');
  assert.match(text, /<script>window\.pwned = 1<\/script>/);
  assert.match(text, /<svg onload=/);
  assert.doesNotMatch(text, /[\u202A-\u202E\u2066-\u2069]/, 'bidi controls are removed, and logged');
  assert.equal(await page.locator('#text script, #text svg, #text b').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['12项', '8家']);

  await page.setInputFiles('#files', {
    name: 'huge.txt',
    mimeType: 'text/plain',
    buffer: Buffer.alloc(21 * 1024 * 1024, 0x41),
  });
  await page.waitForSelector('#errors li');
  assert.match(await page.textContent('#errors'), /huge\.txt.*20 MB/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a paste with a line of millions of chars is analysed without filling the box', async () => {
  const { page, errors } = await open();
  // Chromium takes over a minute to lay out such a line in a textarea: the page keeps it out.
  const long = '某县2023年工作总结\n一、主要工作\n全年完成12项，' + '科技'.repeat(1_500_000) + '共完成8家。\n';
  const t0 = Date.now();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const box = document.querySelector('#paste');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, long);
  await shown(page, 2, 60_000);
  assert.equal(await page.inputValue('#paste'), '');
  assert.match(await page.textContent('#status'), /3000014/);
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['12项', '8家']);
  // A short paste still goes into the box, for editing before analysis.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '短文本');
    document.querySelector('#paste').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.locator('#tabs .tab:not(.compare-tab)').count(), 2);
  console.log(`long paste analysed and shown in ${Date.now() - t0} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('offline: after one visit the page loads and analyses with the server gone', async () => {
  const own = await serve({ port: 0 });
  const url = `http://127.0.0.1:${own.address().port}/`;
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-offline="ready"]', { timeout: 60_000 });
  assert.match(await page.textContent('#offline'), /离线/);
  own.closeAllConnections();
  await new Promise((resolve) => own.close(resolve));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  assert.ok((await page.locator('#text mark.fact').count()) > 100, 'the sample is analysed offline');
  await page.fill('#paste', '一、主要工作\n全年新增企业12家。\n');
  await page.click('#analyze');
  await shown(page, 2);
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['12家']);
  await context.close();
});

test("the interface follows the browser's language until the reader chooses one", async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(env.base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  assert.equal(await page.textContent('#lang'), '中文');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // The reader's choice is kept over the browser's.
  await page.click('#lang');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  assert.equal(await page.textContent('#lang'), 'English');
  await context.close();
});

test('the page asks nothing of any other host', () => {
  const foreign = requests.filter((u) => !u.startsWith(env.base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
});
