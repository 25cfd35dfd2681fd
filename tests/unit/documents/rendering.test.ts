import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidDocumentInputError,
  UnsupportedCharacterError,
  loadFontSet,
  renderConsentForm,
  renderReferralPacket,
  renderWithdrawalForm,
  renderWithdrawalNotice,
  stampCopy,
} from '../../../electron/core/documents';
import { CONSENT as CONSENT_TEXT } from '../../../resources/forms/documents-text';
import { ALL_NAMES, CONSENT, FAMILY, PACKET, WITHDRAWAL } from './support/fixtures';
import { normaliseExtracted, pdftotext, run } from './support/tools';

// Kept for a person to look at (gitignored).
const ARTIFACTS = join(process.cwd(), 'tests/artifacts/documents');

function save(name: string, bytes: Uint8Array): string {
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

beforeAll(() => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe('referral packet for a family of six, names in four scripts', () => {
  it('renders to PNG and every name (own script and Latin) is extracted by pdftotext', async () => {
    const file = save('referral-packet', await renderReferralPacket(PACKET));
    expect(run('pdftoppm', ['-png', '-r', '80', file, join(ARTIFACTS, 'referral-packet')]).status).toBe(0);
    expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith('referral-packet') && f.endsWith('.png')).length).toBeGreaterThanOrEqual(3);

    const text = normaliseExtracted(pdftotext(file));
    for (const name of ALL_NAMES) expect(text, name).toContain(name.normalize('NFKC'));
    // Arabic comes out in logical order, lam-alef ligature included (not "األحمد").
    expect(text).toContain('محمد الأحمد');
    expect(text).not.toContain('األحمد');
    for (const heading of ['Eligibility decision / Décision d', 'Reintegration preferences / Préférences de réintégration']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('6900 Airport Road, Entrance 2B, Mississauga, Ontario');
    expect(text).toContain(PACKET.auditChainHead);
    const total = FAMILY.reduce((sum, p) => sum + p.maxAssistanceCad, 0);
    expect(text).toContain(`$${total.toLocaleString('en-CA')}`); // family total
  });

  it('embeds every font as a subset', async () => {
    const file = save('referral-packet-fonts', await renderReferralPacket(PACKET));
    const lines = run('pdffonts', [file]).out.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(lines.length).toBe(5); // Noto Sans regular + bold, Arabic, Tamil, WenQuanYi
    for (const line of lines) {
      expect(line).toMatch(/^[A-Z]{6}\+/); // subset tag
      expect(line).toMatch(/yes yes/); // emb sub
    }
  });

  it('draws a QR code on every page', async () => {
    const file = save('referral-packet-qr', await renderReferralPacket(PACKET));
    const qdf = join(ARTIFACTS, 'referral-packet-qr.qdf');
    run('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const pages = run('cat', [qdf]).out.split(/%% Contents for page \d+/).slice(1);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // A QR code of this payload is over a hundred filled rectangles.
    for (const page of pages) expect((page.match(/ re\n/g) ?? []).length).toBeGreaterThan(100);
  });
});

describe('consent form', () => {
  it('holds the six clauses in EN and FR, the persons, and one signature line per adult and per minor', async () => {
    const file = save('consent-form', await renderConsentForm(CONSENT));
    run('pdftoppm', ['-png', '-r', '80', file, join(ARTIFACTS, 'consent-form')]);
    const text = normaliseExtracted(pdftotext(file));
    for (const name of ALL_NAMES) expect(text, name).toContain(name.normalize('NFKC'));
    for (const phrase of ['voluntary', 'withdraw from the programme at any stage', 'never be asked to refund', 'IRCC, formerly', 'IRPA', 'LIPR', 'rembourser']) {
      expect(text).toContain(phrase);
    }
    const adults = FAMILY.filter((p) => !p.minor).length;
    const minors = FAMILY.length - adults;
    expect(text.split(`${CONSENT_TEXT.adultSignature.en} / ${CONSENT_TEXT.adultSignature.fr}`).length - 1).toBe(adults);
    expect(text.split(CONSENT_TEXT.minorSignature.en).length - 1).toBe(minors);
    expect(text).toContain('Samir Haddad'); // interpreter
    expect(text).toContain('Arabic / arabe'); // language used
  });
});

describe('withdrawal form and notice', () => {
  it('carry the date, the reason and signature lines for the participant and the officer', async () => {
    for (const [name, render] of [
      ['withdrawal-form', renderWithdrawalForm],
      ['withdrawal-notice', renderWithdrawalNotice],
    ] as const) {
      const file = save(name, await render(WITHDRAWAL));
      run('pdftoppm', ['-png', '-r', '80', file, join(ARTIFACTS, name)]);
      const text = normaliseExtracted(pdftotext(file));
      expect(text).toContain(WITHDRAWAL.date);
      expect(text).toContain('pending humanitarian application');
      expect(text).toContain('Signature of the participant');
      expect(text).toContain('Signature of the witnessing CBSA officer');
    }
    const noReason = normaliseExtracted(pdftotext(save('withdrawal-no-reason', await renderWithdrawalNotice({ ...WITHDRAWAL, reason: null }))));
    expect(noReason).toContain('No reason given / Aucun motif donné');
    expect(noReason).toContain('To: International Organization for Migration');
  });
});

describe('reprint stamp', () => {
  it('puts COPY / COPIE and the reprint date on every page', async () => {
    const stamped = await stampCopy(await renderReferralPacket(PACKET), '2013-06-01');
    const file = save('referral-packet-copy', stamped);
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(ARTIFACTS, 'referral-packet-copy')]);
    const pages = pdftotext(file).split('\f').filter((p) => p.trim() !== '');
    for (const page of pages) {
      expect(page).toContain('COPY / COPIE');
      expect(page).toContain('2013-06-01');
    }
  });
});

