// What the cluster tests share: the running cluster's addresses (CLUSTER_DIR/cluster.env,
// written by scripts/cluster/start.sh), a small tus client over node:http that can cut a
// PATCH mid-body, a resuming sender, and direct reads of the bucket and Redis to check what
// the endpoints stored.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { createS3Store, s3Credentials } from '../../src/s3-storage.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

export function loadCluster() {
  const dir = process.env.CLUSTER_DIR;
  if (!dir) throw new Error('CLUSTER_DIR is not set: run these through scripts/cluster/test.sh');
  const env = {};
  for (const line of fs.readFileSync(path.join(dir, 'cluster.env'), 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) env[line.slice(0, i)] = line.slice(i + 1);
  }
  const store = createS3Store({
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET,
    credentials: s3Credentials({ credentialsFile: env.S3_CREDENTIALS }),
    expireSeconds: 0,
  });
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 100 });
  redis.on('error', () => {});
  return {
    dir,
    env,
    store,
    redis,
    // Stops NAME (redis-server, radosgw, endpoint-1...) and starts it again (restart.sh).
    async restart(name, { signal = 'TERM', down = 0 } = {}) {
      await run(path.join(REPO, 'scripts/cluster/restart.sh'), [dir, name, '--signal', signal, '--down', String(down)]);
    },
    async close() {
      redis.disconnect();
      store.client.destroy();
    },
  };
}

export function b64(text) {
  return Buffer.from(text, 'utf8').toString('base64');
}

function request(url, { method, headers = {}, body, cutAfter }) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (cutAfter !== undefined) {
      // Send part of the body, then drop the connection as a failing mobile link would.
      req.write(body.subarray(0, cutAfter), () => setTimeout(() => req.destroy(new Error('cut')), 150));
      return;
    }
    req.end(body);
  });
}

export async function createUpload(base, { submissionId, callId = 'cluster-test-call', length }) {
  const res = await request(`${base}/files`, {
    method: 'POST',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(length),
      'Upload-Metadata': `submission_id ${b64(submissionId)},call_id ${b64(callId)}`,
    },
  });
  if (res.status !== 201) throw new Error(`creation answered ${res.status}: ${res.body}`);
  return new URL(res.headers.location).pathname; // /files/<id>, usable on any process
}

export async function headOffset(base, uploadPath) {
  const res = await request(`${base}${uploadPath}`, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  if (res.status !== 200) throw new Error(`HEAD answered ${res.status}`);
  return Number(res.headers['upload-offset']);
}

export async function patch(base, uploadPath, offset, bytes, { cutAfter } = {}) {
  return request(`${base}${uploadPath}`, {
    method: 'PATCH',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream',
      'Content-Length': String(bytes.length),
    },
    body: bytes,
    cutAfter,
  });
}

export function receiptOf(res) {
  const receipt = res.headers['amicus-receipt'];
  const signature = res.headers['amicus-receipt-signature'];
  if (!receipt || !signature) return null;
  return { receipt: Buffer.from(receipt, 'base64').toString('utf8'), signature };
}

export function verifyReceipt(record, publicKeyBase64) {
  const key = crypto.createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKeyBase64, 'base64')]),
    format: 'der',
    type: 'spki',
  });
  return crypto.verify(null, Buffer.from(record.receipt, 'utf8'), key, Buffer.from(record.signature, 'base64'));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Sends `data` to completion the way a client on a bad link does: PATCH chunks, and after
// any error ask HEAD where to resume (waiting and retrying while the endpoint cannot answer).
// bases: the URLs to use in turn (one per request); hooks.beforePatch(i) may cut or fault.
export async function sendResumable(bases, uploadPath, data, { chunk = 3 << 20, cutEvery = 0, deadlineMs = 120_000, onPatch } = {}) {
  const deadline = Date.now() + deadlineMs;
  let turn = 0;
  let offset = 0;
  let receipt = null;
  let patches = 0;
  const errors = [];
  const nextBase = () => bases[turn++ % bases.length];
  while (!receipt) {
    if (Date.now() > deadline) throw new Error(`upload not finished in time; errors: ${errors.slice(-5).join('; ')}`);
    try {
      offset = await headOffset(nextBase(), uploadPath);
      const piece = data.subarray(offset, Math.min(data.length, offset + chunk));
      patches += 1;
      const cut = cutEvery > 0 && patches % cutEvery === 0 && piece.length > 1;
      await onPatch?.(patches);
      const res = await patch(nextBase(), uploadPath, offset, piece, cut ? { cutAfter: Math.floor(piece.length / 2) } : {});
      if (res.status !== 204) {
        errors.push(`PATCH ${res.status}`);
        await sleep(200);
        continue;
      }
      receipt = receiptOf(res);
      if (!receipt && Number(res.headers['upload-offset']) === data.length) errors.push('final PATCH without receipt');
    } catch (err) {
      errors.push(err.message);
      await sleep(200);
    }
  }
  return { receipt, patches, errors };
}

export async function objectBytes(cluster, key) {
  const { Body } = await cluster.store.client.getObject({ Bucket: cluster.env.S3_BUCKET, Key: key });
  return Buffer.from(await Body.transformToByteArray());
}

export async function objectExists(cluster, key) {
  try {
    await cluster.store.client.headObject({ Bucket: cluster.env.S3_BUCKET, Key: key });
    return true;
  } catch (err) {
    if (err?.$metadata?.httpStatusCode === 404) return false;
    throw err;
  }
}

export function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function newSubmissionId() {
  return crypto.randomUUID();
}
