import { randomInt } from 'node:crypto';

// Easy to read aloud and type at a counter: no look-alike letters, in groups.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password opens the account only this long after it was issued (issue 12: a
 * 60-day-old one still signed in). After that a supervisor issues a new one.
 */
export const ONE_TIME_PASSWORD_HOURS = 72;

/** The one-time password issued at `issuedAt` (ISO instant) no longer signs in at `now`. */
export function oneTimePasswordExpired(issuedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(issuedAt) > ONE_TIME_PASSWORD_HOURS * 3_600_000;
}

/** A random one-time password (4 groups of 4, ~80 bits), shown once to the supervisor. */
export function oneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += alphabet[randomInt(alphabet.length)];
    groups.push(s);
  }
  return groups.join('-');
}
