import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import type { SignedInContext } from '../context';
import { readCaseDetail } from '../cases/detail';
import { requireAction } from '../cases/guard';
import { userById } from '../users/rows';
import { openActiveCertificate } from './certificate-store';
import { officerOf } from './document-data';
import { ineligibilityLetterData } from './letter-data';
import { listCaseDocuments, nextDocumentNumber, renderAndSign, storeDocument } from './service';
import type { RegisterDeps } from './service';

/**
 * The letter to the person explaining a decision of not eligible, asked of the lifecycle table
 * (`generateIneligibilityLetter`: decided, the decision in force not eligible). Signed like the
 * consent form (with the office certificate when there is one), kept in the register with its own
 * number (…-IL-01); the case itself does not change. Rendered before the transaction; inside it
 * the case is read and the table asked again, so a letter is stored only for the decision in force.
 */
export async function generateIneligibilityLetter(ctx: SignedInContext, deps: RegisterDeps, input: { caseId: string; baseVersion: number }): Promise<DocumentInfo> {
  const { sqlite, db } = ctx.db();
  const c = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  if (c.version !== input.baseVersion) throw new IpcFailure(ipcError('conflict'));
  requireAction(ctx, c, 'generateIneligibilityLetter');
  const me = officerOf(ctx.session);
  const officers = (userId: string) => {
    const r = userById(db, userId);
    return r ? officerOf(r) : me;
  };
  const now = ctx.now();
  const { number, version } = nextDocumentNumber(db, c.id, c.caseNumber, 'ineligibility_letter');
  const data = ineligibilityLetterData(c, me, number, ctx.clock.today(), officers, ctx.clock.timeZone);
  const rendered = await renderAndSign('ineligibility_letter', data, openActiveCertificate(sqlite, deps.certificateKey()), deps, now);
  return ctx.tx(c.id, () => {
    const fresh = readCaseDetail(db, c.id, ctx.clock.timeZone);
    if (fresh.version !== input.baseVersion) throw new IpcFailure(ipcError('conflict'));
    requireAction(ctx, fresh, 'generateIneligibilityLetter');
    const id = storeDocument(db, c.id, { type: 'ineligibility_letter', number, version, input: data, ...rendered }, ctx.session.userId, now.toISOString());
    const info = listCaseDocuments(sqlite, c.id).find((d) => d.id === id);
    if (!info) throw new Error('stored ineligibility letter not found');
    return info;
  });
}
