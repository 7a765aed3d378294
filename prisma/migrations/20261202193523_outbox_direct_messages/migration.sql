-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "fallbackChannelId" TEXT,
ADD COLUMN     "postedChannelId" TEXT,
ADD COLUMN     "recipientUserId" TEXT,
ADD COLUMN     "updateOfId" TEXT;
