/**
 * The office server under an office's load (issue 15): one server (a child process, so its memory
 * is its own), a few thousand demo cases, 20 enrolled workstations, each with its own certificate
 * and its own person signed in, running for 60 s a mix with think time between calls:
 * front counters search, open, autosave, create and save walk-ins; interview officers search,
 * open, autosave, save, decide, generate the consent form, record consent and refer (the
 * referral packet); clerks read the print queue and print.
 *
 * Targets: 0 errors; p95 under 50 ms for reads and saves, under 300 ms for document generation.
 * Reports each kind's count and p50/p95/p99, calls per second, and the server's resident memory
 * (VmRSS) at the start of the run, its peak and at the end.
 *
 *   npm run bench -- office
 *   BENCH_SECONDS=10 BENCH_WORKSTATIONS=20 BENCH_CASES=3000 BENCH_THINK_MS=250-1000 BENCH_KDF=min|default npm run bench -- office
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { generateDemoFamilies, insertDemoLifecycle } from '../../electron/core/demo';
import { openDemoDataFolder } from '../../electron/core/demo/data-folder';
import type { OfficeInvoker } from '../../electron/office/client';
import type { Role } from '../../shared/roles';
import type { CaseDetail, DraftSaved } from '../../shared/schema/case-api';
import type { CasePage } from '../../shared/schema/case';
import type { DocumentInfo } from '../../shared/schema/documents-api';
import { familyIntake, syrianFamily } from '../fixtures/intakes';
import { signersFor } from '../unit/case/support';
import { SUPERVISOR, intakeWith } from '../unit/core/helpers';
import { cpuSeconds, enrolWith, invokerFor, residentBytes, startOfficeServer } from '../unit/office/office-server-process';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 60);
const workstations = Number(process.env['BENCH_WORKSTATIONS'] ?? 20);
const demoCases = Number(process.env['BENCH_CASES'] ?? 3000);
const [thinkMin, thinkMax] = (process.env['BENCH_THINK_MS'] ?? '250-1000').split('-').map(Number) as [number, number];
const kdf = process.env['BENCH_KDF'] === 'default' ? 'default' : 'min';

const target = { readsAndSavesP95Ms: 50, documentsP95Ms: 300, errors: 0 } as const;

/** What each call counts as, for the targets. */
const kinds = {
  search: 'read',
  open: 'read',
  printQueue: 'read',
  autosave: 'save',
  create: 'save',
  save: 'save',
  decide: 'save',
  recordConsent: 'save',
  consentForm: 'document',
  referral: 'document',
  print: 'document',
} as const;
type Kind = keyof typeof kinds;

interface Desk {
  name: string;
  role: Exclude<Role, 'supervisor'>;
  invoke: OfficeInvoker;
}

const samples = new Map<Kind, number[]>();
const errors: { kind: Kind; code: string; messageKey: string }[] = [];
let running = true;

/** One timed call; a failure is counted and answers null. */
async function call<T>(desk: Desk, kind: Kind, channel: string, input: unknown): Promise<T | null> {
  const t0 = performance.now();
  const r = await desk.invoke(channel, input);
  const ms = performance.now() - t0;
  if (!r.ok) {
    errors.push({ kind, code: r.error.code, messageKey: r.error.messageKey });
    return null;
  }
  const list = samples.get(kind) ?? [];
  list.push(ms);
  samples.set(kind, list);
  return r.value as T;
}

