import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkstationRow } from '../../../../shared/schema/office-admin';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { EnrolmentCodeSection } from './EnrolmentCodeSection';
import { useInstantFormat } from './format';
import { RevokeWorkstationDialog } from './RevokeWorkstationDialog';
import './workstations.css';

const QUERY_KEY = ['office', 'workstations'] as const;

/**
 * Supervisor, on the office server (issue 15 point 2): the enrolled workstations, a one-time
 * code to enrol a new one, and revocation (with a reason; never the workstation in use).
 */
export function WorkstationsScreen() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const instant = useInstantFormat();
  // Read again each time the screen opens: workstations are enrolled elsewhere (on the enrolment port).
  const list = useQuery({ queryKey: QUERY_KEY, queryFn: () => call('office.workstations', {}), staleTime: 0 });
  const [revoking, setRevoking] = useState<WorkstationRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => void qc.invalidateQueries({ queryKey: QUERY_KEY });
  const rows = list.data?.workstations ?? [];

  return (
    <>
      <h1>{t('workstations.title')}</h1>
      <p className="hint">{t('workstations.intro')}</p>
      {notice && (
        <div className="banner banner-ok" role="status">
          {notice}
        </div>
      )}
      <ErrorBanner error={list.error ? errorOf(list.error) : null} />
      <EnrolmentCodeSection instant={instant} onMade={reload} />
      <section aria-labelledby="workstation-list-title">
        <h2 id="workstation-list-title">{t('workstations.listTitle')}</h2>
        {list.isPending && <p role="status">{t('common.loading')}</p>}
        {list.data && rows.length === 0 && <p>{t('workstations.none')}</p>}
        {rows.length > 0 && (
          <table className="workstation-table">
            <thead>
              <tr>
                <th scope="col">{t('workstations.name')}</th>
                <th scope="col">{t('workstations.auditName')}</th>
                <th scope="col">{t('workstations.enrolledAt')}</th>
                <th scope="col">{t('workstations.expiresAt')}</th>
                <th scope="col">{t('workstations.status')}</th>
                <th scope="col">{t('workstations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    {w.name}
                    {w.self && <span className="workstation-self"> ({t('workstations.thisOne')})</span>}
                  </th>
                  <td>
                    <code>{w.auditName}</code>
                  </td>
                  <td>{instant(w.enrolledAt)}</td>
                  <td>{instant(w.expiresAt)}</td>
                  <td>
                    {w.revokedAt === null ? (
                      t('workstations.active')
                    ) : (
                      <>
                        {t('workstations.revokedOn', { date: instant(w.revokedAt) })}
                        {w.revokedReason && <span className="workstation-reason">{t('workstations.reason', { reason: w.revokedReason })}</span>}
                      </>
                    )}
                  </td>
                  <td>
                    {w.revokedAt === null && !w.self && (
                      <button type="button" className="danger" aria-label={t('workstations.revokeFor', { name: w.name })} onClick={() => setRevoking(w)}>
                        {t('workstations.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <RevokeWorkstationDialog
        workstation={revoking}
        onClose={() => setRevoking(null)}
        onDone={(w) => {
          setRevoking(null);
          setNotice(t('workstations.revokedDone', { name: w.name }));
          reload();
        }}
      />
    </>
  );
}
