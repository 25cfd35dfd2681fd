/**
 * Flate compression with node:zlib (native) instead of pdf-lib's pako (JavaScript), which took
 * about a fifth of a render. Font subsets and ToUnicode maps come out byte-identical from one
 * document to the next whenever the same glyphs are used (the form text is the same), so their
 * compressed form is memoised by SHA-256 of the input.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PDFDocument } from 'pdf-lib';

const MAX_MEMO = 256;
const memo = new Map<string, Uint8Array>();

/**
 * Level 6 for what is compressed once per document (page contents): level 9 saves about 1%
 * of their size for twice the time. Memoised streams are compressed once, at level 9.
 */
export function deflate(data: Uint8Array, level = 6): Uint8Array {
  return deflateSync(data, { level });
}

/** deflate, memoised by content (for streams that repeat across documents). */
export function deflateShared(data: Uint8Array): Uint8Array {
  const key = createHash('sha256').update(data).digest('base64');
  const hit = memo.get(key);
  if (hit) return hit;
  const out = deflate(data, 9);
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value ?? '');
  memo.set(key, out);
  return out;
}

/**
 * pdf-lib compresses embedded font files and ToUnicode maps through `context.flateStream`;
 * this document's context uses deflateShared instead (same /FlateDecode streams).
 */
export function useNativeDeflate(doc: PDFDocument): void {
  const ctx = doc.context;
  ctx.flateStream = (contents, dict = {}) => {
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
    return ctx.stream(deflateShared(bytes), { ...dict, Filter: 'FlateDecode' });
  };
}
