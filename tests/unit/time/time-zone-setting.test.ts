import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import type { DispatchDeps, Handlers } from '../../../electron/core/dispatch';
import type { CallContext } from '../../../electron/core/context';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { settings } from '../../../electron/core/db/schema';
import { OFFICE_TIME_ZONE_KEY, readOfficeTimeZone, writeOfficeTimeZone } from '../../../electron/core/session/office-settings';
import { DEFAULT_OFFICE_TIME_ZONE } from '../../../shared/time/office-time';
import { officeTimeZoneInput } from '../../../shared/time/time-zone-input';
import { makeDataDir, randomKey, removeDataDir } from '../db/helpers';

describe('the office time-zone setting', () => {
  let dir = '';
  let open: OpenDatabase | undefined;
  afterEach(() => {
    open?.close();
    open = undefined;
    removeDataDir(dir);
  });
  const fresh = () => {
    dir = makeDataDir('office-tz');
    open = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey());
    return open;
  };

  it('is America/Toronto until a supervisor sets one (and without an open database)', () => {
    expect(DEFAULT_OFFICE_TIME_ZONE).toBe('America/Toronto');
    expect(readOfficeTimeZone(null)).toBe('America/Toronto');
    expect(readOfficeTimeZone(fresh().db)).toBe('America/Toronto');
  });

  it('is stored in the settings table as JSON under office.timeZone, and read back', () => {
    const { db } = fresh();
    writeOfficeTimeZone(db, 'America/Vancouver');
    expect(db.select().from(settings).all()).toContainEqual({ key: OFFICE_TIME_ZONE_KEY, value: '"America/Vancouver"' });
    expect(readOfficeTimeZone(db)).toBe('America/Vancouver');
    writeOfficeTimeZone(db, 'America/Toronto');
    expect(readOfficeTimeZone(db)).toBe('America/Toronto');
  });

  it('refuses to store a zone Intl does not accept', () => {
    const { db } = fresh();
    for (const bad of ['Mars/Olympus', '', '+05:00', 'EST']) expect(() => writeOfficeTimeZone(db, bad)).toThrow(RangeError);
    expect(readOfficeTimeZone(db)).toBe('America/Toronto');
  });

  it('a bad stored value falls back to the default instead of stopping the office', () => {
    const { db } = fresh();
    for (const value of ['"Mars/Olympus"', 'not json', '42', 'null']) {
      db.insert(settings).values({ key: OFFICE_TIME_ZONE_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
      expect(readOfficeTimeZone(db)).toBe('America/Toronto');
    }
  });

  it('the input schema takes IANA names only, with an i18n key', () => {
    expect(officeTimeZoneInput.parse({ timeZone: ' America/Halifax ' })).toEqual({ timeZone: 'America/Halifax' });
    const r = officeTimeZoneInput.safeParse({ timeZone: 'Atlantis/Central' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('validation.time_zone');
  });
});

describe('every call gets the office clock', () => {
  const base = (tz?: string): { deps: DispatchDeps; seen: CallContext[] } => {
    const seen: CallContext[] = [];
    const handlers = new Proxy({}, { get: () => (_input: unknown, ctx: CallContext) => (seen.push(ctx), { today: ctx.clock.today(), year: ctx.clock.year(), timeZone: ctx.clock.timeZone }) }) as Handlers;
    const deps: DispatchDeps = {
      handlers,
      session: () => null,
      locked: () => false,
      database: () => null,
      audit: () => undefined,
      now: () => new Date('2027-01-01T03:30:00Z'),
      ...(tz ? { officeTimeZone: () => tz } : {}),
      workstation: 'test',
      logError: () => undefined,
    };
    return { deps, seen };
  };

  it('built from deps.now and the setting: 22:30 on 31 December in Toronto', async () => {
    const { deps, seen } = base('America/Toronto');
    const r = await dispatch(deps, 'auth.status', {});
    expect(r).toEqual({ ok: true, value: { today: '2026-12-31', year: 2026, timeZone: 'America/Toronto' } });
    expect(seen[0]?.clock.now()).toEqual(new Date('2027-01-01T03:30:00Z'));
  });

  it('another office zone gives another day; no setting means America/Toronto', async () => {
    expect(await dispatch(base('Europe/Paris').deps, 'auth.status', {})).toEqual({ ok: true, value: { today: '2027-01-01', year: 2027, timeZone: 'Europe/Paris' } });
    expect(await dispatch(base().deps, 'auth.status', {})).toEqual({ ok: true, value: { today: '2026-12-31', year: 2026, timeZone: 'America/Toronto' } });
  });
});
