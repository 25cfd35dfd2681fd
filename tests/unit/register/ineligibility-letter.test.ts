import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText } from '../../../shared/rules';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo, PrintResult } from '../../../shared/schema/documents-api';
import { renderIneligibilityLetter } from '../../../electron/core/documents';
import { officeHoursText } from '../../../electron/core/register/letter-data';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/**
 * The letter explaining a decision of not eligible (issue 13 point 11), through the real core:
 * allowed only where the lifecycle table says (decided, not eligible), signed, in the register
 * with its own number, PROTECTED B on every page, the rules' reasons in English and French.
 */
const out = mkdtempSync(join(tmpdir(), 'avrr-letter-'));
const file = (name: string, r: PrintResult) => {
  const f = join(out, name);
  writeFileSync(f, Buffer.from(r.pdfBase64 ?? '', 'base64'));
  return f;
};
const pdfsig = (f: string) => execFileSync('pdfsig', [f], { encoding: 'utf8' });
// Poppler splits pages with a form feed; NFKC folds the ligatures and narrow spaces a PDF font may use.
const pages = (f: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).normalize('NFKC').split('\f').filter((p) => p.trim() !== '');
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Two adults whose claim was not made in the GTA; the principal also has a criminal record. */
function ineligibleFamily() {
  const intake = familyIntake(syrianFamily.slice(0, 2));
  return {
    ...intake,
    persons: intake.persons.map((p, i) => ({ ...p, facts: { ...p.facts, claim: { ...p.facts.claim, inGta: false }, criminalRecord: i === 0 } })),
  };
}

