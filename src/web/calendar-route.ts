/**
 * `GET /calendar/<token>.ics`: the committee's private ICS feed (200 text/calendar), or 404 for an unknown
 * or revoked token. The token is a secret: it is never logged (the committee id is).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { renderFeed } from '../calendar/feed-service.ts';
import type { Route } from './server.ts';

export function calendarFeedRoute(db: Db, logger: Logger): Route {
  return {
    method: 'GET',
    path: /^\/calendar\/([^/]+)\.ics$/,
    handler: async (req, res, [token]) => {
      const feed = await renderFeed(db, token ?? '');
      if (!feed) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('No calendar here. Ask Concord for a new link with the calendar command.');
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
