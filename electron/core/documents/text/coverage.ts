import { UnsupportedCharacterError } from '../errors';
import type { FaceName, FontSet } from '../fonts/registry';
import { faceFor } from '../fonts/registry';

// Line breaks and tabs are layout, not glyphs.
const LAYOUT_CHARS = new Set(['\n', '\r', '\t']);

/**
 * Walks every string of the (validated) document data and checks that a bundled font can draw
 * each character. Refuses the first one that none can, naming the field, so nothing is ever
 * printed as an empty box. Returns the faces the data needs, so only those are embedded.
 */
export function checkPrintable(data: unknown, fonts: FontSet): Set<FaceName> {
  const used = new Set<FaceName>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const ch of value.normalize('NFC')) {
        if (LAYOUT_CHARS.has(ch)) continue;
        const face = faceFor(fonts, ch.codePointAt(0) ?? 0);
        if (face === null) throw new UnsupportedCharacterError(path, ch);
        used.add(face);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, path === '' ? String(i) : `${path}.${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, path === '' ? key : `${path}.${key}`);
    }
  };
  visit(data, '');
  return used;
}
