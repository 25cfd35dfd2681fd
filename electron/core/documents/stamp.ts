import { degrees, PDFDocument, rgb } from 'pdf-lib';
import { COPY_STAMP, REPRINTED_ON } from '../../../resources/forms/documents-text';
import { AlreadySignedError } from './errors';
import { loadFontSet } from './fonts/registry';
import { useNativeDeflate } from './layout/deflate';
import { SAVE_OPTIONS } from './layout/writer';
import { rememberForSigning } from './signing/incremental';
import { isSigned } from './signing/sign-pdf';

/**
 * Stamps "COPY / COPIE" and the reprint date on every page, for reprints.
 *
 * Decision: stamping works on the *unsigned* render only, and the reprint is then signed
 * afresh (render → stampCopy → signPdf). Changing a signed file rewrites bytes the signature
 * covers; an incremental update would keep the old signature valid but readers then show
 * "changed after signing", which is worse on a government form. A signed input is refused.
 */
export async function stampCopy(pdf: Uint8Array, reprintDate: string, options: { fontsDir?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (isSigned(doc)) throw new AlreadySignedError();
  useNativeDeflate(doc);
  const fonts = loadFontSet(options.fontsDir);
  doc.registerFontkit(fonts.fontkit);
  const bold = await doc.embedFont(fonts.bytes.latinBold, { subset: true });
  const red = rgb(0.75, 0.05, 0.05);
  const mark = `${COPY_STAMP.en} / ${COPY_STAMP.fr}`;
  const line = `${REPRINTED_ON.en} / ${REPRINTED_ON.fr} ${reprintDate}`;

  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    // Faint diagonal watermark across the page, then a boxed stamp in the top-right corner.
    const size = 64;
    const markWidth = bold.widthOfTextAtSize(mark, size);
    const angle = Math.atan2(height, width);
    page.drawText(mark, {
      x: width / 2 - (Math.cos(angle) * markWidth) / 2,
      y: height / 2 - (Math.sin(angle) * markWidth) / 2,
      size,
      font: bold,
      color: red,
      opacity: 0.12,
      rotate: degrees((angle * 180) / Math.PI),
    });
    const boxWidth = Math.max(bold.widthOfTextAtSize(mark, 14), bold.widthOfTextAtSize(line, 7.5)) + 16;
    const x = width - 48 - boxWidth;
    const y = height - 50;
    page.drawRectangle({ x, y, width: boxWidth, height: 34, borderColor: red, borderWidth: 1.2, color: rgb(1, 1, 1) });
    page.drawText(mark, { x: x + 8, y: y + 17, size: 14, font: bold, color: red });
    page.drawText(line, { x: x + 8, y: y + 6, size: 7.5, font: bold, color: red });
  }
  const bytes = await doc.save(SAVE_OPTIONS);
  rememberForSigning(doc, bytes);
  return bytes;
}
