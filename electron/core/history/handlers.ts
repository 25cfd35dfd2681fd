import type { Handlers } from '../dispatch';
import { caseHistory } from './service';

/** A case's history for officers. */
export const historyHandlers = {
  'case.history': (input, ctx) => caseHistory(ctx, input.caseId),
} satisfies Pick<Handlers, 'case.history'>;
