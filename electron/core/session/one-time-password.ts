import { randomInt } from 'node:crypto';

// Easy to read aloud and type at a counter: no look-alike letters, in groups.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

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
