import type { Sqlite } from '../db/open';
import { findMissingDocumentHead, readDocumentHeads } from './document-heads';
import { readAllAuditRows } from './read';
import { verifyAuditChain } from './verify';
import type { AuditHead, VerifyResult } from './verify';

export type TrailVerifyResult = VerifyResult | { ok: false; index: number; seq: number; kind: 'deleted'; document: string };

/**
 * Everything the app and `npm run audit:verify` check: the chain itself, its head against the
 * anchor kept outside the database, and the heads printed in the register's signed documents.
 * A lost document head reads as 'deleted': entries the document saw are no longer in the trail.
 */
export function verifyTrail(sqlite: Sqlite, auditKey: Buffer, anchor: AuditHead | null): TrailVerifyResult {
  const rows = readAllAuditRows(sqlite);
  const chain = verifyAuditChain(rows, auditKey, anchor ? { head: anchor } : {});
  if (!chain.ok) return chain;
  const missing = findMissingDocumentHead(rows, readDocumentHeads(sqlite));
  return missing ? { ok: false, kind: 'deleted', ...missing } : chain;
}
