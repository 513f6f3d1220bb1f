// Builds minimal .docx files for the tests (a zip with [Content_Types].xml, word/document.xml
// and, when asked, word/numbering.xml and word/styles.xml): no dependency, deflate from
// node:zlib.
import { crc32, deflateRawSync } from 'node:zlib';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * A .docx of paragraphs. Each is a string, or {text, style, numId, ilvl}: a paragraph style
 * (w:pStyle) and Word's list numbering (w:numPr), the number itself not in the text.
 *
 * `numbering`: list definitions, [{levels: [{fmt, text, start, style, restart}], start?}…]:
 * definition i is w:abstractNum i and list w:num i + 1 (`startOverride` on a list:
 * {of: i, starts: {ilvl: n}} makes one more list over definition i that restarts).
 * `styles`: [{id, name, basedOn, numId, ilvl}]: paragraph styles, numbered when numId is set.
 */
export function docx(paragraphs, { numbering, styles } = {}) {
  const body = paragraphs
    .map((p) => {
      const { text, style, numId, ilvl } = typeof p === 'string' ? { text: p } : p;
      const numPr =
        numId !== undefined || ilvl !== undefined
          ? `<w:numPr>${ilvl !== undefined ? `<w:ilvl w:val="${ilvl}"/>` : ''}${numId !== undefined ? `<w:numId w:val="${numId}"/>` : ''}</w:numPr>`
          : '';
      const pPr = style || numPr ? `<w:pPr>${style ? `<w:pStyle w:val="${esc(style)}"/>` : ''}${numPr}</w:pPr>` : '';
      return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const files = [
    [
      '[Content_Types].xml',
      XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['word/document.xml', `${XML}<w:document ${W}><w:body>${body}</w:body></w:document>`],
  ];
  if (numbering) files.push(['word/numbering.xml', numberingXml(numbering)]);
  if (styles) files.push(['word/styles.xml', stylesXml(styles)]);
  return zip(files);
}

function numberingXml(lists) {
  const abstracts = [];
  const nums = [];
  lists.forEach((list, i) => {
    if (list.of !== undefined) {
      const overrides = Object.entries(list.starts ?? {})
        .map(([ilvl, n]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${n}"/></w:lvlOverride>`)
        .join('');
      nums.push(`<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${list.of}"/>${overrides}</w:num>`);
      return;
    }
    const levels = list.levels
      .map(
        (l, ilvl) =>
          `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt}"/>` +
          (l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : '') +
          (l.style ? `<w:pStyle w:val="${esc(l.style)}"/>` : '') +
          `<w:lvlText w:val="${esc(l.text)}"/><w:lvlJc w:val="left"/>` +
          '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>',
      )
      .join('');
    abstracts.push(`<w:abstractNum w:abstractNumId="${i}"><w:multiLevelType w:val="multilevel"/>${levels}</w:abstractNum>`);
    nums.push(`<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`);
  });
  return `${XML}<w:numbering ${W}>${abstracts.join('')}${nums.join('')}</w:numbering>`;
}

function stylesXml(styles) {
  const all = styles
    .map((s) => {
      const numPr =
        s.numId !== undefined
          ? `<w:pPr><w:keepNext/><w:numPr>${s.ilvl !== undefined ? `<w:ilvl w:val="${s.ilvl}"/>` : ''}<w:numId w:val="${s.numId}"/></w:numPr><w:outlineLvl w:val="${s.ilvl ?? 0}"/></w:pPr>`
          : '';
      return (
        `<w:style w:type="paragraph" w:styleId="${esc(s.id)}"><w:name w:val="${esc(s.name ?? s.id)}"/>` +
        (s.basedOn ? `<w:basedOn w:val="${esc(s.basedOn)}"/>` : '') +
        `${numPr}<w:rPr><w:b/></w:rPr></w:style>`
      );
    })
    .join('');
  return `${XML}<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${all}</w:styles>`;
}

/** A zip of [name, text or bytes] entries, each deflated. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of files) {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const data = deflateRawSync(raw);
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
