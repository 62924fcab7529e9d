// Expiry, restarts and races: the parts of exactly-once delivery that only
// show up over time.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  createUpload,
  envelopeBytes,
  MIN_ENVELOPE_BYTES,
  head,
  newSubmissionId,
  patch,
  startServer,
  tempDir,
  uploadAll,
  verifyReceipt,
} from './helpers/server.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('expiration', () => {
  test('unfinished uploads answer 410 after expiry, then 404 once swept; finished ones stay', async () => {
    const srv = await startServer({ args: ['--expire-seconds', '2'] });
    try {
      const done = await uploadAll(srv.url, envelopeBytes(MIN_ENVELOPE_BYTES, 1), { submission_id: newSubmissionId(), call_id: 'c' }, 2);
      const created = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES + 100, metadata: { submission_id: newSubmissionId(), call_id: 'c' } });
      assert.equal(created.status, 201);
      const expires = Date.parse(created.headers.get('upload-expires'));
      assert.ok(expires > Date.now() && expires < Date.now() + 5000, 'Upload-Expires ~2 s ahead');
      const loc = new URL(created.headers.get('location'), srv.url).href;
      assert.equal((await patch(loc, 0, Buffer.alloc(10))).status, 204);

      // Past expiry but (most likely) before the sweep: 410 Gone. The sweep may
      // already have run, in which case 404; both mean "start again".
      await sleep(2200);
      const gone = await head(loc);
      assert.ok([410, 404].includes(gone.status), String(gone.status));
      const patchGone = await patch(loc, 10, Buffer.alloc(10));
      assert.ok([410, 404].includes(patchGone.status), String(patchGone.status));

      // After the sweep the unfinished upload's files are gone: 404.
      let status;
      for (let i = 0; i < 50; i++) {
        status = (await head(loc)).status;
        if (status === 404) break;
        await sleep(100);
      }
      assert.equal(status, 404);
      const uploadsDir = path.join(srv.dataDir, 'uploads');
      assert.ok(!fs.existsSync(path.join(uploadsDir, loc.split('/').pop())));

      // The delivered envelope is kept; HEAD on it is 410 after expiry, and
      // the receipt stays available for recovery.
      const kept = fs.readFileSync(path.join(uploadsDir, done.uploadId));
      assert.ok(kept.equals(envelopeBytes(MIN_ENVELOPE_BYTES, 1)));
      assert.equal((await head(done.location)).status, 410);
      const sid = JSON.parse(Buffer.from(done.last.headers.get('amicus-receipt'), 'base64')).submission_id;
      assert.equal((await fetch(`${srv.url}/receipts/${sid}`)).status, 200);
    } finally {
      await srv.stop();
    }
  });
});

describe('restart', () => {
  test('the signing key persists and a finished upload without receipt gets one at start-up', async () => {
    const dataDir = tempDir();
    const first = await startServer({ dataDir });
    const sid = newSubmissionId();
    const bytes = crypto.randomBytes(MIN_ENVELOPE_BYTES + 5000);
    const { uploadId } = await uploadAll(first.url, bytes, { submission_id: sid, call_id: 'c' }, 2);
    const { code } = await first.stop();
    assert.equal(code, 0);

    // Simulate a crash between the last byte and the receipt.
    fs.rmSync(path.join(dataDir, 'receipts', `${sid}.json`));

    const second = await startServer({ dataDir });
    try {
      assert.equal(second.publicKeyBase64, first.publicKeyBase64, 'same key after restart');
      let res;
      for (let i = 0; i < 50; i++) {
        res = await fetch(`${second.url}/receipts/${sid}`);
        if (res.status === 200) break;
        await sleep(100);
      }
      assert.equal(res.status, 200);
      const body = await res.json();
      const r = JSON.parse(body.receipt);
      assert.equal(r.upload_id, uploadId);
      assert.equal(r.size, bytes.length);
      assert.equal(r.sha256, crypto.createHash('sha256').update(bytes).digest('hex'));
      assert.ok(verifyReceipt(second.publicKeyBase64, Buffer.from(body.receipt), body.signature));
    } finally {
      await second.stop();
    }
  });
});

describe('race between two uploads of one submission', () => {
  test('the first to finish wins; the second gets the first receipt and its bytes are deleted', async () => {
    const srv = await startServer();
    try {
      const sid = newSubmissionId();
      const meta = { submission_id: sid, call_id: 'c' };
      const a = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: meta });
      const b = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: meta });
      assert.equal(a.status, 201);
      assert.equal(b.status, 201, 'no receipt yet, so a second creation is allowed');
      const locA = new URL(a.headers.get('location'), srv.url).href;
      const locB = new URL(b.headers.get('location'), srv.url).href;

      const endA = await patch(locA, 0, Buffer.alloc(MIN_ENVELOPE_BYTES, 'A'));
      assert.equal(endA.status, 204);
      const endB = await patch(locB, 0, Buffer.alloc(MIN_ENVELOPE_BYTES, 'B'));
      assert.equal(endB.status, 204);
      assert.equal(endB.headers.get('amicus-receipt'), endA.headers.get('amicus-receipt'));
      assert.equal(endB.headers.get('amicus-receipt-signature'), endA.headers.get('amicus-receipt-signature'));
      const r = JSON.parse(Buffer.from(endA.headers.get('amicus-receipt'), 'base64'));
      assert.equal(r.upload_id, locA.split('/').pop());

      const uploadsDir = path.join(srv.dataDir, 'uploads');
      assert.ok(fs.existsSync(path.join(uploadsDir, locA.split('/').pop())));
      assert.ok(!fs.existsSync(path.join(uploadsDir, locB.split('/').pop())), 'second bytes deleted');
      assert.equal((await head(locB)).status, 404);
    } finally {
      await srv.stop();
    }
  });

  test('concurrent final PATCHes of the same upload yield one identical receipt', async () => {
    const srv = await startServer();
    try {
      const sid = newSubmissionId();
      const bytes = crypto.randomBytes(2 * 1024 * 1024);
      const created = await createUpload(srv.url, { length: bytes.length, metadata: { submission_id: sid, call_id: 'c' } });
      const loc = new URL(created.headers.get('location'), srv.url).href;
      const last = await patch(loc, 0, bytes);
      const again = await Promise.all([1, 2, 3].map(() => patch(loc, bytes.length, Buffer.alloc(0))));
      for (const res of again) {
        assert.equal(res.status, 204);
        assert.equal(res.headers.get('amicus-receipt'), last.headers.get('amicus-receipt'));
      }
      const files = fs.readdirSync(path.join(srv.dataDir, 'receipts'));
      assert.deepEqual(files, [`${sid}.json`]);
    } finally {
      await srv.stop();
    }
  });
});
