import type { Handlers } from '../dispatch';
import { todayTasks } from './tasks';

/** "What needs me today": a supervisor sees everyone's tasks, anyone else those of the cases they referred or updated. */
export const todayHandlers = {
  'today.tasks': (_input, ctx) => todayTasks(ctx.db(), { userId: ctx.session.userId, everyone: ctx.session.role === 'supervisor' }, ctx.clock),
} satisfies Pick<Handlers, 'today.tasks'>;
