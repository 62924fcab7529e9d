// What changes when several endpoint processes serve one deadline (docs/secretariat.md,
// "Scaling out"): with --s3-endpoint the uploads, their tus records and the receipts live
// in an S3 bucket, the upload lock and the receipt claim in Redis (--redis). Returns null
// for the single-process default (file store, in-process lock, receipts on local disk).
import Redis from 'ioredis';
import { log } from './log.js';
import { RedisLocker } from './redis-locker.js';
import { createS3Store, removeFinishedUpload, s3Credentials } from './s3-storage.js';
import { SharedReceiptStore } from './shared-receipts.js';

export async function createScaleOut(config, privateKey) {
  const { s3Endpoint, s3Bucket, s3Region, s3CredentialsFile, redisUrl, expireSeconds } = config;
  if (!s3Endpoint && !redisUrl) return null;
  if (!s3Endpoint || !s3Bucket || !redisUrl) {
    throw new Error('several processes need all of --s3-endpoint, --s3-bucket and --redis');
  }
  const redis = new Redis(redisUrl, {
    // Commands wait for a restarting Redis (a few seconds) instead of failing at once.
    maxRetriesPerRequest: 40,
    retryStrategy: (attempt) => Math.min(50 * attempt, 500),
  });
  redis.on('error', (err) => log(`redis: ${err.message}`));
  const store = createS3Store({
    endpoint: s3Endpoint,
    bucket: s3Bucket,
    region: s3Region,
    credentials: s3Credentials({ credentialsFile: s3CredentialsFile }),
    expireSeconds,
  });
  // The bucket must exist (made by the operator); say so at start rather than at the first upload.
  try {
    await store.client.headBucket({ Bucket: s3Bucket });
  } catch (err) {
    redis.disconnect();
    throw new Error(`S3 bucket ${s3Bucket} at ${s3Endpoint} is not usable: ${err.name ?? err.message}`);
  }
  const locker = new RedisLocker({ redis, log });
  await locker.ready;
  const receipts = new SharedReceiptStore({ store, redis, privateKey });
  return {
    store,
    locker,
    receipts,
    removeUpload: (id) => removeFinishedUpload(store, id),
    async close() {
      await locker.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
