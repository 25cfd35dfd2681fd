import { inForce } from '../../../shared/case/stages';
import { ledTo } from '../../../shared/case/guard';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { ApplyImportInput, ConflictKind, ImportApplied, ImportClass, ImportCounts, ImportPreview, ImportReason, ImportRow, PreviewImportInput } from '../../../shared/schema/iom-import';
import type { StageDetails, StageEntry } from '../../../shared/schema/stages';
import { readCaseDetail } from '../cases/detail';
import type { SignedInContext } from '../context';
import { reasonOf } from '../stages/rows';
import { checkRow } from './checks';
import { decodeFile, readFile } from './file';
import type { FileRow, FileStage } from './file';
import { packetsByNumber } from './packets';
import { readCaseStates } from './state';
import type { CaseState } from './state';
import { commitCase, stageEntryWriter } from './writer';

/**
 * The IOM status file import. Every row is classified in file order against the case as the
 * rows before it left it (a row applied is seen by the next row of the same case): `new`,
 * `known` (the same stage with the same facts and date is in force: a second import changes
 * nothing), `conflicting` (with the kind) or `invalid`. The checks are stage.record's own
 * (stages/check.ts `checkStage`, in the import's terms by checks.ts), run on the cases' state
 * read once for the whole file. The preview writes nothing; the apply re-reads and re-classifies
 * inside ONE transaction and writes only the rows the officer confirmed that are still `new`,
 * with one audit line each.
 */

type Classified = ImportRow & { applied: boolean };

function fileRows(contentBase64: string): FileRow[] {
  const decoded = decodeFile(contentBase64);
  const file = decoded.ok ? readFile(decoded.bytes) : decoded;
  if (!file.ok) throw new IpcFailure(ipcError('rejected', { messageKey: file.reason.key, ...(file.reason.params ? { params: file.reason.params } : {}) }));
  return file.rows;
}

export function previewImport(ctx: SignedInContext, input: PreviewImportInput): ImportPreview {
  const rows = fileRows(input.contentBase64);
  // Reads only, in one read transaction: a consistent view of every case the file names.
  const { sqlite } = ctx.db();
  const out = sqlite.transaction(() => classify(ctx, rows, () => true).rows).deferred();
  const shown = out.map(({ applied: _applied, ...r }) => r);
  return { fileName: input.fileName, rows: shown, counts: countsOf(shown) };
}

export function applyImport(ctx: SignedInContext, input: ApplyImportInput): ImportApplied {
  const rows = fileRows(input.contentBase64);
  const confirmed = new Set(input.rowNumbers);
  return ctx.tx(null, () => {
    const { rows: out, cases } = classify(ctx, rows, (row) => confirmed.has(row));
    const write = stageEntryWriter(ctx);
    for (const c of cases.values()) {
      if (c.added.length === 0) continue;
      for (const e of c.added) write(c.id, e);
      commitCase(ctx, c.id, c.version, c.status, c.added);
    }
    for (const r of out) if (r.applied && r.caseId) ctx.auditEach('iom.importRow', r.caseId);
    const applied = out.filter((r) => r.applied).length;
    return { rows: out, applied, notApplied: out.filter((r) => confirmed.has(r.row) && !r.applied).length };
  });
}

export function countsOf(rows: readonly ImportRow[]): ImportCounts {
  const counts: ImportCounts = { new: 0, known: 0, conflicting: 0, invalid: 0 };
  for (const r of rows) counts[r.class]++;
  return counts;
}

/** A case as the rows before have left it: `added` holds the entries of the rows applied. */
type Working = CaseState & { added: StageEntry[]; detail?: CaseDetail };

