import type { Handlers } from '../dispatch';
import { disposeCases, retentionView, setRetentionYears } from './service';

/** The supervisor's retention period, the list of cases past it, and their disposal (issue 14 point 4). */
export function retentionHandlers() {
  return {
    'retention.get': (_input, ctx) => retentionView(ctx),
    'retention.setYears': (input, ctx) => setRetentionYears(ctx, input.years),
    'retention.dispose': (input, ctx) => disposeCases(ctx, input),
  } satisfies Pick<Handlers, 'retention.get' | 'retention.setYears' | 'retention.dispose'>;
}
