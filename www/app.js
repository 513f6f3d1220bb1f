// The zhreport page: input (paste, pick, drop), tabs, the reading view, the outline, the
// facts table, warnings and the cleaning log. Report text is data: it reaches the page only
// through textContent and DOM nodes, never as HTML.
//
// Offsets in the Report from the wasm binding are UTF-16 code units, so text.slice(start, end)
// is the span.

import { readInput, RefusedError } from './extract.js';
import { textField, numberField, csvFile } from './csv.js';

const $ = (sel) => document.querySelector(sel);

/** The largest input the page takes: far above any report, below what would exhaust memory. */
const MAX_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------------------------------
// Language

const STRINGS = {
  zh: {
    tagline: '工作报告阅读器',
    privacy: '报告只在本机浏览器中处理，不会上传。',
    pastePlaceholder: '在此粘贴报告全文，或把文件拖到页面上……',
    analyze: '分析粘贴的文本',
    pick: '选择文件',
    encoding: '编码',
    auto: '自动识别',
    outline: '提纲',
    warnings: '提示',
    cleaning: '清理记录',
    facts: '数据',
    filter: '筛选……',
    allKinds: '全部类型',
    allRoles: '成果与目标',
    allSections: '全部章节',
    working: '正在分析……',
    stage: { read: '正在读取文件……', decode: '正在识别编码……', clean: '正在清理与转换……', outline: '正在生成提纲……', facts: '正在识别数据……', checks: '正在检查……' },
    done: (n, ms) => `已分析 ${n} 份报告（${ms} 毫秒）`,
    failed: (name, msg) => `无法分析 ${name}：${msg}`,
    pasted: (n) => `粘贴的文本 ${n}`,
    sample: '示例报告',
    nothingToPaste: '请先粘贴报告文本。',
    longPaste: (n) => `粘贴的文本有一行长达 ${n} 字，输入框无法流畅显示，已直接分析`,
    tooLarge: (mb) => `文件过大（${mb} MB）：上限为 20 MB。请拆分后再分析。`,
    fileError: {
      empty: '文件是空的（0 字节）。',
      noText: '文件中没有文字。',
      inflateLimit: (entry, mb) => `文件中的 ${entry} 解压后超过 ${mb} MB 的上限，已停止读取：文件可能已损坏或被恶意构造。`,
      textTooLarge: (mb) => `文件中的文字过多（${mb} MB）：上限为 20 MB。请拆分后再分析。`,
      notDocx: '这不是有效的 .docx 文件（没有 word/document.xml）：请在 Word 或 WPS 中重新另存为 .docx。',
      compression: (m) => `文件使用了不支持的压缩方式（${m}）：请在 Word 或 WPS 中重新另存为 .docx。`,
      corrupt: (entry) => `文件已损坏：${entry} 无法解压。`,
    },
    refused: {
      doc: '这是旧版 Word 文件（.doc/.wps/.rtf）：请在 Word 或 WPS 中另存为 .docx 或 .txt 后再试。',
      pdf: 'PDF 无法直接读取：请在阅读器中全选并复制文字后粘贴到上方，或另存为文本文件。',
      image: '图片中的文字需先经文字识别（OCR）转成文本，再粘贴到上方。',
      sheet: '这是表格文件：请把报告正文另存为 .txt 或 .docx。',
      slides: '这是演示文稿：请把报告正文另存为 .txt 或 .docx。',
      archive: '这是压缩包：请先解压，再选择其中的报告文件。',
    },
    noOutline: '未找到标题层级。',
    noWarnings: '没有需要注意的地方。',
    noCleaning: '原文无需清理。',
    untitled: '（无标题）',
    meta: (r) => `${r.source.name ?? '粘贴的文本'} · ${r.source.encoding} · ${SCRIPT.zh[r.source.script]} · ${r.source.bytes} 字节`,
    counts: (r) => `${r.sections.length} 个标题 · ${r.facts.length} 项数据 · ${r.warnings.length} 条提示`,
    cols: { section: '章节', subject: '主体', text: '原文', value: '数值', unit: '单位', kind: '类型', role: '角色' },
    kind: { count: '计数', money: '金额', percent: '比例', growth: '增减', measure: '度量' },
    role: { achievement: '成果', target: '目标' },
    approx: { more: '以上/多', about: '约', less: '不足' },
    sectionRole: { review: '回顾', plan: '计划', problems: '问题', other: '' },
    warnKind: { sum_mismatch: '合计不符', missing_number: '缺失数字', missing_unit: '缺失单位', masked_number: '数字被遮盖', garbled: '乱码', date_anomaly: '日期异常', decimal_comma: '顿号作小数点' },
    cleanKind: { boilerplate: '网站杂项', page_marker: '分页标记', page_number: '页码', spacing: '空格', pinyin: '拼音注音', width: '全角字符', duplicate: '重复内容', control: '控制字符', wrap: '断行' },
    removed: '删除', inserted: '替换为',
    subjectLabel: '主体', valueLabel: '数值', roleLabel: '角色', approxLabel: '约数',
    legendTarget: '虚线框：目标/计划', legendAchievement: '实底：成果',
    theme: '配色', themeAuto: '跟随系统', themeLight: '浅色', themeDark: '深色',
    summary: '概览', showRemoved: '在正文中显示清理掉的内容', copyTsv: '复制为表格', copied: (n) => `已复制 ${n} 行，可直接粘贴到表格软件`,
    compare: '对比', compareTitle: '各报告中相同主体的数据', compareNone: '没有在两份以上报告中都出现的主体。',
    encodingNext: (enc) => `之后选择的文件将按“${enc}”读取（示例与粘贴的文本不受影响）`, reread: (name, enc, ms) => `已按“${enc}”重新读取 ${name}（${ms} 毫秒）`,
    compared: (n, rows) => `已对比 ${n} 份报告：${rows} 行`, points: ' 个百分点', checkOf: (y) => `${y}年目标`, met: '✓ 完成', missed: '✗ 未完成',
    noPeriod: '年份不明', setYear: '设定该报告的年份', trend: '趋势', checks: '目标与实际', pickRow: '选中以合并', split: '拆分', splitHint: '各报告的数据分行显示',
    compareNote: '按时间排列；年份取自标题与正文，可在列首改正。勾选两行后可合并，误配的行可拆分。',
    compareFilter: '筛选主体……', compareOnlyChecks: '只看有目标对照的行', sortBy: '排序', sortAsGiven: '按匹配顺序', sortSubject: '按主体', sortFilled: '按覆盖报告数',
    pinPicked: '合并所选行', resetAdjust: '撤销改正',
    change: '变化', cancel: '取消', cancelled: '已取消。', rendering: (p) => `正在显示……${p}%`,
    offlineReady: '已可离线使用', updateReady: '有新版本，点击更新',
    byKind: '按类型', byRole: '成果与目标', largest: '最大金额', busiest: '成果最多的章节', perSection: '各部分的数据',
  },
  en: {
    tagline: 'work report reader',
    privacy: 'Reports are processed in this browser only and never uploaded.',
    pastePlaceholder: 'Paste a report here, or drop files on the page…',
    analyze: 'Analyse pasted text',
    pick: 'Pick files',
    encoding: 'Encoding',
    auto: 'Detect',
    outline: 'Outline',
    warnings: 'Warnings',
    cleaning: 'Cleaning log',
    facts: 'Facts',
    filter: 'Filter…',
    allKinds: 'All kinds',
    allRoles: 'Results and targets',
    allSections: 'All sections',
    working: 'Analysing…',
    stage: { read: 'Reading the file…', decode: 'Decoding…', clean: 'Cleaning and converting…', outline: 'Outlining…', facts: 'Finding facts…', checks: 'Checking…' },
    done: (n, ms) => `Analysed ${n} report(s) (${ms} ms)`,
    failed: (name, msg) => `Could not analyse ${name}: ${msg}`,
    pasted: (n) => `Pasted text ${n}`,
    sample: 'Sample report',
    nothingToPaste: 'Paste a report first.',
    longPaste: (n) => `the pasted text has a line of ${n} chars, too long for the box to show: analysed as pasted`,
    tooLarge: (mb) => `Too large (${mb} MB): the limit is 20 MB. Split it and analyse the parts.`,
    fileError: {
      empty: 'The file is empty (0 bytes).',
      noText: 'The file holds no text.',
      inflateLimit: (entry, mb) => `its ${entry} inflates past the limit of ${mb} MB, so reading stopped: the file may be damaged or built to exhaust memory.`,
      textTooLarge: (mb) => `Too much text in the file (${mb} MB): the limit is 20 MB. Split it and analyse the parts.`,
      notDocx: 'Not a valid .docx (no word/document.xml): save it again as .docx in Word or WPS.',
      compression: (m) => `The file uses a compression the page cannot read (${m}): save it again as .docx in Word or WPS.`,
      corrupt: (entry) => `The file is damaged: ${entry} does not inflate.`,
    },
    refused: {
      doc: 'An old Word file (.doc/.wps/.rtf): save it as .docx or .txt in Word or WPS and try again.',
      pdf: 'A PDF cannot be read directly: select all its text in a PDF reader, copy and paste it above, or save it as text.',
      image: 'Text in an image needs OCR first; paste the recognised text above.',
      sheet: 'A spreadsheet: save the report text as .txt or .docx.',
      slides: 'A presentation: save the report text as .txt or .docx.',
      archive: 'An archive: unpack it and pick the report files inside.',
    },
    noOutline: 'No headings found.',
    noWarnings: 'Nothing to flag.',
    noCleaning: 'Nothing needed cleaning.',
    untitled: '(untitled)',
    meta: (r) => `${r.source.name ?? 'pasted text'} · ${r.source.encoding} · ${SCRIPT.en[r.source.script] ?? r.source.script} · ${r.source.bytes} bytes`,
    counts: (r) => `${r.sections.length} headings · ${r.facts.length} facts · ${r.warnings.length} warnings`,
    cols: { section: 'Section', subject: 'Subject', text: 'Text', value: 'Value', unit: 'Unit', kind: 'Kind', role: 'Role' },
    kind: { count: 'count', money: 'money', percent: 'percent', growth: 'growth', measure: 'measure' },
    role: { achievement: 'result', target: 'target' },
    approx: { more: 'more than', about: 'about', less: 'less than' },
    sectionRole: { review: 'review', plan: 'plan', problems: 'problems', other: '' },
    warnKind: { sum_mismatch: 'sum mismatch', missing_number: 'missing number', missing_unit: 'missing unit', masked_number: 'masked number', garbled: 'garbled', date_anomaly: 'date anomaly', decimal_comma: 'decimal comma' },
    cleanKind: { boilerplate: 'site chrome', page_marker: 'page marker', page_number: 'page number', spacing: 'spacing', pinyin: 'pinyin gloss', width: 'full-width', duplicate: 'duplicate', control: 'control char', wrap: 'line wrap' },
    removed: 'removed', inserted: 'replaced by',
    subjectLabel: 'subject', valueLabel: 'value', roleLabel: 'role', approxLabel: 'approx.',
    legendTarget: 'dashed: target / plan', legendAchievement: 'filled: result',
    theme: 'Theme', themeAuto: 'System', themeLight: 'Light', themeDark: 'Dark',
    summary: 'Summary', showRemoved: 'Show what cleaning removed, in the text', copyTsv: 'Copy as table', copied: (n) => `Copied ${n} rows: paste them into a spreadsheet`,
    compare: 'Compare', compareTitle: 'Facts with the same subject across reports', compareNone: 'No subject appears in two or more reports.',
    encodingNext: (enc) => `Files picked next will be read as “${enc}” (the sample and pasted text are not files)`, reread: (name, enc, ms) => `Read ${name} again as “${enc}” (${ms} ms)`,
    compared: (n, rows) => `Compared ${n} reports: ${rows} rows`, points: ' points', checkOf: (y) => `${y} target`, met: '✓ met', missed: '✗ missed',
    noPeriod: 'year unknown', setYear: 'Set the year of this report', trend: 'Trend', checks: 'Target vs result', pickRow: 'Tick to merge', split: 'Split', splitHint: 'Show each report\'s facts in rows of their own',
    compareNote: 'In time order; years come from titles and text and can be corrected at the head of a column. Tick two rows to merge them; split a wrong match.',
    compareFilter: 'Filter subjects…', compareOnlyChecks: 'Only rows with a target check', sortBy: 'Sort', sortAsGiven: 'As matched', sortSubject: 'By subject', sortFilled: 'By reports covered',
    pinPicked: 'Merge ticked rows', resetAdjust: 'Undo corrections',
    change: 'Change', cancel: 'Cancel', cancelled: 'Cancelled.', rendering: (p) => `Rendering… ${p}%`,
    offlineReady: 'Ready offline', updateReady: 'New version: click to update',
    byKind: 'By kind', byRole: 'Results and targets', largest: 'Largest sums', busiest: 'Sections with most results', perSection: 'Facts per part',
  },
};
const SCRIPT = {
  zh: { simplified: '简体', traditional: '繁体', mixed: '繁简混合' },
  en: { simplified: 'simplified', traditional: 'traditional', mixed: 'mixed script' },
};

