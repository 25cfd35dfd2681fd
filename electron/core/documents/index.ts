/**
 * Document engine (issue 6): bilingual consent form, referral packet to IOM, withdrawal form
 * and notice, the letter explaining an ineligible decision (issue 13.11), PAdES B-B signing
 * with the office certificate, "COPY / COPIE" reprint stamps.
 * Plain Node: no database, no Electron. Inputs are `unknown` and validated with the zod
 * schemas of shared/schema/documents.ts.
 */
export { renderConsentForm } from './render/consent-form';
export { renderReferralPacket } from './render/referral-packet';
export { renderWithdrawalForm, renderWithdrawalNotice } from './render/withdrawal';
export { renderIneligibilityLetter } from './render/ineligibility-letter';
export type { RenderOptions } from './render/common';
export { packetContentHash, packetQrPayload } from './packet-hash';
export { canonicalJson } from './canonical-json';
export { signPdf } from './signing/sign-pdf';
export type { SignOptions } from './signing/sign-pdf';
export { stampCopy } from './stamp';
export { readOfficeCertificate } from './signing/office-certificate';
export type { OfficeCertificate } from './signing/office-certificate';
export { createSelfSignedOfficeCertificate, SELF_SIGNED_LABEL } from './signing/self-signed';
export type { SelfSignedOptions, SelfSignedResult } from './signing/self-signed';
export { resolveFontsDir } from './fonts/paths';
export { loadFontSet } from './fonts/registry';
export * from './errors';
