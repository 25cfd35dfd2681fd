import type { IpcResult } from '../../../shared/ipc/errors';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';

type Invoke = (channel: string, input: unknown) => Promise<IpcResult<unknown>>;

/**
 * A workstation's mix of calls on its own new case: reads (get, list, today), saves, autosaves
 * and decisions. Returns the failures by error code (a conflict is a real answer, not a failure:
 * nobody else writes this case).
 */
export async function mixedCalls(invoke: Invoke, calls: number): Promise<Record<string, number>> {
  const failures: Record<string, number> = {};
  const created = await invoke('case.create', { intake: familyIntake(syrianFamily) });
  if (!created.ok) return { [`create:${created.error.code}`]: 1 };
  let c = created.value as CaseDetail;
  const draftId = crypto.randomUUID();
  let revision = 0;
  for (let i = 0; i < calls; i++) {
    let r: IpcResult<unknown>;
    switch (i % 5) {
      case 0:
        r = await invoke('case.get', { caseId: c.id });
        break;
      case 1:
        r = await invoke('case.saveIntake', { caseId: c.id, baseVersion: c.version, intake: { ...c.intake, contact: { ...c.intake.contact, phone: `+1 416 555 ${String(1000 + i)}` } } });
        break;
      case 2:
        r = await invoke('draft.save', { draftId, caseId: c.id, baseVersion: c.version, revision, data: { note: i } });
        if (r.ok) revision++;
        break;
      case 3:
        r = await invoke('case.list', { limit: 20 });
        break;
      default:
        r = await invoke('today.summary', {});
    }
    if (!r.ok) failures[r.error.code] = (failures[r.error.code] ?? 0) + 1;
    if (r.ok && i % 5 === 1) c = r.value as CaseDetail;
  }
  return failures;
}