// The reader's choice, else the browser's: Chinese when any of its languages is Chinese.
const browserLang = () => ((navigator.languages?.length ? navigator.languages : [navigator.language]).some((l) => /^zh\b/i.test(l ?? '')) ? 'zh' : 'en');
let lang = localStorage.getItem('zhreport.lang') ?? browserLang();
if (lang !== 'en') lang = 'zh';
const t = (key) => STRINGS[lang][key];

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  $('#lang').textContent = lang === 'zh' ? 'English' : '中文';
  fillFilterOptions();
  if (current()) render(current());
}

// ---------------------------------------------------------------------------------------
// Worker

let worker = startWorker();
let nextId = 1;
const pending = new Map();

function startWorker() {
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  w.onmessage = onWorkerMessage;
  return w;
}

class CancelledError extends Error {}

/** Stops the analysis under way: the worker is replaced, its pending work rejected. */
function cancelWork() {
  worker.terminate();
  for (const p of pending.values()) p.reject(new CancelledError());
  pending.clear();
  worker = startWorker();
  renderToken++;
  delete document.body.dataset.busy;
  setStatus(t('cancelled'));
  $('#cancel').hidden = true;
}

function onWorkerMessage(e) {
  const { id } = e.data;
  const p = pending.get(id);
  if (!p) return;
  if (e.data.stage) {
    showProgress(t('stage')[e.data.stage] ?? t('working'));
    return;
  }
  if (e.data.field) {
    (p.parts[e.data.field] ??= []).push(e.data.part);
    return;
  }
  pending.delete(id);
  if (e.data.ok) {
    for (const [field, parts] of Object.entries(p.parts)) e.data.report[field] = parts.flat();
    p.resolve(e.data);
  }
  else p.reject(Object.assign(new Error(e.data.error), { code: e.data.code, args: e.data.args }));
  if (!pending.size) $('#cancel').hidden = true;
}

function run(message, transfer = []) {
  const id = nextId++;
  $('#cancel').hidden = false;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, parts: {} });
    worker.postMessage({ ...message, id }, transfer);
  });
}

// Filter queries in simplified characters: raw query -> converted, filled by the worker.
const simplifiedCache = new Map();
const simplified = (q) => simplifiedCache.get(q) ?? q;
function askSimplified(q, then) {
  // Only text holding Han characters can change; the cache stays small.
  if (!q || simplifiedCache.has(q) || !/\p{Script=Han}/u.test(q)) return;
  if (simplifiedCache.size > 200) simplifiedCache.clear();
  const id = nextId++;
  new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, parts: {} });
    worker.postMessage({ type: 'simplify', text: q, id });
  }).then(
    (reply) => {
      simplifiedCache.set(q, reply.text);
      if (reply.text !== q) then();
    },
    () => {},
  );
}

