import type { CaseStatus } from '../../../shared/case/lifecycle';
import type { ConflictKind, ImportClass, ImportReason } from '../../../shared/schema/iom-import';
import type { StageDetails } from '../../../shared/schema/stages';
import type { Role } from '../../../shared/roles';
import { checkStage } from '../stages/check';
import type { StageCase } from '../stages/check';

/**
 * A row's stage, checked by the very function stage.record asks (stages/check.ts `checkStage`),
 * its answer put in the import's terms: the table's refusal is a stage out of order, a date
 * before the stage in force it follows a conflict of its own, the stage's facts make the row
 * invalid (their first issue is the reason). Pure.
 */
export type Checked = { ok: true; next: CaseStatus } | { ok: false; class: ImportClass; conflict: ConflictKind | null; reason: ImportReason };

export function checkRow(c: StageCase, stage: StageDetails, occurredOn: string, role: Role, today: string): Checked {
  const checked = checkStage(c, stage, occurredOn, role, today);
  if (checked.ok) return checked;
  if (checked.kind === 'lifecycle' || checked.kind === 'target') {
    return { ok: false, class: 'conflicting', conflict: 'stage_order', reason: { key: 'iomImport.conflict.stage_order', params: { status: c.status } } };
  }
  const [first] = checked.issues;
  switch (first.messageKey) {
    case 'validation.stage_before_previous':
      return { ok: false, class: 'conflicting', conflict: 'date_before_previous', reason: { key: 'iomImport.conflict.date_before_previous', params: first.params ?? {} } };
    case 'validation.date_in_future':
      // Never here: the import refuses a date after today first, whatever the case.
      return { ok: false, class: 'invalid', conflict: null, reason: { key: 'iomImport.invalid.date_in_future' } };
    default:
      return { ok: false, class: 'invalid', conflict: null, reason: first.params ? { key: first.messageKey, params: first.params } : { key: first.messageKey } };
  }
}