describe('the ineligibility letter', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
  });
  afterAll(() => t.dispose());

  it('is made for a case decided not eligible: signed, numbered, the reasons in both languages, PROTECTED B on every page', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const created = await t.ok<CaseDetail>('case.create', { intake: ineligibleFamily() });
    const early = await t.call('letter.generateIneligibility', { caseId: created.id, baseVersion: created.version });
    expect(early.ok ? 'ok' : early.error.messageKey).toBe('lifecycle.refused.decide_first');
    const c = await t.ok<CaseDetail>('case.decide', { caseId: created.id, baseVersion: created.version });
    expect(c.decision?.outcome).toBe('ineligible');

    const stale = await t.call('letter.generateIneligibility', { caseId: c.id, baseVersion: c.version - 1 });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('conflict');
    const letter = await t.ok<DocumentInfo>('letter.generateIneligibility', { caseId: c.id, baseVersion: c.version });
    expect(letter).toMatchObject({ type: 'ineligibility_letter', number: `${c.caseNumber}-IL-01`, signed: true, printCount: 0 });
    // The case does not move: the letter is a document, not a step.
    const after = await t.ok<CaseDetail>('case.get', { caseId: c.id });
    expect({ status: after.status, version: after.version }).toEqual({ status: 'decided', version: c.version });
    // Not for IOM: never in the clerk's queue.
    const queue = await t.ok<DocumentInfo[]>('document.printQueue', {});
    expect(queue.map((d) => d.id)).not.toContain(letter.id);

    const printed = await t.ok<PrintResult>('document.print', { documentId: letter.id });
    expect(printed).toMatchObject({ copy: false, filename: `${c.caseNumber}-IL-01.pdf` });
    const pdf = file('letter.pdf', printed);
    const sig = pdfsig(pdf);
    // pdfsig exits 0 even for a broken signature: the text says whether it holds.
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');

    const text = pages(pdf);
    expect(text.length).toBeGreaterThan(0);
    for (const page of text) expect(page).toContain('PROTECTED B / PROTÉGÉ B');
    const all = flat(text.join(' '));
    // The rules' own sentences, in both languages, for the reasons that apply.
    for (const code of ['E2', 'X3'] as const) {
      expect(all).toContain(`[${code}]`);
      for (const lang of ['en', 'fr'] as const) {
        // The first words of each sentence, enough to know it was printed unreworded (columns wrap lines).
        expect(all).toContain(flat(reasonText(code, lang)).split(' ').slice(0, 5).join(' '));
      }
    }
    // The principal gets E2 and X3, the spouse E2 only (each code beside its English and its French); no "meets every condition".
    expect(all.match(/\[E2\]/g)?.length).toBe(4);
    expect(all.match(/\[X3\]/g)?.length).toBe(2);
    expect(all).not.toContain('[E0]');
    expect(all).toContain(c.caseNumber);
    expect(all).toContain(`${c.caseNumber}-IL-01`);
    expect(all).toContain(c.decision?.policyVersion ?? 'no policy');
    expect(all).toContain('Mohammed Al-Ahmad');
    expect(all).toContain('Fatima Al-Zahraa');
    // How to ask questions, and that the decision can be looked at again.
    expect(all).toContain('6900 Airport Road');
    expect(all).toContain('Monday to Friday, 8:00 to 16:00');
    expect(all).toContain('If your situation changes');
    expect(all).toContain('Si votre situation change');
    writeFileSync('/tmp/ineligibility-letter.pdf', Buffer.from(printed.pdfBase64 ?? '', 'base64'));

    // A second print is a copy, signed afresh.
    const copy = await t.ok<PrintResult>('document.print', { documentId: letter.id });
    expect(copy.copy).toBe(true);
    expect(pdfsig(file('letter-copy.pdf', copy))).toContain('Signature is Valid.');

    // A clerk neither makes nor prints it (not a document for IOM).
    await t.ok('auth.signIn', accounts.clerk);
    const clerkMakes = await t.call('letter.generateIneligibility', { caseId: c.id, baseVersion: c.version });
    expect(clerkMakes.ok ? 'ok' : clerkMakes.error.code).toBe('forbidden');
    const clerkPrints = await t.call('document.print', { documentId: letter.id });
    expect(clerkPrints.ok ? 'ok' : clerkPrints.error.messageKey).toBe('errors.document_not_for_print');
  });

  it('is refused for a case decided eligible, with the table\'s reason once consent is recorded', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const created = await t.ok<CaseDetail>('case.create', { intake: familyIntake(syrianFamily.slice(0, 1)) });
    const c = await t.ok<CaseDetail>('case.decide', { caseId: created.id, baseVersion: created.version });
    expect(c.decision?.outcome).toBe('eligible');
    const r = await t.call('letter.generateIneligibility', { caseId: c.id, baseVersion: c.version });
    expect(r.ok ? 'ok' : r.error.gaps?.map((g) => g.key)).toEqual(['lifecycle.gap.not_ineligible']);
  });

  it('gives the supervisor\'s reason for a person the rules found eligible and the review did not', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    // A mixed family goes to review: the spouse alone has a criminal record.
    const intake = familyIntake(syrianFamily.slice(0, 2));
    const mixed = { ...intake, persons: intake.persons.map((p, i) => ({ ...p, facts: { ...p.facts, criminalRecord: i === 1 } })) };
    const created = await t.ok<CaseDetail>('case.create', { intake: mixed });
    const decided = await t.ok<CaseDetail>('case.decide', { caseId: created.id, baseVersion: created.version });
    expect(decided.status).toBe('under_review');
    await t.ok('auth.signIn', accounts.supervisor);
    const reason = 'The family leaves together; the spouse cannot take part, so neither can.';
    const c = await t.ok<CaseDetail>('case.review', {
      caseId: decided.id,
      baseVersion: decided.version,
      persons: decided.intake.persons.map((p) => ({ personId: p.id, outcome: 'ineligible' })),
      reason,
    });
    expect(c.status).toBe('decided');
    const letter = await t.ok<DocumentInfo>('letter.generateIneligibility', { caseId: c.id, baseVersion: c.version });
    const all = flat(pages(file('reviewed.pdf', await t.ok<PrintResult>('document.print', { documentId: letter.id }))).join(' '));
    expect(all).toContain(`Supervisor review: ${reason}`);
    expect(all).toContain(`Examen par le superviseur : ${reason}`);
    expect(all).toContain('[X3]');
    expect(all).toContain('Reviewed by (supervisor)');
  });

  it('refuses data that is not a letter, and says the office hours in both languages', async () => {
    await expect(renderIneligibilityLetter({ letterNumber: 'X' })).rejects.toThrow(/ineligibility letter/);
    expect(officeHoursText('2026-11-20')).toEqual({ en: 'Monday to Friday, 8:00 to 16:00', fr: 'du lundi au vendredi, de 8\u00a0h à 16\u00a0h' });
  });
});
