// Turns a picked or dropped file into what the analysis takes: the bytes of a text file (the
// core detects its encoding), or the text of a .docx or .html file, read here in the browser.
// Other formats are refused with what to do instead. Nothing leaves the machine.

/** @returns {Promise<{kind: 'bytes', bytes: ArrayBuffer} | {kind: 'text', text: string}>} */
export async function readInput(file) {
  const name = file.name.toLowerCase();
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  if (ext === 'docx') return { kind: 'text', text: await docxText(await file.arrayBuffer()) };
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
// .docx: a zip; its text is in word/document.xml.

async function docxText(buffer) {
  const xml = await zipEntry(buffer, 'word/document.xml');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const lines = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    let line = '';
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.namespaceURI === W && n.localName === 't') line += n.textContent;
        else if (n.namespaceURI === W && n.localName === 'tab') line += '\t';
        else if (n.namespaceURI === W && (n.localName === 'br' || n.localName === 'cr')) line += '\n';
        else if (n.namespaceURI === W && n.localName === 'p') continue; // nested: its own line
        else if (n.childNodes?.length) walk(n);
      }
    };
    walk(p);
    lines.push(line);
  }
  return lines.join('\n');
}

/** The uncompressed text of one entry of a zip archive. */
async function zipEntry(buffer, wanted) {
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
  if (eocd < 0) throw new Error('not a .docx (no zip directory)');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder();
  for (let k = 0; k < count && at + 46 <= bytes.length; k++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    if (name !== wanted) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.slice(start, start + size);
    if (method === 0) return utf8.decode(data);
    if (method !== 8) throw new Error(`unsupported zip compression ${method}`);
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  }
  throw new Error('not a .docx (no word/document.xml)');
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
  'P', 'DIV', 'BR', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'SECTION', 'ARTICLE', 'TABLE',
  'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'DL', 'DT', 'DD', 'HEADER', 'FOOTER', 'HR', 'TD', 'TH',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'HEAD']);

export function htmlText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let out = '';
  const walk = (node) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) out += n.nodeValue.replace(/[\t\n\r ]+/g, ' ');
      else if (n.nodeType === 1 && !SKIP.has(n.tagName)) {
        const block = BLOCK.has(n.tagName);
        if (block && !out.endsWith('\n')) out += '\n';
        walk(n);
        if (block && !out.endsWith('\n')) out += '\n';
      }
    }
  };
  walk(doc.body ?? doc);
  return out.replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim() + '\n';
}
