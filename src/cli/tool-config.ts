/**
 * Settings for command-line tools (seed, import, migrate): only the database settings matter, so the
 * Slack tokens are not required. Errors print as one message and exit 1.
 */
import { ConfigError, loadDotEnv, loadToolConfig, type Config } from '../config.ts';

export function loadConfigForTools(): Config {
  try {
    loadDotEnv();
    return loadToolConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
