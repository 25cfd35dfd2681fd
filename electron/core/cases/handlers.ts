import type { Handlers } from '../dispatch';
import { createCase, getCaseSummary, listCases } from './service';

export const caseHandlers = {
  'case.list': (input, ctx) => listCases(ctx.db().sqlite, input),
  'case.get': (input, ctx) => ctx.tx(input.caseId, () => getCaseSummary(ctx.db().sqlite, input.caseId)),
  'case.create': (input, ctx) =>
    ctx.tx((c) => c.id, () => createCase(ctx.db(), input, ctx.session?.userId ?? null, ctx.now())),
} satisfies Pick<Handlers, 'case.list' | 'case.get' | 'case.create'>;
