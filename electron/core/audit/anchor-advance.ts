import { z } from 'zod';
import type { Sqlite } from '../db/open';
import { readAuditHead } from './head';
import type { AuditHead } from './verify';

const macRow = z.object({ mac: z.string() });

/**
 * The head the outside anchor should move to, or null to leave it where it is.
 *
 * The anchor only moves forward along the same chain: the entry it names must still be in the
 * trail, with the same MAC. Someone holding the database key can cut the trail's tail and write
 * new entries after the cut; if the anchor then followed the trail's new head, the cut would be
 * laundered at the next write. Held in place, it keeps pointing at an entry the trail no longer
 * has (or has with another MAC), and verify reports it until a supervisor resets the anchor.
 */
export function nextAnchor(sqlite: Sqlite, anchored: AuditHead | null): AuditHead | null {
  const head = readAuditHead(sqlite);
  if (!head) return null;
  if (anchored === null) return head;
  if (head.seq === anchored.seq && head.mac === anchored.mac) return null;
  const row: unknown = sqlite.prepare('SELECT mac FROM audit_log WHERE seq = ?').get(anchored.seq);
  const still = row === undefined ? null : macRow.parse(row);
  return still?.mac === anchored.mac ? head : null;
}
