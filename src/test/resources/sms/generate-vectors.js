// Generates src/test/resources/sms/oracle-generated.jsonl: differential vectors for io.tidings.sms.
//
// The Java tests only read the committed JSONL; node is needed only to regenerate it:
//   mkdir -p /tmp/oracle && (cd /tmp/oracle && npm install sms-segments-calculator@1.3.0 split-sms@0.1.7)
//   NODE_PATH=/tmp/oracle/node_modules node src/test/resources/sms/generate-vectors.js \
//     > src/test/resources/sms/oracle-generated.jsonl
//
// Oracle: sms-segments-calculator (Twilio's calculator) for encoding, segments, numberOfCharacters, the
// non-GSM graphemes and the smart-encoded text. split-sms is a second opinion: a case where the two
// disagree on encoding or segment count and that contains a zero-width joiner is dropped, because
// there they differ on purpose (grapheme cluster vs code point) and nothing is pinned.
// The PRNG is seeded, so a rerun gives the same file.
'use strict';
const { SegmentedMessage } = require('sms-segments-calculator');
const SmartEncodingMap = require('sms-segments-calculator/dist/libs/SmartEncodingMap').default;
const split = require('split-sms');

let seed = 0x5eed1234;
function rnd() { // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rnd() * n);
const pick = (a) => a[int(a.length)];

const GSM_BASIC = [...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'];
const GSM_EXT = [...'\f^{}\\[~]|€'];
const ASCII_WORDS = 'hello your order is ready pick it up at store code discount today only reply STOP'.split(' ');
const CJK = [...'您好订单已发货请查收优惠券感谢购买退订回复会员积分短信验证码中文店铺'];
const LATIN_ACCENTED = [...'áâãçêíóôõúýÿčćđšžłńśźżőűąęėįųūāēīōŕ'];
const EMOJI = ['😀', '🎉', '👍', '🚀', '❤', '✓', '™', '𝄞', '🙂', '💡'];
const SMART_KEYS = Object.keys(SmartEncodingMap);
const COMBINING = ['\u0301', '\u0300', '\u0308', '\u0327', '\u20dd', '\u0323'];
const CLUSTERS = [
  'e\u0301', 'a\u0308\u0323', '🇺🇸', '🇨🇳🇩🇪', '🇫🇷🇫', '👍🏽', '👋🏿', '1\ufe0f\u20e3', '#\ufe0f\u20e3', '❤\ufe0f',
  '\u1100\u1161\u11a8', '한국어', '\u0915\u093f', '\u0928\u092e\u0938\u094d\u0924\u0947', 'ก\u0e33', '\r\n', 'x\u200d',
  '\u0600\u0661', '👍\u0301🏽', '🇦🇧🇨🇩🇪', 'a\u0301🏽',
];
const ZWJ_SEQ = ['👨\u200d👩\u200d👧', '👩\u200d💻', '❤\ufe0f\u200d🔥', '🏳\ufe0f\u200d🌈'];

function str(len, alphabet) { let s = ''; for (let i = 0; i < len; i++) s += pick(alphabet); return s; }
function gsm(len) { return str(len, GSM_BASIC); }
function cjk(len) { return str(len, CJK); }

const cases = []; // [kind, text]
const add = (kind, text) => cases.push([kind, text]);

// Pure GSM-7 around the single (160) and concatenated (153) limits.
const GSM_LENGTHS = [0, 1, 2, 152, 153, 154, 159, 160, 161, 305, 306, 307, 458, 459, 460, 461, 612, 1000];
for (const n of GSM_LENGTHS) for (let r = 0; r < 3; r++) add('gsm-boundary', gsm(n));
for (let r = 0; r < 300; r++) add('gsm-random', gsm(1 + int(1000)));

// Every extension character right before, on and after each place a segment can end.
for (const e of GSM_EXT) {
  for (const p of [150, 151, 152, 153, 158, 159, 160, 304, 305, 306, 307]) {
    add('gsm-ext-boundary', gsm(p) + e + gsm(int(4)));
    add('gsm-ext-boundary', gsm(p) + e + e + gsm(int(200)));
  }
  add('gsm-ext-only', str(80, [e]));
  add('gsm-ext-only', str(81, [e]));
  add('gsm-ext-only', str(77 + int(160), [e]));
}
for (let r = 0; r < 300; r++) {
  const n = 1 + int(700);
  let s = '';
  for (let i = 0; i < n; i++) s += rnd() < 0.15 ? pick(GSM_EXT) : pick(GSM_BASIC);
  add('gsm-ext-random', s);
}

// UCS-2 around 70 / 67 units, surrogate pairs straddling a boundary.
for (const n of [1, 66, 67, 68, 69, 70, 71, 133, 134, 135, 200, 201, 202, 500]) {
  add('cjk-boundary', cjk(n));
  add('cjk-boundary', 'a' + cjk(n - 1 > 0 ? n - 1 : 0));
}
for (const p of [64, 65, 66, 67, 68, 69, 70, 131, 132, 133, 134, 135, 200]) {
  for (const e of ['😀', '𝄞', '🇺🇸', '👍🏽']) {
    add('surrogate-boundary', cjk(p) + e + cjk(int(80)));
    add('surrogate-boundary', gsm(p - 1) + 'é' + '中' + e + gsm(int(80)));
  }
  add('surrogate-boundary', str(35 + int(60), ['😀', '🚀']));
}
for (let r = 0; r < 300; r++) {
  const n = 1 + int(600);
  let s = '';
  for (let i = 0; i < n; i++) {
    const x = rnd();
    s += x < 0.3 ? pick(CJK) : x < 0.45 ? pick(EMOJI) : x < 0.55 ? pick(LATIN_ACCENTED) : x < 0.6 ? pick(GSM_EXT) : pick(GSM_BASIC);
  }
  add('mixed-random', s);
}
for (let r = 0; r < 150; r++) add('latin-accented', str(1 + int(400), GSM_BASIC.concat(LATIN_ACCENTED)));

// Smart encoding look-alikes: each key on its own, at boundaries, and in random text.
for (const k of SMART_KEYS) add('smart-single', 'a' + k + 'b');
for (let r = 0; r < 400; r++) {
  const n = 1 + int(500);
  let s = '';
  for (let i = 0; i < n; i++) s += rnd() < 0.1 ? pick(SMART_KEYS) : rnd() < 0.03 ? pick(GSM_EXT) : pick(GSM_BASIC);
  if (rnd() < 0.2) s += pick(CJK);
  add('smart-random', s);
}
for (const p of [150, 151, 152, 153, 158, 159, 160, 305, 306]) {
  for (const k of ['\u2026', '\u00bd', '\u0009', '\u00a0', '\u200b', '\u201c', '\u2014', '\uff5b']) add('smart-boundary', gsm(p) + k + gsm(int(5)));
}

// Grapheme clusters (combining marks, flags, skin tones, keycaps, Hangul, Indic, CRLF) in UCS-2 text.
for (let r = 0; r < 300; r++) {
  const n = 1 + int(300);
  let s = '';
  for (let i = 0; i < n; i++) {
    const x = rnd();
    s += x < 0.2 ? pick(CLUSTERS) : x < 0.3 ? pick(COMBINING) : x < 0.5 ? pick(CJK) : pick(GSM_BASIC);
  }
  add('grapheme-random', s);
}
for (const p of [65, 66, 67, 68, 69, 70, 132, 133, 134]) for (const c of CLUSTERS) add('grapheme-boundary', cjk(p) + c + cjk(int(10)));
// One representative or two of every grapheme break property, shuffled densely, to exercise every clustering rule.
const BY_PROPERTY = [
  ['\r'], ['\n'], ['\u0001', '\u0085'], ['\u0301', '\u0308', '\u093c', '\ufe0f'], ['🇦', '🇨', '🇳', '🇺'],
  ['\u0903', '\u093e'], ['\u1100', '\u1112'], ['\u1161', '\u1175'], ['\u11a8', '\u11c2'], ['가', '나'],
  ['각', '낙'], ['a', '中', 'é'], ['\u0600', '\u06dd'], ['👍', '👋', '🎅'], ['🏻', '🏽'], ['\u200d'],
  ['❤', '💋', '🗨'], ['👨', '👩'],
];
for (let r = 0; r < 400; r++) {
  const n = 20 + int(120);
  let s = '';
  for (let i = 0; i < n; i++) {
    const p = pick(BY_PROPERTY);
    s += (p[0] === '\u200d' && rnd() < 0.8) ? 'b' : pick(p);
  }
  add('grapheme-fuzz', s);
}
for (let r = 0; r < 40; r++) add('zwj', cjk(int(140)) + pick(ZWJ_SEQ) + cjk(int(140)));
for (const t of ['\ud800', 'a\udc00b', '\udc00\ud800', cjk(69) + '\ud83d', '\u0000\u0001\u001b', '\t\tx', 'A\r\nB\rC\n']) add('odd', t);

function measure(text, smart) {
  const m = new SegmentedMessage(text, 'auto', smart);
  return { encoding: m.encodingName, segments: m.segmentsCount, characters: m.numberOfCharacters, m };
}
let dropped = 0;
let disagreeKept = 0;
const seen = new Set();
for (const [kind, text] of cases) {
  if (seen.has(text)) continue;
  seen.add(text);
  const plain = measure(text, false);
  const smart = measure(text, true);
  const s = split.split(text);
  const agrees = (s.characterSet === 'GSM') === (plain.encoding === 'GSM-7') && s.parts.length === plain.segments;
  if (!agrees && text.includes('\u200d')) { dropped++; continue; }
  if (!agrees) disagreeKept++;
  const ucs2 = [...new Set(plain.m.getNonGsmCharacters())];
  const smartText = [...text].map((c) => (SmartEncodingMap[c] === undefined ? c : SmartEncodingMap[c])).join('');
  process.stdout.write(JSON.stringify({
    text, kind, encoding: plain.encoding, segments: plain.segments, characters: plain.characters, ucs2,
    splitSmsAgrees: agrees,
    smart: { encoding: smart.encoding, segments: smart.segments, characters: smart.characters, text: smartText },
  }) + '\n');
}
process.stderr.write(`cases ${seen.size}, dropped (ZWJ, libraries disagree) ${dropped}, kept with split-sms disagreeing ${disagreeKept}\n`);
