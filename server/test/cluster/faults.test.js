// The scale-out set-up under faults, against the running test cluster (scripts/cluster/test.sh
// starts it): two endpoint processes on Ceph's S3 gateway with the Redis lock, behind nginx.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  createUpload,
  loadCluster,
  newSubmissionId,
  objectBytes,
  objectExists,
  patch,
  headOffset,
  receiptOf,
  sendResumable,
  sha256,
  verifyReceipt,
} from './cluster-client.js';

let cluster;
let direct; // the two processes, addressed one by one
let viaNginx;

before(() => {
  cluster = loadCluster();
  direct = [cluster.env.ENDPOINT_1, cluster.env.ENDPOINT_2];
  viaNginx = [cluster.env.ENDPOINT_URL];
});

after(() => cluster.close());

function randomBytes(n) {
  return crypto.randomBytes(n);
}

// Everything the endpoints must hold for one delivered submission, checked in the bucket,
// in Redis and through both processes.
async function assertDeliveredOnce(submissionId, data, record) {
  assert.ok(verifyReceipt(record, cluster.env.RECEIPT_PUBLIC_KEY), 'the receipt verifies');
  const fields = JSON.parse(record.receipt);
  assert.equal(fields.submission_id, submissionId);
  assert.equal(fields.size, data.length);
  assert.equal(fields.sha256, sha256(data));
  const stored = await objectBytes(cluster, fields.upload_id);
  assert.equal(stored.length, data.length);
  assert.ok(stored.equals(data), 'the object in the bucket is byte-identical');
  const durable = await objectBytes(cluster, `receipts/${submissionId}.json`);
  assert.deepEqual(JSON.parse(durable.toString()), record, 'the bucket holds the same receipt');
  assert.deepEqual(JSON.parse(await cluster.redis.get(`amicus:receipt:${submissionId}`)), record);
  for (const base of direct) {
    const res = await fetch(`${base}/receipts/${submissionId}`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), record, `${base} answers the same receipt`);
  }
  return fields;
}

test('PATCHes alternating between the two processes, with connections cut mid-request, arrive byte-identical with one receipt', async () => {
  const data = randomBytes(13 * 1024 * 1024 + 4321);
  const submissionId = newSubmissionId();
  const uploadPath = await createUpload(direct[0], { submissionId, length: data.length });
  const { receipt, patches, errors } = await sendResumable(direct, uploadPath, data, { chunk: 2 << 20, cutEvery: 2 });
  assert.ok(patches >= 6, `${patches} PATCHes`);
  assert.ok(errors.filter((e) => e === 'cut').length >= 2, `cuts happened: ${errors.join(', ')}`);
  await assertDeliveredOnce(submissionId, data, receipt);
  // A zero-length PATCH at the end, on either process, repeats the same receipt.
  for (const base of direct) {
    const again = await patch(base, uploadPath, data.length, Buffer.alloc(0));
    assert.equal(again.status, 204);
    assert.deepEqual(receiptOf(again), receipt);
  }
});

test('the same through nginx: round-robin spreads one upload over both processes', async () => {
  const data = randomBytes(9 * 1024 * 1024);
  const submissionId = newSubmissionId();
  const uploadPath = await createUpload(viaNginx[0], { submissionId, length: data.length });
  const { receipt } = await sendResumable(viaNginx, uploadPath, data, { chunk: 1 << 20, cutEvery: 3 });
  await assertDeliveredOnce(submissionId, data, receipt);
});

test('a second upload of the same submission, finishing on the other process, gets the first receipt and its bytes are removed', async () => {
  const data = randomBytes(6 * 1024 * 1024);
  const submissionId = newSubmissionId();
  const first = await createUpload(direct[0], { submissionId, length: data.length });
  const second = await createUpload(direct[1], { submissionId, length: data.length });
  const a = await sendResumable([direct[0]], first, data);
  const b = await sendResumable([direct[1]], second, data);
  assert.deepEqual(b.receipt, a.receipt, 'the second upload is answered with the first receipt');
  const fields = await assertDeliveredOnce(submissionId, data, a.receipt);
  assert.equal(fields.upload_id, first.split('/').pop());
  const secondId = second.split('/').pop();
  assert.equal(await objectExists(cluster, secondId), false, 'the second upload\'s bytes are gone');
  assert.equal(await objectExists(cluster, `${secondId}.info`), false);
  // And a third creation is refused with the receipt.
  await assert.rejects(createUpload(direct[1], { submissionId, length: data.length }), /creation answered 409/);
});

