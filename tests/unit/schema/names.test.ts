import { describe, expect, it } from 'vitest';
import { personName } from '../../../shared/schema/common';
import { intakeDocument } from '../../../shared/schema/intake';
import { blankIntake } from '../../../shared/schema/intake';

function keyOf(value: unknown): string | null {
  const r = personName.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'no message');
}

describe('person names', () => {
  it.each([
    ['Latin with accents and apostrophe', 'Zoltán O’Brien-Nagy'],
    ['Arabic (right-to-left by its letters)', 'محمد عبد الله'],
    ['Hebrew', 'דוד כהן'],
    ['Persian with a zero-width non-joiner', 'مهر\u200cانگیز'],
    ['Malayalam with a zero-width joiner', 'ന്\u200d'],
    ['Chinese', '王小明'],
  ])('accepts %s', (_label, name) => {
    expect(keyOf(name)).toBeNull();
  });

  it.each([
    ['right-to-left override ("evil" shown as "live")', '\u202Eevil', 'validation.name_bidi'],
    ['left-to-right override', 'Ana\u202D', 'validation.name_bidi'],
    ['right-to-left isolate', 'Ana \u2067x\u2069', 'validation.name_bidi'],
    ['right-to-left mark', 'Ana\u200F', 'validation.name_bidi'],
    ['Arabic letter mark', 'محمد\u061C', 'validation.name_bidi'],
    ['an emoji', 'Ana 😀', 'validation.name_emoji'],
    ['a pictograph', 'Ana ✈', 'validation.name_emoji'],
    ['a flag', 'Ana 🇨🇦', 'validation.name_emoji'],
    ['a control character', 'Ana\u0007', 'validation.name_characters'],
    ['a line separator', 'Ana\u2028Maria', 'validation.name_characters'],
    ['a private-use character', 'Ana\uE000', 'validation.name_characters'],
  ])('refuses %s', (_label, name, key) => {
    expect(keyOf(name)).toBe(key);
  });

  it('the interpreter’s name, printed on the consent form, is held to the same characters', () => {
    const base = blankIntake('3f1e6c2a-9a4b-4c1d-8e2f-1a2b3c4d5e6f', 'walk_in', '2026-11-20');
    const r = intakeDocument.safeParse({ ...base, interpreterName: 'Ana\u202E' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.path.join('.') === 'interpreterName' && i.message === 'validation.name_bidi')).toBe(true);
  });
});
