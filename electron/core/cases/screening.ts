import type { CallContext } from '../context';

/**
 * The hand-over of a screened case: now, or at an appointment (the office's local date and time,
 * YYYY-MM-DDTHH:mm). When and whether the slot can be booked is checked with the booking itself,
 * inside the screening's transaction (electron/core/appointments/actions.ts bookAtHandover).
 */
export function screenInput(
  _ctx: CallContext,
  input: { caseId: string; baseVersion: number; handover: { kind: 'now' } | { kind: 'appointment'; at: string } },
): { caseId: string; baseVersion: number; appointment: { date: string; time: string } | null } {
  if (input.handover.kind === 'now') return { caseId: input.caseId, baseVersion: input.baseVersion, appointment: null };
  const at = input.handover.at;
  return { caseId: input.caseId, baseVersion: input.baseVersion, appointment: { date: at.slice(0, 10), time: at.slice(11, 16) } };
}
