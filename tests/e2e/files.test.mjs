// End to end, the files a reader picks: a .docx read in the worker (bounded inflating, Word's
// list numbering rebuilt), a saved web page stripped of its site, an empty file. The built
// page (www/, with www/pkg from scripts/build) in Debian's headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedPage } from './browser.mjs';
import { docx, zip } from './docx.mjs';

const env = servedPage({ before, after });

async function open() {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  await page.waitForFunction(() => !document.body.dataset.busy);
  return { page, errors };
}

/** Waits until `n` reports have tabs and the one shown is rendered whole. */
async function shown(page, n, timeout = 30_000) {
  await page.waitForFunction((n) => document.querySelectorAll('#tabs .tab:not(.compare-tab)').length === n, n, { timeout });
  await page.waitForFunction(() => !document.body.dataset.busy, null, { timeout });
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a .docx that inflates to 200 MB is refused with the limit named, and the page keeps answering', async () => {
  const { page, errors } = await open();
  // A zip bomb: a document.xml of 200 MB of one char, deflated to about 200 KB. One states
  // its size in the zip's directory; the other claims 1000 bytes, so only counting what
  // comes out of the inflater stops it.
  const xml = Buffer.concat([
    Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'),
    Buffer.alloc(200 * 1024 * 1024, 0x41),
    Buffer.from('</w:t></w:r></w:p></w:body></w:document>'),
  ]);
  const bomb = zip([['word/document.xml', xml]]);
  const liar = Buffer.from(bomb);
  liar.writeUInt32LE(1000, liar.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  // The probe: from the moment the page gets the files (their change event) until the messages
  // show, a timer every 10 ms records the longest time between two of its runs, and the Long
  // Tasks API the longest task the page's thread ran. A thread that inflates and parses the
  // XML itself (as the page did) shows a gap of seconds; one that hands the file to its worker
  // shows the gaps of an idle page. (Setting the files is Playwright's own task: it comes
  // before the change event and is not counted.)
  await page.evaluate(() => {
    const probe = (window.probe = { maxGap: 0, longest: 0, ticks: 0, stop: false, from: Infinity });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= probe.from) probe.longest = Math.max(probe.longest, e.duration);
    }).observe({ type: 'longtask' });
    let last = 0;
    const tick = () => {
      const now = performance.now();
      probe.maxGap = Math.max(probe.maxGap, now - last);
      last = now;
      probe.ticks++;
      if (!probe.stop) setTimeout(tick, 10);
    };
    document.querySelector('#files').addEventListener(
      'change',
      () => {
        probe.from = last = performance.now();
        setTimeout(tick, 10);
      },
      { capture: true, once: true },
    );
  });
  await page.setInputFiles('#files', [
    { name: 'bomb.docx', mimeType: DOCX, buffer: bomb },
    { name: 'liar.docx', mimeType: DOCX, buffer: liar },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length === 2, null, { timeout: 60_000 });
  const probe = await page.evaluate(() => {
    window.probe.stop = true;
    return window.probe;
  });
  const messages = await page.locator('#errors li').allTextContents();
  assert.match(messages[0], /^无法分析 bomb\.docx：文件中的 word\/document\.xml 解压后超过 50 MB 的上限/);
  assert.match(messages[1], /^无法分析 liar\.docx：文件中的 word\/document\.xml 解压后超过 50 MB 的上限/);
  assert.doesNotMatch(messages.join(' '), /fetch/i);
  // No tab was opened for either.
  assert.equal(await page.locator('#tabs .tab:not(.compare-tab)').count(), 1);
  assert.ok(probe.ticks > 3, `the probe ran ${probe.ticks} times`);
  assert.ok(probe.maxGap < 250, `the page's thread went ${Math.round(probe.maxGap)} ms without running the probe`);
  assert.ok(probe.longest < 150, `the page's longest task took ${Math.round(probe.longest)} ms`);
  // The same message in English.
  await page.click('#lang');
  await page.setInputFiles('#files', { name: 'bomb.docx', mimeType: DOCX, buffer: bomb });
  await page.waitForFunction(() => /limit of 50 MB/.test(document.querySelector('#errors').textContent), null, { timeout: 60_000 });
  await page.click('#lang');
  assert.deepEqual(errors, []);
  await page.close();
});

