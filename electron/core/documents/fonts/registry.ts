/**
 * The bundled fonts, read and parsed once per folder and shared by every render.
 * A document embeds a subset of only the faces its text needs.
 */
// fontkit needs the regenerator runtime for its layout code paths (Tamil, Arabic shaping).
import 'regenerator-runtime/runtime.js';
import fontkit from '@pdf-lib/fontkit';
import type { Font, Fontkit } from 'pdf-lib/cjs/types/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFontsDir } from './paths';
import { memoiseSubsets, wrapLayout } from './layout-cache';

export type FaceName = 'latin' | 'latinBold' | 'arabic' | 'tamil' | 'cjk';

/** Regular faces in order of preference when a character is in several of them. */
export const FALLBACK_ORDER = ['latin', 'arabic', 'tamil', 'cjk'] as const satisfies readonly FaceName[];

export const FONT_FILES: Record<FaceName, string> = {
  latin: 'NotoSans-Regular.ttf',
  latinBold: 'NotoSans-Bold.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  tamil: 'NotoSansTamil-Regular.ttf',
  cjk: 'WenQuanYiMicroHei.ttf',
};

export interface FontSet {
  readonly dir: string;
  readonly bytes: Readonly<Record<FaceName, Uint8Array>>;
  readonly faces: Readonly<Record<FaceName, Font>>;
  /** Hand this to `PDFDocument.registerFontkit`: it returns the already parsed fonts. */
  readonly fontkit: Fontkit;
  /** Word widths at size 1, shared by every document (key: face flag + word). */
  readonly widths: Map<string, number>;
}

const loaded = new Map<string, FontSet>();

export function loadFontSet(fontsDir?: string): FontSet {
  const dir = resolveFontsDir(fontsDir);
  const cached = loaded.get(dir);
  if (cached) return cached;

  const bytes = {} as Record<FaceName, Uint8Array>;
  const faces = {} as Record<FaceName, Font>;
  const byBytes = new Map<Uint8Array, Font>();
  for (const [face, file] of Object.entries(FONT_FILES) as [FaceName, string][]) {
    const data = new Uint8Array(readFileSync(join(dir, file)));
    const font = fontkit.create(data);
    wrapLayout(font, { splitWords: face === 'latin' || face === 'latinBold' });
    memoiseSubsets(font);
    bytes[face] = data;
    faces[face] = font;
    byBytes.set(data, font);
  }
  // pdf-lib calls fontkit.create(bytes) on every embed; parsing the 4.6 MB CJK font each time
  // would dominate render time, so hand back the parsed font for our own byte arrays.
  const cachingFontkit: Fontkit = {
    create: (buffer, postscriptName) => byBytes.get(buffer) ?? fontkit.create(buffer, postscriptName),
  };
  const set: FontSet = { dir, bytes, faces, fontkit: cachingFontkit, widths: new Map() };
  loaded.set(dir, set);
  return set;
}

/** The first regular face that has a glyph for the code point, or null. */
export function faceFor(fonts: FontSet, codePoint: number): (typeof FALLBACK_ORDER)[number] | null {
  for (const face of FALLBACK_ORDER) {
    if (fonts.faces[face].hasGlyphForCodePoint(codePoint)) return face;
  }
  return null;
}
