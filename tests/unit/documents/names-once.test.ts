import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderConsentForm, renderWithdrawalForm } from '../../../electron/core/documents';
import { CONSENT, WITHDRAWAL } from './support/fixtures';
import { normaliseExtracted, pdftotext } from './support/tools';

const dir = mkdtempSync(join(tmpdir(), 'avrr-names-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function textOf(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return normaliseExtracted(pdftotext(file));
}

/** Issue 13.7: "Zoltán Kovács (Zoltán Kovács)" on a signature line when both spellings are the same. */
describe('a name whose two spellings are the same is printed once', () => {
  const same = <T extends { nameOwnScript: string; nameLatin: string }>(persons: T[]): T[] => persons.map((p, i) => (i === 0 ? { ...p, nameOwnScript: 'Zoltan Kovacs', nameLatin: 'Zoltan Kovacs' } : p));

  it('on the consent form and the withdrawal form; a different spelling still shows in brackets', async () => {
    const consent = await textOf('consent', await renderConsentForm({ ...CONSENT, persons: same(CONSENT.persons) }));
    const withdrawal = await textOf('withdrawal', await renderWithdrawalForm({ ...WITHDRAWAL, persons: same(WITHDRAWAL.persons) }));
    for (const text of [consent, withdrawal]) {
      expect(text).toContain('Zoltan Kovacs');
      expect(text).not.toContain('Zoltan Kovacs (Zoltan Kovacs)');
    }
    const other = CONSENT.persons[1]!;
    expect(consent).toContain(`${other.nameOwnScript} (${other.nameLatin})`);
  });
});
