import { settings } from '../db/schema';
import type { Handlers } from '../dispatch';
import type { SessionManager } from '../session/manager';
import { writeOfficeTimeZone } from '../session/office-settings';
import { createUser, disableUser, enableUser, listUsers, resetPassword, updateUser } from './service';

export function userHandlers(sessions: SessionManager) {
  return {
    'user.list': (_input, ctx) => listUsers(ctx.db().db),
    'user.create': (input, ctx) => createUser(ctx, sessions, input),
    'user.disable': (input, ctx) => disableUser(ctx, sessions, input.userId),
    'user.resetPassword': (input, ctx) => resetPassword(ctx, sessions, input.userId),
    'user.update': (input, ctx) => updateUser(ctx, sessions, input),
    'user.enable': (input, ctx) => enableUser(ctx, sessions, input.userId),
    'settings.setIdleLock': (input, ctx) => {
      const { db } = ctx.db();
      ctx.tx(null, () =>
        db.insert(settings).values({ key: 'idleLockMinutes', value: JSON.stringify(input.minutes) })
          .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(input.minutes) } }).run(),
      );
      return sessions.status();
    },
    'settings.setOfficeTimeZone': (input, ctx) => {
      ctx.tx(null, () => writeOfficeTimeZone(ctx.db().db, input.timeZone));
      return sessions.status();
    },
  } satisfies Pick<Handlers, 'user.list' | 'user.create' | 'user.disable' | 'user.resetPassword' | 'user.update' | 'user.enable' | 'settings.setIdleLock' | 'settings.setOfficeTimeZone'>;
}
