import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';

const minimal = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(minimal);
    expect(c).toMatchObject({
      slackApiUrl: 'https://slack.com/api/',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'concord',
      port: 3000,
      slackCommand: '/concord',
      role: 'all',
      logLevel: 'info',
      publicUrl: 'http://localhost:3000',
      deliveryLeaseMs: 60_000,
      shutdownGraceMs: 10_000,
    });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('treats empty values as unset and normalizes the API URL', () => {
    const c = loadConfig({ ...minimal, DATABASE_URL: '', SLACK_API_URL: 'http://127.0.0.1:3001/api' });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.slackApiUrl).toBe('http://127.0.0.1:3001/api/');
  });

  it('needs no signing secret in Socket Mode or for a worker', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'xapp-1' })).not.toThrow();
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'x', ROLE: 'worker' })).not.toThrow();
  });

  it('reads the shutdown grace in seconds and refuses one that is not a whole number from 1 to 300', () => {
    expect(loadConfig({ ...minimal, SHUTDOWN_GRACE_SECONDS: '2' }).shutdownGraceMs).toBe(2000);
    for (const bad of ['0', '2.5', 'soon', '301']) expect(() => loadConfig({ ...minimal, SHUTDOWN_GRACE_SECONDS: bad })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: 'localhost', SLACK_APP_TOKEN: 'xoxb-wrong', SLACK_COMMAND: 'concord' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['SLACK_BOT_TOKEN', 'DATABASE_URL', 'REDIS_URL', 'SLACK_APP_TOKEN', 'SLACK_COMMAND']) expect(problems).toContain(name);
    }
  });
});
