import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { auditQueryInput } from '../../../shared/schema/audit';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { call, errorOf } from '../ipc';

type Filter = z.input<typeof auditQueryInput>;
const PAGE = 50;

/** Supervisor: the audit trail, filtered by person, action, case and dates; verified; exported as CSV. */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const [offset, setOffset] = useState(0);
  const form = useForm<Filter>({ resolver: zodResolver(auditQueryInput), defaultValues: {} });
  const list = useQuery({ queryKey: ['audit', filter, offset], queryFn: () => call('audit.list', { ...filter, limit: PAGE, offset }) });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}) });
  const exportCsv = useMutation({
    mutationFn: () => call('audit.exportCsv', filter),
    onSuccess: (r) => {
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  const when = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'short', timeStyle: 'medium' });
  const clean = (v: Filter): Filter => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined)) as Filter;
  const e = form.formState.errors;
  const total = list.data?.total ?? 0;

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <section aria-labelledby="audit-filter-title" className="card">
        <h2 id="audit-filter-title">{t('audit.filter')}</h2>
        <form
          className="grid"
          noValidate
          onSubmit={form.handleSubmit((v) => {
            setOffset(0);
            setFilter(clean(v));
          })}
        >
          <Field label={t('auth.username')} error={e.username}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('username', { setValueAs: (v: string) => v || undefined })} />}
          </Field>
          <Field label={t('audit.action')} hint={t('audit.actionHint')} error={e.action}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('action', { setValueAs: (v: string) => v || undefined })} />}
          </Field>
          <Field label={t('audit.caseId')} error={e.caseId}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('caseId', { setValueAs: (v: string) => v || undefined })} />}
          </Field>
          <Field label={t('audit.fromDate')} hint={t('common.dateHint')} error={e.fromDate}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('fromDate', { setValueAs: (v: string) => v || undefined })} />}
          </Field>
          <Field label={t('audit.toDate')} hint={t('common.dateHint')} error={e.toDate}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('toDate', { setValueAs: (v: string) => v || undefined })} />}
          </Field>
          <div className="actions row-actions">
            <button type="submit" className="primary">{t('audit.apply')}</button>
            <button type="button" onClick={() => verify.mutate()}>{t('audit.verify')}</button>
            <button type="button" onClick={() => exportCsv.mutate()}>{t('audit.export')}</button>
          </div>
        </form>
        {verify.data && (
          <p role="status" className={verify.data.ok ? 'banner banner-ok' : 'banner banner-error'}>
            {verify.data.ok ? t('audit.verifyOk', { count: verify.data.count }) : t('audit.verifyBad', { seq: verify.data.seq, kind: t(`audit.kind.${verify.data.kind}`) })}
          </p>
        )}
        {exportCsv.data && <p role="status">{t('audit.exported', { count: exportCsv.data.rowCount, file: exportCsv.data.filename })}</p>}
        {[list.error, verify.error, exportCsv.error].filter(Boolean).map((err, i) => <ErrorBanner key={i} error={errorOf(err)} />)}
      </section>
      <section aria-labelledby="audit-list-title">
        <h2 id="audit-list-title">{t('audit.entries', { count: total })}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('auth.username')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.caseId')}</th>
              <th scope="col">{t('audit.outcome')}</th>
              <th scope="col">{t('audit.workstation')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((r) => (
              <tr key={r.seq}>
                <td>{r.seq}</td>
                <td>{when.format(new Date(r.at))}</td>
                <td>{r.username ?? '—'}</td>
                <td>{r.role ? t(`role.${r.role}`) : '—'}</td>
                <td><code>{r.action}</code></td>
                <td>{r.caseId ? <code>{r.caseId.slice(0, 8)}</code> : '—'}</td>
                <td>{t(`audit.outcomes.${r.outcome}`)}</td>
                <td>{r.workstation}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row-actions pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('audit.newer')}</button>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('audit.older')}</button>
        </div>
      </section>
    </>
  );
}
