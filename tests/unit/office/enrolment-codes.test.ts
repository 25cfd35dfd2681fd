import { describe, expect, it } from 'vitest';
import { CODE_TTL_MS, createEnrolmentCodes, MAX_WRONG_TRIES } from '../../../electron/office/enrolment';

/** One-time enrolment codes, on a clock the test moves. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = Date.UTC(2026, 10, 29, 9);
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('enrolment codes', () => {
  it('look like two groups of five base32 characters without look-alikes', () => {
    const codes = createEnrolmentCodes();
    for (let i = 0; i < 5; i++) expect(codes.create().code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('work once', () => {
    const codes = createEnrolmentCodes();
    const { code } = codes.create();
    expect(codes.redeem(code)).toBe(true);
    expect(codes.redeem(code)).toBe(false);
  });

  it('expire after 15 minutes', () => {
    const c = clock();
    const codes = createEnrolmentCodes({ now: c.now });
    const { code, expiresAt } = codes.create();
    expect(expiresAt.getTime() - c.now()).toBe(CODE_TTL_MS);
    c.advance(CODE_TTL_MS);
    expect(codes.redeem(code)).toBe(false);
    expect(codes.live()).toBe(0);
  });

  it('are burnt by five wrong tries, not by four', () => {
    const codes = createEnrolmentCodes();
    const first = codes.create().code;
    for (let i = 0; i < MAX_WRONG_TRIES - 1; i++) expect(codes.redeem('00000-00000')).toBe(false);
    expect(codes.redeem(first)).toBe(true);
    const second = codes.create().code;
    for (let i = 0; i < MAX_WRONG_TRIES; i++) expect(codes.redeem('00000-00000')).toBe(false);
    expect(codes.redeem(second)).toBe(false);
  });

  it('accept what was read aloud: lower case, spaces, O for zero, I or L for one', () => {
    const codes = createEnrolmentCodes();
    const { code } = codes.create();
    const typed = code.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(codes.redeem(typed)).toBe(true);
  });
});
