import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/rules';

/** The UI language as the rules' texts know it (they carry English and French only). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'fr' ? 'fr' : 'en';
}

/** Intl locale for dates and numbers in the UI language. */
export function localeOf(lang: Lang): string {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}
