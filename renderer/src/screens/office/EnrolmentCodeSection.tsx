import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { ReadOut } from './ReadOut';

/**
 * A new one-time enrolment code, shown with its expiry and the office authority's fingerprint,
 * to read out to whoever sets up a workstation. Shown once: the server keeps only its digest.
 */
export function EnrolmentCodeSection(props: { instant: (iso: string) => string; onMade: () => void }) {
  const { t } = useTranslation();
  const make = useMutation({ mutationFn: () => call('office.enrolmentCode', {}), onSuccess: props.onMade });
  return (
    <section aria-labelledby="enrol-title" className="card">
      <h2 id="enrol-title">{t('workstations.code.title')}</h2>
      <p className="hint">{t('workstations.code.intro')}</p>
      <button type="button" className="primary" disabled={make.isPending} onClick={() => make.mutate()}>
        {t('workstations.code.make')}
      </button>
      <ErrorBanner error={make.error ? errorOf(make.error) : null} />
      {make.data && (
        <div className="enrolment-code" role="status">
          <ReadOut label={t('workstations.code.code')} value={make.data.code} hint={t('workstations.code.validUntil', { time: props.instant(make.data.expiresAt) })} />
          <ReadOut label={t('workstations.code.fingerprint')} value={make.data.caFingerprint} hint={t('workstations.code.copyHint')} wide />
        </div>
      )}
    </section>
  );
}
