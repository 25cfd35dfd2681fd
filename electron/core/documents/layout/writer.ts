/**
 * A small flowing layout on top of pdf-lib: a cursor that moves down US Letter pages, wraps
 * text in any bundled script, and breaks pages. Renderers say *what* goes on the page; this
 * file knows *how* text is measured and drawn.
 */
import { randomBytes } from 'node:crypto';
import type { Color, PDFFont, PDFPage, PDFRef } from 'pdf-lib';
import { PDFDocument, PDFName, rgb } from 'pdf-lib';
import type { FaceName, FontSet } from '../fonts/registry';
import { isRtlParagraph, visualLine } from '../text/runs';
import { rememberForSigning } from '../signing/incremental';
import { phase } from '../timing';
import { PageContent, glyphLiteral } from './content';
import { deflate, useNativeDeflate } from './deflate';

export const PAGE = { width: 612, height: 792, margin: 48, top: 56, bottom: 88 } as const;
export const COLORS = {
  text: rgb(0.08, 0.08, 0.08),
  muted: rgb(0.36, 0.36, 0.36),
  rule: rgb(0.62, 0.62, 0.62),
  band: rgb(0.93, 0.93, 0.93),
  accent: rgb(0.6, 0.05, 0.1),
} as const;

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: Color;
}

export const BODY: TextStyle = { size: 9 };
export const SMALL: TextStyle = { size: 7.5, color: COLORS.muted };

export function lineHeight(style: TextStyle): number {
  // Tamil and Arabic glyphs reach further above and below than Latin: keep generous leading.
  return style.size * 1.42;
}

/** One wrapped line, with the direction of the paragraph it came from. */
export interface WrappedLine {
  readonly text: string;
  readonly rtl: boolean;
}

export interface DocumentMeta {
  readonly title: string;
  readonly subject: string;
  readonly createdAt: Date;
}

/**
 * PDF 32000 §9.6.4: a subset font's name starts with six capital letters and "+", so readers
 * and preflight tools (pdffonts "sub yes") know it is a subset. pdf-lib does not add one.
 */
