import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localToInstant, officeDate, officeDateTime } from '../../../shared/time/office-time';

/**
 * The task list turns thousands of referral instants into office dates per call, so
 * shared/time/office-time.ts keeps each zone's offset per UTC hour instead of asking Intl every
 * time. The cached path must say exactly what Intl says: checked against Intl itself, around the
 * clock changes and over random instants in zones with odd offsets and half-hour changes.
 */
const ZONES = ['America/Toronto', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/London', 'UTC'];

function intlDateTime(instant: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

describe('office dates from cached offsets', () => {
  it('agree with Intl minute by minute around the changes in Toronto and Lord Howe (half an hour)', () => {
    const spans: [string, string][] = [
      ['America/Toronto', '2026-03-08T05:00:00Z'],
      ['America/Toronto', '2026-11-01T04:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:00:00Z'],
    ];
    for (const [tz, from] of spans) {
      const start = Date.parse(from);
      for (let m = 0; m < 5 * 60; m++) {
        const instant = new Date(start + m * 60_000 + 30_000);
        expect(officeDateTime(instant, tz), `${tz} ${instant.toISOString()}`).toBe(intlDateTime(instant, tz));
      }
    }
  });

  it('agree with Intl at random instants from 1900 to 2200, and local times still round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }), fc.constantFrom(...ZONES), (ms, tz) => {
        const instant = new Date(ms);
        const local = intlDateTime(instant, tz);
        expect(officeDateTime(instant, tz)).toBe(local);
        expect(officeDate(instant, tz)).toBe(local.slice(0, 10));
        const back = localToInstant(local, tz);
        expect(back && officeDateTime(back, tz)).toBe(local);
      }),
      { numRuns: 3000 },
    );
  });
});
