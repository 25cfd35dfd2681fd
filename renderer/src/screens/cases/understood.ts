import type { TFunction } from 'i18next';
import type { SearchQuery } from '../../../../shared/case/search-query';

/** "7 March 1980" / "7 mars 1980": day first in words, so a date read two ways is plain to see. */
function longDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "March 1980" for a date of birth typed as its start (`1980-03`), the year alone for `1980`. */
function partialDate(prefix: string, lang: string): string {
  const [y, m] = prefix.split('-').map(Number);
  if (m === undefined) return String(y);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 1900, m - 1, 1)));
}

/**
 * What the search box's text was read as, in words: the officer sees at once that `07/03/1980`
 * was read as 7 March 1980 or 3 July 1980, or that a number was taken for a UCI.
 */
export function describeQuery(q: SearchQuery, t: TFunction, lang: string): string {
  switch (q.kind) {
    case 'case_number':
      return q.exact ? t('caseList.understood.caseNumber', { number: q.exact }) : t('caseList.understood.caseNumberStart', { prefix: q.prefix });
    case 'uci':
      return t('caseList.understood.uci', { prefix: q.prefix });
    case 'date_prefix':
      return t('caseList.understood.datePrefix', { when: partialDate(q.prefix, lang) });
    case 'date': {
      const [first = '', second] = q.dates.map((d) => longDate(d, lang));
      if (second === undefined) return t('caseList.understood.date', { date: first });
      return q.ambiguous ? t('caseList.understood.dateEitherWay', { first, second }) : t('caseList.understood.dateAndSwapped', { first, second });
    }
    case 'name':
      return t('caseList.understood.name', { text: q.text });
  }
}
