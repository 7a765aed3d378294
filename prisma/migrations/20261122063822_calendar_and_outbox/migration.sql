-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('coordination', 'governing-body', 'bureau', 'working-group', 'other');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('scheduled', 'postponed', 'cancelled');

-- CreateEnum
CREATE TYPE "DeadlineUnit" AS ENUM ('day', 'week');

-- CreateEnum
CREATE TYPE "DeadlineDirection" AS ENUM ('before', 'after');

-- CreateEnum
CREATE TYPE "DeadlineStatus" AS ENUM ('active', 'cancelled');

-- CreateEnum
CREATE TYPE "OutboundStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "IdSequence" (
    "committeeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IdSequence_pkey" PRIMARY KEY ("committeeId","name")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "kind" "MeetingKind" NOT NULL DEFAULT 'other',
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "startTime" TEXT,
    "endTime" TEXT,
    "timeZone" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "venue" TEXT NOT NULL DEFAULT '',
    "status" "MeetingStatus" NOT NULL DEFAULT 'scheduled',
    "url" TEXT,
    "documentSymbol" TEXT,
    "externalKey" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" TEXT,
    "meetingId" TEXT,
    "offsetAmount" INTEGER,
    "offsetUnit" "DeadlineUnit",
    "direction" "DeadlineDirection",
    "rrule" TEXT,
    "effectiveDue" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "status" "DeadlineStatus" NOT NULL DEFAULT 'active',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineOrganization" (
    "deadlineId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,

    CONSTRAINT "DeadlineOrganization_pkey" PRIMARY KEY ("deadlineId","organizationId")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "blocks" JSONB,
    "status" "OutboundStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "slackTs" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_committeeId_startsAt_idx" ON "Meeting"("committeeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_committeeId_number_key" ON "Meeting"("committeeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_committeeId_externalKey_key" ON "Meeting"("committeeId", "externalKey");

-- CreateIndex
CREATE INDEX "Deadline_committeeId_effectiveDue_idx" ON "Deadline"("committeeId", "effectiveDue");

-- CreateIndex
CREATE INDEX "Deadline_meetingId_idx" ON "Deadline"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Deadline_committeeId_number_key" ON "Deadline"("committeeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_token_key" ON "CalendarFeed"("token");

-- CreateIndex
CREATE INDEX "CalendarFeed_committeeId_idx" ON "CalendarFeed"("committeeId");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_createdAt_idx" ON "OutboundMessage"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "IdSequence" ADD CONSTRAINT "IdSequence_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineOrganization" ADD CONSTRAINT "DeadlineOrganization_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineOrganization" ADD CONSTRAINT "DeadlineOrganization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;
