import { can } from '../../../shared/roles';
import type { Handlers } from '../dispatch';
import { discardDraft, getDraft, saveDraft } from '../drafts/service';
import { todaySummary } from '../today/service';

/** Autosaved drafts and the Today screen. */
export const intakeHandlers = {
  'draft.save': (input, ctx) => ctx.tx(input.caseId, () => saveDraft(ctx.db().sqlite, ctx.session.userId, input, ctx.now().toISOString())),
  'draft.get': (input, ctx) => ctx.tx((d) => d.caseId, () => getDraft(ctx.db().sqlite, ctx.session.userId, input.draftId)),
  'draft.discard': (input, ctx) => ctx.tx(null, () => discardDraft(ctx.db().sqlite, ctx.session.userId, input.draftId)),
  'today.summary': (_input, ctx) => todaySummary(ctx.db(), ctx.session.userId, ctx.clock, { appointments: can(ctx.session.role, 'appointment.manage') }),
} satisfies Pick<Handlers, 'draft.save' | 'draft.get' | 'draft.discard' | 'today.summary'>;
