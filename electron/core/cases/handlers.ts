import type { Handlers } from '../dispatch';
import { listCases } from './service';

export const caseHandlers = {
  'case.list': (input, ctx) => listCases(ctx.db().sqlite, input),
} satisfies Pick<Handlers, 'case.list'>;
