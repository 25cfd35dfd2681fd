/**
 * Reusable pieces of the bilingual forms: headings, label/value rows, EN|FR columns, tables,
 * signature lines. Each draws at the writer's cursor and moves it down.
 */
import type { Bilingual } from '../../../../resources/forms/documents-text';
import type { DocumentWriter, TextStyle } from './writer';
import { BODY, COLORS, lineHeight, PAGE, SMALL } from './writer';

export const bi = (t: Bilingual): string => `${t.en} / ${t.fr}`;

const HEADING: TextStyle = { size: 11, bold: true, color: COLORS.accent };
const COLUMN_GAP = 18;

export function documentTitle(w: DocumentWriter, programme: Bilingual, title: Bilingual): void {
  w.drawLine(w.page, bi(programme), w.left, w.y, { size: 8.5, color: COLORS.muted });
  w.space(16);
  w.space(w.drawBlock(title.en, w.left, w.y, w.width, { size: 15, bold: true }));
  w.space(w.drawBlock(title.fr, w.left, w.y, w.width, { size: 13, bold: true, color: COLORS.muted }) + 4);
  w.rule(COLORS.accent, 1.2);
  w.space(10);
}

export function heading(w: DocumentWriter, title: Bilingual): void {
  // Keep a heading with at least a couple of lines of what follows.
  w.ensure(lineHeight(HEADING) + 48);
  w.space(6);
  w.drawLine(w.page, bi(title), w.left, w.y, HEADING);
  w.space(lineHeight(HEADING) + 1);
  w.rule();
  w.space(6);
}

/** Height available for content on a fresh page. */
const PAGE_ROOM = PAGE.height - PAGE.top - PAGE.bottom;

/** "Label EN / FR" on the left, the value wrapped on the right (flowing on when it is longer than a page). */
export function field(w: DocumentWriter, label: Bilingual, value: string, labelWidth = 170): void {
  const valueWidth = w.width - labelWidth - 8;
  const labelHeight = w.textHeight(bi(label), labelWidth, SMALL);
  const valueHeight = w.textHeight(value, valueWidth, BODY);
  const height = Math.max(labelHeight, valueHeight);
  if (height + 3 > PAGE_ROOM) {
    w.ensure(Math.max(labelHeight, 4 * lineHeight(BODY)));
    w.drawBlock(bi(label), w.left, w.y - 1, labelWidth, SMALL);
    w.paragraph(value, BODY, labelWidth + 8);
    w.space(3);
    return;
  }
  w.ensure(height + 3);
  w.drawBlock(bi(label), w.left, w.y - 1, labelWidth, SMALL);
  w.drawBlock(value, w.left + labelWidth + 8, w.y, valueWidth, BODY);
  w.space(height + 3);
}

/** English on the left, French on the right, each wrapped in its column. */
export function columns(w: DocumentWriter, en: string, fr: string, style: TextStyle = BODY, prefix = ''): void {
  const colWidth = (w.width - COLUMN_GAP) / 2;
  const height = Math.max(w.textHeight(prefix + en, colWidth, style), w.textHeight(prefix + fr, colWidth, style));
  w.ensure(height + 4);
  w.drawBlock(prefix + en, w.left, w.y, colWidth, style);
  w.drawBlock(prefix + fr, w.left + colWidth + COLUMN_GAP, w.y, colWidth, style);
  w.space(height + 4);
}

export interface Column {
  readonly header: Bilingual;
  /** Share of the line width; shares are normalised. */
  readonly share: number;
}

/**
 * A table whose cells wrap; the header row is repeated after a page break. A row that fits on
 * a page is never split; a longer one (long notes) continues on the next page, line by line.
 */
