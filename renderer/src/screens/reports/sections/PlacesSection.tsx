import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../../shared/countries';
import type { PlaceRow } from '../../../../../shared/reports/report';
import { CountButton } from '../drill';
import { useReportFormat } from '../format';
import { ReportChart } from '../ReportChart';
import { ReportSection, TableAndChart } from './Section';

/** By country of return, or by the principal's nationality: cases, persons, departures, days, DCO nationals. */
export function PlacesSection({ rows, by }: { rows: PlaceRow[]; by: 'country' | 'nationality' }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const caption = t(`reports.places.${by}.caption`);
  const name = (code: string | null) => (code === null ? t('reports.places.notRecorded') : (countryName(code, f.lang) ?? code));
  return (
    <ReportSection title={t(`reports.places.${by}.title`)} intro={t(`reports.places.${by}.intro`)}>
      <TableAndChart
        table={
          <table className="report-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`reports.places.${by}.column`)}</th>
                <th scope="col">{t('reports.col.cases')}</th>
                <th scope="col">{t('reports.col.persons')}</th>
                <th scope="col">{t('reports.places.departedCases')}</th>
                <th scope="col">{t('reports.places.departedPersons')}</th>
                <th scope="col">{t('reports.places.medianDays')}</th>
                <th scope="col">{t('reports.places.dco')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={7}>{t('reports.none')}</td>
                </tr>
              ) : (
                rows.map((r) => {
                  const place = name(r.code);
                  return (
                    <tr key={r.code ?? '-'}>
                      <th scope="row">{place}</th>
                      <td className="num">
                        <CountButton count={r.cases} what={t(`reports.places.${by}.whatCases`, { place })} />
                      </td>
                      <td className="num">{f.int(r.persons)}</td>
                      <td className="num">
                        <CountButton count={r.departed} what={t(`reports.places.${by}.whatDeparted`, { place })} />
                      </td>
                      <td className="num">{f.int(r.departedPersons)}</td>
                      <td className="num">{f.days(r.medianIntakeToDeparture)}</td>
                      <td className="num">
                        <CountButton count={r.dco} what={t(`reports.places.${by}.whatDco`, { place })} />
                      </td>
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        }
        chart={
          <ReportChart
            kind="bar"
            table={caption}
            categories={rows.map((r) => name(r.code))}
            series={[
              { label: t('reports.col.cases'), values: rows.map((r) => r.cases.n) },
              { label: t('reports.places.departedCases'), values: rows.map((r) => r.departed.n) },
            ]}
            format={f.int}
          />
        }
      />
    </ReportSection>
  );
}
