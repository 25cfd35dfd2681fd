import { useTranslation } from 'react-i18next';
import { SlotPicker } from '../appointments/SlotPicker';

export interface HandoverState {
  kind: 'none' | 'now' | 'appointment';
  at: string;
}

/** Hand the case over to an interview: now, at an appointment (a date and a free time), or not yet. */
export function HandoverChoice(props: { value: HandoverState; onChange: (v: HandoverState) => void; error: string | null; allowNone?: boolean }) {
  const { t } = useTranslation();
  const kinds = props.allowNone === false ? (['now', 'appointment'] as const) : (['none', 'now', 'appointment'] as const);
  return (
    <fieldset className="choice" aria-describedby={props.error ? 'handover-at-error' : undefined}>
      <legend>{t('handover.legend')}</legend>
      <div className="choice-options">
        {kinds.map((k) => (
          <label key={k} className="choice-option">
            <input type="radio" name="handover" checked={props.value.kind === k} onChange={() => props.onChange({ ...props.value, kind: k })} /> {t(`handover.${k}`)}
          </label>
        ))}
      </div>
      {props.value.kind === 'appointment' && (
        // A real date and one of that day's free times (the office's hours and slots), never typed free text.
        <SlotPicker
          date={props.value.at.slice(0, 10)}
          time={props.value.at.slice(11, 16)}
          onDate={(date) => props.onChange({ ...props.value, at: `${date}T` })}
          onTime={(time) => props.onChange({ ...props.value, at: `${props.value.at.slice(0, 10)}T${time}` })}
          dateId="handover-at"
          timeId="handover-at-time"
        />
      )}
      {props.error && (
        <p className="error" id="handover-at-error">
          {t(props.error)}
        </p>
      )}
    </fieldset>
  );
}
