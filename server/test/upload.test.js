// tus upload life cycle against the real server: creation, chunked PATCH,
// HEAD resume, signed receipt, receipt recovery, exactly-once refusal.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  createUpload,
  envelopeBytes,
  MIN_ENVELOPE_BYTES,
  head,
  newSubmissionId,
  patch,
  sha256Hex,
  startServer,
  terminate,
  uploadAll,
  verifyReceipt,
} from './helpers/server.js';

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function receiptFromHeaders(res) {
  const receipt = res.headers.get('amicus-receipt');
  const signature = res.headers.get('amicus-receipt-signature');
  assert.ok(receipt, 'Amicus-Receipt header present');
  assert.ok(signature, 'Amicus-Receipt-Signature header present');
  return { bytes: Buffer.from(receipt, 'base64'), signature };
}

describe('upload and receipt', () => {
  let srv;
  before(async () => {
    srv = await startServer();
  });
  after(async () => {
    const { code } = await srv.stop();
    assert.equal(code, 0, 'graceful shutdown exits 0');
  });

  test('prints a 32-byte Ed25519 public key and creates the key file 0600', () => {
    assert.equal(Buffer.from(srv.publicKeyBase64, 'base64').length, 32);
    const st = fs.statSync(path.join(srv.dataDir, 'keys', 'receipt-signing.pem'));
    assert.equal(st.mode & 0o777, 0o600);
  });

  test('OPTIONS advertises tus 1.0 with termination and expiration', async () => {
    const res = await fetch(`${srv.url}/files`, { method: 'OPTIONS' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('tus-version'), '1.0.0');
    const ext = res.headers.get('tus-extension').split(',');
    for (const e of ['creation', 'termination', 'expiration']) assert.ok(ext.includes(e), e);
    assert.equal(res.headers.get('tus-max-size'), String(2 * 1024 * 1024 * 1024));
  });

  const sid = newSubmissionId();
  const bytes = crypto.randomBytes(300 * 1024 + 7);
  let location;
  let firstReceipt;

  test('creation, PATCH in three chunks with HEAD resume, signed receipt on the last', async () => {
    const created = await createUpload(srv.url, {
      length: bytes.length,
      metadata: { submission_id: sid, call_id: 'hrc54-policing', filename: 'sub.age' },
    });
    assert.equal(created.status, 201);
    assert.ok(created.headers.get('upload-expires'), 'Upload-Expires on creation');
    location = new URL(created.headers.get('location'), srv.url).href;
    assert.match(location, /\/files\/[0-9a-f]{32}$/);

    const h0 = await head(location);
    assert.equal(h0.status, 200);
    assert.equal(h0.headers.get('upload-offset'), '0');
    assert.equal(h0.headers.get('upload-length'), String(bytes.length));
    assert.equal(h0.headers.get('cache-control'), 'no-store');

    const cuts = [0, 100_000, 200_000, bytes.length];
    for (let i = 0; i < 3; i++) {
      // Resume the way the client does: ask the server where it stands.
      const h = await head(location);
      assert.equal(h.headers.get('upload-offset'), String(cuts[i]));
      const res = await patch(location, cuts[i], bytes.subarray(cuts[i], cuts[i + 1]));
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('upload-offset'), String(cuts[i + 1]));
      if (i < 2) {
        assert.equal(res.headers.get('amicus-receipt'), null, 'no receipt before the end');
      } else {
        firstReceipt = receiptFromHeaders(res);
      }
    }
    // (Without --cors-origin no answer has CORS headers: cors.test.js.)
  });

  test('receipt is exactly the documented JSON, hashes the bytes sent and verifies', () => {
    const text = firstReceipt.bytes.toString('utf8');
    const r = JSON.parse(text);
    assert.deepEqual(Object.keys(r), ['v', 'submission_id', 'upload_id', 'size', 'sha256', 'received_at']);
    assert.equal(r.v, 1);
    assert.equal(r.submission_id, sid);
    assert.equal(r.upload_id, location.split('/').pop());
    assert.equal(r.size, bytes.length);
    assert.equal(r.sha256, sha256Hex(bytes));
    assert.match(r.received_at, RFC3339_UTC);
    assert.ok(Math.abs(Date.parse(r.received_at) - Date.now()) < 60_000);
    assert.equal(JSON.stringify(r), text, 'serialised with JSON.stringify in key order');
    assert.ok(verifyReceipt(srv.publicKeyBase64, firstReceipt.bytes, firstReceipt.signature));
    const tampered = Buffer.from(text.replace(`"size":${bytes.length}`, `"size":${bytes.length + 1}`));
    assert.equal(verifyReceipt(srv.publicKeyBase64, tampered, firstReceipt.signature), false);
  });

  test('stored bytes are the bytes sent, and the receipt is persisted', () => {
    const stored = fs.readFileSync(path.join(srv.dataDir, 'uploads', location.split('/').pop()));
    assert.ok(stored.equals(bytes));
    const file = JSON.parse(fs.readFileSync(path.join(srv.dataDir, 'receipts', `${sid}.json`), 'utf8'));
    assert.equal(file.receipt, firstReceipt.bytes.toString('utf8'));
    assert.equal(file.signature, firstReceipt.signature);
    const leftovers = fs.readdirSync(path.join(srv.dataDir, 'receipts')).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  test('GET /receipts/<submission_id> returns the stored receipt', async () => {
    const res = await fetch(`${srv.url}/receipts/${sid}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    const body = await res.json();
    assert.equal(body.receipt, firstReceipt.bytes.toString('utf8'));
    assert.equal(body.signature, firstReceipt.signature);
    assert.ok(verifyReceipt(srv.publicKeyBase64, Buffer.from(body.receipt, 'utf8'), body.signature));
  });

  test('GET /receipts of an unknown or malformed id is 404 {"error":"unknown"}', async () => {
    for (const id of [newSubmissionId(), 'short', 'bad..id/../x', '%00zzzzzzzzz']) {
      const res = await fetch(`${srv.url}/receipts/${id}`);
      assert.equal(res.status, 404, id);
      if (res.headers.get('content-type')?.startsWith('application/json')) {
        const body = await res.json();
        assert.ok(body.error === 'unknown' || body.error === 'not_found');
      }
    }
    const res = await fetch(`${srv.url}/receipts/${newSubmissionId()}`);
    assert.deepEqual(await res.json(), { error: 'unknown' });
  });

  test('a second creation for a delivered submission is 409 with the same receipt', async () => {
    const res = await createUpload(srv.url, {
      length: MIN_ENVELOPE_BYTES,
      metadata: { submission_id: sid, call_id: 'hrc54-policing' },
    });
    assert.equal(res.status, 409);
    assert.equal(res.headers.get('tus-resumable'), '1.0.0');
    assert.equal(res.headers.get('location'), null);
    const again = receiptFromHeaders(res);
    assert.ok(again.bytes.equals(firstReceipt.bytes));
    assert.equal(again.signature, firstReceipt.signature);
    const body = await res.json();
    assert.equal(body.error, 'duplicate_submission');
    assert.equal(body.receipt, firstReceipt.bytes.toString('utf8'));
    assert.equal(body.signature, firstReceipt.signature);
    // No new upload was created.
    const files = fs.readdirSync(path.join(srv.dataDir, 'uploads')).filter((f) => !f.endsWith('.json'));
    assert.equal(files.length, 1);
  });

  test('zero-length PATCH at the final offset after completion answers 204 with the same receipt', async () => {
    const res = await patch(location, bytes.length, Buffer.alloc(0));
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('upload-offset'), String(bytes.length));
    const again = receiptFromHeaders(res);
    assert.ok(again.bytes.equals(firstReceipt.bytes), 'not re-issued');
    assert.equal(again.signature, firstReceipt.signature);
    // The server is still alive and consistent.
    const h = await head(location);
    assert.equal(h.status, 200);
    assert.equal(h.headers.get('upload-offset'), String(bytes.length));
  });

  test('PATCH at a stale offset is 409 and changes nothing', async () => {
    const res = await patch(location, 0, Buffer.from('xx'));
    assert.equal(res.status, 409);
    const stored = fs.readFileSync(path.join(srv.dataDir, 'uploads', location.split('/').pop()));
    assert.ok(stored.equals(bytes));
  });

  test('a finished upload cannot be terminated', async () => {
    const res = await terminate(location);
    assert.equal(res.status, 400);
    assert.equal((await head(location)).status, 200);
  });

  test('GET on an upload URL does not hand out the stored envelope', async () => {
    const res = await fetch(location);
    assert.equal(res.status, 404);
    const body = await res.text();
    assert.ok(!body.includes(bytes.subarray(0, 16).toString('latin1')));
  });

  test('an unfinished upload can be terminated; then HEAD and PATCH are 404', async () => {
    const created = await createUpload(srv.url, {
      length: MIN_ENVELOPE_BYTES + 60,
      metadata: { submission_id: newSubmissionId(), call_id: 'c1' },
    });
    assert.equal(created.status, 201);
    const loc = new URL(created.headers.get('location'), srv.url).href;
    assert.equal((await patch(loc, 0, Buffer.alloc(40, 1))).status, 204);
    const del = await terminate(loc);
    assert.equal(del.status, 204);
    assert.equal((await head(loc)).status, 404);
    assert.equal((await patch(loc, 40, Buffer.alloc(MIN_ENVELOPE_BYTES + 20, 1))).status, 404);
  });

  test('creation-with-upload and empty uploads also get receipts', async () => {
    const s1 = newSubmissionId();
    const body = envelopeBytes(MIN_ENVELOPE_BYTES + 3, 2);
    const res = await fetch(`${srv.url}/files`, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(body.length),
        'Upload-Metadata': `submission_id ${Buffer.from(s1).toString('base64')},call_id ${Buffer.from('c').toString('base64')}`,
        'Content-Type': 'application/offset+octet-stream',
      },
      body,
    });
    assert.equal(res.status, 201);
    const r1 = receiptFromHeaders(res);
    assert.equal(JSON.parse(r1.bytes).sha256, sha256Hex(body));
    assert.ok(verifyReceipt(srv.publicKeyBase64, r1.bytes, r1.signature));

    // An empty upload can hold no envelope: refused, and no receipt is made (#15).
    const s2 = newSubmissionId();
    const empty = await createUpload(srv.url, { length: 0, metadata: { submission_id: s2, call_id: 'c' } });
    assert.equal(empty.status, 400);
    assert.equal((await empty.json()).error, 'too_small_for_an_envelope');
    assert.equal((await fetch(`${srv.url}/receipts/${s2}`)).status, 404);
  });

  test('the log never contains metadata values', async () => {
    const secret = 'Very Personal Filename.pdf';
    const s = newSubmissionId();
    await uploadAll(srv.url, envelopeBytes(), { submission_id: s, call_id: 'c', filename: secret }, 1);
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!srv.stderr.includes(secret));
    assert.ok(!srv.stderr.includes(Buffer.from(secret).toString('base64')));
    // Upload ids and submission ids appear only as a digest (#15).
    assert.match(srv.stderr, /PATCH \/files\/#[0-9a-f]{12} 204/);
    assert.doesNotMatch(srv.stderr, /[0-9a-f]{32}/);
    assert.ok(!srv.stderr.includes(s), 'no submission id in the log');
  });
});
