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

/** Running header, footer with "page i of n", and the QR code; drawn once the page count is known. */
export function decoratePages(w: DocumentWriter, d: Decoration): void {
  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    const n = i + 1;
    if (i > 0) {
      // Shrink a long running title to the line rather than let it run off the page.
      const fit = Math.min(SMALL.size, (SMALL.size * w.width) / w.measure(d.runningTitle, SMALL));
      w.drawLine(page, d.runningTitle, PAGE.margin, PAGE.height - 28, { ...SMALL, size: fit });
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
