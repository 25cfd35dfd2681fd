import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { stageSources } from '../../../../../shared/schema/stages';
import { Field } from '../../../components/Field';
import type { FieldErrorLike } from '../../../components/Field';

/** The first row of every stage form: the stage's date and who reported it. */
export function StageReportRow(props: { occurredOn: UseFormRegisterReturn; source: UseFormRegisterReturn; errors: { occurredOn?: FieldErrorLike; source?: FieldErrorLike } }) {
  const { t } = useTranslation();
  return (
    <div className="stage-form-row">
      <Field label={t('stages.field.occurredOn')} hint={t('common.dateHint')} error={props.errors.occurredOn}>
        {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="numeric" maxLength={10} {...props.occurredOn} />}
      </Field>
      <Field label={t('stages.field.source')} error={props.errors.source}>
        {(a) => (
          <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...props.source}>
            {stageSources.map((s) => (
              <option key={s} value={s}>
                {t(`stages.source.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
