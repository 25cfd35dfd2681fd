import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId } from './field-id';
import type { IntakePath, IntakeValues } from './types';
import { errorParams } from './useFieldError';

export interface ChoiceOption<T> {
  value: T;
  label: string;
}

/**
 * A radio group (fieldset + legend) for a fact that may be unknown: "Unknown" is an explicit
 * answer stored as null, never a missing one. Arrow keys move between the options.
 */
export function ChoiceField<T extends string | boolean>(props: {
  name: IntakePath;
  legend: string;
  hint?: string;
  options: readonly ChoiceOption<T>[];
  /** Offer "Unknown" (null) as the last option. */
  unknown?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { control } = useFormContext<IntakeValues>();
  const { field, fieldState } = useController({ name: props.name, control });
  const id = fieldId(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = fieldState.error?.message ? `${id}-error` : undefined;
  const options: ChoiceOption<T | null>[] = props.unknown === false ? [...props.options] : [...props.options, { value: null, label: t('answer.unknown') }];
  const current: unknown = field.value ?? null;
  return (
    <fieldset className="choice" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} disabled={props.disabled}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <div className="choice-options">
        {options.map((o, i) => (
          <label key={String(o.value)} className="choice-option">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${i}`}
              value={String(o.value)}
              name={id}
              checked={current === o.value}
              onChange={() => field.onChange(o.value)}
              onBlur={field.onBlur}
              ref={i === 0 ? field.ref : undefined}
            />
            {o.label}
          </label>
        ))}
      </div>
      {errorId && (
        <p className="error" id={errorId}>
          {t(fieldState.error?.message ?? 'validation.invalid', fieldState.error ? errorParams(fieldState.error) : {})}
        </p>
      )}
    </fieldset>
  );
}

/** Yes / No / Unknown. */
export function YesNoField(props: { name: IntakePath; legend: string; hint?: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const options = [
    { value: true, label: t('answer.yes') },
    { value: false, label: t('answer.no') },
  ] as const;
  return <ChoiceField name={props.name} legend={props.legend} options={options} {...(props.hint ? { hint: props.hint } : {})} {...(props.disabled ? { disabled: true } : {})} />;
}
