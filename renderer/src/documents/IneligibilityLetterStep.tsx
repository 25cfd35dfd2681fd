import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { verdict } from '../../../shared/case/guard';
import type { SessionUser } from '../../../shared/schema/auth';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';

/**
 * For a case decided not eligible: make the letter that explains the decision to the person
 * (signed, in the register). Offered when the lifecycle table allows it to this person now (the
 * same question the back end asks); the letter then waits in the documents list, to print.
 */
export function IneligibilityLetterStep({ detail, user }: { detail: CaseDetail; user: SessionUser }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const make = useMutation({
    mutationFn: () => call('letter.generateIneligibility', { caseId: detail.id, baseVersion: detail.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['documents'] }),
  });
  if (!verdict('generateIneligibilityLetter', detail, user.role).ok) return null;
  return (
    <div className="step">
      <p id="letter-intro">{t('letter.intro')}</p>
      {make.error && <ErrorBanner error={errorOf(make.error)} />}
      <p>
        <button type="button" onClick={() => make.mutate()} disabled={make.isPending} aria-describedby="letter-intro">
          {make.isPending ? t('common.working') : t('letter.generate')}
        </button>
      </p>
      {make.data && (
        <p role="status" className="banner banner-ok">
          {t('letter.made', { number: make.data.number })}
        </p>
      )}
    </div>
  );
}
