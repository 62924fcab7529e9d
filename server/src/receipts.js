// Signed delivery receipts: the secretariat's proof of exactly which bytes it
// holds for a submission. One file per submission id; the first one written
// wins forever, which is what makes delivery "exactly once".
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from './durable.js';
import { sha256File } from './hash.js';
import { KeyedMutex } from './keyed-mutex.js';
import { isValidSubmissionId } from './metadata.js';

export const RECEIPT_HEADER = 'Amicus-Receipt';
export const SIGNATURE_HEADER = 'Amicus-Receipt-Signature';

// RFC 3339 UTC without fractional seconds, e.g. 2026-11-28T21:45:13Z.
export function rfc3339Now(date = new Date()) {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

// The signed bytes. Key order is part of the format: clients verify these
// exact bytes, they never re-serialise.
export function receiptJson({ submissionId, uploadId, size, sha256, receivedAt }) {
  return JSON.stringify({
    v: 1,
    submission_id: submissionId,
    upload_id: uploadId,
    size,
    sha256,
    received_at: receivedAt,
  });
}

export function receiptHeaders(record) {
  return {
    [RECEIPT_HEADER]: Buffer.from(record.receipt, 'utf8').toString('base64'),
    [SIGNATURE_HEADER]: record.signature,
  };
}

export class ReceiptStore {
  constructor(dir, privateKey) {
    this.dir = dir;
    this.privateKey = privateKey;
    this.mutex = new KeyedMutex();
  }

  async init() {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  fileFor(submissionId) {
    if (!isValidSubmissionId(submissionId)) throw new Error('invalid submission id');
    return path.join(this.dir, `${submissionId}.json`);
  }

  // The stored file's exact bytes, or null. Used to serve GET /receipts/<id>.
  async getRaw(submissionId) {
    if (!isValidSubmissionId(submissionId)) return null;
    try {
      return await fs.readFile(this.fileFor(submissionId));
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  }

  // { receipt, signature } or null.
  async get(submissionId) {
    const raw = await this.getRaw(submissionId);
    if (!raw) return null;
    const record = JSON.parse(raw.toString('utf8'));
    if (typeof record?.receipt !== 'string' || typeof record?.signature !== 'string') {
      throw new Error(`receipt file for ${submissionId} is malformed`);
    }
    return record;
  }

  sign(receipt) {
    return crypto.sign(null, Buffer.from(receipt, 'utf8'), this.privateKey).toString('base64');
  }

  // Issues the receipt for a finished upload unless the submission already has
  // one. Returns { record, issued } where issued tells whether this call wrote it.
  async issue({ submissionId, uploadId, file }) {
    return this.mutex.run(submissionId, async () => {
      const existing = await this.get(submissionId);
      if (existing) return { record: existing, issued: false };
      const { sha256, size } = await sha256File(file);
      const receipt = receiptJson({
        submissionId,
        uploadId,
        size,
        sha256,
        receivedAt: rfc3339Now(),
      });
      const record = { receipt, signature: this.sign(receipt) };
      const written = await this.writeOnce(submissionId, `${JSON.stringify(record)}\n`);
      if (!written) {
        // Another process won the race: its receipt is the one that counts.
        return { record: await this.get(submissionId), issued: false };
      }
      return { record, issued: true };
    });
  }

  // Temp file + fsync + link(): the receipt appears complete or not at all,
  // and link() (unlike rename) refuses to replace a receipt that exists.
  async writeOnce(submissionId, text) {
    const target = this.fileFor(submissionId);
    const temp = path.join(
      this.dir,
      `.${submissionId}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`,
    );
    const fh = await fs.open(temp, 'wx', 0o600);
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await fs.link(temp, target);
    } catch (err) {
      if (err.code === 'EEXIST') return false;
      throw err;
    } finally {
      await fs.unlink(temp).catch(() => {});
    }
    await syncDirectory(this.dir);
    return true;
  }
}
