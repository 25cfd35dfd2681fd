import type { PDFPage } from 'pdf-lib';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * Draws a QR code as vector rectangles (one per horizontal run of dark modules): sharper and
 * far smaller than an embedded PNG, and no image encoder in the render path.
 * (x, y) is the bottom-left corner of the code without its quiet zone.
 */
export function drawQr(page: PDFPage, payload: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / n;
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      // Row 0 is the top of the symbol; PDF y grows upwards.
      ops.push(rectangle(x + start * cell, y + (n - row - 1) * cell, (col - start) * cell, cell));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
