import QRCode from 'qrcode';
import type { PageContent } from './content';

/**
 * Draws a QR code as vector rectangles (one per horizontal run of dark modules): sharper and
 * far smaller than an embedded PNG, and no image encoder in the render path.
 * (x, y) is the bottom-left corner of the code without its quiet zone.
 */
export function drawQr(content: PageContent, payload: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const rows: [number, number][][] = [];
  for (let row = 0; row < n; row++) {
    const runs: [number, number][] = [];
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      runs.push([start, col - start]);
    }
    rows.push(runs);
  }
  content.modules(x, y, size / n, rows);
}