const think = (): Promise<void> => new Promise((ok) => setTimeout(ok, thinkMin + Math.random() * (thinkMax - thinkMin)));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function must<T>(invoke: OfficeInvoker, channel: string, input: unknown): Promise<T> {
  const r = await invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Search by a name, open a case from what came back (or a known one). */
async function searchAndOpen(desk: Desk, names: readonly string[], ids: readonly string[]): Promise<void> {
  const page = await call<CasePage>(desk, 'search', 'case.list', { query: pick(names), limit: 50 });
  await think();
  const id = page?.items.length ? pick(page.items).id : pick(ids);
  await call(desk, 'open', 'case.get', { caseId: id });
  await think();
}

/** Autosaves while typing, as the intake screen does. */
async function autosave(desk: Desk, caseId: string | null, baseVersion: number | null, data: unknown, times: number): Promise<string> {
  const draftId = randomUUID();
  let revision = 0;
  for (let i = 0; i < times && running; i++) {
    const saved = await call<DraftSaved>(desk, 'autosave', 'draft.save', { draftId, caseId, baseVersion, revision, data });
    if (saved) revision = saved.revision;
    await think();
  }
  return draftId;
}

async function frontCounter(desk: Desk, names: readonly string[], ids: readonly string[]): Promise<void> {
  let mine: CaseDetail | null = null;
  for (let i = 0; running; i++) {
    await searchAndOpen(desk, names, ids);
    if (!mine || Math.random() < 0.5) {
      const name = `${pick(['Amal', 'Jorge', 'Nadia', 'Oleksandr', 'Grace', 'Tenzin'])} ${pick(['Haddad', 'Ramirez', 'Kovalenko', 'Mensah', 'Dorje', 'Silva'])}`;
      const intake = intakeWith({ nameAsWritten: name, nameLatin: name, dateOfBirth: '1988-06-14', nationality: pick(['MEX', 'COL', 'UKR', 'GHA', 'HTI']) });
      const draftId = await autosave(desk, null, null, intake, 3);
      mine = await call<CaseDetail>(desk, 'create', 'case.create', { draftId, intake });
    } else {
      const draftId = await autosave(desk, mine.id, mine.version, mine.intake, 2);
      mine = (await call<CaseDetail>(desk, 'save', 'case.saveIntake', { caseId: mine.id, baseVersion: mine.version, draftId, intake: mine.intake })) ?? mine;
    }
    await think();
  }
}

async function interviewOfficer(desk: Desk, names: readonly string[], ids: readonly string[]): Promise<void> {
  while (running) {
    await searchAndOpen(desk, names, ids);
    let c = await call<CaseDetail>(desk, 'create', 'case.create', { intake: familyIntake(syrianFamily) });
    if (!c) continue;
    await think();
    const draftId = await autosave(desk, c.id, c.version, c.intake, 2);
    c = await call<CaseDetail>(desk, 'save', 'case.saveIntake', { caseId: c.id, baseVersion: c.version, draftId, intake: c.intake });
    if (!c || !running) continue;
    await think();
    c = await call<CaseDetail>(desk, 'decide', 'case.decide', { caseId: c.id, baseVersion: c.version });
    if (!c || !running) continue;
    await think();
    const form = await call<DocumentInfo>(desk, 'consentForm', 'consent.generateForm', { caseId: c.id, baseVersion: c.version });
    if (!form || !running) continue;
    await think();
    c = await call<CaseDetail>(desk, 'recordConsent', 'consent.record', { caseId: c.id, baseVersion: c.version, documentId: form.id, signedOn: '2026-11-20', signers: signersFor(c) });
    if (!c || !running) continue;
    await think();
    await call(desk, 'referral', 'referral.create', { caseId: c.id, baseVersion: c.version });
    await think();
  }
}

async function clerk(desk: Desk): Promise<void> {
  while (running) {
    const queue = await call<DocumentInfo[]>(desk, 'printQueue', 'document.printQueue', {});
    await think();
    if (queue?.length && running) {
      await call(desk, 'print', 'document.print', { documentId: pick(queue.slice(0, 5)).id });
      await think();
    }
  }
}

function summary(ms: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN) * 10) / 10;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

const mib = (b: number | null): number | null => (b === null ? null : Math.round((b / 1048576) * 10) / 10);

/** A role for each desk: two front counters and two interview officers for each clerk. */
function roleOf(i: number): Desk['role'] {
  return (['front_counter', 'interview_officer', 'front_counter', 'interview_officer', 'clerk'] as const)[i % 5]!;
}

