// Issue #15, finding 2: stalled requests must not exhaust the endpoint. A
// connection that carries nothing for --idle-timeout is closed (tusd's network
// timeout), request headers must arrive within --headers-timeout, and the
// connection caps leave room for other clients while the silent ones wait.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createUpload, MIN_ENVELOPE_BYTES, newSubmissionId, startServer } from './helpers/server.js';

// Opens a socket from `localAddress`, writes `text`, and resolves with how long
// the server took to close it (or null if still open after `waitMs`).
function timeToClose(port, text, { localAddress = '127.0.0.1', waitMs = 8000 } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const sock = net.connect({ port, host: '127.0.0.1', localAddress });
    const timer = setTimeout(() => {
      sock.destroy();
      resolve(null);
    }, waitMs);
    sock.on('connect', () => sock.write(text));
    sock.on('data', () => {});
    sock.on('error', () => {});
    sock.on('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

function openSilent(port, localAddress) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1', localAddress });
    sock.on('error', () => {});
    sock.on('connect', () => resolve(sock));
    sock.on('close', () => resolve(sock));
  });
}

function patchHeaders(id, length) {
  return (
    `PATCH /files/${id} HTTP/1.1\r\nHost: a\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n` +
    `Content-Type: application/offset+octet-stream\r\nContent-Length: ${length}\r\n\r\n`
  );
}

describe('timeouts', () => {
  let srv;
  let port;
  before(async () => {
    srv = await startServer({ args: ['--idle-timeout', '1', '--headers-timeout', '2'] });
    port = Number(new URL(srv.url).port);
  });
  after(async () => {
    await srv.stop();
  });

  test('a PATCH whose body never comes is closed after the idle timeout', async () => {
    const created = await createUpload(srv.url, {
      length: MIN_ENVELOPE_BYTES,
      metadata: { submission_id: newSubmissionId(), call_id: 'c' },
    });
    assert.equal(created.status, 201);
    const id = created.headers.get('location').split('/').pop();
    // Headers in, then ten bytes of the body, then silence.
    const ms = await timeToClose(port, `${patchHeaders(id, MIN_ENVELOPE_BYTES)}0123456789`);
    assert.ok(ms !== null, 'the stalled PATCH was never closed');
    assert.ok(ms >= 900 && ms < 4000, `closed after ${ms} ms`);
  });

  test('a connection that never sends a byte is closed after the idle timeout', async () => {
    const ms = await timeToClose(port, '');
    assert.ok(ms !== null && ms < 4000, `closed after ${ms} ms`);
  });

  test('headers dribbled a byte at a time are cut at the headers timeout', async () => {
    const started = Date.now();
    const closedAfter = await new Promise((resolve) => {
      const sock = net.connect({ port, host: '127.0.0.1' });
      let timer;
      const text = 'POST /files HTTP/1.1\r\nHost: a\r\nX-Slow: ' + 'a'.repeat(1000);
      let i = 0;
      sock.on('connect', () => {
        // Never idle for a second, so only the headers deadline can end it.
        timer = setInterval(() => {
          if (i < text.length) sock.write(text[i++]);
        }, 200);
      });
      sock.on('data', () => {});
      sock.on('error', () => {});
      sock.on('close', () => {
        clearInterval(timer);
        resolve(Date.now() - started);
      });
      setTimeout(() => sock.destroy(), 10_000);
    });
    assert.ok(closedAfter >= 1800 && closedAfter < 5000, `closed after ${closedAfter} ms`);
  });
});

describe('connection caps', () => {
  let srv;
  let port;
  before(async () => {
    srv = await startServer({
      args: ['--idle-timeout', '30', '--max-connections', '40', '--max-connections-per-address', '8'],
    });
    port = Number(new URL(srv.url).port);
  });
  after(async () => {
    await srv.stop();
  });

  test('silent sockets from one address take at most their share; another address is still served', async () => {
    const socks = [];
    for (let i = 0; i < 30; i++) socks.push(await openSilent(port, '127.0.0.1'));
    await new Promise((r) => setTimeout(r, 300));
    const open = socks.filter((s) => !s.destroyed && s.readyState === 'open').length;
    assert.equal(open, 8, 'only the per-address share stays open');
    // A client from another loopback address gets its answer at once.
    const ms = await new Promise((resolve, reject) => {
      const started = Date.now();
      const sock = net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' });
      let answer = '';
      sock.on('connect', () => sock.write('GET /receipts/abcd-1234 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'));
      sock.setEncoding('latin1');
      sock.on('data', (d) => {
        answer += d;
      });
      sock.on('error', reject);
      sock.on('close', () => (answer.startsWith('HTTP/1.1 404') ? resolve(Date.now() - started) : reject(new Error(answer))));
    });
    assert.ok(ms < 2000, `answered in ${ms} ms`);
    for (const s of socks) s.destroy();
  });

  test('beyond --max-connections new sockets are closed, and served again once room is back', async () => {
    const crowd = [];
    for (let a = 3; a < 9; a++) {
      for (let i = 0; i < 8; i++) crowd.push(await openSilent(port, `127.0.0.${a}`));
    }
    await new Promise((r) => setTimeout(r, 300));
    const open = crowd.filter((s) => !s.destroyed && s.readyState === 'open').length;
    assert.equal(open, 40, 'the connections past the total cap were closed');
    for (const s of crowd) s.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const res = await fetch(`${srv.url}/receipts/abcd-1234`);
    assert.equal(res.status, 404);
  });
});
