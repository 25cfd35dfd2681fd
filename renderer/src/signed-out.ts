import type { QueryClient } from '@tanstack/react-query';
import type { AuthStatus } from '../../shared/schema/auth';
import { clearRouteUrl } from './route-url';

let signOuts = 0;

/** How many times this page ended the session on purpose: App tells that from a session lost on the server (session-lost.ts). */
export function signOutsHere(): number {
  return signOuts;
}

/**
 * The session ended (signing out, or a restore that switched the data folder): the app follows the
 * new status to the sign-in screen, and nothing of the last person's data stays in memory (nor
 * their search in the address).
 */
export function applySignedOut(qc: QueryClient, status: AuthStatus): void {
  signOuts++;
  qc.setQueryData(['auth'], status);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  clearRouteUrl();
}
