/**
 * Finds the signatures of a PDF without a PDF parser: each signature dictionary carries
 * `/ByteRange [a b c d]` and, in the gap between the two ranges, its `/Contents <hex CMS>`.
 * A reader trusts the ranges only after the CMS over them verifies (cms.ts), so a forged
 * /ByteRange elsewhere in the file gains nothing; here we only check the shape is sane.
 */

export interface FoundSignature {
  /** The two signed ranges: [0, b) and [c, c + d). */
  readonly ranges: readonly [number, number, number, number];
  /** Where the signed bytes end (c + d): the file's length when nothing was appended after signing. */
  readonly end: number;
  /** The DER of the CMS, with the placeholder's zero padding cut off. */
  readonly cms: Uint8Array;
  /** The signature dictionary's claimed signing time (/M), if readable. */
  readonly claimedTime: Date | null;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** The length of the DER value starting at 0 (a SEQUENCE), so trailing zero padding is dropped. */
function derLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return null;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  return 2 + n + len <= bytes.length ? 2 + n + len : null;
}

/** PDF date (D:YYYYMMDDHHmmSS with Z or +HH'mm') -> Date. */
function pdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?/.exec(s);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000 : 0;
  const d = new Date(utc - offset);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The signature dictionary around a /ByteRange: from the `<<` before it to the `>>` after its /Contents. */
function claimedTime(text: string, at: number, contentsEnd: number): Date | null {
  const start = text.lastIndexOf('<<', at);
  const end = text.indexOf('>>', contentsEnd);
  if (start < 0 || end < 0) return null;
  const dict = text.slice(start, end);
  const m = /\/M\s*\((D:[^)]*)\)/.exec(dict);
  return m?.[1] ? pdfDate(m[1]) : null;
}

/** Every well-formed signature of the file, in the order their signed parts end (the first signed first). */
export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  // latin1 keeps one character per byte, so string offsets are file offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const found: FoundSignature[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const [a, b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    // The first range starts the file, the gap is exactly the hex string <...>, the second fits the file.
    if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length) continue;
    if (text[b] !== '<' || text[c - 1] !== '>') continue;
    const hex = text.slice(b + 1, c - 1);
    if (hex.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(hex)) continue;
    const padded = Buffer.from(hex, 'hex');
    const len = derLength(padded);
    if (len === null) continue;
    found.push({
      ranges: [a, b, c, d],
      end: c + d,
      cms: new Uint8Array(padded.subarray(0, len)),
      claimedTime: claimedTime(text, m.index, c),
    });
  }
  return found.sort((x, y) => x.end - y.end);
}
