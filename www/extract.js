// Turns a picked or dropped file into what the analysis takes: the bytes of a text file (the
// core detects its encoding), the bytes of a .docx (read in the worker, see docx.js), or the
// text of an .html file, read here in the browser. Other formats are refused with what to do
// instead. Nothing leaves the machine.

/** @returns {Promise<{kind: 'bytes' | 'docx', bytes: ArrayBuffer} | {kind: 'text', text: string}>} */
export async function readInput(file) {
  const name = file.name.toLowerCase();
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  if (ext === 'docx') return { kind: 'docx', bytes: await file.arrayBuffer() };
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') {
    return { kind: 'text', text: htmlText(decodeHtml(await file.arrayBuffer())) };
  }
  if (REFUSED[ext]) throw new RefusedError(ext);
  return { kind: 'bytes', bytes: await file.arrayBuffer() };
}

/** Formats the page cannot read, and what to do instead (the message key in app.js). */
const REFUSED = {
  doc: 'doc', wps: 'doc', rtf: 'doc', pdf: 'pdf', png: 'image', jpg: 'image', jpeg: 'image',
  gif: 'image', bmp: 'image', webp: 'image', tif: 'image', tiff: 'image', heic: 'image',
  xls: 'sheet', xlsx: 'sheet', ppt: 'slides', pptx: 'slides', zip: 'archive', rar: 'archive', '7z': 'archive',
};

export class RefusedError extends Error {
  constructor(ext) {
    super(ext);
    this.what = REFUSED[ext];
  }
}

// ---------------------------------------------------------------------------------------
// .html: the text of the body, blocks on lines of their own. The document is parsed, never
// rendered or run: its nodes are only read.

function decodeHtml(buffer) {
  const head = new TextDecoder('latin1').decode(new Uint8Array(buffer).subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  try {
    return new TextDecoder(m ? m[1] : 'utf-8').decode(buffer);
  } catch {
    return new TextDecoder('utf-8').decode(buffer);
  }
}

const BLOCK = new Set([
  'P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'SECTION', 'ARTICLE', 'MAIN', 'TABLE',
  'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'DL', 'DT', 'DD', 'HEADER', 'FOOTER', 'HR', 'TD', 'TH', 'CAPTION',
  'FIGURE', 'FIGCAPTION', 'ADDRESS', 'CENTER',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'HEAD']);

/** What a site puts around a report, never the report: navigation, forms, side bars, code. */
const FURNITURE = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'nav',
  'aside', 'form', 'button', 'select', 'input', 'textarea', 'dialog', 'menu', '[hidden]',
  '[aria-hidden="true"]', '[style*="display:none" i]', '[style*="display: none" i]',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]',
  '[role="search"]', '[role="menu"]', '[role="menubar"]',
].join(',');

/** Text with its runs of white space as one space. */
const squeeze = (s) => s.replace(/\s+/g, ' ').trim();
/** Chars of an element's text, white space aside. */
const textLength = (el) => el.textContent.replace(/\s+/g, '').length;
/** Chars of the text inside links. */
function linkLength(el) {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += textLength(a);
  return n;
}

/**
 * The text of a saved web page: its report, the site around it left out. The page's title (its
 * <h1>, else its <title> without the site's name) comes first, on a line of its own, where the
 * core looks for a title; paragraphs, <br> and table rows make the lines.
 */
export function htmlText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body ?? doc.documentElement;
  const titleTag = siteless(doc.querySelector('title')?.textContent ?? '');
  for (const el of body.querySelectorAll(FURNITURE)) el.remove();
  // A header or footer of the page goes; an article's own (its title, its date) stays.
  for (const el of body.querySelectorAll('header, footer')) {
    if (!el.parentElement?.closest('article, main, [role="main"]')) el.remove();
  }
  const content = mainBlock(body);
  dropLinkBlocks(content);
  const h1 = [...content.querySelectorAll('h1'), ...body.querySelectorAll('h1')].find((h) => squeeze(h.textContent));
  const title = h1 ? squeeze(h1.textContent) : titleTag;
  if (h1 && content.contains(h1)) h1.remove();
  const text = blockText(content);
  return (title && !text.startsWith(`${title}\n`) ? `${title}\n` : '') + text;
}

