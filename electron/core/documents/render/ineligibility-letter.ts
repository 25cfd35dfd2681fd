import type { IneligibilityLetter } from '../../../../shared/schema/documents';
import { IneligibilityLetterSchema } from '../../../../shared/schema/documents';
import { INELIGIBILITY_LETTER as L, LABELS, OUTCOME, PROGRAMME } from '../../../../resources/forms/documents-text';
import { bi, columns, documentTitle, field, heading } from '../layout/blocks';
import { decoratePages } from '../layout/decorate';
import type { Bilingual } from '../../../../resources/forms/documents-text';
import type { DocumentWriter } from '../layout/writer';
import { BODY, lineHeight } from '../layout/writer';
import { parseDocumentInput } from '../validate';
import type { RenderOptions } from './common';
import { officerText, startDocument } from './common';

/**
 * The letter to the person explaining a decision of not eligible: English on the left, French on
 * the right, as the consent form does. The reasons are the rules' own sentences, per person, with
 * their code; then what the decision means, that it can be looked at again if the facts change,
 * and where to ask questions. PROTECTED B on every page (decoratePages).
 */
/** Latin letters first, so the line reads left to right; the own-script name follows in brackets (once if the same). */
const nameLtr = (p: { nameOwnScript: string; nameLatin: string }): string => (p.nameOwnScript === p.nameLatin ? p.nameLatin : `${p.nameLatin} (${p.nameOwnScript})`);

/** A heading kept on the same page as its EN | FR text (a heading alone at the foot of a page reads as missing text). */
function section(w: DocumentWriter, title: Bilingual, text: Bilingual): void {
  const col = (w.width - 18) / 2;
  w.ensure(Math.max(w.textHeight(text.en, col, BODY), w.textHeight(text.fr, col, BODY)) + 2 * lineHeight(BODY) + 24);
  heading(w, title);
  columns(w, text.en, text.fr);
}

export async function renderIneligibilityLetter(data: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const letter: IneligibilityLetter = parseDocumentInput(IneligibilityLetterSchema, data, 'ineligibility letter');
  const d = letter.decision;
  const w = await startDocument(letter, L.title, `${L.title.en} ${letter.letterNumber}`, options);

  documentTitle(w, PROGRAMME, L.title);
  field(w, L.letterNumber, letter.letterNumber);
  field(w, LABELS.caseNumber, letter.caseNumber);
  field(w, LABELS.date, letter.date);
  field(w, L.to, letter.persons.map(nameLtr).join('\n'));
  field(w, LABELS.outcome, bi(OUTCOME.ineligible));
  field(w, LABELS.decidedOn, d.decidedOn);
  field(w, LABELS.policyVersion, d.policyVersion);
  field(w, LABELS.applicationDate, d.applicationDate);
  field(w, LABELS.decidedBy, officerText(d.decidedBy));
  if (d.reviewedBy !== undefined) field(w, LABELS.reviewedBy, officerText(d.reviewedBy));
  w.space(6);
  const intro = L.intro(d.decidedOn, d.policyVersion, d.applicationDate);
  columns(w, intro.en, intro.fr);

  heading(w, L.reasonsHeading);
  columns(w, L.reasonsNote.en, L.reasonsNote.fr);
  for (const p of letter.persons) {
    w.space(4);
    w.ensure(4 * lineHeight(BODY));
    w.paragraph(`${nameLtr(p)} — ${p.dateOfBirth} — ${bi(OUTCOME[p.outcome])}`, { ...BODY, bold: true });
    w.space(2);
    if (p.reasons.length === 0) columns(w, L.noReason.en, L.noReason.fr);
    for (const r of p.reasons) columns(w, r.text.en, r.text.fr, BODY, `[${r.code}]  `);
  }

  section(w, L.meaningHeading, L.meaning);
  section(w, L.changeHeading, L.change);
  section(w, L.questionsHeading, L.questions(letter.caseNumber));
  w.space(4);
  field(w, LABELS.office, `${letter.office.name}\n${letter.office.address}`);
  field(w, L.officeHours, `${letter.officeHours.en}\n${letter.officeHours.fr}`);
  field(w, L.issuedBy, officerText(letter.officer));

  decoratePages(w, {
    runningTitle: `${bi(L.title)} — ${letter.letterNumber}`,
    reference: `${bi(L.letterNumber)} ${letter.letterNumber} · ${bi(LABELS.caseNumber)} ${letter.caseNumber}`,
  });
  return w.save();
}
