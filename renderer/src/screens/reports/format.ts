import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf, useLang } from '../../lang';

/** Numbers, money, shares, days, months and dates of a report, written in the UI language. */
export interface ReportFormat {
  lang: 'en' | 'fr';
  int: (n: number) => string;
  /** Days (a median or a mean may have a half or a fraction): one decimal at most; "—" for none. */
  days: (n: number | null) => string;
  cad: (n: number) => string;
  /** 0..1 as a percentage; "—" for none. */
  share: (n: number | null) => string;
  /** YYYY-MM as "April 2013" / "avril 2013". */
  month: (ym: string) => string;
  /** YYYY-MM as "Apr 2013" / "avr. 2013" (a chart's axis). */
  monthShort: (ym: string) => string;
  /** YYYY-MM-DD as a date of the language (the office's local date, shown as it is). */
  date: (iso: string) => string;
  /** An instant in the office's time zone. */
  instant: (iso: string, timeZone: string) => string;
  /** FY2013-14 / exercice 2013-2014. */
  fiscalYear: (startYear: number) => string;
}

export function useReportFormat(): ReportFormat {
  const lang = useLang();
  const { t } = useTranslation();
  return useMemo(() => {
    const locale = localeOf(lang);
    const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const cad = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD', currencyDisplay: 'symbol', maximumFractionDigits: 0 });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const monthShort = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return {
      lang,
      int: (n) => int.format(n),
      days: (n) => (n === null ? '—' : dec.format(n)),
      cad: (n) => cad.format(n),
      share: (n) => (n === null ? '—' : pct.format(n)),
      month: (ym) => {
        const d = new Date(`${ym}-01T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? ym : month.format(d);
      },
      monthShort: (ym) => {
        const d = new Date(`${ym}-01T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? ym : monthShort.format(d);
      },
      date: (iso) => {
        const d = new Date(`${iso}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? iso : day.format(d);
      },
      instant: (iso, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)),
      fiscalYear: (start) => t('reports.fiscalYear', { start, end: start + 1, endShort: String((start + 1) % 100).padStart(2, '0') }),
    };
  }, [lang, t]);
}
