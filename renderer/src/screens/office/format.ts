import { useMemo } from 'react';
import { localeOf, useLang } from '../../lang';
import { useOfficeTimeZone } from '../../office-time';

/** An instant on the office's clock, in the UI language (date and time). */
export function useInstantFormat(): (iso: string) => string {
  const locale = localeOf(useLang());
  const timeZone = useOfficeTimeZone();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return (iso: string) => f.format(new Date(iso));
  }, [locale, timeZone]);
}
