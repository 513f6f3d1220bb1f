// The analysis runs here, off the page's thread, so a large report never freezes the page.
// Messages in:  {id, type: 'text', text, name} | {id, type: 'bytes', bytes, name, encoding}
//               | {id, type: 'docx', bytes, name} (read here by docx.js, fetched the first
//               time a .docx comes)
//               | {id, type: 'compare', reports, adjust} (the compare module is fetched the
//               first time one comes: the first load carries only the analysis)
//               | {id, type: 'simplify', text} (a filter query typed in traditional
//               characters, converted as the core converts report text, so it can match)
// Messages out: {id, stage} as each stage begins; {id, field, part} for the long lists of a
//               large Report, in order; then {id, ok: true, report, ms} (its long lists
//               empty, to be filled from the parts) | {id, ok: true, comparison, ms}
//               | {id, ok: false, error, code?, args?} (code and args: a message of app.js's)
import init, { analyzeText, analyzeBytes, toSimplified } from './pkg/zhreport.js';

const ready = init();
let compareModule;
const loadCompare = () =>
  (compareModule ??= import('./pkg/zhreport_compare.js').then(async (m) => {
    await m.default();
    return m;
  }));
let docxModule;
const loadDocx = () => (docxModule ??= import('./docx.js'));
const CHUNK = 1000;
/** The most text the analysis takes (app.js's MAX_BYTES, for text read from a .docx). */
const MAX_BYTES = 20 * 1024 * 1024;
const CHUNKED = ['facts', 'cleaning', 'warnings', 'sections'];

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    if (msg.type === 'compare') {
      const t0 = performance.now();
      const { compareReports } = await loadCompare();
      const comparison = compareReports(msg.reports, msg.adjust ?? undefined);
      self.postMessage({ id: msg.id, ok: true, comparison, ms: performance.now() - t0 });
      return;
    }
    await ready;
    if (msg.type === 'simplify') {
      self.postMessage({ id: msg.id, ok: true, text: toSimplified(msg.text) });
      return;
    }
    const t0 = performance.now();
    const stage = (name) => self.postMessage({ id: msg.id, stage: name });
    // Legacy and forced encodings are read by the browser's TextDecoder (the wasm carries no
    // GB18030 or Big5 tables).
    const decoder = (label, bytes) => {
      try {
        const d = new TextDecoder(label);
        return [d.decode(bytes), d.encoding];
      } catch {
        return undefined;
      }
    };
    let text = msg.text;
    if (msg.type === 'docx') {
      stage('read');
      const { docxText } = await loadDocx();
      text = await docxText(msg.bytes);
      if (!text.trim()) throw Object.assign(new Error('no text'), { code: 'noText', args: [] });
      const bytes = text.length * 3 > MAX_BYTES ? new TextEncoder().encode(text).length : 0;
      if (bytes > MAX_BYTES) throw Object.assign(new Error('too large'), { code: 'textTooLarge', args: [(bytes / 1048576).toFixed(1)] });
    }
    const report =
      msg.type !== 'bytes'
        ? analyzeText(text, msg.name ?? undefined, stage)
        : analyzeBytes(new Uint8Array(msg.bytes), msg.name ?? undefined, msg.encoding || undefined, stage, decoder);
    // Long lists go ahead in parts: the page takes each part in a task of its own, where one
    // structured clone of every fact of a large report would hold its thread for long.
    for (const field of CHUNKED) {
      const all = report[field];
      if (all.length <= CHUNK) continue;
      for (let i = 0; i < all.length; i += CHUNK) {
        self.postMessage({ id: msg.id, field, part: all.slice(i, i + CHUNK) });
      }
      report[field] = [];
    }
    self.postMessage({ id: msg.id, ok: true, report, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, error: String(err?.message ?? err), code: err?.code, args: err?.args });
  }
};
