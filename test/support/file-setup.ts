/**
 * Runs before each test file. Test files share their worker's modules (vitest.config.ts: isolate off), so
 * each file starts where a fresh process would: on the system clock (a test app started by an earlier file
 * set the process's clock to its test clock; see src/clock/clock.ts).
 */
import { systemClock, useClock } from '../../src/clock/clock.ts';

useClock(systemClock);
