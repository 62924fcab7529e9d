// Direct tests of the pieces whose failure modes HTTP timing cannot reach
// reliably: concurrent receipt issuing, write-once files, limit arithmetic,
// metadata parsing.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Catalog, etagMatches } from '../src/catalog.js';
import { checkCreationMetadata, parseUploadMetadata } from '../src/metadata.js';
import { ReceiptStore, receiptJson, rfc3339Now } from '../src/receipts.js';
import { tempDir } from './helpers/server.js';

describe('ReceiptStore', () => {
  test('concurrent issue() for one submission signs once; everyone gets the same record', async () => {
    const dir = tempDir();
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const store = new ReceiptStore(path.join(dir, 'receipts'), privateKey);
    await store.init();
    const files = ['one', 'two', 'three', 'four'].map((name) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, crypto.randomBytes(512 * 1024));
      return f;
    });
    const results = await Promise.all(
      files.map((file, i) => store.issue({ submissionId: 'sub-00000001', uploadId: `u${i}`, file })),
    );
    assert.equal(results.filter((r) => r.issued).length, 1);
    for (const r of results) assert.deepEqual(r.record, results[0].record);
    const winner = JSON.parse(results[0].record.receipt);
    assert.equal(winner.upload_id, 'u0', 'first caller wins');
    assert.equal(winner.sha256, crypto.createHash('sha256').update(fs.readFileSync(files[0])).digest('hex'));
    assert.ok(crypto.verify(null, Buffer.from(results[0].record.receipt), publicKey, Buffer.from(results[0].record.signature, 'base64')));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'receipts')), ['sub-00000001.json']);
  });

  test('writeOnce never replaces an existing receipt (another process won)', async () => {
    const dir = tempDir();
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const store = new ReceiptStore(dir, privateKey);
    await store.init();
    assert.equal(await store.writeOnce('sub-00000002', 'first\n'), true);
    assert.equal(await store.writeOnce('sub-00000002', 'second\n'), false);
    assert.equal(fs.readFileSync(path.join(dir, 'sub-00000002.json'), 'utf8'), 'first\n');
    assert.deepEqual(fs.readdirSync(dir), ['sub-00000002.json'], 'no temp files left');
  });

  test('receipt bytes and time format', () => {
    assert.equal(rfc3339Now(new Date('2026-11-28T21:45:13.987Z')), '2026-11-28T21:45:13Z');
    assert.equal(
      receiptJson({ submissionId: 's', uploadId: 'u', size: 3, sha256: 'ab', receivedAt: 't' }),
      '{"v":1,"submission_id":"s","upload_id":"u","size":3,"sha256":"ab","received_at":"t"}',
    );
  });
});

describe('Catalog limits', () => {
  const MIB = 1024 * 1024;
  test('limit per call, null for unknown calls, broken or absent catalogs', () => {
    const dir = tempDir();
    const cat = new Catalog(dir);
    assert.equal(cat.uploadLimitForCall('a'), null, 'absent');
    fs.writeFileSync(path.join(dir, 'catalog.json'), '{not json');
    assert.equal(cat.uploadLimitForCall('a'), null, 'broken');
    fs.writeFileSync(
      path.join(dir, 'catalog.json'),
      JSON.stringify({
        format: 'amicus-catalog/1',
        sequence: 7,
        calls: [
          null,
          { id: 'a', limits: { words_per_answer: 1, bytes_per_attachment: 10 * MIB, attachments_per_submission: 3 } },
          { id: 'b', limits: { bytes_per_attachment: -1, attachments_per_submission: 3 } },
          { id: 'c', limits: { bytes_per_attachment: '5', attachments_per_submission: 3 } },
          { id: 'd', limits: { bytes_per_attachment: 5, attachments_per_submission: 0 } },
          { id: 'e' },
          { id: 'f', limits: {} },
          { id: 'g', limits: { attachments_per_submission: 2 } },
          { id: 'h', limits: { bytes_per_attachment: MIB } },
          { id: 'i', limits: { bytes_per_attachment: Number.MAX_SAFE_INTEGER, attachments_per_submission: 2 } },
        ],
      }),
    );
    assert.equal(cat.uploadLimitForCall('a'), 31 * MIB);
    // Amicus's defaults (core/calls/catalog.h) where the catalog sets no limit, or a bad one.
    assert.equal(cat.uploadLimitForCall('b'), 25 * MIB * 3 + MIB, 'bad bytes_per_attachment: the default');
    assert.equal(cat.uploadLimitForCall('c'), 25 * MIB * 3 + MIB);
    assert.equal(cat.uploadLimitForCall('d'), MIB, 'no attachments: answers only');
    assert.equal(cat.uploadLimitForCall('e'), 251 * MIB, 'no limits: 10 files of 25 MiB + 1 MiB');
    assert.equal(cat.uploadLimitForCall('f'), 251 * MIB);
    assert.equal(cat.uploadLimitForCall('g'), 51 * MIB, '2 files of the default 25 MiB');
    assert.equal(cat.uploadLimitForCall('h'), 11 * MIB, 'the default 10 files of 1 MiB');
    assert.equal(cat.uploadLimitForCall('i'), null, 'past 2^53: --max-size');
    assert.equal(cat.uploadLimitForCall('zzz'), null);
    assert.equal(cat.uploadLimitForCall(undefined), null);
  });

  test('If-None-Match comparison', () => {
    assert.ok(etagMatches('"abc"', '"abc"'));
    assert.ok(etagMatches('W/"abc"', '"abc"'));
    assert.ok(etagMatches('"x", "abc"', '"abc"'));
    assert.ok(etagMatches('*', '"abc"'));
    assert.ok(!etagMatches('"abcd"', '"abc"'));
    assert.ok(!etagMatches(undefined, '"abc"'));
  });
});

describe('Upload-Metadata', () => {
  const b = (s) => Buffer.from(s).toString('base64');
  test('parses tus pairs and rejects malformed headers', () => {
    assert.deepEqual({ ...parseUploadMetadata(`submission_id ${b('abc-12345')},call_id ${b('c')},flag`) }, {
      submission_id: 'abc-12345',
      call_id: 'c',
      flag: null,
    });
    for (const bad of ['', ' ', ',', 'a b c', 'a !!!!', 'a abc', `a ${b('x')},a ${b('y')}`]) {
      assert.equal(parseUploadMetadata(bad), null, JSON.stringify(bad));
    }
  });
  test('creation checks', () => {
    assert.equal(checkCreationMetadata(null), 'invalid_metadata');
    assert.equal(checkCreationMetadata({ call_id: 'c' }), 'missing_submission_id');
    assert.equal(checkCreationMetadata({ submission_id: 'abc', call_id: 'c' }), 'invalid_submission_id');
    assert.equal(checkCreationMetadata({ submission_id: 'abcdefgh' }), 'missing_call_id');
    assert.equal(checkCreationMetadata({ submission_id: 'abcdefgh', call_id: 'a\nb' }), 'invalid_call_id');
    assert.equal(checkCreationMetadata({ submission_id: 'abcdefgh', call_id: 'c' }), null);
  });
});
