/**
 * The instant a row is written, for `updatedAt` bookkeeping: wall time, as Prisma stamps `@updatedAt`
 * itself. Writes set it by hand in raw SQL, and a committee write compares against it to find what it
 * touched — so it must be the same clock as Prisma's, never the product's one clock (src/clock), which a
 * test may move.
 */
export function rowStamp(): Date {
  return new Date();
}
