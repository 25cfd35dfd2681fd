import { useId } from 'react';
import type { ReactNode } from 'react';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ZodError } from 'zod';
import type { IpcError } from '../../../../../shared/ipc/errors';
import type { CaseDetail } from '../../../../../shared/schema/case-api';

/**
 * Form helpers of the stages section. Errors carry an i18n key and, when the back end sends
 * them, its parameters (kept in the error's `types`, as strings), so "not before 2026-11-20"
 * reads with its date next to the field it is about.
 */
export type StageFieldError = Pick<FieldError, 'message' | 'types'> | undefined;

export function StageField(props: { label: string; hint?: string; error?: StageFieldError; children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error?.message ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children({ id, describedBy, invalid: Boolean(errorId) })}
      {errorId && (
        <p className="error" id={errorId}>
          {t(props.error?.message ?? 'validation.invalid', props.error?.types ?? {})}
        </p>
      )}
    </div>
  );
}

const stringParams = (params: Record<string, string | number> | undefined): Record<string, string> | undefined =>
  params ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) : undefined;

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
