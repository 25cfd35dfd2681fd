import type { Handlers } from '../dispatch';
import { findDuplicates } from '../intake/duplicates';
import { recordNotSamePerson } from '../intake/not-same-person';
import { draftForCase } from '../drafts/service';
import { withdrawWithDocuments } from '../register/flows';
import type { RegisterDeps } from '../register/service';
import { createCaseFromIntake, decideCase, getCase, reopenCase, reviewCase, saveIntake, screenCase } from './actions';
import { forReader } from './medical';
import { readCaseOverview } from './overview';
import { screenInput } from './screening';
import { listCases } from './list-query';
import { officerOptions } from './officers';

/**
 * Every `case.*` channel: the cases module owns the case; withdrawal adds its documents. Each
 * case answered goes through `forReader`, so medical notes not consented for IOM never reach a
 * role without `case.read_medical`, whichever step answered.
 */
export function caseHandlers(register: RegisterDeps) {
  return {
    'case.list': (input, ctx) => listCases(ctx.db().sqlite, input, { userId: ctx.session.userId, role: ctx.session.role, today: ctx.clock.today() }),
    'case.officers': (_input, ctx) => officerOptions(ctx.db().db),
    'case.get': (input, ctx) => ({ ...forReader(getCase(ctx, input.caseId), ctx.session.role), myDraft: draftForCase(ctx.db().sqlite, ctx.session.userId, input.caseId) }),
    'case.overview': (input, ctx) => ctx.tx(input.caseId, () => readCaseOverview(ctx.db().db, input.caseId)),
    'case.create': (input, ctx) => forReader(createCaseFromIntake(ctx, input), ctx.session.role),
    'case.saveIntake': (input, ctx) => forReader(saveIntake(ctx, input), ctx.session.role),
    'case.screen': (input, ctx) => forReader(screenCase(ctx, screenInput(ctx, input)), ctx.session.role),
    'case.decide': (input, ctx) => forReader(decideCase(ctx, input), ctx.session.role),
    'case.review': (input, ctx) => forReader(reviewCase(ctx, input), ctx.session.role),
    'case.reopen': (input, ctx) => forReader(reopenCase(ctx, input), ctx.session.role),
    'case.withdraw': async (input, ctx) => forReader(await withdrawWithDocuments(ctx, register, input), ctx.session.role),
    'case.findDuplicates': (input, ctx) => findDuplicates(ctx.db(), input),
    'case.notSamePerson': (input, ctx) => {
      ctx.auditDetail(`person=${input.personId};candidate=${input.candidatePersonId}`);
      return ctx.tx((out) => out.caseId, () => recordNotSamePerson(ctx.db(), input, ctx.session.userId, ctx.now().toISOString()));
    },
  } satisfies Pick<
    Handlers,
    | 'case.list'
    | 'case.officers'
    | 'case.get'
    | 'case.overview'
    | 'case.create'
    | 'case.saveIntake'
    | 'case.screen'
    | 'case.decide'
    | 'case.review'
    | 'case.reopen'
    | 'case.withdraw'
    | 'case.findDuplicates'
    | 'case.notSamePerson'
  >;
}
