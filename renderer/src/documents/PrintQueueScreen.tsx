import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { PrintLogView } from './PrintLogView';
import { QueueBatch } from './QueueBatch';

/**
 * The clerk's print queue: packets and notices for IOM not printed yet, printed one by one or
 * several as a batch; then the print log of a day (clerks and supervisors). Clerks print; they
 * never edit.
 */
export function PrintQueueScreen() {
  const { t } = useTranslation();
  const queue = useQuery({ queryKey: ['documents', 'queue'], queryFn: () => call('document.printQueue', {}) });
  const status = useQuery({ queryKey: ['auth'], queryFn: () => call('auth.status', {}) });
  const role = status.data?.user?.role;
  return (
    <>
      <h1>{t('documents.queueTitle')}</h1>
      <p className="hint">{t('documents.queueIntro')}</p>
      {queue.error && <ErrorBanner error={errorOf(queue.error)} />}
      {queue.data && queue.data.length === 0 && <p role="status">{t('documents.queueEmpty')}</p>}
      {queue.data && <QueueBatch documents={queue.data} />}
      {role && can(role, 'print_log.read') && <PrintLogView />}
    </>
  );
}
