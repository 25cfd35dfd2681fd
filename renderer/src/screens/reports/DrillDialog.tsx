import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportQuery } from '../../../../shared/reports/query';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { OpenCaseButton } from '../today/CaseCells';
import type { Drill } from './drill';
import { useReportFormat } from './format';

/**
 * The cases behind one number, as `report.cases` lists them for the report's own query: case
 * number, principal, status in words, application date, and a button that opens the case.
 * A modal dialog: focus moves in (to Close, then the list), Escape or Close gives it back to the
 * number.
 */
export function DrillDialog({ drill, query, onClose }: { drill: Drill | null; query: ReportQuery; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const cell = drill?.count.cell ?? '';
  const list = useQuery({
    queryKey: ['report-cases', query, cell],
    queryFn: () => call('report.cases', { query, cell }),
    enabled: drill !== null,
    staleTime: 0,
  });
  const n = drill?.count.n ?? 0;
  const cases = list.data?.cases ?? [];
  return (
    <Dialog open={drill !== null} title={drill ? t('reports.drill.title', { what: drill.what, n: f.int(n) }) : ''} onClose={onClose}>
      <div className="drill">
        <div className="row-actions drill-close">
          <button type="button" autoFocus onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
        {list.isPending && <p role="status">{t('common.loading')}</p>}
        {list.error && <ErrorBanner error={errorOf(list.error)} />}
        {list.data && (
          <div className="table-scroll">
            <table className="drill-list">
              <caption>{t('reports.drill.caption', { count: cases.length, n: f.int(cases.length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.number')}</th>
                  <th scope="col">{t('cases.principal')}</th>
                  <th scope="col">{t('cases.status')}</th>
                  <th scope="col">{t('reports.drill.appliedOn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id}>
                    <td className="case-number">{c.caseNumber}</td>
                    <td>
                      <span dir="auto">{c.principalName}</span>
                    </td>
                    <td>{t(`status.${c.status}`)}</td>
                    <td>{f.date(c.appliedOn)}</td>
                    <td>
                      <OpenCaseButton caseId={c.id} caseNumber={c.caseNumber} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Dialog>
  );
}
