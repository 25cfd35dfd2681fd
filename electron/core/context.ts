import type { Role } from '../../shared/roles';
import type { OfficeClock } from '../../shared/time/office-time';
import type { Db, Sqlite } from './db/open';

/** The person signed in at this workstation. */
export interface Session {
  userId: string;
  username: string;
  displayName: string;
  badgeNumber: string | null;
  role: Role;
  mustChangePassword: boolean;
}

/** What a handler gets besides its validated input. */
export interface CallContext {
  readonly channel: string;
  readonly session: Session | null;
  readonly now: () => Date;
  /** The same instants as `now`, with the office's time zone: today's date, the year, appointments. */
  readonly clock: OfficeClock;
  /** The open database; throws `not_signed_in` if no one has unlocked it. */
  db(): { db: Db; sqlite: Sqlite };
  /**
   * Run `fn` in one transaction together with this call's audit entry (outcome ok). If `fn`
   * throws, nothing is written and the dispatcher records the failure instead. `action` names
   * the entry when one channel does two things (a print and a reprint).
   */
  tx<T>(caseId: string | null | ((out: T) => string | null), fn: () => T, opts?: { action?: string }): T;
  /**
   * One more audit entry inside the running `tx` (a call that changes many cases, like an IOM
   * file import, records each change on its own line), with its own detail if it needs one
   * (a disposal names each case's number).
   */
  auditEach(action: string, caseId: string | null, detail?: string): void;
  /**
   * What exactly this call's audit entry is about, when the case id does not say it: the account
   * a supervisor creates, disables or resets (`target=<user id>`), the report number opened.
   * Code-made tokens only (electron/core/audit/entry.ts AUDIT_DETAIL_PATTERN); also recorded when
   * the call then fails or is refused.
   */
  auditDetail(detail: string): void;
}

/** The context of a call that needs a signed-in person: the dispatcher checked, so the session is there. */
export interface SignedInContext extends CallContext {
  readonly session: Session;
}
