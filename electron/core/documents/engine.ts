import type { DocumentType } from '../../../shared/schema/documents-api';
import { renderConsentForm } from './render/consent-form';
import { renderIneligibilityLetter } from './render/ineligibility-letter';
import { renderReferralPacket } from './render/referral-packet';
import { renderWithdrawalForm, renderWithdrawalNotice } from './render/withdrawal';
import type { RenderOptions } from './render/common';
import type { OfficeCertificate } from './signing/office-certificate';
import { signPdf } from './signing/sign-pdf';
import { stampCopy } from './stamp';

/**
 * What the register asks of the document engine: one document rendered (or rendered again and
 * stamped "COPY / COPIE" for a reprint) and signed with the office certificate. Everything in it
 * is plain data, so it crosses to a worker thread by structured clone (the certificate's private
 * key is a KeyObject, which Node clones to another thread).
 */
export interface DocumentJob {
  readonly type: DocumentType;
  /** The document's data as stored in the register (validated by the renderer). */
  readonly input: unknown;
  /** Signs the document; null: left unsigned (no office certificate yet). */
  readonly certificate: OfficeCertificate | null;
  /** Written in the PDF's metadata and as the signing time. */
  readonly now: Date;
  readonly fontsDir?: string | undefined;
  /** A reprint: stamped "COPY / COPIE" with this date (YYYY-MM-DD) before it is signed. */
  readonly copyOn?: string | undefined;
}

/**
 * Renders and signs documents. In the workstation (Electron, the browser harness) in the calling
 * thread; on the office server in a pool of worker threads (worker-pool.ts), so that one desk's
 * referral packet does not hold up every other desk's reads for its few hundred milliseconds.
 * Both give the same bytes for the same job and fail with the same errors (DocumentError).
 */
export interface DocumentEngine {
  make(job: DocumentJob): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const SIGNING_LOCATION = 'CBSA, 6900 Airport Road, Mississauga, Ontario';

const signReason: Record<DocumentType, string> = {
  consent_form: 'AVRR consent form / Formulaire de consentement ARVR',
  referral_packet: 'Referral to IOM / Aiguillage vers l’OIM',
  withdrawal_form: 'AVRR withdrawal form / Formulaire de retrait ARVR',
  withdrawal_notice: 'Withdrawal notice to IOM / Avis de retrait à l’OIM',
  ineligibility_letter: 'AVRR eligibility decision letter / Lettre de décision d’admissibilité ARVR',
};

/** The renderer of each type (a first render, and a copy rendered again). */
const renderers: Record<DocumentType, (input: unknown, options: RenderOptions) => Promise<Uint8Array>> = {
  consent_form: renderConsentForm,
  referral_packet: renderReferralPacket,
  withdrawal_form: renderWithdrawalForm,
  withdrawal_notice: renderWithdrawalNotice,
  ineligibility_letter: renderIneligibilityLetter,
};

/** The work itself, wherever it runs: render, stamp a reprint, sign. */
export async function makeDocument(job: DocumentJob): Promise<Uint8Array> {
  const fonts = job.fontsDir ? { fontsDir: job.fontsDir } : {};
  const rendered = await renderers[job.type](job.input, { ...fonts, now: job.now });
  const pdf = job.copyOn === undefined ? rendered : await stampCopy(rendered, job.copyOn, fonts);
  if (!job.certificate) return pdf;
  return signPdf(pdf, { certificate: job.certificate, reason: signReason[job.type], location: SIGNING_LOCATION, signingTime: job.now });
}

/** The default engine: in the calling thread, as a workstation has always done it. */
export const inThreadEngine: DocumentEngine = {
  make: makeDocument,
  close: async () => undefined,
};
