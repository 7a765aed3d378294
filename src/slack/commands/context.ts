/** What every subcommand handler receives, and what it returns. */
import type { SlashCommand } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import type { TeamKey } from '../../committees/committee-repository.ts';
import type { Token } from './tokenize.ts';
import type { UserZones } from '../user-zone.ts';
import type { Dispatch } from '../../outbox/announcer.ts';
import type { InteractionGuard } from '../interaction-guard.ts';
import type { PublishedHomes } from '../home/published-homes.ts';

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
  response_type?: 'ephemeral' | 'in_channel';
}

/** Long-lived things the command layer needs, built once in main.ts. */
export interface CommandDeps {
  db: Db;
  logger: Logger;
  /** Hands outbox rows written by a service to the delivery queue. */
  dispatch: Dispatch;
  userZones: UserZones;
  commandName: string;
  publicUrl: string;
  now: () => Date;
  /** Claims a retried event or a repeated view_submission once (buttons, modals, App Home). */
  interactions?: InteractionGuard;
  /** Skips publishing a Home identical to the one last published to that person. */
  homes?: PublishedHomes;
}

export interface CommandContext {
  deps: CommandDeps;
  command: SlashCommand;
  client: WebClient;
  key: TeamKey;
  userId: string;
  channelId: string;
  /** Tokens after the subcommand word(s). */
  args: Token[];
  /** The subcommand as typed, for messages ("org add"). */
  name: string;
}

/** null: nothing to say (e.g. a modal was opened), the ack is empty. */
export type CommandHandler = (ctx: CommandContext) => Promise<Reply | null>;

export function teamKeyOf(command: { team_id: string; enterprise_id?: string }): TeamKey {
  return { teamId: command.team_id, enterpriseId: command.enterprise_id ?? '' };
}
