/**
 * Waits until a probe returns something, re-checking on every state change (and every 50 ms, for
 * probes that depend on time), so tests never sleep blindly.
 */
import type { Store } from './store.ts';

/** A probe returns the thing waited for, or undefined/false/null while it is not there yet. */
export type Probe<T> = () => T | undefined | null | false;

export class WaitTimeoutError extends Error {
  constructor(description: string, timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms waiting for ${description}`);
  }
}

/**
 * @example
 *   const msg = await waitFor(store, () => store.messages.get('C1')?.find((m) => m.text.includes('Agenda')), 2000, 'agenda');
 */
export function waitFor<T>(store: Store, probe: Probe<T>, timeoutMs = 2000, description = 'a condition'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      store.off('change', check);
      clearInterval(poll);
      clearTimeout(timer);
      fn();
    };
    function check(): void {
      try {
        const value = probe();
        if (value !== undefined && value !== null && value !== false) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    }
    store.on('change', check);
    const poll = setInterval(check, 50);
    const timer = setTimeout(() => finish(() => reject(new WaitTimeoutError(description, timeoutMs))), timeoutMs);
    check();
  });
}
