import { useTranslation } from 'react-i18next';

export interface HandoverState {
  kind: 'none' | 'now' | 'appointment';
  at: string;
}

/** Hand the case over to an interview: now, at an appointment, or not yet. */
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
        <div className="field">
          <label htmlFor="handover-at">{t('handover.at')}</label>
          <p className="hint" id="handover-at-hint">
            {t('handover.atHint')}
          </p>
          <input
            id="handover-at"
            value={props.value.at}
            aria-describedby={props.error ? 'handover-at-hint handover-at-error' : 'handover-at-hint'}
            aria-invalid={props.error ? true : undefined}
            onChange={(e) => props.onChange({ ...props.value, at: e.target.value })}
            maxLength={16}
          />
        </div>
      )}
      {props.error && (
        <p className="error" id="handover-at-error">
          {t(props.error)}
        </p>
      )}
    </fieldset>
  );
}
