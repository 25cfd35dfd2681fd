import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form/TextField';
import { ChannelField, ContactFields, LanguageFields } from '../../components/intake/ContactFields';
import { Section } from './Section';

/** How and when the person applied, their language and how to reach them. */
export function ApplicationSection() {
  const { t } = useTranslation();
  return (
    <Section id="application" title={t('interview.sections.application')}>
      <ChannelField />
      <div className="grid">
        <TextField name="applicationDate" label={t('intake.applicationDate')} hint={t('intake.applicationDateHint')} inputMode="numeric" maxLength={10} />
        <LanguageFields />
      </div>
      <ContactFields />
    </Section>
  );
}
