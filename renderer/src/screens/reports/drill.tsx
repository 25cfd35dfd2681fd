import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Count } from '../../../../shared/reports/report';
import { useReportFormat } from './format';

/** What a number means, for the list of its cases: "Funnel, decided: cases". */
export interface Drill {
  count: Count;
  what: string;
}

/** Opens the list of the cases behind a number (ReportsScreen provides it). */
export const DrillContext = createContext<(d: Drill) => void>(() => undefined);

/**
 * A number of cases. Activating it lists the cases behind it (`report.cases` with its cell). Its
 * accessible name starts with the number as shown and says what it counts, since a button read
 * on its own ("12") would not. A zero has no cases to list and stays plain text.
 */
export function CountButton({ count, what }: Drill) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const open = useContext(DrillContext);
  const shown = f.int(count.n);
  if (count.n === 0) return <span className="count-zero">{shown}</span>;
  return (
    <button type="button" className="count-button" aria-label={t('reports.drill.buttonLabel', { n: shown, what })} onClick={() => open({ count, what })}>
      {shown}
    </button>
  );
}
