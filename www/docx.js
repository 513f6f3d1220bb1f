// The text of a .docx, read in the worker (off the page's thread): the zip's entries are
// inflated with a bound on what each may grow to, and their XML is read by a small tokenizer
// (a worker has no DOMParser). The numbers Word puts before numbered paragraphs (headings
// numbered by a list or by their style) are not in the text runs: they are rebuilt here from
// word/numbering.xml and word/styles.xml, so that `一、` `（一）` `1.` reach the outline.

/** The most each entry may inflate to: far above any report's XML, far below a zip bomb's. */
export const LIMITS = {
  'word/document.xml': 50 * 1024 * 1024,
  'word/numbering.xml': 5 * 1024 * 1024,
  'word/styles.xml': 5 * 1024 * 1024,
};

/** A .docx the page will not read: `code` names the message in app.js, `args` fill it. */
export class DocxError extends Error {
  constructor(code, ...args) {
    super(`${code}: ${args.join(' ')}`);
    this.code = code;
    this.args = args;
  }
}

/** @returns {Promise<string>} the document's paragraphs, one a line, numbered as Word shows them */
export async function docxText(buffer) {
  const zip = zipDirectory(buffer);
  if (!zip.has('word/document.xml')) throw new DocxError('notDocx');
  const [document, numbering, styles] = await Promise.all(
    ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].map((name) => zip.read(name)),
  );
  const lists = new Numbering(numbering ?? '', styles ?? '');
  return paragraphs(document, lists);
}

// ---------------------------------------------------------------------------------------
// Zip

function zipDirectory(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  // End of central directory: searched from the end (a comment may follow it).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocxError('notDocx');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder();
  const entries = new Map();
  for (let k = 0; k < count && at + 46 <= bytes.length; k++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLen = view.getUint16(at + 28, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      size: view.getUint32(at + 20, true),
      inflated: view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    });
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return {
    has: (name) => entries.has(name),
    /** The entry's text, or undefined when the archive has no such entry. */
    async read(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      const limit = LIMITS[name];
      if (e.local + 30 > bytes.length) throw new DocxError('notDocx');
      const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
      const data = bytes.subarray(start, Math.min(bytes.length, start + e.size));
      if (e.method === 0) {
        if (data.length > limit) throw new DocxError('inflateLimit', name, limit / 1048576);
        return utf8.decode(data);
      }
      if (e.method !== 8) throw new DocxError('compression', e.method);
      // The size the directory states can be false: it refuses early, the count decides.
      if (e.inflated > limit) throw new DocxError('inflateLimit', name, limit / 1048576);
      return inflate(data, limit, name);
    },
  };
}

/**
 * Inflates raw deflate data as text, stopping as soon as the output passes `limit` bytes.
 * The input goes in small slices, each only when the output so far has been taken: a slice
 * of a few KB inflates to a few MB at most, so no more than that is made past the limit.
 */
