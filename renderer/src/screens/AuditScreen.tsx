import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { auditQueryInput, SHORT_CASE_ID_LENGTH } from '../../../shared/schema/audit';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { call, errorOf } from '../ipc';

type Filter = z.input<typeof auditQueryInput>;
const PAGE = 50;
/** The fields of the form that filter (the parsed form also carries paging defaults, which are not a filter). */
const FILTER_FIELDS = ['username', 'action', 'caseRef', 'person', 'fromDate', 'toDate'] as const;
function clean(v: Filter): Filter {
  const out: Filter = {};
  for (const k of FILTER_FIELDS) {
    const x = v[k];
    if (x) out[k] = x;
  }
  return out;
}
const listPage = (filter: Filter, offset: number) => call('audit.list', { ...filter, limit: PAGE, offset });

/**
 * Supervisor: the audit trail, filtered by account, action, case (its number or the short id
 * shown), person and dates; verified; exported as CSV. Listing and export take one and the same
 * filter object, the one in the form when the button is pressed; after a check the list is read
 * again, so it counts the same entries the check did (issue 13 point 10).
 */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>({});
  const [offset, setOffset] = useState(0);
  const form = useForm<Filter>({ resolver: zodResolver(auditQueryInput), defaultValues: {} });
  const list = useQuery({ queryKey: ['audit', filter, offset], queryFn: () => listPage(filter, offset) });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}), onSuccess: () => qc.invalidateQueries({ queryKey: ['audit'] }) });
  const exportCsv = useMutation({
    // The list of exactly this filter is read (or re-read) first, and the export holds the entries
    // it counts, up to its newest: "N entries" on screen and "N entries exported" agree.
    mutationFn: async (f: Filter) => {
      const shown = await qc.fetchQuery({ queryKey: ['audit', f, 0], queryFn: () => listPage(f, 0) });
      return call('audit.exportCsv', { ...f, throughSeq: shown.throughSeq });
    },
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
  const e = form.formState.errors;
  const total = list.data?.total ?? 0;
  const filtered = Object.keys(filter).length > 0;
  /** Show what the form holds now: the list and, when asked, the export of exactly that. */
  const apply = (andExport: boolean) =>
    form.handleSubmit((v) => {
      const f = clean(v);
      setOffset(0);
      setFilter(f);
      if (andExport) exportCsv.mutate(f);
    });

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <section aria-labelledby="audit-filter-title" className="card">
        <h2 id="audit-filter-title">{t('audit.filter')}</h2>
        <form className="grid" noValidate onSubmit={apply(false)}>
          <Field label={t('auditView.account')} error={e.username}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('username', { setValueAs: (v: string) => v || undefined })} />}
          </Field>
          <Field label={t('audit.action')} hint={t('audit.actionHint')} error={e.action}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('action', { setValueAs: (v: string) => v || undefined })} />}
          </Field>
          <Field label={t('auditView.caseRef')} hint={t('auditView.caseRefHint')} error={e.caseRef}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('caseRef', { setValueAs: (v: string) => v || undefined })} />}
          </Field>
          <Field label={t('auditView.person')} hint={t('auditView.personHint')} error={e.person}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('person', { setValueAs: (v: string) => v || undefined })} />}
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
            <button type="button" onClick={apply(true)} aria-describedby="audit-export-note">{t('audit.export')}</button>
          </div>
          <p className="hint" id="audit-export-note">{t('auditView.exportNote')}</p>
        </form>
        {verify.data && (
          <p role="status" className={verify.data.ok ? 'banner banner-ok' : 'banner banner-error'}>
            {verify.data.ok ? t('auditView.verifyOk', { count: verify.data.count, last: verify.data.lastSeq }) : t('audit.verifyBad', { seq: verify.data.seq, kind: t(`audit.kind.${verify.data.kind}`) })}
          </p>
        )}
        {exportCsv.data && <p role="status">{t('audit.exported', { count: exportCsv.data.rowCount, file: exportCsv.data.filename })}</p>}
        {[list.error, verify.error, exportCsv.error].filter(Boolean).map((err, i) => <ErrorBanner key={i} error={errorOf(err)} />)}
      </section>
      <section aria-labelledby="audit-list-title">
        <h2 id="audit-list-title">{t(filtered ? 'auditView.entriesMatching' : 'auditView.entriesAll', { count: total })}</h2>
        <p className="hint">{t('auditView.countNote')}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('auth.username')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('auditView.case')}</th>
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
                <td>{r.caseNumber ?? (r.caseId ? <code>{r.caseId.slice(0, SHORT_CASE_ID_LENGTH)}</code> : '—')}</td>
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
