import { useTranslation } from 'react-i18next';
import type { AuditHeadView, BackupCounts, BackupVerification } from '../../../../shared/schema/data-safety';
import type { SafetyFormat } from './format';

/** What a backup holds: its counts of cases, persons, documents and audit entries. */
export function CountsFacts({ counts, f }: { counts: BackupCounts; f: SafetyFormat }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('dataSafety.counts.title')}</dt>
      <dd>
        {t('dataSafety.counts.text', { cases: f.int(counts.cases), persons: f.int(counts.persons), documents: f.int(counts.documents), audit: f.int(counts.auditEntries) })}
      </dd>
    </>
  );
}

/** The last entry of the audit chain: its number and the first 12 hex digits of its MAC (enough to compare by eye). */
export function AuditHeadFacts({ head }: { head: AuditHeadView | null }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('dataSafety.auditHead.title')}</dt>
      <dd>{head ? t('dataSafety.auditHead.text', { seq: head.seq, mac: head.mac.slice(0, 12) }) : t('dataSafety.auditHead.none')}</dd>
    </>
  );
}

/** The three checks made on a backup, each in words (never a bare tick a screen reader cannot say). */
export function VerificationFacts({ v }: { v: BackupVerification }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('dataSafety.verification.title')}</dt>
      <dd>
        <ul className="plain-list">
          <li>{t(v.integrity ? 'dataSafety.verification.integrityOk' : 'dataSafety.verification.integrityBad')}</li>
          <li>{t(v.auditChain ? 'dataSafety.verification.chainOk' : 'dataSafety.verification.chainBad')}</li>
          <li>{t(v.countsMatch ? 'dataSafety.verification.countsOk' : 'dataSafety.verification.countsBad')}</li>
        </ul>
      </dd>
    </>
  );
}