async function inflate(data, limit, name) {
  const SLICE = 4096;
  let at = 0;
  const input = new ReadableStream(
    {
      pull(controller) {
        if (at >= data.length) return controller.close();
        controller.enqueue(data.slice(at, at + SLICE));
        at += SLICE;
      },
    },
    { highWaterMark: 0 },
  );
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const decoder = new TextDecoder();
  const parts = [];
  let total = 0;
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      throw new DocxError('corrupt', name);
    }
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw new DocxError('inflateLimit', name, limit / 1048576);
    }
    parts.push(decoder.decode(chunk.value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

// ---------------------------------------------------------------------------------------
// XML: a tokenizer for what Word writes. Tags, attributes and text; comments, processing
// instructions and CDATA skipped or passed as text; a DOCTYPE's entities are never expanded
// (only the five of XML and character references are).

const ENTITY = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescape(s) {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (m, e) => {
    if (e[0] !== '#') return ENTITY[e] ?? m;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The value of attribute `name` in a tag's attribute text, or undefined. */
function attr(attrs, name) {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = attrs.charCodeAt(i - 1);
    if (i > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = from;
    while (attrs[j] === ' ') j++;
    if (attrs[j] !== '=') continue;
    j++;
    while (attrs[j] === ' ') j++;
    const q = attrs[j];
    if (q !== '"' && q !== "'") continue;
    const end = attrs.indexOf(q, j + 1);
    return end < 0 ? undefined : unescape(attrs.slice(j + 1, end));
  }
}

/**
 * Calls `open(name, attrs, empty)`, `close(name)` and `text(raw)` (raw: still escaped) in
 * document order. Names keep their prefix (`w:p`).
 */
function tokenize(xml, { open, close, text }) {
  let i = 0;
  const n = xml.length;
  // The next quote of each kind at or after the place looked from: found again only once
  // passed, so a file with no single quote is not searched to its end at every tag.
  let dq = -1;
  let sq = -1;
  const find = (ch, k) => {
    const j = xml.indexOf(ch, k);
    return j < 0 ? Infinity : j;
  };
  const nextQuote = (k) => {
    if (dq < k) dq = find('"', k);
    if (sq < k) sq = find("'", k);
    return Math.min(dq, sq);
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      text(xml.slice(i));
      break;
    }
    if (lt > i) text(xml.slice(i, lt));
    const c = xml[lt + 1];
    if (c === '?') {
      const end = xml.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '!') {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        i = end < 0 ? n : end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        const body = xml.slice(lt + 9, end < 0 ? n : end);
        text(body.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        i = end < 0 ? n : end + 3;
      } else {
        // <!DOCTYPE …>, perhaps with an internal subset in brackets.
        const bracket = xml.indexOf('[', lt);
        const gt = xml.indexOf('>', lt);
        const end = bracket >= 0 && bracket < gt ? xml.indexOf(']>', bracket) : gt - 1;
        i = end < 0 ? n : end + 2;
      }
    } else if (c === '/') {
      const gt = xml.indexOf('>', lt);
      close(xml.slice(lt + 2, gt < 0 ? n : gt).trim());
      i = gt < 0 ? n : gt + 1;
    } else {
      // The tag ends at the first '>' outside quotes.
      let k = lt + 1;
      let gt;
      for (;;) {
        gt = xml.indexOf('>', k);
        const q = nextQuote(k);
        if (gt < 0 || q > gt) break;
        const end = xml.indexOf(xml[q], q + 1);
        if (end < 0) {
          gt = -1;
          break;
        }
        k = end + 1;
      }
      if (gt < 0) break;
      const empty = xml.charCodeAt(gt - 1) === 47; // '/'
      const stop = empty ? gt - 1 : gt;
      let sp = lt + 1;
      for (let ch = xml.charCodeAt(sp); sp < stop && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13; ch = xml.charCodeAt(++sp));
      const name = xml.slice(lt + 1, sp);
      open(name, sp < stop ? xml.slice(sp, stop) : '', empty);
      if (empty) close(name);
      i = gt + 1;
    }
  }
}

const W_NS = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

/** The prefix (with its colon, or '' for the default namespace) the root binds to Word's namespace. */
function wordPrefix(xml) {
  const head = xml.slice(0, 65536).replace(/<\?[^]*?\?>|<!--[^]*?-->/g, '');
  const root = /<([A-Za-z_][\w.-]*(?::[\w.-]+)?)(\s[^>]*)?>/.exec(head);
  const attrs = root?.[2] ?? '';
  for (const m of attrs.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if (W_NS.includes(m[2])) return m[1] ? `${m[1]}:` : '';
  }
  return 'w:';
}

// ---------------------------------------------------------------------------------------
// Numbering: list definitions (numbering.xml) and the numbering paragraph styles carry
// (styles.xml).

class Numbering {
  constructor(numberingXml, stylesXml) {
    this.abstracts = new Map(); // abstractNumId -> {levels: Map(ilvl -> level), styleLink}
    this.nums = new Map(); // numId -> {abstract, overrides: Map(ilvl -> {start?, level?}), used}
    this.styles = new Map(); // styleId -> {basedOn, numId, ilvl}
    this.defaultStyle = undefined;
    this.counters = new Map(); // abstractNumId -> counts by level (undefined: not begun)
    if (numberingXml) this.readNumbering(numberingXml);
    if (stylesXml) this.readStyles(stylesXml);
  }

  readNumbering(xml) {
    const w = wordPrefix(xml);
    let abstract = null;
    let num = null;
    let override = null;
    let level = null;
    tokenize(xml, {
      open: (name, attrs) => {
        if (!name.startsWith(w) && w) return;
        const local = name.slice(w.length);
        const val = () => attr(attrs, `${w}val`);
        if (local === 'abstractNum') {
          abstract = { levels: new Map(), styleLink: undefined };
          this.abstracts.set(attr(attrs, `${w}abstractNumId`), abstract);
        } else if (local === 'num') {
          num = { abstract: undefined, overrides: new Map(), used: false };
          this.nums.set(attr(attrs, `${w}numId`), num);
        } else if (local === 'abstractNumId' && num) {
          num.abstract = val();
        } else if (local === 'lvlOverride' && num) {
          override = {};
          num.overrides.set(Number(attr(attrs, `${w}ilvl`) ?? 0), override);
        } else if (local === 'startOverride' && override) {
          override.start = Number(val());
        } else if (local === 'lvl') {
          level = { start: 0, numFmt: 'decimal', lvlText: '', restart: undefined, pStyle: undefined, isLgl: false, suff: 'tab' };
          const ilvl = Number(attr(attrs, `${w}ilvl`) ?? 0);
          if (override) override.level = level;
          else if (abstract) abstract.levels.set(ilvl, level);
        } else if (level) {
          if (local === 'start') level.start = Number(val() ?? 0);
          // Word 2010 puts a `custom` format in an mc:Choice and a plain one in its Fallback.
          else if (local === 'numFmt' && val() !== 'custom') level.numFmt = val() ?? 'decimal';
          else if (local === 'lvlText') level.lvlText = val() ?? '';
          else if (local === 'lvlRestart') level.restart = Number(val());
          else if (local === 'pStyle') level.pStyle = val();
          else if (local === 'isLgl') level.isLgl = val() !== '0' && val() !== 'false';
          else if (local === 'suff') level.suff = val() ?? 'tab';
        } else if (local === 'numStyleLink' && abstract) {
          abstract.styleLink = val();
        }
      },
      close: (name) => {
        const local = name.slice(w.length);
        if (local === 'abstractNum') abstract = null;
        else if (local === 'num') num = null;
        else if (local === 'lvlOverride') override = null;
        else if (local === 'lvl') level = null;
      },
      text: () => {},
    });
  }

  readStyles(xml) {
    const w = wordPrefix(xml);
    let style = null;
    let depth = 0; // inside the style's own w:pPr (not a w:pPrChange's)
    let inPPr = false;
    let inNumPr = false;
    tokenize(xml, {
      open: (name, attrs) => {
        if (!name.startsWith(w) && w) return;
        const local = name.slice(w.length);
        if (local === 'style') {
          style = { basedOn: undefined, numId: undefined, ilvl: undefined };
          const id = attr(attrs, `${w}styleId`);
          this.styles.set(id, style);
          const isDefault = attr(attrs, `${w}default`);
          if ((isDefault === '1' || isDefault === 'true') && attr(attrs, `${w}type`) === 'paragraph') this.defaultStyle = id;
          depth = 0;
          return;
        }
        if (!style) return;
        depth++;
        if (local === 'basedOn' && depth === 1) style.basedOn = attr(attrs, `${w}val`);
        else if (local === 'pPr' && depth === 1) inPPr = true;
        else if (local === 'numPr' && inPPr && depth === 2) inNumPr = true;
        else if (inNumPr && depth === 3 && local === 'numId') style.numId = attr(attrs, `${w}val`);
        else if (inNumPr && depth === 3 && local === 'ilvl') style.ilvl = Number(attr(attrs, `${w}val`));
      },
      close: (name) => {
        if (!name.startsWith(w) && w) return;
        const local = name.slice(w.length);
        if (local === 'style') {
          style = null;
          return;
        }
        if (!style) return;
        if (local === 'pPr' && depth === 1) inPPr = false;
        if (local === 'numPr' && depth === 2) inNumPr = false;
        depth--;
      },
      text: () => {},
    });
  }

  /** The numbering a paragraph style gives, through its basedOn chain: {numId, ilvl, styleId}. */
  styleNumbering(styleId) {
    let numId;
    let ilvl;
    const seen = new Set();
    for (let id = styleId; id !== undefined && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
    }
    return { numId, ilvl };
  }

  /** The abstract definition of a list, following a list style's link (numStyleLink). */
  abstractOf(num) {
    let id = num.abstract;
    for (let hops = 0; hops < 4; hops++) {
      const a = this.abstracts.get(id);
      if (!a?.styleLink) return [id, a];
      const linked = this.nums.get(this.styleNumbering(a.styleLink).numId);
      if (!linked) return [id, a];
      id = linked.abstract;
    }
    return [id, this.abstracts.get(id)];
  }

  /**
   * The marker of the next paragraph of list `numId` at level `ilvl` (both may come from the
   * paragraph's style). Counts go on per list definition, as Word's do: lists that share one
   * continue each other, a list that restarts (w:startOverride) starts again where it is first
   * used; a level's count restarts when a lower level is numbered (unless w:lvlRestart says
   * otherwise).
   */
  marker(numId, ilvl, styleId) {
    if (numId === undefined || numId === '0') return '';
    const num = this.nums.get(numId);
    if (!num) return '';
    const [abstractId, abstract] = this.abstractOf(num);
    if (!abstract) return '';
    if (ilvl === undefined) {
      // A style's numbering without a level: the level that names the style, else the first.
      ilvl = 0;
      for (const [k, lv] of abstract.levels) if (styleId !== undefined && lv.pStyle === styleId) ilvl = k;
    }
    const levelOf = (k) => num.overrides.get(k)?.level ?? abstract.levels.get(k);
    const startOf = (k) => num.overrides.get(k)?.start ?? levelOf(k)?.start ?? 0;
    const level = levelOf(ilvl);
    if (!level) return '';
    let counts = this.counters.get(abstractId);
    if (!counts) this.counters.set(abstractId, (counts = []));
    if (!num.used) {
      num.used = true;
      for (const [k, o] of num.overrides) if (o.start !== undefined) counts[k] = undefined;
    }
    counts[ilvl] = (counts[ilvl] ?? startOf(ilvl) - 1) + 1;
    for (let j = ilvl + 1; j < 10; j++) {
      const r = levelOf(j)?.restart;
      if (r === undefined || (r !== 0 && ilvl < r)) counts[j] = undefined;
    }
    if (level.numFmt === 'none' || level.numFmt === 'bullet') return '';
    const text = level.lvlText.replace(/%([1-9])/g, (_, d) => {
      const k = Number(d) - 1;
      const fmt = level.isLgl && k < ilvl ? 'decimal' : levelOf(k)?.numFmt ?? 'decimal';
      return formatNumber(counts[k] ?? startOf(k), fmt);
    });
    if (!text) return '';
    // Word sets a tab (or a space) after the number; a number that ends in punctuation needs
    // none to read as a heading marker.
    if (level.suff === 'nothing' || /[、.．。，,:：)）\]】」』]$/.test(text)) return text;
    return `${text} `;
  }
}

// ---------------------------------------------------------------------------------------
// Numerals

const CN = '〇一二三四五六七八九';
const CN_ZERO = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TW_LEGAL = '零壹貳參肆伍陸柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Digit by digit: 105 → 一〇五. */
const digits = (n, set) => String(n).replace(/\d/g, (d) => set[d]);

/** chineseCounting: 十 for two digits (十, 十一, 二十, 九十九), digit by digit from 100. */
function counting(n) {
  if (n < 10) return CN[n];
  if (n < 100) return `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${n % 10 ? CN[n % 10] : ''}`;
  return digits(n, CN);
}

/** With units (一百零五, 一千二百, 一万零三十): chineseCountingThousand and the legal forms. */
function withUnits(n, set, units) {
  if (n === 0) return set[0];
  if (n >= 100_000_000) return String(n);
  const group = (g) => {
    // Four digits at most, with 零 for each run of missing places inside.
    let out = '';
    let zero = false;
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(g / 10 ** p) % 10;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += set[0];
      zero = false;
      out += set[d] + (p ? units[p - 1] : '');
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? `${group(high)}${units[3]}` : '';
  if (low) out += (high && low < 1000 ? set[0] : '') + group(low);
  // 一十 reads 十 at the start: 十五, not 一十五 (the legal forms keep 壹拾).
  if (set === CN_ZERO && out.startsWith('一十')) out = out.slice(1);
  return out;
}

function letters(n, upper) {
  const a = upper ? 65 : 97;
  // Word repeats the letter: y, z, aa, bb, …
  return String.fromCharCode(a + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n) {
  if (n <= 0 || n >= 4000) return String(n);
  const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/**
 * A count in one of Word's number formats (w:numFmt). Enclosed forms are given as the plain
 * characters they stand for (`⑴` as `(1)`, `㈠` as `(一)`), the form the outline reads.
 */
export function formatNumber(n, fmt) {
  if (n < 0) return String(n);
  switch (fmt) {
    case 'decimal':
    case 'decimalHalfWidth':
    case 'ordinal':
    case 'cardinalText':
    case 'ordinalText':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return digits(n, '０１２３４５６７８９');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return n >= 1 && n <= 260 ? letters(n, true) : String(n);
    case 'lowerLetter':
      return n >= 1 && n <= 260 ? letters(n, false) : String(n);
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return counting(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return withUnits(n, CN_ZERO, '十百千万');
    case 'chineseLegalSimplified':
      return withUnits(n, CN_LEGAL, '拾佰仟万');
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return withUnits(n, TW_LEGAL, '拾佰仟萬');
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return digits(n, CN);
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? `(${counting(n)})` : String(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? BRANCHES[n - 1] : String(n);
    case 'ideographZodiacTraditional':
      // The sixty pairs of stems and branches: 甲子, 乙丑, …
      return n >= 1 && n <= 60 ? STEMS[(n - 1) % 10] + BRANCHES[(n - 1) % 12] : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

// ---------------------------------------------------------------------------------------
// document.xml: one line a paragraph, its number first.

function paragraphs(xml, lists) {
  const w = wordPrefix(xml);
  const lines = [];
  // Open paragraphs, innermost last (a text box's paragraphs sit inside another's run).
  const open = [];
  // The element names from the innermost paragraph down, to know a w:pPr's direct children.
  let path = [];
  let inText = false;
  let skip = 0; // inside content to leave out: deleted text, field codes, a fallback copy
  const SKIP = new Set([`${w}delText`, `${w}instrText`, `${w}delInstrText`, 'mc:Fallback']);
  tokenize(xml, {
    open: (name, attrs, empty) => {
      if (skip) {
        if (!empty) skip++;
        return;
      }
      if (SKIP.has(name)) {
        if (!empty) skip = 1;
        return;
      }
      if (name === `${w}p`) {
        const p = { line: lines.length, text: '', style: undefined, numId: undefined, ilvl: undefined, path };
        lines.push('');
        open.push(p);
        path = [];
        return;
      }
      const p = open[open.length - 1];
      if (!p) return;
      path.push(name);
      const depth = path.length;
      const inPPr = path[0] === `${w}pPr`;
      if (inPPr) {
        if (depth === 2 && name === `${w}pStyle`) p.style = attr(attrs, `${w}val`);
        else if (depth === 3 && path[1] === `${w}numPr` && name === `${w}numId`) p.numId = attr(attrs, `${w}val`);
        else if (depth === 3 && path[1] === `${w}numPr` && name === `${w}ilvl`) p.ilvl = Number(attr(attrs, `${w}val`));
      } else if (name === `${w}t`) inText = !empty;
      else if (name === `${w}tab`) p.text += '\t';
      else if (name === `${w}br` || name === `${w}cr`) p.text += '\n';
    },
    close: (name) => {
      if (skip) {
        skip--;
        return;
      }
      if (name === `${w}p`) {
        const p = open.pop();
        if (!p) return;
        path = p.path;
        let { numId, ilvl } = p;
        const fromStyle = lists.styleNumbering(p.style ?? lists.defaultStyle);
        // The paragraph's own w:numPr wins; a level alone takes the style's list.
        if (numId === undefined) numId = fromStyle.numId;
        if (ilvl === undefined && p.numId === undefined) ilvl = fromStyle.ilvl;
        const styleId = p.numId === undefined ? p.style ?? lists.defaultStyle : undefined;
        // An empty numbered paragraph takes its number, as in Word, but shows none here.
        const marker = lists.marker(numId, ilvl, styleId);
        lines[p.line] = p.text.trim() ? marker + p.text : p.text;
        return;
      }
      if (!open.length) return;
      if (name === `${w}t`) inText = false;
      // Closing tags match their opening ones in a well-formed file; in another, the path is
      // unwound to the name.
      const k = path.lastIndexOf(name);
      if (k >= 0) path.length = k;
    },
    text: (raw) => {
      if (inText && !skip && open.length) open[open.length - 1].text += unescape(raw);
    },
  });
  return lines.join('\n');
}
