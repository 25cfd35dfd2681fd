import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../shared/schema/case-api';
import { PersonName } from '../../components/PersonName';

/**
 * The person may already be in the database: show who, and offer to open that case instead
 * (`onOpenInstead` first drops the intake being typed, so no abandoned draft is left behind).
 */
export function DuplicateWarning({ matches, onOpenInstead }: { matches: DuplicateCandidate[]; onOpenInstead: (caseId: string) => void }) {
  const { t } = useTranslation();
  if (!matches.length) return null;
  return (
    <div className="banner banner-warn duplicate-warning" role="alert" aria-labelledby="dup-title">
      <h3 id="dup-title">{t('duplicates.title', { count: matches.length })}</h3>
      <ul>
        {matches.map((m) => (
          <li key={`${m.caseId}-${m.nameLatin}`}>
            <PersonName asWritten={m.nameAsWritten} latin={m.nameLatin} />, {m.dateOfBirth}
            {m.uci && <>, UCI {m.uci}</>} — {m.caseNumber} · {t(`duplicates.matchedOn.${m.matchedOn}`)}
            {m.variants.map((v) => (
              <span key={v}> · {t(`duplicates.variant.${v}`)}</span>
            ))}{' '}
            <button type="button" onClick={() => onOpenInstead(m.caseId)}>
              {t('duplicates.open', { number: m.caseNumber })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
