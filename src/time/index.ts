/** Pure time rules shared by meetings, deadlines and reminders. */
export {
  addDays, compareLocalDates, daysBetween, isLocalDate, isoWeekday, todayInZone,
  type LocalDate, type LocalTime,
} from './local-date.ts';
export { isValidZone, resolveZone, type ZoneResolution } from './zones.ts';
export { addDuration, shiftLocalDate, type CalendarDuration, type CalendarOffset, type CalendarUnit } from './calendar-math.ts';
export {
  addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, previousWorkingDayOnOrBefore,
  type WorkingDayOptions,
} from './working-days.ts';
export { localDateTimeToUtc, utcToLocal, wallClockToUtc, type LocalReading, type WallClock } from './wall-time.ts';
export { DEFAULT_DELIVERY_TIME, deliveryDate, deliveryInstant, type DeliveryOptions, type TimeOfDay } from './delivery.ts';
export {
  parseDateRange, parseUserDate,
  type DateParseResult, type DateRangeParseResult, type ParseDateOptions,
} from './parse-date.ts';
export { parseTimeOfDay, type TimeParseResult } from './parse-time.ts';
export { parseDuration, type DurationParseResult } from './parse-duration.ts';
export {
  formatRule, nextOccurrences, parseRule, toYearlyRule,
  type OccurrenceQuery, type RuleParseResult, type YearlyRule,
} from './recurrence.ts';
export { daysUntil, formatDateRange, formatInstantInZone, formatLocalDate, zoneAbbreviation } from './format.ts';
