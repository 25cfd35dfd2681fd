import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import { PASSWORD_MIN_CODE_POINTS } from '../../../shared/security/password-length';

/** The screens' rule text states the minimum the back end checks, never a number of its own. */
describe('password rule text', () => {
  it('takes the minimum length from the constant, in English and French', () => {
    for (const text of [en.auth.passwordRules, fr.auth.passwordRules]) {
      expect(text).toContain('{{min}}');
      expect(text).not.toMatch(/\d/);
    }
    expect(PASSWORD_MIN_CODE_POINTS).toBe(15);
  });
});
