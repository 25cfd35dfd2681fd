import { inForce } from '../../../shared/case/stages';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { ApplyImportInput, ConflictKind, ImportApplied, ImportClass, ImportCounts, ImportPreview, ImportReason, ImportRow, PreviewImportInput } from '../../../shared/schema/iom-import';
import type { StageDetails } from '../../../shared/schema/stages';
import { readCaseDetail } from '../cases/detail';
import type { SignedInContext } from '../context';
import { applyStage } from '../stages/actions';
import { decodeFile, readFile } from './file';
import type { FileRow, FileStage } from './file';
import { packetsByNumber } from './packets';

/**
 * The IOM status file import. The preview classifies every row by running the real stage checks
 * (the lifecycle table and applyStage's history checks) in file order, each applied row seen by
 * the next, inside a transaction that is rolled back. The apply does the same inside ONE
 * transaction that commits, writing only the rows the officer confirmed that are still `new`,
 * with one audit line each. A row already in force is `known`: a second import changes nothing.
 */

type Classified = ImportRow & { applied: boolean };

/** Thrown inside a row's savepoint to undo a dry run (a row checked but not confirmed). */
class DryRun extends Error {}
/** Thrown at the end of the preview to roll its transaction back. */
class PreviewDone extends Error {}

function fileRows(contentBase64: string): FileRow[] {
  const decoded = decodeFile(contentBase64);
  const file = decoded.ok ? readFile(decoded.bytes) : decoded;
  if (!file.ok) throw new IpcFailure(ipcError('rejected', { messageKey: file.reason.key, ...(file.reason.params ? { params: file.reason.params } : {}) }));
  return file.rows;
}

export function previewImport(ctx: SignedInContext, input: PreviewImportInput): ImportPreview {
  const rows = fileRows(input.contentBase64);
  const { sqlite } = ctx.db();
  let out: Classified[] = [];
  try {
    sqlite
      .transaction(() => {
        out = classify(ctx, rows, () => true, () => undefined);
        throw new PreviewDone();
      })
      .immediate();
  } catch (e) {
    if (!(e instanceof PreviewDone)) throw e;
  }
  const shown = out.map(({ applied: _applied, ...r }) => r);
  return { fileName: input.fileName, rows: shown, counts: countsOf(shown) };
}

export function applyImport(ctx: SignedInContext, input: ApplyImportInput): ImportApplied {
  const rows = fileRows(input.contentBase64);
  const confirmed = new Set(input.rowNumbers);
  return ctx.tx(null, () => {
    const out = classify(
      ctx,
      rows,
      (row) => confirmed.has(row),
      (caseId) => ctx.auditEach('iom.importRow', caseId),
    );
    const applied = out.filter((r) => r.applied).length;
    return { rows: out, applied, notApplied: out.filter((r) => confirmed.has(r.row) && !r.applied).length };
  });
}

export function countsOf(rows: readonly ImportRow[]): ImportCounts {
  const counts: ImportCounts = { new: 0, known: 0, conflicting: 0, invalid: 0 };
  for (const r of rows) counts[r.class]++;
  return counts;
}

