/**
 * Signing a document this engine has just written, without parsing it again.
 *
 * When the engine saves a PDF (a render, or stampCopy) it remembers, for that very
 * Uint8Array, the few things a signature needs: the catalog, the first page and the
 * document information dictionaries as written, the next free object number, where the
 * cross-reference stream starts, and the SHA-256 of the bytes. signPdf on those bytes then
 * appends one incremental update: the signature dictionary, its invisible widget, the first
 * page with /Annots, the catalog with /AcroForm, the information dictionary with /ModDate =
 * signing time, and a cross-reference stream whose /Prev is the original one. The signature's
 * /ByteRange covers the whole file, the original revision included ("Total document signed"),
 * and nothing follows it, so readers report no change after signing.
 *
 * If the bytes were changed after saving (the hash no longer matches), or come from elsewhere,
 * signPdf falls back to loading and rewriting them with pdf-lib.
 */
import { createHash } from 'node:crypto';
import type { PDFDocument, PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { phase } from '../timing';

interface WrittenDict {
  /** "12 0" */
  readonly ref: string;
  /** The dictionary's entries as written, one per line, without << >>. */
  readonly entries: string;
}

interface Signable {
  readonly sha256: string;
  readonly length: number;
  readonly nextObject: number;
  readonly root: WrittenDict;
  /** First page without /Annots. */
  readonly page: WrittenDict;
  /** Its annotations as written (pdf-lib gives every page an empty /Annots array). */
  readonly annots: string;
  /** Information dictionary without /ModDate. */
  readonly info: WrittenDict | null;
  readonly startxref: number;
}

const remembered = new WeakMap<Uint8Array, Signable>();

const refString = (r: PDFRef): string => `${r.objectNumber} ${r.generationNumber}`;

function entriesOf(dict: PDFDict, skip?: string): string {
  return dict
    .entries()
    .filter(([key]) => skip === undefined || key !== PDFName.of(skip))
    .map(([key, value]: [PDFName, PDFObject]) => `${key.toString()} ${value.toString()}\n`)
    .join('');
}

/** Called right after the engine saves `doc` as `bytes`. */
export function rememberForSigning(doc: PDFDocument, bytes: Uint8Array): void {
  const ctx = doc.context;
  const rootRef = ctx.trailerInfo.Root;
  const infoRef = ctx.trailerInfo.Info;
  const page = doc.getPages()[0];
  if (!(rootRef instanceof PDFRef) || page === undefined) return;
  // Only the simple case the engine produces: no form yet, annotations (if any) in a direct array.
  const annots = page.node.get(PDFName.of('Annots'));
  if (doc.catalog.has(PDFName.of('AcroForm')) || (annots !== undefined && !(annots instanceof PDFArray))) return;
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64))).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return;
  const startxref = Number(m[1]);
  // The writer numbers its object and cross-reference streams past the context's objects:
  // the next free number is the /Size of the cross-reference stream's dictionary.
  const xrefDict = Buffer.from(bytes.subarray(startxref, startxref + 512)).toString('latin1');
  const size = /\/Size (\d+)/.exec(xrefDict);
  if (!size) return;
  const info = infoRef instanceof PDFRef ? ctx.lookupMaybe(infoRef, PDFDict) : undefined;
  remembered.set(bytes, {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    length: bytes.length,
    nextObject: Math.max(Number(size[1]), ctx.largestObjectNumber + 1),
    root: { ref: refString(rootRef), entries: entriesOf(doc.catalog) },
    page: { ref: refString(page.ref), entries: entriesOf(page.node, 'Annots') },
    annots: annots instanceof PDFArray ? annots.asArray().map((a) => `${a.toString()} `).join('') : '',
    info: infoRef instanceof PDFRef && info ? { ref: refString(infoRef), entries: entriesOf(info, 'ModDate') } : null,
    startxref,
  });
}

export interface SignatureFields {
  readonly reason: string;
  readonly location: string;
  readonly signingTime: Date;
  readonly signerName: string;
  readonly contactInfo?: string;
}

