// Issue #15, finding 5: no browser client exists, so no route answers with
// CORS headers unless the operator names an allowed origin; then only that
// origin is named, never "*".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createUpload, MIN_ENVELOPE_BYTES, newSubmissionId, startServer, tempDir } from './helpers/server.js';

const TUS = { 'Tus-Resumable': '1.0.0' };

function head(location, headers = {}) {
  return fetch(location, { method: 'HEAD', headers: { ...TUS, ...headers } });
}

const ORIGIN = 'https://intake.example.org';

async function answers(srv, origin) {
  const h = origin ? { Origin: origin } : {};
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
  test('off by default: no CORS header at all on any route, OPTIONS and tus answers included', async () => {
    const srv = await startServer({ dataDir: withCatalog() });
    try {
      const all = [...(await answers(srv, ORIGIN)), ...(await answers(srv, undefined))];
      const created = all.find((res) => res.status === 201);
      assert.ok(created, 'an upload was created');
      const location = new URL(created.headers.get('location'), srv.url).href;
      all.push(await head(location), await head(location, { Origin: ORIGIN }));
      all.push(await fetch(location, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PATCH' } }));
      for (const res of all) {
        const cors = [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));
        assert.deepEqual(cors, [], `${res.url} answered ${res.status}`);
      }
    } finally {
      await srv.stop();
    }
  });

  test('--cors-origin allows that origin only', async () => {
    const srv = await startServer({ dataDir: withCatalog(), args: ['--cors-origin', ORIGIN] });
    try {
      const allowed = await answers(srv, ORIGIN);
      for (const res of allowed) {
        assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN, res.url);
      }
      // The preflight names what a page may send; the receipt headers are readable.
      const preflight = allowed[3];
      assert.match(preflight.headers.get('access-control-allow-methods'), /PATCH/);
      assert.match(preflight.headers.get('access-control-allow-headers'), /Upload-Offset/);
      const location = new URL(allowed[4].headers.get('location'), srv.url).href;
      const exposed = (await head(location, { Origin: ORIGIN })).headers.get('access-control-expose-headers');
      assert.match(exposed, /Amicus-Receipt/);
      assert.match(exposed, /Amicus-Receipt-Signature/);
      for (const res of await answers(srv, 'https://evil.example')) {
        assert.equal(res.headers.get('access-control-allow-origin'), null, res.url);
      }
    } finally {
      await srv.stop();
    }
  });
});
