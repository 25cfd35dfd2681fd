/**
 * A page's content stream, written as compact PDF operators.
 *
 * pdf-lib's drawText/drawLine/drawRectangle build an operator object per number and wrap
 * every call in `q … Q` with a fresh text matrix, leading and a *new, randomly named* font
 * resource (a page of the referral packet ended up with hundreds of /Font entries), and
 * print coordinates with 17 significant digits. Writing the operators here instead keeps the
 * same drawing (same fonts, sizes, colours, positions to 1/100 pt, same paths) in a fraction
 * of the bytes and time:
 *
 * - one `/F<n>` resource per embedded face;
 * - the font, size and fill colour are only set when they change (text state and colour are
 *   part of the graphics state, so they survive `BT`/`ET`; paths are drawn inside `q … Q`
 *   so they do not disturb what the text tracking assumes);
 * - glyph codes as binary literal strings (2 bytes a glyph) instead of hex (4);
 * - the whole stream is deflated once by node:zlib when the document is saved.
 */
import type { Color } from 'pdf-lib';

/** Coordinates to 1/100 pt (0.0035 mm), sizes and scales to 1/10000: no visible change. */
export function num(n: number, digits = 2): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return r === 0 ? '0' : String(r);
}

function colorOperands(c: Color): string {
  if (c.type === 'RGB') return `${num(c.red, 4)} ${num(c.green, 4)} ${num(c.blue, 4)}`;
  throw new Error(`unsupported colour ${c.type}`);
}

/**
 * A PDF literal string of the 2-byte glyph codes of a hex string from pdf-lib's encodeText.
 * Only the delimiters and the end-of-line bytes need escaping (a raw CR in a literal string
 * is read as LF).
 */
export function glyphLiteral(hex: string): string {
  let s = '(';
  for (let i = 0; i < hex.length; i += 2) {
    const b = parseInt(hex.slice(i, i + 2), 16);
    if (b === 0x28 || b === 0x29 || b === 0x5c) s += `\\${String.fromCharCode(b)}`;
    else if (b === 0x0d) s += '\\r';
    else if (b === 0x0a) s += '\\n';
    else s += String.fromCharCode(b);
  }
  return `${s})`;
}

export class PageContent {
  private readonly parts: string[] = [];
  private font = '';
  private size = NaN;
  private fill = '';
  /** Font resource names this page uses. */
  readonly fonts = new Set<string>();

  /** One run of glyphs (a literal from glyphLiteral) with its baseline origin at (x, y). */
  text(fontKey: string, size: number, color: Color, x: number, y: number, glyphs: string): void {
    let s = 'BT\n';
    if (fontKey !== this.font || size !== this.size) {
      s += `/${fontKey} ${num(size, 4)} Tf\n`;
      this.font = fontKey;
      this.size = size;
      this.fonts.add(fontKey);
    }
    const fill = `${colorOperands(color)} rg`;
    if (fill !== this.fill) {
      s += `${fill}\n`;
      this.fill = fill;
    }
    this.parts.push(`${s}${num(x)} ${num(y)} Td\n${glyphs} Tj\nET\n`);
  }

  fillRect(x: number, y: number, width: number, height: number, color: Color): void {
    this.parts.push(`q\n${colorOperands(color)} rg\n${num(x)} ${num(y)} ${num(width)} ${num(height)} re\nf\nQ\n`);
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness: number, color: Color): void {
    this.parts.push(`q\n${colorOperands(color)} RG\n${num(thickness, 4)} w\n${num(x1)} ${num(y1)} m\n${num(x2)} ${num(y2)} l\nS\nQ\n`);
  }

  /**
   * Black modules of a grid of `n` x `n` cells of `cell` points, bottom-left at (x, y): the
   * grid is scaled by one `cm`, so each horizontal run of dark modules is one rectangle with
   * small integer operands. `rows` are top to bottom, each a list of [start column, length].
   */
  modules(x: number, y: number, cell: number, rows: readonly (readonly (readonly [number, number])[])[]): void {
    const n = rows.length;
    let s = `q\n0 0 0 rg\n${num(cell, 6)} 0 0 ${num(cell, 6)} ${num(x)} ${num(y)} cm\n`;
    rows.forEach((runs, row) => {
      // Row 0 is the top of the symbol; PDF y grows upwards.
      for (const [start, length] of runs) s += `${start} ${n - row - 1} ${length} 1 re\n`;
    });
    this.parts.push(`${s}f\nQ\n`);
  }

  /** The operators as bytes (latin1: glyph literals are binary). */
  bytes(): Buffer {
    return Buffer.from(this.parts.join(''), 'latin1');
  }
}