test("a .docx whose headings Word numbers gives the outline its markers", async () => {
  const { page, errors } = await open();
  // Headings numbered by their styles (Heading 1 and 2 carry the list in styles.xml) and
  // paragraphs numbered by a list of their own (w:numPr): the numbers are in no w:t.
  const numbering = [
    {
      levels: [
        { fmt: 'chineseCounting', text: '%1、', style: 'Heading1' },
        { fmt: 'chineseCounting', text: '（%2）', style: '2' },
        { fmt: 'decimal', text: '%3.' },
        { fmt: 'ideographTraditional', text: '%4、' },
      ],
    },
    { levels: [{ fmt: 'decimalEnclosedCircle', text: '%1' }, { fmt: 'chineseCountingThousand', text: '第%2条' }] },
  ];
  const styles = [
    { id: 'Heading1', name: 'heading 1', numId: 1 },
    // Chinese Word names its styles 标题 1, 标题 2 with ids of digits; the level comes from the
    // list's w:pStyle, the list from the style it is based on.
    { id: '2', name: 'heading 2', basedOn: 'Heading1', numId: 1, ilvl: 1 },
  ];
  const word = docx(
    [
      '某区科技局2023年工作总结',
      { text: '主要工作', style: 'Heading1' },
      { text: '科技创新', style: '2' },
      { text: '加强平台建设', numId: 1, ilvl: 2 },
      '新建院士工作站3个，增长20%。',
      { text: '院士工作站', numId: 1, ilvl: 3 },
      { text: '博士后工作站', numId: 1, ilvl: 3 },
      { text: '人才引进', style: '2' },
      { text: '引进博士', numId: 1, ilvl: 2 },
      '全年引进博士12名。',
      { text: '2024年工作计划', style: 'Heading1' },
      '力争新增高新技术企业20家。',
      { text: '其一', numId: 2, ilvl: 0 },
      { text: '其二', numId: 2, ilvl: 1 },
      { text: '其三', numId: 2, ilvl: 1 },
    ],
    { numbering, styles },
  );
  await page.setInputFiles('#files', { name: 'numbered.docx', mimeType: DOCX, buffer: word });
  await shown(page, 2);
  const outline = await page.locator('#outline .node').evaluateAll((nodes) =>
    nodes.map((n) => `${n.querySelector('.marker')?.textContent ?? ''}${n.querySelector('.label')?.textContent ?? ''}`),
  );
  assert.deepEqual(outline.slice(0, 6), ['一、主要工作', '（一）科技创新', '1.加强平台建设', '（二）人才引进', '1.引进博士', '二、2024年工作计划']);
  const text = await page.textContent('#text');
  for (const line of ['甲、院士工作站', '乙、博士后工作站', '① 其一', '第一条其二', '第二条其三']) assert.ok(text.includes(line), line);
  assert.match(await page.textContent('#meta'), /某区科技局2023年工作总结/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a saved web page gives its report: the title its own, no navigation, ad or side bar', async () => {
  const { page, errors } = await open();
  const html = `<!doctype html><html><head><meta charset="utf-8">
<title>某县2023年政府工作报告_某某县人民政府网</title>
<style>.ad{color:red}</style><script>window.pwned = 1</script></head><body>
<header><div class="logo">某某县人民政府网</div><div class="search">站内搜索</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bg">政府工作报告</a></li><li><a href="/hd">政民互动</a></li></ul></nav>
<div class="ad">限时特惠：智能手机仅售1999元，已售出8000台，<a href="//shop">立即抢购</a></div>
<div class="layout">
<aside><h3>相关报告</h3><ul>
<li><a href="/2022">某县2022年政府工作报告</a></li><li><a href="/2021">某县2021年政府工作报告</a></li><li><a href="/2020">某县2020年政府工作报告，地区生产总值增长9%</a></li>
</ul></aside>
<article>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/bg">政府工作报告</a></div>
<h1>某县2023年政府工作报告</h1>
<div class="info">发布时间：2024-01-05　来源：县政府办公室</div>
<p>各位代表：</p>
<p>现在，我代表县人民政府，向大会报告政府工作，请予审议。</p>
<p>一、2023年工作回顾</p>
<p>全县地区生产总值完成268.5亿元，增长6.1%。<br>城镇新增就业3200人。</p>
<table><tr><th>指标</th><th>完成</th></tr><tr><td>粮食产量</td><td>35万吨</td></tr></table>
<p>二、2024年主要目标</p>
<p>地区生产总值增长6%左右。</p>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
</article>
</div>
<footer><p>版权所有：某某县人民政府办公室　备案号：某ICP备12345678号</p><p><a href="/about">关于我们</a> | <a href="/map">网站地图</a></p></footer>
</body></html>`;
  await page.setInputFiles('#files', { name: 'saved.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await shown(page, 2);
  assert.equal(await page.textContent('#meta .title'), '某县2023年政府工作报告');
  const text = await page.innerText('#text');
  for (const furniture of ['政民互动', '站内搜索', '1999元', '立即抢购', '相关报告', '2022年政府工作报告', '版权所有', '网站地图', '微博', '政务公开']) {
    assert.ok(!text.includes(furniture), `the text holds ${furniture}`);
  }
  // Paragraphs, <br> and table rows make lines; a row's cells stay on its line (the page
  // puts a tab between them, which the core's cleaning takes out between Han and digits).
  assert.match(text, /^某县2023年政府工作报告\n各位代表：\n/);
  assert.match(text, /增长6\.1%。\n城镇新增就业3200人。\n/);
  assert.match(text, /\n粮食产量\s?35万吨\n/);
  const facts = await page.locator('#text mark.fact').allTextContents();
  assert.deepEqual(facts, ['268.5亿元', '6.1%', '3200人', '35万吨', '6%左右']);
  assert.equal(await page.evaluate(() => window.pwned), undefined);

  // A page of the older kind: no article, no main, tables and divs; no <h1>, a <title> with
  // the site's name after a dash. The report is the block where the prose is densest.
  const old = `<html><head><meta charset="utf-8"><title>某镇2023年工作总结 - 某某镇人民政府</title></head><body>
<table width="100%"><tr><td><img src="logo.gif"><a href="/">网站首页</a> | <a href="/news">乡镇动态</a> | <a href="/open">信息公开</a></td></tr></table>
<table width="1000"><tr>
<td width="200" valign="top"><div class="menu"><a href="/a">镇情概况</a><br><a href="/b">领导信息</a><br><a href="/c">机构设置</a></div>
<div class="hot">热线电话：12345，欢迎来电咨询服务事项</div></td>
<td valign="top"><div class="title">某镇2023年工作总结</div>
<div id="zoom">
<p>　　2023年，全镇上下坚持稳中求进工作总基调，经济社会发展取得新成效。</p>
<p>　　一、经济运行稳中有进</p>
<p>　　全年完成固定资产投资12.6亿元，同比增长8.5%，新增规上企业5家。</p>
<p>　　二、民生保障持续加强</p>
<p>　　新改建农村道路23公里，城乡居民医保参保率达到98%以上。</p>
</div></td></tr></table>
<div class="foot">主办：某某镇人民政府　地址：某某路1号　电话：0000-1234567</div>
</body></html>`;
  await page.setInputFiles('#files', { name: 'old.htm', mimeType: 'text/html', buffer: Buffer.from(old) });
  await shown(page, 3);
  assert.equal(await page.textContent('#meta .title'), '某镇2023年工作总结');
  const oldText = await page.innerText('#text');
  for (const furniture of ['网站首页', '镇情概况', '热线电话', '主办', '人民政府']) assert.ok(!oldText.includes(furniture), `the text holds ${furniture}`);
  assert.deepEqual(await page.locator('#text mark.fact').allTextContents(), ['12.6亿元', '8.5%', '5家', '23公里', '98%以上']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an empty file gets a message, not an empty tab', async () => {
  const { page, errors } = await open();
  await page.setInputFiles('#files', [
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'blank.docx', mimeType: DOCX, buffer: docx(['', '  ']) },
    { name: 'blank.html', mimeType: 'text/html', buffer: Buffer.from('<html><body><nav><a href="/">首页</a></nav></body></html>') },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length === 3);
  assert.deepEqual(await page.locator('#errors li').allTextContents(), [
    '无法分析 empty.txt：文件是空的（0 字节）。',
    '无法分析 blank.docx：文件中没有文字。',
    '无法分析 blank.html：文件中没有文字。',
  ]);
  assert.equal(await page.locator('#tabs .tab:not(.compare-tab)').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});
