// Upload URLs behind a reverse proxy: the forwarded headers are ignored unless
// the operator passes --trust-proxy, and then the Location names the public origin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUpload, head, MIN_ENVELOPE_BYTES, newSubmissionId, startServer } from './helpers/server.js';

const FORWARDED = {
  'X-Forwarded-Host': 'intake.example.org',
  'X-Forwarded-Proto': 'https',
};

async function createBehindProxy(srv, headers) {
  const res = await createUpload(srv.url, {
    length: MIN_ENVELOPE_BYTES,
    metadata: { submission_id: newSubmissionId(), call_id: 'hrc54-policing' },
    headers,
  });
  assert.equal(res.status, 201);
  return new URL(res.headers.get('location'));
}

describe('without --trust-proxy', () => {
  let srv;
  before(async () => {
    srv = await startServer();
  });
  after(async () => {
    await srv.stop();
  });

  test('forwarded headers do not choose the upload URL', async () => {
    const location = await createBehindProxy(srv, FORWARDED);
    assert.equal(location.origin, new URL(srv.url).origin);
    const forwarded = await createBehindProxy(srv, { Forwarded: 'host=evil.example;proto=https' });
    assert.equal(forwarded.origin, new URL(srv.url).origin);
  });
});

describe('with --trust-proxy', () => {
  let srv;
  before(async () => {
    srv = await startServer({ args: ['--trust-proxy'] });
  });
  after(async () => {
    await srv.stop();
  });

  test('the upload URL names the public origin the proxy forwarded', async () => {
    const location = await createBehindProxy(srv, FORWARDED);
    assert.equal(location.origin, 'https://intake.example.org');
    assert.match(location.pathname, /^\/files\/[^/]+$/);
    // The same path answers on the origin the proxy talks to.
    const res = await head(new URL(location.pathname, srv.url).href);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('upload-offset'), '0');
  });

  test('a request without forwarded headers still gets a usable URL', async () => {
    const location = await createBehindProxy(srv, {});
    assert.equal(location.origin, new URL(srv.url).origin);
  });
});
