import { PASSWORD_MIN_CODE_POINTS } from '../../../shared/security/password-length';
import { commonPasswords } from './common-passwords';
import type { AuthMessageKey } from './messages';

/**
 * Password rules in the spirit of NIST SP 800-63B: length over composition rules, a block list
 * of common passwords, no trimming or truncation, any Unicode welcome (passphrases in French,
 * Arabic, Tamil, with spaces and emoji). Length is counted in Unicode code points after NFC, so
 * "é" typed as one or two code points counts the same.
 */
export { PASSWORD_MIN_CODE_POINTS };
/** Generous: argon2 pre-hashes its input, the cap only keeps requests of absurd size out. */
export const PASSWORD_MAX_CODE_POINTS = 1024;

export type PasswordMessageKey = Extract<AuthMessageKey, `password.${string}`>;

export interface PasswordIssue {
  messageKey: PasswordMessageKey;
  params?: Record<string, string | number>;
}

export interface PasswordContext {
  username: string;
  displayName?: string;
}

// eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
const controlChars = /[\u0000-\u001f\u007f-\u009f]/u;
const commonSet: ReadonlySet<string> = new Set(commonPasswords.map((p) => p.toLowerCase()));

/** The exact form a password takes everywhere (policy, key derivation): NFC, nothing else. */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/** All the rules a new password breaks; an empty list means it is acceptable. */
export function checkPassword(password: string, context: PasswordContext): PasswordIssue[] {
  const pw = normalizePassword(password);
  const codePoints = [...pw];
  const issues: PasswordIssue[] = [];

  if (codePoints.length < PASSWORD_MIN_CODE_POINTS) {
    issues.push({ messageKey: 'password.too_short', params: { min: PASSWORD_MIN_CODE_POINTS, length: codePoints.length } });
  }
  if (codePoints.length > PASSWORD_MAX_CODE_POINTS) {
    issues.push({ messageKey: 'password.too_long', params: { max: PASSWORD_MAX_CODE_POINTS } });
  }
  if (controlChars.test(pw)) issues.push({ messageKey: 'password.control_characters' });

  const folded = fold(pw);
  if (isCommon(folded)) issues.push({ messageKey: 'password.common' });

  const username = fold(context.username);
  // Two-letter user names would refuse too many honest passphrases; three letters and up is a real leak.
  if ([...username].length >= 3 && folded.includes(username)) issues.push({ messageKey: 'password.contains_username' });

  const nameParts = (context.displayName ?? '')
    .split(/[\s\-'’.]+/u)
    .map(fold)
    .filter((p) => [...p].length >= 4);
  if (nameParts.some((p) => folded.includes(p))) issues.push({ messageKey: 'password.contains_name' });

  if (codePoints.length > 1 && isRepetition(codePoints)) issues.push({ messageKey: 'password.repetitive' });
  else if (codePoints.length > 2 && isSequence(codePoints)) issues.push({ messageKey: 'password.sequence' });

  return issues;
}

/** Lower case, spaces removed: "Correct Horse Battery Staple" is the famous one with spaces. */
function fold(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/gu, '');
}

function isCommon(folded: string): boolean {
  if (commonSet.has(folded)) return true;
  // "password1234!!" is no better than "password1234": strip trailing punctuation and retry.
  const stripped = folded.replace(/[\p{P}\p{S}]+$/u, '');
  return stripped !== folded && commonSet.has(stripped);
}

/** The whole password is one shorter unit repeated: "aaaa…", "abcabc…", "passwordpassword". */
function isRepetition(cps: readonly string[]): boolean {
  const n = cps.length;
  for (let unit = 1; unit <= n / 2; unit++) {
    if (n % unit !== 0) continue;
    let same = true;
    for (let i = unit; i < n && same; i++) same = cps[i] === cps[i - unit];
    if (same) return true;
  }
  return false;
}

/** Every step goes up (or every step goes down) by one: "abcdef…", "9876…", digits wrapping 9->0. */
function isSequence(cps: readonly string[]): boolean {
  const codes = cps.map((c) => c.toLowerCase().codePointAt(0) ?? 0);
  const step = (a: number, b: number): number => {
    const isDigit = (x: number) => x >= 0x30 && x <= 0x39;
    if (isDigit(a) && isDigit(b)) return (((b - a) % 10) + 10) % 10 === 1 ? 1 : (((a - b) % 10) + 10) % 10 === 1 ? -1 : 0;
    return b - a === 1 ? 1 : a - b === 1 ? -1 : 0;
  };
  const first = step(codes[0] ?? 0, codes[1] ?? 0);
  if (first === 0) return false;
  for (let i = 2; i < codes.length; i++) if (step(codes[i - 1] ?? 0, codes[i] ?? 0) !== first) return false;
  return true;
}
