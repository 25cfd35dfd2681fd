import { useEffect, useState } from 'react';
import { isRealIsoDate } from '../../../../shared/schema/common';
import { Field } from '../../components/Field';

/**
 * A date filter typed as year-month-day: the list follows as soon as the text is a real date (or
 * empty); a date left half typed is named as such when the officer leaves the field.
 */
export function DateFilter(props: { label: string; hint: string; value: string | null; onCommit: (date: string | null) => void }) {
  const [text, setText] = useState(props.value ?? '');
  const [bad, setBad] = useState(false);
  // Back, forward or "Clear filters" changed it from outside.
  useEffect(() => setText(props.value ?? ''), [props.value]);
  const complete = (v: string) => v === '' || isRealIsoDate(v);
  return (
    <Field label={props.label} hint={props.hint} error={bad ? { message: 'validation.date_invalid' } : undefined}>
      {(a) => (
        <input
          id={a.id}
          aria-describedby={a.describedBy}
          aria-invalid={a.invalid || undefined}
          inputMode="numeric"
          maxLength={10}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            const v = e.target.value.trim();
            setText(e.target.value);
            if (complete(v)) {
              setBad(false);
              if (v !== (props.value ?? '')) props.onCommit(v || null);
            }
          }}
          onBlur={() => setBad(!complete(text.trim()))}
        />
      )}
    </Field>
  );
}
