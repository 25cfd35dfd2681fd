import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { isMinorOn } from '../../../shared/rules/dates';
import { PersonName } from '../components/PersonName';
import { isRealIsoDate } from '../../../shared/schema/common';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { useOfficeToday } from '../office-time';

type Signer = { personId: string; signedBy: 'self' | 'guardian'; guardianName: string };

/** The officer records who signed the printed consent form, and when. Minors are signed for by a parent or guardian. */
export function ConsentRecordForm({ detail, form, onRecorded }: { detail: CaseDetail; form: DocumentInfo; onRecorded: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const dateId = useId();
  const today = useOfficeToday();
  const [signedOn, setSignedOn] = useState(today);
  // Minor or adult on the signing date (not on the application date the rules use).
  const onDate = isRealIsoDate(signedOn) ? signedOn : today;
  const minors = new Set(detail.intake.persons.filter((p) => isMinorOn(p.dateOfBirth, onDate)).map((p) => p.id));
  const [signers, setSigners] = useState<Signer[]>(() =>
    detail.intake.persons.map((p) => ({ personId: p.id, signedBy: isMinorOn(p.dateOfBirth, today) ? 'guardian' : 'self', guardianName: '' })),
  );
  const record = useMutation({
    mutationFn: () =>
      call('consent.record', {
        caseId: detail.id,
        baseVersion: detail.version,
        documentId: form.id,
        signedOn,
        signers: signers.map((s) => (s.signedBy === 'guardian' ? { personId: s.personId, signedBy: 'guardian', guardianName: s.guardianName } : { personId: s.personId, signedBy: 'self' })),
      }),
    onSuccess: onRecorded,
  });
  const update = (i: number, patch: Partial<Signer>) => setSigners((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const issues = record.error ? (errorOf(record.error).issues ?? []) : [];
  return (
    <form
      className="card"
      aria-labelledby="consent-record-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate();
      }}
    >
      <h3 id="consent-record-title">{t('documents.recordConsent', { number: form.number })}</h3>
      <div className="field">
        <label htmlFor={dateId}>{t('documents.signedOn')}</label>
        <input id={dateId} value={signedOn} onChange={(e) => setSignedOn(e.target.value)} inputMode="numeric" />
      </div>
      {detail.intake.persons.map((p, i) => {
        const s = signers[i]!;
        const problem = issues.find((x) => x.path[0] === 'signers' && x.path[1] === i);
        return (
          <fieldset key={p.id}>
            <legend>
              <PersonName asWritten={p.nameAsWritten} latin={p.nameLatin} />{minors.has(p.id) ? ` · ${t('documents.minor')}` : ''}
            </legend>
            <label className="inline">
              <input type="radio" name={`signer-${p.id}`} checked={s.signedBy === 'self'} onChange={() => update(i, { signedBy: 'self' })} /> {t('documents.signedSelf')}
            </label>
            <label className="inline">
              <input type="radio" name={`signer-${p.id}`} checked={s.signedBy === 'guardian'} onChange={() => update(i, { signedBy: 'guardian' })} /> {t('documents.signedGuardian')}
            </label>
            {s.signedBy === 'guardian' && (
              <div className="field">
                <label htmlFor={`guardian-${p.id}`}>{t('documents.guardianName')}</label>
                <input id={`guardian-${p.id}`} dir="auto" value={s.guardianName} onChange={(e) => update(i, { guardianName: e.target.value })} />
              </div>
            )}
            {problem && <p className="error">{t(problem.messageKey, problem.params ?? {})}</p>}
          </fieldset>
        );
      })}
      {record.error && <ErrorBanner error={errorOf(record.error)} />}
      <button type="submit" className="primary" disabled={record.isPending}>
        {t('documents.recordConsentSubmit')}
      </button>
    </form>
  );
}
