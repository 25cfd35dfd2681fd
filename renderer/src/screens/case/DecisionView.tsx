import { useTranslation } from 'react-i18next';
import { formatCad } from '../../../../shared/rules';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { localeOf, useLang } from '../../lang';

/** The decision as recorded (the rules run by the back end on the stored intake), with its policy version. */
export function DecisionView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = detail.decision;
  if (!d) return null;
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const names = new Map(detail.intake.persons.map((p) => [p.id, p.nameLatin || p.nameAsWritten]));
  return (
    <section className="card decision" aria-labelledby="decision-title" tabIndex={-1} id="decision">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <p>
        <strong>{t(`outcome.${d.outcome}`)}</strong> — {t('decision.meta', { date: when.format(new Date(d.decidedAt)), version: d.policyVersion })}
      </p>
      <ul>
        {d.result.persons.map((p) => (
          <li key={p.id}>
            <span dir="auto">{names.get(p.id) ?? p.id}</span>{t('common.colon')} {t(`outcome.${p.outcome}`)}
            {p.outcome === 'eligible' && p.assistance.tier && typeof p.assistance.maxAmountCad === 'number' && <> · {p.assistance.tier} · {formatCad(p.assistance.maxAmountCad, lang)}</>}
          </li>
        ))}
      </ul>
      {detail.reviewStatus === 'pending' && <p className="banner banner-warn">{t('decision.pendingReview')}</p>}
      {d.override && (
        <div className="override">
          <p>
            <strong>{t('decision.override', { outcome: t(`outcome.${d.override.outcome}`), date: when.format(new Date(d.override.reviewedAt)) })}</strong>
          </p>
          <p className="reason">{d.override.reason}</p>
        </div>
      )}
    </section>
  );
}
