import i18n from 'i18next';
import { useEffect, useRef } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId, focusField } from './form/field-id';
import { errorParams } from './form/useFieldError';

export interface SummaryItem {
  path: string;
  label: string;
  message: string;
  params?: Record<string, string>;
}

/** Every error in a react-hook-form errors tree, with its dotted path. */
export function flattenErrors(errors: FieldErrors | undefined, prefix = ''): Omit<SummaryItem, 'label'>[] {
  const out: Omit<SummaryItem, 'label'>[] = [];
  if (!errors || typeof errors !== 'object') return out;
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'ref' || key === 'type' || key === 'types' || key === 'message' || !value || typeof value !== 'object') continue;
    const path = key === 'root' ? prefix.replace(/\.$/, '') : `${prefix}${key}`;
    if ('message' in value && typeof value.message === 'string') out.push({ path, message: value.message, params: errorParams(value) });
    out.push(...flattenErrors(value as FieldErrors, `${path}.`));
  }
  return out;
}

/**
 * Label the errors from what the screen shows: the field's label or its group's legend, with
 * the person it belongs to. Read from the DOM so the summary always says what the officer sees.
 */
export function labelErrors(items: Omit<SummaryItem, 'label'>[]): SummaryItem[] {
  return items.map((it) => {
    const el = document.getElementById(fieldId(it.path)) ?? document.querySelector(`[data-field="${it.path}"]`);
    const own = el?.closest('fieldset.choice')?.querySelector('legend')?.textContent ?? (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? el.labels?.[0]?.textContent : el?.textContent) ?? i18n.t('form.unknownField');
    const person = el?.closest<HTMLElement>('[data-person-label]')?.dataset.personLabel;
    return { ...it, label: person ? `${person} — ${own}` : own };
  });
}

/** "Some fields need attention": a list of links to the fields, focused when it appears. */
export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items]);
  if (!items.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('form.errorSummary', { count: items.length })}</h2>
      <ul>
        {items.map((it) => (
          <li key={it.path}>
            <a
              href={`#${fieldId(it.path)}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(it.path);
              }}
            >
              {it.label}{t('common.colon')} {t(it.message, it.params ?? {})}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