/**
 * A <title> without the site's name: `某县2023年工作总结_某某网`, `… - 某某网 - 政务公开`,
 * `某某网 | …`. The longest of the parts the separators leave is taken for the report's.
 */
export function siteless(title) {
  const parts = squeeze(title)
    .split(/\s*(?:[_|｜—–]+|\s-+\s|(?<!\d)-+|-+(?!\d))\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/**
 * The element that holds the report: the <article> with the most text (when it holds a fair
 * part of the page's), else <main>, else the block where the page's prose is densest.
 */
function mainBlock(body) {
  const own = (el) => textLength(el) - linkLength(el);
  const all = Math.max(1, own(body));
  const articles = [...body.querySelectorAll('article')].sort((a, b) => own(b) - own(a));
  if (articles[0] && own(articles[0]) >= all * 0.3) return articles[0];
  const main = body.querySelector('main, [role="main"]');
  if (main && own(main) >= all * 0.3) return main;
  return densest(body) ?? body;
}

/**
 * Readability's way, much simplified: each paragraph of prose scores by its length and its
 * commas and stops, given to its parent whole and to its grandparent by half; a block's score
 * falls by the share of its text in links. The best scoring block holds the report.
 */
function densest(body) {
  const scores = new Map();
  const paragraphs = body.querySelectorAll('p, pre, td, li, div, section, font, span');
  for (const p of paragraphs) {
    // A div counts as a paragraph only when it holds no block of its own.
    if (/^(DIV|SECTION|FONT|SPAN|TD|LI)$/.test(p.tagName) && p.querySelector('p, div, table, ul, ol, section, pre, h1, h2, h3')) continue;
    const text = squeeze(p.textContent);
    const chars = text.replace(/\s/g, '').length - linkLength(p);
    if (chars < 20) continue;
    const score = 1 + (text.match(/[，。；,]/g)?.length ?? 0) + Math.min(chars / 100, 3);
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best = null;
  let top = 0;
  for (const [el, score] of scores) {
    const length = textLength(el);
    const adjusted = score * (1 - (length ? linkLength(el) / length : 0));
    if (adjusted > top) [best, top] = [el, adjusted];
  }
  return best;
}

/** Removes the blocks inside `root` that are mostly links: menus, lists of related pages, share bars. */
function dropLinkBlocks(root) {
  const blocks = [...root.querySelectorAll('div, section, ul, ol, dl, p, table, tr, li, span, td')].reverse();
  for (const el of blocks) {
    if (!el.isConnected) continue;
    const length = textLength(el);
    if (length && linkLength(el) / length > 0.5) el.remove();
  }
}

/** A table row of data (short cells, no table inside) reads as one line, its cells tab-separated. */
function dataRow(tr) {
  const cells = [...tr.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
  return cells.length > 1 && cells.every((c) => !c.querySelector('table') && textLength(c) <= 100);
}

/** The text of an element, blocks on lines of their own. The document is parsed, never
 *  rendered or run: its nodes are only read. */
function blockText(root) {
  let out = '';
  const newline = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  // `row`: inside a data row, where blocks are spaces and cells are tabs.
  const walk = (node, pre, row) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) {
        out += pre ? n.nodeValue : n.nodeValue.replace(/[\t\n\r ]+/g, ' ');
        continue;
      }
      if (n.nodeType !== 1 || SKIP.has(n.tagName)) continue;
      const tag = n.tagName;
      if (tag === 'BR') {
        out += row ? ' ' : '\n';
      } else if (row && (tag === 'TD' || tag === 'TH')) {
        if (!out.endsWith('\n')) out += '\t';
        walk(n, pre, row);
      } else if (tag === 'TR' && dataRow(n)) {
        newline();
        walk(n, pre, true);
        newline();
      } else {
        const block = BLOCK.has(tag);
        if (block) row ? (out += ' ') : newline();
        walk(n, pre || tag === 'PRE', row);
        if (block) row ? (out += ' ') : newline();
      }
    }
  };
  walk(root, false, false);
  return (
    out
      .replace(/[ \t]*\n[ \t]*/g, '\n')
      .replace(/ *\t[ \t]*/g, '\t')
      .replace(/\n{2,}/g, '\n')
      .trim() + '\n'
  );
}
