import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import type { Role } from '../../../shared/roles';
import { historyAuditActions, historyPhrases, historyWords } from '../../../shared/schema/history';
import type { HistoryLine } from '../../../shared/schema/history';
import { stageActions } from '../../../shared/case/lifecycle';
import type { AuditPageView } from '../../../shared/schema/audit';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { caseIn, recordStage, stageOf } from '../case/support';
import { pdfWith } from '../attachments/fixtures';

/** A case's history as an officer reads it: intake, decision, consent, referral, two stages, a correction, a scan. */
describe('case history', () => {
  let t: TestCore;
  let accounts: Record<Role, { username: string; password: string }>;
  let c: CaseDetail;
  let lines: HistoryLine[] = [];
  const translator = async (lng: 'en' | 'fr') => {
    const i = i18next.createInstance();
    await i.init({ lng, resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false }, showSupportNotice: false });
    return (key: string, params?: Record<string, string>) => i.t(key, params ?? {});
  };
  const read = async (lng: 'en' | 'fr') => {
    const tr = await translator(lng);
    return lines.map((l) => {
      const w = historyWords(l, tr);
      return `${l.localAt.replace('T', ' ')} | ${w.who} | ${w.what}`;
    });
  };

  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
    // The supervisor takes the case through intake, decision, consent and referral at 09:00 Toronto time...
    c = await caseIn(t, 'referred');
    // ...an interview officer records two stages, a scan and a correction, a minute apart.
    await t.ok('auth.signIn', accounts.interview_officer);
    t.clock.advanceMinutes(1);
    c = await recordStage(t, c, stageOf(c, 'acknowledge'));
    t.clock.advanceMinutes(1);
    c = await recordStage(t, c, stageOf(c, 'counsel'));
    t.clock.advanceMinutes(1);
    await t.ok('attachment.add', { caseId: c.id, kind: 'signed_consent', fileName: 'consent.pdf', contentBase64: pdfWith('signed').toString('base64') });
    t.clock.advanceMinutes(1);
    c = await t.ok<CaseDetail>('stage.correct', { caseId: c.id, baseVersion: c.version, entryId: c.stages.at(-1)!.id, reason: 'Counselling is next week.' });
    // A clerk opens the case (its overview) and the front counter reads it: reads are not steps of the history.
    await t.ok('auth.signIn', accounts.clerk);
    await t.ok('case.overview', { caseId: c.id });
    await t.ok('auth.signIn', accounts.front_counter);
    await t.ok('case.get', { caseId: c.id });
    t.clock.advanceMinutes(1);
    lines = await t.ok<HistoryLine[]>('case.history', { caseId: c.id });
  });
  afterAll(() => t.dispose());

  it('reads in English: when (office time), who (name and role), what', async () => {
    const hash = lines.find((l) => l.action === 'attachment.add')?.sha256?.slice(0, 16);
    expect(await read('en')).toEqual([
      '2026-11-21 09:00 | Sam Supervisor (Supervisor) | Intake started',
      '2026-11-21 09:00 | Sam Supervisor (Supervisor) | Eligibility decided',
      '2026-11-21 09:00 | Sam Supervisor (Supervisor) | Consent form generated',
      '2026-11-21 09:00 | Sam Supervisor (Supervisor) | Consent recorded',
      '2026-11-21 09:00 | Sam Supervisor (Supervisor) | Referred to IOM (signed packet generated)',
      '2026-11-21 09:01 | Test interview_officer (Interview officer) | IOM acknowledged the referral — on 2026-11-21 · IOM e-mail',
      '2026-11-21 09:02 | Test interview_officer (Interview officer) | IOM counselled the person — on 2026-11-21 · IOM e-mail',
      `2026-11-21 09:03 | Test interview_officer (Interview officer) | Scan attached — Signed consent form · SHA-256 ${hash}…`,
      '2026-11-21 09:04 | Test interview_officer (Interview officer) | Correction — undoes “IOM counselled the person” · reason: Counselling is next week.',
    ]);
  });

  it('reads in French, with the same facts', async () => {
    const fr = await read('fr');
    expect(fr[0]).toBe('2026-11-21 09:00 | Sam Supervisor (Superviseur) | Demande commencée');
    expect(fr[1]).toBe('2026-11-21 09:00 | Sam Supervisor (Superviseur) | Admissibilité décidée');
    expect(fr[5]).toBe('2026-11-21 09:01 | Test interview_officer (Agent d’entrevue) | L’OIM a accusé réception de l’aiguillage — le 2026-11-21 · Courriel de l’OIM');
    expect(fr[8]).toBe('2026-11-21 09:04 | Test interview_officer (Agent d’entrevue) | Correction — annule «\u00a0L’OIM a conseillé la personne\u00a0» · motif\u00a0: Counselling is next week.');
    expect(fr.length).toBe(9);
  });

  it('is itself an audited read of the case, and carries no user ids', async () => {
    await t.ok('auth.signIn', accounts.supervisor);
    const page = await t.ok<AuditPageView>('audit.list', { action: 'case.history', caseId: c.id });
    expect(page.rows.map((r) => `${r.action} ${r.role} ${r.outcome}`)).toEqual(['case.history front_counter ok']);
    expect(JSON.stringify(lines)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('has words for every action and detail it can show, in both languages', async () => {
    const tr = { en: await translator('en'), fr: await translator('fr') };
    const probe: HistoryLine[] = [
      ...historyAuditActions.map((action) => ({ at: '', localAt: '', who: null, action })),
      ...[...stageActions, 'correctStage' as const].map((s) => ({ at: '', localAt: '', who: null, action: `stage.${s}` as const, source: 'iom_file' as const, outcome: 'issued', corrects: 'counsel' as const })),
      ...(['signed_consent', 'departure_confirmation', 'travel_document', 'other'] as const).map((k) => ({ at: '', localAt: '', who: null, action: 'attachment.add' as const, attachmentKind: k, sha256: 'ab'.repeat(32) })),
    ];
    for (const lng of ['en', 'fr'] as const) {
      for (const l of probe) {
        for (const p of historyPhrases(l)) expect(tr[lng](p.key, p.params), `${lng} ${p.key}`).not.toBe(p.key);
      }
    }
  });

  it('refuses a case that does not exist, and is open to every role that reads a case\'s facts, not to a clerk', async () => {
    const none = await t.call('case.history', { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(none.ok ? 'ok' : none.error.code).toBe('not_found');
    await t.ok('auth.signIn', accounts.interview_officer);
    expect((await t.ok<HistoryLine[]>('case.history', { caseId: c.id })).length).toBe(lines.length);
    // Its reasons (a correction, a withdrawal, a review) can carry the facts a clerk does not see.
    await t.ok('auth.signIn', accounts.clerk);
    const clerk = await t.call('case.history', { caseId: c.id });
    expect(clerk.ok ? 'ok' : clerk.error.code).toBe('forbidden');
  });
});
