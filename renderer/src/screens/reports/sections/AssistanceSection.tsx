import { useTranslation } from 'react-i18next';
import type { AssistanceSection as Assistance } from '../../../../../shared/reports/report';
import { CountButton } from '../drill';
import { useReportFormat } from '../format';
import { ReportChart } from '../ReportChart';
import { ReportSection, TableAndChart } from './Section';

/** Assistance: persons and amounts by tier (against their maxima) and by category, with totals. */
export function AssistanceSection({ assistance }: { assistance: Assistance }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const tierCaption = t('reports.assistance.tierCaption');
  const categoryCaption = t('reports.assistance.categoryCaption');
  const tier = (x: string) => (x === 'none' ? t('reports.assistance.noTier') : x);
  const category = (c: string) => t(`reintegration.category.${c}`);
  const totals = assistance.totals;
  return (
    <ReportSection title={t('reports.assistance.title')} intro={t('reports.assistance.intro')}>
      <TableAndChart
        table={
          <table className="report-table">
            <caption>{tierCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.assistance.tier')}</th>
                <th scope="col">{t('reports.col.cases')}</th>
                <th scope="col">{t('reports.col.persons')}</th>
                <th scope="col">{t('reports.assistance.max')}</th>
                <th scope="col">{t('reports.assistance.committed')}</th>
                <th scope="col">{t('reports.assistance.delivered')}</th>
              </tr>
            </thead>
            <tbody>
              {assistance.byTier.map((r) => (
                <tr key={r.tier}>
                  <th scope="row">{tier(r.tier)}</th>
                  <td className="num">
                    <CountButton count={r.cases} what={r.tier === 'none' ? t('reports.assistance.whatNoTier') : t('reports.assistance.whatTier', { tier: r.tier })} />
                  </td>
                  <td className="num">{f.int(r.persons)}</td>
                  <td className="num">{f.cad(r.maxCad)}</td>
                  <td className="num">{f.cad(r.committedCad)}</td>
                  <td className="num">{f.cad(r.deliveredCad)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reports.total')}</th>
                <td className="num">
                  <CountButton count={totals.cases} what={t('reports.assistance.whatTotal')} />
                </td>
                <td className="num">{f.int(totals.persons)}</td>
                <td className="num">{f.cad(totals.maxCad)}</td>
                <td className="num">{f.cad(totals.committedCad)}</td>
                <td className="num">{f.cad(totals.deliveredCad)}</td>
              </tr>
            </tfoot>
          </table>
        }
        chart={
          <ReportChart
            kind="bar"
            table={tierCaption}
            categories={assistance.byTier.map((r) => tier(r.tier))}
            series={[
              { label: t('reports.assistance.max'), values: assistance.byTier.map((r) => r.maxCad) },
              { label: t('reports.assistance.committed'), values: assistance.byTier.map((r) => r.committedCad) },
              { label: t('reports.assistance.delivered'), values: assistance.byTier.map((r) => r.deliveredCad) },
            ]}
            format={f.cad}
          />
        }
      />
      <TableAndChart
        table={
          <table className="report-table">
            <caption>{categoryCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.assistance.category')}</th>
                <th scope="col">{t('reports.col.cases')}</th>
                <th scope="col">{t('reports.assistance.personsCommitted')}</th>
                <th scope="col">{t('reports.assistance.committed')}</th>
                <th scope="col">{t('reports.assistance.delivered')}</th>
              </tr>
            </thead>
            <tbody>
              {assistance.byCategory.map((r) => (
                <tr key={r.category}>
                  <th scope="row">{category(r.category)}</th>
                  <td className="num">
                    <CountButton count={r.cases} what={t('reports.assistance.whatCategory', { category: category(r.category) })} />
                  </td>
                  <td className="num">{f.int(r.persons)}</td>
                  <td className="num">{f.cad(r.committedCad)}</td>
                  <td className="num">{f.cad(r.deliveredCad)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        chart={
          <ReportChart
            kind="bar"
            table={categoryCaption}
            categories={assistance.byCategory.map((r) => category(r.category))}
            series={[
              { label: t('reports.assistance.committed'), values: assistance.byCategory.map((r) => r.committedCad) },
              { label: t('reports.assistance.delivered'), values: assistance.byCategory.map((r) => r.deliveredCad) },
            ]}
            format={f.cad}
          />
        }
      />
    </ReportSection>
  );
}
