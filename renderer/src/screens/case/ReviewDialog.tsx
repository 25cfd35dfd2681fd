import { useId, useState } from 'react';
import { REVIEW_REASON_MAX } from '../../../../shared/schema/limits';
import { LengthCounter } from '../../components/form/CharCount';
import { useTranslation } from 'react-i18next';
import { assistanceIfEligible, graveExclusionsOf, tierAmount } from '../../../../shared/case/review';
import type { IpcError } from '../../../../shared/ipc/errors';
import { formatCad, TIERS } from '../../../../shared/rules';
import type { Tier } from '../../../../shared/rules';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { call, errorOf } from '../../ipc';
import { useLang } from '../../lang';

type Choice = { outcome: 'eligible' | 'ineligible' | ''; tier: Tier | '' };
type Problems = { persons: Record<number, string>; all: string | null; reason: string | null; confirm: string | null };
const none: Problems = { persons: {}, all: null, reason: null, confirm: null };

/**
 * Supervisor: resolve a flagged case person by person. Each person's computed tier and amount
 * is shown (from the decision, or what the rules give if the person is found eligible) and kept
 * unless the supervisor sets another tier (the reason then says why). Making a person eligible
 * over a grave exclusion (criminality, security, rights, organized crime) needs a second,
 * explicit confirmation.
 */
export function ReviewDialog(props: { open: boolean; detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} title={t('review.title', { number: props.detail.caseNumber })} onClose={props.onClose}>
      <ReviewForm {...props} />
    </Dialog>
  );
}

