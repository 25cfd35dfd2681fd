import { useWatch } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IntakeValues } from '../../components/form/types';

/** A person's display name as typed so far (Latin letters first, then as written). */
export function usePersonLabel(control: Control<IntakeValues>, index: number): { name: string; relationship: string } {
  const { t } = useTranslation();
  const [latin, written, rel] = useWatch({ control, name: [`persons.${index}.nameLatin`, `persons.${index}.nameAsWritten`, `persons.${index}.relationship`] });
  const name = (latin ?? '').trim() || (written ?? '').trim() || t('person.unnamed', { n: index + 1 });
  return { name, relationship: t(`relationship.${rel ?? 'other'}`) };
}

/** A group of questions about one person, titled with their name (any script). */
export function PersonGroup(props: { control: Control<IntakeValues>; index: number; children: React.ReactNode }) {
  const { name, relationship } = usePersonLabel(props.control, props.index);
  return (
    <fieldset className="person-group" data-person-label={name}>
      <legend>
        <span dir="auto">{name}</span> <span className="rel">({relationship})</span>
      </legend>
      {props.children}
    </fieldset>
  );
}
