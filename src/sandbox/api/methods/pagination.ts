/**
 * Cursor pagination as Slack does it: `limit` + opaque `cursor`, answered with
 * `response_metadata.next_cursor` ('' on the last page). DOC https://docs.slack.dev/apis/web-api/pagination
 */
import { SlackApiError } from '../api-error.ts';
import { int, str, type Args } from '../args.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string;
}

/** Slices `all` by the call's limit/cursor; an unreadable cursor gives `invalid_cursor`. */
export function paginate<T>(all: T[], args: Args, defaultLimit = 100): Page<T> {
  const limit = int(args, 'limit', defaultLimit);
  const cursor = str(args, 'cursor');
  const offset = cursor ? decode(cursor) : 0;
  const items = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? encode(offset + limit) : '';
  return { items, nextCursor: next };
}

function encode(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

function decode(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match?.[1]) throw new SlackApiError('invalid_cursor');
  return Number(match[1]);
}
