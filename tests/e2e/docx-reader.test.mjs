// The page's .docx reader (www/docx.js) in node, which has the worker's DecompressionStream:
// Word's number formats, its list counting, and the XML a hand tokenizer must read as Word
// writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docxText, formatNumber } from '../../www/docx.js';
import { docx, zip } from './docx.mjs';

const read = (buf) => docxText(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

test('numerals in the formats Word numbers Chinese documents with', () => {
  const of = (fmt, ns) => ns.map((n) => formatNumber(n, fmt)).join(' ');
  assert.equal(of('chineseCounting', [1, 9, 10, 11, 20, 35, 99, 100, 105]), '一 九 十 十一 二十 三十五 九十九 一〇〇 一〇五');
  assert.equal(
    of('chineseCountingThousand', [10, 15, 20, 100, 101, 110, 1000, 1005, 1050, 10000, 10010, 12345]),
    '十 十五 二十 一百 一百零一 一百一十 一千 一千零五 一千零五十 一万 一万零一十 一万二千三百四十五',
  );
  assert.equal(of('chineseLegalSimplified', [1, 10, 12, 203]), '壹 壹拾 壹拾贰 贰佰零叁');
  assert.equal(of('ideographTraditional', [1, 2, 3, 10, 11]), '甲 乙 丙 癸 11');
  assert.equal(of('ideographZodiac', [1, 12]), '子 亥');
  assert.equal(of('ideographDigital', [7, 10, 2024]), '七 一〇 二〇二四');
  assert.equal(of('decimal', [1, 12]), '1 12');
  assert.equal(of('decimalZero', [3, 12]), '03 12');
  assert.equal(of('decimalFullWidth', [12]), '１２');
  assert.equal(of('decimalEnclosedCircle', [1, 20, 21]), '① ⑳ 21');
  assert.equal(of('decimalEnclosedParen', [3]), '(3)');
  assert.equal(of('ideographEnclosedCircle', [2]), '(二)');
  assert.equal(of('lowerLetter', [1, 26, 27, 28]), 'a z aa bb');
  assert.equal(of('upperLetter', [3]), 'C');
  assert.equal(of('upperRoman', [4, 9, 14, 1994]), 'IV IX XIV MCMXCIV');
  assert.equal(of('lowerRoman', [3]), 'iii');
  assert.equal(of('none', [3]), '');
});

test('list counts: lower levels restart higher ones, lists of one definition go on, a restart restarts', async () => {
  const numbering = [
    {
      levels: [
        { fmt: 'chineseCounting', text: '%1、' },
        // %1 in the format of level 0, as Word shows it (no w:isLgl); a tab after, here a space.
        { fmt: 'decimal', text: '%1.%2' },
        // Restarts after level 0 only, never after level 1.
        { fmt: 'lowerLetter', text: '%3)', restart: 1 },
      ],
    },
    { of: 0 }, // a second list over the same definition: goes on counting
    { of: 0, starts: { 0: 1 } }, // a list that restarts at 1
  ];
  const text = await read(
    docx(
      [
        { text: 'A', numId: 1 },
        { text: 'B', numId: 1, ilvl: 1 },
        { text: 'C', numId: 1, ilvl: 2 },
        { text: 'D', numId: 1, ilvl: 1 },
        { text: 'E', numId: 1, ilvl: 2 },
        { text: '', numId: 1 }, // empty: counted, not shown
        { text: 'F', numId: 2 },
        { text: 'G', numId: 2, ilvl: 2 },
        { text: 'H', numId: 3 },
        { text: 'I', numId: 3, ilvl: 1 },
        { text: 'J', numId: 0 }, // numId 0: no numbering
        { text: 'K', numId: 9 }, // a list that is not defined
      ],
      { numbering },
    ),
  );
  assert.deepEqual(text.split('\n'), ['一、A', '一.1 B', 'a)C', '一.2 D', 'b)E', '', '三、F', 'a)G', '一、H', '一.1 I', 'J', 'K']);
});

test('the XML as Word writes it: namespaces, quotes, entities, text boxes, revisions, fallbacks', async () => {
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- a comment <w:t>not text</w:t> -->` +
    '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><x:body>' +
    '<x:p><x:pPr><x:tabs><x:tab x:val="left" x:pos="420"/></x:tabs></x:pPr><x:r><x:t xml:space="preserve">甲 &amp; 乙 &lt;丙&gt; &#x4E01;&#25103;</x:t><x:tab/><x:t>后</x:t><x:br/><x:t>下一行</x:t></x:r></x:p>' +
    '<x:p><x:r><x:rPr><x:rFonts x:ascii="a>b" x:eastAsia=\'仿宋\'/></x:rPr><x:t>引号里的 &gt;</x:t></x:r>' +
    '<x:del><x:r><x:delText>删掉的</x:delText></x:r></x:del><x:ins><x:r><x:t>插入的</x:t></x:r></x:ins>' +
    '<x:r><x:fldChar x:fldCharType="begin"/></x:r><x:r><x:instrText> PAGE </x:instrText></x:r><x:r><x:t>3</x:t></x:r></x:p>' +
    '<x:p><x:r><mc:AlternateContent><mc:Choice Requires="wps"><x:drawing><x:txbxContent><x:p><x:r><x:t>文本框</x:t></x:r></x:p></x:txbxContent></x:drawing></mc:Choice>' +
    '<mc:Fallback><x:pict><x:txbxContent><x:p><x:r><x:t>文本框的副本</x:t></x:r></x:p></x:txbxContent></x:pict></mc:Fallback></mc:AlternateContent></x:r><x:r><x:t>框外</x:t></x:r></x:p>' +
    '<x:p><x:r><x:t><![CDATA[<原样>]]></x:t></x:r></x:p>' +
    '</x:body></x:document>';
  const text = await read(zip([['word/document.xml', document]]));
  assert.deepEqual(text.split('\n'), ['甲 & 乙 <丙> 丁戏\t后', '下一行', '引号里的 >插入的3', '框外', '文本框', '<原样>']);
});

test('no document.xml, or a file that is no zip, is no .docx', async () => {
  await assert.rejects(read(zip([['word/other.xml', `<w:document ${NS}/>`]])), { code: 'notDocx' });
  await assert.rejects(read(Buffer.from('not a zip at all, just some text')), { code: 'notDocx' });
  // Deflate data that is not: damaged.
  const bad = zip([['word/document.xml', `<w:document ${NS}><w:body/></w:document>`]]);
  bad.fill(0xff, 30 + 'word/document.xml'.length, 30 + 'word/document.xml'.length + 8);
  await assert.rejects(read(bad), { code: 'corrupt' });
});
