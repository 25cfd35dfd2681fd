/**
 * A damaged or hand-written audit-anchor.json: "Verify the trail" says so in plain words (EN and
 * FR), never "internal error", and the rest of the app goes on working.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ANCHOR_FILE } from '../../../electron/core/audit/anchor-file';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import type { AuditVerifyView } from '../../../shared/schema/audit';
import { makeCore, SUPERVISOR } from '../core/helpers';
import type { TestCore } from '../core/helpers';

describe('an audit anchor file that is not an anchor', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
  });
  afterEach(() => t.dispose());

  it.each([
    ['cut short', '{"format":"avrr-audit-anc'],
    ['another shape', JSON.stringify({ format: 'avrr-audit-anchor', seq: 0, mac: 'nothex' })],
    ['empty', ''],
  ])('%s: verify answers with the anchor message, and the app still works', async (_what, body) => {
    expect((await t.ok<AuditVerifyView>('audit.verify', {})).ok).toBe(true);
    writeFileSync(join(t.dataDir, AUDIT_ANCHOR_FILE), body);
    const r = await t.call('audit.verify', {});
    expect(r.ok ? 'ok' : { code: r.error.code, messageKey: r.error.messageKey }).toEqual({ code: 'rejected', messageKey: 'auditAnchor.unreadable' });
    expect(await t.ok<unknown[]>('user.list', {})).not.toHaveLength(0);
  });

  it('the message exists in English and French and names the file', () => {
    expect(en.auditAnchor.unreadable).toContain(AUDIT_ANCHOR_FILE);
    expect(fr.auditAnchor.unreadable).toContain(AUDIT_ANCHOR_FILE);
    expect(fr.auditAnchor.unreadable).not.toBe(en.auditAnchor.unreadable);
  });
});
