import type { ConsentForm } from '../../../../shared/schema/documents';
import { ConsentFormSchema } from '../../../../shared/schema/documents';
import { CONSENT, LABELS, PROGRAMME, SHARED_INFORMATION } from '../../../../resources/forms/documents-text';
import { bi, bullets, columns, documentTitle, field, heading, signatureLine, table } from '../layout/blocks';
import { decoratePages } from '../layout/decorate';
import { BODY } from '../layout/writer';
import { parseDocumentInput } from '../validate';
import type { RenderOptions } from './common';
import { interpreterText, nameInline, officerText, personsTableRows, startDocument } from './common';

const PERSON_COLUMNS = [
  { header: LABELS.name, share: 3 },
  { header: LABELS.dateOfBirth, share: 1.4 },
  { header: LABELS.nationality, share: 1.5 },
  { header: LABELS.relationship, share: 1.7 },
  { header: { en: 'Adult or minor', fr: 'Adulte ou mineur' }, share: 1.3 },
] as const;

/** The bilingual consent form (brief section 6): one signature line per adult, a guardian line per minor. */
export async function renderConsentForm(data: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const form: ConsentForm = parseDocumentInput(ConsentFormSchema, data, 'consent form');
  const w = await startDocument(form, CONSENT.title, `Consent form ${form.formNumber}`, options);

  documentTitle(w, PROGRAMME, CONSENT.title);
  field(w, LABELS.formNumber, form.formNumber);
  field(w, LABELS.caseNumber, form.caseNumber);
  field(w, LABELS.date, form.date);
  field(w, LABELS.officer, officerText(form.officer));
  field(w, LABELS.language, form.languageUse.language);
  field(w, LABELS.interpreter, interpreterText(form.languageUse));

  heading(w, CONSENT.personsHeading);
  table(w, PERSON_COLUMNS, personsTableRows(form.persons));

  heading(w, CONSENT.clausesHeading);
  CONSENT.clauses.forEach((clause, i) => columns(w, clause.en, clause.fr, BODY, `${i + 1}.  `));

  heading(w, CONSENT.sharedHeading);
  bullets(w, form.sharedInformation.map((key) => SHARED_INFORMATION[key]));

  heading(w, CONSENT.signaturesHeading);
  for (const p of form.persons) {
    if (p.minor) {
      signatureLine(w, `${bi(CONSENT.minorSignature)}:\n${nameInline(p)}`);
      signatureLine(w, bi(CONSENT.guardianName), '');
    } else {
      signatureLine(w, `${bi(CONSENT.adultSignature)} ${nameInline(p)}`);
    }
  }
  signatureLine(w, `${bi(CONSENT.officerSignature)}: ${officerText(form.officer)}`);
  const interpreter = form.languageUse.interpreter;
  if (interpreter !== null) {
    w.space(6);
    columns(w, CONSENT.interpreterStatement.en, CONSENT.interpreterStatement.fr);
    signatureLine(w, `${bi(CONSENT.interpreterSignature)}: ${interpreter.name} — ${form.languageUse.language}`);
  }

  decoratePages(w, {
    runningTitle: `${bi(CONSENT.title)} — ${form.formNumber}`,
    reference: `${bi(LABELS.formNumber)} ${form.formNumber} · ${bi(LABELS.caseNumber)} ${form.caseNumber}`,
  });
  return w.save();
}
