import type { Handlers } from '../dispatch';
import type { SessionManager } from './manager';

/** The session channels: thin over the session manager, which audits sign-ins itself. */
export function sessionHandlers(sessions: SessionManager) {
  return {
    'auth.status': () => sessions.status(),
    'auth.setup': (input) => sessions.setup(input),
    'auth.signIn': (input) => sessions.signIn(input),
    'auth.signOut': () => sessions.signOut(),
    'auth.lock': () => sessions.lock(),
    'auth.touch': () => {
      sessions.touch();
      return { touched: true as const };
    },
    'auth.changePassword': (input) => sessions.changePassword(input),
  } satisfies Pick<Handlers, 'auth.status' | 'auth.setup' | 'auth.signIn' | 'auth.signOut' | 'auth.lock' | 'auth.touch' | 'auth.changePassword'>;
}
