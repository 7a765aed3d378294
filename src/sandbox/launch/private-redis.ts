/**
 * Redis for `npm run sandbox`: the configured one when it answers; otherwise, when it was meant to be on
 * this machine and `redis-server` is installed, a private one for the sandbox's lifetime (a temporary
 * directory, a free port, no persistence), stopped and removed by `stop()`. With no Redis and no
 * `redis-server`, a one-line error says what to do.
 *
 * @example
 *   const redis = await sandboxRedis(config.redisUrl);
 *   // … REDIS_URL = redis.url …
 *   await redis.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { UserFacingStartupError } from '../../errors.ts';

export interface SandboxRedis {
  url: string;
  /** Set when the sandbox started its own redis-server: its data directory. */
  privateDir?: string;
  stop(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True when a Redis answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const hidden = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/**
 * @param url the configured REDIS_URL
 * @param binary the server to start (tests pass a missing one to see the error)
 */
export async function sandboxRedis(url: string, binary = 'redis-server'): Promise<SandboxRedis> {
  if (await redisAnswers(url)) return { url, stop: async () => {} };
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // an unparsable URL: the runtime's own error explains it
  }
  if (!LOCAL_HOSTS.has(host)) return { url, stop: async () => {} };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'concord-sandbox-redis-'));
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const failed = new Promise<Error>((resolve) => {
    child.once('error', resolve);
    child.once('exit', (code) => resolve(new Error(`exited with code ${code}`)));
  });
  const stop = async (): Promise<void> => {
    await kill(child);
    await rm(dir, { recursive: true, force: true });
  };
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const outcome = await Promise.race([failed, new Promise((r) => setTimeout(r, 50, 'wait'))]);
    if (outcome instanceof Error) {
      await stop();
      const missing = (outcome as NodeJS.ErrnoException).code === 'ENOENT';
      throw new UserFacingStartupError(
        missing
          ? `Redis is not reachable at ${hidden(url)} and ${binary} is not installed: install Redis (e.g. \`apt-get install redis-server\`, \`brew install redis\`) or set REDIS_URL.`
          : `Redis is not reachable at ${hidden(url)}, and the sandbox's own ${binary} did not start (${outcome.message}). Start one (\`redis-server --daemonize yes\`) or set REDIS_URL.`,
      );
    }
    if (await redisAnswers(privateUrl, 500)) return { url: privateUrl, privateDir: dir, stop };
  }
  await stop();
  throw new UserFacingStartupError(`Redis is not reachable at ${hidden(url)}, and the sandbox's own ${binary} did not answer within 5 s. Start one (\`redis-server --daemonize yes\`) or set REDIS_URL.`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}
