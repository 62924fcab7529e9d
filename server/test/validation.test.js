// Refusals: missing metadata, oversized uploads (flag and catalog limits),
// unknown paths and garbage input must all get a clear answer and never
// take the server down.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createUpload, head, MIN_ENVELOPE_BYTES, newSubmissionId, patch, startServer, tempDir } from './helpers/server.js';

const MIB = 1024 * 1024;

async function expectJsonError(res, status, error) {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = await res.json();
  if (error) assert.equal(body.error, error);
  else assert.equal(typeof body.error, 'string');
  return body;
}

function rawRequest(port, text) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let out = '';
    sock.setEncoding('latin1');
    sock.on('data', (d) => {
      out += d;
    });
    sock.on('error', () => resolve(out));
    sock.on('close', () => resolve(out));
    sock.write(text);
    setTimeout(() => sock.end(), 300);
  });
}

describe('refusals', () => {
  let srv;
  before(async () => {
    const dataDir = tempDir();
    const keysDir = path.join(dataDir, 'keys');
    fs.mkdirSync(keysDir, { recursive: true });
    fs.writeFileSync(
      path.join(keysDir, 'catalog.json'),
      JSON.stringify({
        format: 'amicus-catalog/1',
        sequence: 1,
        calls: [
          { id: 'small-call', limits: { words_per_answer: 500, bytes_per_attachment: 1000, attachments_per_submission: 2 } },
          { id: 'big-call', limits: { words_per_answer: 500, bytes_per_attachment: 4 * MIB, attachments_per_submission: 2 } },
          { id: 'call-without-limits' },
        ],
      }),
    );
    srv = await startServer({ dataDir, args: ['--max-size', String(2 * MIB)] });
  });
  after(async () => {
    await srv.stop();
  });

  test('creation without Upload-Metadata is 400 JSON', async () => {
    const res = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES });
    await expectJsonError(res, 400, 'missing_submission_id');
    assert.equal(res.headers.get('location'), null);
  });

  test('creation without submission_id, with a bad one, or without call_id is 400 JSON', async () => {
    await expectJsonError(await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: { call_id: 'small-call' } }), 400, 'missing_submission_id');
    for (const bad of ['short', 'has space in it', 'x'.repeat(65), 'ünïcødé-id-123', '../../etc/pwd']) {
      const res = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: { submission_id: bad, call_id: 'small-call' } });
      await expectJsonError(res, 400, 'invalid_submission_id');
    }
    await expectJsonError(
      await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: { submission_id: newSubmissionId() } }),
      400,
      'missing_call_id',
    );
    await expectJsonError(
      await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: { submission_id: newSubmissionId(), call_id: null } }),
      400,
      'missing_call_id',
    );
    const res = await createUpload(srv.url, {
      length: MIN_ENVELOPE_BYTES,
      headers: { 'Upload-Metadata': 'submission_id !!notbase64!!' },
    });
    await expectJsonError(res, 400);
    assert.deepEqual(fs.readdirSync(path.join(srv.dataDir, 'uploads')), [], 'nothing was created');
  });

  test('8 and 64 character submission ids are accepted', async () => {
    for (const id of ['abcd-123', 'A'.repeat(64)]) {
      const res = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: { submission_id: id, call_id: 'small-call' } });
      assert.equal(res.status, 201, id);
    }
  });

  test('a call the served catalog does not list is 400 unknown_call, whatever its size (#15)', async () => {
    // It used to get --max-size (2 GiB by default) instead of the calls' limits.
    for (const length of [MIN_ENVELOPE_BYTES, 2 * MIB]) {
      const meta = { submission_id: newSubmissionId(), call_id: 'not-in-catalog' };
      await expectJsonError(await createUpload(srv.url, { length, metadata: meta }), 400, 'unknown_call');
    }
  });

  test('an Upload-Length below the smallest envelope is 400, and no upload is made (#15)', async () => {
    const before = fs.readdirSync(path.join(srv.dataDir, 'uploads')).length;
    for (const length of [0, 1, MIN_ENVELOPE_BYTES - 1]) {
      const meta = { submission_id: newSubmissionId(), call_id: 'small-call' };
      await expectJsonError(await createUpload(srv.url, { length, metadata: meta }), 400, 'too_small_for_an_envelope');
    }
    assert.equal(fs.readdirSync(path.join(srv.dataDir, 'uploads')).length, before);
  });

  test('the catalog limit is bytes_per_attachment * attachments_per_submission + 1 MiB', async () => {
    const small = 1000 * 2 + MIB;
    const metaS = () => ({ submission_id: newSubmissionId(), call_id: 'small-call' });
    assert.equal((await createUpload(srv.url, { length: small + 1, metadata: metaS() })).status, 413);
    assert.equal((await createUpload(srv.url, { length: small, metadata: metaS() })).status, 201);
    // A call with a larger budget than --max-size gets its own limit.
    const big = 8 * MIB + MIB;
    const metaB = () => ({ submission_id: newSubmissionId(), call_id: 'big-call' });
    assert.equal((await createUpload(srv.url, { length: big, metadata: metaB() })).status, 201);
    assert.equal((await createUpload(srv.url, { length: big + 1, metadata: metaB() })).status, 413);
  });

  test('a call whose catalog entry sets no limits gets the app\'s defaults, 10 files of 25 MiB + 1 MiB, not --max-size (#14)', async () => {
    // Above this server's --max-size (2 MiB): it used to be refused past 2 MiB, and with the
    // default --max-size it took up to 2 GiB.
    const limit = 10 * 25 * MIB + MIB;
    const meta = () => ({ submission_id: newSubmissionId(), call_id: 'call-without-limits' });
    const refused = await createUpload(srv.url, { length: limit + 1, metadata: meta() });
    assert.equal(refused.status, 413);
    assert.equal((await createUpload(srv.url, { length: limit, metadata: meta() })).status, 201);
  });

  test('a deferred length is 400 length_required: it would escape the caps on declared bytes (#15)', async () => {
    const res = await createUpload(srv.url, {
      metadata: { submission_id: newSubmissionId(), call_id: 'small-call' },
      headers: { 'Upload-Defer-Length': '1' },
    });
    await expectJsonError(res, 400, 'length_required');
  });

  test('a PATCH body longer than the declared length is refused, the upload stays sane', async () => {
    const res = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: { submission_id: newSubmissionId(), call_id: 'small-call' } });
    const loc = new URL(res.headers.get('location'), srv.url).href;
    const p = await patch(loc, 0, Buffer.alloc(MIN_ENVELOPE_BYTES + 1));
    assert.equal(p.status, 413);
    const h = await head(loc);
    assert.equal(h.status, 200);
    assert.equal(h.headers.get('upload-offset'), '0');
  });

  test('tus requests without Tus-Resumable are 412; bad Content-Type on PATCH is refused', async () => {
    const r = await fetch(`${srv.url}/files`, { method: 'POST', headers: { 'Upload-Length': '1' } });
    assert.equal(r.status, 412);
    const created = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: { submission_id: newSubmissionId(), call_id: 'small-call' } });
    const loc = new URL(created.headers.get('location'), srv.url).href;
    const p = await patch(loc, 0, Buffer.from('abcd'), { 'Content-Type': 'text/plain' });
    assert.ok(p.status === 400 || p.status === 415 || p.status === 403, String(p.status));
    assert.equal((await head(loc)).headers.get('upload-offset'), '0');
  });

  test('unknown paths and methods are 404 JSON', async () => {
    for (const [method, p] of [
      ['GET', '/'],
      ['GET', '/nope'],
      ['POST', '/catalogue'],
      ['GET', '/files'],
      ['GET', '/receipts'],
      ['GET', '/receipts/a/b'],
      ['PUT', '/anything/else'],
    ]) {
      const res = await fetch(`${srv.url}${p}`, { method });
      await expectJsonError(res, 404);
    }
    assert.equal((await head(`${srv.url}/files/doesnotexist`)).status, 404);
    assert.equal((await patch(`${srv.url}/files/doesnotexist`, 0, Buffer.from('x'))).status, 404);
  });

  test('garbage on the socket does not crash the server', async () => {
    const port = new URL(srv.url).port;
    await rawRequest(port, '\x00\x01\x02 not http at all\r\n\r\n');
    await rawRequest(port, 'GET http://evil.example/x HTTP/1.1\r\nHost: a\r\n\r\n');
    await rawRequest(port, 'PATCH /files/../../etc/passwd HTTP/1.1\r\nHost: a\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: 3\r\n\r\nabc');
    await rawRequest(port, 'HEAD /files/%ZZ HTTP/1.1\r\nHost: a\r\nTus-Resumable: 1.0.0\r\n\r\n');
    await rawRequest(port, 'POST /files HTTP/1.1\r\nHost: a\r\nTus-Resumable: 1.0.0\r\nUpload-Length: -5\r\nUpload-Metadata: ,,,\r\n\r\n');
    await rawRequest(port, 'POST /files HTTP/1.1\r\nHost: a\r\nTus-Resumable: 1.0.0\r\nUpload-Length: 99999999999999999999999\r\n\r\n');
    // Cut a PATCH mid-body.
    const created = await createUpload(srv.url, { length: MIN_ENVELOPE_BYTES, metadata: { submission_id: newSubmissionId(), call_id: 'small-call' } });
    const id = created.headers.get('location').split('/').pop();
    await rawRequest(
      port,
      `PATCH /files/${id} HTTP/1.1\r\nHost: a\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: 1000\r\n\r\n${'z'.repeat(300)}`,
    );
    const alive = await fetch(`${srv.url}/receipts/${newSubmissionId()}`);
    assert.equal(alive.status, 404);
    assert.equal(srv.child.exitCode, null, 'still running');
    // The upload kept what arrived before the cut, and can resume from there.
    const h = await head(new URL(created.headers.get('location'), srv.url).href);
    assert.equal(h.status, 200);
    const off = Number(h.headers.get('upload-offset'));
    assert.ok(off >= 0 && off <= 300, String(off));
  });
});

describe('without a catalog (#15)', () => {
  test('only --max-size applies, to any call_id', async () => {
    const srv = await startServer({ args: ['--max-size', String(2 * MIB)] });
    try {
      const meta = () => ({ submission_id: newSubmissionId(), call_id: 'any-call' });
      assert.equal((await createUpload(srv.url, { length: 2 * MIB + 1, metadata: meta() })).status, 413);
      assert.equal((await createUpload(srv.url, { length: 2 * MIB, metadata: meta() })).status, 201);
    } finally {
      await srv.stop();
    }
  });
});
