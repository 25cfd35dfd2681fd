import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDemoDataFolder } from '../../../electron/core/demo/data-folder';
import { ReferralPacketSchema } from '../../../shared/schema/documents';
import type { AttachmentInfo } from '../../../shared/schema/attachments';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { makeCore, SUPERVISOR, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { caseIn } from '../case/support';
import { pdfWith } from './fixtures';

/** The referral packet names the scans attached before it was made, by kind, hash and date only. */
describe('attachments in the referral packet', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
  });
  afterAll(() => t.dispose());

  it('carries kind, SHA-256 and date added of each scan, never the file name; a case without scans has no list', async () => {
    const plain = await caseIn(t, 'referred');
    const c = await caseIn(t, 'consented');
    const scan = await t.ok<AttachmentInfo>('attachment.add', { caseId: c.id, kind: 'signed_consent', fileName: 'consent-Keita.pdf', contentBase64: pdfWith('signed').toString('base64') });
    await t.ok<CaseDetail>('referral.create', { caseId: c.id, baseVersion: c.version });
    t.core.close();

    const { open } = await openDemoDataFolder(t.dataDir, { username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, password: SUPERVISOR.password });
    try {
      const row = z.object({ input: z.string() });
      const packetOf = (caseId: string) =>
        ReferralPacketSchema.parse(JSON.parse(row.parse(open.sqlite.prepare("SELECT input FROM documents WHERE case_id = ? AND type = 'referral_packet'").get(caseId)).input));
      const packet = packetOf(c.id);
      expect(packet.attachments).toEqual([{ kind: 'signed_consent', sha256: scan.sha256, addedOn: '2026-11-21' }]);
      expect(JSON.stringify(packet)).not.toContain('consent-Keita.pdf');
      expect(packetOf(plain.id).attachments).toBeUndefined();
    } finally {
      open.close();
    }
  });
});
