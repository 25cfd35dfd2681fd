import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import type { Control, DeepPartialSkipArrayKey } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IntakeValues } from '../../components/form/types';
import { SECTION_IDS } from './Section';
import type { SectionId } from './Section';

type Values = DeepPartialSkipArrayKey<IntakeValues>;
const known = (v: unknown) => v !== null && v !== undefined && v !== '';

/** Answered / asked per section: what "done" means for the progress outline. */
export function progress(v: Values): Record<SectionId, [number, number]> {
  const persons = v.persons ?? [];
  const count = (vals: unknown[]): [number, number] => [vals.filter(known).length, vals.length];
  const facts = persons.map((p) => p?.facts);
  return {
    application: count([v.channel, v.applicationDate, v.language, v.interpreterNeeded]),
    persons: count(persons.flatMap((p) => [p?.nameAsWritten, p?.nameLatin, p?.dateOfBirth, p?.nationality])),
    claim: count(facts.flatMap((f) => [f?.claim?.outcome, f?.claim?.inGta, f?.claim?.noCredibleBasis, f?.claim?.manifestlyUnfounded, f?.claim?.radAppeal, f?.federalCourtLeaveApplied, f?.prraApplied])),
    exclusions: count(facts.flatMap((f) => [f?.criminalRecord, f?.inadmissibleSecurity, f?.inadmissibleHumanRights, f?.inadmissibleOrganizedCrime, f?.prApplicationWithSpousalSponsorship])),
    compliance: count(facts.map((f) => f?.compliantWithConditions)),
    travel: count([v.travel?.countryOfReturn, ...persons.map((p) => p?.travelDocument?.status)]),
    needs: count(persons.flatMap((p) => [p?.specialNeeds?.medicalEscort, p?.specialNeeds?.nonMedicalEscort])),
    reintegration: [(v.reintegration?.categories?.length ?? 0) > 0 ? 1 : 0, 1],
  };
}

/** The interview's sections as links, each with how much is answered; any order, any time. */
export function Outline({ control }: { control: Control<IntakeValues> }) {
  const { t } = useTranslation();
  const values = useWatch({ control });
  const p = useMemo(() => progress(values), [values]);
  return (
    <nav aria-label={t('interview.outline')} className="outline">
      <ol>
        {SECTION_IDS.map((id) => {
          const [done, all] = p[id];
          return (
            <li key={id} className={done === all ? 'complete' : undefined}>
              <a
                href={`#sec-${id}`}
                onClick={(e) => {
                  e.preventDefault();
                  const h = document.getElementById(`sec-${id}-title`);
                  h?.scrollIntoView({ block: 'start' });
                  h?.focus();
                }}
              >
                {t(`interview.sections.${id}`)}
              </a>{' '}
              <span className="progress">{t('interview.progress', { done, all })}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
