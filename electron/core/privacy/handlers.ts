import type { InformationRequestExport } from '../../../shared/schema/data-safety';
import type { SignedInContext } from '../context';
import type { Handlers } from '../dispatch';
import { signPdf } from '../documents';
import { openActiveCertificate } from '../register/certificate-store';
import { documentStep } from '../register/document-failure';
import { SIGNING_LOCATION } from '../register/service';
import type { RegisterDeps } from '../register/service';
import { reportText } from '../reports/text';
import { gatherInformation } from './gather';
import { renderInformationPdf } from './pdf';

/**
 * A person's information request (issue 14 point 5, `privacy.export`, the supervisor's): what the
 * office holds about the persons named in one case, as a JSON file (shared/schema/
 * information-request.ts) and a bilingual PDF, signed with the office certificate when there is
 * one. Audited with the case id and the number of persons covered (`persons=N`, never a name);
 * the entry is written once both files are made. A person not in the case: refused, nothing made.
 */
export const INFORMATION_REQUEST_SIGN_REASON = 'Personal information request / Demande de renseignements personnels';

export function privacyHandlers(deps: Pick<RegisterDeps, 'certificateKey' | 'fontsDir'>) {
  return {
    'privacy.export': (input, ctx) => exportInformation(ctx, input, deps),
  } satisfies Pick<Handlers, 'privacy.export'>;
}

async function exportInformation(ctx: SignedInContext, input: { caseId: string; personIds: string[]; lang: 'en' | 'fr' }, deps: Pick<RegisterDeps, 'certificateKey' | 'fontsDir'>): Promise<InformationRequestExport> {
  const personIds = [...new Set(input.personIds)];
  ctx.auditDetail(`persons=${personIds.length}`);
  const { db, sqlite } = ctx.db();
  const now = ctx.now();
  const cert = openActiveCertificate(sqlite, deps.certificateKey());
  const data = gatherInformation(db, {
    caseId: input.caseId,
    personIds,
    lang: input.lang,
    withheld: reportText(input.lang)('privacyRequest.withheld'),
    generatedAt: now.toISOString(),
    generatedBy: ctx.session.userId,
    pdfSigned: cert !== null,
  });
  const pdf = await documentStep(async () => {
    const unsigned = await renderInformationPdf(data, { lang: input.lang, now, signedBy: cert ? cert.cert.subject : null, fontsDir: deps.fontsDir });
    return cert ? signPdf(unsigned, { certificate: cert.cert, reason: INFORMATION_REQUEST_SIGN_REASON, location: SIGNING_LOCATION, signingTime: now }) : unsigned;
  });
  const baseName = `information-request-${data.case.caseNumber}-${ctx.clock.today()}`;
  // The disclosure is recorded with the case once both files exist (nothing is written to the case itself).
  return ctx.tx(data.case.id, () => ({ baseName, pdfBase64: Buffer.from(pdf).toString('base64'), json: `${JSON.stringify(data, null, 2)}\n` }));
}
