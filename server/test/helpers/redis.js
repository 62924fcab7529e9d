// Starts a real redis-server (Debian's package) on a free loopback port for a test, with
// its data in a temp directory; restart() keeps that directory (append-only file), as a
// Redis restart in production would, unless asked to start without its data.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import { tempDir } from './server.js';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPing(port, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRedis() {
  const dir = tempDir('amicus-redis-test-');
  const port = await freePort();
  let child = null;
  async function launch() {
    child = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'yes',
        '--appendfsync', 'always', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    child.once('error', (err) => {
      throw new Error(`cannot start redis-server (scripts/setup-debian.sh installs it): ${err.message}`);
    });
    await waitForPing(port);
  }
  await launch();
  const clients = [];
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    client(options = {}) {
      const c = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 50, ...options });
      // A test's own connection lives through the restarts the test makes.
      c.on('error', () => {});
      clients.push(c);
      return c;
    },
    async kill(signal = 'SIGKILL') {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
    // After kill(): the same server again, on its data directory.
    async start() {
      await launch();
    },
    // { lostData: true }: the machine's disk went too (no append-only file at start).
    async restart({ lostData = false } = {}) {
      await this.kill('SIGTERM');
      if (lostData) {
        for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      }
      await launch();
    },
    async stop() {
      for (const c of clients) c.disconnect();
      if (child.exitCode === null && child.signalCode === null) await this.kill('SIGTERM');
    },
  };
}
