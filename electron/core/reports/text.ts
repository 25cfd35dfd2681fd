import en from '../../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../../shared/i18n/fr.json' with { type: 'json' };

/**
 * The words of the report's exports (PDF, case-level CSV), from the UI's own translation files
 * (shared/i18n): the labels the Reports screen shows (`reports.*`, `status.*`, `outcome.*`) and
 * those only the PDF needs (`reports.pdf.*`). i18next's `{{name}}` interpolation and `_one` /
 * `_other` plurals, on the count `n`. A key missing from a file is an error (a test reads every
 * key the exports use in both languages).
 */
export type ReportLang = 'en' | 'fr';
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const files: Record<ReportLang, unknown> = { en, fr };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function lookup(root: unknown, key: string): string | undefined {
  let node: unknown = root;
  for (const part of key.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function reportText(lang: ReportLang): Translate {
  const root = files[lang];
  const plurals = new Intl.PluralRules(lang === 'fr' ? 'fr-CA' : 'en-CA');
  return (key, params = {}) => {
    const n = params.n;
    const text = (typeof n === 'number' ? lookup(root, `${key}_${plurals.select(n)}`) ?? lookup(root, `${key}_other`) : undefined) ?? lookup(root, key);
    if (text === undefined) throw new Error(`reports: no text for ${key} (${lang})`);
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Numbers as the office reads them: 1,234 / 1 234 (a no-break space). */
export function numberFormat(lang: ReportLang): (n: number, digits?: number) => string {
  const formats = new Map<number, Intl.NumberFormat>();
  return (n, digits = 0) => {
    let f = formats.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
      formats.set(digits, f);
    }
    return f.format(n);
  };
}