// ---------------------------------------------------------------------------------------
// Documents (one tab each)

const docs = []; // {label, report, bytes?, name, encoding}
let active = -1;
let pasteCount = 0;
const current = () => docs[active]?.report;

// The status line: a settled message (analysed, cancelled, copied) stays; progress (working,
// a stage, drawing N%) shows over it and gives way to it again when the drawing ends.
let settledStatus = '';
function setStatus(text) {
  settledStatus = text;
  $('#status').textContent = text;
}
function showProgress(text) {
  $('#status').textContent = text;
}

function showError(text) {
  const li = document.createElement('li');
  li.textContent = text;
  $('#errors').append(li);
}

async function analyzeFiles(files) {
  $('#errors').replaceChildren();
  showProgress(t('working'));
  const t0 = performance.now();
  let ok = 0;
  for (const file of files) {
    try {
      if (file.size > MAX_BYTES) throw new Error(t('tooLarge')((file.size / 1048576).toFixed(1)));
      if (file.size === 0) throw new FileError('empty');
      const input = await readInput(file);
      const doc =
        input.kind === 'bytes'
          ? { label: file.name, name: file.name, bytes: input.bytes, encoding: $('#encoding').value }
          : input.kind === 'docx'
            ? { label: file.name, name: file.name, docx: input.bytes }
            : { label: file.name, name: file.name, text: input.text };
      if (doc.text !== undefined && !doc.text.trim()) throw new FileError('noText');
      await analyzeDoc(doc);
      if (!doc.report.text.trim()) throw new FileError('noText');
      docs.push(doc);
      ok += 1;
      select(docs.length - 1);
    } catch (err) {
      if (err instanceof CancelledError) return;
      const why = err instanceof RefusedError ? t('refused')[err.what] : fileErrorText(err);
      showError(t('failed')(file.name, why));
    }
  }
  setStatus(t('done')(ok, Math.round(performance.now() - t0)));
}

/** A file the page will not read, with a message of `fileError` (its code and arguments). */
class FileError extends Error {
  constructor(code, ...args) {
    super(code);
    this.code = code;
    this.args = args;
  }
}

/** The reader's words for a failure: the message of its code (from here or from the worker). */
function fileErrorText(err) {
  const m = err.code && t('fileError')[err.code];
  if (!m) return err.message;
  return typeof m === 'function' ? m(...(err.args ?? [])) : m;
}

async function analyzeDoc(doc) {
  if (doc.docx) {
    // Read in the worker: inflating and reading the XML never hold the page's thread. The
    // bytes go over (transferred): a .docx is never read again.
    const bytes = doc.docx;
    delete doc.docx;
    doc.report = (await run({ type: 'docx', bytes, name: doc.name }, [bytes])).report;
    return;
  }
  if (doc.text !== undefined) {
    doc.report = (await run({ type: 'text', text: doc.text, name: doc.name })).report;
    return;
  }
  // The worker gets a copy: the tab keeps its bytes for a re-read in another encoding.
  const copy = doc.bytes.slice(0);
  const res = await run({ type: 'bytes', bytes: copy, name: doc.name, encoding: doc.encoding }, [copy]);
  doc.report = res.report;
}

function analyzePaste() {
  return analyzeText($('#paste').value);
}

// Chromium lays a textarea out a line at a time: a line of a million chars takes seconds to
// show, one of several million over a minute, before any script of the page runs again. A
// paste that holds such a line is kept out of the box and analysed as pasted.
const LONG_LINE = 100_000;

function longestLine(text) {
  let longest = 0;
  let from = 0;
  for (const m of text.matchAll(/\r\n?|\n/g)) {
    longest = Math.max(longest, m.index - from);
    from = m.index + m[0].length;
  }
  return Math.max(longest, text.length - from);
}

function onPaste(e) {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  const longest = longestLine(text);
  if (longest <= LONG_LINE) return;
  e.preventDefault();
  $('#paste').value = '';
  analyzeText(text, t('longPaste')(longest));
}

async function analyzeText(text, note) {
  $('#errors').replaceChildren();
  if (!text.trim()) {
    setStatus(t('nothingToPaste'));
    return;
  }
  if (text.length * 3 > MAX_BYTES && new TextEncoder().encode(text).length > MAX_BYTES) {
    showError(t('tooLarge')((new TextEncoder().encode(text).length / 1048576).toFixed(1)));
    return;
  }
  showProgress(note ?? t('working'));
  const t0 = performance.now();
  try {
    pasteCount += 1;
    const res = await run({ type: 'text', text, name: null });
    docs.push({ pasted: pasteCount, report: res.report });
    select(docs.length - 1);
    const done = t('done')(1, Math.round(performance.now() - t0));
    setStatus(note ? `${done} · ${note}` : done);
  } catch (err) {
    if (err instanceof CancelledError) return;
    showError(t('failed')(t('pasted')(pasteCount), err.message));
    setStatus('');
  }
}

function select(i) {
  active = i;
  renderTabs();
  $('#compare').hidden = true;
  // The encoding menu shows how the file on screen was read; on the sample or a paste it
  // keeps what the reader chose for the next files.
  const d = docs[i];
  if (d?.bytes && !d.sample) $('#encoding').value = d.encoding ?? '';
  return render(d.report);
}

function renderTabs() {
  const nav = $('#tabs');
  nav.replaceChildren(
    ...docs.map((d, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.role = 'tab';
      b.className = 'tab';
      b.setAttribute('aria-selected', String(i === active));
      // Labels of the sample and of pasted texts follow the interface language.
      const label = d.sample ? t('sample') : d.pasted ? t('pasted')(d.pasted) : d.label;
      b.textContent = d.report?.title ? `${label} · ${d.report.title}` : label;
      b.title = b.textContent;
      b.addEventListener('click', () => select(i));
      return b;
    }),
  );
  if (docs.filter((d) => d.report).length >= 2) {
    const b = el('button', 'tab compare-tab', t('compare'));
    b.type = 'button';
    b.role = 'tab';
    b.setAttribute('aria-selected', String(active === -2));
    b.addEventListener('click', showCompare);
    nav.append(b);
  }
}

// ---------------------------------------------------------------------------------------
// Compare: the core's compare module (fetched by the worker the first time this view opens)
// matches the reports' facts by subject, cue, unit and kind, puts the reports in time order,
// sets each target beside the result of its year and each result beside the one before. The
// reader can set a report's period, pin two rows together and split a row.

const adjust = { periods: [], pins: [], splits: [] };
let comparison = null;
let compared = []; // the docs in the order the comparison numbers them
const picked = new Set(); // row keys ticked for pinning

// What compare reads of a report: its head, its top cleaning, its sections and facts. The
// rest of a long text stays on this side.
const slim = (r) => ({
  ...r,
  text: r.text.slice(0, 2000),
  cleaning: r.cleaning.filter((c) => c.at < 2000),
  warnings: [],
});

async function showCompare() {
  active = -2;
  renderTabs();
  $('#report').hidden = true;
  $('#compare').hidden = false;
  // The sample is there to show the page: it joins a comparison only when the reader has
  // fewer than two reports of their own.
  const own = docs.filter((d) => d.report && !d.sample);
  compared = own.length >= 2 ? own : docs.filter((d) => d.report);
  adjust.periods.length = compared.length;
  showProgress(t('working'));
  try {
    const res = await run({ type: 'compare', reports: compared.map((d) => slim(d.report)), adjust: { ...adjust, periods: [...adjust.periods].map((p) => p ?? null) } });
    comparison = res.comparison;
    setStatus(t('compared')(compared.length, comparison.rows.length));
  } catch (err) {
    if (err instanceof CancelledError) return;
    comparison = null;
    showError(t('failed')(t('compare'), err.message));
    setStatus('');
  }
  renderCompare();
}

