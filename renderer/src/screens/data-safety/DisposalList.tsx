import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { disposeCasesInput } from '../../../../shared/schema/data-safety';
import type { DisposalCandidate } from '../../../../shared/schema/data-safety';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ReasonField } from '../../components/ReasonField';
import { call, errorOf } from '../../ipc';
import { ConfirmDialog } from '../users/ConfirmDialog';
import type { SafetyFormat } from './format';
import { RETENTION_KEY } from './queries';

const reasonSchema = disposeCasesInput.pick({ reason: true });
type Values = z.input<typeof reasonSchema>;

/**
 * The cases past their retention period: the supervisor ticks them (one, some or all), gives a
 * reason, and approves their disposal after a confirmation. What reports need stays, unnamed.
 */
export function DisposalList({ candidates, f }: { candidates: DisposalCandidate[]; f: SafetyFormat }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [asking, setAsking] = useState<{ caseIds: string[]; reason: string } | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const form = useForm<Values, unknown, z.output<typeof reasonSchema>>({ resolver: zodResolver(reasonSchema), defaultValues: { reason: '' } });
  // Only cases still listed count (a disposal elsewhere may have removed some).
  const ids = candidates.filter((c) => chosen.has(c.caseId)).map((c) => c.caseId);
  const all = candidates.length > 0 && ids.length === candidates.length;
  const dispose = useMutation({
    mutationFn: (input: { caseIds: string[]; reason: string }) => call('retention.dispose', input),
    onSuccess: (r) => {
      setAsking(null);
      setChosen(new Set());
      form.reset({ reason: '' });
      setDone(r.disposed.length);
      void qc.invalidateQueries({ queryKey: RETENTION_KEY });
    },
    onError: () => setAsking(null),
  });
  const toggle = (caseId: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(caseId);
      else next.delete(caseId);
      return next;
    });
  const submit = form.handleSubmit((v) => {
    setDone(null);
    setAsking({ caseIds: ids, reason: v.reason });
  });
  return (
    <div className="disposal">
      <h3>{t('dataSafety.disposal.title', { count: candidates.length })}</h3>
      {done !== null && (
        <p role="status" className="banner banner-ok">
          {t('dataSafety.disposal.done', { count: done })}
        </p>
      )}
      {candidates.length === 0 ? (
        <p>{t('dataSafety.disposal.none')}</p>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)} aria-label={t('dataSafety.disposal.formLabel')}>
          <div className="table-scroll">
            <table className="safety-table">
              <caption className="visually-hidden">{t('dataSafety.disposal.caption')}</caption>
              <thead>
                <tr>
                  <td>
                    <label className="inline">
                      <input type="checkbox" checked={all} onChange={(e) => setChosen(e.target.checked ? new Set(candidates.map((c) => c.caseId)) : new Set())} />
                      {t('dataSafety.disposal.selectAll')}
                    </label>
                  </td>
                  <th scope="col">{t('dataSafety.disposal.caseNumber')}</th>
                  <th scope="col">{t('cases.status')}</th>
                  <th scope="col">{t('dataSafety.disposal.lastUse')}</th>
                  <th scope="col">{t('dataSafety.disposal.since')}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.caseId}>
                    <td>
                      <input type="checkbox" checked={chosen.has(c.caseId)} onChange={(e) => toggle(c.caseId, e.target.checked)} aria-label={t('dataSafety.disposal.choose', { number: c.caseNumber })} />
                    </td>
                    <th scope="row">{c.caseNumber}</th>
                    <td>{t(`status.${c.status}`)}</td>
                    <td>{f.date(c.lastUseOn)}</td>
                    <td>{f.date(c.disposableOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ReasonField label={t('dataSafety.disposal.reason')} hint={t('dataSafety.disposal.reasonHint')} max={500} error={form.formState.errors.reason} registration={form.register('reason')} />
          <ErrorBanner error={dispose.error ? errorOf(dispose.error) : null} />
          {ids.length === 0 && <p className="hint">{t('dataSafety.disposal.chooseFirst')}</p>}
          <button type="submit" className="danger" disabled={ids.length === 0 || dispose.isPending}>
            {t('dataSafety.disposal.dispose', { count: ids.length })}
          </button>
        </form>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t('dataSafety.disposal.confirmTitle', { count: asking?.caseIds.length ?? 0 })}
        text={t('dataSafety.disposal.confirmText', { count: asking?.caseIds.length ?? 0 })}
        confirm={t('dataSafety.disposal.dispose', { count: asking?.caseIds.length ?? 0 })}
        danger
        onConfirm={() => asking && dispose.mutate(asking)}
        onCancel={() => setAsking(null)}
      />
    </div>
  );
}
