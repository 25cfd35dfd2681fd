import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { CallContext } from '../context';
import type { Handlers } from '../dispatch';
import { discardDraft, draftForCase, getDraft, saveDraft } from '../drafts/service';
import { todaySummary } from '../today/service';
import { findDuplicates } from './duplicates';
import { createCaseFromIntake, decideCase, getCase, reviewCase, saveIntake, screenCase, withdrawCase } from './service';

function userId(ctx: CallContext): string {
  if (!ctx.session) throw new IpcFailure(ipcError('not_signed_in'));
  return ctx.session.userId;
}

export const intakeHandlers = {
  'case.create': (input, ctx) => createCaseFromIntake(ctx, input),
  'case.get': (input, ctx) => {
    const detail = getCase(ctx, input.caseId);
    return { ...detail, myDraft: draftForCase(ctx.db().sqlite, userId(ctx), input.caseId) };
  },
  'case.saveIntake': (input, ctx) => saveIntake(ctx, input),
  'case.screen': (input, ctx) => screenCase(ctx, input),
  'case.decide': (input, ctx) => decideCase(ctx, input),
  'case.review': (input, ctx) => reviewCase(ctx, input),
  'case.withdraw': (input, ctx) => withdrawCase(ctx, input),
  'case.findDuplicates': (input, ctx) => findDuplicates(ctx.db().sqlite, input),
  'draft.save': (input, ctx) => ctx.tx(input.caseId, () => saveDraft(ctx.db().sqlite, userId(ctx), input, ctx.now().toISOString())),
  'draft.get': (input, ctx) => ctx.tx((d) => d.caseId, () => getDraft(ctx.db().sqlite, userId(ctx), input.draftId)),
  'draft.discard': (input, ctx) => ctx.tx(null, () => discardDraft(ctx.db().sqlite, userId(ctx), input.draftId)),
  'today.summary': (_input, ctx) => todaySummary(ctx.db().sqlite, userId(ctx), ctx.now()),
} satisfies Pick<
  Handlers,
  'case.create' | 'case.get' | 'case.saveIntake' | 'case.screen' | 'case.decide' | 'case.review' | 'case.withdraw' | 'case.findDuplicates' | 'draft.save' | 'draft.get' | 'draft.discard' | 'today.summary'
>;