/** Classify every row in file order; the `new` rows `confirm` names are added to their case's state (not written). */
function classify(ctx: SignedInContext, rows: readonly FileRow[], confirm: (row: number) => boolean): { rows: Classified[]; cases: Map<string, Working> } {
  const { db } = ctx.db();
  const tz = ctx.clock.timeZone;
  const today = ctx.clock.today();
  const at = ctx.now().toISOString();
  const packets = packetsByNumber(
    db,
    rows.filter((r) => r.parsed).map((r) => r.packetNumber),
  );
  const cases = new Map<string, Working>();
  for (const s of readCaseStates(db, [...packets.values()].map((p) => p.caseId), tz).values()) cases.set(s.id, { ...s, added: [] });
  const out: Classified[] = [];
  for (const r of rows) {
    const as = (c: Working | null, cls: ImportClass, conflict: ConflictKind | null, reason: ImportReason | null): Classified => ({
      row: r.row,
      packetNumber: r.packetNumber,
      caseId: c?.id ?? null,
      caseNumber: c?.caseNumber ?? null,
      stage: r.stage,
      date: r.date,
      class: cls,
      conflict,
      reason,
      applied: false,
    });
    if (!r.parsed) {
      out.push(as(null, 'invalid', null, r.invalid));
      continue;
    }
    if (r.date > today) {
      out.push(as(null, 'invalid', null, { key: 'iomImport.invalid.date_in_future' }));
      continue;
    }
    const packet = packets.get(r.packetNumber);
    const c = packet ? cases.get(packet.caseId) : undefined;
    if (!packet || !c) {
      out.push(as(null, 'conflicting', 'unknown_packet', { key: 'iomImport.conflict.unknown_packet' }));
      continue;
    }
    if (ledTo('withdraw', c.status)) {
      out.push(as(c, 'conflicting', 'case_withdrawn', { key: 'iomImport.conflict.case_withdrawn' }));
      continue;
    }
    if (packet.superseded) {
      out.push(as(c, 'conflicting', 'packet_superseded', { key: 'iomImport.conflict.packet_superseded' }));
      continue;
    }
    const full = () => (c.detail ??= readCaseDetail(db, c.id, tz));
    const stage = resolve(r.parsed, full);
    if ('key' in stage) {
      out.push(as(c, 'invalid', null, stage));
      continue;
    }
    const reference = acknowledgedReference(c.stages);
    if (r.iomReference !== '' && reference !== null && reference !== r.iomReference) {
      out.push(as(c, 'conflicting', 'reference_mismatch', { key: 'iomImport.conflict.reference_mismatch', params: { reference } }));
      continue;
    }
    if (isKnown(c.stages, stage, r.date)) {
      out.push(as(c, 'known', null, null));
      continue;
    }
    const checked = checkRow({ status: c.status, stages: c.stages, referredOn: c.referredOn, rest: full }, stage, r.date, ctx.session.role, today);
    if (!checked.ok) {
      out.push(as(c, checked.class, checked.conflict, checked.reason));
      continue;
    }
    if (!confirm(r.row)) {
      out.push(as(c, 'new', null, null));
      continue;
    }
    // Applied (in the preview: as if): the next row of this case sees it.
    const fields = {
      id: crypto.randomUUID(),
      seq: (c.stages.at(-1)?.seq ?? 0) + 1,
      occurredOn: r.date,
      source: 'iom_file' as const,
      stage,
      statusBefore: c.status,
      statusAfter: checked.next,
      correctsId: null,
      correctedBy: null,
      reason: reasonOf(stage),
      recordedAt: at,
      recordedBy: ctx.session.userId,
      recordedByName: ctx.session.displayName,
    };
    // Not a fresh literal: type-checks whether or not StageEntry carries recordedByName yet.
    const entry: StageEntry = fields;
    c.stages = [...c.stages, entry];
    c.added.push(entry);
    c.status = checked.next;
    out.push({ ...as(c, 'new', null, null), applied: true });
  }
  return { rows: out, cases };
}

/** The file's stage with persons named by their id in the case (the packet lists them in this order). */
function resolve(s: FileStage, full: () => CaseDetail): StageDetails | ImportReason {
  const ids = () => full().intake.persons.map((p) => p.id);
  const missing = (n: number): ImportReason => ({ key: 'iomImport.invalid.person', params: { person: n } });
  if (s.action === 'recordTravelDocument' && s.outcome === 'issued') {
    const persons = ids();
    const bad = s.documents.find((d) => persons[d.person - 1] === undefined);
    if (bad) return missing(bad.person);
    return { ...s, documents: s.documents.map((d) => ({ personId: persons[d.person - 1]!, type: d.type, number: d.number, expiryDate: d.expiryDate })) };
  }
  if (s.action === 'recordAssistance') {
    const persons = ids();
    const bad = s.entries.find((d) => persons[d.person - 1] === undefined);
    if (bad) return missing(bad.person);
    return { action: 'recordAssistance', entries: s.entries.map((e) => ({ personId: persons[e.person - 1]!, category: e.category, committedCad: e.committedCad, deliveredCad: e.deliveredCad })) };
  }
  // Only the two stages above name persons.
  if (s.action === 'recordTravelDocument') return { action: s.action, outcome: s.outcome, documents: [], reason: s.reason };
  return s;
}

/** The same stage, with the same facts and date, is already in force on the case. */
function isKnown(stages: readonly StageEntry[], stage: StageDetails, date: string): boolean {
  let wanted: string | null = null;
  for (const e of inForce(stages)) {
    if (e.occurredOn !== date || e.stage.action !== stage.action) continue;
    wanted ??= canonical(stage);
    if (canonical(e.stage) === wanted) return true;
  }
  return false;
}

/** IOM's reference for the case, from the acknowledgement in force. */
function acknowledgedReference(stages: readonly StageEntry[]): string | null {
  for (const e of inForce(stages)) if (e.stage.action === 'acknowledge') return e.stage.iomReference;
  return null;
}

/** JSON with object keys sorted, to compare two stages' facts. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}
