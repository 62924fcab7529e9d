// GET /catalog and /catalog.sig: the secretariat's signed bytes served as-is,
// with a strong ETag so phones on metered links can revalidate for free.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, tempDir } from './helpers/server.js';

describe('catalog routes', () => {
  let srv;
  let keysDir;
  const signer = crypto.generateKeyPairSync('ed25519');

  function publish(catalog) {
    const bytes = Buffer.from(JSON.stringify(catalog, null, 2));
    const sig = crypto.sign(null, bytes, signer.privateKey).toString('base64');
    fs.writeFileSync(path.join(keysDir, 'catalog.json'), bytes);
    fs.writeFileSync(path.join(keysDir, 'catalog.json.sig'), `${sig}\n`);
    return { bytes, sig };
  }

  before(async () => {
    const dataDir = tempDir();
    keysDir = tempDir('amicus-keys-');
    srv = await startServer({ dataDir, keysDir });
  });
  after(async () => {
    await srv.stop();
  });

  test('404 JSON while no catalog is published', async () => {
    for (const p of ['/catalog', '/catalog.sig']) {
      const res = await fetch(`${srv.url}${p}`);
      assert.equal(res.status, 404, p);
      assert.equal(typeof (await res.json()).error, 'string');
    }
  });

  test('serves the exact bytes with a strong SHA-256 ETag and honours If-None-Match', async () => {
    const { bytes } = publish({ format: 'amicus-catalog/1', sequence: 1, calls: [] });
    const res = await fetch(`${srv.url}/catalog`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    const etag = res.headers.get('etag');
    assert.equal(etag, `"${crypto.createHash('sha256').update(bytes).digest('hex')}"`);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(bytes));

    const again = await fetch(`${srv.url}/catalog`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal((await again.arrayBuffer()).byteLength, 0);

    const listed = await fetch(`${srv.url}/catalog`, { headers: { 'If-None-Match': `"nope", ${etag}` } });
    assert.equal(listed.status, 304);
    const other = await fetch(`${srv.url}/catalog`, { headers: { 'If-None-Match': '"0000"' } });
    assert.equal(other.status, 200);
  });

  test('serves the detached signature, which verifies over the catalog bytes', async () => {
    const { bytes, sig } = publish({ format: 'amicus-catalog/1', sequence: 2, calls: [] });
    const res = await fetch(`${srv.url}/catalog.sig`);
    assert.equal(res.status, 200);
    const text = (await res.text()).trim();
    assert.equal(text, sig);
    const served = Buffer.from(await (await fetch(`${srv.url}/catalog`)).arrayBuffer());
    assert.ok(served.equals(bytes));
    assert.ok(crypto.verify(null, served, signer.publicKey, Buffer.from(text, 'base64')));
  });

  test('a newly published catalog is served without restart; the old ETag no longer matches', async () => {
    const first = await fetch(`${srv.url}/catalog`);
    const oldTag = first.headers.get('etag');
    await new Promise((r) => setTimeout(r, 20));
    const { bytes } = publish({ format: 'amicus-catalog/1', sequence: 3, calls: [{ id: 'x', limits: {} }] });
    const res = await fetch(`${srv.url}/catalog`, { headers: { 'If-None-Match': oldTag } });
    assert.equal(res.status, 200);
    assert.notEqual(res.headers.get('etag'), oldTag);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(bytes));
  });

  test('only GET and HEAD are allowed', async () => {
    const res = await fetch(`${srv.url}/catalog`, { method: 'POST', body: 'x' });
    assert.equal(res.status, 405);
    const h = await fetch(`${srv.url}/catalog`, { method: 'HEAD' });
    assert.equal(h.status, 200);
    assert.ok(h.headers.get('etag'));
  });
});