const docLabel = (d) => (d.sample ? t('sample') : d.pasted ? t('pasted')(d.pasted) : d.label);
// A change in base units, in the magnitude Chinese reports write (万, 亿, 万亿).
const magnitude = (v) => {
  const a = Math.abs(v);
  for (const [n, w] of [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']]) if (a >= n) return `${fmt(Math.round((a / n) * 100) / 100)}${w}`;
  return fmt(a);
};
const signed = (v) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${magnitude(v)}`;

function cellText(v) {
  return v ? v.text : '';
}

function changeText(row, ch) {
  if (!ch) return '';
  const pts = row.kind === 'percent' || row.kind === 'growth';
  const by = `${signed(ch.by)}${pts ? t('points') : row.unit ?? ''}`;
  return ch.percent != null ? `${by} (${signed(Math.round(ch.percent * 10) / 10)}%)` : by;
}

function checkText(row, k) {
  const target = row.cells[k.target_column]?.target;
  const result = row.cells[k.result_column]?.result;
  return `${t('checkOf')(k.year)} ${target?.text ?? ''} → ${result?.text ?? ''} ${k.met ? t('met') : t('missed')}`;
}

/** A small line of the results of a row, when three or more columns have one. */
function trend(row) {
  const pts = row.cells.map((c, i) => (c.result ? [i, c.result.value] : null)).filter(Boolean);
  if (pts.length < 3) return null;
  const W = 72;
  const H = 20;
  const n = Math.max(1, row.cells.length - 1);
  const vs = pts.map((p) => p[1]);
  const lo = Math.min(...vs);
  const hi = Math.max(...vs);
  const y = (v) => (hi === lo ? H / 2 : H - 2 - ((v - lo) / (hi - lo)) * (H - 4));
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('width', W);
  svg.setAttribute('height', H);
  svg.setAttribute('class', 'trend');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', pts.map((p) => row.cells[p[0]].result.text).join(' → '));
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('points', pts.map(([i, v]) => `${(2 + (i / n) * (W - 4)).toFixed(1)},${y(v).toFixed(1)}`).join(' '));
  svg.append(line);
  for (const [i, v] of pts) {
    const dot = document.createElementNS(NS, 'circle');
    dot.setAttribute('cx', (2 + (i / n) * (W - 4)).toFixed(1));
    dot.setAttribute('cy', y(v).toFixed(1));
    dot.setAttribute('r', '1.8');
    svg.append(dot);
  }
  return svg;
}

function compareRows() {
  if (!comparison) return [];
  const q = simplified($('#compare-filter').value.trim());
  const only = $('#compare-checks').checked;
  let rows = comparison.rows.filter((r) => (!q || r.subject.includes(q)) && (!only || r.checks.length));
  const sort = $('#compare-sort').value;
  if (sort === 'subject') rows = [...rows].sort((a, b) => a.subject.localeCompare(b.subject, 'zh'));
  else if (sort === 'filled') rows = [...rows].sort((a, b) => filled(b) - filled(a));
  return rows;
}
const filled = (r) => r.cells.filter((c) => c.result || c.target).length;

function renderCompare() {
  const rows = compareRows();
  const cols = comparison?.columns ?? [];
  $('#compare-empty').hidden = rows.length > 0;
  const head = el('tr');
  head.append(el('th', '', ''), el('th', '', t('cols').subject), el('th', '', t('cols').unit));
  for (const c of cols) {
    const th = el('th', 'c-col');
    const d = compared[c.report];
    th.append(el('span', 'c-period', c.label || t('noPeriod')), el('span', 'c-doc', d ? docLabel(d) : ''));
    const input = el('input', 'c-year');
    input.type = 'number';
    input.min = '1949';
    input.max = '2100';
    input.value = c.period.year ?? '';
    input.title = t('setYear');
    input.setAttribute('aria-label', `${t('setYear')}: ${d ? docLabel(d) : ''}`);
    input.addEventListener('change', () => {
      const year = Number.parseInt(input.value, 10);
      adjust.periods[c.report] = Number.isFinite(year) ? { ...c.period, year, plan_year: c.period.plan_year ?? year + 1 } : null;
      showCompare();
    });
    th.append(input);
    head.append(th);
  }
  head.append(el('th', '', t('trend')), el('th', '', t('checks')), el('th', '', t('change')), el('th', '', ''));
  $('#compare-table thead').replaceChildren(head);
  $('#compare-table tbody').replaceChildren(
    ...rows.map((r) => {
      const tr = el('tr');
      const tick = el('input');
      tick.type = 'checkbox';
      tick.checked = picked.has(r.key);
      tick.setAttribute('aria-label', `${t('pickRow')}: ${r.subject}`);
      tick.addEventListener('change', () => {
        if (tick.checked) picked.add(r.key);
        else picked.delete(r.key);
        $('#compare-pin').disabled = picked.size < 2;
      });
      const tdTick = el('td');
      tdTick.append(tick);
      const subject = el('td');
      subject.append(document.createTextNode(r.subject));
      if (r.cue && !r.subject.includes(r.cue)) subject.append(el('span', 'c-cue', r.cue));
      tr.append(tdTick, subject, el('td', '', r.unit ?? ''));
      for (const c of r.cells) {
        const td = el('td', 'c-value');
        if (c.result) td.append(el('span', 'c-result', c.result.text));
        if (c.target) td.append(el('span', 'c-target', `${t('role').target} ${c.target.text}`));
        if (c.more) td.append(el('span', 'c-more', `+${c.more}`));
        tr.append(td);
      }
      const tdTrend = el('td');
      const svg = trend(r);
      if (svg) tdTrend.append(svg);
      tr.append(tdTrend);
      const tdCheck = el('td', 'c-checks');
      for (const k of r.checks) tdCheck.append(el('span', k.met ? 'met' : 'missed', checkText(r, k)));
      tr.append(tdCheck);
      tr.append(el('td', 'c-value', changeText(r, r.changes[r.changes.length - 1])));
      const split = el('button', 'ghost small', t('split'));
      split.type = 'button';
      split.title = t('splitHint');
      split.addEventListener('click', () => {
        adjust.splits.push(r.key);
        showCompare();
      });
      const tdSplit = el('td');
      tdSplit.append(split);
      tr.append(tdSplit);
      return tr;
    }),
  );
  $('#compare-pin').disabled = picked.size < 2;
}

function pinPicked() {
  const keys = [...picked];
  for (const k of keys.slice(1)) adjust.pins.push([keys[0], k]);
  picked.clear();
  showCompare();
}

function compareTable() {
  const cols = comparison?.columns ?? [];
  const header = ['subject', 'cue', 'unit', 'kind', ...cols.map((c) => `${c.label || '?'} ${compared[c.report] ? docLabel(compared[c.report]) : ''}`.trim()), 'checks', 'change'];
  const body = compareRows().map((r) => [
    r.subject,
    r.cue ?? '',
    r.unit ?? '',
    r.kind,
    ...r.cells.map((c) => [c.result?.text, c.target ? `${t('role').target} ${c.target.text}` : ''].filter(Boolean).join(' / ')),
    r.checks.map((k) => checkText(r, k)).join('; '),
    changeText(r, r.changes[r.changes.length - 1]),
  ]);
  return [header, ...body];
}

function exportCompareCsv() {
  if (!comparison) return;
  download('compare.csv', 'text/csv;charset=utf-8', csvFile(compareTable().map((row) => row.map(textField))));
}

function exportCompareJson() {
  if (!comparison) return;
  const out = { reports: compared.map((d) => d.report.source.name ?? docLabel(d)), ...comparison };
  download('compare.json', 'application/json', JSON.stringify(out, null, 2));
}

// ---------------------------------------------------------------------------------------
// Rendering

// One formatter per language: toLocaleString builds a new one on every call.
const formatters = {};
const fmt = (v) => {
  if (typeof v !== 'number') return '';
  formatters[lang] ??= new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 4 });
  return formatters[lang].format(v);
};

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function factLabel(f, r) {
  const parts = [`${f.text}`, `${t('valueLabel')}: ${fmt(f.value)}${f.max != null ? '–' + fmt(f.max) : ''} ${f.unit ?? ''}`];
  if (f.approx) parts.push(`${t('approxLabel')}: ${t('approx')[f.approx]}`);
  parts.push(`${t('kind')[f.kind]} · ${t('role')[f.role]}`);
  if (f.subject) parts.push(`${t('subjectLabel')}: ${f.subject}`);
  const s = r.sections[f.section];
  if (s) parts.push(`${s.marker}${s.title}`);
  return parts.join('\n');
}

// Rendering is cut into slices of a few milliseconds, yielding to the browser between them,
// so that a large report never blocks the page. A newer render cancels an older one.
let renderToken = 0;
const SLICE_MS = 8;
const SLICE_PARAS = 800;
// A message to ourselves yields to the browser without setTimeout's 4 ms clamp.
const sliceChannel = new MessageChannel();
const sliceQueue = [];
sliceChannel.port1.onmessage = () => sliceQueue.shift()?.();
const nextSlice = () =>
  new Promise((resolve) => {
    sliceQueue.push(resolve);
    sliceChannel.port2.postMessage(0);
  });
// After a frame: the browser lays out what the last slice added before the next one starts,
// so that no later task has to lay out the whole report at once.
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => nextSlice().then(resolve)));

/**
 * Calls `build(item, index)` for every item, `size` items a frame, so that the browser lays
 * out one chunk at a time (a thousand nodes of Chinese text take ~10 ms to lay out). Returns
 * false when a newer render took over.
 */
async function inChunks(items, size, build, token) {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) {
      await nextFrame();
      if (token !== renderToken) return false;
    }
    items.slice(i, i + size).forEach((x, k) => build(x, i + k));
  }
  return true;
}

async function render(r) {
  const token = ++renderToken;
  document.body.dataset.busy = 'true';
  $('#report').hidden = false;
  const title = el('h2', 'title', r.title ?? t('untitled'));
  $('#meta').replaceChildren(title, el('p', 'source', t('meta')(r)), el('p', 'counts', t('counts')(r)));
  renderLegend();
  // The panels fill in after the text: until then they show nothing rather than the report
  // rendered before.
  for (const id of ['#outline', '#summary', '#warnings', '#cleaning', '#facts tbody']) $(id).replaceChildren();
  for (const id of ['#warn-count', '#clean-count']) $(id).textContent = '';
  // Marks for scripts/page-timing.mjs.
  performance.mark('zhreport:render-start');
  // The text first (what the reader came for), then the panels, each in a task of its own.
  const textDone = await renderText(r, token);
  for (const panel of [renderOutline, fillSectionFilter, renderSummary, renderWarnings, renderCleaning]) {
    if (!textDone || token !== renderToken) return;
    performance.mark(`zhreport:${panel.name}`);
    await panel(r, token);
    await nextFrame();
  }
  performance.mark('zhreport:text-rendered');
  const done = textDone && renderTable(r);
  performance.mark('zhreport:table-rendered');
  if (done && token === renderToken) {
    delete document.body.dataset.busy;
    if (/%|…/.test($('#status').textContent)) showProgress(settledStatus);
  }
}

function renderLegend() {
  const items = Object.entries(t('kind')).map(([k, name]) => el('span', `fact kind-${k} role-achievement`, name));
  items.push(el('span', 'fact kind-count role-target', t('legendTarget')));
  items.push(el('span', 'legend-note', t('legendAchievement')));
  $('#legend').replaceChildren(...items);
}

/**
 * Splits the text at every fact, warning and heading boundary and builds DOM nodes, a slice
 * at a time. Returns false when a newer render took over.
 */
async function renderText(r, token) {
  // The Report's arrival (a structured clone of every fact) was this task's work already.
  await nextSlice();
  if (token !== renderToken) return false;
  const text = r.text;
  const points = new Set([0, text.length]);
  // An implicit section (no marker) has an anchor but no heading text to embolden.
  const headings = r.sections.map((s, i) => {
    const end = s.start + s.marker.length + s.title.length;
    // Embolden only a heading that stands in the text (not the implicit section's title).
    const stands = s.title && text.slice(s.start + s.marker.length, end) === s.title;
    return { i, start: s.start, end: stands ? Math.min(end, s.end) : s.start + s.marker.length };
  });
  for (const f of r.facts) points.add(f.start).add(f.end);
  for (const w of r.warnings) points.add(w.start).add(w.end);
  for (const h of headings) points.add(h.start).add(h.end);
  // What cleaning removed, shown in place when asked for (letter-spacing excepted: noise).
  const removed = $('#show-removed').checked ? r.cleaning.filter((c) => c.kind !== 'spacing') : [];
  for (const c of removed) points.add(c.at);
  // A typed array sorts numbers natively, several times faster than a comparator.
  const cuts = Float64Array.from(points)
    .filter((p) => p >= 0 && p <= text.length)
    .sort();
  let ri = 0;
  const warnings = r.warnings.map((w, i) => ({ ...w, i })).sort((a, b) => a.start - b.start);

  const box = $('#text');
  box.replaceChildren();
  // The report shown before goes in a frame of its own: its removal's layout, the work above
  // and the first slice together made a frame of over 50 ms at 1 MB.
  await nextFrame();
  if (token !== renderToken) return false;
  // Each line of the report is a paragraph block: the browser lays out (and, with
  // content-visibility, skips) paragraphs rather than one huge text.
  let frag = document.createDocumentFragment();
  let para = el('div', 'para');
  frag.append(para);
  // Paragraphs added since the last frame: the browser lays out ~100 of them a millisecond,
  // so a frame is given at most SLICE_PARAS of them.
  let paras = 0;
  const addText = (piece) => {
    const lines = piece.split('\n');
    lines.forEach((line, n) => {
      if (n > 0) {
        para = el('div', 'para');
        frag.append(para);
        paras += 1;
      }
      if (line) para.append(document.createTextNode(line));
    });
  };
  let fi = 0;
  let hi = 0;
  let wi = 0;
  let hd = 0;
  let active = [];
  let sliceStart = performance.now();
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k];
    const b = cuts[k + 1];
    while (ri < removed.length && removed[ri].at <= a) {
      const c = removed[ri++];
      const del = el('del', `removed k-${c.kind}`, c.removed.replace(/\n/g, '⏎'));
      del.title = t('cleanKind')[c.kind] ?? c.kind;
      para.append(del);
    }
    while (hi < headings.length && headings[hi].start === a) {
      const anchor = el('span', 'anchor');
      anchor.id = `sec-${headings[hi].i}`;
      anchor.dataset.sec = String(headings[hi].i);
      para.append(anchor);
      hi += 1;
    }
    while (fi < r.facts.length && r.facts[fi].end <= a) fi += 1;
    const fact = fi < r.facts.length && r.facts[fi].start <= a && a < r.facts[fi].end ? r.facts[fi] : null;
    while (wi < warnings.length && warnings[wi].start <= a) active.push(warnings[wi++]);
    active = active.filter((w) => a < w.end);
    while (hd < headings.length && headings[hd].end <= a) hd += 1;
    const heading = headings.slice(hd, hi).some((h) => h.start <= a && a < h.end);
    const piece = text.slice(a, b);
    if (!fact && !active.length && !heading) {
      addText(piece);
    } else {
      const span = el(fact ? 'mark' : 'span', '', piece);
      if (heading) span.classList.add('heading');
      if (fact) {
        span.classList.add('fact', `kind-${fact.kind}`, `role-${fact.role}`);
        span.title = factLabel(fact, r);
        span.tabIndex = 0;
        if (fact.start === a) span.id = `fact-${fi}`;
      }
      if (active.length) {
        span.classList.add('warn');
        span.title =
          (span.title ? span.title + '\n' : '') + active.map((w) => `⚠ ${t('warnKind')[w.kind] ?? w.kind}: ${warningText(w, r)}`).join('\n');
        const first = active.find((w) => w.start === a);
        if (first) span.dataset.warn = String(first.i);
      }
      para.append(span);
    }
    if (paras > SLICE_PARAS || ((k & 63) === 63 && performance.now() - sliceStart > SLICE_MS)) {
      showProgress(t('rendering')(Math.round((100 * k) / cuts.length)));
      box.append(frag);
      frag = document.createDocumentFragment();
      // The paragraph being filled stays where it is; new ones go into the next fragment.
      await nextFrame();
      if (token !== renderToken) return false;
      sliceStart = performance.now();
      paras = 0;
    }
  }
  box.append(frag);
  return true;
}

/**
 * Brings `node` into view inside the pane that scrolls it (the text, the outline), leaving the
 * window where it is: scrollIntoView would move every scrolling ancestor, the window too.
 * Where the pane does not scroll (phone width, print), the window is the scroller.
 */
function scrollWithin(node, where, smooth) {
  const pane = node.closest('.text, .outline-pane');
  const scrolls = pane && getComputedStyle(pane).overflowY !== 'visible' && pane.scrollHeight > pane.clientHeight;
  if (!scrolls) {
    node.scrollIntoView({ block: where, behavior: smooth ? 'smooth' : 'auto' });
    return;
  }
  const r = node.getBoundingClientRect();
  const p = pane.getBoundingClientRect();
  const top = r.top - p.top + pane.scrollTop;
  let to = null;
  if (where === 'center') to = top - (pane.clientHeight - r.height) / 2;
  else if (r.top < p.top) to = top;
  else if (r.bottom > p.bottom) to = top - pane.clientHeight + r.height;
  if (to !== null) pane.scrollTo({ top: Math.max(0, to), behavior: smooth ? 'smooth' : 'auto' });
}

function jumpTo(node) {
  if (!node) return;
  scrollWithin(node, 'center', true);
  node.classList.remove('flash');
  void node.offsetWidth;
  node.classList.add('flash');
}

async function renderOutline(r, token = renderToken) {
  const root = el('ol', 'tree');
  if (!r.sections.length) {
    $('#outline').replaceChildren(el('p', 'empty', t('noOutline')));
    return;
  }
  $('#outline').replaceChildren(root);
  const stack = [{ level: -1, list: root }];
  await inChunks(r.sections, 80, (s, i) => {
    while (stack.length > 1 && stack[stack.length - 1].level >= s.level) stack.pop();
    const li = el('li', `lvl-${s.level}`);
    const b = el('button', 'node');
    b.dataset.sec = String(i);
    b.type = 'button';
    b.append(el('span', 'marker', s.marker), el('span', 'label', s.title));
    const role = t('sectionRole')[s.role];
    if (role && s.level <= 1) b.append(el('span', `badge role-${s.role}`, role));
    b.addEventListener('click', () => jumpTo(document.getElementById(`sec-${i}`)?.nextElementSibling ?? document.getElementById(`sec-${i}`)));
    li.append(b);
    stack[stack.length - 1].list.append(li);
    const sub = el('ol');
    li.append(sub);
    stack.push({ level: s.level, list: sub });
  }, token);
}

/**
 * A warning in the interface's language. The core writes its messages in English (the
 * Report's contract) and gives the numbers they state as `figures`; in Chinese they are told
 * again from the kind, the flagged span and the figures.
 */
function warningText(w, r) {
  if (lang !== 'zh') return w.message;
  const span = r.text.slice(w.start, w.end);
  const f = w.figures ?? {};
  switch (w.kind) {
    case 'masked_number':
      return `“${span}”处原有的数字被遮盖。`;
    case 'missing_number':
      return `“${span}”：量词前缺少数字，原数已丢失。`;
    case 'missing_unit':
      return `“${span}”：比例或增速缺少单位，“%”可能已丢失。`;
    case 'garbled':
      return `“${span}”是乱码（编码错误），无法恢复。`;
    case 'decimal_comma':
      return `“${span}”中的顿号应为小数点${f.read_as != null ? `，按 ${f.read_as} 计` : ''}。`;
    case 'sum_mismatch':
      return f.total && f.sum ? `${f.total}，但各分项（${(f.parts ?? []).join('、')}）合计为 ${f.sum}。` : w.message;
    case 'date_anomaly':
      return f.year ? `回顾 ${f.year} 年工作的部分出现“${span}”，晚于标题所示时段。` : w.message;
    default:
      return w.message;
  }
}

async function renderWarnings(r, token = renderToken) {
  $('#warn-count').textContent = r.warnings.length ? String(r.warnings.length) : '';
  if (!r.warnings.length) {
    $('#warnings').replaceChildren(el('li', 'empty', t('noWarnings')));
    return;
  }
  const list = $('#warnings');
  list.replaceChildren();
  await inChunks(
    r.warnings,
    120,
    (w, i) => {
      const li = el('li', `w-${w.kind}`);
      const b = el('button', 'link');
      b.type = 'button';
      b.append(el('strong', '', t('warnKind')[w.kind] ?? w.kind), document.createTextNode(' ' + warningText(w, r)));
      b.addEventListener('click', () => jumpTo(document.querySelector(`[data-warn="${i}"]`)));
      li.append(b);
      list.append(li);
    },
    token,
  );
}

function renderCleaning(r) {
  const byKind = new Map();
  for (const c of r.cleaning) {
    const k = byKind.get(c.kind) ?? { n: 0, chars: 0, items: [] };
    k.n += 1;
    k.chars += [...c.removed].length;
    if (k.items.length < 200) k.items.push(c);
    byKind.set(c.kind, k);
  }
  $('#clean-count').textContent = r.cleaning.length ? String(r.cleaning.length) : '';
  if (!byKind.size) {
    $('#cleaning').replaceChildren(el('p', 'empty', t('noCleaning')));
    return;
  }
  const blocks = [...byKind].map(([kind, k]) => {
    const d = el('details');
    d.append(el('summary', '', `${t('cleanKind')[kind] ?? kind} · ${k.n} (${k.chars})`));
    const ul = el('ul');
    for (const c of k.items) {
      const removed = c.removed.replace(/\n/g, '⏎');
      const li = el('li', '', `${t('removed')} “${removed.length > 80 ? removed.slice(0, 80) + '…' : removed}”`);
      if (c.inserted) li.append(document.createTextNode(` ${t('inserted')} “${c.inserted.replace(/\n/g, '⏎')}”`));
      ul.append(li);
    }
    d.append(ul);
    return d;
  });
  $('#cleaning').replaceChildren(...blocks);
}

// ---------------------------------------------------------------------------------------
// Summary: counts by kind and role, the largest sums, the busiest sections, and a chart of the
// facts in each top section (SVG drawn from the data; no chart library).

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

function renderSummary(r) {
  const box = $('#summary');
  const count = (key) => r.facts.reduce((m, f) => m.set(f[key], (m.get(f[key]) ?? 0) + 1), new Map());
  const kinds = count('kind');
  const roles = count('role');
  const line = (label, items) => {
    const p = el('p', 'sum-line');
    p.append(el('strong', '', label + '：'), document.createTextNode(items.join(' · ')));
    return p;
  };
  const parts = [
    line(t('byKind'), [...kinds].map(([k, n]) => `${t('kind')[k]} ${n}`)),
    line(t('byRole'), [...roles].map(([k, n]) => `${t('role')[k]} ${n}`)),
  ];
  const money = r.facts.filter((f) => f.kind === 'money').sort((a, b) => b.value - a.value).slice(0, 3);
  if (money.length) parts.push(line(t('largest'), money.map((f) => `${f.subject ? f.subject + ' ' : ''}${f.text}`)));
  // Facts per top-level part (level 1, or the implicit section), split by role.
  const tops = r.sections.map((s, i) => ({ s, i })).filter(({ s }) => s.level === 1);
  const rows = tops
    .map(({ s }) => {
      const inside = r.facts.filter((f) => f.start >= s.start && f.start < s.end);
      return {
        label: `${s.marker}${s.title}`,
        done: inside.filter((f) => f.role === 'achievement').length,
        plan: inside.filter((f) => f.role === 'target').length,
      };
    })
    .filter((row) => row.done + row.plan > 0);
  if (rows.length) {
    const busiest = [...rows].sort((a, b) => b.done - a.done).slice(0, 3);
    parts.push(line(t('busiest'), busiest.map((row) => `${row.label.slice(0, 16)} (${row.done})`)));
    parts.push(el('p', 'sum-caption', t('perSection')));
    parts.push(chart(rows.slice(0, 12)));
  }
  box.replaceChildren(...parts);
}

function chart(rows) {
  const max = Math.max(...rows.map((r) => r.done + r.plan), 1);
  const w = 300;
  const bar = 14;
  const gap = 6;
  const label = 120;
  const g = svg('svg', { viewBox: `0 0 ${w} ${rows.length * (bar + gap)}`, class: 'chart', role: 'img' });
  rows.forEach((row, k) => {
    const y = k * (bar + gap);
    const scale = (w - label - 30) / max;
    const text = svg('text', { x: 0, y: y + bar - 3, class: 'chart-label' });
    text.textContent = row.label.length > 9 ? row.label.slice(0, 9) + '…' : row.label;
    const title = svg('title', {});
    title.textContent = `${row.label}: ${t('role').achievement} ${row.done}, ${t('role').target} ${row.plan}`;
    const done = svg('rect', { x: label, y, width: Math.max(row.done * scale, 0), height: bar, class: 'bar-done' });
    const plan = svg('rect', { x: label + row.done * scale, y, width: Math.max(row.plan * scale, 0), height: bar, class: 'bar-plan' });
    const n = svg('text', { x: label + (row.done + row.plan) * scale + 4, y: y + bar - 3, class: 'chart-n' });
    n.textContent = String(row.done + row.plan);
    g.append(title, text, done, plan, n);
  });
  return g;
}

// ---------------------------------------------------------------------------------------
// The outline follows the reading: the section at the top of the text is marked in the tree.

let followQueued = false;
function followScroll() {
  if (followQueued) return;
  followQueued = true;
  requestAnimationFrame(() => {
    followQueued = false;
    const box = $('#text');
    const anchors = box.querySelectorAll('.anchor');
    let lo = 0;
    let hi = anchors.length - 1;
    let found = -1;
    // Where each anchor stands in the text's scroll, whatever its offset parent (a paragraph).
    const boxTop = box.getBoundingClientRect().top - box.scrollTop;
    const at = (a) => a.getBoundingClientRect().top - boxTop;
    // At the end of the text the last heading in view is the one read, though it cannot
    // reach the top.
    const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 2;
    const top = atEnd ? box.scrollTop + box.clientHeight - 24 : box.scrollTop + 24;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (at(anchors[mid]) <= top) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const sec = found >= 0 ? anchors[found].dataset.sec : null;
    for (const n of document.querySelectorAll('#outline .node.current')) n.classList.remove('current');
    const node = sec !== null ? document.querySelector(`#outline .node[data-sec="${sec}"]`) : null;
    if (node) {
      node.classList.add('current');
      scrollWithin(node, 'nearest', false);
    }
  });
}

