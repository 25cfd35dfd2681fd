import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintLogCsv } from '../../../shared/schema/documents-api';
import { officeDateTime } from '../../../shared/time/office-time';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { call, errorOf } from '../ipc';
import { useOfficeTimeZone, useOfficeToday } from '../office-time';

function saveCsv(file: PrintLogCsv): void {
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The print log of a chosen office day (clerks and supervisors): what was printed, by whom, when,
 * first print or copy and which print of the document it was; case and document numbers only.
 * Exported as CSV in the language on screen.
 */
export function PrintLogView() {
  const { t, i18n } = useTranslation();
  const today = useOfficeToday();
  const timeZone = useOfficeTimeZone();
  const [typed, setTyped] = useState(today);
  const [day, setDay] = useState(today);
  const log = useQuery({ queryKey: ['printLog', day], queryFn: () => call('document.printLog', { date: day }) });
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const csv = useMutation({ mutationFn: () => call('document.printLogCsv', { date: day, lang }), onSuccess: saveCsv });
  const data = log.data;
  return (
    <section aria-labelledby="print-log-title" className="card">
      <h2 id="print-log-title">{t('printLog.title')}</h2>
      <p className="hint">{t('printLog.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          csv.reset();
          setDay(typed.trim());
        }}
      >
        <Field label={t('printLog.day')} hint={t('common.dateHint')}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="numeric" autoComplete="off" />}
        </Field>
        <div className="row-actions">
          <button type="submit">{t('printLog.show')}</button>
          <button type="button" onClick={() => csv.mutate()} disabled={!data || csv.isPending}>
            {t('printLog.export')}
          </button>
        </div>
      </form>
      {[log.error, csv.error].filter(Boolean).map((err, i) => (
        <ErrorBanner key={i} error={errorOf(err)} />
      ))}
      {csv.data && <p role="status">{t('printLog.exported', { file: csv.data.filename })}</p>}
      {data && data.lines.length === 0 && <p role="status">{t('printLog.empty', { date: data.date })}</p>}
      {data && data.lines.length > 0 && (
        <>
          <p role="status">{t('printLog.summary', { date: data.date, prints: data.prints, reprints: data.reprints })}</p>
          <table>
            <caption>{t('printLog.caption', { date: data.date })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('printLog.col.time')}</th>
                <th scope="col">{t('printLog.col.document')}</th>
                <th scope="col">{t('printLog.col.case')}</th>
                <th scope="col">{t('printLog.col.type')}</th>
                <th scope="col">{t('printLog.col.kind')}</th>
                <th scope="col">{t('printLog.col.printNumber')}</th>
                <th scope="col">{t('printLog.col.by')}</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((l) => (
                <tr key={`${l.documentNumber}-${l.printNumber}`}>
                  <td>{officeDateTime(new Date(l.at), timeZone).slice(11)}</td>
                  <td>
                    <code>{l.documentNumber}</code>
                  </td>
                  <td>{l.caseNumber}</td>
                  <td>{t(`documents.types.${l.type}`)}</td>
                  <td>{t(`printLog.kind.${l.kind}`)}</td>
                  <td>{l.printNumber}</td>
                  <td>{l.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
