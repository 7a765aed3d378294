-- CreateTable
CREATE TABLE "TestClock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "now" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TestClock_pkey" PRIMARY KEY ("id")
);
