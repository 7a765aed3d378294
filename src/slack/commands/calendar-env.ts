/** What the calendar services need from a command: the clock, the outbox dispatcher and the announcement renderer. */
import type { ChangeEnv } from '../../deadlines/announcements.ts';
import { calendarAnnouncer } from '../blocks/calendar-announcements.ts';
import type { CommandDeps } from './context.ts';

export function changeEnv(deps: Pick<CommandDeps, 'now' | 'dispatch' | 'commandName'>): ChangeEnv {
  return { now: deps.now(), dispatch: deps.dispatch, render: calendarAnnouncer(deps.commandName) };
}
