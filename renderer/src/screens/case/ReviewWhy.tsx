import { useTranslation } from 'react-i18next';
import { allowedIn } from '../../../../shared/case/guard';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { useLang } from '../../lang';

/**
 * Why a case waits for the supervisor: the rules' review reasons (R1 manifestly unfounded,
 * R2 mixed family, R3 missing facts) in the officer's language, as kept with the decision.
 */
export function ReviewWhy({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = detail.decision;
  if (!allowedIn('review', detail.status) || !d) return null;
  const names = new Map(detail.intake.persons.map((p) => [p.id, p.nameLatin || p.nameAsWritten]));
  const items = [
    ...d.result.reasons.filter((r) => r.code.startsWith('R')).map((r) => ({ key: r.code, who: null, text: r.text[lang] })),
    ...d.result.persons.flatMap((p) => (p.outcome === 'needs_review' ? p.reasons.filter((r) => r.code.startsWith('R')).map((r) => ({ key: `${p.id}-${r.code}`, who: names.get(p.id) ?? null, text: r.text[lang] })) : [])),
  ];
  return (
    <div className="review-why" aria-labelledby="review-why-title">
      <h2 id="review-why-title" className="small-heading">
        {t('review.why')}
      </h2>
      <ul>
        {items.map((it) => (
          <li key={it.key}>
            {it.who && (
              <>
                <span dir="auto">{it.who}</span>:{' '}
              </>
            )}
            {it.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
