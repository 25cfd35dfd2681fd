import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { InformationRequestExport } from '../../../shared/schema/data-safety';
import { informationRequestJson } from '../../../shared/schema/information-request';
import type { IntakeDocumentInput } from '../../../shared/schema/intake';
import type { AuditPageView } from '../../../shared/schema/audit';
import { familyIntake } from '../../fixtures/intakes';
import { pdfWith } from '../attachments/fixtures';
import { caseIn, recordStage } from '../case/support';
import { makeCore, SUPERVISOR_LOGIN, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

const out = mkdtempSync(join(tmpdir(), 'avrr-privacy-'));
const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');
const pdfText = (file: string) => flat(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
const pdfsig = (file: string) => execFileSync('pdfsig', [file], { encoding: 'utf8' });

/** One family, every person's values distinct from the others' (names, birth dates, client IDs, claim dates, needs). */
const people = [
  {
    relationship: 'principal' as const,
    nameAsWritten: 'Zeynep Kaya-Örnek',
    nameLatin: 'Zeynep Kaya-Ornek',
    dateOfBirth: '1979-03-14',
    nationality: 'TUR',
    uci: '11223344',
    claimDate: '2023-05-17',
    decisionDate: '2024-08-09',
    mobility: 'Uses a cane for the left knee',
    medical: 'Asthma, inhaler twice daily',
  },
  {
    relationship: 'spouse' as const,
    nameAsWritten: 'Emre Kaya',
    nameLatin: 'Emre Kaya',
    dateOfBirth: '1977-12-02',
    nationality: 'TUR',
    uci: '5566778899',
    claimDate: '2023-06-21',
    decisionDate: '2024-09-30',
    mobility: 'Wheelchair over long distances',
    medical: 'Type 2 diabetes, insulin',
  },
  {
    relationship: 'child' as const,
    nameAsWritten: 'Deniz Kaya',
    nameLatin: 'Deniz Kaya',
    dateOfBirth: '2015-07-25',
    nationality: 'TUR',
    uci: '99001122',
    claimDate: '2023-06-22',
    decisionDate: '2024-10-11',
    mobility: 'Needs a booster seat',
    medical: 'Peanut allergy, carries epinephrine',
  },
];
type Fixture = (typeof people)[number];

function kayaIntake(): IntakeDocumentInput {
  const intake = familyIntake(people.map(({ relationship, nameAsWritten, nameLatin, dateOfBirth, nationality }) => ({ relationship, nameAsWritten, nameLatin, dateOfBirth, nationality })));
  return {
    ...intake,
    // Free text an officer wrote naming the spouse: withheld when the request does not cover him.
    reintegration: { ...intake.reintegration, notes: 'Emre Kaya wants to reopen the family bakery in Izmir.' },
    persons: intake.persons.map((p, i) => {
      const f = people[i]!;
      return {
        ...p,
        uci: f.uci,
        facts: { ...p.facts, claim: { ...p.facts.claim, claimDate: f.claimDate, decisionDate: f.decisionDate } },
        specialNeeds: { medicalEscort: false, nonMedicalEscort: i === 1, mobility: f.mobility, medicalConditions: f.medical, shareMedicalWithIom: false },
      };
    }),
  };
}

/** Every value of the fixture that is this person's alone. */
function valuesOf(f: Fixture, id: string): string[] {
  return [id, f.nameAsWritten, f.nameLatin, f.dateOfBirth, f.uci, f.claimDate, f.decisionDate, f.mobility, f.medical, `ETD${id.slice(0, 6)}`];
}

describe('a person’s information request (privacy.export)', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  let c: CaseDetail;
  let ids: string[];
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
    // Decided, consented, referred, travel documents issued for each person; one stage corrected.
    c = await caseIn(t, 'ready_to_book', kayaIntake());
    c = await recordStage(t, c, { action: 'bookFlight', flightDate: '2026-12-05', departureAirport: 'YYZ', itineraryReference: 'TK-018' });
    c = await t.ok<CaseDetail>('stage.correct', { caseId: c.id, baseVersion: c.version, entryId: c.stages.at(-1)!.id, reason: 'Booked on the wrong date; IOM will send the new one.' });
    ids = c.intake.persons.map((p) => p.id);
    // A follow-up visit booked, then cancelled with a reason naming the spouse.
    const [booked] = await t.ok<{ id: string }[]>('appointment.book', { caseId: c.id, date: '2026-11-24', time: '10:00', kind: 'follow_up' });
    await t.ok('appointment.cancel', { appointmentId: booked!.id, reason: 'Emre Kaya called: the family is at the hospital.' });
  }, 60_000);
  afterAll(() => t.dispose());

  async function exportFor(personIds: string[], name: string, lang: 'en' | 'fr' = 'en') {
    const r = await t.ok<InformationRequestExport>('privacy.export', { caseId: c.id, personIds, lang });
    const file = join(out, `${name}.pdf`);
    writeFileSync(file, Buffer.from(r.pdfBase64, 'base64'));
    writeFileSync(join(out, `${name}.json`), r.json);
    return { r, file, json: r.json, text: pdfText(file) };
  }

  it('holds every fact of the person asking, in the JSON and the PDF, and nothing of the others', async () => {
    const [principal, spouse, child] = people;
    const { r, file, json, text } = await exportFor([ids[0]!], 'principal');
    expect(r.baseName).toBe(`information-request-${c.caseNumber}-2026-11-21`);
    // Valid against its schema, keys in the schema's order, times ISO.
    const parsed = informationRequestJson.parse(JSON.parse(json));
    expect(JSON.stringify(parsed, null, 2) + '\n').toBe(json);
    expect(parsed.persons.map((p) => p.id)).toEqual([ids[0]]);
    for (const v of valuesOf(principal!, ids[0]!)) {
      expect(json).toContain(v);
      expect(text).toContain(flat(v));
    }
    for (const [f, id] of [[spouse!, ids[1]!], [child!, ids[2]!]] as const) {
      for (const v of valuesOf(f, id)) {
        expect(json).not.toContain(v);
        expect(text).not.toContain(flat(v));
      }
    }
    // The family's own facts are there; the spouse's name in the officer's note is withheld.
    expect(json).toContain('wants to reopen the family bakery in Izmir.');
    expect(json).toContain('[withheld] wants to reopen');
    expect(text).toContain('[withheld] wants to reopen');
    // Decisions with reasons, documents with hashes, consents, stages with the correction, the access log.
    expect(parsed.decisions).toHaveLength(1);
    expect(parsed.decisions[0]!.persons.map((p) => p.personId)).toEqual([ids[0]]);
    expect(parsed.decisions[0]!.persons[0]!.reasons[0]!.code).toBe('E0');
    expect(text).toContain(parsed.decisions[0]!.persons[0]!.reasons[0]!.text.fr.slice(0, 40));
    expect(parsed.documents.map((d) => d.type)).toEqual(['consent_form', 'referral_packet']);
    for (const d of parsed.documents) expect(text.replace(/ /g, '')).toContain(d.sha256);
    expect(parsed.consents[0]!.signers.map((s) => s.personId)).toEqual([ids[0]]);
    expect(parsed.stages.map((s) => s.action)).toEqual(['acknowledge', 'counsel', 'recordTravelDocument', 'bookFlight', 'correctStage']);
    expect(parsed.stages[3]!.correctedBySeq).toBe(5);
    expect(text).toContain('Booked on the wrong date');
    expect(parsed.appointments).toMatchObject([{ localDate: '2026-11-24', localTime: '10:00', kind: 'follow_up', status: 'cancelled', reason: '[withheld] called: the family is at the hospital.' }]);
    expect(text).toContain('Follow-up visit');
    expect(parsed.accessLog.map((a) => a.action)).toEqual(expect.arrayContaining(['case.create', 'case.decide', 'referral.create', 'stage.correct']));
    expect(parsed.accessLog.every((a) => a.workstation === 'test-ws')).toBe(true);
    // Who: display name and sign-in name, as the trail has them.
    expect(text).toContain('Sam Supervisor (sup.ervisor)');
    // Signed with the office certificate, and it says so.
    expect(parsed.pdfSigned).toBe(true);
    expect(pdfsig(file)).toContain('Signature is Valid.');
    expect(text).toContain('Signed digitally with the office certificate');
  });

  it('covers every person the request names, and only them', async () => {
    const { json, text } = await exportFor([ids[0]!, ids[2]!], 'principal-and-child', 'fr');
    for (const [f, id] of [[people[0]!, ids[0]!], [people[2]!, ids[2]!]] as const) {
      for (const v of valuesOf(f, id)) {
        expect(json).toContain(v);
        expect(text).toContain(flat(v));
      }
    }
    for (const v of valuesOf(people[1]!, ids[1]!)) {
      expect(json).not.toContain(v);
      expect(text).not.toContain(flat(v));
    }
    // French first, then English.
    expect(text).toContain('Demande de renseignements personnels / Personal information request');
    expect(json).toContain('[caviardé]');
    const all = await exportFor(ids, 'family');
    for (const [i, f] of people.entries()) for (const v of valuesOf(f, ids[i]!)) expect(all.text).toContain(flat(v));
    expect(all.json).toContain('"Emre Kaya wants to reopen');
  });

  it('is audited with the case and the number of persons, never a name', async () => {
    await exportFor([ids[1]!], 'spouse');
    const trail = await t.ok<AuditPageView>('audit.list', { caseId: c.id, limit: 200 });
    const mine = trail.rows.filter((row) => row.action === 'privacy.export');
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine[0]).toMatchObject({ caseId: c.id, outcome: 'ok', username: SUPERVISOR_LOGIN.username, workstation: 'test-ws' });
    expect(mine.map((row) => row.detail)).toEqual(expect.arrayContaining(['persons=1', 'persons=2', 'persons=3']));
  });

  it('refuses a person who is not in the case, and anyone but a supervisor', async () => {
    const other = await caseIn(t, 'decided', kayaIntake());
    const exportsOk = async () => (await t.ok<AuditPageView>('audit.list', { caseId: c.id, limit: 500 })).rows.filter((row) => row.action === 'privacy.export' && row.outcome === 'ok').length;
    const before = await exportsOk();
    const r = await t.call('privacy.export', { caseId: c.id, personIds: [ids[0]!, other.intake.persons[0]!.id], lang: 'en' });
    expect(r.ok ? 'ok' : r.error.messageKey).toBe('privacyRequest.errors.personNotInCase');
    // Nothing handed out, so no disclosure recorded against the case.
    expect(await exportsOk()).toBe(before);
    await t.ok('auth.signIn', accounts.interview_officer);
    const denied = await t.call('privacy.export', { caseId: c.id, personIds: [ids[0]!], lang: 'en' });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
  });

  it('a review and a reopening: only the covered person\u2019s lines, reasons naming others withheld, the family-wide reason naming only them', async () => {
    // The principal's claim was found manifestly unfounded: the family's outcomes differ, a supervisor reviews.
    const intake = kayaIntake();
    const [first, ...rest] = intake.persons;
    let k = await t.ok<CaseDetail>('case.create', { intake: { ...intake, persons: [{ ...first!, facts: { ...first!.facts, claim: { ...first!.facts.claim, manifestlyUnfounded: true } } }, ...rest] } });
    k = await t.ok<CaseDetail>('case.decide', { caseId: k.id, baseVersion: k.version });
    expect(k.status).toBe('under_review');
    const [pa, pb, pc] = k.intake.persons.map((x) => x.id);
    k = await t.ok<CaseDetail>('case.review', {
      caseId: k.id, baseVersion: k.version, confirmExclusionOverride: true,
      persons: [{ personId: pa!, outcome: 'ineligible' }, { personId: pb!, outcome: 'eligible' }, { personId: pc!, outcome: 'eligible' }],
      reason: 'Read the claim file of Zeynep Kaya-Örnek (UCI 11223344) in full; the family cannot leave apart.',
    });
    k = await t.ok<CaseDetail>('case.reopen', { caseId: k.id, baseVersion: k.version, reason: 'Emre Kaya brought a new letter from the Federal Court.' });
    const r = await t.ok<InformationRequestExport>('privacy.export', { caseId: k.id, personIds: [pc!], lang: 'en' });
    const file = join(out, 'reviewed-child.pdf');
    writeFileSync(file, Buffer.from(r.pdfBase64, 'base64'));
    const text = pdfText(file);
    const data = informationRequestJson.parse(JSON.parse(r.json));
    const [d] = data.decisions;
    expect(d!.caseReasons.map((x) => x.code)).toEqual(['R2']);
    expect(d!.caseReasons[0]!.text.en).toContain(pc!);
    expect(d!.review!.persons.map((x) => x.personId)).toEqual([pc]);
    expect(d!.review!.reason).toBe('Read the claim file of [withheld] (UCI [withheld]) in full; the family cannot leave apart.');
    expect(d!.reopen!.reason).toBe('[withheld] brought a new letter from the Federal Court.');
    expect(text).toContain('[withheld] brought a new letter');
    for (const v of [pa!, pb!, 'Zeynep', 'Emre Kaya', '11223344', '5566778899', '1979-03-14', '1977-12-02']) {
      expect(r.json).not.toContain(v);
      expect(text).not.toContain(v);
    }
  });

  it('wraps long text and runs over many pages: a long note whole, every access listed, a file name no font draws kept in the JSON', async () => {
    let k = await caseIn(t, 'referred', kayaIntake());
    k = await recordStage(t, k, { action: 'acknowledge', iomReference: 'IOM-CA-2026-0077' });
    const sentence = 'The person explained at length how the family plans to settle near relatives, which school the children will attend, and what work is available. ';
    const note = `${sentence.repeat(13)}END-OF-NOTE-7731`.slice(-2000);
    k = await recordStage(t, k, { action: 'iomDecline', reason: note });
    await t.ok('attachment.add', { caseId: k.id, kind: 'other', fileName: 'letter ፓ.pdf', contentBase64: pdfWith('letter').toString('base64') });
    for (let i = 0; i < 120; i++) await t.ok('case.get', { caseId: k.id });
    const r = await t.ok<InformationRequestExport>('privacy.export', { caseId: k.id, personIds: [k.intake.persons[0]!.id], lang: 'en' });
    const file = join(out, 'long.pdf');
    writeFileSync(file, Buffer.from(r.pdfBase64, 'base64'));
    const data = informationRequestJson.parse(JSON.parse(r.json));
    expect(data.accessLog.filter((a) => a.action === 'case.get')).toHaveLength(120);
    expect(data.attachments[0]!.fileName).toBe('letter ፓ.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    const text = pdfText(file);
    expect(text).toContain(flat(note.slice(-300)));
    expect(text).toContain('letter U+1353.pdf');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(pdfsig(file)).toContain('Signature is Valid.');
  }, 60_000);

  it('without an office certificate: made unsigned, and the PDF says so', async () => {
    const bare = makeCore();
    try {
      await withAccounts(bare);
      const k = await caseIn(bare, 'decided', kayaIntake());
      const r = await bare.ok<InformationRequestExport>('privacy.export', { caseId: k.id, personIds: [k.intake.persons[0]!.id], lang: 'en' });
      const file = join(out, 'unsigned.pdf');
      writeFileSync(file, Buffer.from(r.pdfBase64, 'base64'));
      expect(informationRequestJson.parse(JSON.parse(r.json)).pdfSigned).toBe(false);
      expect(pdfText(file)).toContain('Not signed: no office certificate is set up');
    } finally {
      bare.dispose();
    }
  }, 60_000);
});
