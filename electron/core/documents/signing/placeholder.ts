import type { PDFDocument } from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER } from '@signpdf/utils';

/**
 * Bytes to reserve for the CMS (hex-encoded in the file, so twice this): the certificates it
 * carries, the RSA signature (at most the certificate size again for the key) and ~1.5 KB of
 * attributes and ASN.1 framing. Sized per certificate instead of a fixed 8 KB, which would
 * be most of a referral packet's size.
 */
export function signatureBytesFor(certificates: readonly Uint8Array[]): number {
  const certs = certificates.reduce((sum, c) => sum + c.length, 0);
  return certs + 1024 + 1536;
}

export interface PlaceholderOptions {
  /** From signatureBytesFor. */
  readonly signatureBytes: number;
  readonly reason: string;
  readonly location: string;
  readonly signingTime: Date;
  readonly signerName: string;
  readonly contactInfo?: string;
}

/**
 * Adds an invisible signature field whose /V is a signature dictionary with a zero-filled
 * /Contents and a /ByteRange placeholder that @signpdf/signpdf fills in. SubFilter
 * ETSI.CAdES.detached makes it a PAdES signature; /M carries the signing time.
 */
export function addSignaturePlaceholder(doc: PDFDocument, o: PlaceholderOptions): void {
  const ctx = doc.context;
  const byteRange = PDFArray.withContext(ctx);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER));

  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(o.signatureBytes * 2)),
    Reason: PDFHexString.fromText(o.reason),
    Location: PDFHexString.fromText(o.location),
    Name: PDFHexString.fromText(o.signerName),
    M: PDFString.fromDate(o.signingTime),
  });
  if (o.contactInfo !== undefined) sig.set(PDFName.of('ContactInfo'), PDFHexString.fromText(o.contactInfo));
  // pdf-lib writes objects with a non-zero generation outside object streams. Generation 1
  // keeps the signature dictionary in plain text (where /ByteRange and /Contents are filled
  // in) while everything else stays compressed in object streams.
  const sigRef = PDFRef.of(ctx.nextRef().objectNumber, 1);
  ctx.assign(sigRef, sig);

  const page = doc.getPage(0);
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: sigRef,
    T: PDFHexString.fromText('OfficeSignature'),
    F: 4 | 128, // print, locked
    P: page.ref,
  });
  const widgetRef = ctx.register(widget);
  page.node.addAnnot(widgetRef);

  const existing = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = existing?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (existing && fields) {
    fields.push(widgetRef);
    existing.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  } else {
    doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ SigFlags: 3, Fields: [widgetRef] }));
  }
}
