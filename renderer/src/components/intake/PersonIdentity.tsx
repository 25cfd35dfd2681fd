import { useTranslation } from 'react-i18next';
import { relationships } from '../../../../shared/schema/case';
import { ChoiceField } from '../form/ChoiceField';
import { TextField } from '../form/TextField';

/** Who the person is, as in their documents; names in any script (shown left-to-right or right-to-left as written). */
export function PersonIdentity({ index, withRelationship = false }: { index: number; withRelationship?: boolean }) {
  const { t } = useTranslation();
  const p = `persons.${index}` as const;
  return (
    <div className="grid">
      {withRelationship && (
        <ChoiceField name={`${p}.relationship`} legend={t('person.relationship')} unknown={false} options={relationships.map((r) => ({ value: r, label: t(`relationship.${r}`) }))} />
      )}
      <TextField name={`${p}.nameAsWritten`} label={t('person.nameAsWritten')} hint={t('person.nameAsWrittenHint')} autoDir maxLength={200} />
      <TextField name={`${p}.nameLatin`} label={t('person.nameLatin')} hint={t('person.nameLatinHint')} maxLength={200} />
      <TextField name={`${p}.dateOfBirth`} label={t('person.dateOfBirth')} hint={t('common.dateHint')} inputMode="numeric" maxLength={10} />
      <TextField name={`${p}.nationality`} label={t('person.nationality')} hint={t('person.nationalityHint')} upper maxLength={3} className="short-field" />
      <TextField name={`${p}.uci`} label={t('person.uci')} hint={t('person.uciHint')} nullable inputMode="numeric" maxLength={14} />
    </div>
  );
}
