import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { AlreadySignedError, CertificateNotValidAtSigningTimeError, SignaturePlaceholderTooSmallError } from '../errors';
import { SAVE_OPTIONS } from '../layout/writer';
import type { CmsSigner } from './cms';
import { buildCadesDetached, cmsSize } from './cms';
import { appendSignature } from './incremental';
import type { OfficeCertificate } from './office-certificate';
import { readOfficeCertificate } from './office-certificate';
import { addSignaturePlaceholder, signatureBytesFor } from './placeholder';

interface SignCommon {
  /** Shown by PDF readers, e.g. "Referral to IOM / Aiguillage vers l'OIM". */
  readonly reason: string;
  readonly location: string;
  /** Claimed signing time, written to /M (PAdES B-B has no signing-time attribute). */
  readonly signingTime: Date;
  readonly contactInfo?: string;
}

/** Sign with the .p12 file and its passphrase, or with a certificate already opened by readOfficeCertificate. */
export type SignOptions = SignCommon & ({ readonly p12: Uint8Array; readonly passphrase: string } | { readonly certificate: OfficeCertificate });

/** @signpdf's Signer contract: gets the bytes outside /Contents, returns the CMS. */
class PadesBaselineBSigner extends Signer {
  private readonly signer: CmsSigner;
  private readonly reserved: number;
  constructor(signer: CmsSigner, reserved: number) {
    super();
    this.signer = signer;
    this.reserved = reserved;
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const digest = createHash('sha256').update(pdfBuffer).digest();
    const cms = buildCadesDetached(digest, this.signer);
    if (cms.length > this.reserved) throw new SignaturePlaceholderTooSmallError(cms.length, this.reserved);
    return Buffer.from(cms);
  }
}

export function isSigned(doc: PDFDocument): boolean {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Sig')) return true;
  }
  return false;
}

/**
 * Signs a rendered (unsigned) PDF as PAdES baseline B-B with the office certificate, over the
 * whole file ("Total document signed"). Signing an already signed PDF is refused: the engine
 * always signs a fresh render instead.
 *
 * Bytes this engine has just written (a render or stampCopy, unchanged since) are signed by
 * appending the signature as an incremental update, without parsing them again
 * (incremental.ts). Any other unsigned PDF is loaded, given the signature field and rewritten
 * with pdf-lib, then signed in place by @signpdf.
 */
export async function signPdf(pdf: Uint8Array, options: SignOptions): Promise<Uint8Array> {
  const cert = 'certificate' in options ? options.certificate : readOfficeCertificate(options.p12, options.passphrase);
  if (options.signingTime < cert.notBefore || options.signingTime > cert.notAfter) {
    throw new CertificateNotValidAtSigningTimeError(options.signingTime, cert.notBefore, cert.notAfter);
  }
  const signatureBytes = cmsSize(cert) ?? signatureBytesFor([cert.certificate, ...cert.chain]);
  const fields = {
    reason: options.reason,
    location: options.location,
    signingTime: options.signingTime,
    signerName: cert.subject,
    ...(options.contactInfo === undefined ? {} : { contactInfo: options.contactInfo }),
  };
  const appended = appendSignature(pdf, fields, signatureBytes, (digest) => {
    const cms = buildCadesDetached(digest, cert);
    if (cms.length > signatureBytes) throw new SignaturePlaceholderTooSmallError(cms.length, signatureBytes);
    return cms;
  });
  if (appended) return appended;

  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (isSigned(doc)) throw new AlreadySignedError();
  addSignaturePlaceholder(doc, { signatureBytes, ...fields });
  doc.setModificationDate(options.signingTime);
  // The signature dictionary is written outside the object streams (see placeholder.ts).
  const prepared = await doc.save(SAVE_OPTIONS);
  const signed = await new SignPdf().sign(Buffer.from(prepared), new PadesBaselineBSigner(cert, signatureBytes));
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