// ---------------------------------------------------------------------------------------
// Facts table

const COLS = ['section', 'subject', 'text', 'value', 'unit', 'kind', 'role'];
let sortCol = null;
let sortDir = 1;

function fillFilterOptions() {
  const kind = $('#filter-kind');
  const role = $('#filter-role');
  const keepK = kind.value;
  const keepR = role.value;
  kind.replaceChildren(el('option', '', t('allKinds')), ...Object.entries(t('kind')).map(([k, v]) => Object.assign(el('option', '', v), { value: k })));
  kind.firstChild.value = '';
  role.replaceChildren(el('option', '', t('allRoles')), ...Object.entries(t('role')).map(([k, v]) => Object.assign(el('option', '', v), { value: k })));
  role.firstChild.value = '';
  kind.value = keepK;
  role.value = keepR;
}

/** The section filter: the report's top-level parts (and articles). */
function fillSectionFilter(r) {
  const select = $('#filter-section');
  const all = el('option', '', t('allSections'));
  all.value = '';
  const options = r.sections
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.level <= 1 && (s.marker || s.title))
    .map(({ s, i }) => {
      const o = el('option', '', `${s.marker}${s.title}`.slice(0, 30));
      o.value = String(i);
      return o;
    });
  select.replaceChildren(all, ...options);
}

