/**
 * How processes tell each other that a committee changed, so each drops what it cached about it.
 * Implemented over Redis pub/sub (`jobs/redis-invalidation.ts`); domain code sees only this interface.
 */
export interface Invalidation {
  /** Tells every process (this one included) that committee `key` changed. Resolves once the message is out. */
  publish(key: string): Promise<void>;
  /**
   * `onKey` runs for every published key; `onLive(false)` when messages may be missed (the connection is
   * down), `onLive(true)` once they arrive again. While not live, caches must not serve anything.
   */
  subscribe(onKey: (key: string) => void, onLive: (live: boolean) => void): void;
}