export default async function officeBench(): Promise<object> {
  const root = mkdtempSync(join(tmpdir(), 'avrr-bench-office-'));
  const dataDir = join(root, 'server');
  let server: Awaited<ReturnType<typeof startOfficeServer>> | null = null;
  const desks: Desk[] = [];
  try {
    // A realistic office: a few thousand cases across the whole lifecycle, written as the demo tool does.
    const t0 = performance.now();
    const folder = await openDemoDataFolder(dataDir, { username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, password: SUPERVISOR.password });
    try {
      const by = z.string().parse(folder.open.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(SUPERVISOR.username));
      insertDemoLifecycle(folder.open, generateDemoFamilies(demoCases, 7), new Date(), { by, seed: 7 });
    } finally {
      folder.open.close();
    }
    const seedMs = Math.round(performance.now() - t0);

    server = await startOfficeServer(dataDir, { kdf });
    const started = server;
    const supervisorWs = await enrolWith(started, root, 'supervisor-office');
    const sup = invokerFor(started, supervisorWs);
    await must(sup, 'auth.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
    await must(sup, 'certificate.generateSelfSigned', {});
    const names: string[] = [];
    const ids: string[] = [];
    for (let offset = 0; offset < 1000; offset += 100) {
      const page = await must<CasePage>(sup, 'case.list', { limit: 100, offset });
      for (const row of page.items) {
        ids.push(row.id);
        names.push(row.principalNameLatin.split(' ')[0] ?? row.principalNameLatin);
      }
    }
    for (let i = 0; i < workstations; i++) {
      const role = roleOf(i);
      const username = `desk${i}.${role.replace('_', '')}`;
      const created = await must<{ oneTimePassword: string }>(sup, 'user.create', { username, displayName: `Desk ${i} ${role}`, role, ...(role === 'interview_officer' ? { badgeNumber: `CBSA-${41000 + i}` } : {}) });
      const ws = await enrolWith(started, root, `desk-${i}`);
      const desk: Desk = { name: `desk-${i}`, role, invoke: invokerFor(started, ws) };
      await must(desk.invoke, 'auth.signIn', { username, password: created.oneTimePassword });
      await must(desk.invoke, 'auth.changePassword', { currentPassword: created.oneTimePassword, newPassword: `quiet harbour lanterns at evening ${i}` });
      desks.push(desk);
    }
    await must(sup, 'auth.signOut', {});
    sup.close();
    const setupMs = Math.round(performance.now() - t0 - seedMs);

    const pid = started.child.pid ?? 0;
    const rssAtStart = await residentBytes(pid);
    let rssPeak = rssAtStart ?? 0;
    const sampler = setInterval(() => {
      void residentBytes(pid).then((b) => (rssPeak = Math.max(rssPeak, b ?? 0)));
    }, 250);
    await started.loopDelay();
    const cpuAtStart = await cpuSeconds(pid);
    const runStart = performance.now();
    const stop = setTimeout(() => (running = false), seconds * 1000);
    await Promise.all(
      desks.map((desk) => (desk.role === 'front_counter' ? frontCounter(desk, names, ids) : desk.role === 'interview_officer' ? interviewOfficer(desk, names, ids) : clerk(desk))),
    );
    const runMs = performance.now() - runStart;
    clearTimeout(stop);
    clearInterval(sampler);
    const rssAtEnd = await residentBytes(pid);
    const cpuAtEnd = await cpuSeconds(pid);
    const loop = await started.loopDelay();
    rssPeak = Math.max(rssPeak, rssAtEnd ?? 0);

    const byKind = Object.fromEntries((Object.keys(kinds) as Kind[]).map((k) => [k, { class: kinds[k], ...summary(samples.get(k) ?? []) }]));
    const worst = (cls: 'read' | 'save' | 'document') => Math.max(...(Object.keys(kinds) as Kind[]).filter((k) => kinds[k] === cls && samples.get(k)?.length).map((k) => summary(samples.get(k)!).p95));
    const calls = [...samples.values()].reduce((n, s) => n + s.length, 0) + errors.length;
    return {
      setup: { demoCases, seedMs, setupMs, workstations, roles: desks.reduce<Record<string, number>>((m, d) => ({ ...m, [d.role]: (m[d.role] ?? 0) + 1 }), {}), thinkMs: [thinkMin, thinkMax], kdf },
      run: { seconds: Math.round(runMs / 100) / 10, calls, callsPerSecond: Math.round((calls / (runMs / 1000)) * 10) / 10 },
      byKind,
      errors: { count: errors.length, first: errors.slice(0, 5) },
      serverRssMiB: { atStart: mib(rssAtStart), peak: mib(rssPeak), atEnd: mib(rssAtEnd) },
      // CPU the server used per second of the run (1.0 = one core all the time), and how late its
      // event loop was: a call arriving waits at least that long for the server's one thread.
      serverCpuPerSecond: cpuAtStart === null || cpuAtEnd === null ? null : Math.round(((cpuAtEnd - cpuAtStart) / (runMs / 1000)) * 100) / 100,
      serverEventLoopDelayMs: loop,
      target,
      met: {
        errors: errors.length === 0,
        readsP95: worst('read') < target.readsAndSavesP95Ms,
        savesP95: worst('save') < target.readsAndSavesP95Ms,
        documentsP95: worst('document') < target.documentsP95Ms,
      },
    };
  } finally {
    running = false;
    for (const desk of desks) desk.invoke.close();
    if (server) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    rmSync(root, { recursive: true, force: true });
  }
}
