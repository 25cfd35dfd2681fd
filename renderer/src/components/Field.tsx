import { useId } from 'react';
import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * A field's error: an i18n key and, when the back end sends them, its parameters (kept in the
 * error's `types`, as strings), so "not before 2026-11-20" reads with its date next to the field.
 */
export type FieldErrorLike = { message?: string; types?: FieldError['types'] } | undefined;

/** A labelled form control with its hint and its error (in the UI language), wired for screen readers. */
export function Field(props: { label: string; hint?: string; error?: FieldErrorLike; children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
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
