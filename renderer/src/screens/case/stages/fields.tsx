import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ZodError } from 'zod';
import type { IpcError } from '../../../../../shared/ipc/errors';
import { stringParams } from '../../../form-errors';
import type { CaseDetail } from '../../../../../shared/schema/case-api';

/**
 * Form helpers of the stages section (the fields themselves are components/Field.tsx). Back-end
 * errors keep their parameters in the error's `types`, as strings, which Field reads with them.
 */

/** The back end's field issues next to their fields (paths as the stage input names them); false when one has no field. */
export function applyStageIssues<T extends FieldValues>(error: IpcError, setError: UseFormSetError<T>, known: (path: string) => boolean): boolean {
  if (error.code !== 'invalid_input' || !error.issues?.length) return false;
  const paths = error.issues.map((i) => i.path.join('.'));
  if (paths.some((p) => p === '' || !known(p))) return false;
  error.issues.forEach((issue, i) => {
    const types = stringParams(issue.params);
    setError(paths[i] as Path<T>, { type: 'server', message: issue.messageKey, ...(types ? { types } : {}) });
  });
  return true;
}

/** The shared schema's refusal of what was typed, next to the fields (messages are i18n keys). */
export function applyZodIssues<T extends FieldValues>(error: ZodError, setError: UseFormSetError<T>): void {
  for (const issue of error.issues) setError(issue.path.join('.') as Path<T>, { type: 'client', message: issue.message });
}

/** A person of the case by id, as the officer reads the name. */
export function personName(detail: CaseDetail, personId: string): string {
  const p = detail.intake.persons.find((x) => x.id === personId);
  return p ? p.nameLatin || p.nameAsWritten : personId;
}

/** Whole Canadian dollars, in the UI language. */
export function cad(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 }).format(amount);
}
