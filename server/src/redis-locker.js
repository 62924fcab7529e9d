// The tus upload lock across processes, on Redis: an implementation of @tus/utils'
// Locker. tus forbids two requests writing one upload at once; with several endpoint
// processes behind a load balancer, a client's retry can reach another process while its
// first PATCH still runs, so the in-process MemoryLocker is not enough.
//
// - take: SET key token NX PX ttl (the token is random per lock, so only its holder can
//   renew or release it);
// - hold: the TTL is renewed every ttl/3 while the request runs; a holder whose process
//   dies stops renewing and the lock frees itself after ttl;
// - release: compare-and-delete (a Lua script), then a "released" message wakes waiters;
// - a request that finds the lock taken publishes a release request: the holder, on
//   whichever process, calls the requestRelease callback @tus/server gave it (which ends
//   the old request cleanly), and the waiter takes the lock once it is free.
import crypto from 'node:crypto';
import { ERRORS } from '@tus/utils';

const RENEW_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if current == false then
  -- Lost with a Redis restart (no one else took it): hold it again.
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 2
end
return 0`;

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class RedisLocker {
  // redis: an ioredis client for commands; the locker opens its own subscriber connection.
  constructor({ redis, prefix = 'amicus:lock:', ttlMs = 30_000, acquireTimeoutMs = 30_000, retryMs = 100, log = () => {} }) {
    this.redis = redis;
    this.prefix = prefix;
    this.ttlMs = ttlMs;
    this.acquireTimeoutMs = acquireTimeoutMs;
    this.retryMs = retryMs;
    this.log = log;
    this.releaseChannel = `${prefix}release-request`;
    this.releasedChannel = `${prefix}released`;
    this.held = new Map(); // upload id -> RedisLock held by this process
    this.waiters = new Map(); // upload id -> Set of wake-up functions
    this.subscriber = redis.duplicate();
    this.subscriber.on('error', (err) => this.log(`redis locker subscriber: ${err.message}`));
    this.subscriber.on('message', (channel, id) => this.onMessage(channel, id));
    this.ready = this.subscriber.subscribe(this.releaseChannel, this.releasedChannel);
  }

  newLock(id) {
    return new RedisLock(this, id);
  }

  keyFor(id) {
    return `${this.prefix}${id}`;
  }

  onMessage(channel, id) {
    if (channel === this.releaseChannel) {
      this.held.get(id)?.askToRelease();
    } else if (channel === this.releasedChannel) {
      for (const wake of this.waiters.get(id) ?? []) wake();
    }
  }

  // Resolves after ms, or earlier when the lock on id is announced free or signal aborts.
  waitForRelease(id, ms, signal) {
    return new Promise((resolve) => {
      let set = this.waiters.get(id);
      if (!set) this.waiters.set(id, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      set.add(done);
    });
  }

  async close() {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}

class RedisLock {
  constructor(locker, id) {
    this.locker = locker;
    this.id = id;
    this.key = locker.keyFor(id);
    this.token = crypto.randomBytes(16).toString('hex');
    this.renewTimer = null;
    this.requestRelease = null;
  }

  async lock(stopSignal, requestRelease) {
    const { locker } = this;
    await locker.ready;
    const deadline = Date.now() + locker.acquireTimeoutMs;
    let asked = 0;
    for (;;) {
      if (stopSignal.aborted) throw ERRORS.ERR_LOCK_TIMEOUT;
      const taken = await locker.redis.set(this.key, this.token, 'PX', locker.ttlMs, 'NX');
      if (taken === 'OK') {
        this.hold(requestRelease);
        return;
      }
      const now = Date.now();
      if (now >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      // Ask the holder to let go; again every second in case the message was missed.
      if (now - asked >= 1000) {
        asked = now;
        await locker.redis.publish(locker.releaseChannel, this.id);
      }
      await locker.waitForRelease(this.id, Math.min(locker.retryMs, deadline - now), stopSignal);
    }
  }

  hold(requestRelease) {
    const { locker } = this;
    this.requestRelease = requestRelease;
    locker.held.set(this.id, this);
    this.renewTimer = setInterval(() => this.renew(), Math.max(50, Math.floor(locker.ttlMs / 3)));
    this.renewTimer.unref();
  }

  async renew() {
    const { locker } = this;
    try {
      const result = await locker.redis.eval(RENEW_SCRIPT, 1, this.key, this.token, locker.ttlMs);
      if (result === 0) {
        // Someone else holds it now (we were too slow to renew): stop writing.
        locker.log(`lock on ${this.id} lost; ending the request`);
        this.askToRelease();
      }
    } catch (err) {
      locker.log(`lock renewal for ${this.id} failed: ${err.message}`);
    }
  }

  askToRelease() {
    const release = this.requestRelease;
    this.requestRelease = null; // once is enough
    if (release) Promise.resolve(release()).catch(() => {});
  }

  async unlock() {
    const { locker } = this;
    clearInterval(this.renewTimer);
    this.renewTimer = null;
    if (locker.held.get(this.id) === this) locker.held.delete(this.id);
    this.requestRelease = null;
    const deleted = await locker.redis.eval(RELEASE_SCRIPT, 1, this.key, this.token);
    if (deleted === 1) await locker.redis.publish(locker.releasedChannel, this.id);
    else locker.log(`lock on ${this.id} had already expired or moved at release`);
  }
}