export function table(w: DocumentWriter, cols: readonly Column[], rows: readonly (readonly string[])[]): void {
  const pad = 3;
  const totalShare = cols.reduce((s, c) => s + c.share, 0);
  const widths = cols.map((c) => (w.width * c.share) / totalShare);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((s, x) => s + x, 0));
  const headerCells = cols.map((c) => `${c.header.en}\n${c.header.fr}`);

  const rowHeight = (cells: readonly string[], style: TextStyle) =>
    Math.max(...cells.map((cell, i) => w.textHeight(cell, (widths[i] ?? 0) - 2 * pad, style))) + 2 * pad;

  const headerStyle: TextStyle = { size: 7.5, bold: true, color: COLORS.muted };
  const drawRow = (cells: readonly string[], style: TextStyle, shaded: boolean) => {
    const height = rowHeight(cells, style);
    if (shaded) {
      w.page.content.fillRect(w.left, w.y - height, w.width, height, COLORS.band);
    }
    cells.forEach((cell, i) => w.drawBlock(cell, (xs[i] ?? 0) + pad, w.y - pad, (widths[i] ?? 0) - 2 * pad, style));
    w.space(height);
    w.page.content.line(w.left, w.y, w.left + w.width, w.y, 0.4, COLORS.rule);
  };

  const headerHeight = rowHeight(headerCells, headerStyle);
  const bodyLine = lineHeight(BODY);
  /** A row taller than a fresh page (below the repeated header) holds: drawn in slices. */
  const drawLongRow = (cells: readonly string[]) => {
    let rest = cells.map((cell, i) => w.wrap(cell, (widths[i] ?? 0) - 2 * pad, BODY));
    for (;;) {
      const fit = Math.floor((w.y - PAGE.bottom - 2 * pad) / bodyLine);
      const lines = Math.max(...rest.map((l) => l.length));
      const n = Math.min(fit, lines);
      rest.forEach((cellLines, i) =>
        cellLines.slice(0, n).forEach((line, j) => w.drawLine(w.page, line.text, (xs[i] ?? 0) + pad, w.y - pad - j * bodyLine, BODY, (widths[i] ?? 0) - 2 * pad, line.rtl)),
      );
      w.space(n * bodyLine + 2 * pad);
      w.page.content.line(w.left, w.y, w.left + w.width, w.y, 0.4, COLORS.rule);
      rest = rest.map((l) => l.slice(n));
      if (n >= lines) return;
      w.newPage();
      drawRow(headerCells, headerStyle, true);
    }
  };
  const first = rowHeight(rows[0] ?? [], BODY);
  w.ensure(headerHeight + (first + headerHeight > PAGE_ROOM ? bodyLine * 3 + 2 * pad : first));
  drawRow(headerCells, headerStyle, true);
  for (const row of rows) {
    const height = rowHeight(row, BODY);
    if (height + headerHeight > PAGE_ROOM) {
      // Start it here if a few lines fit, else on the next page.
      if (w.y - PAGE.bottom < bodyLine * 3 + 2 * pad) {
        w.newPage();
        drawRow(headerCells, headerStyle, true);
      }
      drawLongRow(row);
      continue;
    }
    if (w.y - height < PAGE.bottom) {
      w.newPage();
      drawRow(headerCells, headerStyle, true);
    }
    drawRow(row, BODY, false);
  }
  w.space(6);
}

/** A signature line and a date line side by side, with their captions underneath. */
export function signatureLine(w: DocumentWriter, caption: string, dateCaption = 'Date'): void {
  const dateWidth = 130;
  const gap = 24;
  const sigWidth = w.width - dateWidth - gap;
  const captionHeight = w.textHeight(caption, sigWidth, SMALL);
  w.ensure(30 + captionHeight);
  w.space(26);
  const line = (x: number, width: number) => w.page.content.line(x, w.y, x + width, w.y, 0.7, COLORS.text);
  line(w.left, sigWidth);
  line(w.left + sigWidth + gap, dateWidth);
  w.space(2);
  w.drawBlock(caption, w.left, w.y, sigWidth, SMALL);
  w.drawLine(w.page, dateCaption, w.left + sigWidth + gap, w.y, SMALL);
  w.space(captionHeight + 4);
}

export function bullets(w: DocumentWriter, items: readonly Bilingual[]): void {
  for (const item of items) columns(w, item.en, item.fr, BODY, '•  ');
}
