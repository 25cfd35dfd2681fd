import { describe, expect, it } from 'vitest';
import { nextSessionView, noSessionView } from '../../../renderer/src/session-lost';
import type { AuthStatus, SessionUser } from '../../../shared/schema/auth';

const awa: SessionUser = { userId: 'u-awa', username: 'awa.diallo', displayName: 'Awa Diallo', badgeNumber: null, role: 'supervisor', mustChangePassword: false };
const omar: SessionUser = { userId: 'u-omar', username: 'omar.officer', displayName: 'Omar Officer', badgeNumber: null, role: 'interview_officer', mustChangePassword: false };
const status = (user: SessionUser | null, locked = false): AuthStatus => ({
  setupNeeded: false,
  user,
  locked,
  idleLockMinutes: 10,
  officeTimeZone: 'America/Toronto',
  sealerKind: 'dev-plaintext',
  officeServer: true,
});

describe('a session that ended on the office server, as the page sees it', () => {
  it('keeps the screen of the person whose session ended without this page signing out', () => {
    const signedIn = nextSessionView(noSessionView, status(awa), 0);
    expect(signedIn).toEqual({ last: awa, lost: null, signOuts: 0 });
    const restarted = nextSessionView(signedIn, status(null), 0);
    expect(restarted.lost).toBe(awa);
    // Later statuses without anyone signed in keep it.
    expect(nextSessionView(restarted, status(null), 0)).toBe(restarted);
  });

  it('keeps nothing after a sign-out this page made (or a restore it switched to)', () => {
    const signedIn = nextSessionView(noSessionView, status(awa), 3);
    expect(nextSessionView(signedIn, status(null), 4)).toEqual({ last: null, lost: null, signOuts: 4 });
  });

  it('a sign-out earlier on does not count for a later loss', () => {
    const first = nextSessionView(noSessionView, status(awa), 0);
    const out = nextSessionView(first, status(null), 1);
    const again = nextSessionView(out, status(awa), 1);
    expect(nextSessionView(again, status(null), 1).lost).toBe(awa);
  });

  it('whoever signs in next ends the kept screen: the same person carries on, another gets their own', () => {
    const lost = nextSessionView(nextSessionView(noSessionView, status(awa), 0), status(null), 0);
    expect(nextSessionView(lost, status(awa), 0)).toEqual({ last: awa, lost: null, signOuts: 0 });
    expect(nextSessionView(lost, status(omar), 0)).toEqual({ last: omar, lost: null, signOuts: 0 });
  });

  it('a lock is no loss (the person is still signed in), and nothing signed in before is nothing lost', () => {
    const signedIn = nextSessionView(noSessionView, status(awa), 0);
    expect(nextSessionView(signedIn, status(awa, true), 0)).toBe(signedIn);
    expect(nextSessionView(noSessionView, status(null), 0)).toBe(noSessionView);
  });
});
