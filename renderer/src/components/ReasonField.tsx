import { useState } from 'react';
import type { ChangeEvent } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { WITHDRAWAL_REASON_MAX } from '../../../shared/schema/limits';
import { Field } from './Field';
import type { FieldErrorLike } from './Field';
import { LengthCounter } from './form/CharCount';

/**
 * A written reason or note kept with the case's history (reopening, withdrawal, a correction, a
 * stage): up to `max` characters (2,000), counted as one types. Nothing is cut: a longer reason
 * is refused by the schema with a message.
 */
export function ReasonField(props: { label: string; hint?: string; error?: FieldErrorLike; rows?: number; max?: number; registration: UseFormRegisterReturn }) {
  const [length, setLength] = useState(0);
  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    setLength(e.target.value.length);
    return props.registration.onChange(e);
  };
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(a) => (
        <>
          <textarea id={a.id} rows={props.rows ?? 3} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...props.registration} onChange={onChange} />
          <LengthCounter length={length} max={props.max ?? WITHDRAWAL_REASON_MAX} />
        </>
      )}
    </Field>
  );
}
