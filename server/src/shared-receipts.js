// Receipts exactly once across endpoint processes. The same contract as ReceiptStore
// (receipts.js), on shared services instead of one local directory:
// - the claim: the first receipt of a submission is set in Redis with SET NX, which only
//   one process can win; a loser reads the winner's receipt and answers with it;
// - the durable copy: the winner writes the same bytes to receipts/<submission id>.json
//   in the bucket before any client sees them (a reader repairs a copy missing there from
//   Redis);
// - the hash: read back from the finished upload's object in the bucket.
// Readers look in the bucket first, so a Redis that lost its data (restarted without its
// append-only file) still refuses a second delivery of every receipt already answered.
import crypto from 'node:crypto';
import { KeyedMutex } from './keyed-mutex.js';
import { isValidSubmissionId } from './metadata.js';
import { receiptJson, rfc3339Now } from './receipts.js';
import { sha256Object } from './s3-storage.js';

export const RECEIPT_PREFIX = 'receipts/';

function isNotFound(err) {
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
}

export class SharedReceiptStore {
  constructor({ store, redis, privateKey, prefix = 'amicus:receipt:' }) {
    this.store = store; // the S3Store: its client and bucket
    this.redis = redis;
    this.prefix = prefix;
    this.privateKey = privateKey;
    this.mutex = new KeyedMutex();
  }

  async init() {}

  sign(receipt) {
    return crypto.sign(null, Buffer.from(receipt, 'utf8'), this.privateKey).toString('base64');
  }

  objectKey(submissionId) {
    return `${RECEIPT_PREFIX}${submissionId}.json`;
  }

  async readObject(submissionId) {
    try {
      const { Body } = await this.store.client.getObject({
        Bucket: this.store.bucket,
        Key: this.objectKey(submissionId),
      });
      return Buffer.from(await Body.transformToByteArray());
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async writeObject(submissionId, bytes) {
    await this.store.client.putObject({
      Bucket: this.store.bucket,
      Key: this.objectKey(submissionId),
      Body: bytes,
      ContentType: 'application/json',
    });
  }

  async getRaw(submissionId) {
    if (!isValidSubmissionId(submissionId)) return null;
    const stored = await this.readObject(submissionId);
    if (stored) return stored;
    const claimed = await this.redis.getBuffer(this.prefix + submissionId);
    if (!claimed) return null;
    // Claimed but the winner died before its copy reached the bucket: finish its work.
    await this.writeObject(submissionId, claimed);
    return claimed;
  }

  async get(submissionId) {
    const raw = await this.getRaw(submissionId);
    if (!raw) return null;
    const record = JSON.parse(raw.toString('utf8'));
    if (typeof record?.receipt !== 'string' || typeof record?.signature !== 'string') {
      throw new Error(`receipt for ${submissionId} is malformed`);
    }
    return record;
  }

  // Same result as ReceiptStore.issue: { record, issued }. `file` is not used: the bytes
  // are the finished upload's object.
  async issue({ submissionId, uploadId }) {
    if (!isValidSubmissionId(submissionId)) throw new Error('invalid submission id');
    return this.mutex.run(submissionId, async () => {
      const existing = await this.get(submissionId);
      if (existing) return { record: existing, issued: false };
      const { sha256, size } = await sha256Object(this.store, uploadId);
      const receipt = receiptJson({ submissionId, uploadId, size, sha256, receivedAt: rfc3339Now() });
      const record = { receipt, signature: this.sign(receipt) };
      const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
      const won = await this.redis.set(this.prefix + submissionId, bytes, 'NX');
      if (won !== 'OK') {
        // Another process claimed it first: its receipt is the one that counts.
        return { record: await this.get(submissionId), issued: false };
      }
      await this.writeObject(submissionId, bytes);
      return { record, issued: true };
    });
  }
}
