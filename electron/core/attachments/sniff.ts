import type { AttachmentMediaType } from '../../../shared/schema/attachments';

/**
 * What a scan is, from its bytes alone (the name is never trusted): a PDF (`%PDF-` header and a
 * `%%EOF` trailer), a JPEG (SOI marker at the start, EOI at the end) or a PNG (the signature,
 * then an IHDR chunk of 13 bytes with a non-zero width and height). Anything else is refused,
 * with a message key that says why: a program (MZ or ELF header), a damaged file of a known
 * kind, or a kind that is not accepted.
 */
export type Sniffed = { ok: true; mediaType: AttachmentMediaType } | { ok: false; messageKey: SniffRefusal };
export type SniffRefusal = 'attachments.error.executable' | 'attachments.error.damaged' | 'attachments.error.unknown_type' | 'attachments.error.empty';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** How far from the end a PDF's `%%EOF` may sit (scanners add trailing whitespace or padding). */
const PDF_TAIL = 1024;

export function sniffMediaType(bytes: Buffer): Sniffed {
  if (bytes.length === 0) return { ok: false, messageKey: 'attachments.error.empty' };
  if (startsWith(bytes, Buffer.from('%PDF-', 'latin1'))) {
    const tail = bytes.subarray(Math.max(0, bytes.length - PDF_TAIL)).toString('latin1');
    return tail.includes('%%EOF') ? { ok: true, mediaType: 'application/pdf' } : { ok: false, messageKey: 'attachments.error.damaged' };
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const end = trimTrailingPadding(bytes);
    return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9 ? { ok: true, mediaType: 'image/jpeg' } : { ok: false, messageKey: 'attachments.error.damaged' };
  }
  if (startsWith(bytes, PNG_SIGNATURE)) {
    // The first chunk must be IHDR, 13 bytes long, with a real width and height.
    const ok = bytes.length >= 33 && bytes.readUInt32BE(8) === 13 && bytes.subarray(12, 16).toString('latin1') === 'IHDR' && bytes.readUInt32BE(16) > 0 && bytes.readUInt32BE(20) > 0;
    return ok ? { ok: true, mediaType: 'image/png' } : { ok: false, messageKey: 'attachments.error.damaged' };
  }
  if (startsWith(bytes, Buffer.from('MZ', 'latin1')) || startsWith(bytes, Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) {
    return { ok: false, messageKey: 'attachments.error.executable' };
  }
  return { ok: false, messageKey: 'attachments.error.unknown_type' };
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

/** The length without the zero bytes or whitespace some scanners write after the image. */
function trimTrailingPadding(bytes: Buffer): number {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20)) end--;
  return end;
}
