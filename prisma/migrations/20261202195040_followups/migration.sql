-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "FollowUpEventKind" AS ENUM ('assign', 'update', 'snooze', 'done', 'reopen', 'reassign', 'cancel');

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" TEXT,
    "timeZone" TEXT NOT NULL,
    "meetingId" TEXT,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'open',
    "createdBy" TEXT NOT NULL,
    "cancelledBy" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpAssignment" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'open',
    "note" TEXT,
    "doneBy" TEXT,
    "doneAt" TIMESTAMP(3),
    "snoozedUntil" TEXT,
    "snoozeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpEvent" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "kind" "FollowUpEventKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "text" TEXT,
    "until" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "FollowUpEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpMessage" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "recipientUserId" TEXT NOT NULL,
    "outboundId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUpMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowUp_committeeId_status_dueDate_idx" ON "FollowUp"("committeeId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "FollowUp_meetingId_idx" ON "FollowUp"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_committeeId_number_key" ON "FollowUp"("committeeId", "number");

-- CreateIndex
CREATE INDEX "FollowUpAssignment_organizationId_status_idx" ON "FollowUpAssignment"("organizationId", "status");

-- CreateIndex
CREATE INDEX "FollowUpAssignment_committeeId_status_idx" ON "FollowUpAssignment"("committeeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpAssignment_followUpId_organizationId_key" ON "FollowUpAssignment"("followUpId", "organizationId");

-- CreateIndex
CREATE INDEX "FollowUpEvent_followUpId_seq_idx" ON "FollowUpEvent"("followUpId", "seq");

-- CreateIndex
CREATE INDEX "FollowUpEvent_assignmentId_idx" ON "FollowUpEvent"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpMessage_outboundId_key" ON "FollowUpMessage"("outboundId");

-- CreateIndex
CREATE INDEX "FollowUpMessage_assignmentId_idx" ON "FollowUpMessage"("assignmentId");

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAssignment" ADD CONSTRAINT "FollowUpAssignment_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAssignment" ADD CONSTRAINT "FollowUpAssignment_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAssignment" ADD CONSTRAINT "FollowUpAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpEvent" ADD CONSTRAINT "FollowUpEvent_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpEvent" ADD CONSTRAINT "FollowUpEvent_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpEvent" ADD CONSTRAINT "FollowUpEvent_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "FollowUpAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpMessage" ADD CONSTRAINT "FollowUpMessage_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpMessage" ADD CONSTRAINT "FollowUpMessage_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "FollowUpAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
