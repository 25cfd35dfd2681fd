import { useLayoutEffect, useMemo, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/schema/case-api';
import type { IntakeDocument } from '../../../../../shared/schema/intake';
import { labelErrors } from '../../../components/ErrorSummary';
import type { SummaryItem } from '../../../components/ErrorSummary';
import { fieldId } from '../../../components/form/field-id';
import type { IntakePath, IntakeValues } from '../../../components/form/types';
import { intakeDifferences } from './diff';
import type { FieldDifference } from './diff';

/** A value as the form shows it: the option's label for a choice, "yes"/"no", "(empty)". */
function useValueText() {
  const { t } = useTranslation();
  return (d: FieldDifference, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('conflict.empty');
    if (Array.isArray(v)) return t('conflict.items', { count: v.length });
    const radios = document.getElementsByName(fieldId(d.path));
    const option = [...radios].find((r) => r instanceof HTMLInputElement && r.value === String(v));
    const label = option?.closest('label')?.textContent?.trim();
    if (label) return label;
    if (typeof v === 'boolean') return t(v ? 'answer.yes' : 'answer.no');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
}

/**
 * Someone saved the case after the officer's draft began: every field that differs, with the
 * saved value and the officer's, and a choice per field (proposed: the side that changed it).
 * Nothing is overwritten until the officer applies their choices, then saves.
 */
export function ConflictReview(props: {
  form: UseFormReturn<IntakeValues, unknown, IntakeDocument>;
  current: CaseDetail;
  base: unknown;
  onApplied: () => void;
  onDiscard: () => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const { form, current, base } = props;
  const differences = useMemo(() => intakeDifferences(form.getValues(), current.intake, base), [form, current, base]);
  // Labels as the form shows them (with the person's name), read once the form is on the page.
  const [labelled, setLabelled] = useState<SummaryItem[]>([]);
  useLayoutEffect(() => setLabelled(labelErrors(differences.map((d) => ({ path: d.path, message: '' })))), [differences]);
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>(() => Object.fromEntries(differences.map((d) => [d.path, d.proposed])));
  const apply = () => {
    for (const d of differences) {
      if (choice[d.path] === 'theirs') form.setValue(d.path as IntakePath, d.theirs as never, { shouldDirty: true });
    }
    props.onApplied();
  };
  return (
    <section className="banner banner-warn" role="alert" aria-labelledby="draft-conflict-title">
      <h2 id="draft-conflict-title" tabIndex={-1}>{t('draft.staleTitle')}</h2>
      <p>{t('conflict.intro', { current: current.version })}</p>
      {differences.length === 0 ? (
        <p>{t('conflict.none')}</p>
      ) : (
        <table className="conflict-table">
          <caption className="visually-hidden">{t('conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.theirs')}</th>
              <th scope="col">{t('conflict.mine')}</th>
              <th scope="col">{t('conflict.keep')}</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d, i) => (
              <tr key={d.path}>
                <th scope="row">{labelled[i]?.label ?? d.path}</th>
                <td dir="auto">{valueText(d, d.theirs)}</td>
                <td dir="auto">{valueText(d, d.mine)}</td>
                <td>
                  <fieldset className="plain">
                    <legend className="visually-hidden">{t('conflict.choose', { field: labelled[i]?.label ?? d.path })}</legend>
                    {(['theirs', 'mine'] as const).map((side) => (
                      <label key={side} className="inline">
                        <input type="radio" name={`conflict-${i}`} checked={choice[d.path] === side} onChange={() => setChoice((c) => ({ ...c, [d.path]: side }))} /> {t(side === 'theirs' ? 'conflict.takeTheirs' : 'conflict.keepMine')}
                      </label>
                    ))}
                  </fieldset>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row-actions">
        <button type="button" className="primary" onClick={apply}>
          {t('conflict.apply')}
        </button>
        <button type="button" onClick={() => void props.onDiscard()}>
          {t('draft.discard')}
        </button>
      </div>
    </section>
  );
}
