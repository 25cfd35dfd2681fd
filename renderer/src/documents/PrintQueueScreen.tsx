import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { DocumentTable } from './DocumentTable';

/** The clerk's print queue: packets and notices for IOM not printed yet. Clerks print; they never edit. */
export function PrintQueueScreen() {
  const { t } = useTranslation();
  const queue = useQuery({ queryKey: ['documents', 'queue'], queryFn: () => call('document.printQueue', {}) });
  return (
    <>
      <h1>{t('documents.queueTitle')}</h1>
      <p className="hint">{t('documents.queueIntro')}</p>
      {queue.error && <ErrorBanner error={errorOf(queue.error)} />}
      {queue.data && queue.data.length === 0 && <p role="status">{t('documents.queueEmpty')}</p>}
      {queue.data && queue.data.length > 0 && <DocumentTable documents={queue.data} caption={t('documents.queueTitle')} showCase />}
    </>
  );
}
