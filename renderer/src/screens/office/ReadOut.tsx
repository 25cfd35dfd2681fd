import { useId } from 'react';

/**
 * A value to read out loud or copy (an enrolment code, a fingerprint): large, in a read-only
 * field that selects itself on focus, so Ctrl+C copies it (no clipboard permission needed).
 */
export function ReadOut(props: { label: string; value: string; hint: string; wide?: boolean }) {
  const id = useId();
  return (
    <div className="read-out">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        readOnly
        className={props.wide ? 'read-out-value read-out-wide' : 'read-out-value'}
        value={props.value}
        aria-describedby={`${id}-hint`}
        spellCheck={false}
        size={props.value.length}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p id={`${id}-hint`} className="hint">
        {props.hint}
      </p>
    </div>
  );
}
