-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "outcomeUnknown" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "OutboundMessage_channelId_status_seq_idx" ON "OutboundMessage"("channelId", "status", "seq");
