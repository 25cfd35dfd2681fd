import type { Handlers } from '../dispatch';
import type { ChangeLog } from './change-log';

/**
 * `changes.since`: the writes after the desk's cursor, from the change log in memory (no database
 * read, no audit entry, not activity for the idle lock: only `auth.touch` is). `mine` is what this
 * very session wrote: this workstation's core and the person signed in at it.
 */
export function liveHandlers(changes: ChangeLog, workstation: string) {
  return {
    'changes.since': (input, ctx) => changes.since(input.after, { username: ctx.session.username, workstation }),
  } satisfies Pick<Handlers, 'changes.since'>;
}
