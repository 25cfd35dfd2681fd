import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../navigation';

/** Opens a case; named by its number for screen readers (a list holds many "Open" buttons). */
export function OpenCaseButton({ caseId, caseNumber }: { caseId: string; caseNumber: string }) {
  const { t } = useTranslation();
  const go = useNavigate();
  return (
    <button type="button" onClick={() => go({ name: 'case', caseId })} aria-label={t('cases.openNamed', { number: caseNumber })}>
      {t('cases.open')}
    </button>
  );
}
