import type { Handlers } from '../dispatch';
import { findDuplicates } from '../intake/duplicates';
import { draftForCase } from '../drafts/service';
import { withdrawWithDocuments } from '../register/flows';
import type { RegisterDeps } from '../register/service';
import { createCaseFromIntake, decideCase, getCase, reopenCase, reviewCase, saveIntake, screenCase } from './actions';
import { screenInput } from './screening';
import { listCases } from './service';

/** Every `case.*` channel: the cases module owns the case; withdrawal adds its documents. */
export function caseHandlers(register: RegisterDeps) {
  return {
    'case.list': (input, ctx) => listCases(ctx.db().sqlite, input),
    'case.get': (input, ctx) => ({ ...getCase(ctx, input.caseId), myDraft: draftForCase(ctx.db().sqlite, ctx.session.userId, input.caseId) }),
    'case.create': (input, ctx) => createCaseFromIntake(ctx, input),
    'case.saveIntake': (input, ctx) => saveIntake(ctx, input),
    'case.screen': (input, ctx) => screenCase(ctx, screenInput(ctx, input)),
    'case.decide': (input, ctx) => decideCase(ctx, input),
    'case.review': (input, ctx) => reviewCase(ctx, input),
    'case.reopen': (input, ctx) => reopenCase(ctx, input),
    'case.withdraw': (input, ctx) => withdrawWithDocuments(ctx, register, input),
    'case.findDuplicates': (input, ctx) => findDuplicates(ctx.db().sqlite, input),
  } satisfies Pick<
    Handlers,
    'case.list' | 'case.get' | 'case.create' | 'case.saveIntake' | 'case.screen' | 'case.decide' | 'case.review' | 'case.reopen' | 'case.withdraw' | 'case.findDuplicates'
  >;
}
