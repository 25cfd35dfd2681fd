/**
 * The documents as built from a case (electron/core/register/document-data.ts) and rendered:
 * what the officer and IOM read on paper. Regressions of issue 9 point 7: the deciding officer
 * printed as a user id, no application date, no tier basis, reasons worded to the applicant,
 * "minor" taken at the application date, notes the intake accepts but the packet refused, and
 * no security marking.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderConsentForm, renderReferralPacket, renderWithdrawalForm, renderWithdrawalNotice } from '../../../electron/core/documents';
import { consentFormData, referralPacketData, withdrawalData } from '../../../electron/core/register/document-data';
import { intakeToCaseFacts } from '../../../shared/intake/to-facts';
import { evaluateCase } from '../../../shared/rules';
import { isMinorOn } from '../../../shared/rules/dates';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { ReferralPacketSchema } from '../../../shared/schema/documents';
import type { Officer } from '../../../shared/schema/documents';
import { blankPerson, intakeDocument } from '../../../shared/schema/intake';
import type { IntakeDocumentInput } from '../../../shared/schema/intake';
import { FINAL_DESTINATION_MAX, INTERPRETER_NAME_MAX, MEDICAL_CONDITIONS_MAX, MOBILITY_MAX, REINTEGRATION_NOTES_MAX } from '../../../shared/schema/limits';
import { normaliseExtracted, pdftotext, run } from './support/tools';

const ARTIFACTS = join(process.cwd(), 'tests/artifacts/documents-from-case');
beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

const DECIDER_ID = '8667caef-3f0e-4a43-9d7c-5b1e2f0a6c11';
const REVIEWER_ID = '1d2e3f40-aaaa-4bbb-8ccc-0123456789ab';
const OFFICERS: Record<string, Officer> = {
  [DECIDER_ID]: { name: 'Émilie Tremblay', badgeNumber: 'CBSA-40417' },
  [REVIEWER_ID]: { name: 'Aisha Rahman', badgeNumber: 'CBSA-20051' },
};
const officerById = (id: string): Officer => OFFICERS[id] ?? { name: 'unknown', badgeNumber: 'unknown' };
const CLERK: Officer = { name: 'Marc Gagnon', badgeNumber: 'CBSA-55120' };

const P1 = '5b0c2d7e-1a2b-4c3d-8e4f-0a1b2c3d4e5f';
const P2 = '6c1d3e8f-2b3c-4d4e-9f50-1b2c3d4e5f60';
const APPLICATION_DATE = '2013-03-01';
/** 17 on the application date, 21 on the referral date. */
const CHILD_DOB = '1995-06-01';
const REFERRAL_DATE = '2016-09-01';

function eligiblePerson(id: string, rel: 'principal' | 'child', name: string, dob: string) {
  const p = blankPerson(id, rel);
  return {
    ...p,
    nameAsWritten: name,
    nameLatin: name.toUpperCase(),
    dateOfBirth: dob,
    nationality: 'COL',
    facts: {
      claim: { outcome: 'rejected' as const, inGta: true, claimDate: '2011-05-02', decisionDate: '2012-01-10', noCredibleBasis: false, manifestlyUnfounded: false, radAppeal: 'none' as const },
      federalCourtLeaveApplied: false,
      federalCourtLeaveDate: null,
      prraApplied: false,
      prraDate: null,
      criminalRecord: false,
      inadmissibleSecurity: false,
      inadmissibleHumanRights: false,
      inadmissibleOrganizedCrime: false,
      prApplicationWithSpousalSponsorship: false,
      compliantWithConditions: true,
    },
    travelDocument: { status: 'valid_passport' as const, expiryDate: '2019-01-31' },
    specialNeeds: { medicalEscort: false, nonMedicalEscort: false, mobility: '', medicalConditions: '', shareMedicalWithIom: false },
  };
}

function intakeInput(overrides: Partial<IntakeDocumentInput> = {}): IntakeDocumentInput {
  return {
    channel: 'walk_in',
    applicationDate: APPLICATION_DATE,
    language: 'es',
    interpreterNeeded: false,
    interpreterName: '',
    contact: { phone: '', email: '', address: '' },
    persons: [eligiblePerson(P1, 'principal', 'Andrés Gómez', '1975-02-14'), eligiblePerson(P2, 'child', 'Lucía Gómez', CHILD_DOB)],
    travel: { countryOfReturn: 'COL', finalDestination: 'Medellín' },
    reintegration: { categories: ['small_business'], notes: 'Wants to reopen a bakery.' },
    ...overrides,
  };
}

/** A decided case as the register reads it (only what the documents use). */
function decidedCase(input: IntakeDocumentInput, review = false): CaseDetail {
  const intake = intakeDocument.parse(input);
  const result = evaluateCase(intakeToCaseFacts(intake));
  const decision = {
    id: 'd1',
    outcome: result.outcome,
    policyVersion: result.policyVersion,
    result,
    decidedAt: '2013-03-05T15:00:00.000Z',
    decidedBy: DECIDER_ID,
    override: review ? { outcome: 'eligible' as const, reason: 'Confirmed eligible after checking the claim file.', reviewedAt: '2013-03-06T15:00:00.000Z', reviewedBy: REVIEWER_ID } : null,
    review: null,
  };
  // The test builds only the fields the documents read; CaseDetail has more (status, drafts…).
  return { id: 'case-1', caseNumber: 'C-2013-000042', status: 'consented', version: 3, intake, decision } as unknown as CaseDetail;
}