function subsetTag(): string {
  return Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** A page and the operators drawn on it (see content.ts). */
export interface WriterPage {
  readonly pdf: PDFPage;
  readonly content: PageContent;
}

/** pdf-lib save options: object streams, and no yielding to the event loop every 50 objects. */
export const SAVE_OPTIONS = { useObjectStreams: true, addDefaultPage: false, objectsPerTick: Infinity, updateFieldAppearances: false } as const;

const MAX_MEMOISED_WRAPS = 20_000;
const wrapMemo = new WeakMap<FontSet, Map<string, readonly WrappedLine[]>>();

export class DocumentWriter {
  readonly doc: PDFDocument;
  readonly pages: WriterPage[] = [];
  /** Top of the next line, in PDF points from the bottom of the page. */
  y = 0;
  private current: WriterPage | null = null;
  private readonly fonts: FontSet;
  private readonly pdfFonts: ReadonlyMap<FaceName, PDFFont>;
  /** Resource name of each embedded face on every page: /F0, /F1, … */
  private readonly fontKeys: ReadonlyMap<FaceName, string>;
  private readonly fontRefs: ReadonlyMap<string, PDFRef>;

  private constructor(doc: PDFDocument, fonts: FontSet, pdfFonts: ReadonlyMap<FaceName, PDFFont>) {
    this.doc = doc;
    this.fonts = fonts;
    this.pdfFonts = pdfFonts;
    const keys = new Map<FaceName, string>();
    const refs = new Map<string, PDFRef>();
    [...pdfFonts].forEach(([face, font], i) => {
      keys.set(face, `F${i}`);
      refs.set(`F${i}`, font.ref);
    });
    this.fontKeys = keys;
    this.fontRefs = refs;
  }

  /** `faces`: the faces the data needs (from checkPrintable); Latin regular and bold are always embedded. */
  static async create(fonts: FontSet, faces: ReadonlySet<FaceName>, meta: DocumentMeta): Promise<DocumentWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    useNativeDeflate(doc);
    doc.registerFontkit(fonts.fontkit);
    const needed = new Set<FaceName>(['latin', 'latinBold', ...faces]);
    const pdfFonts = new Map<FaceName, PDFFont>();
    for (const face of needed) {
      const customName = `${subsetTag()}+${fonts.faces[face].postscriptName ?? face}`;
      pdfFonts.set(face, await doc.embedFont(fonts.bytes[face], { subset: true, customName }));
    }
    // A subset numbers its glyphs in order of first use, so a packet number drawn early (the
    // cover's bold number) would give the Latin subsets a different glyph order, and fontkit
    // would encode them afresh, for every packet. With the digits included first, in a fixed
    // order, the same form text gives the same subset and the memoised file is reused
    // (fonts/layout-cache.ts memoiseSubsets). Costs at most ten small glyphs per face.
    for (const face of ['latin', 'latinBold'] as const) pdfFonts.get(face)?.encodeText('0123456789');
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setSubject(meta.subject);
    doc.setAuthor('Canada Border Services Agency / Agence des services frontaliers du Canada');
    doc.setCreator('AVRR Intake');
    doc.setProducer('AVRR Intake document engine (pdf-lib)');
    doc.setLanguage('en-CA');
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    const writer = new DocumentWriter(doc, fonts, pdfFonts);
    writer.newPage();
    return writer;
  }

  get page(): WriterPage {
    if (!this.current) throw new Error('no page');
    return this.current;
  }

  get left(): number {
    return PAGE.margin;
  }

  get width(): number {
    return PAGE.width - 2 * PAGE.margin;
  }

  newPage(): void {
    this.current = { pdf: this.doc.addPage([PAGE.width, PAGE.height]), content: new PageContent() };
    this.pages.push(this.current);
    this.y = PAGE.height - PAGE.top;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < PAGE.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  font(face: FaceName): PDFFont {
    const font = this.pdfFonts.get(face) ?? this.pdfFonts.get('latin');
    if (!font) throw new Error(`font ${face} not embedded`);
    return font;
  }

  /**
   * Width of a line: the sum of its words and spaces. Word widths are cached across documents
   * (shaping is the expensive part); kerning across a space is negligible.
   */
  measure(text: string, style: TextStyle): number {
    const words = text.split(' ');
    let width = (words.length - 1) * this.wordWidth(' ', style.bold === true);
    for (const word of words) if (word !== '') width += this.wordWidth(word, style.bold === true);
    return width * style.size;
  }

  private wordWidth(word: string, bold: boolean): number {
    const key = `${bold ? 'b' : 'r'}${word}`;
    const hit = this.fonts.widths.get(key);
    if (hit !== undefined) return hit;
    let width = 0;
    for (const run of visualLine(word, this.fonts, bold).runs) {
      width += this.font(run.face).widthOfTextAtSize(run.text, 1);
    }
    if (this.fonts.widths.size > 50_000) this.fonts.widths.clear();
    this.fonts.widths.set(key, width);
    return width;
  }

  /**
   * Greedy word wrap; words wider than the line (Chinese has no spaces) break between characters.
   * Memoised per font set: the same paragraphs are wrapped to the same widths in every document
   * (and twice in each: once to measure the block, once to draw it).
   */
  wrap(text: string, width: number, style: TextStyle): readonly WrappedLine[] {
    let memo = wrapMemo.get(this.fonts);
    if (!memo) wrapMemo.set(this.fonts, (memo = new Map()));
    const key = `${style.bold === true ? 'b' : 'r'}${style.size}|${width}|${text}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const lines = this.wrapUncached(text, width, style);
    if (memo.size >= MAX_MEMOISED_WRAPS) memo.clear();
    memo.set(key, lines);
    return lines;
  }

  private wrapUncached(text: string, width: number, style: TextStyle): WrappedLine[] {
    const lines: WrappedLine[] = [];
    for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
      const rtl = isRtlParagraph(paragraph);
      const push = (l: string) => lines.push({ text: l, rtl });
      let line = '';
      for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (this.measure(candidate, style) <= width) {
          line = candidate;
          continue;
        }
        if (line !== '') push(line);
        line = '';
        if (this.measure(word, style) <= width) {
          line = word;
          continue;
        }
        for (const ch of word) {
          if (line !== '' && this.measure(line + ch, style) > width) {
            push(line);
            line = '';
          }
          line += ch;
        }
      }
      push(line);
    }
    return lines;
  }

  textHeight(text: string, width: number, style: TextStyle): number {
    return this.wrap(text, width, style).length * lineHeight(style);
  }

  /**
   * Draws one line with its top at `top`. Right-to-left lines are right-aligned in `width`.
   * Returns the drawn width.
   */
  drawLine(page: WriterPage, text: string, x: number, top: number, style: TextStyle, width?: number, rtl?: boolean): number {
    const line = visualLine(text.normalize('NFC'), this.fonts, style.bold === true, rtl);
    const total = this.measure(text.normalize('NFC'), style);
    let cursor = line.rtl && width !== undefined ? x + width - total : x;
    const baseline = top - style.size;
    for (const run of line.runs) {
      const font = this.font(run.face);
      const key = this.fontKeys.get(run.face) ?? this.fontKeys.get('latin') ?? 'F0';
      // encodeText shapes the run (memoised, see layout-cache.ts) and adds its glyphs to the subset.
      const glyphs = glyphLiteral(font.encodeText(run.text).toString().slice(1, -1));
      page.content.text(key, style.size, style.color ?? COLORS.text, cursor, baseline, glyphs);
      cursor += font.widthOfTextAtSize(run.text, style.size);
    }
    return total;
  }

  /** Draws wrapped text at a fixed position (no page break); returns its height. */
  drawBlock(text: string, x: number, top: number, width: number, style: TextStyle): number {
    const lines = this.wrap(text, width, style);
    lines.forEach((line, i) => this.drawLine(this.page, line.text, x, top - i * lineHeight(style), style, width, line.rtl));
    return lines.length * lineHeight(style);
  }

  /** Flowing paragraph at the cursor, breaking pages between lines. */
  paragraph(text: string, style: TextStyle = BODY, indent = 0): void {
    for (const line of this.wrap(text, this.width - indent, style)) {
      this.ensure(lineHeight(style));
      this.drawLine(this.page, line.text, this.left + indent, this.y, style, this.width - indent, line.rtl);
      this.y -= lineHeight(style);
    }
  }

  rule(color: Color = COLORS.rule, thickness = 0.6): void {
    this.page.content.line(this.left, this.y, this.left + this.width, this.y, thickness, color);
  }

  /**
   * Writes each page's operators as one deflated content stream with its font resources,
   * then saves. The bytes are remembered (with a hash) so that signPdf can append the
   * signature to them without parsing them again (signing/incremental.ts).
   */
  async save(): Promise<Uint8Array> {
    const ctx = this.doc.context;
    for (const page of this.pages) {
      for (const key of page.content.fonts) {
        const ref = this.fontRefs.get(key);
        if (ref) page.pdf.node.setFontDictionary(PDFName.of(key), ref);
      }
      const stream = ctx.stream(deflate(page.content.bytes()), { Filter: 'FlateDecode' });
      page.pdf.node.set(PDFName.of('Contents'), ctx.register(stream));
    }
    phase('save: page content streams (deflate)');
    const bytes = await this.doc.save(SAVE_OPTIONS);
    phase('save: font subsets + pdf-lib serialise');
    rememberForSigning(this.doc, bytes);
    phase('save: remember for signing (SHA-256)');
    return bytes;
  }
}
