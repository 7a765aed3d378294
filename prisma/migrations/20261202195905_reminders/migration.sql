-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('pending', 'sending', 'sent', 'skipped', 'cancelled', 'failed');

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "recipientKind" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "outboundId" TEXT,
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Reminder_committeeId_subjectKind_subjectId_idx" ON "Reminder"("committeeId", "subjectKind", "subjectId");

-- CreateIndex
CREATE INDEX "Reminder_outboundId_idx" ON "Reminder"("outboundId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_subjectKind_subjectId_rule_recipient_key" ON "Reminder"("subjectKind", "subjectId", "rule", "recipient");

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;
