import type { Handlers } from '../dispatch';
import { correctStage, recordStage } from './actions';

/** The stages after referral: record one, correct the latest. */
export const stageHandlers = {
  'stage.record': (input, ctx) => recordStage(ctx, input),
  'stage.correct': (input, ctx) => correctStage(ctx, input),
} satisfies Pick<Handlers, 'stage.record' | 'stage.correct'>;
