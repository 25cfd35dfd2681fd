import type { Handlers } from '../dispatch';
import type { SessionManager } from '../session/manager';
import { activeCertificateInfo, openActiveCertificate, prepareImport, prepareSelfSigned, storeCertificate } from './certificate-store';
import { generateConsentForm, recordConsent, referCase, withdrawWithDocuments } from './flows';
import { consentOf, listCaseDocuments, printDocument, printQueue, session, viewDocument } from './service';
import type { RegisterDeps } from './service';

export interface RegisterOptions {
  fontsDir?: string | undefined;
  printer?: RegisterDeps['printer'];
}

/** Certificates, the document register, consent, referral, withdrawal documents and printing. */
export function registerHandlers(sessions: SessionManager, options: RegisterOptions) {
  const deps: RegisterDeps = { dbKey: () => sessions.key(), fontsDir: options.fontsDir, printer: options.printer };
  return {
    'certificate.status': (_input, ctx) => activeCertificateInfo(ctx.db().sqlite),
    'certificate.import': async (input, ctx) => {
      const prepared = await prepareImport(Buffer.from(input.p12Base64.replace(/\s+/g, ''), 'base64'), input.passphrase, input.label || undefined, sessions.key());
      return ctx.tx(null, () => storeCertificate(ctx.db().sqlite, prepared, session(ctx).userId, ctx.now().toISOString()));
    },
    'certificate.generateSelfSigned': async (_input, ctx) => {
      const prepared = await prepareSelfSigned(sessions.key(), ctx.now());
      return ctx.tx(null, () => storeCertificate(ctx.db().sqlite, prepared, session(ctx).userId, ctx.now().toISOString()));
    },
    'document.list': (input, ctx) => ctx.tx(input.caseId, () => listCaseDocuments(ctx.db().sqlite, input.caseId)),
    'document.printQueue': (_input, ctx) => printQueue(ctx.db().sqlite),
    'document.print': (input, ctx) => printDocument(ctx, deps, input.documentId, openActiveCertificate(ctx.db().sqlite, sessions.key())),
    'document.view': (input, ctx) => viewDocument(ctx, input.documentId),
    'consent.generateForm': (input, ctx) => generateConsentForm(ctx, deps, input),
    'consent.get': (input, ctx) => ctx.tx(input.caseId, () => consentOf(ctx.db().sqlite, input.caseId)),
    'consent.record': (input, ctx) => recordConsent(ctx, input),
    'referral.create': (input, ctx) => referCase(ctx, deps, input),
    'case.withdraw': (input, ctx) => withdrawWithDocuments(ctx, deps, input),
  } satisfies Pick<
    Handlers,
    | 'certificate.status'
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
    | 'case.withdraw'
  >;
}
