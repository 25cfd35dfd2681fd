import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { ConfirmDialog } from '../users/ConfirmDialog';
import type { SafetyFormat } from './format';
import { KEY_STATUS_KEY } from './queries';
import { SafetySection } from './SafetySection';

/**
 * The database key: when it was last changed, the accounts that must sign in once before it can
 * be, and "Rotate the key now" (a copy of an old key file then opens nothing).
 */
export function KeySection({ f }: { f: SafetyFormat }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const status = useQuery({ queryKey: KEY_STATUS_KEY, queryFn: () => call('keys.status', {}) });
  const rotate = useMutation({
    mutationFn: () => call('keys.rotate', {}),
    onSettled: () => {
      setAsking(false);
      void qc.invalidateQueries({ queryKey: KEY_STATUS_KEY });
    },
  });
  const s = status.data;
  return (
    <SafetySection title={t('dataSafety.keys.title')} intro={t('dataSafety.keys.intro')}>
      <ErrorBanner error={status.error ? errorOf(status.error) : null} />
      {s && (
        <dl className="facts">
          <dt>{t('dataSafety.keys.lastRotated')}</dt>
          <dd>{s.lastRotatedAt ? f.instant(s.lastRotatedAt) : t('dataSafety.keys.never')}</dd>
          <dt>{t('dataSafety.keys.legacy')}</dt>
          <dd>{s.legacyAccounts.length === 0 ? t('dataSafety.keys.legacyNone') : s.legacyAccounts.join(', ')}</dd>
        </dl>
      )}
      {s && s.legacyAccounts.length > 0 && <p className="banner banner-warn">{t('dataSafety.keys.legacyHint', { count: s.legacyAccounts.length })}</p>}
      <button type="button" disabled={rotate.isPending} onClick={() => setAsking(true)}>
        {t('dataSafety.keys.rotate')}
      </button>
      {rotate.isPending && <p role="status">{t('common.working')}</p>}
      {rotate.data && !rotate.isPending && (
        <p role="status" className="banner banner-ok">
          {t('dataSafety.keys.rotated', { time: f.instant(rotate.data.rotatedAt), count: rotate.data.accounts, duration: f.seconds(rotate.data.durationMs) })}
        </p>
      )}
      <ErrorBanner error={rotate.error ? errorOf(rotate.error) : null} />
      <ConfirmDialog
        open={asking}
        title={t('dataSafety.keys.confirmTitle')}
        text={t('dataSafety.keys.confirmText')}
        confirm={t('dataSafety.keys.rotate')}
        onConfirm={() => rotate.mutate()}
        onCancel={() => setAsking(false)}
      />
    </SafetySection>
  );
}
