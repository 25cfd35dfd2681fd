import { z } from 'zod';
import type { Sqlite } from '../db/open';

const head = z.object({ seq: z.number().int(), mac: z.string() });

/** The audit trail's head: its last entry's seq and MAC (undefined for an empty trail). */
export function readAuditHead(sqlite: Sqlite): z.infer<typeof head> | undefined {
  const row: unknown = sqlite.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  return row === undefined ? undefined : head.parse(row);
}
