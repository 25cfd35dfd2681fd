import { z } from 'zod';
import type { StageAction } from '../case/lifecycle';
import type { Role } from '../roles';
import type { AttachmentKind } from './attachments';
import { entityId } from './common';
import type { StageSource } from './stages';

/**
 * A case's history for officers (`case.history`): who did what and when, merged from the audit
 * trail entries of the case and the stage entries. Each line carries codes, not words: the
 * screen says them in its language (i18n `history.action.*`).
 */
export const caseHistoryInput = z.object({ caseId: entityId }).strict();

/** What the audit trail records about a case that an officer reads as a step of its history. */
export const historyAuditActions = [
  'case.create',
  'case.saveIntake',
  'case.screen',
  'case.decide',
  'case.review',
  'case.reopen',
  'case.withdraw',
  'consent.generateForm',
  'consent.record',
  'referral.create',
  'document.print',
  'document.reprint',
  'document.view',
  'attachment.view',
] as const;
export type HistoryAuditAction = (typeof historyAuditActions)[number];

/**
 * The action of a line: an audit action, `attachment.add` (from the attachment itself, with its
 * hash), or `stage.<action>` (from the stage entry, with its date, source and reason).
 */
export type HistoryAction = HistoryAuditAction | 'attachment.add' | `stage.${StageAction}` | 'stage.correctStage';

export interface HistoryLine {
  /** The instant, UTC (ISO-8601). */
  at: string;
  /** The same instant on the office's wall clock, YYYY-MM-DDTHH:mm. */
  localAt: string;
  /** Who: display name and role at the time (null for an entry written without a session). */
  who: { name: string; role: Role | null } | null;
  action: HistoryAction;
  /** Stage lines: the date it happened (office-local YYYY-MM-DD) and who told us. */
  occurredOn?: string;
  source?: StageSource;
  /** Travel document lines: not_needed, requested, issued, refused. */
  outcome?: string;
  /** Corrections (and no-shows, IOM declining): the reason written. */
  reason?: string;
  /** Corrections: the stage that was undone. */
  corrects?: StageAction;
  /** Attachment lines: the kind and the SHA-256 of the scan (never its file name). */
  attachmentKind?: AttachmentKind;
  sha256?: string;
}

/** One piece of a line's "what": an i18n key, its values, and values that are themselves keys to say first. */
export interface HistoryPhrase {
  key: string;
  params?: Record<string, string>;
  /** Values given as i18n keys (a stage's name inside "Correction of …"). */
  keyParams?: Record<string, string>;
}

/** A line as i18n keys: the main action, then its details (the kind and hash of a scan, a stage's date and source, a reason). */
export function historyPhrases(line: HistoryLine): HistoryPhrase[] {
  const out: HistoryPhrase[] = [{ key: `history.action.${line.action}` }];
  if (line.attachmentKind) out.push({ key: `attachments.kind.${line.attachmentKind}` });
  if (line.sha256) out.push({ key: 'history.detail.sha256', params: { hash: line.sha256.slice(0, 16) } });
  if (line.corrects) out.push({ key: 'history.detail.corrects', keyParams: { stage: `history.action.stage.${line.corrects}` } });
  if (line.outcome) out.push({ key: `history.outcome.${line.outcome}` });
  if (line.occurredOn) out.push({ key: 'history.detail.occurredOn', params: { date: line.occurredOn } });
  if (line.source) out.push({ key: `history.source.${line.source}` });
  if (line.reason) out.push({ key: 'history.detail.reason', params: { reason: line.reason } });
  return out;
}

type Translate = (key: string, params?: Record<string, string>) => string;

/** The words of a line in the screen's language: who (name and role) and what; `when` is formatted by the caller. */
export function historyWords(line: HistoryLine, t: Translate): { who: string; what: string } {
  const who = line.who ? (line.who.role ? t('history.who', { name: line.who.name, role: t(`role.${line.who.role}`) }) : line.who.name) : t('history.system');
  const [main, ...details] = historyPhrases(line).map((p) => {
    const said = Object.fromEntries(Object.entries(p.keyParams ?? {}).map(([k, v]) => [k, t(v)]));
    return t(p.key, { ...p.params, ...said });
  });
  return { who, what: details.length ? t('history.what', { action: main ?? '', details: details.join(' · ') }) : (main ?? '') };
}