function ReviewForm(props: { detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ids = useId();
  const { detail } = props;
  const d = detail.decision;
  const persons = detail.intake.persons;
  const [choices, setChoices] = useState<Choice[]>(() => persons.map(() => ({ outcome: '', tier: '' })));
  const [reason, setReason] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [problems, setProblems] = useState<Problems>(none);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const name = (i: number) => persons[i]?.nameLatin || persons[i]?.nameAsWritten || t('person.unnamed', { n: i + 1 });

  const computed = persons.map((p) => {
    const ruled = d?.result.persons.find((x) => x.id === p.id);
    return ruled?.outcome === 'eligible' ? ruled.assistance : assistanceIfEligible(detail.intake, p.id);
  });
  const grave = persons.map((p) => {
    if (!d) return [];
    const codes: readonly string[] = graveExclusionsOf(d.result, p.id);
    return d.result.persons.find((x) => x.id === p.id)?.reasons.filter((r) => codes.includes(r.code)) ?? [];
  });
  const overriding = persons.map((_, i) => i).filter((i) => choices[i]?.outcome === 'eligible' && (grave[i]?.length ?? 0) > 0);
  const overridingNames = overriding.map(name).join(', ');
  const update = (i: number, patch: Partial<Choice>) => setChoices((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = async () => {
    const p: Problems = { persons: {}, all: null, reason: null, confirm: null };
    choices.forEach((c, i) => {
      if (c.outcome === '') p.persons[i] = 'validation.choice';
      else if (c.outcome === 'eligible' && c.tier === '' && !computed[i]?.tier) p.persons[i] = 'validation.review_tier_required';
    });
    if (reason.trim().length < 10) p.reason = 'validation.reason_required';
    if (overriding.length > 0 && !confirm) p.confirm = 'errors.review_confirm_exclusion';
    setProblems(p);
    setError(null);
    const first = Object.keys(p.persons)[0];
    if (first !== undefined) return document.getElementById(`${ids}-outcome-${first}`)?.focus();
    if (p.reason) return document.getElementById(`${ids}-reason`)?.focus();
    if (p.confirm) return document.getElementById(`${ids}-confirm`)?.focus();
    setBusy(true);
    try {
      const next = await call('case.review', {
        caseId: detail.id,
        baseVersion: detail.version,
        persons: choices.map((c, i) => ({ personId: persons[i]!.id, outcome: c.outcome as 'eligible' | 'ineligible', ...(c.outcome === 'eligible' && c.tier !== '' ? { tier: c.tier } : {}) })),
        reason: reason.trim(),
        confirmExclusionOverride: overriding.length > 0 && confirm,
      });
      props.onDone(next);
    } catch (e) {
      const err = errorOf(e);
      if (err.code === 'invalid_input' && err.issues?.length) {
        const q: Problems = { ...none, persons: {} };
        for (const issue of err.issues) {
          if (issue.path[0] === 'persons' && typeof issue.path[1] === 'number') q.persons[issue.path[1]] = issue.messageKey;
          else if (issue.path[0] === 'reason') q.reason = issue.messageKey;
          else q.all = issue.messageKey;
        }
        setProblems(q);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t('review.text')}</p>
      <form
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          void submit();
        }}
      >
        {problems.all && (
          <p className="error" role="alert">
            {t(problems.all)}
          </p>
        )}
        {persons.map((p, i) => {
          const c = choices[i]!;
          const a = computed[i];
          const problem = problems.persons[i];
          const errId = `${ids}-person-${i}-error`;
          return (
            <div className="review-person" key={p.id}>
              <fieldset className="choice" aria-describedby={problem ? errId : undefined}>
                <legend>{t('review.outcomeFor', { person: name(i) })}</legend>
                <div className="choice-options">
                  {(['eligible', 'ineligible'] as const).map((o, k) => (
                    <label key={o} className="choice-option">
                      <input type="radio" name={`${ids}-outcome-${i}`} id={k === 0 ? `${ids}-outcome-${i}` : undefined} checked={c.outcome === o} onChange={() => update(i, { outcome: o })} /> {t(`outcome.${o}`)}
                    </label>
                  ))}
                </div>
                <p className="hint">
                  {a?.tier && typeof a.maxAmountCad === 'number' ? t('review.computed', { tier: a.tier, amount: formatCad(a.maxAmountCad, lang) }) : t('review.computedNone')}
                </p>
                {c.outcome === 'eligible' && (grave[i]?.length ?? 0) > 0 && (
                  <p className="banner banner-warn" role="alert">
                    {t('review.graveWarning', { person: name(i), reasons: grave[i]!.map((r) => r.text[lang]).join(' ') })}
                  </p>
                )}
                {c.outcome === 'eligible' && (
                  <div className="field">
                    <label htmlFor={`${ids}-tier-${i}`}>{t('review.tier', { person: name(i) })}</label>
                    <select id={`${ids}-tier-${i}`} value={c.tier} onChange={(e) => update(i, { tier: e.target.value as Tier | '' })}>
                      <option value="">{a?.tier ? t('review.tierKeep') : '—'}</option>
                      {TIERS.map((tier) => {
                        const amount = tierAmount(tier, detail.intake.applicationDate);
                        return amount === null ? null : (
                          <option key={tier} value={tier}>
                            {t('review.tierOption', { tier, amount: formatCad(amount, lang) })}
                          </option>
                        );
                      })}
                    </select>
                    {c.tier !== '' && c.tier !== a?.tier && <p className="hint">{t('review.tierSetHint')}</p>}
                  </div>
                )}
                {problem && (
                  <p className="error" id={errId}>
                    {t(problem)}
                  </p>
                )}
              </fieldset>
            </div>
          );
        })}
        <div className="field">
          <label htmlFor={`${ids}-reason`}>{t('review.reason')}</label>
          <p className="hint" id={`${ids}-reason-hint`}>
            {t('review.reasonHint')}
          </p>
          <textarea
            id={`${ids}-reason`}
            rows={4}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={problems.reason ? true : undefined}
            aria-describedby={[`${ids}-reason-hint`, problems.reason ? `${ids}-reason-error` : ''].filter(Boolean).join(' ')}
          />
          {/* Counted, never cut: a longer reason is refused with the schema's message. */}
          <LengthCounter length={reason.length} max={REVIEW_REASON_MAX} />
          {problems.reason && (
            <p className="error" id={`${ids}-reason-error`}>
              {t(problems.reason)}
            </p>
          )}
        </div>
        {overriding.length > 0 && (
          <div className="field">
            <label className="choice-option">
              <input type="checkbox" id={`${ids}-confirm`} checked={confirm} onChange={(e) => setConfirm(e.target.checked)} aria-describedby={problems.confirm ? `${ids}-confirm-error` : undefined} />{' '}
              {t('review.confirmOverride', { persons: overridingNames })}
            </label>
            {problems.confirm && (
              <p className="error" id={`${ids}-confirm-error`}>
                {t(problems.confirm, { persons: overridingNames })}
              </p>
            )}
          </div>
        )}
        <FormActions error={error} submit={t('review.submit')} tone="primary" busy={busy} onCancel={props.onClose} />
      </form>
    </>
  );
}
