import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { checkAppointment } from '../../../shared/time/office-hours';
import type { CallContext } from '../context';

/**
 * The hand-over of a screened case: now, or at an appointment that is a real local date-time, on
 * a working day, within office hours and not in the past (in the office's time zone).
 */
export function screenInput(
  ctx: CallContext,
  input: { caseId: string; baseVersion: number; handover: { kind: 'now' } | { kind: 'appointment'; at: string } },
): { caseId: string; baseVersion: number; appointmentAt: string | null } {
  if (input.handover.kind === 'now') return { caseId: input.caseId, baseVersion: input.baseVersion, appointmentAt: null };
  const check = checkAppointment(input.handover.at, ctx.clock);
  if (!check.ok) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['handover', 'at'], messageKey: check.messageKey }] }));
  return { caseId: input.caseId, baseVersion: input.baseVersion, appointmentAt: check.at };
}
