import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PersonName } from '../../components/PersonName';
import { call, errorOf } from '../../ipc';
import { useLang } from '../../lang';
import { saveDownload } from '../reports/save';

/**
 * A person asks for what the office holds about them (Privacy Act): the supervisor chooses whom
 * the request covers (the principal applicant by default; a family member only if the request
 * names them too) and the language, and gets a PDF and a JSON file. The export is audited.
 */
export function InformationRequest({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const id = useId();
  const persons = detail.intake.persons;
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(persons[0] ? [persons[0].id] : []));
  const [lang, setLang] = useState(uiLang);
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: () => call('privacy.export', { caseId: detail.id, personIds: persons.filter((p) => chosen.has(p.id)).map((p) => p.id), lang }),
    onSuccess: (x) => {
      saveDownload(`${x.baseName}.pdf`, Uint8Array.from(atob(x.pdfBase64), (c) => c.charCodeAt(0)), 'application/pdf');
      saveDownload(`${x.baseName}.json`, x.json, 'application/json;charset=utf-8');
      setOpen(false);
    },
  });
  const toggle = (personId: string, on: boolean) => {
    setMissing(false);
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });
  };
  const submit = () => {
    if (chosen.size === 0) {
      setMissing(true);
      return;
    }
    run.mutate();
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('dataSafety.privacy.title')}</h2>
      <p className="hint">{t('dataSafety.privacy.intro')}</p>
      <button
        type="button"
        onClick={() => {
          run.reset();
          setOpen(true);
        }}
      >
        {t('dataSafety.privacy.open')}
      </button>
      {run.isSuccess && (
        <p role="status" className="banner banner-ok">
          {t('dataSafety.privacy.saved', { file: run.data.baseName })}
        </p>
      )}
      <Dialog open={open} title={t('dataSafety.privacy.dialogTitle', { number: detail.caseNumber })} onClose={() => setOpen(false)}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset aria-describedby={missing ? `${id}-missing` : undefined}>
            <legend>{t('dataSafety.privacy.persons')}</legend>
            {persons.map((p) => (
              <label key={p.id} className="inline">
                <input type="checkbox" checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                <span>
                  <PersonName asWritten={p.nameAsWritten} latin={p.nameLatin} /> ({t(`relationship.${p.relationship}`)})
                </span>
              </label>
            ))}
            {missing && (
              <p className="error" id={`${id}-missing`}>
                {t('dataSafety.privacy.nonePicked')}
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('dataSafety.privacy.language')}</legend>
            <label className="inline">
              <input type="radio" name={`${id}-lang`} checked={lang === 'en'} onChange={() => setLang('en')} />
              <span lang="en">English</span>
            </label>
            <label className="inline">
              <input type="radio" name={`${id}-lang`} checked={lang === 'fr'} onChange={() => setLang('fr')} />
              <span lang="fr">Français</span>
            </label>
          </fieldset>
          <p className="hint">{t('dataSafety.privacy.audited')}</p>
          <ErrorBanner error={run.error ? errorOf(run.error) : null} />
          {run.isPending && <p role="status">{t('common.working')}</p>}
          <div className="row-actions">
            <button type="submit" className="primary" disabled={run.isPending}>
              {t('dataSafety.privacy.export')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
