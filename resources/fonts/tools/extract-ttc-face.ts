/**
 * One-off tool: copy one face out of a TrueType Collection (.ttc) into a standalone .ttf.
 * Why: pdf-lib embeds a font from its bytes and cannot pick a face inside a collection, so the
 * WenQuanYi Micro Hei face is shipped as its own file. The tables are copied byte for byte.
 * Usage: npx tsx resources/fonts/tools/extract-ttc-face.ts <in.ttc> <faceIndex> <out.ttf>
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [input, faceArg, output] = process.argv.slice(2);
if (!input || !faceArg || !output) throw new Error('usage: extract-ttc-face <in.ttc> <faceIndex> <out.ttf>');
const ttc = readFileSync(input);
if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a TrueType collection');
const faceOffset = ttc.readUInt32BE(12 + 4 * Number(faceArg));
const numTables = ttc.readUInt16BE(faceOffset + 4);
const tables = Array.from({ length: numTables }, (_, i) => {
  const rec = faceOffset + 12 + 16 * i;
  return {
    tag: ttc.subarray(rec, rec + 4),
    checksum: ttc.readUInt32BE(rec + 4),
    data: ttc.subarray(ttc.readUInt32BE(rec + 8), ttc.readUInt32BE(rec + 8) + ttc.readUInt32BE(rec + 12)),
  };
});
const headerLen = 12 + 16 * numTables;
const pad4 = (n: number) => (n + 3) & ~3;
const total = tables.reduce((acc, t) => acc + pad4(t.data.length), headerLen);
const out = Buffer.alloc(total);
ttc.copy(out, 0, faceOffset, faceOffset + 12); // sfnt version, numTables, search fields
let at = headerLen;
tables.forEach((t, i) => {
  const rec = 12 + 16 * i;
  t.tag.copy(out, rec);
  out.writeUInt32BE(t.checksum, rec + 4);
  out.writeUInt32BE(at, rec + 8);
  out.writeUInt32BE(t.data.length, rec + 12);
  t.data.copy(out, at);
  at += pad4(t.data.length);
});
writeFileSync(output, out);