/** The signature dictionary; /ByteRange and /Contents are placeholders filled in afterwards. */
export function signatureDictionary(f: SignatureFields, byteRange: string, contents: string): string {
  return [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${byteRange}`,
    `/Contents ${contents}`,
    `/Reason ${PDFHexString.fromText(f.reason).toString()}`,
    `/Location ${PDFHexString.fromText(f.location).toString()}`,
    `/Name ${PDFHexString.fromText(f.signerName).toString()}`,
    `/M ${PDFString.fromDate(f.signingTime).toString()}`,
    ...(f.contactInfo === undefined ? [] : [`/ContactInfo ${PDFHexString.fromText(f.contactInfo).toString()}`]),
    '>>',
  ].join('\n');
}

// Wide enough for any offset; padded with spaces once the real values are known.
const BYTE_RANGE_PLACEHOLDER = `[0 ${'9'.repeat(10)} ${'9'.repeat(10)} ${'9'.repeat(10)}]`;

/**
 * Appends the signature to bytes remembered by rememberForSigning and signs them, or returns
 * null if these bytes are not (or no longer) the ones the engine wrote.
 * `reserved`: bytes of CMS room; `makeCms` gets the SHA-256 of the signed byte ranges.
 */
export function appendSignature(
  pdf: Uint8Array,
  fields: SignatureFields,
  reserved: number,
  makeCms: (digest: Uint8Array) => Uint8Array,
): Uint8Array | null {
  const s = remembered.get(pdf);
  if (!s || s.length !== pdf.length || createHash('sha256').update(pdf).digest('hex') !== s.sha256) return null;
  phase('sign: check the bytes (SHA-256)');

  const sigNum = s.nextObject;
  const widgetNum = sigNum + 1;
  const xrefNum = sigNum + 2;
  const offsets = new Map<number, number>();
  let out = '\n';
  const obj = (ref: string, body: string) => {
    offsets.set(Number(ref.split(' ')[0]), pdf.length + out.length);
    out += `${ref} obj\n${body}\nendobj\n`;
  };

  const contentsPlaceholder = `<${'0'.repeat(reserved * 2)}>`;
  obj(`${sigNum} 0`, signatureDictionary(fields, BYTE_RANGE_PLACEHOLDER, contentsPlaceholder));
  obj(
    `${widgetNum} 0`,
    [
      '<<',
      '/Type /Annot',
      '/Subtype /Widget',
      '/FT /Sig',
      '/Rect [0 0 0 0]',
      `/V ${sigNum} 0 R`,
      `/T ${PDFHexString.fromText('OfficeSignature').toString()}`,
      `/F ${4 | 128}`, // print, locked
      `/P ${s.page.ref} R`,
      '>>',
    ].join('\n'),
  );
  obj(s.page.ref, `<<\n${s.page.entries}/Annots [${s.annots}${widgetNum} 0 R]\n>>`);
  obj(s.root.ref, `<<\n${s.root.entries}/AcroForm <<\n/SigFlags 3\n/Fields [${widgetNum} 0 R]\n>>\n>>`);
  if (s.info) obj(s.info.ref, `<<\n${s.info.entries}/ModDate ${PDFString.fromDate(fields.signingTime).toString()}\n>>`);

  // Cross-reference stream for this update (uncompressed; W = type, 4-byte offset, 2-byte generation).
  const xrefOffset = pdf.length + out.length;
  offsets.set(xrefNum, xrefOffset);
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  const index: number[] = [];
  let rows = '';
  for (const n of numbers) {
    const last = index.length - 2;
    if (last >= 0 && (index[last] ?? 0) + (index[last + 1] ?? 0) === n) index[last + 1] = (index[last + 1] ?? 0) + 1;
    else index.push(n, 1);
    const at = offsets.get(n) ?? 0;
    rows += String.fromCharCode(1, (at >>> 24) & 0xff, (at >>> 16) & 0xff, (at >>> 8) & 0xff, at & 0xff, 0, 0);
  }
  const trailer = [
    '<<',
    '/Type /XRef',
    `/Size ${xrefNum + 1}`,
    `/Root ${s.root.ref} R`,
    ...(s.info ? [`/Info ${s.info.ref} R`] : []),
    `/Prev ${s.startxref}`,
    '/W [1 4 2]',
    `/Index [${index.join(' ')}]`,
    `/Length ${rows.length}`,
    '>>',
  ].join('\n');
  out += `${xrefNum} 0 obj\n${trailer}\nstream\n${rows}\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`;

  const signed = Buffer.concat([pdf, Buffer.from(out, 'latin1')]);
  const contentsAt = signed.indexOf(`/Contents ${contentsPlaceholder.slice(0, 2)}`, pdf.length) + '/Contents '.length;
  const contentsEnd = contentsAt + contentsPlaceholder.length;
  const byteRange = `[0 ${contentsAt} ${contentsEnd} ${signed.length - contentsEnd}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  const byteRangeAt = signed.indexOf(`/ByteRange ${BYTE_RANGE_PLACEHOLDER}`, pdf.length) + '/ByteRange '.length;
  signed.write(byteRange, byteRangeAt, 'latin1');

  const digest = createHash('sha256').update(signed.subarray(0, contentsAt)).update(signed.subarray(contentsEnd)).digest();
  phase('sign: incremental update + digest');
  const cms = makeCms(digest);
  phase('sign: CMS + RSA signature');
  signed.write(Buffer.from(cms).toString('hex'), contentsAt + 1, 'latin1');
  phase('sign: write /Contents');
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
