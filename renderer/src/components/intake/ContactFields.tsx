import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { intakeChannels } from '../../../../shared/schema/case';
import { localeOf, useLang } from '../../lang';
import { ChoiceField, YesNoField } from '../form/ChoiceField';
import { fieldId } from '../form/field-id';
import { TextField } from '../form/TextField';
import type { IntakeValues } from '../form/types';
import { useFieldError } from '../form/useFieldError';

/** Languages met at the office (ISO 639-1); the names come from the browser in the UI language. */
const LANGUAGE_CODES = ['am', 'ar', 'bn', 'cs', 'en', 'es', 'fa', 'fr', 'hi', 'ht', 'hr', 'hu', 'ne', 'pa', 'pl', 'ps', 'pt', 'ro', 'ru', 'sk', 'so', 'sq', 'sw', 'ta', 'ti', 'tr', 'uk', 'ur', 'zh'] as const;

export function ChannelField() {
  const { t } = useTranslation();
  return <ChoiceField name="channel" legend={t('case.channel')} unknown={false} options={intakeChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />;
}

export function LanguageFields() {
  const { t } = useTranslation();
  const lang = useLang();
  const { register, control } = useFormContext<IntakeValues>();
  const interpreter = useWatch({ control, name: 'interpreterNeeded' });
  const error = useFieldError('language');
  const names = new Intl.DisplayNames([localeOf(lang)], { type: 'language' });
  const options = LANGUAGE_CODES.map((c) => ({ code: c, label: names.of(c) ?? c })).sort((a, b) => a.label.localeCompare(b.label, localeOf(lang)));
  const id = fieldId('language');
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{t('intake.language')}</label>
        <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...register('language')}>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
        {error && (
          <p className="error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <YesNoField name="interpreterNeeded" legend={t('intake.interpreterNeeded')} />
      {/* The consent form names the interpreter who explained it. */}
      {interpreter === true && <TextField name="interpreterName" label={t('intake.interpreterName')} hint={t('intake.interpreterNameHint')} autoDir maxLength={200} />}
    </>
  );
}

export function ContactFields() {
  const { t } = useTranslation();
  return (
    <div className="grid">
      <TextField name="contact.phone" label={t('intake.phone')} type="tel" maxLength={40} />
      <TextField name="contact.email" label={t('intake.email')} type="email" maxLength={200} />
      <TextField name="contact.address" label={t('intake.address')} maxLength={300} />
    </div>
  );
}
