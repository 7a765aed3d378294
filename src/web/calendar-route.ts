/**
 * `GET /calendar/<token>.ics` (and `HEAD`, which Node answers without the body): the committee's private
 * ICS feed (200 text/calendar), 404 for an unknown or revoked token, and 503 with Retry-After while the
 * database cannot be read, so that calendar clients try again later instead of dropping the subscription.
 * The token is a secret: it is never logged (the committee id is).
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Db } from '../db/database.ts';
import { describeError, type Logger } from '../logger.ts';
import { renderFeed } from '../calendar/feed-service.ts';
import type { Route } from './server.ts';

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

export function calendarFeedRoute(db: Db, logger: Logger): Route {
  return {
    method: 'GET',
    path: /^\/calendar\/([^/]+)\.ics$/,
    handler: async (req, res, [token]) => {
      let feed: Awaited<ReturnType<typeof renderFeed>>;
      try {
        feed = await renderFeed(db, token ?? '');
      } catch (err) {
        logger.error({ ...describeError(err) }, 'calendar feed unavailable');
        return unavailable(res);
      }
      if (!feed) {
        res.writeHead(404, TEXT).end('No calendar here. Ask Concord for a new link with the calendar command.');
        return;
      }
      const etag = `"${createHash('sha256').update(feed.ics).digest('base64url').slice(0, 27)}"`;
      const headers = { etag, 'cache-control': 'private, max-age=300', 'x-robots-tag': 'noindex' };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      logger.debug({ committeeId: feed.committeeId }, 'calendar feed served');
      res
        .writeHead(200, { ...headers, 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="concord.ics"' })
        .end(feed.ics);
    },
  };
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { ...TEXT, 'retry-after': '300' }).end('The calendar is unavailable for a moment. Try again in a few minutes.\n');
}
