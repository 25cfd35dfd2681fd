import { useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { relationships } from '../../../../shared/schema/case';
import { PERSON_NAME_MAX } from '../../../../shared/schema/limits';
import { ChoiceField } from '../form/ChoiceField';
import { TextField } from '../form/TextField';
import type { IntakeValues } from '../form/types';
import { CountryField } from './CountryField';
import { isLatinScript } from './latin-name';

/** Who the person is, as in their documents; names in any script (shown left-to-right or right-to-left as written). */
export function PersonIdentity({ index, withRelationship = false }: { index: number; withRelationship?: boolean }) {
  const { t } = useTranslation();
  const p = `persons.${index}` as const;
  const { getValues, setValue } = useFormContext<IntakeValues>();
  // A name written in Latin letters is its own Latin spelling: the Latin box follows the written
  // one as it is typed, until the officer types something else there (then it is theirs).
  const mirrored = useRef<string | null>(null);
  const mirrorLatin = (written: string) => {
    const latin = getValues(`${p}.nameLatin`);
    if (latin !== '' && latin !== mirrored.current) return;
    const next = isLatinScript(written) ? written.trim() : '';
    mirrored.current = next;
    if (next !== latin) setValue(`${p}.nameLatin`, next, { shouldDirty: true });
  };
  return (
    <div className="grid">
      {withRelationship && (
        <ChoiceField name={`${p}.relationship`} legend={t('person.relationship')} unknown={false} options={relationships.map((r) => ({ value: r, label: t(`relationship.${r}`) }))} />
      )}
      <TextField name={`${p}.nameAsWritten`} label={t('person.nameAsWritten')} hint={t('person.nameAsWrittenHint')} autoDir maxLength={PERSON_NAME_MAX} onText={mirrorLatin} />
      <TextField name={`${p}.nameLatin`} label={t('person.nameLatin')} hint={t('person.nameLatinHint')} maxLength={PERSON_NAME_MAX} />
      <TextField name={`${p}.dateOfBirth`} label={t('person.dateOfBirth')} hint={t('common.dateHint')} inputMode="numeric" />
      <CountryField name={`${p}.nationality`} label={t('person.nationality')} hint={t('person.nationalityHint')} kind="nationality" />
      <TextField name={`${p}.uci`} label={t('person.uci')} hint={t('person.uciHint')} nullable inputMode="numeric" />
    </div>
  );
}
