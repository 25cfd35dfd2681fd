import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../shared/schema/case-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PersonName } from '../../components/PersonName';
import { call, errorOf } from '../../ipc';

/**
 * The person may already be in the database: show who, and offer to open that case instead
 * (`onOpenInstead` first drops the intake being typed, so no abandoned draft is left behind), or
 * to record that a candidate is not the same person (`personId`: the person being typed), after
 * which that pair is never offered again.
 */
export function DuplicateWarning({ matches, personId, onOpenInstead }: { matches: DuplicateCandidate[]; personId: string; onOpenInstead: (caseId: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const said = useRef<HTMLParagraphElement>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const notSame = useMutation({
    mutationFn: (m: DuplicateCandidate) => call('case.notSamePerson', { personId, candidateCaseId: m.caseId, candidatePersonId: m.personId }),
    onSuccess: async (_r, m) => {
      setRecorded(m.caseNumber);
      await qc.invalidateQueries({ queryKey: ['duplicates'] });
    },
  });
  // The line pressed goes away: the focus goes to what was recorded, not to the page.
  useEffect(() => {
    if (recorded) said.current?.focus();
  }, [recorded]);
  return (
    <>
      {recorded && (
        <p role="status" className="hint" tabIndex={-1} ref={said}>
          {t('duplicates.notSame.recorded', { number: recorded })}
        </p>
      )}
      {notSame.error && <ErrorBanner error={errorOf(notSame.error)} />}
      {matches.length > 0 && (
        <div className="banner banner-warn duplicate-warning" role="alert" aria-labelledby="dup-title">
          <h3 id="dup-title">{t('duplicates.title', { count: matches.length })}</h3>
          <ul>
            {matches.map((m) => (
              <li key={`${m.caseId}-${m.personId}`}>
                <PersonName asWritten={m.nameAsWritten} latin={m.nameLatin} />, {m.dateOfBirth}
                {m.uci && <>, UCI {m.uci}</>} — {m.caseNumber} · {t(`duplicates.matchedOn.${m.matchedOn}`)}
                {m.variants.map((v) => (
                  <span key={v}> · {t(`duplicates.variant.${v}`)}</span>
                ))}{' '}
                <span className="row-actions duplicate-actions">
                  <button type="button" onClick={() => onOpenInstead(m.caseId)}>
                    {t('duplicates.open', { number: m.caseNumber })}
                  </button>
                  <button type="button" disabled={notSame.isPending} aria-label={t('duplicates.notSame.named', { number: m.caseNumber })} onClick={() => notSame.mutate(m)}>
                    {t('duplicates.notSame.button')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