function factRows(r) {
  return r.facts.map((f, i) => {
    const s = r.sections[f.section];
    return { i, f, section: s ? `${s.marker}${s.title}` : '', subject: f.subject ?? '', text: f.text, value: f.value, unit: f.unit ?? '', kind: f.kind, role: f.role };
  });
}

function visibleRows(r) {
  const q = simplified($('#filter').value.trim());
  const kind = $('#filter-kind').value;
  const role = $('#filter-role').value;
  const secValue = $('#filter-section').value;
  const sec = secValue === '' ? null : r.sections[Number(secValue)];
  const inSection = (f) => !sec || (f.start >= sec.start && f.start < sec.end);
  let rows = factRows(r).filter(
    (row) =>
      (!kind || row.kind === kind) &&
      (!role || row.role === role) &&
      inSection(row.f) &&
      (!q || `${row.section} ${row.subject} ${row.text}`.includes(q)),
  );
  if (sortCol) {
    rows = rows.sort((a, b) => {
      const x = a[sortCol];
      const y = b[sortCol];
      return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * sortDir;
    });
  }
  return rows;
}

// The table shows its rows a page at a time, as it is scrolled: laying out thousands of rows
// at once costs the browser most of a second.
const PAGE_ROWS = 30;
let tableRows = [];
let tableShown = 0;

