-- CreateIndex
CREATE INDEX "FollowUpAssignment_committeeId_status_organizationId_snooze_idx" ON "FollowUpAssignment"("committeeId", "status", "organizationId", "snoozedUntil");
