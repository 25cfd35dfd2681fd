import { useTranslation } from 'react-i18next';
import { claimOutcomes, radAppealStatuses } from '../../../../shared/schema/case-facts';
import { ChoiceField, YesNoField } from '../form/ChoiceField';
import { TextField } from '../form/TextField';

/** The refugee claim and the recourse history, with dates. */
export function ClaimQuestions({ index, brief = false }: { index: number; brief?: boolean }) {
  const { t } = useTranslation();
  const f = `persons.${index}.facts` as const;
  return (
    <>
      <ChoiceField name={`${f}.claim.outcome`} legend={t('facts.claimOutcome')} options={claimOutcomes.map((v) => ({ value: v, label: t(`claimOutcome.${v}`) }))} />
      <YesNoField name={`${f}.claim.inGta`} legend={t('facts.inGta')} hint={t('facts.inGtaHint')} />
      {!brief && (
        <div className="grid">
          <TextField name={`${f}.claim.claimDate`} label={t('facts.claimDate')} hint={t('common.dateHint')} nullable inputMode="numeric" maxLength={10} />
          <TextField name={`${f}.claim.decisionDate`} label={t('facts.decisionDate')} hint={t('common.dateHint')} nullable inputMode="numeric" maxLength={10} />
        </div>
      )}
      <YesNoField name={`${f}.claim.noCredibleBasis`} legend={t('facts.noCredibleBasis')} />
      {!brief && (
        <>
          <YesNoField name={`${f}.claim.manifestlyUnfounded`} legend={t('facts.manifestlyUnfounded')} />
          <ChoiceField name={`${f}.claim.radAppeal`} legend={t('facts.radAppeal')} hint={t('facts.radAppealHint')} options={radAppealStatuses.map((v) => ({ value: v, label: t(`rad.${v}`) }))} />
          <YesNoField name={`${f}.federalCourtLeaveApplied`} legend={t('facts.federalCourtLeaveApplied')} />
          <TextField name={`${f}.federalCourtLeaveDate`} label={t('facts.federalCourtLeaveDate')} hint={t('common.dateHint')} nullable inputMode="numeric" maxLength={10} />
          <YesNoField name={`${f}.prraApplied`} legend={t('facts.prraApplied')} />
          <TextField name={`${f}.prraDate`} label={t('facts.prraDate')} hint={t('common.dateHint')} nullable inputMode="numeric" maxLength={10} />
        </>
      )}
    </>
  );
}

/** Exclusions: criminal record, IRPA s.34/35/37, PR application with spousal sponsorship. */
export function ExclusionQuestions({ index, brief = false }: { index: number; brief?: boolean }) {
  const { t } = useTranslation();
  const f = `persons.${index}.facts` as const;
  return (
    <>
      <YesNoField name={`${f}.criminalRecord`} legend={t('facts.criminalRecord')} />
      {!brief && (
        <>
          <YesNoField name={`${f}.inadmissibleSecurity`} legend={t('facts.inadmissibleSecurity')} />
          <YesNoField name={`${f}.inadmissibleHumanRights`} legend={t('facts.inadmissibleHumanRights')} />
          <YesNoField name={`${f}.inadmissibleOrganizedCrime`} legend={t('facts.inadmissibleOrganizedCrime')} />
          <YesNoField name={`${f}.prApplicationWithSpousalSponsorship`} legend={t('facts.prApplicationWithSpousalSponsorship')} />
        </>
      )}
    </>
  );
}

export function ComplianceQuestion({ index }: { index: number }) {
  const { t } = useTranslation();
  return <YesNoField name={`persons.${index}.facts.compliantWithConditions`} legend={t('facts.compliantWithConditions')} hint={t('facts.compliantHint')} />;
}
