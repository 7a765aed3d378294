/**
 * How domain services announce a change in a channel without knowing Slack or BullMQ: they add outbox
 * rows in their transaction, then hand the ids to `dispatch` (wired to the job queue in runtime.ts).
 * If dispatch fails, the worker's reconciler still finds the rows.
 */
export type Dispatch = (outboundIds: string[]) => Promise<void>;

export const noDispatch: Dispatch = async () => {};
