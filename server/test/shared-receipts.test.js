// Receipts exactly once across endpoint processes, with the claim in a real redis-server:
// two real endpoint processes (src/main.js --redis) share one data directory, as on one
// host. The claim code (src/shared-receipts.js) is the one the S3 set-up runs; only where
// the durable copy and the bytes live differ (the bucket's side is proven by
// scripts/cluster/test.sh against Ceph).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startRedis } from './helpers/redis.js';
import {
  createUpload,
  head,
  newSubmissionId,
  patch,
  sha256Hex,
  startServer,
  tempDir,
  verifyReceipt,
} from './helpers/server.js';

const TUS = { 'Tus-Resumable': '1.0.0' };

function receiptOf(res) {
  const receipt = res.headers.get('amicus-receipt');
  const signature = res.headers.get('amicus-receipt-signature');
  if (!receipt || !signature) return null;
  return { receipt: Buffer.from(receipt, 'base64').toString('utf8'), signature };
}

// Polls `check` until it returns a truthy value; fails with `what` after a generous
// deadline (the machine may be loaded: wait on the condition, not on a fixed time).
async function waitFor(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('receipts exactly once across two processes sharing a data directory, claimed in Redis', () => {
  let redis;
  let probe; // the test's own Redis connection, to read the claims
  let dataDir;
  let one;
  let two;

  before(async () => {
    redis = await startRedis();
    probe = redis.client();
    dataDir = tempDir();
    // One after the other: the first makes the shared receipt key.
    one = await startServer({ dataDir, args: ['--redis', redis.url] });
    two = await startServer({ dataDir, args: ['--redis', redis.url] });
  });

  after(async () => {
    const stopped = await Promise.all([one?.stop(), two?.stop()]);
    await redis?.stop();
    for (const s of stopped) assert.equal(s?.code, 0, 'graceful shutdown exits 0');
  });

  const uploadsDir = () => path.join(dataDir, 'uploads');
  const receiptFile = (sid) => path.join(dataDir, 'receipts', `${sid}.json`);

  async function create(srv, sid, length) {
    const res = await createUpload(srv.url, { length, metadata: { submission_id: sid, call_id: 'shared-call' } });
    assert.equal(res.status, 201, `creation on ${srv.url}`);
    const location = new URL(res.headers.get('location'), srv.url).href;
    return { location, id: location.split('/').pop() };
  }

  // Sends all but the last byte: the upload is one byte short of finishing.
  async function almost(upload, bytes) {
    const res = await patch(upload.location, 0, bytes.subarray(0, bytes.length - 1));
    assert.equal(res.status, 204);
    assert.equal(receiptOf(res), null, 'no receipt before the end');
  }

  async function finish(upload, bytes) {
    const res = await patch(upload.location, bytes.length - 1, bytes.subarray(bytes.length - 1));
    assert.equal(res.status, 204, `the last PATCH answered ${res.status}: ${await res.text()}`);
    const record = receiptOf(res);
    assert.ok(record, 'the last PATCH carries a receipt');
    return record;
  }

  // Everything that must hold for one delivered submission: the receipt signs the bytes of
  // the upload it names, which are kept byte-identical; every other upload of it is gone;
  // Redis's claim, the durable copy and both processes agree.
  async function assertDeliveredOnce(sid, bytes, record, uploads) {
    assert.ok(verifyReceipt(one.publicKeyBase64, Buffer.from(record.receipt), record.signature));
    const fields = JSON.parse(record.receipt);
    assert.equal(fields.submission_id, sid);
    assert.equal(fields.size, bytes.length);
    assert.equal(fields.sha256, sha256Hex(bytes));
    const kept = uploads.find((u) => u.id === fields.upload_id);
    assert.ok(kept, 'the receipt names one of the uploads');
    assert.ok(fs.readFileSync(path.join(uploadsDir(), kept.id)).equals(bytes), 'its bytes are kept as sent');
    for (const u of uploads.filter((x) => x !== kept)) {
      assert.equal(fs.existsSync(path.join(uploadsDir(), u.id)), false, 'a second upload\'s bytes are removed');
      assert.equal(fs.existsSync(path.join(uploadsDir(), `${u.id}.json`)), false, 'and its tus record');
      assert.equal((await head(u.location)).status, 404);
    }
    const line = `${JSON.stringify(record)}\n`;
    assert.equal(await probe.get(`amicus:receipt:${sid}`), line, 'the claim in Redis is this receipt');
    assert.equal(fs.readFileSync(receiptFile(sid), 'utf8'), line, 'the durable copy is this receipt');
    for (const srv of [one, two]) {
      const res = await fetch(`${srv.url}/receipts/${sid}`);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), line, `${srv.url} serves the same receipt`);
    }
    return fields;
  }

  test('both processes sign with the one key of the shared data directory', () => {
    assert.equal(two.publicKeyBase64, one.publicKeyBase64);
  });

  test('a second upload of the same submission, finishing on the other process, gets the first receipt and its bytes are removed', async () => {
    const sid = newSubmissionId();
    const bytes = crypto.randomBytes(200 * 1024 + 3);
    const first = await create(one, sid, bytes.length);
    const second = await create(two, sid, bytes.length);
    await almost(first, bytes);
    await almost(second, bytes);
    const a = await finish(first, bytes);
    const b = await finish(second, bytes);
    assert.deepEqual(b, a, 'the second upload is answered with the first receipt');
    const fields = await assertDeliveredOnce(sid, bytes, a, [first, second]);
    assert.equal(fields.upload_id, first.id);
    // A later creation, on either process, is refused with that receipt.
    for (const srv of [one, two]) {
      const again = await createUpload(srv.url, {
        length: bytes.length,
        metadata: { submission_id: sid, call_id: 'shared-call' },
      });
      assert.equal(again.status, 409);
      assert.deepEqual(receiptOf(again), a);
    }
    // A lost answer repeated (zero-length PATCH at the end) gets the receipt again.
    const repeat = await patch(first.location, bytes.length, Buffer.alloc(0));
    assert.equal(repeat.status, 204);
    assert.deepEqual(receiptOf(repeat), a);
  });

  test('uploads of one submission finishing at the same moment on both processes: one receipt wins, both get it, the loser\'s bytes go', async () => {
    const rounds = 6;
    const cases = [];
    for (let i = 0; i < rounds; i++) {
      const sid = newSubmissionId();
      // Large enough that hashing it keeps both processes between "no receipt yet" and the claim.
      const bytes = crypto.randomBytes(4 * 1024 * 1024 + i);
      const uploads = [await create(one, sid, bytes.length), await create(two, sid, bytes.length)];
      for (const u of uploads) await almost(u, bytes);
      cases.push({ sid, bytes, uploads });
    }
    const issuedBefore = (one.stderr + two.stderr).match(/receipt issued/g)?.length ?? 0;
    // Every last byte at once: 16 finishing requests, two per submission, one on each process.
    const answers = await Promise.all(
      cases.map(({ bytes, uploads }) => Promise.all(uploads.map((u) => finish(u, bytes)))),
    );
    const winners = { [one.url]: 0, [two.url]: 0 };
    for (let i = 0; i < rounds; i++) {
      const { sid, bytes, uploads } = cases[i];
      assert.deepEqual(answers[i][1], answers[i][0], 'both finishing requests are answered with one receipt');
      const fields = await assertDeliveredOnce(sid, bytes, answers[i][0], uploads);
      winners[fields.upload_id === uploads[0].id ? one.url : two.url] += 1;
    }
    const issued = ((one.stderr + two.stderr).match(/receipt issued/g)?.length ?? 0) - issuedBefore;
    assert.equal(issued, rounds, 'one receipt issued per submission, over both processes');
    assert.equal(winners[one.url] + winners[two.url], rounds);
  });

  test('Redis killed while the last byte is being claimed, then restarted: the claims wait and finish, one receipt', async () => {
    const sid = newSubmissionId();
    const bytes = crypto.randomBytes(128 * 1024);
    const uploads = [await create(one, sid, bytes.length), await create(two, sid, bytes.length)];
    // Each upload in one PATCH whose body this test holds back: every byte but the last is
    // written (so each process holds its upload's lock) before Redis goes.
    const streams = uploads.map((u) => {
      let push;
      const body = new ReadableStream({
        start(controller) {
          push = controller;
        },
      });
      push.enqueue(new Uint8Array(bytes.subarray(0, bytes.length - 1)));
      const answer = fetch(u.location, {
        method: 'PATCH',
        headers: { ...TUS, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
        body,
        duplex: 'half',
      });
      const stream = { upload: u, push, answer, settled: false };
      const settle = () => {
        stream.settled = true;
      };
      answer.then(settle, settle);
      return stream;
    });
    for (const { upload } of streams) {
      await waitFor('the bytes but the last on disk', () => {
        try {
          return fs.statSync(path.join(uploadsDir(), upload.id)).size === bytes.length - 1;
        } catch {
          return false;
        }
      });
    }
    await redis.kill('SIGKILL');
    const refusedBefore = [one, two].map((s) => (s.stderr.match(/redis: .*ECONNREFUSED/g) ?? []).length);
    // The last bytes go while Redis is down: each process finishes its upload and must
    // claim the receipt; it keeps asking Redis until Redis answers again.
    for (const s of streams) {
      s.push.enqueue(new Uint8Array(bytes.subarray(bytes.length - 1)));
      s.push.close();
    }
    for (const { upload } of streams) {
      await waitFor('every byte on disk', () => fs.statSync(path.join(uploadsDir(), upload.id)).size === bytes.length);
    }
    await waitFor('both processes to be asking a Redis that is gone', () =>
      [one, two].every((s, i) => (s.stderr.match(/redis: .*ECONNREFUSED/g) ?? []).length > refusedBefore[i]),
    );
    for (const s of streams) assert.equal(s.settled, false, 'no answer while Redis is down');
    await redis.start();
    const answers = await Promise.all(streams.map((s) => s.answer));
    for (const res of answers) assert.equal(res.status, 204, `answered ${res.status}: ${await res.text()}`);
    const [a, b] = answers.map(receiptOf);
    assert.ok(a && b, 'both carry a receipt');
    assert.deepEqual(b, a, 'one receipt for both');
    await assertDeliveredOnce(sid, bytes, a, uploads);
  });

  test('Redis restarted without its data: the durable copies still refuse a second delivery', async () => {
    const sid = newSubmissionId();
    const bytes = crypto.randomBytes(96 * 1024 + 1);
    const first = await create(one, sid, bytes.length);
    const second = await create(two, sid, bytes.length);
    await almost(first, bytes);
    await almost(second, bytes);
    const a = await finish(first, bytes);
    await redis.restart({ lostData: true });
    assert.equal(await probe.get(`amicus:receipt:${sid}`), null, 'Redis lost the claim');
    const b = await finish(second, bytes);
    assert.deepEqual(b, a, 'the second upload gets the first receipt from its durable copy');
    assert.equal(fs.existsSync(path.join(uploadsDir(), second.id)), false, 'and its bytes are removed');
    const created = await createUpload(two.url, { length: bytes.length, metadata: { submission_id: sid, call_id: 'shared-call' } });
    assert.equal(created.status, 409);
    assert.deepEqual(receiptOf(created), a);
  });

  test('a claim whose durable copy is missing (its process died in between) is completed from Redis by a reader', async () => {
    const sid = newSubmissionId();
    const bytes = crypto.randomBytes(70 * 1024);
    const upload = await create(one, sid, bytes.length);
    await almost(upload, bytes);
    const a = await finish(upload, bytes);
    fs.rmSync(receiptFile(sid));
    const res = await fetch(`${two.url}/receipts/${sid}`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), `${JSON.stringify(a)}\n`);
    assert.equal(fs.readFileSync(receiptFile(sid), 'utf8'), `${JSON.stringify(a)}\n`, 'the copy is back');
  });
});
