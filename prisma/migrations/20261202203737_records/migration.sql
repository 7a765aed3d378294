-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('draft', 'circulated', 'adopted');

-- CreateTable
CREATE TABLE "SummaryRecord" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "meetingId" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'draft',
    "silenceEndsAt" TIMESTAMP(3),
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "circulatedBy" TEXT,
    "circulatedAt" TIMESTAMP(3),
    "adoptedBy" TEXT,
    "adoptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SummaryRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummaryRecordVersion" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "header" JSONB NOT NULL,
    "matters" JSONB NOT NULL,
    "decisions" JSONB NOT NULL,
    "followUps" JSONB NOT NULL,
    "carryOver" JSONB NOT NULL DEFAULT '[]',
    "bodyText" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SummaryRecordVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordObjection" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordObjection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordDraft" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "recordId" TEXT,
    "values" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecordDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordFollowUp" (
    "committeeId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,

    CONSTRAINT "RecordFollowUp_pkey" PRIMARY KEY ("recordId","followUpId")
);

-- CreateIndex
CREATE INDEX "SummaryRecord_meetingId_idx" ON "SummaryRecord"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryRecord_committeeId_number_key" ON "SummaryRecord"("committeeId", "number");

-- CreateIndex
CREATE INDEX "SummaryRecordVersion_committeeId_idx" ON "SummaryRecordVersion"("committeeId");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryRecordVersion_recordId_version_key" ON "SummaryRecordVersion"("recordId", "version");

-- CreateIndex
CREATE INDEX "RecordObjection_recordId_idx" ON "RecordObjection"("recordId");

-- CreateIndex
CREATE UNIQUE INDEX "RecordDraft_committeeId_userId_key" ON "RecordDraft"("committeeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "RecordFollowUp_followUpId_key" ON "RecordFollowUp"("followUpId");

-- AddForeignKey
ALTER TABLE "SummaryRecord" ADD CONSTRAINT "SummaryRecord_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryRecordVersion" ADD CONSTRAINT "SummaryRecordVersion_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryRecordVersion" ADD CONSTRAINT "SummaryRecordVersion_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "SummaryRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordObjection" ADD CONSTRAINT "RecordObjection_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordObjection" ADD CONSTRAINT "RecordObjection_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "SummaryRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordDraft" ADD CONSTRAINT "RecordDraft_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordFollowUp" ADD CONSTRAINT "RecordFollowUp_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordFollowUp" ADD CONSTRAINT "RecordFollowUp_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "SummaryRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;
