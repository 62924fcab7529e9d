// A PATCH cut mid-body keeps every byte that arrived (src/keep-received.js): the next HEAD
// reports them all, and the upload finished from there gets a receipt over exactly its bytes.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { createUpload, head, newSubmissionId, patch, sha256Hex, startServer } from './helpers/server.js';

const MIB = 1024 * 1024;

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv.stop();
});

// Sends a PATCH's head and `sent` of its body, then closes the connection half-way.
function cutPatch(port, id, offset, length, sent) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.on('error', reject);
    sock.on('close', resolve);
    sock.write(
      `PATCH /files/${id} HTTP/1.1\r\nHost: a\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: ${offset}\r\n` +
        `Content-Type: application/offset+octet-stream\r\nContent-Length: ${length}\r\n\r\n`,
    );
    sock.write(sent, () => sock.end()); // every byte handed to the kernel, then the cut
    sock.resume();
  });
}

async function offsetOf(location) {
  return Number((await head(location)).headers.get('upload-offset'));
}

test('a PATCH cut mid-body keeps all it received; the rest resumes from there', async () => {
  const bytes = crypto.randomBytes(8 * MIB);
  const created = await createUpload(srv.url, {
    length: bytes.length,
    metadata: { submission_id: newSubmissionId(), call_id: 'hrc54-policing', filename: 'sub.age' },
  });
  assert.equal(created.status, 201);
  const location = new URL(created.headers.get('location'), srv.url).href;
  const id = location.split('/').pop();
  const port = Number(new URL(srv.url).port);

  // Two cuts at odd places, each with more in flight than the streams' buffers hold.
  let offset = 0;
  for (const cutAt of [3 * MIB + 4321, 5 * MIB + 17]) {
    await cutPatch(port, id, offset, bytes.length - offset, bytes.subarray(offset, cutAt));
    // Everything sent reached the server (loopback, ended cleanly): once the cut PATCH let go
    // of the upload, HEAD reports all of it. Before the fix it stayed ~100 KiB short.
    const deadline = Date.now() + 20_000;
    let reported = await offsetOf(location);
    while (reported !== cutAt && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      reported = await offsetOf(location);
    }
    assert.equal(reported, cutAt, `kept ${reported} of the ${cutAt} bytes sent`);
    offset = cutAt;
  }
  const last = await patch(location, offset, bytes.subarray(offset));
  assert.equal(last.status, 204);
  const receipt = JSON.parse(Buffer.from(last.headers.get('amicus-receipt'), 'base64').toString('utf8'));
  assert.equal(receipt.size, bytes.length);
  assert.equal(receipt.sha256, sha256Hex(bytes), 'the kept bytes are the bytes sent, in place');
});