/** Classify every row in file order; apply the `new` ones `confirm` names (inside the caller's transaction). */
function classify(ctx: SignedInContext, rows: readonly FileRow[], confirm: (row: number) => boolean, onApplied: (caseId: string) => void): Classified[] {
  const { db, sqlite } = ctx.db();
  const tz = ctx.clock.timeZone;
  const today = ctx.clock.today();
  const packets = packetsByNumber(
    db,
    rows.filter((r) => r.parsed).map((r) => r.packetNumber),
  );
  const details = new Map<string, CaseDetail>();
  const out: Classified[] = [];
  for (const r of rows) {
    const base = { row: r.row, packetNumber: r.packetNumber, caseId: null, caseNumber: null, stage: r.stage, date: r.date, applied: false };
    const as = (c: CaseDetail | null, cls: ImportClass, conflict: ConflictKind | null, reason: ImportReason | null): Classified => ({
      ...base,
      ...(c ? { caseId: c.id, caseNumber: c.caseNumber } : {}),
      class: cls,
      conflict,
      reason,
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
    if (!packet) {
      out.push(as(null, 'conflicting', 'unknown_packet', { key: 'iomImport.conflict.unknown_packet' }));
      continue;
    }
    let c = details.get(packet.caseId);
    if (!c) {
      c = readCaseDetail(db, packet.caseId, tz);
      details.set(c.id, c);
    }
    if (c.status === 'withdrawn') {
      out.push(as(c, 'conflicting', 'case_withdrawn', { key: 'iomImport.conflict.case_withdrawn' }));
      continue;
    }
    if (packet.superseded) {
      out.push(as(c, 'conflicting', 'packet_superseded', { key: 'iomImport.conflict.packet_superseded' }));
      continue;
    }
    const stage = resolve(r.parsed, c);
    if ('key' in stage) {
      out.push(as(c, 'invalid', null, stage));
      continue;
    }
    const reference = c.stages.length > 0 ? acknowledgedReference(c) : null;
    if (r.iomReference !== '' && reference !== null && reference !== r.iomReference) {
      out.push(as(c, 'conflicting', 'reference_mismatch', { key: 'iomImport.conflict.reference_mismatch', params: { reference } }));
      continue;
    }
    if (isKnown(c, stage, r.date)) {
      out.push(as(c, 'known', null, null));
      continue;
    }
    const refusal = (e: unknown, c: CaseDetail): Classified => {
      if (!(e instanceof IpcFailure)) throw e;
      const err = e.error;
      if (err.code === 'invalid_input') {
        const issue = err.issues?.[0];
        if (issue?.messageKey === 'validation.stage_before_previous') {
          return as(c, 'conflicting', 'date_before_previous', { key: 'iomImport.conflict.date_before_previous', ...(issue.params ? { params: issue.params } : {}) });
        }
        if (issue?.messageKey === 'validation.date_in_future') return as(c, 'invalid', null, { key: 'iomImport.invalid.date_in_future' });
        return as(c, 'invalid', null, issue ? { key: issue.messageKey, ...(issue.params ? { params: issue.params } : {}) } : { key: 'iomImport.invalid.details', params: { stage: r.stage } });
      }
      // The lifecycle table refuses this stage in the case's status.
      return as(c, 'conflicting', 'stage_order', { key: 'iomImport.conflict.stage_order', params: { status: c.status } });
    };
    const current = c;
    const apply = confirm(r.row);
    try {
      // A savepoint: a refused or dry-run row leaves nothing behind.
      sqlite.transaction(() => {
        applyStage(ctx, current, { caseId: current.id, baseVersion: current.version, occurredOn: r.date, source: 'iom_file', stage });
        if (!apply) throw new DryRun();
      })();
    } catch (e) {
      if (e instanceof DryRun) {
        out.push(as(c, 'new', null, null));
        continue;
      }
      out.push(refusal(e, c));
      continue;
    }
    // Applied: the next row of this case sees it.
    details.delete(c.id);
    onApplied(c.id);
    out.push({ ...as(c, 'new', null, null), applied: true });

  }
  return out;
}

/** The file's stage with persons named by their id in the case (the packet lists them in this order). */
function resolve(s: FileStage, c: CaseDetail): StageDetails | ImportReason {
  const ids = c.intake.persons.map((p) => p.id);
  const missing = (n: number): ImportReason => ({ key: 'iomImport.invalid.person', params: { person: n } });
  if (s.action === 'recordTravelDocument' && s.outcome === 'issued') {
    const bad = s.documents.find((d) => ids[d.person - 1] === undefined);
    if (bad) return missing(bad.person);
    return { ...s, documents: s.documents.map((d) => ({ personId: ids[d.person - 1]!, type: d.type, number: d.number, expiryDate: d.expiryDate })) };
  }
  if (s.action === 'recordAssistance') {
    const bad = s.entries.find((d) => ids[d.person - 1] === undefined);
    if (bad) return missing(bad.person);
    return { action: 'recordAssistance', entries: s.entries.map((e) => ({ personId: ids[e.person - 1]!, category: e.category, committedCad: e.committedCad, deliveredCad: e.deliveredCad })) };
  }
  return s;
}

/** The same stage, with the same facts and date, is already in force on the case. */
function isKnown(c: CaseDetail, stage: StageDetails, date: string): boolean {
  const wanted = canonical(stage);
  return inForce(c.stages).some((e) => e.occurredOn === date && e.stage.action === stage.action && canonical(e.stage) === wanted);
}

/** IOM's reference for the case, from the acknowledgement in force. */
function acknowledgedReference(c: CaseDetail): string | null {
  for (const e of inForce(c.stages)) if (e.stage.action === 'acknowledge') return e.stage.iomReference;
  return null;
}

/** JSON with object keys sorted, to compare two stages' facts. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}
