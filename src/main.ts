/** Entry point: `npm start`. ROLE=all (default) runs the web side and the worker; web or worker runs one. */
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { createLogger } from './logger.ts';
import { UserFacingStartupError } from './errors.ts';
import { startConcord } from './runtime.ts';

/** Beyond the grace, a shutdown that still hangs (e.g. a database that never answers) is cut short. */
const HARD_LIMIT_MARGIN_MS = 10_000;

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running = await startConcord(config, logger);
  const hardLimitMs = config.shutdownGraceMs + HARD_LIMIT_MARGIN_MS;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: finishing in-flight work');
    setTimeout(() => {
      logger.error({ limitMs: hardLimitMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, hardLimitMs).unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof UserFacingStartupError) {
    console.error(err.message);
  } else {
    console.error(`Concord failed to start: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
  process.exit(1);
});
