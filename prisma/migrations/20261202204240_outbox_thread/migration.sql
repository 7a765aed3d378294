-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "threadOfId" TEXT;
