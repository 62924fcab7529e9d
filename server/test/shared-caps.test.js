// The caps on unfinished uploads with several processes (--redis, one shared data
// directory): each process counts the uploads it admitted, and an upload it admitted that
// finished or was terminated on the other process gives its room back (it used to be held
// until a restart, so one address was refused for good once its uploads finished elsewhere).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startRedis } from './helpers/redis.js';
import { createUpload, envelopeBytes, newSubmissionId, patch, startServer, tempDir, terminate } from './helpers/server.js';

describe('caps on unfinished uploads across two processes', () => {
  let redis;
  let one;
  let two;

  before(async () => {
    redis = await startRedis();
    const dataDir = tempDir();
    const args = ['--redis', redis.url, '--max-unfinished-per-address', '2'];
    one = await startServer({ dataDir, args });
    two = await startServer({ dataDir, args });
  });

  after(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await redis?.stop();
  });

  const bytes = envelopeBytes();

  async function create(srv) {
    const res = await createUpload(srv.url, {
      length: bytes.length,
      metadata: { submission_id: newSubmissionId(), call_id: 'caps-call' },
    });
    return { status: res.status, location: res.headers.get('location') && new URL(res.headers.get('location'), srv.url).href };
  }

  // The same upload, addressed through the other process.
  const on = (srv, location) => `${srv.url}/files/${location.split('/').pop()}`;

  test('uploads admitted by one process and finished on the other give their room back there', async () => {
    const admitted = [await create(one), await create(one)];
    assert.deepEqual(admitted.map((u) => u.status), [201, 201]);
    assert.equal((await create(one)).status, 429, 'the per-address cap holds on the admitting process');
    for (const u of admitted) assert.equal((await patch(on(two, u.location), 0, bytes)).status, 204);
    const again = await create(one);
    assert.equal(again.status, 201, 'room is back once they finished elsewhere');
    assert.equal((await terminate(on(two, again.location))).status, 204, 'and once terminated elsewhere');
    assert.equal((await create(one)).status, 201);
    assert.equal((await create(one)).status, 201);
    assert.equal((await create(one)).status, 429, 'unfinished uploads still count');
  });
});