const consent = {
  documentId: 'doc-1',
  signedOn: '2016-08-30',
  signers: [
    { personId: P1, signedBy: 'self' as const },
    { personId: P2, signedBy: 'self' as const },
  ],
  recordedAt: '2016-08-30T14:00:00.000Z',
  recordedBy: DECIDER_ID,
  formNumber: 'CF-2016-000318',
  officer: OFFICERS[DECIDER_ID] ?? CLERK,
};

const packetOf = (c: CaseDetail) => referralPacketData(c, consent, CLERK, 'AVRR-GTA-2016-000042', REFERRAL_DATE, 'ab'.repeat(32), officerById, 'America/Toronto');

async function renderToText(name: string, bytes: Uint8Array): Promise<{ file: string; pages: string[]; text: string }> {
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, bytes);
  const raw = pdftotext(file);
  const pages = raw.split('\f').filter((p) => p.trim() !== '');
  return { file, pages, text: normaliseExtracted(raw) };
}

describe('referral packet built from a decided case', () => {
  it('prints the deciding and reviewing officers by name and badge, never a user id', async () => {
    const packet = packetOf(decidedCase(intakeInput(), true));
    const { text } = await renderToText('packet-officers', await renderReferralPacket(packet));
    expect(text).toContain('Decided by / Décidé par Émilie Tremblay (CBSA-40417)');
    expect(text).toContain('Aisha Rahman (CBSA-20051)');
    expect(text).not.toContain(DECIDER_ID);
    expect(text).not.toContain(REVIEWER_ID);
    expect(text).not.toContain(DECIDER_ID.slice(0, 8));
  });

  it('prints the application date that set the tiers, the tier basis per person and reasons about the person', async () => {
    const packet = packetOf(decidedCase(intakeInput()));
    const { text } = await renderToText('packet-basis', await renderReferralPacket(packet));
    expect(text).toContain(`AVRR application date (sets the policy and the tiers) / Date de la demande ARVR (fixe la politique et les paliers) ${APPLICATION_DATE}`);
    // T1 because no Federal Court leave: the rules' basis (A1), in both languages.
    expect(text).toContain('The person had not applied for Federal Court leave');
    expect(text).toContain("La personne n'avait pas demandé l'autorisation de la Cour fédérale");
    expect(text).toContain('The person meets every condition of the AVRR programme');
    expect(text).not.toMatch(/\bYou\b|\bYour\b|\bVous\b|\bVotre\b/);
  });

  it('prints a supervisor’s tier basis when one is given', async () => {
    const packet = packetOf(decidedCase(intakeInput()));
    const persons = packet.persons.map((p) => ({ ...p, tierBasis: { en: 'Supervisor set T2: leave applied for late.', fr: 'Le superviseur a fixé T2 : autorisation demandée tard.' } }));
    const { text } = await renderToText('packet-supervisor-basis', await renderReferralPacket({ ...packet, persons }));
    expect(text).toContain('Supervisor set T2: leave applied for late.');
    expect(text).toContain('Le superviseur a fixé T2 : autorisation demandée tard.');
  });
});

describe('a packet stored before these fields existed', () => {
  it('still reprints: a plain decidedBy string, no application date, no tier basis', async () => {
    const packet = packetOf(decidedCase(intakeInput()));
    const { applicationDate: _date, reviewedBy: _by, ...eligibility } = packet.eligibility;
    const legacy = { ...packet, eligibility: { ...eligibility, decidedBy: 'Officer Émilie Tremblay' }, persons: packet.persons.map(({ tierBasis: _basis, ...p }) => p) };
    const { text } = await renderToText('packet-legacy', await renderReferralPacket(legacy));
    expect(text).toContain('Decided by / Décidé par Officer Émilie Tremblay');
    expect(text).toContain('PROTECTED B / PROTÉGÉ B');
  });

  it('still reprints with scans listed by kind and hash only (no date)', async () => {
    const sha256 = 'e3'.repeat(32);
    const { file } = await renderToText('packet-legacy-scans', await renderReferralPacket({ ...packetOf(decidedCase(intakeInput())), attachments: [{ kind: 'signed_consent', sha256 }] }));
    // In content-stream order (-raw) a table row reads cell by cell, however its cells wrap.
    const text = normaliseExtracted(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).out);
    expect(text).toContain('Attached scans / Documents numérisés joints');
    expect(text).toContain(`Signed consent form Formulaire de consentement signé ${sha256} —`);
  });
});