function renderTable(r) {
  const head = $('#facts thead tr');
  head.replaceChildren(
    ...COLS.map((c) => {
      const th = el('th');
      const b = el('button', 'sort', t('cols')[c] + (sortCol === c ? (sortDir > 0 ? ' ▲' : ' ▼') : ''));
      b.type = 'button';
      b.addEventListener('click', () => {
        sortDir = sortCol === c ? -sortDir : 1;
        sortCol = c;
        renderTable(r);
      });
      th.append(b);
      return th;
    }),
  );
  tableRows = visibleRows(r);
  tableShown = 0;
  $('#fact-count').textContent =
    tableRows.length === r.facts.length ? String(r.facts.length) : `${tableRows.length} / ${r.facts.length}`;
  $('#facts tbody').replaceChildren();
  $('#facts-wrap').scrollTop = 0;
  showMoreRows();
  return true;
}

/** Appends rows up to `end`. */
function appendRows(end) {
  const frag = document.createDocumentFragment();
  for (let n = tableShown; n < Math.min(end, tableRows.length); n++) frag.append(factRow(tableRows[n]));
  $('#facts tbody').append(frag);
  tableShown = Math.max(tableShown, Math.min(end, tableRows.length));
}

/**
 * Appends a page of rows. Whether the end of the table is still in view is the observer's to
 * tell, after the browser's own layout: asking here would lay out the page at once.
 */
function showMoreRows() {
  if (tableShown >= tableRows.length) return;
  appendRows(tableShown + PAGE_ROWS);
  // Observed anew, the end of the table is reported once more after this page's layout:
  // while it stays in view, pages keep coming, one a frame.
  tableEnd.unobserve(sentinel);
  tableEnd.observe(sentinel);
}

const sentinel = document.querySelector('#table-end');
const tableEnd = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && showMoreRows(), {
  root: document.querySelector('#facts-wrap'),
  rootMargin: '400px',
});
tableEnd.observe(sentinel);

