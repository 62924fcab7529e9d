// The Redis upload lock (src/redis-locker.js) against a real redis-server: each case of
// @tus/utils' Locker contract, across two lockers standing for two endpoint processes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ERRORS } from '@tus/utils';
import { RedisLocker } from '../src/redis-locker.js';
import { startRedis } from './helpers/redis.js';

let redis;
const lockers = [];

function newLocker(options = {}) {
  const locker = new RedisLocker({ redis: redis.client(), ...options });
  lockers.push(locker);
  return locker;
}

const never = () => {};
const signal = () => new AbortController().signal;

before(async () => {
  redis = await startRedis();
});

after(async () => {
  for (const l of lockers) await l.close();
  await redis.stop();
});

test('a free lock is taken with a token and a TTL, and released by its holder', async () => {
  const a = newLocker({ ttlMs: 5000 });
  const lock = a.newLock('upload-1');
  await lock.lock(signal(), never);
  const probe = redis.client();
  assert.equal(await probe.get('amicus:lock:upload-1'), lock.token);
  const ttl = await probe.pttl('amicus:lock:upload-1');
  assert.ok(ttl > 0 && ttl <= 5000, `ttl ${ttl}`);
  await lock.unlock();
  assert.equal(await probe.get('amicus:lock:upload-1'), null);
});

test('a second process asks the holder to let go and gets the lock after it does', async () => {
  const a = newLocker();
  const b = newLocker();
  const first = a.newLock('upload-2');
  let asked = 0;
  await first.lock(signal(), async () => {
    asked += 1;
    // What @tus/server does: the running request ends, then releases its lock.
    setTimeout(() => first.unlock(), 50);
  });
  const started = Date.now();
  const second = b.newLock('upload-2');
  await second.lock(signal(), never);
  assert.equal(asked, 1, 'the holder was asked once');
  assert.ok(Date.now() - started < 5000);
  assert.equal(await redis.client().get('amicus:lock:upload-2'), second.token);
  await second.unlock();
});

test('a holder that does not let go makes the waiter time out with ERR_LOCK_TIMEOUT', async () => {
  const a = newLocker();
  const b = newLocker({ acquireTimeoutMs: 400 });
  const held = a.newLock('upload-3');
  await held.lock(signal(), never);
  await assert.rejects(b.newLock('upload-3').lock(signal(), never), (err) => err === ERRORS.ERR_LOCK_TIMEOUT);
  await held.unlock();
});

test('an aborted request stops waiting for the lock', async () => {
  const a = newLocker();
  const b = newLocker({ acquireTimeoutMs: 10_000 });
  const held = a.newLock('upload-4');
  await held.lock(signal(), never);
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(b.newLock('upload-4').lock(controller.signal, never));
  assert.ok(Date.now() - started < 5000, 'gave up soon after the abort');
  await held.unlock();
});

test('the TTL is renewed while the request runs', async () => {
  const a = newLocker({ ttlMs: 900 });
  const b = newLocker({ acquireTimeoutMs: 200 });
  const held = a.newLock('upload-5');
  await held.lock(signal(), never);
  await new Promise((r) => setTimeout(r, 2700)); // three TTLs
  assert.equal(await redis.client().get('amicus:lock:upload-5'), held.token);
  await assert.rejects(b.newLock('upload-5').lock(signal(), never));
  await held.unlock();
});

test('a lock whose holder died frees itself after the TTL', async () => {
  const a = newLocker({ ttlMs: 300 });
  const b = newLocker({ acquireTimeoutMs: 3000 });
  const orphan = a.newLock('upload-6');
  await orphan.lock(signal(), never);
  clearInterval(orphan.renewTimer); // the process is gone: nobody renews
  a.held.delete('upload-6');
  const started = Date.now();
  const next = b.newLock('upload-6');
  await next.lock(signal(), never);
  const waited = Date.now() - started;
  assert.ok(waited >= 100 && waited < 5000, `took it after ${waited} ms`);
  await next.unlock();
});

test('release is compare-and-delete: a stale holder cannot free the new holder\'s lock', async () => {
  const a = newLocker({ ttlMs: 200 });
  const b = newLocker();
  const stale = a.newLock('upload-7');
  await stale.lock(signal(), never);
  clearInterval(stale.renewTimer);
  await new Promise((r) => setTimeout(r, 400)); // expired
  const fresh = b.newLock('upload-7');
  await fresh.lock(signal(), never);
  await stale.unlock();
  assert.equal(await redis.client().get('amicus:lock:upload-7'), fresh.token);
  await fresh.unlock();
});

test('a holder whose lock was taken over is asked to stop at its next renewal', async () => {
  const a = newLocker({ ttlMs: 300 });
  const held = a.newLock('upload-8');
  let asked = false;
  await held.lock(signal(), () => {
    asked = true;
  });
  await redis.client().set('amicus:lock:upload-8', 'someone-else');
  for (let i = 0; i < 50 && !asked; i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.ok(asked);
  await held.unlock();
  assert.equal(await redis.client().get('amicus:lock:upload-8'), 'someone-else');
});

test('a lock lost by Redis (restarted without it) is taken again by its holder; others still wait', async () => {
  const a = newLocker({ ttlMs: 600 });
  const held = a.newLock('upload-9');
  await held.lock(signal(), never);
  await redis.client().del('amicus:lock:upload-9'); // as if the restart had lost it
  await redis.restart();
  let holder = null;
  for (let i = 0; i < 50 && holder !== held.token; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    holder = await redis.client().get('amicus:lock:upload-9');
  }
  assert.equal(holder, held.token);
  const b = newLocker({ acquireTimeoutMs: 300 });
  await assert.rejects(b.newLock('upload-9').lock(signal(), never));
  await held.unlock();
});
