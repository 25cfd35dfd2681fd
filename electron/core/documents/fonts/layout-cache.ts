import { Readable } from 'node:stream';
import type { Font, Glyph, GlyphRun, SubsetStream } from 'pdf-lib/cjs/types/fontkit';

const ARABIC_LETTER = /\p{Script=Arabic}/u;
/** Bound on memoised layouts per font; the form text and a day of names fit easily. */
const MAX_CACHED_LAYOUTS = 20_000;

/**
 * Wraps a parsed font's `layout` (which pdf-lib calls to measure and to encode every string):
 *
 * 1. Memoises it. OpenType shaping (GSUB/GPOS lookups) is most of the render time, and the
 *    same strings (headings, clauses, labels) come back in every document. pdf-lib only reads
 *    the returned run, so sharing it is safe.
 * 2. Keeps Arabic ligatures extractable. fontkit shapes Arabic (joining forms, lam-alef) and
 *    returns glyphs in visual order; pdf-lib writes each glyph's `codePoints` into the ToUnicode
 *    map. Extractors (poppler's pdftotext, pdf.js) read right-to-left glyphs backwards and also
 *    reverse the characters of a multi-character mapping, so "لأ" would come out as "أل".
 *    Storing an Arabic ligature's code points in visual order makes the name extract correctly.
 *    fontkit caches glyph objects by id, so each is flipped once (WeakSet).
 */
export function wrapLayout(font: Font, options: { splitWords?: boolean } = {}): void {
  const layout = font.layout.bind(font);
  const memo = new Map<string, GlyphRun>();
  const fixed = new WeakSet<Glyph>();
  const memoised = (text: string, features: Parameters<Font['layout']>[1]): GlyphRun => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const run = options.splitWords === true && features === undefined && text.includes(' ') && text.trim() !== '' ? byWords(text) : layout(text, features);
    for (const glyph of run.glyphs) {
      if (glyph.codePoints.length > 1 && !fixed.has(glyph) && isArabicOnly(glyph.codePoints)) {
        glyph.codePoints = [...glyph.codePoints].reverse();
        fixed.add(glyph);
      }
    }
    if (memo.size >= MAX_CACHED_LAYOUTS) memo.clear();
    memo.set(key, run);
    return run;
  };
  /**
   * 3. For the Latin faces (left to right, no shaping across a space: pdf-lib draws glyph ids
   *    with their advance widths and ignores GPOS positions), a line is laid out word by word,
   *    so a line that is new only because it carries a new packet number or name reuses the
   *    shaped words it shares with every other document. The glyphs are the same as shaping
   *    the whole line (checked by tests/unit/documents/rendering.test.ts).
   */
  const byWords = (text: string): GlyphRun => {
    const space = memoised(' ', undefined);
    const glyphs: Glyph[] = [];
    const positions: GlyphRun['positions'] = [];
    text.split(' ').forEach((word, i) => {
      if (i > 0) {
        glyphs.push(...space.glyphs);
        positions.push(...space.positions);
      }
      if (word === '') return;
      const run = memoised(word, undefined);
      glyphs.push(...run.glyphs);
      positions.push(...run.positions);
    });
    const whole = space as GlyphRun & { script?: string; language?: string | null; direction?: string; features?: object };
    const advanceWidth = positions.reduce((sum, p) => sum + p.xAdvance, 0);
    return { glyphs, positions, script: whole.script, language: whole.language, direction: whole.direction, features: whole.features, advanceWidth } as unknown as GlyphRun;
  };
  font.layout = memoised;
}

function isArabicOnly(codePoints: readonly number[]): boolean {
  return codePoints.every((cp) => ARABIC_LETTER.test(String.fromCodePoint(cp)));
}

/** Bound on memoised subset files per font. */
const MAX_CACHED_SUBSETS = 32;

/**
 * Memoises the encoded subset font file by its glyph list. fontkit re-encodes every table of
 * a subset with its generic struct encoder (a few milliseconds a document); a document that
 * uses the same glyphs in the same order (the form text is the same every time) gets the
 * same bytes, so they are reused. The key is the glyph list *before* encoding: encoding adds
 * the components of composite glyphs, deterministically.
 */
export function memoiseSubsets(font: Font): void {
  const createSubset = font.createSubset.bind(font);
  const memo = new Map<string, Uint8Array>();
  font.createSubset = () => {
    const subset = createSubset();
    const encodeStream = subset.encodeStream.bind(subset);
    subset.encodeStream = (): SubsetStream => {
      const glyphs = (subset as unknown as { glyphs?: unknown }).glyphs;
      if (!Array.isArray(glyphs)) return encodeStream();
      const key = glyphs.join(',');
      const hit = memo.get(key);
      if (hit) return Readable.from([hit]) as unknown as SubsetStream;
      const parts: Uint8Array[] = [];
      const stream = encodeStream();
      stream.on('data', (part) => parts.push(part));
      stream.on('end', () => {
        if (memo.size >= MAX_CACHED_SUBSETS) memo.delete(memo.keys().next().value ?? '');
        memo.set(key, Buffer.concat(parts));
      });
      return stream;
    };
    return subset;
  };
}
