import type { ChangeEvent, HTMLAttributes } from 'react';
import { useFormContext } from 'react-hook-form';
import { CharCount } from './CharCount';
import { fieldId } from './field-id';
import type { IntakePath, IntakeValues } from './types';
import { useFieldError } from './useFieldError';

/**
 * A labelled text input bound to the intake form (uncontrolled: typing re-renders nothing but
 * the watchers). `nullable`: an empty box is stored as null (unknown), not as "".
 * `maxLength` is the schema's limit, shown as a counter on free text (COUNTED_FROM characters
 * or more); it is never the box's maxLength attribute, which cuts pasted text silently.
 * `options`: suggestions the box lists as one types (value and label, e.g. "HUN", "Hungary").
 */
/** Shorter limits are formats (a date, a code) whose own message says what to type. */
const COUNTED_FROM = 40;

export function TextField(props: {
  name: IntakePath;
  label: string;
  hint?: string | undefined;
  nullable?: boolean;
  upper?: boolean;
  multiline?: boolean;
  autoDir?: boolean;
  type?: 'text' | 'email' | 'tel' | 'datetime-local';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  className?: string;
  maxLength?: number;
  readOnly?: boolean;
  options?: readonly { value: string; label: string }[];
  /** Called with the field's text as it is typed (after the form has taken it). */
  onText?: (value: string) => void;
}) {
  const { register } = useFormContext<IntakeValues>();
  const error = useFieldError(props.name);
  const id = fieldId(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const setValueAs = (v: unknown) => {
    const s = typeof v === 'string' ? (props.upper ? v.toUpperCase() : v) : v;
    return props.nullable && (s === '' || s === undefined) ? null : s;
  };
  const registered = register(props.name, { setValueAs });
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    dir: props.autoDir ? 'auto' : undefined,
    readOnly: props.readOnly,
    ...registered,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const done = registered.onChange(e);
      props.onText?.(e.target.value);
      return done;
    },
  } as const;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type={props.type ?? 'text'} inputMode={props.inputMode} className={props.upper ? 'upper' : undefined} list={props.options ? `${id}-list` : undefined} {...common} />
      )}
      {props.options && (
        <datalist id={`${id}-list`}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} label={o.label} />
          ))}
        </datalist>
      )}
      {props.maxLength !== undefined && props.maxLength >= COUNTED_FROM && <CharCount name={props.name} max={props.maxLength} />}
      {error && (
        <p className="error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
