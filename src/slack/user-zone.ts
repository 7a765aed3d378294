/**
 * A Slack user's time zone (users.info `tz`), cached for 15 minutes per user. Dates users type are read in
 * it. Falls back to the given zone when Slack has none (the field may be missing or empty, slack-platform.md §7).
 */
import type { WebClient } from '@slack/web-api';
import { resolveZone } from '../time/zones.ts';

const TTL_MS = 15 * 60 * 1000;

export interface UserZones {
  zoneOf(client: WebClient, userId: string, fallback: string): Promise<string>;
}

export function createUserZones(nowMs: () => number = Date.now): UserZones {
  const cache = new Map<string, { zone: string | null; until: number }>();
  return {
    async zoneOf(client, userId, fallback) {
      const hit = cache.get(userId);
      if (hit && hit.until > nowMs()) return hit.zone ?? fallback;
      let zone: string | null = null;
      try {
        const info = await client.users.info({ user: userId });
        const tz = info.user?.tz;
        if (tz) {
          const r = resolveZone(tz);
          zone = r.ok ? r.zone : null;
        }
      } catch {
        // Slack unreachable or the user unknown: use the fallback, do not cache the failure.
        return fallback;
      }
      if (cache.size > 10_000) cache.clear();
      cache.set(userId, { zone, until: nowMs() + TTL_MS });
      return zone ?? fallback;
    },
  };
}
