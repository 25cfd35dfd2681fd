import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../../shared/ipc/contract';
import { can, roles } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { caseIn } from '../case/support';
import { intakeWith, makeCore, withAccounts } from './helpers';
import type { TestCore } from './helpers';

// Every channel x every role against the one permission matrix in shared/roles.ts. The input is
// deliberately invalid: the permission check comes first, so a denied role gets `forbidden`
// and an allowed role gets as far as validation (`invalid_input`), never to a handler.
describe('permission matrix', () => {
  let t: TestCore;
  let accounts: Record<Role, { username: string; password: string }>;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
  });
  afterAll(() => t.dispose());

  for (const role of roles) {
    it(`${role}: each channel is allowed or denied exactly as the matrix says`, async () => {
      await t.ok('auth.signIn', accounts[role]);
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const channel of channelNames) {
        const access = contract[channel].access;
        if (access === 'public' || access === 'signed_in') continue;
        const r = await t.call(channel, { definitely: 'not valid input' });
        seen[channel] = r.ok ? 'ok' : r.error.code === 'forbidden' ? 'denied' : 'allowed';
        expected[channel] = can(role, access) ? 'allowed' : 'denied';
      }
      expect(seen).toEqual(expected);
    });
  }

  it('a clerk cannot create or decide cases but can read them', async () => {
    await t.ok('auth.signIn', accounts.clerk);
    const create = await t.call('case.create', { intake: intakeWith({ nameAsWritten: 'A', nameLatin: 'A', dateOfBirth: '1990-01-01', nationality: 'MEX' }) });
    expect(create.ok ? 'ok' : create.error.code).toBe('forbidden');
    const list = await t.call('case.list', {});
    expect(list.ok).toBe(true);
  });

  it('an unlisted channel is refused for every role', async () => {
    for (const role of roles) {
      await t.ok('auth.signIn', accounts[role]);
      for (const name of ['case.delete', 'admin.exec', '__proto__', 'constructor', 'toString', '']) {
        const r = await t.call(name, {});
        expect(r.ok ? 'ok' : r.error.code).toBe('unknown_channel');
      }
    }
  });

  it('without a session only the public channels answer', async () => {
    await t.ok('auth.signOut', {});
    for (const channel of channelNames) {
      const access = contract[channel].access;
      if (access === 'public') continue;
      const r = await t.call(channel, {});
      expect(r.ok ? 'ok' : r.error.code, channel).toBe('not_signed_in');
    }
  });
});

/** Every key anywhere in a value (nested objects and arrays), to check what a reply carries. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

// Field level, for the clerk: a case is names, numbers, documents and status; the documents they
// may open are those waiting in their print queue. Issue 12, point 5.
describe('what a clerk reads of a case', () => {
  const NOTE = 'Type 2 diabetes, insulin twice a day';
  let t: TestCore;
  let accounts: Record<Role, { username: string; password: string }>;
  let referred: CaseDetail;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
    const intake = familyIntake(syrianFamily);
    const [principal, ...rest] = intake.persons;
    referred = await caseIn(t, 'referred', { ...intake, persons: [{ ...principal!, specialNeeds: { ...principal!.specialNeeds!, medicalConditions: NOTE, shareMedicalWithIom: false } }, ...rest] });
  });
  afterAll(() => t.dispose());

  it('the case read carries names, numbers and status, and no criminal, inadmissibility or medical field', async () => {
    await t.ok('auth.signIn', accounts.clerk);
    const overview = await t.ok<Record<string, unknown>>('case.overview', { caseId: referred.id });
    expect(overview).toEqual({
      id: referred.id,
      caseNumber: referred.caseNumber,
      status: 'referred',
      packetNumber: `${referred.caseNumber}-RP-01`,
      persons: syrianFamily.map((p) => expect.objectContaining({ relationship: p.relationship, nameAsWritten: p.nameAsWritten, nameLatin: p.nameLatin })),
    });
    const keys = keysOf(overview);
    for (const k of ['intake', 'facts', 'claim', 'criminalRecord', 'inadmissibleSecurity', 'inadmissibleHumanRights', 'inadmissibleOrganizedCrime', 'specialNeeds', 'medicalConditions', 'decision', 'contact']) {
      expect(keys.has(k), k).toBe(false);
    }
    expect(JSON.stringify(overview)).not.toContain('diabetes');
  });

  it('the whole case and its history are refused to the clerk', async () => {
    await t.ok('auth.signIn', accounts.clerk);
    for (const channel of ['case.get', 'case.history']) {
      const r = await t.call(channel, { caseId: referred.id });
      expect(r.ok ? 'ok' : r.error.code, channel).toBe('forbidden');
    }
  });

  it('a clerk views a packet waiting in the print queue, and is refused any other document', async () => {
    await t.ok('auth.signIn', accounts.clerk);
    const docs = await t.ok<DocumentInfo[]>('document.list', { caseId: referred.id });
    const packet = docs.find((d) => d.type === 'referral_packet')!;
    const consentForm = docs.find((d) => d.type === 'consent_form')!;
    expect((await t.call('document.view', { documentId: packet.id })).ok).toBe(true);
    const form = await t.call('document.view', { documentId: consentForm.id });
    expect(form.ok ? 'ok' : form.error).toMatchObject({ code: 'forbidden', messageKey: 'errors.document_not_in_queue' });
    const printForm = await t.call('document.print', { documentId: consentForm.id });
    expect(printForm.ok ? 'ok' : printForm.error.code).toBe('forbidden');

    // Printed, the packet leaves the queue: the clerk still reprints it (a COPY), no longer views it.
    expect(await t.ok<{ copy: boolean }>('document.print', { documentId: packet.id })).toMatchObject({ copy: false });
    const again = await t.call('document.view', { documentId: packet.id });
    expect(again.ok ? 'ok' : again.error.code).toBe('forbidden');
    expect(await t.ok<{ copy: boolean }>('document.print', { documentId: packet.id })).toMatchObject({ copy: true });

    // The interview officer views any document of the case.
    await t.ok('auth.signIn', accounts.interview_officer);
    expect((await t.call('document.view', { documentId: consentForm.id })).ok).toBe(true);
    expect((await t.call('document.view', { documentId: packet.id })).ok).toBe(true);
  });
});
