import { useFormContext } from 'react-hook-form';
import type { Control, FieldArrayWithId } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { reintegrationCategories, travelDocumentStatuses } from '../../../../shared/schema/intake';
import { ChoiceField, YesNoField } from '../../components/form/ChoiceField';
import { TextField } from '../../components/form/TextField';
import { CountryField } from '../../components/intake/CountryField';
import type { IntakePath, IntakeValues } from '../../components/form/types';
import { ClaimQuestions, ComplianceQuestion, ExclusionQuestions } from '../../components/intake/FactQuestions';
import { PersonGroup, usePersonLabel } from './PersonLegend';
import { Section } from './Section';

type Fields = FieldArrayWithId<IntakeValues, 'persons', 'key'>[];
interface Props {
  control: Control<IntakeValues>;
  fields: Fields;
  readOnly: boolean;
}

/** Every fact of a person, for "copy the principal's answers". */
const FACT_LEAVES = [
  'claim.outcome', 'claim.inGta', 'claim.claimDate', 'claim.decisionDate', 'claim.noCredibleBasis', 'claim.manifestlyUnfounded', 'claim.radAppeal',
  'federalCourtLeaveApplied', 'federalCourtLeaveDate', 'prraApplied', 'prraDate', 'criminalRecord', 'inadmissibleSecurity', 'inadmissibleHumanRights',
  'inadmissibleOrganizedCrime', 'prApplicationWithSpousalSponsorship', 'compliantWithConditions',
] as const;

/**
 * Family members usually share the principal's claim: copy the answers for the officer to
 * confirm (the rules never infer a fact from the relationship; policy brief §3 note).
 */
function CopyFromPrincipal({ control, index }: { control: Control<IntakeValues>; index: number }) {
  const { t } = useTranslation();
  const { getValues, setValue } = useFormContext<IntakeValues>();
  const { name } = usePersonLabel(control, index);
  return (
    <button
      type="button"
      className="copy"
      onClick={() => {
        for (const leaf of FACT_LEAVES) {
          const from = `persons.0.facts.${leaf}` as IntakePath;
          setValue(`persons.${index}.facts.${leaf}` as IntakePath, getValues(from), { shouldDirty: true });
        }
      }}
    >
      {t('facts.copyFromPrincipal', { name })}
    </button>
  );
}

export function ClaimSection({ control, fields, readOnly }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="claim" title={t('interview.sections.claim')}>
      {fields.map((f, i) => (
        <PersonGroup key={f.key} control={control} index={i}>
          {i > 0 && !readOnly && <CopyFromPrincipal control={control} index={i} />}
          <ClaimQuestions index={i} />
        </PersonGroup>
      ))}
    </Section>
  );
}

export function ExclusionsSection({ control, fields }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="exclusions" title={t('interview.sections.exclusions')}>
      {fields.map((f, i) => (
        <PersonGroup key={f.key} control={control} index={i}>
          <ExclusionQuestions index={i} />
        </PersonGroup>
      ))}
    </Section>
  );
}

export function ComplianceSection({ control, fields }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="compliance" title={t('interview.sections.compliance')}>
      {fields.map((f, i) => (
        <PersonGroup key={f.key} control={control} index={i}>
          <ComplianceQuestion index={i} />
        </PersonGroup>
      ))}
    </Section>
  );
}

export function TravelSection({ control, fields }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="travel" title={t('interview.sections.travel')}>
      <div className="grid">
        <CountryField name="travel.countryOfReturn" label={t('travel.countryOfReturn')} hint={t('person.nationalityHint')} kind="country" nullable />
        <TextField name="travel.finalDestination" label={t('travel.finalDestination')} hint={t('travel.finalDestinationHint')} maxLength={200} />
      </div>
      {fields.map((f, i) => (
        <PersonGroup key={f.key} control={control} index={i}>
          <ChoiceField name={`persons.${i}.travelDocument.status`} legend={t('travel.documentStatus')} options={travelDocumentStatuses.map((s) => ({ value: s, label: t(`travel.status.${s}`) }))} />
          <TextField name={`persons.${i}.travelDocument.expiryDate`} label={t('travel.expiryDate')} hint={t('common.dateHint')} nullable inputMode="numeric" maxLength={10} />
        </PersonGroup>
      ))}
    </Section>
  );
}

/**
 * `withheld`: the persons whose medical notes the back end withheld from this reader (not
 * consented for IOM). Their notes are not shown, and not offered for editing: a save keeps them.
 */
export function NeedsSection({ control, fields, withheld = [] }: Props & { withheld?: readonly string[] }) {
  const { t } = useTranslation();
  const { register } = useFormContext<IntakeValues>();
  return (
    <Section id="needs" title={t('interview.sections.needs')}>
      {fields.map((f, i) => (
        <PersonGroup key={f.key} control={control} index={i}>
          <YesNoField name={`persons.${i}.specialNeeds.medicalEscort`} legend={t('needs.medicalEscort')} />
          <YesNoField name={`persons.${i}.specialNeeds.nonMedicalEscort`} legend={t('needs.nonMedicalEscort')} />
          <TextField name={`persons.${i}.specialNeeds.mobility`} label={t('needs.mobility')} maxLength={500} />
          {withheld.includes(f.id) ? (
            <p className="banner banner-info" role="note" data-testid="medical-withheld">
              {t('needs.medicalWithheld')}
            </p>
          ) : (
            <>
              <TextField name={`persons.${i}.specialNeeds.medicalConditions`} label={t('needs.medicalConditions')} hint={t('needs.medicalConditionsHint')} multiline maxLength={2000} />
              <div className="field checkbox-field">
                <label>
                  <input type="checkbox" id={`f-persons-${i}-specialNeeds-shareMedicalWithIom`} {...register(`persons.${i}.specialNeeds.shareMedicalWithIom`)} /> {t('needs.shareMedicalWithIom')}
                </label>
              </div>
            </>
          )}
        </PersonGroup>
      ))}
    </Section>
  );
}

export function ReintegrationSection() {
  const { t } = useTranslation();
  const { register } = useFormContext<IntakeValues>();
  return (
    <Section id="reintegration" title={t('interview.sections.reintegration')} intro={t('reintegration.intro')}>
      <fieldset className="choice" id="f-reintegration-categories" tabIndex={-1}>
        <legend>{t('reintegration.categories')}</legend>
        <div className="checkbox-grid">
          {reintegrationCategories.map((c) => (
            <label key={c} className="choice-option">
              <input type="checkbox" value={c} {...register('reintegration.categories')} /> {t(`reintegration.category.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField name="reintegration.notes" label={t('reintegration.notes')} multiline maxLength={2000} />
    </Section>
  );
}
