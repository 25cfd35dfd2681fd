import type { Withdrawal } from '../../../../shared/schema/documents';
import { WithdrawalSchema } from '../../../../shared/schema/documents';
import type { Bilingual } from '../../../../resources/forms/documents-text';
import { CONSENT, LABELS, PROGRAMME, WITHDRAWAL } from '../../../../resources/forms/documents-text';
import { bi, columns, documentTitle, field, heading, signatureLine, table } from '../layout/blocks';
import { decoratePages } from '../layout/decorate';
import { parseDocumentInput } from '../validate';
import type { RenderOptions } from './common';
import { interpreterText, nameInline, officerText, personsTableRows, startDocument } from './common';

type Variant = 'form' | 'notice';

/** The participant's withdrawal form (signed at the office). */
export function renderWithdrawalForm(data: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  return renderWithdrawal('form', data, options);
}

/** The notice sent to IOM that the case has left the programme. */
export function renderWithdrawalNotice(data: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  return renderWithdrawal('notice', data, options);
}

async function renderWithdrawal(variant: Variant, data: unknown, options: RenderOptions): Promise<Uint8Array> {
  const wd: Withdrawal = parseDocumentInput(WithdrawalSchema, data, `withdrawal ${variant}`);
  const title: Bilingual = variant === 'form' ? WITHDRAWAL.formTitle : WITHDRAWAL.noticeTitle;
  const w = await startDocument(wd, title, `${title.en} ${wd.caseNumber}`, options);

  documentTitle(w, PROGRAMME, title);
  if (variant === 'notice') {
    w.paragraph(bi(WITHDRAWAL.noticeTo), { size: 9, bold: true });
    w.space(6);
  }
  field(w, LABELS.caseNumber, wd.caseNumber);
  if (wd.packetNumber !== null) field(w, LABELS.packetNumber, wd.packetNumber);
  field(w, LABELS.date, wd.date);
  field(w, LABELS.witnessingOfficer, officerText(wd.witnessingOfficer));
  field(w, LABELS.language, wd.languageUse.language);
  field(w, LABELS.interpreter, interpreterText(wd.languageUse));

  heading(w, { en: 'Persons withdrawing', fr: 'Personnes qui se retirent' });
  table(
    w,
    [
      { header: LABELS.name, share: 3 },
      { header: LABELS.dateOfBirth, share: 1.4 },
      { header: LABELS.nationality, share: 1.5 },
      { header: LABELS.relationship, share: 1.7 },
      { header: { en: 'Adult or minor', fr: 'Adulte ou mineur' }, share: 1.3 },
    ],
    personsTableRows(wd.persons),
  );

  heading(w, { en: 'Statement', fr: 'Déclaration' });
  const statement = variant === 'form' ? WITHDRAWAL.statement : WITHDRAWAL.noticeStatement;
  columns(w, statement.en, statement.fr);

  heading(w, LABELS.reason);
  w.paragraph(wd.reason ?? bi(WITHDRAWAL.noReason));

  heading(w, LABELS.signature);
  const adults = wd.persons.filter((person) => !person.minor);
  for (const p of adults) {
    signatureLine(w, `${bi(WITHDRAWAL.participantSignature)}: ${nameInline(p)}`);
  }
  // Minors only (rare): a parent or guardian signs for them.
  if (adults.length === 0) signatureLine(w, bi(CONSENT.minorSignature));
  signatureLine(w, `${bi(WITHDRAWAL.officerSignature)}: ${officerText(wd.witnessingOfficer)}`);

  decoratePages(w, {
    runningTitle: `${bi(title)} — ${wd.caseNumber}`,
    reference: `${bi(LABELS.caseNumber)} ${wd.caseNumber}${wd.packetNumber === null ? '' : ` · ${bi(LABELS.packetNumber)} ${wd.packetNumber}`}`,
  });
  return w.save();
}
