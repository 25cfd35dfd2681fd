import { useEffect, useRef, useState } from 'react';
import type { Control, FieldArrayWithId, UseFieldArrayReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { blankPerson } from '../../../../shared/schema/intake';
import { Dialog } from '../../components/Dialog';
import type { IntakeValues } from '../../components/form/types';
import { PersonIdentity } from '../../components/intake/PersonIdentity';
import { usePersonLabel } from './PersonLegend';
import { Section } from './Section';

type Fields = FieldArrayWithId<IntakeValues, 'persons', 'key'>[];

/** The family: the principal first, then spouse, children and others, each added or removed here. */
export function PersonsSection(props: { control: Control<IntakeValues>; fields: Fields; array: UseFieldArrayReturn<IntakeValues, 'persons', 'key'>; readOnly: boolean }) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<number | null>(null);
  const added = useRef(false);
  const count = props.fields.length;
  useEffect(() => {
    // After "add", go to the new person's first field.
    if (!added.current) return;
    added.current = false;
    document.getElementById(`f-persons-${count - 1}-relationship`)?.focus();
  }, [count]);
  const add = (rel: 'spouse' | 'child' | 'other') => {
    added.current = true;
    props.array.append(blankPerson(crypto.randomUUID(), rel), { shouldFocus: false });
  };
  return (
    <Section id="persons" title={t('interview.sections.persons')} intro={t('interview.personsIntro')}>
      {props.fields.map((f, i) => (
        <PersonCard key={f.key} control={props.control} index={i} readOnly={props.readOnly} onRemove={() => setRemoving(i)} />
      ))}
      {!props.readOnly && (
        <div className="row-actions">
          <button type="button" onClick={() => add('spouse')} disabled={count >= 20}>
            {t('interview.addSpouse')}
          </button>
          <button type="button" onClick={() => add('child')} disabled={count >= 20}>
            {t('interview.addChild')}
          </button>
          <button type="button" onClick={() => add('other')} disabled={count >= 20}>
            {t('interview.addOther')}
          </button>
        </div>
      )}
      <RemoveDialog
        control={props.control}
        index={removing}
        onClose={() => setRemoving(null)}
        onConfirm={(i) => {
          props.array.remove(i);
          setRemoving(null);
        }}
      />
    </Section>
  );
}

function PersonCard(props: { control: Control<IntakeValues>; index: number; readOnly: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const { name, relationship } = usePersonLabel(props.control, props.index);
  return (
    <fieldset className="person-group" data-person-label={name}>
      <legend>
        <span dir="auto">{name}</span> <span className="rel">({relationship})</span>
      </legend>
      <PersonIdentity index={props.index} withRelationship={props.index > 0} />
      {props.index > 0 && !props.readOnly && (
        <button type="button" className="danger" onClick={props.onRemove} aria-label={t('interview.removeNamed', { name })}>
          {t('interview.remove')}
        </button>
      )}
    </fieldset>
  );
}

function RemoveDialog(props: { control: Control<IntakeValues>; index: number | null; onClose: () => void; onConfirm: (i: number) => void }) {
  const { t } = useTranslation();
  const { name } = usePersonLabel(props.control, props.index ?? 0);
  return (
    <Dialog open={props.index !== null} title={t('interview.removeTitle', { name })} onClose={props.onClose}>
      <p>{t('interview.removeText')}</p>
      <div className="row-actions">
        {/* The safe choice takes the focus. */}
        <button type="button" onClick={props.onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => props.index !== null && props.onConfirm(props.index)}>
          {t('interview.removeConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
