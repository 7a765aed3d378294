-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "slackTz" TEXT;
