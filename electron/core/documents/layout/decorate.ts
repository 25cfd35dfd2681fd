import { SECURITY_MARKING } from '../../../../resources/forms/documents-text';
import type { DocumentWriter } from './writer';
import { COLORS, PAGE, SMALL } from './writer';
import { phase } from '../timing';
import { drawQr } from './qr';

export interface Decoration {
  /** Shown at the top of every page after the first. */
  readonly runningTitle: string;
  /** Document reference in the footer, e.g. "Packet / Dossier P-2024-0001". */
  readonly reference: string;
  /** QR payload for a page (1-based), or none. */
  readonly qr?: (page: number, pages: number) => string;
}

export const QR_SIZE = 62;

const MARKING_STYLE = { size: 8, bold: true, color: COLORS.accent } as const;
const MARKING = `${SECURITY_MARKING.en} / ${SECURITY_MARKING.fr}`;

/**
 * The security marking at the top left of every page, running header after the first page,
 * footer with "page i of n", and the QR code; drawn once the page count is known. The marking
 * stays clear of the top right, where a reprint's "COPY / COPIE" box goes.
 */
export function decoratePages(w: DocumentWriter, d: Decoration): void {
  const total = w.pages.length;
  const headerTop = PAGE.height - 28;
  const markingWidth = w.measure(MARKING, MARKING_STYLE);
  w.pages.forEach((page, i) => {
    const n = i + 1;
    w.drawLine(page, MARKING, PAGE.margin, headerTop, MARKING_STYLE);
    if (i > 0) {
      // After the marking; shrink a long running title to the line rather than let it run off the page.
      const x = PAGE.margin + markingWidth + 14;
      const room = PAGE.width - PAGE.margin - x;
      const fit = Math.min(SMALL.size, (SMALL.size * room) / w.measure(d.runningTitle, SMALL));
      // Same baseline as the marking.
      w.drawLine(page, d.runningTitle, x, headerTop - MARKING_STYLE.size + fit, { ...SMALL, size: fit });
    }
    const footerTop = 44;
    const ruleEnd = PAGE.width - PAGE.margin - (d.qr ? QR_SIZE + 12 : 0);
    page.content.line(PAGE.margin, footerTop + 8, ruleEnd, footerTop + 8, 0.4, COLORS.rule);
    w.drawLine(page, d.reference, PAGE.margin, footerTop, SMALL);
    w.drawLine(page, `Page ${n} of ${total} / Page ${n} de ${total}`, PAGE.margin, footerTop - 11, SMALL);
    phase('render: running header + footer');
    if (d.qr) drawQr(page.content, d.qr(n, total), PAGE.width - PAGE.margin - QR_SIZE, 16, QR_SIZE);
    phase('render: QR codes');
  });
}
