import type { Handlers } from '../dispatch';
import type { SessionManager } from '../session/manager';
import { activeCertificateInfo, certificateHistory, openActiveCertificate, prepareImport, prepareSelfSigned, storeCertificate } from './certificate-store';
import { generateConsentForm, recordConsent, referCase } from './flows';
import { generateIneligibilityLetter } from './ineligibility-letter';
import { printBatch } from './print-batch';
import { printLogCsv, printLogDay } from './print-log';
import { consentOf, listCaseDocuments, printDocument, printQueue, viewDocument } from './service';
import type { RegisterDeps } from './service';
import { inThreadEngine } from '../documents/engine';
import type { DocumentEngine } from '../documents/engine';

export interface RegisterOptions {
  fontsDir?: string | undefined;
  printer?: RegisterDeps['printer'];
  /** Default: in this thread (a workstation); the office server passes its worker pool. */
  documents?: DocumentEngine | undefined;
}

/** What the register needs from the session and the shell: the database key, fonts, the document engine, the printer. */
export function registerDeps(sessions: SessionManager, options: RegisterOptions): RegisterDeps {
  return { certificateKey: () => sessions.derivedKeys().certificate, fontsDir: options.fontsDir, documents: options.documents ?? inThreadEngine, printer: options.printer };
}

/** Certificates, the document register, consent, referral, the ineligibility letter, printing and its log (withdrawal is a case channel). */
export function registerHandlers(sessions: SessionManager, deps: RegisterDeps) {
  return {
    'certificate.status': (_input, ctx) => activeCertificateInfo(ctx.db().sqlite),
    'certificate.history': (_input, ctx) => certificateHistory(ctx.db().sqlite),
    'certificate.import': async (input, ctx) => {
      const prepared = await prepareImport(Buffer.from(input.p12Base64.replace(/\s+/g, ''), 'base64'), input.passphrase, input.label || undefined, sessions.derivedKeys().certificate);
      return ctx.tx(null, () => storeCertificate(ctx.db().sqlite, prepared, ctx.session.userId, ctx.now().toISOString()));
    },
    'certificate.generateSelfSigned': async (_input, ctx) => {
      const prepared = await prepareSelfSigned(sessions.derivedKeys().certificate, ctx.now());
      return ctx.tx(null, () => storeCertificate(ctx.db().sqlite, prepared, ctx.session.userId, ctx.now().toISOString()));
    },
    'document.list': (input, ctx) => ctx.tx(input.caseId, () => listCaseDocuments(ctx.db().sqlite, input.caseId)),
    'document.printQueue': (_input, ctx) => printQueue(ctx.db().sqlite),
    'document.print': (input, ctx) => printDocument(ctx, deps, input, openActiveCertificate(ctx.db().sqlite, sessions.derivedKeys().certificate)),
    'document.view': (input, ctx) => viewDocument(ctx, input.documentId),
    'consent.generateForm': (input, ctx) => generateConsentForm(ctx, deps, input),
    'consent.get': (input, ctx) => ctx.tx(input.caseId, () => consentOf(ctx.db().sqlite, input.caseId)),
    'consent.record': (input, ctx) => recordConsent(ctx, input),
    'referral.create': (input, ctx) => referCase(ctx, deps, input),
    'letter.generateIneligibility': (input, ctx) => generateIneligibilityLetter(ctx, deps, input),
    'document.printBatch': (input, ctx) => printBatch(ctx, deps, input),
    'document.printLog': (input, ctx) => printLogDay(ctx, input.date),
    'document.printLogCsv': (input, ctx) => printLogCsv(ctx, input),
  } satisfies Pick<
    Handlers,
    | 'certificate.status'
    | 'certificate.history'
    | 'certificate.import'
    | 'certificate.generateSelfSigned'
    | 'document.list'
    | 'document.printQueue'
    | 'document.print'
    | 'document.view'
    | 'consent.generateForm'
    | 'consent.get'
    | 'consent.record'
    | 'referral.create'
    | 'letter.generateIneligibility'
    | 'document.printBatch'
    | 'document.printLog'
    | 'document.printLogCsv'
  >;
}
