/**
 * A Slack user's time zone (users.info `tz`), cached for 15 minutes per user. Dates users type are read in
 * it. Falls back to the given zone when Slack has none (the field may be missing or empty, slack-platform.md §7).
 * Each answer from Slack is also handed to `learned` (the person's reminders follow their profile's zone),
 * without waiting for it: a lookup never holds up the command that asked.
 */
import type { WebClient } from '@slack/web-api';
import { resolveZone } from '../time/zones.ts';

const TTL_MS = 15 * 60 * 1000;

export interface UserZones {
  zoneOf(client: WebClient, userId: string, fallback: string): Promise<string>;
  /** The profile's zone; null when the profile has none, undefined when Slack could not be asked. */
  profileZone(client: WebClient, userId: string): Promise<string | null | undefined>;
}

export interface UserZonesOptions {
  nowMs?: () => number;
  /** Told each profile zone Slack answers with (null: none set). Must not throw. */
  learned?: (userId: string, zone: string | null) => Promise<void>;
}

export function createUserZones(opts: UserZonesOptions = {}): UserZones {
  const nowMs = opts.nowMs ?? Date.now;
  const cache = new Map<string, { zone: string | null; until: number }>();
  const profileZone = async (client: WebClient, userId: string): Promise<string | null | undefined> => {
    const hit = cache.get(userId);
    if (hit && hit.until > nowMs()) return hit.zone;
    let zone: string | null = null;
    try {
      const info = await client.users.info({ user: userId });
      const tz = info.user?.tz;
      if (tz) {
        const r = resolveZone(tz);
        zone = r.ok ? r.zone : null;
      }
    } catch {
      // Slack unreachable or the user unknown: nothing learned, the failure not cached.
      return undefined;
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(userId, { zone, until: nowMs() + TTL_MS });
    void opts.learned?.(userId, zone);
    return zone;
  };
  return {
    profileZone,
    async zoneOf(client, userId, fallback) {
      return (await profileZone(client, userId)) ?? fallback;
    },
  };
}
