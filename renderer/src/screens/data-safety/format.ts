import { useMemo } from 'react';
import { localeOf, useLang } from '../../lang';
import { useOfficeTimeZone } from '../../office-time';

/** Times, office dates, counts, sizes and durations of the Data safety screen, in the UI language. */
export interface SafetyFormat {
  /** An instant, on the office's clock. */
  instant: (iso: string) => string;
  /** An office date (YYYY-MM-DD), shown as it is. */
  date: (iso: string) => string;
  int: (n: number) => string;
  /** A file's size in kB, MB or GB (one decimal). */
  bytes: (n: number) => string;
  /** Milliseconds as seconds (one decimal). */
  seconds: (ms: number) => string;
}

export function useSafetyFormat(): SafetyFormat {
  const locale = localeOf(useLang());
  const timeZone = useOfficeTimeZone();
  return useMemo(() => {
    const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const unit = (u: string) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, maximumFractionDigits: 1 });
    const kb = unit('kilobyte');
    const mb = unit('megabyte');
    const gb = unit('gigabyte');
    const sec = unit('second');
    return {
      instant: (iso) => when.format(new Date(iso)),
      date: (iso) => day.format(new Date(`${iso}T00:00:00Z`)),
      int: (n) => int.format(n),
      bytes: (n) => (n >= 1e9 ? gb.format(n / 1e9) : n >= 1e6 ? mb.format(n / 1e6) : kb.format(n / 1e3)),
      seconds: (ms) => sec.format(ms / 1000),
    };
  }, [locale, timeZone]);
}
