// What changes when several endpoint processes serve one deadline (docs/secretariat.md,
// "Scaling out"). The upload lock and the receipt claim move to Redis (--redis); the
// uploads, their tus records and the receipts' durable copies live either
// - in an S3 bucket (--s3-endpoint, --s3-bucket): processes on any number of hosts, or
// - in the data directory they share (--redis alone): processes on one host, one disk.
// Returns null for the single-process default (file store, in-process lock, receipts on
// local disk).
import path from 'node:path';
import Redis from 'ioredis';
import { sha256File } from './hash.js';
import { log } from './log.js';
import { ReceiptStore } from './receipts.js';
import { RedisLocker } from './redis-locker.js';
import { createS3Store, removeFinishedUpload, s3Credentials, s3ReceiptCopies, sha256Object } from './s3-storage.js';
import { SharedReceiptStore } from './shared-receipts.js';

// The receipts' durable copies in the shared data directory: the single-process store's
// files (temp + fsync + link), so a secretariat can move between the two set-ups.
async function fileReceiptCopies(dir, privateKey) {
  const files = new ReceiptStore(dir, privateKey);
  await files.init();
  return {
    read: (submissionId) => files.getRaw(submissionId),
    // A copy already there was repaired from the same claim: the same bytes.
    write: (submissionId, bytes) => files.writeOnce(submissionId, bytes),
  };
}

async function createS3Side(config) {
  const { s3Endpoint, s3Bucket, s3Region, s3CredentialsFile, expireSeconds } = config;
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
    throw new Error(`S3 bucket ${s3Bucket} at ${s3Endpoint} is not usable: ${err.name ?? err.message}`);
  }
  return {
    store,
    copies: s3ReceiptCopies(store),
    hashUpload: (uploadId) => sha256Object(store, uploadId),
    removeUpload: (id) => removeFinishedUpload(store, id),
  };
}

async function createFileSide(config, privateKey) {
  const { dataDir } = config;
  return {
    store: undefined, // tus.js makes the file store on dataDir/uploads, as for one process
    copies: await fileReceiptCopies(path.join(dataDir, 'receipts'), privateKey),
    hashUpload: (uploadId) => sha256File(path.join(dataDir, 'uploads', uploadId)),
    removeUpload: undefined,
  };
}

export async function createScaleOut(config, privateKey) {
  const { s3Endpoint, s3Bucket, redisUrl } = config;
  if (!s3Endpoint && !redisUrl) return null;
  if (!redisUrl || (s3Endpoint && !s3Bucket) || (s3Bucket && !s3Endpoint)) {
    throw new Error('several processes need --redis, and with S3 both --s3-endpoint and --s3-bucket');
  }
  const side = s3Endpoint ? await createS3Side(config) : await createFileSide(config, privateKey);
  const redis = new Redis(redisUrl, {
    // Commands wait for a restarting Redis (a few seconds) instead of failing at once.
    maxRetriesPerRequest: 40,
    retryStrategy: (attempt) => Math.min(50 * attempt, 500),
  });
  redis.on('error', (err) => log(`redis: ${err.message}`));
  const locker = new RedisLocker({ redis, log });
  await locker.ready;
  const receipts = new SharedReceiptStore({ redis, privateKey, copies: side.copies, hashUpload: side.hashUpload });
  return {
    store: side.store,
    locker,
    receipts,
    removeUpload: side.removeUpload,
    async close() {
      await locker.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
