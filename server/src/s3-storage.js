// The upload store for several endpoint processes: @tus/s3-store on any S3-compatible
// object store (AWS S3, Ceph radosgw, MinIO...). Chosen by --s3-endpoint/--s3-bucket;
// credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or a
// file (--s3-credentials), never from the command line.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { S3Store } from '@tus/s3-store';

// AWS_ACCESS_KEY_ID=... / AWS_SECRET_ACCESS_KEY=... lines (# comments allowed).
export function readCredentialsFile(file) {
  const values = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z_]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (m) values[m[1]] = m[2];
  }
  return values;
}

export function s3Credentials({ credentialsFile, env = process.env }) {
  const source = credentialsFile ? readCredentialsFile(credentialsFile) : env;
  const accessKeyId = source.AWS_ACCESS_KEY_ID;
  const secretAccessKey = source.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      `S3 credentials missing: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in ${
        credentialsFile ? credentialsFile : 'the environment or pass --s3-credentials FILE'
      }`,
    );
  }
  return { accessKeyId, secretAccessKey };
}

// Upload state lives only in the bucket: each request reads the upload's .info object
// afresh, since another process may have changed it (the store's default in-process
// cache would go stale across processes).
const noCache = {
  async get() {
    return undefined;
  },
  async set() {},
  async delete() {},
  async list() {
    return [];
  },
};

// A PATCH repeated after its answer was lost (a zero-length PATCH at the final offset of a
// finished upload) must get the receipt again, as with the file store. S3Store.write would
// look for the completed multipart upload's parts and fail; here it writes nothing.
class AmicusS3Store extends S3Store {
  async write(src, id, offset) {
    const upload = await this.getUpload(id);
    if (upload.size !== undefined && upload.offset === upload.size && offset === upload.size) {
      for await (const chunk of src) {
        if (chunk.length > 0) throw { status_code: 413, body: 'the upload is complete\n' };
      }
      return offset;
    }
    return super.write(src, id, offset);
  }
}

export function createS3Store({ endpoint, bucket, region = 'us-east-1', credentials, expireSeconds }) {
  return new AmicusS3Store({
    s3ClientConfig: {
      bucket,
      endpoint,
      region,
      credentials,
      forcePathStyle: true,
      // The SDK's default streaming CRC32 trailer is refused by radosgw 16 (411
      // MissingContentLength) and other S3 servers: checksums only where S3 requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
    cache: noCache,
    expirationPeriodInMilliseconds: expireSeconds * 1000,
    // Tags need the S3 tagging API (for lifecycle rules on abandoned uploads); not every
    // S3-compatible server has it, and the expiry is also told by the tus record.
    useTags: false,
  });
}

// SHA-256 and size of a finished upload's object, streamed from the bucket.
export async function sha256Object(store, key) {
  const { Body } = await store.client.getObject({ Bucket: store.bucket, Key: key });
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of Body) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

// Removes a finished upload (its object and its tus record). S3Store.remove() cannot:
// it first aborts the multipart upload, which no longer exists once completed.
export async function removeFinishedUpload(store, id) {
  await store.client.deleteObjects({
    Bucket: store.bucket,
    Delete: { Objects: [{ Key: id }, { Key: `${id}.info` }, { Key: `${id}.part` }] },
  });
}

function isNotFound(err) {
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
}

// The durable copies of receipts in the bucket, beside the uploads: receipts/<id>.json.
export function s3ReceiptCopies(store, prefix = 'receipts/') {
  const key = (submissionId) => `${prefix}${submissionId}.json`;
  return {
    async read(submissionId) {
      try {
        const { Body } = await store.client.getObject({ Bucket: store.bucket, Key: key(submissionId) });
        return Buffer.from(await Body.transformToByteArray());
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async write(submissionId, bytes) {
      await store.client.putObject({
        Bucket: store.bucket,
        Key: key(submissionId),
        Body: bytes,
        ContentType: 'application/json',
      });
    },
  };
}