function factRow(row) {
  const tr = el('tr', `role-${row.role}`);
  tr.tabIndex = 0;
  const value = fmt(row.value) + (row.f.max != null ? '–' + fmt(row.f.max) : '');
  const cells = [row.section, row.subject, row.text, value, row.unit, t('kind')[row.kind], t('role')[row.role]];
  cells.forEach((v, k) => {
    const td = el('td', `c-${COLS[k]}`, v);
    if (COLS[k] === 'kind') td.prepend(el('span', `swatch kind-${row.kind}`));
    tr.append(td);
  });
  const go = () => jumpTo(document.getElementById(`fact-${row.i}`));
  tr.addEventListener('click', go);
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go();
  });
  return tr;
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function exportCsv() {
  const r = current();
  if (!r) return;
  const header = ['file', 'section', 'subject', 'text', 'value', 'max', 'unit', 'kind', 'role', 'approx'];
  const text = (row) => [r.source.name ?? '', row.section, row.subject, row.text].map(textField);
  const lines = visibleRows(r).map((row) => [
    ...text(row),
    numberField(row.value),
    numberField(row.f.max),
    ...[row.unit, row.kind, row.role, row.f.approx ?? ''].map(textField),
  ]);
  download(`${baseName(r)}.facts.csv`, 'text/csv;charset=utf-8', csvFile([header, ...lines]));
}

function exportJson() {
  const r = current();
  if (r) download(`${baseName(r)}.report.json`, 'application/json', JSON.stringify(r, null, 2));
}

const baseName = (r) => (r.source.name ?? 'report').replace(/\.[^.]+$/, '');

// ---------------------------------------------------------------------------------------
// Wiring

$('#analyze').addEventListener('click', analyzePaste);
$('#paste').addEventListener('paste', onPaste);
$('#files').addEventListener('change', (e) => {
  const files = [...e.target.files];
  e.target.value = '';
  if (files.length) analyzeFiles(files);
});
// The encoding menu re-reads the file on screen (and says which), or, on the sample or a
// paste, applies to the files picked next (and says so).
$('#encoding').addEventListener('change', async () => {
  const doc = docs[active];
  const label = $('#encoding').selectedOptions[0]?.textContent ?? $('#encoding').value;
  if (!doc?.bytes || doc.sample) {
    setStatus(t('encodingNext')(label));
    return;
  }
  doc.encoding = $('#encoding').value;
  showProgress(t('working'));
  const t0 = performance.now();
  try {
    await analyzeDoc(doc);
    select(active);
    setStatus(t('reread')(doc.label, label, Math.round(performance.now() - t0)));
  } catch (err) {
    showError(t('failed')(doc.name, err.message));
    setStatus('');
  }
});
for (const id of ['#filter', '#filter-kind', '#filter-role', '#filter-section']) {
  $(id).addEventListener('input', () => current() && renderTable(current()));
}
// A query typed in traditional characters is converted as the core converts report text (the
// report is mainland simplified), then the filter applies again; replies for an older query
// are ignored, since the filters read the input's value through the cache.
$('#filter').addEventListener('input', () =>
  askSimplified($('#filter').value.trim(), () => current() && renderTable(current())),
);
$('#compare-filter').addEventListener('input', () =>
  askSimplified($('#compare-filter').value.trim(), () => comparison && renderCompare()),
);
$('#export-csv').addEventListener('click', exportCsv);
for (const id of ['#compare-filter', '#compare-checks', '#compare-sort']) {
  $(id).addEventListener('input', () => comparison && renderCompare());
}
$('#compare-pin').addEventListener('click', pinPicked);
$('#compare-reset').addEventListener('click', () => {
  adjust.periods = [];
  adjust.pins = [];
  adjust.splits = [];
  picked.clear();
  showCompare();
});
$('#compare-csv').addEventListener('click', exportCompareCsv);
$('#compare-json').addEventListener('click', exportCompareJson);
$('#export-json').addEventListener('click', exportJson);
$('#lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('zhreport.lang', lang);
  applyLanguage();
  renderTabs();
});

$('#copy-tsv').addEventListener('click', async () => {
  const r = current();
  if (!r) return;
  const cell = (v) => String(v ?? '').replace(/[\t\r\n]+/g, ' ');
  const rows = visibleRows(r);
  const tsv = [COLS.map((c) => t('cols')[c]).join('\t')]
    .concat(rows.map((row) => [row.section, row.subject, row.text, row.value, row.unit, t('kind')[row.kind], t('role')[row.role]].map(cell).join('\t')))
    .join('\n');
  try {
    await navigator.clipboard.writeText(tsv);
  } catch {
    // Without the clipboard API (an http page on another host): a selected textarea.
    const area = el('textarea');
    area.value = tsv;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  setStatus(t('copied')(rows.length));
});
$('#cancel').addEventListener('click', cancelWork);

// A fact focused from the keyboard shows what hovering shows: value, unit, role, subject.
$('#text').addEventListener('focusin', (e) => {
  const mark = e.target.closest?.('mark.fact');
  if (!mark || !mark.matches(':focus-visible')) return;
  const tip = $('#tip');
  tip.textContent = mark.title;
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  tip.style.left = `${Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 280)}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
});
$('#text').addEventListener('focusout', () => {
  $('#tip').hidden = true;
});
$('#show-removed').addEventListener('change', () => current() && render(current()));
$('#text').addEventListener('scroll', followScroll, { passive: true });

// Theme: the system's, or the one chosen, kept in localStorage (never the report).
function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  $('#theme').value = theme;
}
applyTheme(localStorage.getItem('zhreport.theme') ?? 'auto');
$('#theme').addEventListener('change', () => {
  localStorage.setItem('zhreport.theme', $('#theme').value);
  applyTheme($('#theme').value);
});

// Printing prints every row of the table, not only those scrolled to.
window.addEventListener('beforeprint', () => appendRows(tableRows.length));

// Offline: a service worker caches the page; a new version waits for the user's word.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').then((reg) => {
    const note = $('#offline');
    const offerUpdate = (sw) => {
      note.replaceChildren();
      const b = el('button', 'ghost', t('updateReady'));
      b.type = 'button';
      b.addEventListener('click', () => sw.postMessage('update'));
      note.append(b);
    };
    if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const sw = reg.installing;
      sw?.addEventListener('statechange', () => {
        if (sw.state !== 'installed') return;
        if (navigator.serviceWorker.controller) offerUpdate(sw);
        else note.textContent = t('offlineReady');
      });
    });
    navigator.serviceWorker.ready.then(() => {
      if (!note.firstChild) note.textContent = t('offlineReady');
      document.body.dataset.offline = 'ready';
    });
  });
  // A new worker taking over from an old one (the user asked): reload into the new version.
  // The first worker claiming a fresh page is no reason to reload.
  const hadController = Boolean(navigator.serviceWorker.controller);
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !hadController) return;
    reloading = true;
    location.reload();
  });
}

// Dropping files anywhere on the page.
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (e) => {
  if (e.target === document.documentElement || e.target === document.body) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  const files = [...(e.dataTransfer?.files ?? [])];
  if (files.length) analyzeFiles(files);
});

// Rich text pasted into the box arrives as its plain text (a textarea holds no markup).

applyLanguage();

// The sample report, analysed on arrival.
(async () => {
  try {
    const res = await fetch('samples/sample.txt');
    const bytes = await res.arrayBuffer();
    const doc = { sample: true, name: 'sample.txt', bytes, encoding: '' };
    await analyzeDoc(doc);
    // Files dropped while the sample loaded keep their place and their selection.
    docs.unshift(doc);
    if (active >= 0) {
      active += 1;
      renderTabs();
    } else {
      await select(0);
    }
    document.body.dataset.ready = 'true';
  } catch (err) {
    showError(t('failed')(t('sample'), err.message));
    document.body.dataset.ready = 'true';
  }
})();
