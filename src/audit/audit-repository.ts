import type { DbClient } from '../db/transaction.ts';

export interface AuditEntry {
  committeeId: string;
  actorId: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

/** Every mutation writes one, in the same transaction as the change. */
export async function recordAudit(db: DbClient, e: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      committeeId: e.committeeId,
      actorId: e.actorId,
      action: e.action,
      subject: e.subject,
      before: e.before === undefined ? undefined : (JSON.parse(JSON.stringify(e.before)) as object),
      after: e.after === undefined ? undefined : (JSON.parse(JSON.stringify(e.after)) as object),
    },
  });
}