describe('refusals', () => {
  it('refuses a name in a script no bundled font covers, naming the field and the character', async () => {
    const ethiopic = { ...CONSENT, persons: [{ ...FAMILY[0], nameOwnScript: 'አበበ ቢቂላ' }] };
    await expect(renderConsentForm(ethiopic)).rejects.toMatchObject({
      type: 'unsupported_character',
      key: 'documents.error.unsupportedCharacter',
      field: 'persons.0.nameOwnScript',
      character: 'አ',
      codePoint: 'U+12A0',
    });
    const cuneiform = { ...PACKET, preferences: [{ category: 'legal_assistance', notes: 'seal 𒀭' }] };
    try {
      await renderReferralPacket(cuneiform);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnsupportedCharacterError);
      if (!(e instanceof UnsupportedCharacterError)) return;
      expect(e.field).toBe('preferences.0.notes');
      expect(e.codePoint).toBe('U+1202D');
      expect(e.en).toContain('preferences.0.notes');
      expect(e.fr).toContain('preferences.0.notes');
    }
  });

  it('refuses data that fails the schema with a typed error listing the fields', async () => {
    await expect(renderReferralPacket({ ...PACKET, auditChainHead: 'not hex' })).rejects.toBeInstanceOf(InvalidDocumentInputError);
    await expect(renderWithdrawalForm({ ...WITHDRAWAL, persons: [] })).rejects.toMatchObject({
      type: 'invalid_document_input',
      issues: [expect.objectContaining({ path: 'persons' })],
    });
  });
});

describe('fonts', () => {
  it('are read once per folder and shared', () => {
    expect(loadFontSet()).toBe(loadFontSet());
  });

  it('lay Latin lines out word by word with the same glyphs and widths as the whole line', async () => {
    const fonts = loadFontSet();
    const drawn = { latin: new Set<string>(), latinBold: new Set<string>() };
    const originals = { latin: fonts.faces.latin.layout, latinBold: fonts.faces.latinBold.layout };
    for (const face of ['latin', 'latinBold'] as const) {
      const layout = originals[face];
      fonts.faces[face].layout = (text, features) => {
        drawn[face].add(text);
        return layout(text, features);
      };
    }
    try {
      await renderReferralPacket(PACKET);
      await renderConsentForm(CONSENT);
      await renderWithdrawalNotice(WITHDRAWAL);
      await renderReferralPacket({ ...PACKET, packetNumber: 'AVRR-GTA-2013-987654' });
    } finally {
      Object.assign(fonts.faces.latin, { layout: originals.latin });
      Object.assign(fonts.faces.latinBold, { layout: originals.latinBold });
    }
    for (const face of ['latin', 'latinBold'] as const) {
      // A fresh parse of the same file, without the engine's wrappers.
      const plain = fontkit.create(fonts.bytes[face]);
      expect(drawn[face].size).toBeGreaterThan(20);
      for (const text of drawn[face]) {
        const a = plain.layout(text).glyphs;
        const b = fonts.faces[face].layout(text).glyphs;
        expect(b.map((g) => g.id), text).toEqual(a.map((g) => g.id));
        expect(b.reduce((w, g) => w + g.advanceWidth, 0), text).toBe(a.reduce((w, g) => w + g.advanceWidth, 0));
      }
    }
  });
});
