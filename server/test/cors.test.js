// Issue #15, finding 5: no browser client exists, so no route answers with
// CORS headers unless the operator names an allowed origin; then only that
// origin is named, never "*".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createUpload, MIN_ENVELOPE_BYTES, newSubmissionId, startServer, tempDir } from './helpers/server.js';

const ORIGIN = 'https://intake.example.org';

async function answers(srv, origin) {
  const h = { Origin: origin };
  return [
    await fetch(`${srv.url}/catalog`, { headers: h }),
    await fetch(`${srv.url}/receipts/abcd-1234`, { headers: h }),
    await fetch(`${srv.url}/nope`, { headers: h }),
    await fetch(`${srv.url}/files`, { method: 'OPTIONS', headers: h }),
    await createUpload(srv.url, {
      length: MIN_ENVELOPE_BYTES,
      metadata: { submission_id: newSubmissionId(), call_id: 'c' },
      headers: h,
    }),
  ];
}

function withCatalog() {
  const dataDir = tempDir();
  fs.mkdirSync(path.join(dataDir, 'keys'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'keys', 'catalog.json'), '{"format":"amicus-catalog/1","sequence":1,"calls":[{"id":"c"}]}');
  return dataDir;
}

describe('CORS', () => {
  test('off by default: no Access-Control-Allow-Origin on any route', async () => {
    const srv = await startServer({ dataDir: withCatalog() });
    try {
      for (const res of await answers(srv, ORIGIN)) {
        assert.equal(res.headers.get('access-control-allow-origin'), null, res.url);
      }
    } finally {
      await srv.stop();
    }
  });

  test('--cors-origin allows that origin only', async () => {
    const srv = await startServer({ dataDir: withCatalog(), args: ['--cors-origin', ORIGIN] });
    try {
      for (const res of await answers(srv, ORIGIN)) {
        assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN, res.url);
      }
      for (const res of await answers(srv, 'https://evil.example')) {
        assert.equal(res.headers.get('access-control-allow-origin'), null, res.url);
      }
    } finally {
      await srv.stop();
    }
  });
});