describe('minor or adult on the date of the document', () => {
  it('isMinorOn follows the age of majority of the policy (18), birthday included', () => {
    expect(isMinorOn('1995-06-01', '2013-05-31')).toBe(true);
    expect(isMinorOn('1995-06-01', '2013-06-01')).toBe(false);
    expect(isMinorOn(CHILD_DOB, APPLICATION_DATE)).toBe(true);
    expect(isMinorOn(CHILD_DOB, REFERRAL_DATE)).toBe(false);
  });

  it('a person 17 at the application date but 21 at signing signs as an adult, not as a minor', async () => {
    const c = decidedCase(intakeInput());
    expect(c.decision?.result.persons.find((p) => p.id === P2)?.minor).toBe(true); // the rules' view, at the application date

    const form = consentFormData(c, CLERK, 'CF-2016-000318', '2016-08-30');
    expect(form.persons.map((p) => p.minor)).toEqual([false, false]);
    const consentText = (await renderToText('consent-adult-at-signing', await renderConsentForm(form))).text;
    expect(consentText).toContain('Signature of / Signature de Lucía Gómez (LUCÍA GÓMEZ)');
    expect(consentText).not.toContain('Parent or guardian signing for the minor');
    expect(consentText).not.toContain('Minor / Mineur');

    const packetText = (await renderToText('packet-adult-at-referral', await renderReferralPacket(packetOf(c)))).text;
    expect(packetText).not.toContain('Minor / Mineur');

    const wd = withdrawalData(c, CLERK, null, '2016-09-02', null);
    expect(wd.persons.map((p) => p.minor)).toEqual([false, false]);
  });
});

describe('PROTECTED B on every page of every document', () => {
  it('consent form, packet, withdrawal form and notice', async () => {
    const c = decidedCase(intakeInput());
    const docs = {
      consent: await renderConsentForm(consentFormData(c, CLERK, 'CF-2016-000318', '2016-08-30')),
      packet: await renderReferralPacket(packetOf(c)),
      withdrawalForm: await renderWithdrawalForm(withdrawalData(c, CLERK, 'AVRR-GTA-2016-000042', '2016-09-02', 'Changed plans.')),
      withdrawalNotice: await renderWithdrawalNotice(withdrawalData(c, CLERK, 'AVRR-GTA-2016-000042', '2016-09-02', 'Changed plans.')),
    };
    for (const [name, bytes] of Object.entries(docs)) {
      const { file, pages } = await renderToText(`marking-${name}`, bytes);
      const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).out)?.[1]);
      expect(pages.length, name).toBe(count);
      pages.forEach((page, i) => expect(page, `${name} page ${i + 1}`).toContain('PROTECTED B / PROTÉGÉ B'));
    }
  });
});

describe('the longest notes the intake accepts', () => {
  const long = (n: number, word: string) => `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n - 4) + ' END';

  it('fit the packet: it validates, renders and prints the whole text, wrapped', async () => {
    const input = intakeInput();
    const [principal, child] = input.persons as [ReturnType<typeof eligiblePerson>, ReturnType<typeof eligiblePerson>];
    const needs = { medicalEscort: true, nonMedicalEscort: false, mobility: long(MOBILITY_MAX, 'wheelchair'), medicalConditions: long(MEDICAL_CONDITIONS_MAX, 'insulin'), shareMedicalWithIom: true };
    const c = decidedCase({
      ...input,
      interpreterNeeded: true,
      interpreterName: long(INTERPRETER_NAME_MAX, 'Interpreter'),
      persons: [{ ...principal, specialNeeds: needs }, { ...child, specialNeeds: needs }],
      travel: { countryOfReturn: 'COL', finalDestination: long(FINAL_DESTINATION_MAX, 'Medellín') },
      reintegration: { categories: ['small_business', 'housing'], notes: long(REINTEGRATION_NOTES_MAX, 'bakery') },
    });
    expect(c.intake.persons[0]?.specialNeeds.medicalConditions.length).toBe(MEDICAL_CONDITIONS_MAX);

    const packet = packetOf(c);
    expect(ReferralPacketSchema.safeParse(packet).success).toBe(true);
    const bytes = await renderReferralPacket(packet);
    const { file, text } = await renderToText('packet-longest-notes', bytes);
    // Every word of the notes is printed (none cut off at the bottom of a page).
    const count = (s: string, word: string) => s.split(word).length - 1;
    const notes = packet.persons[0]?.specialNeeds.notes ?? '';
    expect(notes.length).toBeGreaterThan(2000);
    expect(count(text, 'insulin')).toBe(2 * count(needs.medicalConditions, 'insulin'));
    expect(count(text, 'wheelchair')).toBe(2 * count(needs.mobility, 'wheelchair'));
    expect(count(text, 'bakery')).toBe(count(c.intake.reintegration.notes, 'bakery'));
    expect(text).toContain(`${needs.mobility} — ${needs.medicalConditions.slice(0, 20)}`);
    expect(run('qpdf', ['--check', file]).status).toBe(0);

    const prefix = join(ARTIFACTS, 'packet-longest-notes');
    expect(run('pdftoppm', ['-png', '-r', '60', file, prefix]).status).toBe(0);
    expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith('packet-longest-notes') && f.endsWith('.png')).length).toBeGreaterThanOrEqual(4);
  });
});
