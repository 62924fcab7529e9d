// Receipts exactly once across endpoint processes. The same contract as ReceiptStore
// (receipts.js), with the claim on a service every process shares:
// - the claim: the first receipt of a submission is set in Redis with SET NX, which only
//   one process can win; a loser reads the winner's receipt and answers with it;
// - the durable copy: the winner writes the same bytes to the upload store's side (the
//   bucket's receipts/<id>.json, or the shared data directory's receipts/<id>.json) before
//   any client sees them; a reader repairs a copy missing there from Redis;
// - the hash: read back from the finished upload as stored.
// `copies` ({ read(id), write(id, bytes) }) and `hashUpload(uploadId)` are the only parts
// that depend on the upload store (scale-out.js gives them), so the claim is one code path.
// Readers look at the durable copy first, so a Redis that lost its data (restarted without
// its append-only file) still refuses a second delivery of every receipt already answered.
import crypto from 'node:crypto';
import { KeyedMutex } from './keyed-mutex.js';
import { isValidSubmissionId } from './metadata.js';
import { receiptJson, rfc3339Now } from './receipts.js';

export class SharedReceiptStore {
  constructor({ redis, privateKey, copies, hashUpload, prefix = 'amicus:receipt:' }) {
    this.redis = redis;
    this.prefix = prefix;
    this.privateKey = privateKey;
    this.copies = copies;
    this.hashUpload = hashUpload;
    this.mutex = new KeyedMutex();
  }

  async init() {}

  sign(receipt) {
    return crypto.sign(null, Buffer.from(receipt, 'utf8'), this.privateKey).toString('base64');
  }

  async getRaw(submissionId) {
    if (!isValidSubmissionId(submissionId)) return null;
    const stored = await this.copies.read(submissionId);
    if (stored) return stored;
    const claimed = await this.redis.getBuffer(this.prefix + submissionId);
    if (!claimed) return null;
    // Claimed but the winner died before its copy was stored: finish its work.
    await this.copies.write(submissionId, claimed);
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

  // Same result as ReceiptStore.issue: { record, issued }.
  async issue({ submissionId, uploadId }) {
    if (!isValidSubmissionId(submissionId)) throw new Error('invalid submission id');
    return this.mutex.run(submissionId, async () => {
      const existing = await this.get(submissionId);
      if (existing) return { record: existing, issued: false };
      const { sha256, size } = await this.hashUpload(uploadId);
      const receipt = receiptJson({ submissionId, uploadId, size, sha256, receivedAt: rfc3339Now() });
      const record = { receipt, signature: this.sign(receipt) };
      const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
      const won = await this.redis.set(this.prefix + submissionId, bytes, 'NX');
      if (won !== 'OK') {
        // Another process claimed it first (or this one did, and a Redis restart lost
        // the answer): the stored receipt is the one that counts.
        return { record: await this.get(submissionId), issued: false };
      }
      await this.copies.write(submissionId, bytes);
      return { record, issued: true };
    });
  }
}
