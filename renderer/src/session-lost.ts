import type { AuthStatus, SessionUser } from '../../shared/schema/auth';

/**
 * Who was signed in on this page, and whose screen is kept after their session ended without
 * this page ending it (issue 15 point 5: the office server restarted and has no sessions). The
 * screen stays mounted and inert under a sign-in overlay; the same person signing in carries on
 * where they were, anyone else gets a fresh screen.
 */
export interface SessionView {
  /** The person signed in at the last status, or null. */
  readonly last: SessionUser | null;
  /** The person whose session ended elsewhere: their screen is kept until someone signs in. */
  readonly lost: SessionUser | null;
  /** How many sign-outs this page had made when `last` was seen (see signed-out.ts). */
  readonly signOuts: number;
}

export const noSessionView: SessionView = { last: null, lost: null, signOuts: 0 };

/**
 * The view after a new auth status. `signOuts` counts the sign-outs this page made (and restores
 * it switched to): one made since the person was seen means their session ended here, on purpose.
 * Pure and idempotent, so App can compute it while rendering (no frame without the screen).
 */
export function nextSessionView(view: SessionView, status: AuthStatus, signOuts: number): SessionView {
  if (status.user) {
    if (view.last === status.user && view.lost === null && view.signOuts === signOuts) return view;
    return { last: status.user, lost: null, signOuts };
  }
  if (view.last === null) return view;
  if (signOuts !== view.signOuts) return { last: null, lost: null, signOuts };
  return { last: null, lost: view.last, signOuts };
}
