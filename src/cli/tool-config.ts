/**
 * Settings for command-line tools (seed, import, migrate): only the database settings matter, so the
 * Slack tokens are not required. Errors print as one message and exit 1.
 */
import { ConfigError, loadConfig, type Config } from '../config.ts';

export function loadConfigForTools(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig({ SLACK_BOT_TOKEN: 'unused-by-tools', SLACK_SIGNING_SECRET: 'unused-by-tools', ...env });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
