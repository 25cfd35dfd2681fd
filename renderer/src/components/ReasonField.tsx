import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './Field';
import type { FieldErrorLike } from './Field';

/** A written reason or note kept with the case's history (reopening, withdrawal, a correction, a stage): up to 2,000 characters. */
export function ReasonField(props: { label: string; hint?: string; error?: FieldErrorLike; rows?: number; registration: UseFormRegisterReturn }) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(a) => <textarea id={a.id} rows={props.rows ?? 3} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={2000} {...props.registration} />}
    </Field>
  );
}
