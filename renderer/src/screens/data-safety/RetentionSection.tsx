import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { DisposalList } from './DisposalList';
import type { SafetyFormat } from './format';
import { RETENTION_KEY } from './queries';
import { RetentionYearsForm } from './RetentionYearsForm';
import { SafetySection } from './SafetySection';

/** Retention: the period (with its legal source) and the cases past it, to dispose of with a reason. */
export function RetentionSection({ f }: { f: SafetyFormat }) {
  const { t } = useTranslation();
  const view = useQuery({ queryKey: RETENTION_KEY, queryFn: () => call('retention.get', {}) });
  const v = view.data;
  return (
    <SafetySection title={t('dataSafety.retention.title')} intro={t('dataSafety.retention.intro')}>
      <ErrorBanner error={view.error ? errorOf(view.error) : null} />
      {v && (
        <>
          <RetentionYearsForm years={v.years} sourceKey={v.sourceKey} />
          {v.disposedCount > 0 && <p>{t('dataSafety.retention.disposedCount', { count: v.disposedCount })}</p>}
          <DisposalList candidates={v.candidates} f={f} />
        </>
      )}
    </SafetySection>
  );
}