test('two PATCHes of one upload on two processes at once: the lock lets one write, the upload stays whole', async () => {
  const data = randomBytes(8 * 1024 * 1024);
  const submissionId = newSubmissionId();
  const uploadPath = await createUpload(direct[0], { submissionId, length: data.length });
  const results = await Promise.allSettled([
    patch(direct[0], uploadPath, 0, data.subarray(0, 4 << 20)),
    patch(direct[1], uploadPath, 0, data.subarray(0, 4 << 20)),
  ]);
  const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.status : r.reason.message));
  assert.ok(statuses.includes(204), `one PATCH wrote: ${statuses}`);
  const offset = await headOffset(direct[1], uploadPath);
  assert.ok(offset === 4 << 20, `offset ${offset} after both`);
  const { receipt } = await sendResumable(direct, uploadPath, data);
  await assertDeliveredOnce(submissionId, data, receipt);
});

async function uploadThrough(fault, { name, down }) {
  const data = randomBytes(12 * 1024 * 1024);
  const submissionId = newSubmissionId();
  const uploadPath = await createUpload(viaNginx[0], { submissionId, length: data.length });
  let restarted = null;
  const sent = await sendResumable(viaNginx, uploadPath, data, {
    chunk: 1 << 20,
    onPatch: (n) => {
      if (n === 4) restarted = cluster.restart(name, { down }); // while PATCHes go on
    },
  });
  await restarted;
  await assertDeliveredOnce(submissionId, data, sent.receipt);
  return sent;
}

test('a Redis restart mid-upload: requests wait or fail over, the upload finishes, one receipt', async () => {
  const before = await cluster.redis.keys('amicus:receipt:*');
  await uploadThrough('redis', { name: 'redis-server', down: 1 });
  // Receipts claimed before the restart are still there (append-only file).
  for (const key of before) assert.ok(await cluster.redis.exists(key), `${key} kept`);
});

test('a radosgw restart mid-upload: requests fail or wait, the upload resumes and finishes, one receipt', async () => {
  await uploadThrough('radosgw', { name: 'radosgw', down: 1 });
});

test('every process serves the same signed catalog from the shared keys and applies its limits', async () => {
  const keys = path.join(cluster.dir, 'keys');
  const catalog = {
    calls: [
      { id: 'cluster-limited-call', limits: { bytes_per_attachment: 1 << 20, attachments_per_submission: 2 } },
      { id: 'cluster-test-call' },
      { id: 'hrc54-emler-reimagining-policing' },
    ],
  };
  fs.writeFileSync(path.join(keys, 'catalog.json'), JSON.stringify(catalog));
  fs.writeFileSync(path.join(keys, 'catalog.json.sig'), 'c2lnbmF0dXJlIGJ5IGFtaWN1cy1pbnRha2U=\n');
  try {
    const answers = [];
    for (const base of [...direct, ...viaNginx]) {
      const res = await fetch(`${base}/catalog`);
      assert.equal(res.status, 200);
      answers.push({ etag: res.headers.get('etag'), body: await res.text() });
      const sig = await fetch(`${base}/catalog.sig`);
      assert.equal(await sig.text(), 'c2lnbmF0dXJlIGJ5IGFtaWN1cy1pbnRha2U=\n');
    }
    assert.ok(answers.every((a) => a.etag === answers[0].etag && a.body === answers[0].body));
    // 2 × 1 MiB + 1 MiB is the limit for the limited call, on each process.
    for (const base of direct) {
      await assert.rejects(
        createUpload(base, { submissionId: newSubmissionId(), callId: 'cluster-limited-call', length: (3 << 20) + 1 }),
        /creation answered 413/,
      );
      await createUpload(base, { submissionId: newSubmissionId(), callId: 'cluster-limited-call', length: 3 << 20 });
    }
  } finally {
    fs.rmSync(path.join(keys, 'catalog.json'));
    fs.rmSync(path.join(keys, 'catalog.json.sig'));
  }
});
