import { useLayoutEffect } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FACT_LABELS, formatCad, reasonText } from '../../../shared/rules';
import { FACT_PATHS } from '../../../shared/rules/facts';
import type { PersonDecision, WhatIfChange } from '../../../shared/rules';
import { useEligibility, useWhatIf } from '../hooks/useEligibility';
import type { PersonView } from '../hooks/useEligibility';
import { useLang } from '../lang';
import type { IntakeValues } from './form/types';

/** A name for a person the officer may not have named yet. */
function usePersonName() {
  const { t } = useTranslation();
  return (p: PersonView | undefined, i: number) => p?.label || t('person.unnamed', { n: i + 1 });
}

function useValueLabel() {
  const { t } = useTranslation();
  return (path: string, v: string | boolean) =>
    typeof v === 'boolean' ? t(v ? 'answer.yes' : 'answer.no') : path === 'claim.outcome' ? t(`claimOutcome.${v}`) : t(`rad.${v}`);
}

/** The facts after nationality, in the order the interview asks them (the claim first). */
const CLAIM_ONWARD = FACT_PATHS.filter((f) => f !== 'nationality');

/**
 * Live eligibility: per person and for the family, the outcome, the reasons in plain words in
 * the UI language, what is still missing, the assistance tier and maximum, and what single
 * answer would make a person eligible. The summary line is announced politely.
 */
export function EligibilityPanel({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { control } = useFormContext<IntakeValues>();
  const { facts, decision, persons } = useEligibility(control);
  const hints = useWhatIf(facts, decision);
  const name = usePersonName();
  const valueLabel = useValueLabel();

  // For the UI benchmark: when the panel shows a new result (keystroke -> panel latency).
  useLayoutEffect(() => {
    performance.mark('eligibility-rendered');
  });

  const eligible = decision.persons.filter((p) => p.outcome === 'eligible');
  const amounts = eligible.map((p) => p.assistance.maxAmountCad);
  const total = decision.outcome === 'eligible' && amounts.every((a) => typeof a === 'number') ? amounts.reduce<number>((s, a) => s + (a ?? 0), 0) : null;
  const summary =
    decision.persons.length > 1
      ? t('eligibility.familySummary', { outcome: t(`outcome.${decision.outcome}`), count: decision.persons.length })
      : t('eligibility.personSummary', { outcome: t(`outcome.${decision.outcome}`) });

  return (
    <section className="eligibility card" aria-labelledby="eligibility-title" data-outcome={decision.outcome}>
      <h2 id="eligibility-title">{compact ? t('eligibility.earlyTitle') : t('eligibility.title')}</h2>
      <p aria-live="polite" className={`outcome outcome-${decision.outcome}`}>
        <strong>{summary}</strong>
        {total !== null && <> {t('eligibility.familyTotal', { amount: formatCad(total, lang) })}</>}
      </p>
      {decision.reasons.map((r) => (
        <p key={r.code} className="hint">
          {reasonText(r.code, lang)}
        </p>
      ))}
      {!compact && (
        <table className="eligibility-table">
          <caption className="visually-hidden">{t('eligibility.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eligibility.person')}</th>
              <th scope="col">{t('eligibility.outcome')}</th>
              <th scope="col">{t('eligibility.tier')}</th>
              <th scope="col">{t('eligibility.maximum')}</th>
            </tr>
          </thead>
          <tbody>
            {decision.persons.map((p, i) => (
              <tr key={p.id}>
                <th scope="row">
                  <span dir="auto">{name(persons[i], i)}</span>
                </th>
                <td>{t(`outcome.${p.outcome}`)}</td>
                <td>{p.assistance.tier ?? '—'}</td>
                <td>{typeof p.assistance.maxAmountCad === 'number' && p.outcome === 'eligible' ? formatCad(p.assistance.maxAmountCad, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
          {total !== null && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('eligibility.total')}
                </th>
                <td>{formatCad(total, lang)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {decision.persons.map((p, i) => (compact && i > 0 ? null : <PersonDetail key={p.id} decision={p} label={name(persons[i], i)} hints={hints.get(p.id) ?? []} valueLabel={valueLabel} compact={compact} />))}
    </section>
  );
}

function PersonDetail(props: { decision: PersonDecision; label: string; hints: WhatIfChange[]; valueLabel: (path: string, v: string | boolean) => string; compact: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = props.decision;
  const missing = d.missing.map((m) => FACT_LABELS[m][lang]);
  // Nothing answered yet about the claim, exclusions or compliance: one line on where to begin, not a wall of every question.
  const notStarted = CLAIM_ONWARD.every((f) => d.missing.includes(f));
  return (
    <div className="person-result">
      <h3>
        <span dir="auto">{props.label}</span>{t('common.colon')} {t(`outcome.${d.outcome}`)}
      </h3>
      <ul className="reasons">
        {d.reasons.map((r) => (
          <li key={r.code}>{r.text[lang]}</li>
        ))}
        {d.assistance.basis && d.outcome === 'eligible' && <li>{d.assistance.basis.text[lang]}</li>}
      </ul>
      {notStarted && <p className="missing">{t('eligibility.startWithClaim')}</p>}
      {missing.length > 0 && !notStarted && (
        <p className="missing">
          {t('eligibility.missing', { count: missing.length })} {props.compact && missing.length > 4 ? `${missing.slice(0, 4).join('; ')}…` : missing.join('; ')}
        </p>
      )}
      {props.hints.length > 0 && !props.compact && (
        <ul className="what-if" aria-label={t('eligibility.whatIfTitle')}>
          {props.hints.map((h) => (
            <li key={`${h.path}-${String(h.to)}`}>
              {t('eligibility.whatIf', { fact: FACT_LABELS[h.path][lang], value: props.valueLabel(h.path, h.to), outcome: t(`outcome.${h.outcome}`) })}
              {typeof h.maxAmountCad === 'number' && ` (${h.tier ?? ''} ${formatCad(h.maxAmountCad, lang)})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
